"""Progress on standard error: a bar on a terminal, or a line every few seconds in logs.

On a terminal the bar is redrawn in place. Off a terminal (a log file, cron) nothing is
written unless asked for (``--progress`` or ``TRANSLIT_PROGRESS=1``); then one line every
``interval`` seconds, and one when a stage ends::

    translit: 120/300 sentences, 12 s, about 18 s left

Each stage of a run (the sentences, then the names and marked-up phrases translated on
their own) has its own label and count.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TextIO

from translit._util.progress import Progress


class ProgressBar:
    """``[#####     ] 120/300 sentences  12 s, about 18 s left`` on a terminal.

    ``lines``: also report off a terminal, as one line every ``interval`` seconds.
    """

    def __init__(
        self,
        stream: TextIO | None = None,
        minimum: int = 8,
        label: str = "sentences",
        *,
        lines: bool = False,
        interval: float = 5.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._display = Progress(
            stream, enabled=True if lines else None, interval=0, log_interval=interval, clock=clock
        )
        self._minimum = minimum
        self._label = label
        self._clock = clock
        self._started = clock()

    def __call__(self, done: int, total: int, label: str | None = None) -> None:
        if label is not None and label != self._label:
            self.close()
            self._label = label
            self._started = self._clock()
        if not self._display.enabled or total < self._minimum:
            return
        elapsed = self._clock() - self._started
        count = f"{done}/{total} {self._label}"
        timing = f"{elapsed:.0f} s"
        if done:
            timing += f", about {elapsed / done * (total - done):.0f} s left"
        if not self._display.tty:
            self._display.draw(f"translit: {count}, {timing}", now=done == total)
            return
        width = 30
        filled = int(width * done / total) if total else width
        line = f"[{'#' * filled}{' ' * (width - filled)}] {count}"
        self._display.draw(line + (f"  {timing}" if done else ""))

    def close(self) -> None:
        self._display.end()
