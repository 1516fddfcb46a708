"""Progress on standard error: a bar on a terminal, periodic lines elsewhere, on request.

The share done measures rows done, not bytes read: the reader runs ahead of the
work (by up to hundreds of megabytes), so the bytes it has read say little about
what is written. With ``R`` rows read from the first ``B`` of ``T`` input bytes and
``D`` rows done, the share is ``B/T * D/R``: exact once the input is all read, and
never ahead of the work.
"""

from __future__ import annotations

import time
from typing import TextIO

from translit._util.numbers import human
from translit._util.progress import Progress

LOG_INTERVAL = 30.0
"""Seconds between two progress lines when standard error is not a terminal."""


class RowProgress:
    """Rows done (and the share done, when the input size is known), on a :class:`Progress`.

    ``enabled=None`` means: only when ``stream`` is a terminal. On a terminal the bar
    is redrawn a few times a second; elsewhere (cron, CI logs, ``nohup``) a whole line
    is written every ``log_interval`` seconds. :meth:`close` ends with the final state.
    """

    def __init__(
        self,
        label: str,
        total_bytes: int | None = None,
        *,
        enabled: bool | None = None,
        stream: TextIO | None = None,
        interval: float = 0.25,
        log_interval: float = LOG_INTERVAL,
    ) -> None:
        self.display = Progress(
            stream, enabled=enabled, interval=interval, log_interval=log_interval
        )
        self.label = label
        self.total_bytes = total_bytes if total_bytes else None
        self.rows = 0
        self.rows_read = 0
        self.bytes_done = 0  # input bytes read (ahead of the work)
        self._start = time.monotonic()

    def read(self, rows: int, position: int) -> None:
        """``rows`` more were read; the input is read up to byte ``position`` (any thread)."""
        self.rows_read += rows
        self.bytes_done = position

    def update(self, rows: int, position: int | None = None) -> None:
        """Add ``rows`` done; ``position``: the input read up to there, for readers
        that read no further ahead than the rows done."""
        self.rows += rows
        if position is not None:
            self.read(rows, position)
        if self.display.due():
            self.display.draw(self.line())

    def line(self, now: float | None = None) -> str:
        """The text of the bar."""
        now = time.monotonic() if now is None else now
        elapsed = max(now - self._start, 1e-9)
        rate = f"{human(self.rows / elapsed)} rows/s"
        if self.total_bytes:
            share = self.share()
            filled = int(share * 20)
            bar = "#" * filled + "." * (20 - filled)
            return f"{self.label} [{bar}] {share:4.0%} {human(self.rows)} rows {rate}"
        return f"{self.label} {human(self.rows)} rows {rate}"

    def share(self) -> float:
        """The share of the work done, from 0 to 1 (see the module's docstring)."""
        if not self.total_bytes or not self.rows_read:
            return 0.0
        read = min(self.bytes_done / self.total_bytes, 1.0)
        return read * min(self.rows / self.rows_read, 1.0)

    def close(self) -> None:
        """Draw the final state and end the line (if anything was shown)."""
        if self.display.enabled and (self.display.shown or self.rows):
            self.display.draw(self.line(), now=True)
        self.display.end()
