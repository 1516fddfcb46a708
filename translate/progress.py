"""Progress on standard error: a bar on a terminal, or a line every few seconds in logs.

On a terminal the bar is redrawn in place. Off a terminal (a log file, cron) nothing is
written unless asked for (``--progress`` or ``TRANSLIT_PROGRESS=1``); then one line every
``interval`` seconds, and one when a stage ends::

    translit: 120/300 sentences, 12 s, about 18 s left

Each stage of a run (the sentences, then the names and marked-up phrases translated on
their own) has its own label and count.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO

#: Environment variable that turns progress lines on off a terminal.
ENV = "TRANSLIT_PROGRESS"


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
        self._stream = stream if stream is not None else sys.stderr
        self._minimum = minimum
        self._label = label
        self._clock = clock
        self._interval = interval
        self._started = clock()
        self._last = float("-inf")
        self._shown = False
        try:
            terminal = self._stream.isatty()
        except (AttributeError, ValueError):
            terminal = False
        self._mode = "bar" if terminal else "lines" if lines else "off"

    def __call__(self, done: int, total: int, label: str | None = None) -> None:
        if label is not None and label != self._label:
            self.close()
            self._label = label
            self._started = self._clock()
            self._last = float("-inf")
        if self._mode == "off" or total < self._minimum:
            return
        now = self._clock()
        elapsed = now - self._started
        count = f"{done}/{total} {self._label}"
        timing = f"{elapsed:.0f} s"
        if done:
            timing += f", about {elapsed / done * (total - done):.0f} s left"
        if self._mode == "lines":
            if now - self._last >= self._interval or done == total:
                self._stream.write(f"translit: {count}, {timing}\n")
                self._stream.flush()
                self._last = now
            return
        width = 30
        filled = int(width * done / total) if total else width
        line = f"\r[{'#' * filled}{' ' * (width - filled)}] {count}"
        if done:
            line += f"  {timing}"
        self._stream.write(line + " " * 4)
        self._stream.flush()
        self._shown = True

    def close(self) -> None:
        if self._shown:
            self._stream.write("\n")
            self._stream.flush()
            self._shown = False
