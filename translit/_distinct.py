"""Mapping a function over many items, once per distinct item."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from typing import TypeVar

from translit._gctune import fewer_full_collections

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


def map_distinct(fn: Callable[[K], V], items: Iterable[K]) -> list[V]:
    """``[fn(x) for x in items]``, calling ``fn`` once per distinct item, in input order.

    Full garbage collections wait until the end: the name functions fill caches with
    many small objects that a full collection would walk again and again.
    """
    done: dict[K, V] = {}
    out: list[V] = []
    with fewer_full_collections():
        for item in items:
            if item in done:
                out.append(done[item])
            else:
                out.append(done.setdefault(item, fn(item)))
    return out
