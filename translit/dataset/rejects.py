"""Rows set aside by ``--skip-bad-rows``: counted, numbered and kept in a side file."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

from translit._util.atomic import PendingFile, atomic_output

_KEEP_NUMBERS = 10


class RejectSink:
    """Collects malformed rows as their raw text, one per line, in ``path``.

    The side file is created (atomically) only if a row is rejected, when
    :meth:`commit` is called; :meth:`discard` drops it.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.count = 0
        self.numbers: list[int] = []
        self._context: contextlib.AbstractContextManager[PendingFile] | None = None
        self._pending: PendingFile | None = None

    def add(self, text: str, number: int | None) -> None:
        """Keep one rejected row (``number``: its record or line number, when known)."""
        if self._pending is None:
            self._context = atomic_output(self.path)
            self._pending = self._context.__enter__()
        self.count += 1
        if number is not None and len(self.numbers) < _KEEP_NUMBERS:
            self.numbers.append(number)
        data = text if text.endswith("\n") else text + "\n"
        self._pending.stream.write(data.encode("utf-8", "surrogateescape"))

    def commit(self) -> None:
        """Move the side file into place (if any row was rejected)."""
        if self._context is not None:
            context, self._context, self._pending = self._context, None, None
            context.__exit__(None, None, None)

    def discard(self) -> None:
        """Drop the side file (the run failed)."""
        if self._context is not None:
            context, self._context, self._pending = self._context, None, None
            error = RuntimeError("discarded")
            with contextlib.suppress(RuntimeError):
                context.__exit__(type(error), error, None)

    def summary(self, label: str, unit: str = "row") -> str:
        """A one-line report: how many rows, which ones, where they are."""
        plural = "" if self.count == 1 else "s"
        shown = ", ".join(str(n) for n in self.numbers)
        more = ", ..." if self.count > len(self.numbers) else ""
        which = f" ({unit}s {shown}{more})" if shown else ""
        return f"{label}: skipped {self.count} malformed row{plural}{which}; kept in {self.path}"

    def __enter__(self) -> RejectSink:
        return self

    def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> None:
        if exc_type is None:
            self.commit()
        else:
            self.discard()
