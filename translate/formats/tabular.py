"""JSONL and CSV/TSV: the values of the chosen columns are translated, the rest is kept.

A value is read as plain text (so its paragraphs and line breaks are kept). By default a
translated value replaces the source value; with ``add_suffix`` it goes into a new column
``<column>_<suffix>`` placed right after the source column. JSONL lines that change are
re-serialized (UTF-8, key order kept); lines without translated values are copied
unchanged. CSV is re-written with the input's delimiter and line ending, quoting only
where needed.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Sequence
from typing import Any

from translate.errors import DocumentFormatError
from translate.formats.base import Parsed, Translation, Unit
from translate.formats.text import parse_text


class _Cells:
    """Translatable cells: each a parsed text whose units join the document's list."""

    def __init__(self) -> None:
        self.units: list[Unit] = []
        self._cells: list[tuple[Parsed, int]] = []

    def add(self, value: str) -> int:
        parsed = parse_text(value)
        self._cells.append((parsed, len(self.units)))
        self.units.extend(Unit(u.text, "cell") for u in parsed.units)
        return len(self._cells) - 1

    def render(self, cell: int, translations: Sequence[Translation]) -> str:
        parsed, start = self._cells[cell]
        return parsed.render(translations[start : start + len(parsed.units)])


def _get(obj: dict[str, Any], path: str) -> Any:
    current: Any = obj
    for part in path.split("."):
        if not isinstance(current, dict) or part not in current:
            return None
        current = current[part]
    return current


def _set(obj: dict[str, Any], path: str, value: str, suffix: str | None) -> None:
    *parents, last = path.split(".")
    current = obj
    for part in parents:
        current = current[part]
    if suffix is None:
        current[last] = value
        return
    rebuilt: dict[str, Any] = {}
    for key, item in current.items():
        rebuilt[key] = item
        if key == last:
            rebuilt[f"{last}_{suffix}"] = value
    current.clear()
    current.update(rebuilt)


def parse_jsonl(text: str, columns: Sequence[str], add_suffix: str | None = None) -> Parsed:
    """Parse JSON Lines, translating ``columns`` (dotted paths reach nested objects)."""
    if not columns:
        raise DocumentFormatError("JSONL input needs --column NAME (the field to translate)")
    cells = _Cells()
    rows: list[tuple[str, dict[str, Any] | None, dict[str, int]]] = []
    seen: set[str] = set()
    present: dict[str, None] = {}  # text fields of the input, in order of appearance
    for number, line in enumerate(text.split("\n"), start=1):
        body = line.rstrip("\r")
        if not body.strip():
            rows.append((line, None, {}))
            continue
        try:
            obj = json.loads(body)
        except json.JSONDecodeError as exc:
            raise DocumentFormatError(f"JSONL line {number}: {exc.msg}") from None
        if not isinstance(obj, dict):
            raise DocumentFormatError(f"JSONL line {number}: not a JSON object")
        found: dict[str, int] = {}
        _paths(obj, "", present)
        for column in columns:
            value = _get(obj, column)
            if isinstance(value, str):
                found[column] = cells.add(value)
                seen.add(column)
        rows.append((line, obj, found))
    _check_columns(columns, seen, "JSONL", list(present))

    def render(translations: Sequence[Translation]) -> str:
        out: list[str] = []
        for line, obj, found in rows:
            if obj is None or not found:
                out.append(line)
                continue
            changed = json.loads(json.dumps(obj))
            for column, cell in found.items():
                _set(changed, column, cells.render(cell, translations), add_suffix)
            if changed == obj and add_suffix is None:
                out.append(line)
                continue
            ending = "\r" if line.endswith("\r") else ""
            out.append(json.dumps(changed, ensure_ascii=False) + ending)
        return "\n".join(out)

    return Parsed(cells.units, render)


def _paths(obj: dict[str, Any], prefix: str, out: dict[str, None]) -> None:
    """The dotted paths of the text fields of ``obj`` (nested objects included)."""
    for key, value in obj.items():
        path = f"{prefix}{key}"
        if isinstance(value, str):
            out.setdefault(path, None)
        elif isinstance(value, dict) and len(out) < 200:
            _paths(value, path + ".", out)


def _check_columns(
    columns: Sequence[str], seen: set[str], what: str, present: Sequence[str]
) -> None:
    missing = [c for c in columns if c not in seen]
    if missing:
        found = ", ".join(present) if present else "none"
        raise DocumentFormatError(
            f"{what}: no text values in column(s) {', '.join(missing)} (columns with text: {found})"
        )


def sniff_delimiter(text: str, default: str = ",") -> str:
    """The delimiter of the header line: tab, semicolon or comma."""
    header = text.split("\n", 1)[0]
    counts = {d: header.count(d) for d in ("\t", ";", ",")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] > 0 else default


def parse_csv(
    text: str,
    columns: Sequence[str],
    delimiter: str | None = None,
    add_suffix: str | None = None,
) -> Parsed:
    """Parse CSV/TSV with a header row, translating ``columns`` (names or 1-based numbers)."""
    if not columns:
        raise DocumentFormatError("CSV input needs --column NAME (the column to translate)")
    sep = delimiter or sniff_delimiter(text)
    ending = "\r\n" if "\r\n" in text.split("\n", 1)[0] + "\n" else "\n"
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=sep))
    except csv.Error as exc:
        raise DocumentFormatError(f"CSV: {exc}") from None
    if not rows:
        return Parsed([], lambda _: text)
    header = rows[0]
    indices = [_column_index(header, c) for c in columns]
    cells = _Cells()
    located: list[dict[int, int]] = []
    for row in rows[1:]:
        found = {i: cells.add(row[i]) for i in indices if i < len(row) and row[i].strip()}
        located.append(found)
    trailing_newline = text.endswith(("\n", "\r"))

    def render(translations: Sequence[Translation]) -> str:
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=sep, lineterminator=ending)
        out_header = list(header)
        if add_suffix is not None:
            for i in sorted(indices, reverse=True):
                out_header.insert(i + 1, f"{header[i]}_{add_suffix}")
        writer.writerow(out_header)
        for row, found in zip(rows[1:], located, strict=True):
            values = list(row)
            translated = {i: cells.render(cell, translations) for i, cell in found.items()}
            if add_suffix is None:
                for i, value in translated.items():
                    values[i] = value
            else:
                for i in sorted(indices, reverse=True):
                    if i <= len(values):
                        values.insert(i + 1, translated.get(i, ""))
            writer.writerow(values)
        result = buffer.getvalue()
        return result if trailing_newline else result[: -len(ending)]

    return Parsed(cells.units, render)


def _column_index(header: list[str], column: str) -> int:
    if column in header:
        return header.index(column)
    if column.isdigit() and 1 <= int(column) <= len(header):
        return int(column) - 1
    raise DocumentFormatError(f"CSV: no column {column!r} (columns: {', '.join(header)})")


Reader = Callable[[str], Parsed]
