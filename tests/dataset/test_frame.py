"""The dataframe API on pandas and polars: columns added, everything else kept."""

from __future__ import annotations

import pytest

from tests.dataset.fakes import CountingNormalizer, fake_normalize, fake_result
from translit.dataset import MissingColumnError, normalize_frame, normalize_series

pd = pytest.importorskip("pandas")
pl = pytest.importorskip("polars")

NAMES = ["Тоқаев", None, "Tokayev", "", "  ", "Тоқаев", "Almaty"]
ADDED = ["name_normalized", "name_key", "name_entity", "name_method"]


def expected_keys(values: list[str | None]) -> list[str | None]:
    return [None if v is None or v.strip() == "" else fake_result(v).key for v in values]


def test_pandas_series_in_assign_keeps_the_index() -> None:
    frame = pd.DataFrame({"id": ["007"] * 7, "name": NAMES}, index=list("gfedcba"))
    counting = CountingNormalizer()
    out = frame.assign(**normalize_series(frame["name"], normalizer=counting))
    assert list(out.columns) == ["id", "name", *ADDED]
    assert list(out.index) == list("gfedcba")
    keys = [None if pd.isna(k) else k for k in out["name_key"]]
    assert keys == expected_keys(NAMES)
    assert out["id"].tolist() == ["007"] * 7
    assert sorted(counting.seen) == sorted({"Тоқаев", "Tokayev", "Almaty"})  # once each


def test_polars_series_in_with_columns() -> None:
    frame = pl.DataFrame({"name": NAMES, "n": list(range(7))})
    out = frame.with_columns(normalize_series(frame["name"], normalizer=fake_normalize))
    assert out.columns == ["name", "n", *ADDED]
    assert out["name_key"].to_list() == expected_keys(NAMES)
    assert out["name_entity"].to_list()[0] == "Q1"
    assert out["n"].to_list() == list(range(7))


@pytest.mark.parametrize("kind", ["pandas", "polars"])
def test_normalize_frame_puts_columns_after_each_named_one(kind: str) -> None:
    data = {"a": ["x", "y"], "name": ["Tokayev", None], "city": ["Алматы", "Almaty"]}
    frame = pd.DataFrame(data) if kind == "pandas" else pl.DataFrame(data)
    out = normalize_frame(frame, ["city", "name"], normalizer=fake_normalize)
    assert list(out.columns) == [
        "a",
        "name",
        *ADDED,
        "city",
        *[c.replace("name", "city") for c in ADDED],
    ]
    assert type(out) is type(frame)
    assert list(out["city_entity"]) == ["Q2", "Q2"]


def test_mixed_object_column() -> None:
    series = pd.Series([7, "Tokayev", None, 2.5, True], name="name", dtype=object)
    out = normalize_series(series, normalizer=fake_normalize)
    keys = out["name_key"].tolist()
    assert keys[:2] == ["7", "tokayev"] and keys[3:] == ["25", "true"]
    assert pd.isna(keys[2])


def test_missing_column_lists_the_columns() -> None:
    frame = pl.DataFrame({"id": [1], "nme": ["x"]})
    with pytest.raises(MissingColumnError, match=r"no column 'name'; the columns are: 'id', 'nme'"):
        normalize_frame(frame, ["name"], normalizer=fake_normalize)


def test_not_a_frame() -> None:
    from translit.errors import InputDataError

    with pytest.raises(InputDataError, match="pandas or polars"):
        normalize_series(["Tokayev"], normalizer=fake_normalize)
