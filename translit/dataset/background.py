"""Write batches on a thread of their own, so that writing overlaps reading and mapping.

Arrow's CSV and Parquet writers and the file writes release the interpreter lock;
while one batch is assembled, serialized and written, the next is read and mapped. At most one
batch waits in between, so memory stays bounded. An error on the writing thread
reaches the caller at its next :meth:`BackgroundWriter.write` or at
:meth:`BackgroundWriter.close`, as it was raised.
"""

from __future__ import annotations

import contextlib
import queue
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from translit.dataset.batches import Batch
    from translit.dataset.pipeline import Writer

_DONE = object()

STOP_TIMEOUT = 10.0
"""Seconds :meth:`BackgroundWriter.stop` waits for a write in progress."""


class BackgroundWriter:
    """Hands batches to ``inner.write`` on a worker thread, in order."""

    def __init__(self, inner: Writer, *, depth: int = 1) -> None:
        self.inner = inner
        self._queue: queue.Queue[Any] = queue.Queue(maxsize=depth)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="translit-writer", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while True:
            item = self._queue.get()
            if item is _DONE:
                return
            if self._error is not None:
                continue  # drain: the caller is told at its next call
            try:
                self.inner.write(item() if callable(item) else item)
            except BaseException as exc:  # re-raised on the caller's thread
                self._error = exc

    def _raise(self) -> None:
        if self._error is not None:
            error, self._error = self._error, None
            raise error

    def write(self, batch: Batch | Callable[[], Batch]) -> None:
        """Queue ``batch`` (or a function that makes it, called on the writing thread)."""
        self._raise()
        self._queue.put(batch)

    def finish(self) -> None:
        """Wait until every batch is written; raise the writing thread's error, if any."""
        if self._thread.is_alive():
            self._queue.put(_DONE)
            self._thread.join()
        self._raise()

    def stop(self, timeout: float = STOP_TIMEOUT) -> None:
        """Let the thread end, dropping the batches still queued; errors are dropped.

        For a run that is failing anyway: the caller's own error is the one to report.
        A thread stuck in a write (a pipe nobody reads) is left behind after
        ``timeout`` seconds rather than holding up the caller's exit.
        """
        if self._thread.is_alive():
            self._error = self._error or _Stopped()
            while True:
                try:
                    self._queue.get_nowait()
                except queue.Empty:
                    break
            with contextlib.suppress(queue.Full):
                self._queue.put(_DONE, timeout=timeout)
            self._thread.join(timeout)
        self._error = None


class _Stopped(Exception):
    """Marks a writer told to stop: batches still queued are dropped."""
