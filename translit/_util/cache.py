"""The bounded cache: a dict that is emptied when it is full.

Every memo of the library is one of these. Emptying it whole (rather than evicting
the least recently used entry) costs nothing per hit: a hit is a plain dict lookup,
as fast as a dict's, compiled or not. Hot loops read it with ``get`` and store with
:meth:`BoundedCache.put` only on a miss. A cache that holds only strings is never
walked by the garbage collector (an ``functools.lru_cache`` is, whole, at every full
collection).
"""

from __future__ import annotations

from typing import TypeVar

K = TypeVar("K")
V = TypeVar("V")


class BoundedCache(dict[K, V]):
    """A dict of at most ``limit`` entries: :meth:`put` empties it first when full.

    Read it as a dict (``get``, ``in``, ``[]``); store only through :meth:`put`.
    """

    def __init__(self, limit: int) -> None:
        super().__init__()
        if limit < 1:
            raise ValueError(f"a cache holds at least one entry, not {limit}")
        self.limit = limit

    def put(self, key: K, value: V) -> V:
        """Store ``value`` for ``key`` (the cache emptied first when full); ``value``."""
        if len(self) >= self.limit:
            self.clear()
        self[key] = value
        return value
