"""The command line's machinery, shared by ``cli.py`` and ``translate/commands.py``.

:func:`exit_code` is the one place where an error becomes a message and an exit code
(1: bad data, a file that cannot be read or written; 2: a usage error; 130:
interrupted). The app's command group (:class:`Commands`) applies it to every
command, so that tests driving the app with Typer's ``CliRunner`` see what users see;
:func:`run_app`, the program's entry point, applies it to what fails outside a
command (help written to a closed stream) and reports bugs.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import signal
import sys
from collections.abc import Callable, Iterable, Iterator
from enum import Enum
from typing import Any

import typer
from typer.core import TyperGroup

from translit._util.stdio import batched_lines, stdin_bytes, write_lines
from translit.errors import InputDataError, OutputError, TranslitError, UsageError

DEBUG_VARIABLE = "TRANSLIT_DEBUG"
"""Set it to 1 to see the traceback of a bug instead of its one-line message."""


class ListFormat(str, Enum):
    """How a listing is printed: an aligned table, or JSON."""

    table = "table"
    json = "json"


def describe(exc: BaseException) -> tuple[str, int] | None:
    """The one-line message and exit code for an error the user can cause, or ``None``
    (a bug, which :func:`run_app` reports)."""
    if isinstance(exc, UsageError):
        return str(exc), 2
    if isinstance(exc, TranslitError):
        return str(exc), 1
    if isinstance(exc, KeyboardInterrupt):
        return str(exc) or "interrupted", 130
    if isinstance(exc, OSError):  # a file that cannot be read or written, a full disk
        where = f"{exc.filename}: " if exc.filename else ""
        return f"{where}{exc.strerror or exc}", 1
    return None


def exit_code(exc: BaseException) -> int | None:
    """Say ``exc``'s one line on standard error and return its exit code; ``None`` for a
    bug (nothing said)."""
    known = describe(exc)
    if known is None:
        return None
    say(known[0])
    return known[1]


class Commands(TyperGroup):
    """The app's commands: an error a command raises ends it with :func:`exit_code`."""

    def invoke(self, ctx: Any) -> Any:  # (a typer Context)
        try:
            return super().invoke(ctx)
        except BrokenPipeError:  # `translit ... | head`
            raise typer.Exit(0) from None
        except (TranslitError, KeyboardInterrupt, OSError) as exc:
            raise typer.Exit(exit_code(exc) or 1) from None


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

    Errors the user can cause get their message and exit code (:func:`exit_code`);
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
            say(str(exc.code))
    except BrokenPipeError:
        code = 0
    except BaseException as exc:
        if os.environ.get(DEBUG_VARIABLE, "") not in ("", "0"):
            raise
        known = exit_code(exc)
        if known is None:
            say(
                f"unexpected {type(exc).__name__}{_origin(exc)}: {exc} "
                f"(a bug; {DEBUG_VARIABLE}=1 shows the traceback)"
            )
        code = 1 if known is None else known
    _quiet_flush()
    sys.exit(code)


def _origin(exc: BaseException) -> str:
    tb = exc.__traceback__
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    if tb is None:
        return ""
    return f" in {os.path.basename(tb.tb_frame.f_code.co_filename)}:{tb.tb_lineno}"


def say(message: str) -> None:
    """``translit: error: MESSAGE`` (its first line) on standard error."""
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


def note(message: str) -> None:
    """A line for the user on standard error (not an error)."""
    typer.echo(message, err=True)
