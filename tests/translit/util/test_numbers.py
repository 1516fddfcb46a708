"""Numbers for people (translit._util.numbers): progress rates and cache sizes."""

from __future__ import annotations

import pytest

from translit._util.numbers import human


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (0, "0"),
        (999, "999"),
        (1000, "1.0k"),
        (12_345, "12.3k"),
        (4_000_000, "4.0M"),
        (2.5e9, "2.5G"),
        (7e15, "7000.0T"),  # the last unit takes what is left
        (-1500, "-1.5k"),
    ],
)
def test_counts_step_by_1000(value: float, text: str) -> None:
    assert human(value) == text


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (0, "0 B"),
        (1023, "1023 B"),
        (1024, "1.0 KB"),
        (5 * 1024 * 1024, "5.0 MB"),
        (3 * 1024**4, "3072.0 GB"),
    ],
)
def test_sizes_step_by_1024(value: float, text: str) -> None:
    assert human(value, binary=True) == text
