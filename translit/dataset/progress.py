"""A one-line progress bar on standard error, shown only when it is a terminal."""

from __future__ import annotations

import sys
import time
from typing import TextIO


def _human(n: float) -> str:
    for unit in ("", "k", "M", "G"):
        if abs(n) < 1000:
            return f"{n:.0f}{unit}" if unit == "" else f"{n:.1f}{unit}"
        n /= 1000
    return f"{n:.1f}T"


class Progress:
    """Rows done (and the share of input bytes read, when the size is known).

    ``enabled=None`` means: only when ``stream`` is a terminal. Updates are throttled
    to a few per second; :meth:`close` ends the line.
    """

    def __init__(
        self,
        label: str,
        total_bytes: int | None = None,
        *,
        enabled: bool | None = None,
        stream: TextIO | None = None,
        interval: float = 0.25,
    ) -> None:
        self.stream = stream if stream is not None else sys.stderr
        if enabled is None:
            try:
                enabled = self.stream.isatty()
            except (AttributeError, ValueError):
                enabled = False
        self.enabled = enabled
        self.label = label
        self.total_bytes = total_bytes if total_bytes else None
        self.interval = interval
        self.rows = 0
        self.bytes_done = 0
        self._start = time.monotonic()
        self._last = 0.0
        self._shown = False

    def update(self, rows: int, bytes_done: int | None = None) -> None:
        """Add ``rows`` done; ``bytes_done`` is the input position, when known."""
        self.rows += rows
        if bytes_done is not None:
            self.bytes_done = bytes_done
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._last >= self.interval:
            self._last = now
            self._draw(now)

    def line(self, now: float | None = None) -> str:
        """The text of the bar."""
        now = time.monotonic() if now is None else now
        elapsed = max(now - self._start, 1e-9)
        rate = f"{_human(self.rows / elapsed)} rows/s"
        if self.total_bytes:
            share = min(self.bytes_done / self.total_bytes, 1.0)
            filled = int(share * 20)
            bar = "#" * filled + "." * (20 - filled)
            return f"{self.label} [{bar}] {share:4.0%} {_human(self.rows)} rows {rate}"
        return f"{self.label} {_human(self.rows)} rows {rate}"

    def _draw(self, now: float) -> None:
        self.stream.write("\r" + self.line(now) + "\x1b[K")
        self.stream.flush()
        self._shown = True

    def close(self) -> None:
        """Draw the final state and end the line (if anything was shown)."""
        if self.enabled and (self._shown or self.rows):
            self._draw(time.monotonic())
            self.stream.write("\n")
            self.stream.flush()
