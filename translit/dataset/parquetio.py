"""Parquet: read and written in record batches, column types and metadata kept."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from translit.dataset.batches import Batch, RowBatch, rows_to_arrow
from translit.dataset.csvio import require_columns
from translit.dataset.sources import Source
from translit.errors import InputDataError

if TYPE_CHECKING:
    import pyarrow as pa

BATCH_ROWS = 256 * 1024


class ParquetReader:
    """Read a Parquet file batch by batch."""

    def __init__(self, source: Source, *, batch_rows: int | None = None) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        if source.path is None:
            raise InputDataError("Parquet cannot be read from standard input; give a file")
        self.source = source
        self.batch_rows = BATCH_ROWS if batch_rows is None else batch_rows
        try:
            self._file = pq.ParquetFile(source.path)
        except (pa.ArrowInvalid, OSError) as exc:
            raise InputDataError(f"{source.label}: not a readable Parquet file ({exc})") from None
        self.schema: pa.Schema = self._file.schema_arrow
        self.columns = list(self.schema.names)
        self._rows_read = 0

    @property
    def position(self) -> int:
        """Input bytes consumed, estimated from the share of rows read."""
        total = self._file.metadata.num_rows
        size = self.source.size or 0
        return int(size * self._rows_read / total) if total else size

    def close(self) -> None:
        self._file.close()

    def require(self, columns: list[str]) -> None:
        require_columns(self.source.label, columns, self.columns)

    def batches(self) -> Iterator[pa.RecordBatch]:
        for batch in self._file.iter_batches(batch_size=self.batch_rows):
            self._rows_read += batch.num_rows
            yield batch


class ParquetWriter:
    """Write batches to one Parquet file; the first batch fixes the schema."""

    def __init__(self, target: BinaryIO | Path, *, metadata: dict[bytes, bytes] | None = None):
        self.target = target
        self.metadata = metadata
        self._writer: Any = None
        self._schema: pa.Schema | None = None
        self._columns: list[str] | None = None

    def write(self, batch: Batch) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        if isinstance(batch, RowBatch):
            if self._columns is None:
                seen: dict[str, None] = {}
                for row in batch.rows:
                    seen.update(dict.fromkeys(row))
                self._columns = list(seen)
            batch = rows_to_arrow(batch, self._columns, self._schema)
        if self._writer is None:
            schema = batch.schema
            if self.metadata is not None:
                schema = schema.with_metadata({**(schema.metadata or {}), **self.metadata})
            self._schema = schema
            self._writer = pq.ParquetWriter(self.target, schema)
        assert self._schema is not None
        if batch.schema != self._schema:
            try:
                batch = pa.RecordBatch.from_arrays(batch.columns, schema=self._schema)
            except (pa.ArrowInvalid, pa.ArrowTypeError) as exc:
                raise InputDataError(f"batch does not fit the Parquet schema: {exc}") from None
        self._writer.write_batch(batch)

    def close(self, columns: list[str] | None = None, schema: pa.Schema | None = None) -> None:
        """Finish the file (a header-only input still gives a valid, empty file)."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        if self._writer is None:
            if schema is None:
                schema = pa.schema([pa.field(c, pa.string()) for c in columns or []])
            self._writer = pq.ParquetWriter(self.target, schema)
        self._writer.close()

    def abort(self) -> None:
        """Drop the file after a failure: close it now, while its stream is still open.

        Left to the garbage collector, pyarrow's writer would close later, writing its
        footer to a closed stream (an error no one can catch).
        """
        if self._writer is not None:
            with contextlib.suppress(Exception):
                self._writer.close()
            self._writer = None
