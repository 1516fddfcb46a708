"""Build ``data/names/name_letters.json``: how often each short run of letters occurs
in Russian-form names, for choosing the likeliest Cyrillic name behind a reading that
leaves letters open (a Japanese katakana name: ラ is ла or ра; translit/names/readings.py).

The names: every given name, surname and patronymic in the nominative singular of the
Russian dictionary that pymorphy3 ships (``pymorphy3-dicts-ru``, from OpenCorpora; the
tags Name, Surn, Patr), and every Cyrillic form of translit's own lexicon (Kazakh and
Russian forms). Stored are the counts of letter runs of 1 to ``ORDER`` letters of each
name between the marks ``^`` (start) and ``$`` (end), runs seen fewer than ``MIN_COUNT``
times left out (rare runs say little and would make the file large).

    python scripts/build_name_letters.py
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pymorphy3

from translit.names.lexicon import lexicon_forms

ORDER = 4
MIN_COUNT = 2
_CYRILLIC_WORD = re.compile("^[а-яёәғқңөұүһі]+$")
OUT = Path(__file__).resolve().parent.parent / "data" / "names" / "name_letters.json"


def dictionary_names() -> set[str]:
    """The nominative singular names of pymorphy3's Russian dictionary."""
    morph = pymorphy3.MorphAnalyzer()
    found = set()
    for word, tag, _, _, _ in morph.dictionary.iter_known_words():
        if ("Name" in tag or "Surn" in tag or "Patr" in tag) and "nomn" in tag and "sing" in tag:
            found.add(word)
    return found


def main() -> None:
    names = dictionary_names()
    for forms, _ in lexicon_forms():
        names.update(f.lower() for f in forms)
    names = {n for n in names if _CYRILLIC_WORD.match(n)}
    counts: Counter[str] = Counter()
    for name in names:
        padded = f"^{name}$"
        for n in range(1, ORDER + 1):
            for i in range(len(padded) - n + 1):
                counts[padded[i : i + n]] += 1
    kept = {g: c for g, c in sorted(counts.items()) if c >= MIN_COUNT}
    data = {
        "description": (
            "Counts of letter runs (1 to order letters; ^ the start, $ the end of a name) "
            "in Russian-form names, runs seen fewer than min_count times left out. Built "
            "by scripts/build_name_letters.py; read by translit/names/readings.py."
        ),
        "sources": [
            "pymorphy3-dicts-ru 2.4.417150.4580142 (OpenCorpora Russian dictionary): "
            "words tagged Name, Surn or Patr, nominative singular",
            "translit's lexicon: the Cyrillic forms of data/names/*.tsv and the gazetteer",
        ],
        "names": len(names),
        "order": ORDER,
        "min_count": MIN_COUNT,
        "counts": kept,
    }
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    OUT.write_text(text + "\n", encoding="utf-8")
    print(f"{len(names)} names, {len(kept)} letter runs -> {OUT}")


if __name__ == "__main__":
    main()
