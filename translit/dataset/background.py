"""Write batches on threads of their own, so that writing overlaps reading and mapping.

Arrow's CSV and Parquet writers and the file writes release the interpreter lock;
while one batch is assembled, serialized and written, the next is read and mapped.
Batches are queued up to a depth, so memory stays bounded. An error on a writing
thread reaches the caller at its next :meth:`BackgroundWriter.write` or at
:meth:`BackgroundWriter.finish`, as it was raised.

With ``makers`` above one and a writer that can encode apart from writing (a
``encode`` / ``write_encoded`` pair, as :class:`~translit.dataset.csvwriter.CsvWriter`
has), batches are made and encoded on that many threads at once and written in
order by one: at the end of a file, when every name is known and only writing is
left, that is what keeps both cores busy.
"""

from __future__ import annotations

import contextlib
import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from translit.dataset.batches import Batch
    from translit.dataset.pipeline import Writer

_DONE = object()

STOP_TIMEOUT = 10.0
"""Seconds :meth:`BackgroundWriter.stop` waits for a write in progress."""


class BackgroundWriter:
    """Hands batches to ``inner.write`` on a worker thread, in order.

    A queued item is a batch or a function that makes one (called on a worker
    thread). ``depth`` items wait at most; with ``makers`` > 1 (and an ``inner`` with
    ``encode`` and ``write_encoded``) items are made and encoded on ``makers``
    threads at once, and written in order. ``on_idle`` is called on the writing
    thread when it has nothing to write (say, to sync the file written so far).
    """

    def __init__(
        self,
        inner: Writer,
        *,
        depth: int = 1,
        makers: int = 1,
        on_idle: Callable[[], None] | None = None,
    ) -> None:
        self.inner = inner
        self._on_idle = on_idle
        self._queue: queue.Queue[Any] = queue.Queue(maxsize=depth)
        self._error: BaseException | None = None
        encode = getattr(inner, "encode", None)
        self._write_encoded: Callable[[Any], None] | None = getattr(inner, "write_encoded", None)
        self._encode: Callable[[Batch], Any] | None = encode
        self._makers: ThreadPoolExecutor | None = None
        if makers > 1 and encode is not None and self._write_encoded is not None:
            self._makers = ThreadPoolExecutor(makers, thread_name_prefix="translit-maker")
        self._thread = threading.Thread(target=self._run, name="translit-writer", daemon=True)
        self._thread.start()

    def _make(self, item: Any) -> Any:
        batch = item() if callable(item) else item
        assert self._encode is not None
        return self._encode(batch)

    def _run(self) -> None:
        while True:
            if self._on_idle is not None and self._error is None and self._queue.empty():
                try:
                    self._on_idle()
                except BaseException as exc:  # re-raised on the caller's thread
                    self._error = exc
            item = self._queue.get()
            if item is _DONE:
                return
            if self._error is not None:
                if isinstance(item, Future):
                    item.cancel()
                continue  # drain: the caller is told at its next call
            try:
                if isinstance(item, Future):
                    assert self._write_encoded is not None
                    self._write_encoded(item.result())
                else:
                    self.inner.write(item() if callable(item) else item)
            except BaseException as exc:  # re-raised on the caller's thread
                self._error = exc

    def _raise(self) -> None:
        if self._error is not None:
            error, self._error = self._error, None
            raise error

    def write(self, batch: Batch | Callable[[], Batch]) -> None:
        """Queue ``batch`` (or a function that makes it, called on a worker thread)."""
        self._raise()
        if self._makers is not None:
            self._queue.put(self._makers.submit(self._make, batch))
        else:
            self._queue.put(batch)

    def finish(self) -> None:
        """Wait until every batch is written; raise the writing thread's error, if any."""
        if self._thread.is_alive():
            self._queue.put(_DONE)
            self._thread.join()
        self._shut_makers()
        self._raise()

    def stop(self, timeout: float = STOP_TIMEOUT) -> None:
        """Let the threads end, dropping the batches still queued; errors are dropped.

        For a run that is failing anyway: the caller's own error is the one to report.
        A thread stuck in a write (a pipe nobody reads) is left behind after
        ``timeout`` seconds rather than holding up the caller's exit.
        """
        if self._thread.is_alive():
            self._error = self._error or _Stopped()
            while True:
                try:
                    item = self._queue.get_nowait()
                except queue.Empty:
                    break
                if isinstance(item, Future):
                    item.cancel()
            with contextlib.suppress(queue.Full):
                self._queue.put(_DONE, timeout=timeout)
            self._thread.join(timeout)
        self._shut_makers()
        self._error = None

    def _shut_makers(self) -> None:
        """End the making threads: queued items are dropped, one at work is finished.

        Making is computing (no reads or writes that could block), so it ends soon.
        """
        if self._makers is not None:
            self._makers.shutdown(wait=True, cancel_futures=True)


class _Stopped(Exception):
    """Marks a writer told to stop: batches still queued are dropped."""
