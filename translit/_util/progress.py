"""The one progress display: a line on standard error, redrawn in place on a terminal.

Off a terminal (a log file, cron) it writes nothing unless asked; asked, it writes a
whole line at most every ``log_interval`` seconds. What the line says is up to its
user: rows of a data set (:mod:`translit.dataset.progress`), sentences of a
translation (:mod:`translate.progress`).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO


class Progress:
    """Draws the lines it is given, no more often than its interval.

    ``enabled=None``: only when ``stream`` is a terminal. ``interval``: seconds
    between two redraws on a terminal; ``log_interval``: between two lines elsewhere.
    """

    def __init__(
        self,
        stream: TextIO | None = None,
        *,
        enabled: bool | None = None,
        interval: float = 0.25,
        log_interval: float = 30.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.stream = stream if stream is not None else sys.stderr
        try:
            self.tty = self.stream.isatty()
        except (AttributeError, ValueError):
            self.tty = False
        self.enabled = self.tty if enabled is None else enabled
        self.interval = interval if self.tty else log_interval
        self.clock = clock
        self.shown = False
        self._last = float("-inf")

    def due(self) -> bool:
        """Whether a line drawn now would be shown (enabled, and the interval is over)."""
        return self.enabled and self.clock() - self._last >= self.interval

    def draw(self, line: str, *, now: bool = False) -> None:
        """Show ``line`` if it is :meth:`due` (or ``now``, when enabled)."""
        if not (self.enabled and (now or self.due())):
            return
        self._last = self.clock()
        if self.tty:
            self.stream.write("\r" + line + "\x1b[K")
        else:
            self.stream.write(line + "\n")
        self.stream.flush()
        self.shown = True

    def end(self) -> None:
        """End the line on a terminal, if anything was drawn; the next draw starts afresh."""
        if self.shown and self.tty:
            self.stream.write("\n")
            self.stream.flush()
        self.shown = False
        self._last = float("-inf")
