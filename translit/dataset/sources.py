"""Where input bytes come from: a file or standard input, with a replayable prefix.

Readers peek at the start of the input (to read a header) and then hand the whole
stream, prefix included, to a parser. :class:`InputStream` does that for files and
pipes alike, counts the bytes read (for the progress bar) and, for pipes, which cannot
be read twice, checks UTF-8 as the bytes go by so that an error can name its offset.
"""

from __future__ import annotations

import io
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, cast

from translit.dataset.errors import EncodingError, UsageError
from translit.dataset.formats import STDIO, compression_of

TAIL_BYTES = 1 << 16
"""Bytes at the end of an input kept to check how its last record ends."""

UTF8_NAMES = frozenset({"utf8", "utf-8", "utf_8", "utf-8-sig", "utf_8_sig", "utf8-sig"})


UTF8_BOM = b"\xef\xbb\xbf"
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"),  # before UTF-16's, which it starts with
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def bom_encoding(head: bytes) -> str | None:
    """``utf-16`` or ``utf-32`` if ``head`` (the first bytes of an input) starts with its BOM."""
    for bom, name in _BOMS:
        if head.startswith(bom):
            return name
    return None


def is_utf8(encoding: str | None) -> bool:
    """Whether ``encoding`` (``None``: the default) means UTF-8."""
    return encoding is None or encoding.lower() in UTF8_NAMES


@dataclass(frozen=True)
class Source:
    """An input: a file path, or standard input (``path is None``)."""

    path: Path | None
    compression: str | None = None  # ``gzip`` or ``zstd``: decompressed as it is read

    @classmethod
    def of(cls, name: str) -> Source:
        if name == STDIO:
            return cls(None)
        path = Path(name)
        if not path.exists():
            raise UsageError(f"{name}: no such file")
        if path.is_dir():
            raise UsageError(f"{name}: is a directory")
        return cls(path, compression_of(name))

    @property
    def seekable_path(self) -> Path | None:
        """The path, if its bytes can be read again (a regular, uncompressed file)."""
        if self.path is None or self.compression is not None or not self.path.is_file():
            return None
        return self.path

    @property
    def label(self) -> str:
        return "<stdin>" if self.path is None else str(self.path)

    @property
    def size(self) -> int | None:
        return None if self.path is None else self.path.stat().st_size

    def open_binary(self) -> BinaryIO:
        if self.path is None:
            return sys.stdin.buffer
        if self.compression is not None:
            import pyarrow as pa

            native = pa.input_stream(str(self.path), compression=self.compression)
            return cast(BinaryIO, io.BufferedReader(NativeReader(native), 1 << 20))
        return open(self.path, "rb")


class _NativeStream(io.RawIOBase):
    """An Arrow stream as a Python raw binary stream (closed with it)."""

    def __init__(self, native: Any) -> None:
        super().__init__()
        self._native = native

    def close(self) -> None:
        if not self.closed:
            self._native.close()
        super().close()


class NativeReader(_NativeStream):
    """An Arrow input stream (a decompressing one) as a Python raw binary stream."""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self._native.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


class NativeWriter(_NativeStream):
    """An Arrow output stream (a compressing one) as a Python raw binary stream."""

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        self._native.write(data)
        return len(data)

    def tell(self) -> int:
        return int(self._native.tell())


class Utf8Checker:
    """Feed it consecutive chunks; it raises :class:`EncodingError` at the first bad byte."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.offset = 0  # bytes checked and found valid
        self.line = 1
        self._carry = b""

    def feed(self, data: bytes) -> None:
        buf = self._carry + data if self._carry else data
        try:
            buf.decode("utf-8")
        except UnicodeDecodeError as exc:
            if data and exc.reason == "unexpected end of data":
                self._advance(buf[: exc.start])
                self._carry = buf[exc.start :]
                return
            self._advance(buf[: exc.start])
            raise self.error() from None
        self._advance(buf)
        self._carry = b""

    def finish(self) -> None:
        if self._carry:
            raise self.error()

    def _advance(self, valid: bytes) -> None:
        self.offset += len(valid)
        self.line += valid.count(b"\n")

    def error(self) -> EncodingError:
        return EncodingError(
            f"{self.label}: invalid UTF-8 at byte offset {self.offset} (line {self.line}); "
            "give the file's encoding with --encoding"
        )


def check_utf8(stream: BinaryIO, label: str, chunk: int = 1 << 22) -> EncodingError | None:
    """The error for the first invalid UTF-8 byte of ``stream``, or ``None`` if all is valid."""
    checker = Utf8Checker(label)
    try:
        while True:
            data = stream.read(chunk)
            checker.feed(data)
            if not data:
                checker.finish()
                return None
    except EncodingError as exc:
        return exc


class InputStream(io.RawIOBase):
    """A readable stream: ``prefix`` bytes first, then the rest of ``raw``.

    ``check_utf8`` validates every byte handed out (used for pipes). ``position`` is
    the number of bytes handed out so far, ``tail`` the last of them (at most
    :data:`TAIL_BYTES`): a pipe cannot be read again to look at how it ended.
    """

    def __init__(
        self, raw: BinaryIO, prefix: bytes = b"", *, label: str = "", check_utf8: bool = False
    ) -> None:
        super().__init__()
        self._raw = raw
        self._prefix = prefix
        self.position = 0
        self.tail = b""
        self._checker = Utf8Checker(label) if check_utf8 else None

    def readable(self) -> bool:
        return True

    def read(self, size: int | None = -1) -> bytes:
        if size is None or size < 0:
            data = self._prefix + self._raw.read()
            self._prefix = b""
        elif self._prefix:
            data = self._prefix[:size]
            self._prefix = self._prefix[size:]
        else:
            data = self._raw.read(size)
        self.position += len(data)
        if data:
            self.tail = (self.tail + data[-TAIL_BYTES:])[-TAIL_BYTES:]
        if self._checker is not None:
            self._checker.feed(data)
            if not data:
                self._checker.finish()
        return data

    def readinto(self, buffer: memoryview | bytearray) -> int:  # type: ignore[override]
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def stop_checking(self) -> None:
        """Stop checking UTF-8 (the input turned out to be in another encoding)."""
        self._checker = None

    def peek_more(self, size: int) -> bytes:
        """Read up to ``size`` more bytes into the replayable prefix; return the whole prefix."""
        more = self._raw.read(size)
        self._prefix += more
        return self._prefix

    @property
    def prefix(self) -> bytes:
        return self._prefix
