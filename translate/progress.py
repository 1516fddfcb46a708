"""A progress bar on standard error, shown only on a terminal."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class ProgressBar:
    """``[#####     ] 120/300 sentences  12.3 s``, redrawn in place; silent off a TTY."""

    def __init__(
        self, stream: TextIO | None = None, minimum: int = 8, label: str = "sentences"
    ) -> None:
        self._stream = stream if stream is not None else sys.stderr
        self._minimum = minimum
        self._label = label
        self._started = time.perf_counter()
        self._shown = False
        try:
            self._enabled = self._stream.isatty()
        except (AttributeError, ValueError):
            self._enabled = False

    def __call__(self, done: int, total: int) -> None:
        if not self._enabled or total < self._minimum:
            return
        width = 30
        filled = int(width * done / total) if total else width
        elapsed = time.perf_counter() - self._started
        line = f"\r[{'#' * filled}{' ' * (width - filled)}] {done}/{total} {self._label}"
        if done:
            remaining = elapsed / done * (total - done)
            line += f"  {elapsed:.0f} s, about {remaining:.0f} s left"
        self._stream.write(line + " " * 4)
        self._stream.flush()
        self._shown = True

    def close(self) -> None:
        if self._shown:
            self._stream.write("\n")
            self._stream.flush()
            self._shown = False
