"""Numbers for people: ``12.3k`` rows, ``4.5 MB``."""

from __future__ import annotations

_COUNT = (1000, "", ("", "k", "M", "G", "T"))
_BYTES = (1024, " ", ("B", "KB", "MB", "GB"))


def human(value: float, *, binary: bool = False) -> str:
    """``value`` in the largest unit under which it stays below one step of the next.

    Counts step by 1000 (``950``, ``12.3k``, ``4.0M``); with ``binary``, sizes step by
    1024 (``950 B``, ``12.3 KB``). Whole units show no decimals; the last unit takes
    whatever is left.
    """
    step, space, units = _BYTES if binary else _COUNT
    for index, unit in enumerate(units):
        if abs(value) < step or index == len(units) - 1:
            number = f"{value:.0f}" if index == 0 else f"{value:.1f}"
            return f"{number}{space}{unit}"
        value /= step
    raise AssertionError("unreachable")  # pragma: no cover
