"""Small helpers shared by the command-line modules (``cli.py``, ``translate/commands.py``).

Text I/O on standard streams is done on bytes: lines are split on ``\\n`` only
(never on other Unicode line breaks, so line counts are preserved), and bytes
that are not valid UTF-8 are carried through unchanged with ``surrogateescape``.
"""

from __future__ import annotations

import contextlib
import functools
import io
import json
import os
import signal
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import Any, BinaryIO, TypeVar, cast

import typer

from translit.errors import InputDataError, OutputError, TranslitError, UsageError

F = TypeVar("F", bound=Callable[..., Any])

ENCODING_ERRORS = "surrogateescape"


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print ``message`` on standard error (one line) and return an Exit to raise."""
    first_line = message.strip().splitlines()[0] if message.strip() else "error"
    typer.echo(f"translit: error: {first_line}", err=True)
    return typer.Exit(code=code)


DEBUG_VARIABLE = "TRANSLIT_DEBUG"
"""Set it to 1 to see the traceback of an error instead of its one-line message."""


def describe(exc: BaseException) -> tuple[str, int] | None:
    """The one-line message and exit code for an error the user can cause, or ``None``.

    1: bad data, a file that cannot be read or written; 2: a usage error; 130:
    interrupted. ``None`` for anything else: a bug, which :func:`run_app` reports.
    """
    if isinstance(exc, UsageError):
        return str(exc), 2
    if isinstance(exc, TranslitError):
        return str(exc), 1
    if isinstance(exc, KeyboardInterrupt):
        return "interrupted", 130
    if isinstance(exc, OSError):  # a file that cannot be read or written, a full disk
        where = f"{exc.filename}: " if exc.filename else ""
        return f"{where}{exc.strerror or exc}", 1
    return None


def guarded(fn: F) -> F:
    """Turn library errors into a one-line message and exit code 1 (never a traceback)."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except BrokenPipeError:  # `translit ... | head`
            raise typer.Exit(code=0) from None
        except (TranslitError, KeyboardInterrupt, OSError) as exc:
            message, code = describe(exc) or (str(exc), 1)
            raise fail(message, code=code) from None

    return wrapper  # type: ignore[return-value]


class ClosedStream(io.RawIOBase):
    """Stands in for standard input or output when the process started without it.

    Reading or writing raises a :class:`TranslitError` that says so (``translit
    normalize <&-``); flushing does nothing, so that exiting stays quiet.
    """

    def __init__(self, name: str, error: type[TranslitError]) -> None:
        super().__init__()
        self.name = name
        self._error = error

    @property
    def buffer(self) -> ClosedStream:
        return self

    def _closed(self) -> TranslitError:
        return self._error(f"standard {self.name} is closed")

    def readable(self) -> bool:
        return True

    def writable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        raise self._closed()

    def readline(self, size: int | None = -1) -> bytes:
        raise self._closed()

    def write(self, data: Any) -> int:
        raise self._closed()

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False


def run_app(app: Callable[[], Any]) -> None:
    """Run the command line: the one place an escaping exception becomes one line.

    Errors the user can cause get their message and exit code (:func:`describe`);
    anything else is a bug: one line naming it and exit 1, with the traceback when
    ``TRANSLIT_DEBUG=1``. Closed standard streams become :class:`ClosedStream`; a
    reader that goes away (``| head``) ends the run quietly.
    """
    signal.signal(signal.SIGINT, signal.default_int_handler)  # KeyboardInterrupt from here
    if sys.stdin is None:
        sys.stdin = ClosedStream("input", InputDataError)
    if sys.stdout is None:
        sys.stdout = ClosedStream("output", OutputError)
    try:
        app()
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        if not isinstance(exc.code, int | None):
            _say(str(exc.code))
    except BrokenPipeError:
        code = 0
    except BaseException as exc:
        if os.environ.get(DEBUG_VARIABLE, "") not in ("", "0"):
            raise
        known = describe(exc)
        if known is None:
            where = _origin(exc)
            known = (
                f"unexpected {type(exc).__name__}{where}: {exc} "
                f"(a bug; {DEBUG_VARIABLE}=1 shows the traceback)",
                1,
            )
        _say(known[0])
        code = known[1]
    _quiet_flush()
    sys.exit(code)


def _origin(exc: BaseException) -> str:
    tb = exc.__traceback__
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    if tb is None:
        return ""
    return f" in {os.path.basename(tb.tb_frame.f_code.co_filename)}:{tb.tb_lineno}"


def _say(message: str) -> None:
    first = message.strip().splitlines()[0] if message.strip() else "error"
    with contextlib.suppress(Exception):  # standard error may be closed too
        sys.stderr.write(f"translit: error: {first}\n")
        sys.stderr.flush()


def _quiet_flush() -> None:
    """Flush standard output; if its reader is gone, point it at /dev/null (no warning)."""
    try:
        sys.stdout.flush()
    except (BrokenPipeError, ValueError):
        with contextlib.suppress(OSError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
    except TranslitError:
        pass


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


def emit(fmt: str, field: str, batches: Iterable[tuple[list[str], Iterable[str]]]) -> None:
    """Write each batch's outputs: ``text``, one line each; ``jsonl``, one object each
    (``{"input": ..., field: ...}``); ``json``, one array of all the objects at the end."""
    collected: list[dict[str, str]] = []
    for inputs, outputs in batches:
        if fmt == "text":
            write_lines(outputs)
            continue
        records = [{"input": i, field: o} for i, o in zip(inputs, outputs, strict=True)]
        if fmt == "jsonl":
            write_lines(json.dumps(r, ensure_ascii=False) for r in records)
        else:
            collected.extend(records)
    if fmt == "json":
        write_lines([json.dumps(collected, ensure_ascii=False, indent=1)])


def eprint(message: str) -> None:
    print(message, file=sys.stderr)
