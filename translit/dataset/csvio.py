"""CSV and TSV: streamed in blocks with pyarrow's reader (written by :mod:`.csvwriter`).

Every field is read as text (no type inference: ``007`` stays ``007``). An unquoted
empty field reads as null and a quoted ``""`` as an empty string, and both are written
back the way they came. TSV has no quoting (fields hold no tabs or newlines).
"""

from __future__ import annotations

import contextlib
import csv
import io
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from translit.dataset.errors import EncodingError, MalformedRowError, MissingColumnError
from translit.dataset.rejects import RejectSink
from translit.dataset.sources import (
    UTF8_BOM,
    InputStream,
    Source,
    Utf8Checker,
    bom_encoding,
    check_utf8,
    is_utf8,
)
from translit.errors import InputDataError

if TYPE_CHECKING:
    import pyarrow as pa

DEFAULT_BLOCK_SIZE = 8 << 20
"""Bytes parsed per batch (8 MiB: ~160,000 rows of the benchmark). Small enough for the
first names to reach the normalizer soon; the pipeline looks several batches up at
once, since each lookup hashes all the names known so far."""
MAX_BLOCK_SIZE = 1 << 30
_PEEK = 1 << 16


class BlockTooSmall(Exception):
    """A row is longer than the parser's block: read again with a bigger one."""


class CsvReader:
    """Read a CSV or TSV source as Arrow record batches of strings.

    ``rejects``: where malformed rows go (``None``: the first one is an error). Rows
    longer than the block size make the reader start over with a bigger block (files
    only), skipping the rows it already returned.
    """

    def __init__(
        self,
        source: Source,
        *,
        delimiter: str = ",",
        quoting: bool = True,
        encoding: str | None = None,
        rejects: RejectSink | None = None,
        block_size: int | None = None,
    ) -> None:
        self.source = source
        self.delimiter = delimiter
        self.quoting = quoting
        self.encoding = encoding
        self.rejects = rejects
        self.block_size = DEFAULT_BLOCK_SIZE if block_size is None else block_size
        self._raw = source.open_binary()
        self._stream = InputStream(
            self._raw,
            label=source.label,
            check_utf8=source.seekable_path is None and is_utf8(encoding),
        )
        self._native: Any = None
        # Inputs of abandoned parses, closed only with the reader (see _retire).
        self._retired: list[Any] = []
        try:
            self.bom = self._detect_encoding()
            self.columns = self._read_header()
        except BaseException:
            self.close()
            raise

    @property
    def position(self) -> int:
        """Bytes of input consumed so far."""
        if self._native is not None and not self._native.closed:
            return int(self._native.tell())
        return self._stream.position

    def close(self) -> None:
        if self.source.path is not None:
            self._raw.close()
        if self._native is not None:
            self._native.close()
        for old in self._retired:
            old.close()
        self._retired.clear()

    def _parser_input(self) -> Any:
        """What the parser reads: regular UTF-8 files as native Arrow files, else the stream.

        The parser reads ahead on a thread of its own; a native file lets it do so
        without taking the interpreter lock from the thread that maps and writes.
        """
        path = self.source.seekable_path
        if path is None or not is_utf8(self.encoding):
            return self._stream  # pipes (named or not) cannot be opened a second time
        import pyarrow as pa

        if self._native is not None:
            self._retire(self._native)
        self._native = pa.OSFile(str(path), "r")
        return self._native

    def _retire(self, old: Any) -> None:
        """Keep the input of an abandoned parse open until the reader closes.

        A threaded parse that failed (a row longer than its block) may still have reads
        of that input in flight on Arrow's I/O threads. Closed now, its descriptor
        number would go to the file opened for the next try, and a late read would
        take that file's bytes: the next parse would start part-way in and rows would
        be lost without a word (about 1 read in 3,000-5,000 of a 140 kB file with a
        120 kB row, on a busy machine).
        """
        self._retired.append(old)

    def _detect_encoding(self) -> bool:
        """Read UTF-16 and UTF-32 by their BOM (unless ``encoding`` says otherwise);
        return whether the input starts with a UTF-8 BOM (kept in CSV output)."""
        head = self._stream.peek_more(4)
        found = bom_encoding(head)
        if found is not None and self.encoding is None:
            self.encoding = found
            self._stream.stop_checking()
        return head.startswith(UTF8_BOM) and is_utf8(self.encoding)

    def _read_header(self) -> list[str]:
        """Column names from the first record (the bytes stay queued for the parser)."""
        prefix = b""
        while True:
            before = len(prefix)
            prefix = self._stream.peek_more(_PEEK)
            eof = len(prefix) - before < _PEEK
            text = prefix.decode(self._text_encoding(), errors="replace")
            if text.strip() == "":
                if eof:
                    raise InputDataError(f"{self.source.label}: the file is empty (no header row)")
                continue
            buffer = io.StringIO(text, newline="")
            problem = ""
            with _big_fields():
                try:  # strict: a quote left open in the header is an error, not a long name
                    rows = csv.reader(
                        buffer, delimiter=self.delimiter, quoting=self._quoting(), strict=True
                    )
                    header = next(r for r in rows if r)  # blank lines before it are skipped
                except csv.Error as exc:
                    header, problem = None, f": {exc}"
                except StopIteration:
                    header = None
            if header is not None and (buffer.tell() < len(text) or eof):
                break
            if eof:
                raise InputDataError(
                    f"{self.source.label}: cannot read the header row (line 1){problem}"
                )
        if is_utf8(self.encoding):  # the header was decoded leniently: say where bad bytes are
            Utf8Checker(self.source.label).feed(prefix)
        duplicates = sorted({c for c in header if header.count(c) > 1})
        if duplicates:
            raise InputDataError(
                f"{self.source.label}: duplicate column names: {', '.join(duplicates)}"
            )
        return header

    def _text_encoding(self) -> str:
        return "utf-8-sig" if is_utf8(self.encoding) else (self.encoding or "utf-8")

    def _quoting(self) -> Literal[0, 3]:
        return csv.QUOTE_MINIMAL if self.quoting else csv.QUOTE_NONE

    def require(self, columns: list[str]) -> None:
        """Raise :class:`MissingColumnError` unless every column in ``columns`` exists."""
        require_columns(self.source.label, columns, self.columns)

    def _threaded(self) -> bool:
        """Parse blocks on several threads: files only, and not with ``--skip-bad-rows``.

        Threaded parsing does not know row numbers; rejected rows need them, and an
        error finds its row again with a single-threaded pass (:meth:`_first_bad_row`).
        """
        return self.source.path is not None and self.rejects is None

    def _open_arrow(self, stream: Any, block_size: int, threads: bool | None = None) -> Any:
        import pyarrow as pa
        import pyarrow.csv as pcsv

        self._bad: list[tuple[int | None, str, int, int]] = []

        def on_invalid(row: Any) -> str:
            self._bad.append((row.number, row.text, row.expected_columns, row.actual_columns))
            return "skip" if self.rejects is not None else "error"

        _quiet_undecodable_rows(on_invalid)

        return pcsv.open_csv(
            stream,
            read_options=pcsv.ReadOptions(
                block_size=block_size,
                use_threads=self._threaded() if threads is None else threads,
                encoding=self.encoding or "utf8",
            ),
            parse_options=pcsv.ParseOptions(
                delimiter=self.delimiter,
                quote_char='"' if self.quoting else False,
                newlines_in_values=self.quoting,
                invalid_row_handler=on_invalid,
            ),
            convert_options=pcsv.ConvertOptions(
                column_types={name: pa.string() for name in self.columns},
                null_values=[""],
                strings_can_be_null=True,
                quoted_strings_can_be_null=False,
            ),
        )

    def batches(self) -> Iterator[pa.RecordBatch]:
        """The record batches of the file, in order."""
        done_rows = 0
        done_rejects = 0
        block = self.block_size
        stream = self._parser_input()
        last: pa.RecordBatch | None = None
        while True:
            try:
                for batch in self._batches_from(stream, block, done_rows, done_rejects):
                    done_rows += batch.num_rows
                    if batch.num_rows:
                        last = batch
                    yield batch
                self._check_last_record(last, done_rows)
                return
            except BlockTooSmall:
                if self.source.path is None or block >= MAX_BLOCK_SIZE:
                    raise InputDataError(
                        f"{self.source.label}: a row is longer than {block >> 20} MiB"
                        + (
                            "; read it from a file rather than standard input"
                            if self.source.path is None
                            else ""
                        )
                    ) from None
                block *= 4
                done_rejects = self.rejects.count if self.rejects is not None else 0
                self._retire(self._raw)
                self._raw = self.source.open_binary()
                self._stream = InputStream(self._raw, label=self.source.label)
                stream = self._parser_input()

    def _batches_from(
        self, stream: Any, block: int, skip_rows: int, skip_rejects: int
    ) -> Iterator[pa.RecordBatch]:
        import pyarrow as pa

        seen_rejects = 0
        try:
            reader = self._open_arrow(stream, block)
            while True:
                try:
                    batch = reader.read_next_batch()
                except StopIteration:
                    break
                finally:
                    seen_rejects = self._flush_rejects(seen_rejects, skip_rejects)
                if skip_rows:
                    if batch.num_rows <= skip_rows:
                        skip_rows -= batch.num_rows
                        continue
                    batch = batch.slice(skip_rows)
                    skip_rows = 0
                yield batch
        except pa.ArrowInvalid as exc:
            if "Empty CSV file" not in str(exc):
                raise self._translate(exc) from None
            # (else a header without a line end: no rows, unless this is a second try)
        if skip_rows:  # (a second try must read again at least the rows given out)
            raise InputDataError(
                f"{self.source.label}: the input changed while it was read "
                f"({skip_rows} fewer rows the second time)"
            )

    def _check_last_record(self, last: pa.RecordBatch | None, rows: int) -> None:
        """Fail if the last record's last field opens a quote that never closes.

        The parser then reads the rest of the input as that one field: every later row
        would be lost without a word (``1,"abc`` followed by 50,000 good rows reads as
        one row). A field that is closed ends in ``"`` and a line end; one that is not
        ends the input with its (escaped) text, which is what is checked here.
        """
        if not self.quoting or last is None:
            return
        value = last.column(last.num_columns - 1)[last.num_rows - 1].as_py()
        if value is None:
            return
        encoding = "utf-8" if is_utf8(self.encoding) else str(self.encoding)
        opened = ('"' + value.replace('"', '""')).encode(encoding, errors="replace")
        tail, whole = self._tail(len(opened) + 3 + _BLANK_SLACK)
        if not unclosed_at_end(tail, whole, opened):
            return
        records = rows + (self.rejects.count if self.rejects is not None else 0) + 1
        path = self.source.seekable_path
        if path is not None:
            where = f"line {_line_of_offset(path, len(opened))}"
        else:
            where = f"record {records}"
        lines = value.rstrip("\r\n").count("\n")
        raise MalformedRowError(
            f"{self.source.label}: unclosed quote in the row at {where}: its last field "
            f"runs to the end of the input ({lines} more lines would be read as one value); "
            "close or remove the quote"
        )

    def _tail(self, size: int) -> tuple[bytes, bool]:
        """The last ``size`` bytes of the input at most, and whether that is all of it."""
        path = self.source.seekable_path
        if path is None:  # a pipe or a compressed file: read once
            tail = self._stream.tail
            return tail, self._stream.position <= len(tail)
        with open(path, "rb") as f:
            end = f.seek(0, 2)
            f.seek(max(0, end - size))
            return f.read(), end <= size

    def _flush_rejects(self, seen: int, skip: int) -> int:
        if self.rejects is None:
            return seen
        for number, text, _expected, _actual in self._bad:
            seen += 1
            if seen > skip:
                self.rejects.add(text, number)
        self._bad.clear()
        return seen

    def _translate(self, exc: Exception) -> Exception:
        message = str(exc)
        if "straddle" in message:
            return BlockTooSmall()
        # A malformed row that is not valid UTF-8 either never reaches on_invalid
        # (pyarrow fails to decode it for the handler): say where the bad bytes are.
        undecodable = not self._bad and "CSV parse error" in message
        if "UTF8" in message or "UTF-8" in message or undecodable:
            if self.source.seekable_path is not None and is_utf8(self.encoding):
                with open(self.source.seekable_path, "rb") as f:
                    found = check_utf8(f, self.source.label)
                if found is not None:
                    return found
            if not undecodable:
                return EncodingError(
                    f"{self.source.label}: invalid text in the {self.encoding or 'UTF-8'} "
                    "encoding; give the file's encoding with --encoding"
                )
        if self._bad:
            number, text, expected, actual = self._bad[0]
            if number is None and self.source.seekable_path is not None:
                number = self._first_bad_row()
            where = self._where(number)
            shown = text if len(text) <= 80 else text[:77] + "..."
            return MalformedRowError(
                f"{self.source.label}: malformed row at {where}: expected {expected} fields, "
                f"got {actual}: {shown!r} (use --skip-bad-rows to set such rows aside)"
            )
        return InputDataError(f"{self.source.label}: {message}")

    def _first_bad_row(self) -> int | None:
        """The record number of the first malformed row, from a single-threaded pass."""
        import pyarrow as pa

        assert self.source.seekable_path is not None
        block = self.block_size
        while True:
            with open(self.source.seekable_path, "rb") as raw:
                try:
                    for _ in self._open_arrow(InputStream(raw), block, threads=False):
                        pass
                except pa.ArrowInvalid as exc:
                    if "straddle" in str(exc) and block < MAX_BLOCK_SIZE:
                        block *= 4
                        continue
                    return self._bad[0][0] if self._bad else None
            return None

    def _where(self, record: int | None) -> str:
        if record is None:
            return "an unknown line"
        if self.source.seekable_path is None:
            return f"record {record}"
        return f"line {physical_line(self, record)}"


# Blank lines at the end of the input that the check of the last field looks past.
_BLANK_SLACK = 64


def unclosed_at_end(tail: bytes, whole: bool, opened: bytes) -> bool:
    """Whether input ending with ``tail`` ends inside the quoted field ``opened``.

    ``opened`` is the field's opening quote and escaped text, as bytes (Arrow's parser
    may have left a last line end out of it); ``whole``: the
    tail is the entire input. A field that was closed is followed by ``"`` and at most
    one line end: that reading wins where both would fit (values made only of quotes).
    """
    for end in (b'"', b'"\n', b'"\r\n', b'"\r'):
        if _ends_with(tail, whole, opened + end):
            return False
    # Blank lines after a closed field (the parser skips them): '"\n"' then "\n\n" is
    # the value "\n", closed, not a quote opened before a line end.
    stripped = tail.rstrip(b"\r\n")
    if (whole or len(stripped) > len(opened)) and _ends_with(stripped, whole, opened + b'"'):
        return False
    # The parser may leave the input's last line end out of the field.
    ends = [opened + end for end in (b"", b"\n", b"\r\n", b"\r")]
    if not any(_ends_with(tail, whole, e) for e in ends):
        return False
    if whole or any(len(e) <= len(tail) for e in ends if _ends_with(tail, whole, e)):
        return True  # the opening quote is in the tail: seen
    # Only the field's end was kept: it was quoted (so, not closed) if it holds a line
    # end, which an unquoted field cannot; else it may be an unquoted value, and a
    # quote left open on the last line loses no rows anyway.
    body = opened.rstrip(b"\r\n")
    return b"\n" in body or b"\r" in body


def _ends_with(tail: bytes, whole: bool, suffix: bytes) -> bool:
    if len(suffix) > len(tail):
        return False if whole else suffix.endswith(tail)
    return tail.endswith(suffix)


def _line_of_offset(path: Path, from_end: int) -> int:
    """The line number of the byte ``from_end`` bytes before the end of ``path``."""
    lines = 1
    with open(path, "rb") as f:
        left = f.seek(0, 2) - from_end
        f.seek(0)
        while left > 0:
            chunk = f.read(min(left, 1 << 22))
            if not chunk:
                break
            lines += chunk.count(b"\n")
            left -= len(chunk)
    return lines


def physical_line(reader: CsvReader, record: int) -> int:
    """The line where the ``record``-th non-blank record (header = 1) starts."""
    assert reader.source.seekable_path is not None
    with (
        open(
            reader.source.seekable_path,
            encoding=reader._text_encoding(),
            errors="replace",
            newline="",
        ) as f,
        _big_fields(),
    ):
        rows = csv.reader(f, delimiter=reader.delimiter, quoting=reader._quoting())
        start = 1
        seen = 0
        try:
            for row in rows:
                if row:
                    seen += 1
                    if seen == record:
                        return start
                start = rows.line_num + 1
        except csv.Error:
            return start
    return start


@contextlib.contextmanager
def _big_fields() -> Iterator[None]:
    """Let the standard ``csv`` module read very long fields, then restore its limit."""
    old = csv.field_size_limit(sys.maxsize)
    try:
        yield
    finally:
        csv.field_size_limit(old)


def require_columns(label: str, wanted: list[str], present: list[str]) -> None:
    """Raise :class:`MissingColumnError` naming the columns that do exist."""
    missing = [c for c in wanted if c not in present]
    if missing:
        have = ", ".join(repr(c) for c in present) if present else "(none)"
        what = "column" if len(missing) == 1 else "columns"
        raise MissingColumnError(
            f"{label}: no {what} {', '.join(repr(c) for c in missing)}; the columns are: {have}"
        )


_QUIET: set[int] = set()


def _quiet_undecodable_rows(handler: Any) -> None:
    """Keep pyarrow's failure to decode a malformed row for ``handler`` (it raises
    UnicodeDecodeError where no one can catch it) off standard error: the parse error
    that follows is reported with the place of the bad bytes instead."""
    _QUIET.add(id(handler.__code__))
    if getattr(sys.unraisablehook, "_translit", False):
        return
    previous = sys.unraisablehook

    def hook(unraisable: Any) -> None:
        code = getattr(unraisable.object, "__code__", None)
        if isinstance(unraisable.exc_value, UnicodeDecodeError) and id(code) in _QUIET:
            return
        previous(unraisable)

    hook._translit = True  # type: ignore[attr-defined]
    sys.unraisablehook = hook
