"""NameCache: each distinct name normalized once; whole columns mapped exactly."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.dataset.fakes import CountingNormalizer, fake_result
from translit.dataset.columns import NameCache

pa = pytest.importorskip("pyarrow")

NAME = st.one_of(
    st.none(), st.sampled_from(["", " ", "Tokayev", "Тоқаев", "Almaty", "x y"]), st.text(max_size=6)
)


def expected(name: str | None) -> tuple[str | None, str | None, str | None, str | None]:
    if name is None or name.strip() == "":
        return (None, None, None, None)
    r = fake_result(name)
    return (r.output, r.key, r.entity, r.method)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(NAME, max_size=30), max_size=6), st.lists(NAME, max_size=10))
def test_map_array_equals_a_per_row_lookup(
    batches: list[list[str | None]], rows: list[str | None]
) -> None:
    counting = CountingNormalizer()
    cache = NameCache(counting)
    for batch in batches:
        columns = cache.map_array(pa.array(batch, pa.string()))
        got = list(zip(*(c.to_pylist() for c in columns), strict=True)) if batch else []
        assert got == [expected(n) for n in batch]
    # Python values (JSONL, Excel) go through the same cache.
    assert cache.lookup_many(rows) == [expected(n) for n in rows]
    every = [n for b in batches for n in b] + rows
    wanted = {n for n in every if n is not None and n.strip() != ""}
    assert sorted(counting.seen) == sorted(wanted)  # each distinct name exactly once


def test_chunked_and_dictionary_columns() -> None:
    cache = NameCache(CountingNormalizer())
    chunked = pa.chunked_array([["Tokayev", None], ["Almaty", "Tokayev"]])
    assert cache.map_array(chunked)[2].to_pylist() == ["Q1", None, "Q2", "Q1"]
    encoded = pa.array(["Almaty", "x", "Almaty"]).dictionary_encode()
    assert cache.map_array(encoded)[1].to_pylist() == ["almaty", "x", "almaty"]
