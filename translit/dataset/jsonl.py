"""JSON Lines: one JSON object per line, read and written record by record.

Each record keeps its own keys, key order and value types (numbers stay numbers,
nested values stay nested); the added keys follow the named key.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from typing import Any, BinaryIO

from translit.dataset.batches import Batch, RowBatch, arrow_to_rows
from translit.dataset.columns import as_text
from translit.dataset.csvio import require_columns
from translit.dataset.errors import EncodingError, MalformedRowError
from translit.dataset.rejects import RejectSink
from translit.dataset.sources import Source, bom_encoding, is_utf8
from translit.errors import InputDataError

BATCH_ROWS = 20_000


class JsonlReader:
    """Read JSON Lines in batches of records; blank lines are skipped.

    ``columns`` are the keys of the first batch, in the order first seen.
    """

    def __init__(
        self,
        source: Source,
        *,
        encoding: str | None = None,
        rejects: RejectSink | None = None,
        batch_rows: int | None = None,
    ) -> None:
        self.source = source
        self.encoding = encoding
        self.rejects = rejects
        self.batch_rows = BATCH_ROWS if batch_rows is None else batch_rows
        self.position = 0
        self._empty = True
        self._raw = source.open_binary()
        peek = getattr(self._raw, "peek", None)
        if self.encoding is None and peek is not None:
            self.encoding = bom_encoding(peek(4)[:4])  # UTF-16 or UTF-32 by their BOM
        self._lines = self._iter_lines()
        try:
            self._first = self._next_batch()
        except BaseException:
            self.close()
            raise
        seen: dict[str, None] = {}
        for row in self._first.rows if self._first is not None else []:
            seen.update(dict.fromkeys(row))
        self.columns = list(seen)
        if self._first is None and self._empty:
            raise InputDataError(f"{self.source.label}: the file is empty (no records)")

    def close(self) -> None:
        if self.source.path is not None:
            self._raw.close()

    def require(self, columns: list[str]) -> None:
        require_columns(self.source.label, columns, self.columns)

    def _iter_lines(self) -> Iterator[tuple[int, str]]:
        """(line number, text) of each line; invalid encoding is an error with its offset."""
        if not is_utf8(self.encoding):
            text = io.TextIOWrapper(self._raw, encoding=self.encoding, newline="\n")
            try:
                for number, line in enumerate(text, start=1):
                    yield number, line
            except UnicodeDecodeError as exc:
                raise EncodingError(
                    f"{self.source.label}: invalid {self.encoding} text ({exc.reason})"
                ) from None
            return
        offset = 0
        for number, raw in enumerate(self._raw, start=1):
            try:
                line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                raise EncodingError(
                    f"{self.source.label}: invalid UTF-8 at byte offset {offset + exc.start} "
                    f"(line {number}); give the file's encoding with --encoding"
                ) from None
            offset += len(raw)
            self.position = offset
            yield number, line

    def _next_batch(self) -> RowBatch | None:
        rows: list[dict[str, Any]] = []
        first_line = 0
        for number, line in self._lines:
            if line.strip() == "":
                continue
            self._empty = False
            record = self._parse(number, line)
            if record is None:
                continue
            if not rows:
                first_line = number
            rows.append(record)
            if len(rows) >= self.batch_rows:
                break
        return RowBatch(rows, first_line) if rows else None

    def _parse(self, number: int, line: str) -> dict[str, Any] | None:
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            problem = f"invalid JSON ({exc.msg} at column {exc.colno})"
        else:
            if isinstance(record, dict):
                return record
            problem = f"a JSON {type(record).__name__}, not an object"
        if self.rejects is not None:
            self.rejects.add(line.rstrip("\r\n"), number)
            return None
        raise MalformedRowError(
            f"{self.source.label}: malformed record at line {number}: {problem} "
            "(use --skip-bad-rows to set such records aside)"
        )

    def batches(self) -> Iterator[RowBatch]:
        if self._first is not None:
            first, self._first = self._first, None
            yield first
        while True:
            batch = self._next_batch()
            if batch is None:
                return
            yield batch


def _default(value: Any) -> Any:
    return as_text(value)


class JsonlWriter:
    """Write records as JSON Lines (UTF-8, non-ASCII kept as is)."""

    def __init__(self, stream: BinaryIO) -> None:
        self.stream = stream

    def write(self, batch: Batch) -> None:
        rows = batch if isinstance(batch, RowBatch) else arrow_to_rows(batch)
        parts: list[bytes] = []
        for row in rows.rows:
            text = json.dumps(row, ensure_ascii=False, default=_default)
            try:
                parts.append(text.encode("utf-8") + b"\n")
            except UnicodeEncodeError:  # lone surrogates from \\ud800-style escapes
                parts.append(json.dumps(row, default=_default).encode("ascii") + b"\n")
        self.stream.write(b"".join(parts))

    def close(self, columns: list[str] | None = None) -> None:
        self.stream.flush()
