"""The frame API on a local Dask cluster gives exactly the single-machine result.

Two worker processes (so the normalizer and its gazetteer are pickled or loaded per
process, as on a real cluster) normalize a partitioned frame with ``map_partitions``;
values, dtypes, index and row order must equal :func:`normalize_frame` on the whole
frame in this process. The real normalizer runs here, not the fake one.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.dataset.frames import dataset
from translit.dataset import normalize_frame

dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")
pd = pytest.importorskip("pandas")

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    with (
        distributed.LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=50,
        ) as cluster,
        distributed.Client(cluster) as c,
    ):
        yield c


def distributed_run(client: Any, frame: Any, columns: list[str], npartitions: int) -> Any:
    parts = dd.from_pandas(frame, npartitions=npartitions, sort=False)
    meta = normalize_frame(parts._meta, columns)
    out = parts.map_partitions(normalize_frame, columns, meta=meta)
    result = client.compute(out).result()
    workers = client.run(lambda: True)
    assert len(workers) == 2  # the work really went to the two worker processes
    return result


@pytest.mark.parametrize(
    ("convert_string", "npartitions"),
    [(False, 7), (True, 7), (False, 40)],  # 40: each distinct name spread over many parts
)
def test_partitioned_run_equals_single_machine_run(
    client: Any, convert_string: bool, npartitions: int
) -> None:
    import dask

    frame = dataset()
    with dask.config.set({"dataframe.convert-string": convert_string}):
        got = distributed_run(client, frame, ["name", "city"], npartitions)
        # The single-machine run on the frame exactly as Dask hands it to partitions
        # (with convert-string, Dask turns text columns into its own string dtype).
        expected_input = dd.from_pandas(frame, npartitions=1, sort=False).compute()
    if not convert_string:
        pd.testing.assert_frame_equal(expected_input, frame, check_exact=True)
    expected = normalize_frame(expected_input, ["name", "city"])
    assert got.index.equals(frame.index)
    assert list(got.columns) == [
        "id",
        "name",
        "name_normalized",
        "name_key",
        "name_entity",
        "name_method",
        "amount",
        "city",
        "city_normalized",
        "city_key",
        "city_entity",
        "city_method",
    ]
    pd.testing.assert_frame_equal(got, expected, check_exact=True)
    # The inputs came through untouched and the names were really normalized.
    assert got["id"].tolist() == frame["id"].tolist()
    assert (got["name_method"] == "gazetteer").sum() > 100
    assert got.loc[got["name"].isna(), "name_normalized"].isna().all()
    blank = got["name"].fillna("x").str.strip() == ""
    assert blank.sum() > 0 and got.loc[blank, "name_key"].isna().all()


def load_example(name: str) -> Any:
    """A script of ``examples/`` as a module."""
    import importlib.util

    path = Path(__file__).resolve().parents[2] / "examples" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"example_{name}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("to", ["parquet", "csv"])
def test_dask_example_on_the_cluster(client: Any, tmp_path: Path, to: str) -> None:
    """``examples/dask_normalize.py`` on CSV files: its output equals the pandas run."""
    example = load_example("dask_normalize")
    frame = dataset(3000)
    src = tmp_path / "people.csv"
    frame.to_csv(src, index=False)
    out = tmp_path / "out"
    address = client.scheduler.address
    assert (
        example.main([str(src), "-c", "name", "-o", str(out), "--scheduler", address, "--to", to])
        == 0
    )
    text = {"dtype": str, "keep_default_na": False, "na_values": [""]}
    single = normalize_frame(pd.read_csv(src, **text), ["name"])
    if to == "parquet":
        got = pd.read_parquet(out)
    else:
        parts = sorted(out.glob("part-*.csv"), key=lambda p: int(p.stem.split("-")[1]))
        got = pd.concat([pd.read_csv(p, **text) for p in parts], ignore_index=True)
        # What the single-machine run would write as CSV, read back the same way.
        single = pd.read_csv(io.StringIO(single.to_csv(index=False)), **text)
    got = got.reset_index(drop=True)
    assert got["id"].tolist() == [f"{i:06d}" for i in range(3000)]
    pd.testing.assert_frame_equal(got, single, check_exact=True, check_dtype=False)
