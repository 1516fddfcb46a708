"""Standard input and output as bytes, line by line.

Lines are split on ``\\n`` only (never on other Unicode line breaks, so line counts
are preserved), and bytes that are not valid UTF-8 are carried through unchanged
with ``surrogateescape``.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import BinaryIO, cast

ENCODING_ERRORS = "surrogateescape"


def stdin_bytes() -> BinaryIO:
    """Standard input as bytes (works under Typer's CliRunner too)."""
    return cast(BinaryIO, sys.stdin.buffer)


def stdout_bytes() -> BinaryIO:
    """Standard output as bytes; text written before is flushed first."""
    sys.stdout.flush()
    return cast(BinaryIO, sys.stdout.buffer)


def iter_lines(stream: BinaryIO) -> Iterator[str]:
    """Yield lines of a binary stream without their ``\\n``; invalid UTF-8 survives."""
    for raw in stream:
        if raw.endswith(b"\n"):
            raw = raw[:-1]
        yield raw.decode("utf-8", ENCODING_ERRORS)


def encode_line(text: str) -> bytes:
    return text.encode("utf-8", ENCODING_ERRORS) + b"\n"


def write_lines(lines: Iterable[str], stream: BinaryIO | None = None) -> None:
    """Write each line and its ``\\n`` to ``stream`` (default: standard output)."""
    out = stream if stream is not None else stdout_bytes()
    for line in lines:
        out.write(encode_line(line))
    out.flush()


def write_bytes(data: bytes, stream: BinaryIO | None = None) -> None:
    """Write ``data`` to ``stream`` (default: standard output) and flush it."""
    out = stream if stream is not None else stdout_bytes()
    out.write(data)
    out.flush()


def batched_lines(stream: BinaryIO, size: int = 4096) -> Iterator[list[str]]:
    """Group input lines in batches; one line at a time when reading a terminal."""
    interactive = _isatty(stream)
    batch: list[str] = []
    for line in iter_lines(stream):
        batch.append(line)
        if interactive or len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _isatty(stream: BinaryIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
