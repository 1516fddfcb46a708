"""Mapping a function over many items, once per distinct item."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from typing import TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


def map_distinct(fn: Callable[[K], V], items: Iterable[K]) -> list[V]:
    """``[fn(x) for x in items]``, calling ``fn`` once per distinct item, in input order.

    (The garbage collector is left as it is: holding off its full collections while
    many names are normalized is the caller's choice, see
    :func:`translit._util.gctune.fewer_full_collections`.)
    """
    done: dict[K, V] = {}
    out: list[V] = []
    for item in items:
        if item in done:
            out.append(done[item])
        else:
            out.append(done.setdefault(item, fn(item)))
    return out
