"""Phonetic folding: one spelling-independent form for a name token.

Every romanization convention (BGN, ICAO, RFE/RL, the Kazakh Latin alphabets, German,
French, Polish, Turkish, Spanish press habits) is folded into the same small alphabet:
diacritics removed, digraphs collapsed to one symbol per Cyrillic sound (``zh``, ``j``,
``ż``, ``ž`` -> ``Z``), glides between vowels dropped (``Tokayev``, ``Tokajew``,
``Tokaïev`` -> ``tokaev``), double letters collapsed (``Kassym`` -> ``kasim``). Cyrillic
tokens are first romanized with the ASCII ``odni`` table so both scripts meet.

Folding is lossy on purpose; what it cannot decide (``j`` = ж in French, й in German)
is repaired by the lexicon, which knows how each convention spells each known name.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Final

from translit.text import has_cyrillic, prepare

# Letters with a fixed reading, handled before diacritics are stripped.
_SPECIAL: Final = str.maketrans(
    {
        "ß": "ss", "ł": "l", "ż": "zh", "ź": "z", "ş": "sh", "ș": "sh", "ç": "ch",
        "č": "ch", "š": "sh", "ž": "zh", "ğ": "g", "ǵ": "g", "ı": "i", "ñ": "n",
        "ń": "n", "ņ": "n", "ŋ": "n", "ə": "a", "ŝ": "shch", "ý": "u", "ú": "u",
        "ù": "u", "û": "yu", "â": "ya", "ḥ": "h", "ķ": "k", "ġ": "g", "æ": "ae",
        "ø": "o", "đ": "d", "ė": "e", "è": "e", "ĭ": "y", "ë": "yo",
    }
)  # fmt: skip
# kz-2017 apostrophe letters whose base letter reads differently.
_APOSTROPHE_RE: Final = re.compile("([scy])['’ʼ`]")
_APOSTROPHE: Final = {"s": "sh", "c": "ch", "y": "u"}
_NON_LETTER_RE: Final = re.compile(r"[^a-z]+")

# Digraphs and letter groups -> one symbol per sound. Upper-case symbols are sounds:
# S ш, C ч, W щ, Z ж, X х, T ц.
_GROUPS: Final = {
    "schtsch": "W", "shch": "W", "chtch": "W", "szcz": "W", "sjtsj": "W",
    "tsch": "C", "tch": "C", "cz": "C", "ch": "C",
    "sch": "S", "sh": "S", "sz": "S",
    "dzh": "Z", "dz": "Z", "zh": "Z",
    "kh": "X", "gh": "g", "ts": "T", "tz": "T",
    "ou": "u", "ph": "f", "ck": "k", "x": "ks", "w": "v", "q": "k", "c": "T",
    "h": "X", "z": "s", "y": "i",
}  # fmt: skip
_GROUPS_RE: Final = re.compile("|".join(sorted(_GROUPS, key=len, reverse=True)))
_VOWELS: Final = "aeiou"
# j: a glide between or after vowels (German, Polish: Tokajew), else ж (French, Turkish).
_J_GLIDE_RE: Final = re.compile(f"(?<=[{_VOWELS}])j")
_IO_RE: Final = re.compile(f"(?<=[^{_VOWELS}])io")
_GLIDE_RE: Final = re.compile(f"(?<=[{_VOWELS}])i(?=[{_VOWELS}])")
_DOUBLE_RE: Final = re.compile(r"(.)\1+")


@lru_cache(maxsize=1 << 18)
def fold_token(token: str) -> str:
    """The phonetic fold of one name token (any script); ``""`` if it has no letters."""
    if not token:
        return ""
    if has_cyrillic(token):
        token = _cyrillic_to_latin(token)
    text = token.lower().translate(_SPECIAL)
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = _APOSTROPHE_RE.sub(lambda m: _APOSTROPHE[m.group(1)], text)
    text = _NON_LETTER_RE.sub("", text)
    if not text:
        return ""
    text = _J_GLIDE_RE.sub("i", text).replace("j", "Z")
    text = _GROUPS_RE.sub(lambda m: _GROUPS[m.group()], text)
    text = _IO_RE.sub("e", text)
    if text.startswith("ie"):
        text = text[1:]
    text = _GLIDE_RE.sub("", text)
    text = _DOUBLE_RE.sub(r"\1", text)
    return text.replace("ng", "n")


def _cyrillic_to_latin(token: str) -> str:
    from translit.romanize import romanize

    return romanize(prepare(token), "odni", lang="kk")
