"""Where input bytes come from: a file or standard input, with a replayable prefix.

Readers peek at the start of the input (to read a header) and then hand the whole
stream, prefix included, to a parser. :class:`InputStream` does that for files and
pipes alike, counts the bytes read (for the progress bar) and, for pipes, which cannot
be read twice, checks UTF-8 as the bytes go by so that an error can name its offset.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from translit.dataset.errors import EncodingError, UsageError
from translit.dataset.formats import STDIO

TAIL_BYTES = 1 << 16
"""Bytes at the end of an input kept to check how its last record ends."""

UTF8_NAMES = frozenset({"utf8", "utf-8", "utf_8", "utf-8-sig", "utf_8_sig", "utf8-sig"})


def is_utf8(encoding: str | None) -> bool:
    """Whether ``encoding`` (``None``: the default) means UTF-8."""
    return encoding is None or encoding.lower() in UTF8_NAMES


@dataclass(frozen=True)
class Source:
    """An input: a file path, or standard input (``path is None``)."""

    path: Path | None

    @classmethod
    def of(cls, name: str) -> Source:
        if name == STDIO:
            return cls(None)
        path = Path(name)
        if not path.exists():
            raise UsageError(f"{name}: no such file")
        if path.is_dir():
            raise UsageError(f"{name}: is a directory")
        return cls(path)

    @property
    def label(self) -> str:
        return "<stdin>" if self.path is None else str(self.path)

    @property
    def size(self) -> int | None:
        return None if self.path is None else self.path.stat().st_size

    def open_binary(self) -> BinaryIO:
        if self.path is None:
            return sys.stdin.buffer
        return open(self.path, "rb")


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

    def peek_more(self, size: int) -> bytes:
        """Read up to ``size`` more bytes into the replayable prefix; return the whole prefix."""
        more = self._raw.read(size)
        self._prefix += more
        return self._prefix

    @property
    def prefix(self) -> bytes:
        return self._prefix


def iter_chunks(stream: BinaryIO, size: int = 1 << 20) -> Iterator[bytes]:
    """Read ``stream`` in chunks until it ends."""
    while True:
        data = stream.read(size)
        if not data:
            return
        yield data


def file_size(path: Path) -> int:
    return os.stat(path).st_size
