"""The one reader of the bundled TSV tables (``data/names/*.tsv``).

A table is UTF-8 text: comment lines starting with ``#`` (the sources), then a
header line, then one row a line, cells separated by tabs. Blank lines are skipped.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

from translit.errors import SchemeDataError


def read_tsv(
    path: Path, columns: tuple[str, ...] | None = None
) -> Iterator[tuple[int, dict[str, str]]]:
    """Each data row of ``path`` with its line number, as ``{column: cell}``.

    With ``columns``, the header must be exactly those and every row must have one
    cell each, else :class:`SchemeDataError` names the file (and line). Without, the
    header gives the columns and a short row lacks the ones it has no cell for.
    """
    where = f"{path.parent.name}/{path.name}"
    if not path.is_file():
        raise SchemeDataError(f"{where}: missing")
    lines = path.read_text(encoding="utf-8").splitlines()
    body = [(n, line) for n, line in enumerate(lines, 1) if line.strip() and line[0] != "#"]
    header = tuple(body[0][1].split("\t")) if body else ()
    if columns is not None and header != columns:
        raise SchemeDataError(f"{where}: the header must be {' '.join(columns)}")
    for number, line in body[1:]:
        cells = next(csv.reader([line], delimiter="\t"))
        if columns is not None and len(cells) != len(columns):
            raise SchemeDataError(f"{where}:{number}: expected {len(columns)} columns")
        yield number, dict(zip(header, cells, strict=False))
