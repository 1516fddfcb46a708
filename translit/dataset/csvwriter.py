"""Write Arrow record batches as CSV or TSV, quoting only the fields that need it.

Two writers produce the same text. Arrow's own writer, with no quoting at all, is the
fast one; it can write a batch when every column is text and no field needs quotes
(no separator, quote or line break: Arrow checks and refuses otherwise) and none is an
empty string (which only quotes tell apart from a missing field). Other batches go
through polars with quoting where necessary (CSV) or none (TSV).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, BinaryIO

from translit.errors import InputDataError

if TYPE_CHECKING:
    import pyarrow as pa


class CsvWriter:
    """Write record batches as CSV or TSV: header once, quoting only where needed."""

    def __init__(self, stream: BinaryIO, *, delimiter: str = ",", quoting: bool = True) -> None:
        self.stream = stream
        self.delimiter = delimiter
        self.quoting = quoting
        self._header_written = False
        self._arrow_options: Any = None
        self.fast_batches = 0
        """Batches written by Arrow's writer (the rest went through polars)."""

    def write(self, batch: pa.RecordBatch) -> None:
        if not self._header_written:
            self._write_header(batch.schema.names)
        if not (plain_text(batch) and self._write_unquoted(batch)):
            self._write_polars(batch)

    def close(self, columns: list[str] | None = None) -> None:
        """Write the header if no batch came (an input with a header and no rows)."""
        if not self._header_written and columns is not None:
            self._write_header(columns)
        self.stream.flush()

    def _write_unquoted(self, batch: pa.RecordBatch) -> bool:
        """Write ``batch`` with Arrow's writer, unquoted; False (nothing written) if it cannot."""
        import pyarrow as pa
        import pyarrow.csv as pcsv

        if self._arrow_options is None:
            self._arrow_options = pcsv.WriteOptions(
                include_header=False, delimiter=self.delimiter, quoting_style="none"
            )
        # Into memory first: Arrow stops at the first field that needs quotes, and a
        # half-written batch must not reach the output.
        buffer = pa.BufferOutputStream()
        try:
            pcsv.write_csv(batch, buffer, self._arrow_options)
        except pa.ArrowInvalid:
            return False
        self.stream.write(memoryview(buffer.getvalue()))
        self.fast_batches += 1
        return True

    def _write_polars(self, batch: pa.RecordBatch) -> None:
        import polars as pl

        if not self.quoting:
            check_tsv_values(batch)
        frame = pl.from_arrow(batch, rechunk=False)
        assert isinstance(frame, pl.DataFrame)
        frame.write_csv(
            self.stream,
            include_header=False,
            separator=self.delimiter,
            quote_style="necessary" if self.quoting else "never",
        )

    def _write_header(self, columns: list[str]) -> None:
        import polars as pl

        pl.DataFrame({c: pl.Series(c, [], pl.String) for c in columns}).write_csv(
            self.stream,
            include_header=True,
            separator=self.delimiter,
            quote_style="necessary" if self.quoting else "never",
        )
        self._header_written = True


def plain_text(batch: pa.RecordBatch) -> bool:
    """Whether every column of ``batch`` is text without empty strings (nulls are fine).

    Such a batch writes the same with or without quoting, once Arrow has checked that
    no field holds a separator, a quote or a line break.
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    for column in batch.columns:
        if not (pa.types.is_string(column.type) or pa.types.is_large_string(column.type)):
            return False
        if column.null_count == len(column):
            continue
        shortest = pc.min(pc.binary_length(column)).as_py()
        if shortest == 0:
            return False
    return True


def check_tsv_values(batch: pa.RecordBatch) -> None:
    """TSV cannot hold tabs or line breaks inside a field: refuse rather than corrupt."""
    import pyarrow as pa
    import pyarrow.compute as pc

    for name, column in zip(batch.schema.names, batch.columns, strict=True):
        if pa.types.is_string(column.type) or pa.types.is_large_string(column.type):
            if pc.any(pc.match_substring_regex(column, r"[\t\n\r]")).as_py():
                raise InputDataError(
                    f"column {name!r} has a tab or line break inside a field, which TSV "
                    "cannot hold; write CSV instead"
                )
