"""BoundedCache: a dict that never holds more than its limit, emptied whole when full."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from translit._util.cache import BoundedCache


def test_put_stores_and_returns_the_value() -> None:
    cache: BoundedCache[str, int] = BoundedCache(4)
    assert cache.put("a", 1) == 1
    assert cache.get("a") == 1
    assert cache["a"] == 1
    assert "a" in cache and len(cache) == 1
    assert "b" not in cache
    assert cache.get("b") is None


def test_a_full_cache_is_emptied_before_the_next_entry() -> None:
    cache: BoundedCache[int, int] = BoundedCache(3)
    for i in range(3):
        cache.put(i, i * 10)
    assert cache.data == {0: 0, 1: 10, 2: 20}
    cache.put(3, 30)
    assert cache.data == {3: 30}


def test_replacing_a_key_of_a_full_cache_empties_it_too() -> None:
    # (put never looks the key up: a hot loop calls it only after a miss)
    cache: BoundedCache[str, int] = BoundedCache(2)
    cache.put("a", 1)
    cache.put("b", 2)
    cache.put("a", 3)
    assert cache.data == {"a": 3}


@pytest.mark.parametrize("limit", [0, -1])
def test_a_cache_holds_at_least_one_entry(limit: int) -> None:
    with pytest.raises(ValueError, match="at least one entry"):
        BoundedCache(limit)


@given(st.integers(1, 20), st.lists(st.integers(0, 50), max_size=300))
def test_never_over_its_limit_and_the_last_entry_is_kept(limit: int, keys: list[int]) -> None:
    cache: BoundedCache[int, int] = BoundedCache(limit)
    for k in keys:
        cache.put(k, -k)
        assert len(cache) <= limit
        assert cache[k] == -k
    assert all(v == -k for k, v in cache.data.items())


def test_clear_forgets_everything() -> None:
    cache: BoundedCache[str, int] = BoundedCache(4)
    cache.put("a", 1)
    cache.clear()
    assert len(cache) == 0 and cache.get("a") is None


def test_a_cache_of_strings_is_not_tracked_by_the_garbage_collector() -> None:
    import gc

    cache: BoundedCache[str, str] = BoundedCache(8)
    cache.put("a", "b")
    assert not gc.is_tracked(cache.data)
