"""Small helpers shared by the command-line modules (``cli.py``, ``translate/commands.py``).

Text I/O on standard streams is done on bytes: lines are split on ``\\n`` only
(never on other Unicode line breaks, so line counts are preserved), and bytes
that are not valid UTF-8 are carried through unchanged with ``surrogateescape``.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import Any, BinaryIO, TypeVar, cast

import typer

from translit.errors import TranslitError, UsageError

F = TypeVar("F", bound=Callable[..., Any])

ENCODING_ERRORS = "surrogateescape"


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print ``message`` on standard error (one line) and return an Exit to raise."""
    first_line = message.strip().splitlines()[0] if message.strip() else "error"
    typer.echo(f"translit: error: {first_line}", err=True)
    return typer.Exit(code=code)


def guarded(fn: F) -> F:
    """Turn library errors into a one-line message and exit code 1 (never a traceback)."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except UsageError as exc:
            raise fail(str(exc), code=2) from None
        except TranslitError as exc:
            raise fail(str(exc)) from None
        except BrokenPipeError:  # `translit ... | head`
            raise typer.Exit(code=0) from None
        except KeyboardInterrupt:
            raise fail("interrupted", code=130) from None
        except OSError as exc:  # a file that cannot be read or written, a full disk
            where = f"{exc.filename}: " if exc.filename else ""
            raise fail(f"{where}{exc.strerror or exc}") from None

    return wrapper  # type: ignore[return-value]


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
    out = stream if stream is not None else stdout_bytes()
    for line in lines:
        out.write(encode_line(line))
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


def texts_or_stdin(texts: list[str] | None) -> Iterator[list[str]]:
    """Arguments as one batch, or standard input in batches of lines."""
    if texts:
        yield list(texts)
    else:
        yield from batched_lines(stdin_bytes())


def eprint(message: str) -> None:
    print(message, file=sys.stderr)
