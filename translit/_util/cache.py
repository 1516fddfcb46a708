"""The bounded cache: a memo that is emptied whole when it is full.

Every memo of the library is one of these. Emptying it whole (rather than evicting
the least recently used entry) costs nothing per hit: a hit is one plain dict lookup.
Hot loops read with :meth:`BoundedCache.get` and store with :meth:`BoundedCache.put`
only on a miss.

It wraps a plain ``dict`` rather than being one: the garbage collector stops
tracking a plain dict that holds no container it could walk (strings, numbers,
compiled acyclic objects), so a full collection never walks a cache of them; a dict
subclass (or an ``functools.lru_cache``) it walks whole, every time.
"""

from __future__ import annotations

from typing import Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class BoundedCache(Generic[K, V]):
    """A memo of at most ``limit`` entries: :meth:`put` empties it first when full."""

    __slots__ = ("data", "limit")

    def __init__(self, limit: int) -> None:
        if limit < 1:
            raise ValueError(f"a cache holds at least one entry, not {limit}")
        self.limit = limit
        self.data: dict[K, V] = {}  # (read it directly only where a hot loop must)

    def get(self, key: K) -> V | None:
        """The value stored for ``key``, else ``None``."""
        return self.data.get(key)

    def put(self, key: K, value: V) -> V:
        """Store ``value`` for ``key`` (the cache emptied first when full); ``value``."""
        data = self.data
        if len(data) >= self.limit:
            data.clear()
        data[key] = value
        return value

    def __getitem__(self, key: K) -> V:
        return self.data[key]

    def clear(self) -> None:
        """Forget every entry."""
        self.data.clear()

    def __len__(self) -> int:
        return len(self.data)

    def __contains__(self, key: object) -> bool:
        return key in self.data
