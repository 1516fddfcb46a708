"""Write Arrow record batches as CSV or TSV, quoting only the fields that need it.

Two writers produce the same text. Arrow's own writer, with no quoting at all, is the
fast one; it can write a batch when every column is text and no field needs quotes
(no separator, quote or line break: Arrow checks and refuses otherwise) and none is an
empty string (which only quotes tell apart from a missing field). Other batches go
through polars with quoting where necessary (CSV) or none (TSV).

Writing is two steps: :meth:`CsvWriter.encode` turns a batch into text (several
threads may encode at once) and :meth:`CsvWriter.write_encoded` appends it, in order.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, BinaryIO

from translit.errors import InputDataError

if TYPE_CHECKING:
    import pyarrow as pa


@dataclass
class Encoded:
    """A batch's rows as text (no header), ready to append."""

    columns: list[str]
    data: Any  # bytes-like: a pyarrow Buffer or bytes
    fast: bool  # written by Arrow's writer (else by polars)


class CsvWriter:
    """Write record batches as CSV or TSV: header once, quoting only where needed."""

    def __init__(self, stream: BinaryIO, *, delimiter: str = ",", quoting: bool = True) -> None:
        import pyarrow.csv as pcsv

        self.stream = stream
        self.delimiter = delimiter
        self.quoting = quoting
        self._header_written = False
        self._arrow_options = pcsv.WriteOptions(
            include_header=False, delimiter=delimiter, quoting_style="none"
        )
        self.fast_batches = 0
        """Batches written by Arrow's writer (the rest went through polars)."""

    def write(self, batch: pa.RecordBatch) -> None:
        self.write_encoded(self.encode(batch))

    def encode(self, batch: pa.RecordBatch) -> Encoded:
        """The text of ``batch``'s rows; safe to call from several threads at once."""
        data = self._unquoted(batch) if plain_text(batch) else None
        if data is not None:
            return Encoded(batch.schema.names, data, fast=True)
        return Encoded(batch.schema.names, self._polars(batch), fast=False)

    def write_encoded(self, encoded: Encoded) -> None:
        """Append ``encoded`` (after the header, the first time)."""
        if not self._header_written:
            self._write_header(encoded.columns)
        self.stream.write(memoryview(encoded.data))
        self.fast_batches += encoded.fast

    def close(self, columns: list[str] | None = None) -> None:
        """Write the header if no batch came (an input with a header and no rows)."""
        if not self._header_written and columns is not None:
            self._write_header(columns)
        self.stream.flush()

    def _unquoted(self, batch: pa.RecordBatch) -> Any:
        """``batch`` by Arrow's writer, unquoted; ``None`` if a field needs quotes."""
        import pyarrow as pa
        import pyarrow.csv as pcsv

        # Into memory first: Arrow stops at the first field that needs quotes, and a
        # half-written batch must not reach the output.
        buffer = pa.BufferOutputStream()
        try:
            pcsv.write_csv(batch, buffer, self._arrow_options)
        except pa.ArrowInvalid:
            return None
        return buffer.getvalue()

    def _polars(self, batch: pa.RecordBatch) -> bytes:
        import polars as pl

        if not self.quoting:
            check_tsv_values(batch)
        frame = pl.from_arrow(batch, rechunk=False)
        assert isinstance(frame, pl.DataFrame)
        out = io.BytesIO()
        frame.write_csv(
            out,
            include_header=False,
            separator=self.delimiter,
            quote_style="necessary" if self.quoting else "never",
        )
        return out.getvalue()

    def _write_header(self, columns: list[str]) -> None:
        """The column names, written as a row of text is (polars writes its header so)."""
        import pyarrow as pa

        row = pa.record_batch([pa.array([c], pa.string()) for c in columns], names=columns)
        self.stream.write(memoryview(self.encode(row).data))
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
