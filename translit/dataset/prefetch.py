"""Run an iterator on a thread of its own, a few items ahead of the one that consumes it.

The dataset pipeline reads and parses batches and looks their names up (Arrow
kernels, which release the interpreter lock) on this thread while the caller's thread
normalizes the new names of an earlier batch (Python). An error raised by the
iterator reaches the consumer as it was raised, after the items before it.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterator
from typing import Any, Generic, TypeVar

T = TypeVar("T")

_END = object()

STOP_TIMEOUT = 10.0
"""Seconds :meth:`Prefetch.stop` waits for the item in progress."""


class _Failed:
    def __init__(self, error: BaseException) -> None:
        self.error = error


class Prefetch(Generic[T]):
    """Iterate ``items`` on a worker thread, holding items ready up to a budget.

    ``weigh`` gives an item's weight (say, its bytes); the thread waits while the items
    ready weigh ``budget`` or more, so at least one is always ready or on its way.
    ``on_idle(True)`` is called (on the thread) when it starts waiting for room or has
    no more items, ``on_idle(False)`` when it goes on. Use as a context manager (or
    call :meth:`stop`) so that an early exit ends the thread: the iterator is closed
    on the thread that runs it.
    """

    def __init__(
        self,
        items: Iterator[T],
        *,
        budget: int = 2,
        weigh: Callable[[T], int] | None = None,
        on_idle: Callable[[bool], None] | None = None,
    ) -> None:
        self._items = items
        self._weigh = weigh if weigh is not None else (lambda item: 1)
        self._on_idle = on_idle if on_idle is not None else (lambda idle: None)
        self._budget = budget
        self._held = 0  # weight of the items ready
        self._room = threading.Condition()
        self._queue: queue.Queue[Any] = queue.Queue()
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._run, name="translit-prefetch", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            for item in self._items:
                weight = self._weigh(item)
                with self._room:
                    if not self._has_room():
                        self._on_idle(True)
                        self._room.wait_for(self._has_room)
                        self._on_idle(False)
                    self._held += weight
                if self._stopping.is_set():
                    break
                self._queue.put((item, weight))
        except BaseException as exc:  # handed to the consumer's thread
            self._queue.put(_Failed(exc))
            return
        finally:
            close = getattr(self._items, "close", None)
            if close is not None:
                close()
            self._on_idle(True)
        self._queue.put(_END)

    def _has_room(self) -> bool:
        return self._held < self._budget or self._stopping.is_set()

    def __iter__(self) -> Iterator[T]:
        while True:
            item = self._queue.get()
            if item is _END:
                return
            if isinstance(item, _Failed):
                raise item.error
            value, weight = item
            with self._room:
                self._held -= weight
                self._room.notify()
            yield value

    def stop(self, timeout: float = STOP_TIMEOUT) -> None:
        """End the thread early (or wait for it to end); items not taken are dropped.

        A thread stuck in a read (a pipe that sends nothing) is left behind after
        ``timeout`` seconds rather than holding up the caller's exit.
        """
        self._stopping.set()
        with self._room:
            self._room.notify()
        self._thread.join(timeout)

    def __enter__(self) -> Prefetch[T]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
