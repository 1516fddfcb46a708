"""Text in the script a model reads: Uzbek written in Cyrillic goes to NLLB in Latin.

Uzbek is written in both alphabets, and the identifier finds Uzbek in either, but NLLB
knows it only in Latin script (``uzn_Latn``). A language whose entry in
``data/models/languages.json`` has a ``from_cyrillic`` table is written in Latin letters
before it reaches the model (the source text in the document and the report is not
changed).
"""

from __future__ import annotations

import re

from translate.registry import load_languages

_CYRILLIC = re.compile(r"[\u0400-\u04FF]")


def to_model_script(text: str, lang: str) -> str:
    """``text`` in the script models know ``lang`` in (unchanged when no table applies)."""
    language = load_languages().get(lang)
    table = language.from_cyrillic if language is not None else None
    if not table or not _CYRILLIC.search(text):
        return text
    out: list[str] = []
    previous = ""
    for char in text:
        lower = char.lower()
        starts_word = not previous.isalpha()
        latin = table.get("^" + lower) if starts_word else None
        if latin is None:
            latin = table.get(lower)
        if latin is None:
            out.append(char)
        elif char != lower:  # upper case: the first letter of the spelling
            out.append(latin[:1].upper() + latin[1:])
        else:
            out.append(latin)
        previous = char
    return "".join(out)
