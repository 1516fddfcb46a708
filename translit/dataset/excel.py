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
import sys
from collections.abc import Iterator, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from translit.dataset.batches import Batch, RowBatch, arrow_to_rows
from translit.dataset.csvio import require_columns
from translit.dataset.sources import Source
from translit.errors import InputDataError, OutputError

BATCH_ROWS = 10_000
MAX_ROWS = 1_048_576
MAX_COLUMNS = 16_384
MAX_TEXT = 32_767


class Formula(str):
    """The text of a formula cell (``=SUM(A1:A3)``), written back as a formula to Excel."""

    __slots__ = ()


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


class ExcelReader:
    """Read the first worksheet of an .xlsx file; its first row is the header."""

    def __init__(self, source: Source, *, batch_rows: int | None = None) -> None:
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
        self.sheet = self._book.worksheets[0]
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

    def other_sheets(self) -> Iterator[tuple[str, Iterator[list[Any]]]]:
        """The other worksheets: (title, rows of values)."""
        for sheet in self._book.worksheets[1:]:
            yield sheet.title, ([_value(c) for c in cells] for cells in sheet.iter_rows())

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

    def __init__(self, path: Path, *, sheet: str = "Sheet1") -> None:
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

    def write(self, batch: Batch) -> None:
        rows = batch if isinstance(batch, RowBatch) else arrow_to_rows(batch)
        if self._columns is None:
            seen: dict[str, None] = {}
            for row in rows.rows:
                seen.update(dict.fromkeys(row))
            self._start(list(seen))
        assert self._columns is not None
        for row in rows.rows:
            self._write_row([row.get(c) for c in self._columns])

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

    def copy_sheet(self, title: str, rows: Iterator[list[Any]]) -> None:
        """Add a worksheet holding ``rows`` as they are."""
        self._sheet = self._book.add_worksheet(title[:31])
        self._row = 0
        for values in rows:
            self._write_row(values)

    def close(
        self,
        columns: list[str] | None = None,
        other_sheets: Iterator[tuple[str, Iterator[list[Any]]]] | None = None,
    ) -> None:
        """Finish the file: the header if no row came, then ``other_sheets`` as they are."""
        if self._columns is None and columns is not None:
            self._start(columns)
        for title, rows in other_sheets or ():
            self.copy_sheet(title, rows)
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
