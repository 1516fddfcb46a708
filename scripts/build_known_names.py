"""Build data/names/known_names.json: the folds of the Russian surnames that pymorphy3's
dictionary knows, as evidence for the origin gate (translit/names/origin.py) that a
Latin word with no surname ending (Delyagin, Anisim) spells a Cyrillic-origin name.
(Its given names were tried the same way and left out: measured, they let more of the
other countries' names through than they brought Cyrillic-origin names in.)

Read from the Russian dictionary that ships in ``pymorphy3-dicts-ru`` (OpenCorpora):
every word tagged ``Surn`` in the nominative singular, folded with
:func:`translit.names.fold.fold_token`. The dictionary holds foreign names in Russian
transcription too (Смит, Миллер, Джон); so every fold that a word of the other names
has (the same tune parts that scripts/build_origin_model.py learns from: the 40 other
legislatures and the name lists of 41 other countries) is left out. The measure parts
are never read here. Rebuild after a change of the fold. Usage:
    python scripts/build_known_names.py [--devset tests/data/devset] [--out PATH]
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from build_origin_model import (  # noqa: E402
    build_from_devset,
    list_words,
    negative_names,
    words,
)


def dictionary_surnames() -> set[str]:
    """The surnames of pymorphy3's Russian dictionary, lower case."""
    import pymorphy3

    morph = pymorphy3.MorphAnalyzer()
    return {
        word
        for word, tag, _, _, _ in morph.dictionary.iter_known_words()
        if "Surn" in tag and "nomn" in tag and "sing" in tag
    }


def build(devset: Path) -> dict[str, object]:
    from translit.names.fold import fold_token

    other = {fold_token(w.lower()) for name in negative_names(devset) for w in words(name)}
    other |= {fold_token(w.lower()) for w in list_words(devset)}
    surnames = dictionary_surnames()
    return {
        "description": (
            "Folds of the Russian surnames of pymorphy3's dictionary (OpenCorpora, "
            "nominative singular), less every fold of the other countries' names. Built "
            "by scripts/build_known_names.py; do not edit by hand."
        ),
        "sources": [
            f"pymorphy3-dicts-ru (OpenCorpora dictionary): words tagged Surn ({len(surnames)})",
            "tests/data/devset (tune parts of open_world.tsv and name_lists.tsv): the "
            f"other names whose folds are left out ({len(other)} folds)",
        ],
        "surnames": sorted({fold_token(w) for w in surnames} - other - {""}),
    }


def main(argv: list[str] | None = None) -> int:
    out, data = build_from_devset(__doc__, "known_names.json", build, argv)
    print(f"{out}: {len(data['surnames'])} surnames")  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
