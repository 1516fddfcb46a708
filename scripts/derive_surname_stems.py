"""Derive Kazakh surname stems from the Kazakh given names, and keep them in step.

Most Kazakh surnames are a man's given name (a father's or grandfather's) with the
Russian possessive suffix: Нұрлан -> Нұрланов, Есім -> Есімов, Назарбай -> Назарбаев,
Мұса -> Мұсаев, Сатыбалды -> Сатыбалдиев. ``data/names/surname_stems.tsv`` holds such a
surname as its stem and suffix (``Назарба`` + ``ев``). Rows whose ``section`` is
``derived`` are written by this script from ``data/names/given_kk.tsv`` with the rule in
:func:`derive`; every other row is curated by hand and left as it is.

Usage::

    python scripts/derive_surname_stems.py [DATA_DIR]           # rewrite the derived rows
    python scripts/derive_surname_stems.py [DATA_DIR] --check   # exit 1 if they are stale
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

_VOWELS = "аәеёиоөұүыіэюя"
_HUSHING = "жшчщц"
#: Name endings for which no single surname form is regular (Жантөре -> Жантөрин,
#: Жақия -> Жақиянов); such surnames are listed by hand instead.
_SKIPPED_ENDINGS = ("е", "я", "ю")

Row = tuple[str, str, str, str, str]
COLUMNS = ("kk_stem", "ru_stem", "suffix", "origin", "section")


def derive(kk: str, ru: str) -> tuple[str, str, str] | None:
    """(kk_stem, ru_stem, suffix) of the surname formed from a man's given name.

    * after ``й`` the suffix is ``-ев`` and ``й`` is dropped: Назарбай -> Назарба|ев;
    * after ``ы``/``і`` it is ``-иев``: Сатыбалды -> Сатыбалди|ев (Russian -ди-);
    * after another vowel it is ``-ев``: Мұса -> Мұса|ев, Жұмағали -> Жұмағали|ев;
    * after ж, ш, ч, щ, ц (Russian spelling rule) it is ``-ев``: Әбіш -> Әбіш|ев;
    * after any other consonant (and the glide ``у``) it is ``-ов``: Есім -> Есім|ов.

    The Russian stem follows the name's Russian form (Әділ / Адиль -> Адил|ов, Ілияс /
    Ильяс -> Ильяс|ов). Returns ``None`` when the two forms end differently or the
    ending has no regular surname (``-е``, ``-я``, ``-ю``).
    """
    ru = ru.removesuffix("ь")
    last, ru_last = kk[-1], ru[-1]
    if len(kk) < 3 or kk.endswith(_SKIPPED_ENDINGS):
        return None
    if last == "й":
        if ru_last != "й":
            return None
        return kk[:-1], ru[:-1], "ев"
    if last in "ыі":
        if ru_last not in "ыи":
            return None
        return kk[:-1] + "и", ru[:-1] + "и", "ев"
    if last in _VOWELS:
        return (kk, ru, "ев") if ru_last in _VOWELS else None
    if ru_last in _VOWELS or ru_last == "й":
        return None
    return kk, ru, "ев" if last in _HUSHING else "ов"


def read_rows(path: Path) -> tuple[list[str], list[Row]]:
    """Header comment lines and data rows of a ``surname_stems.tsv`` file."""
    comments: list[str] = []
    rows: list[Row] = []
    if not path.is_file():
        return comments, rows
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            comments.append(line)
            continue
        cells = tuple(line.split("\t"))
        if cells == COLUMNS or not line.strip():
            continue
        if len(cells) != len(COLUMNS):
            raise ValueError(f"{path.name}: bad row {line!r}")
        rows.append((cells[0], cells[1], cells[2], cells[3], cells[4]))
    return comments, rows


def given_men(path: Path) -> list[tuple[str, str]]:
    """(kk, ru) of every male or unisex name in ``given_kk.tsv``."""
    names: list[tuple[str, str]] = []
    header: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        cells = line.split("\t")
        if not header:
            header = cells
            continue
        row = dict(zip(header, cells, strict=True))
        if row["gender"] in ("m", "u"):
            names.append((row["kk"], row["ru"]))
    return names


def derived_rows(given: list[tuple[str, str]], curated: list[Row]) -> list[Row]:
    """Derived rows for ``given`` names, leaving out surnames the curated rows hold."""
    taken = {(r[0], r[2]) for r in curated} | {(r[1], r[2]) for r in curated}
    out: set[Row] = set()
    for kk, ru in given:
        stems = derive(kk, ru)
        if stems is None:
            continue
        kk_stem, ru_stem, suffix = stems
        if (kk_stem, suffix) in taken or (ru_stem, suffix) in taken:
            continue
        out.add((kk_stem, ru_stem, suffix, "kk", "derived"))
    return sorted(out)


def render(comments: list[str], rows: list[Row]) -> str:
    """File text: comments, header, rows in the checker's canonical order."""
    body = ["\t".join(r) for r in sorted(set(rows))]
    return "\n".join([*comments, "\t".join(COLUMNS), *body]) + "\n"


def rebuilt(data_dir: Path) -> tuple[Path, str]:
    """The stem file's path and its text with freshly derived rows."""
    path = data_dir / "names" / "surname_stems.tsv"
    comments, rows = read_rows(path)
    curated = [r for r in rows if r[4] != "derived"]
    given = given_men(data_dir / "names" / "given_kk.tsv")
    return path, render(comments, curated + derived_rows(given, curated))


def main(argv: list[str] | None = None) -> int:
    """Rewrite (or, with ``--check``, verify) the derived rows."""
    default = Path(__file__).resolve().parent.parent / "data"
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("data_dir", nargs="?", type=Path, default=default)
    parser.add_argument("--check", action="store_true", help="only report stale rows")
    args = parser.parse_args(argv)
    path, text = rebuilt(args.data_dir)
    current = path.read_text(encoding="utf-8") if path.is_file() else ""
    if args.check:
        if text != current:
            print(f"{path}: derived rows are stale; run {Path(__file__).name}", file=sys.stderr)
            return 1
        return 0
    path.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
