"""Shapes shared by the dataset modules: what a name normalizer is and returns."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol


class NameResultLike(Protocol):
    """The fields of :class:`translit.NameResult` that the dataset tools write out."""

    @property
    def output(self) -> str: ...

    @property
    def key(self) -> str: ...

    @property
    def entity(self) -> str | None: ...

    @property
    def method(self) -> str: ...


Normalizer = Callable[[Sequence[str]], Sequence[NameResultLike]]
"""Normalizes a batch of distinct names; one result per name, in order."""

ADDED_SUFFIXES: tuple[str, ...] = ("normalized", "key", "entity", "method")
"""Columns added next to each named column, as ``<column>_<suffix>``."""


def added_columns(column: str) -> list[str]:
    """Names of the columns added for ``column``, in the order they are written."""
    return [f"{column}_{suffix}" for suffix in ADDED_SUFFIXES]
