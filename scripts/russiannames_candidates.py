"""List candidate Russian given names and surnames from the ``russiannames`` frequency data.

A one-off curation aid, not a runtime dependency. The PyPI package ``russiannames``
(BSD-3-Clause, Ivan Begtin) ships Parquet tables of given names, surnames and patronymics
with counts, genders and feminine forms. This script reads them from an installed package,
an unpacked data folder or the wheel itself, and prints tab-separated candidates for
``data/names/given_ru.tsv`` and ``data/names/surname_stems.tsv``. The shipped files are
curated by hand from this output (typos, duplicates and non-Russian names removed).

Usage::

    python scripts/russiannames_candidates.py given    SOURCE [--min-count N]
    python scripts/russiannames_candidates.py surnames SOURCE [--min-count N]

``SOURCE`` is a ``russiannames-*.whl`` file or a folder holding ``names.parquet`` and
``surnames.parquet``. Needs ``pyarrow`` (the ``data`` extra).
"""

from __future__ import annotations

import argparse
import io
import re
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

CYRILLIC_NAME = re.compile(r"^[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?$")

#: Masculine surname endings, longest first, with their feminine pairs implied by the
#: ``suffix`` column of ``surname_stems.tsv``. ``ёв`` is written ``ев`` in the source data.
SUFFIXES = ("ский", "цкий", "ов", "ев", "ёв", "ин", "ын", "ой", "ый", "ий", "ых", "их")
INVARIANT = ("ко", "ук", "юк")
ETHNIC_ORIGIN = {"germ": "de", "tur": "tt", "arab": "tt", "polsk": "other", "cz": "other"}


def _read_table(source: Path, name: str) -> list[dict[str, Any]]:
    import pyarrow.parquet as pq

    if source.suffix == ".whl":
        with zipfile.ZipFile(source) as wheel:
            blob = wheel.read(f"russiannames/data/{name}.parquet")
        table = pq.read_table(io.BytesIO(blob))
    else:
        table = pq.read_table(source / f"{name}.parquet")
    rows: list[dict[str, Any]] = table.to_pylist()
    return rows


def _ethnic(row: dict[str, Any]) -> list[str]:
    return [str(e).strip() for e in row.get("ethnic") or []]


def given_candidates(source: Path, min_count: int) -> Iterator[tuple[str, str, int, str]]:
    """(name, gender, count, ethnic tags) for well-formed names seen ``min_count`` times."""
    rows = _read_table(source, "names")
    rows.sort(key=lambda r: -int(r["count"]))
    for row in rows:
        text, gender, count = str(row["text"]), row["gender"], int(row["count"])
        if count < min_count or gender not in ("m", "f") or not CYRILLIC_NAME.match(text):
            continue
        yield text, str(gender), count, ",".join(_ethnic(row))


def split_surname(surname: str) -> tuple[str, str]:
    """(stem, suffix) of a masculine surname; suffix ``-`` when no known ending applies."""
    for suffix in (*SUFFIXES, *INVARIANT):
        if surname.endswith(suffix) and len(surname) > len(suffix) + 1:
            stem = surname[: -len(suffix)]
            return stem, "ев" if suffix == "ёв" else suffix
    return surname, "-"


def guess_origin(surname: str, suffix: str, tags: list[str]) -> str:
    """A rough origin tag: press conventions differ (Ukrainian -ко, German names).

    The source's ethnic tags are trusted only for surnames without a Russian ending
    (it tags Наумов as Jewish); Tatar and other Turkic surnames in -ов/-ин are not
    told apart here and are tagged by hand.
    """
    for tag in tags if suffix == "-" else []:
        if tag in ETHNIC_ORIGIN:
            return ETHNIC_ORIGIN[tag]
        if tag in ("arm", "geor", "greek", "jew"):
            return "other"
    if suffix in INVARIANT:
        return "ua"
    if surname.endswith(("ич", "ёнок")):
        return "by"
    return "ru"


def surname_candidates(
    source: Path, min_count: int
) -> Iterator[tuple[str, str, str, str, int, str]]:
    """(stem, suffix, origin, surname, count, feminine) for masculine or invariant surnames.

    Invariant surnames (Шевченко, Ковальчук, Станкевич, Мороз) have gender ``u`` or none
    in the source; they are kept when no gendered ending applies.
    """
    rows = _read_table(source, "surnames")
    rows.sort(key=lambda r: -int(r["count"]))
    for row in rows:
        text, count = str(row["text"]), int(row["count"])
        if count < min_count or row["gender"] == "f" or not CYRILLIC_NAME.match(text):
            continue
        stem, suffix = split_surname(text)
        if row["gender"] != "m" and suffix not in (*INVARIANT, "-", "ых", "их"):
            continue
        origin = guess_origin(text, suffix, _ethnic(row))
        yield stem, suffix, origin, text, count, str(row.get("f_form") or "")


def main(argv: list[str] | None = None) -> int:
    """Print candidates as TSV on standard output."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("what", choices=("given", "surnames"))
    parser.add_argument("source", type=Path, help="russiannames wheel or data folder")
    parser.add_argument("--min-count", type=int, default=50)
    args = parser.parse_args(argv)
    out = sys.stdout
    if args.what == "given":
        out.write("ru\tgender\tcount\tethnic\n")
        for name, gender, count, tags in given_candidates(args.source, args.min_count):
            out.write(f"{name}\t{gender}\t{count}\t{tags}\n")
    else:
        out.write("stem\tsuffix\torigin\tsurname\tcount\tfeminine\n")
        for row in surname_candidates(args.source, args.min_count):
            out.write("\t".join(map(str, row)) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
