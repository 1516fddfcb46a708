"""Excel (.xlsx): read with openpyxl (streaming), written with XlsxWriter (constant memory).

Cells keep their types (text, numbers, booleans, dates) and formula cells stay formulas.
Text is always written as text: a name such as ``=HYPERLINK(...)`` or ``+7 701`` never
becomes a formula or a number. Cell styles are not carried over. The first worksheet is
normalized; the other worksheets are copied (values and formulas) when writing Excel.
"""

from __future__ import annotations

import datetime as dt
import gc
import json
import re
import sys
from collections.abc import Iterator, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from translit.dataset.batches import Batch, RowBatch, arrow_to_rows
from translit.dataset.csvio import require_columns
from translit.dataset.sources import Source
from translit.errors import InputDataError, OutputError, UsageError

BATCH_ROWS = 10_000
MAX_ROWS = 1_048_576
MAX_COLUMNS = 16_384
MAX_TEXT = 32_767


class Formula(str):
    """The text of a formula cell (``=SUM(A1:A3)``), written back as a formula to Excel."""

    __slots__ = ()


def excel_column(index: int) -> str:
    """The letters of the 0-based column ``index`` (0 -> A, 26 -> AA)."""
    return _column_letter(index)


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


Merge = tuple[int, int, int, int]
"""A merged range: first row, first column, last row, last column (0-based)."""

_CELL = re.compile(r"\$?([A-Z]+)\$?(\d+)")
_NUMBER = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d*[1-9])?")


def _parse_range(ref: str) -> Merge:
    """``B2:C4`` -> (1, 1, 3, 2)."""
    corners = []
    for part in ref.split(":"):
        match = _CELL.fullmatch(part)
        if match is None:
            raise InputDataError(f"cannot read the merged range {ref!r}")
        letters, digits = match.groups()
        column = 0
        for letter in letters:
            column = column * 26 + ord(letter) - 64
        corners.append((int(digits) - 1, column - 1))
    (r1, c1), (r2, c2) = corners[0], corners[-1]
    return r1, c1, r2, c2


def number_from_text(value: str) -> float | None:
    """A CSV field that is plainly a number (``12``, ``-3.5``), else ``None``.

    Leading zeros (``007``), signs (``+7 701``), exponents and more than 15 digits
    (what Excel keeps) stay text, as do trailing decimal zeros (``1.50``).
    """
    if len(value) > 17 or not _NUMBER.fullmatch(value):
        return None
    if sum(c.isdigit() for c in value) > 15:
        return None
    return float(value)


class ExcelReader:
    """Read one worksheet of an .xlsx file (the first, or ``sheet``); row 1 is the header."""

    def __init__(
        self, source: Source, *, batch_rows: int | None = None, sheet: str | None = None
    ) -> None:
        import zipfile

        from openpyxl import load_workbook

        if source.path is None:
            raise InputDataError("Excel files cannot be read from standard input; give a file")
        self.source = source
        self.batch_rows = BATCH_ROWS if batch_rows is None else batch_rows
        self.position = 0
        try:
            self._book = load_workbook(source.path, read_only=True, data_only=False)
        except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
            raise InputDataError(f"{source.label}: not a readable .xlsx file ({exc})") from None
        if not self._book.worksheets:
            raise InputDataError(f"{source.label}: the workbook has no worksheet")
        titles = [str(w.title) for w in self._book.worksheets]
        if sheet is not None and sheet not in titles:
            self._book.close()
            raise UsageError(
                f"{source.label}: no worksheet {sheet!r}; the worksheets are: {', '.join(titles)}"
            )
        self.sheet = self._book.worksheets[titles.index(sheet) if sheet is not None else 0]
        self._rows = self.sheet.iter_rows()
        header_cells = next(self._rows, None)
        if header_cells is None:
            raise InputDataError(f"{source.label}: the first worksheet is empty (no header row)")
        header = [_value(c) for c in header_cells]
        while header and header[-1] is None:
            header.pop()
        if not header:
            raise InputDataError(f"{source.label}: the first worksheet has an empty header row")
        self.columns = [_column_letter(i) if v is None else str(v) for i, v in enumerate(header)]
        duplicates = sorted({c for c in self.columns if self.columns.count(c) > 1})
        if duplicates:
            raise InputDataError(f"{source.label}: duplicate column names: {', '.join(duplicates)}")
        self._line = 1

    def close(self) -> None:
        self._book.close()

    def require(self, columns: list[str]) -> None:
        require_columns(self.source.label, columns, self.columns)

    def batches(self) -> Iterator[RowBatch]:
        width = len(self.columns)
        rows: list[dict[str, Any]] = []
        first = self._line + 1
        for cells in self._rows:
            self._line += 1
            values = [_value(c) for c in cells]
            extra = [v for v in values[width:] if v is not None]
            if extra:
                raise InputDataError(
                    f"{self.source.label}: row {self._line} has values right of the last "
                    f"header cell ({_column_letter(width)}{self._line})"
                )
            values = values[:width] + [None] * (width - len(values))
            rows.append(dict(zip(self.columns, values, strict=True)))
            if len(rows) >= self.batch_rows:
                yield RowBatch(rows, first)
                rows, first = [], self._line + 1
        if rows:
            yield RowBatch(rows, first)

    def other_sheets(self) -> Iterator[tuple[str, Iterator[list[Any]], list[Merge]]]:
        """The other worksheets, in order: (title, rows of values, merged ranges)."""
        for sheet in self._book.worksheets:
            if sheet is not self.sheet:
                rows = ([_value(c) for c in cells] for cells in sheet.iter_rows())
                yield sheet.title, rows, self.merges(sheet)

    def merges(self, sheet: Any = None) -> list[Merge]:
        """The merged ranges of ``sheet`` (default: the one read), 0-based and inclusive.

        openpyxl's streaming mode does not read them: they come from the sheet's XML.
        """
        sheet = self.sheet if sheet is None else sheet
        part = getattr(sheet, "_worksheet_path", None)
        if part is None or self.source.path is None:
            return []
        import zipfile
        from xml.etree.ElementTree import iterparse

        found: list[Merge] = []
        with zipfile.ZipFile(self.source.path) as archive, archive.open(part) as xml:
            for _event, element in iterparse(xml):
                if element.tag.endswith("}mergeCell") and element.get("ref"):
                    found.append(_parse_range(str(element.get("ref"))))
                element.clear()
        return found

    @property
    def titles(self) -> list[str]:
        return [str(w.title) for w in self._book.worksheets]

    @property
    def sheet_count(self) -> int:
        return len(self._book.worksheets)

    @property
    def title(self) -> str:
        return str(self.sheet.title)


def _value(cell: Any) -> Any:
    value = cell.value
    if getattr(cell, "data_type", None) == "f" and isinstance(value, str):
        return Formula(value)
    return value


class ExcelWriter:
    """Write rows to an .xlsx file, one worksheet at a time, cells typed by their value."""

    def __init__(
        self,
        path: Path,
        *,
        sheet: str = "Sheet1",
        columns: list[str] | None = None,
        numbers_in: Sequence[str] = (),
        merges: Sequence[Merge] = (),
    ) -> None:
        """``columns``: the column order (default: the first batch's); ``numbers_in``:
        columns whose text is written as a number where it plainly is one (from CSV);
        ``merges``: merged ranges of the sheet written."""
        import xlsxwriter

        self.path = path
        self._book = xlsxwriter.Workbook(
            str(path),
            {
                "constant_memory": True,
                "strings_to_formulas": False,
                "strings_to_numbers": False,
                "strings_to_urls": False,
                "nan_inf_to_errors": True,
            },
        )
        self._datetime = self._book.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"})
        self._date = self._book.add_format({"num_format": "yyyy-mm-dd"})
        self._time = self._book.add_format({"num_format": "hh:mm:ss"})
        self._sheet = self._book.add_worksheet(sheet[:31] or "Sheet1")
        self._row = 0
        self._columns: list[str] | None = None
        self._order = columns
        self._numbers_in = frozenset(numbers_in)
        self._merges = list(merges)

    def write(self, batch: Batch) -> None:
        rows = batch if isinstance(batch, RowBatch) else arrow_to_rows(batch)
        if self._columns is None:
            seen: dict[str, None] = {}
            for row in rows.rows:
                seen.update(dict.fromkeys(row))
            self._start(self._order if self._order is not None else list(seen))
        assert self._columns is not None
        numeric = [c in self._numbers_in for c in self._columns]
        for row in rows.rows:
            values = [row.get(c) for c in self._columns]
            if self._numbers_in:
                values = [_numeric(v) if n else v for v, n in zip(values, numeric, strict=True)]
            self._write_row(values)

    def _start(self, columns: list[str]) -> None:
        if len(columns) > MAX_COLUMNS:
            raise InputDataError(f"{len(columns)} columns: more than Excel's {MAX_COLUMNS}")
        self._columns = columns
        self._write_row(list(columns))

    def _write_row(self, values: Sequence[Any]) -> None:
        if self._row >= MAX_ROWS:
            raise InputDataError(f"more than {MAX_ROWS:,} rows: Excel cannot hold them")
        for col, value in enumerate(values):
            self._write_cell(self._row, col, value)
        self._row += 1

    def _write_cell(self, row: int, col: int, value: Any) -> None:
        sheet = self._sheet
        if value is None:
            return
        if isinstance(value, Formula):
            sheet.write_formula(row, col, str(value))
        elif isinstance(value, str):
            if len(value) > MAX_TEXT:
                raise InputDataError(
                    f"cell {_column_letter(col)}{row + 1} has {len(value):,} characters, "
                    f"more than Excel's {MAX_TEXT:,}; write CSV or Parquet instead"
                )
            sheet.write_string(row, col, value)
        elif isinstance(value, bool):
            sheet.write_boolean(row, col, value)
        elif isinstance(value, int | float | Decimal):
            sheet.write_number(row, col, float(value))
        elif isinstance(value, dt.datetime):
            sheet.write_datetime(row, col, value.replace(tzinfo=None), self._datetime)
        elif isinstance(value, dt.date):
            sheet.write_datetime(row, col, value, self._date)
        elif isinstance(value, dt.time):
            sheet.write_datetime(row, col, value, self._time)
        elif isinstance(value, dt.timedelta):
            sheet.write_number(row, col, value.total_seconds() / 86400)
        elif isinstance(value, dict | list):
            sheet.write_string(row, col, json.dumps(value, ensure_ascii=False))
        else:
            sheet.write_string(row, col, str(value))

    def copy_sheet(self, title: str, rows: Iterator[list[Any]], merges: Sequence[Merge]) -> None:
        """Add a worksheet holding ``rows`` as they are, with its merged ranges."""
        self._add_merges()
        self._sheet = self._book.add_worksheet(title[:31])
        self._row = 0
        self._merges = list(merges)
        for values in rows:
            self._write_row(values)

    def _add_merges(self) -> None:
        """Merge the ranges of the sheet being written. Rows are streamed (constant
        memory), so ``merge_range`` cannot go back to them; the ranges are added to
        the sheet's list, written after its rows."""
        for first_row, first_col, last_row, last_col in self._merges:
            self._sheet.merge.append([first_row, first_col, last_row, last_col])
        self._merges = []

    def close(
        self,
        columns: list[str] | None = None,
        other_sheets: Iterator[tuple[str, Iterator[list[Any]], list[Merge]]] | None = None,
    ) -> None:
        """Finish the file: the header if no row came, then ``other_sheets`` as they are."""
        if self._columns is None and (self._order or columns) is not None:
            self._start(self._order if self._order is not None else list(columns or []))
        for title, rows, merges in other_sheets or ():
            self.copy_sheet(title, rows, merges)
        self._add_merges()
        self._finish()

    def _finish(self) -> None:
        """Write the workbook; a disk that fills up is an :class:`OutputError`.

        xlsxwriter then raises its own FileCreateError and leaves its zip file open,
        whose later close fails again where no one can catch it: that second report
        is kept off standard error (the first one says it all).
        """
        from xlsxwriter.exceptions import FileCreateError

        previous = sys.unraisablehook

        def quiet(unraisable: Any) -> None:
            if not isinstance(unraisable.exc_value, OSError):
                previous(unraisable)

        sys.unraisablehook = quiet
        reason = None
        try:
            try:
                self._book.close()
            except FileCreateError as exc:
                reason = _reason(exc)
            gc.collect()  # the abandoned zip file closes now (the error that held it is gone)
        finally:
            sys.unraisablehook = previous
        if reason is not None:
            raise OutputError(f"cannot write the workbook: {reason}")


def _reason(exc: BaseException) -> str:
    """The OS's words for why xlsxwriter could not write (no space left, ...)."""
    cause = exc.__context__
    if isinstance(cause, OSError) and cause.strerror:
        return cause.strerror
    return str(exc)


def _numeric(value: Any) -> Any:
    if isinstance(value, str) and not isinstance(value, Formula):
        number = number_from_text(value)
        if number is not None:
            return int(number) if number.is_integer() and "." not in value else number
    return value
