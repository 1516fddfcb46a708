"""Normalize the name columns of a large dataset on a Dask cluster.

Usage::

    python examples/dask_normalize.py people.csv --column name -o people-normalized/
    python examples/dask_normalize.py 'exports/*.parquet' -c name -c city -o out/ \
        --scheduler tcp://scheduler:8786

Every partition goes through :func:`translit.dataset.normalize_frame`, the function
that normalizes a single pandas DataFrame, so the result equals a single-machine run
row for row (``tests/dataset/test_dask.py`` checks that on a two-worker cluster). Each
worker process loads the normalizer (and the gazetteer) once and normalizes each
distinct name once per partition.

Without ``--scheduler`` the script starts a local cluster of ``--workers`` processes.
The input is read with every CSV field as text (``007`` stays ``007``; only empty fields
become nulls); Parquet keeps its column types. The output is a folder of Parquet or
CSV part files, one per partition, in input order. Workers need ``translit-kz[dask]``
installed and, with ``--gazetteer``, the gazetteer files at the same path.
"""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from translit.dataset import normalize_frame


def read(pattern: str, blocksize: str = "64MB") -> Any:
    """A Dask DataFrame of CSV or Parquet files (a path, a glob or a folder)."""
    import dask.dataframe as dd

    if pattern.endswith((".parquet", ".pq")) or Path(pattern).is_dir():
        return dd.read_parquet(pattern)
    return dd.read_csv(
        pattern,
        dtype=str,  # no type guessing: names, ids and codes stay exactly as written
        keep_default_na=False,
        na_values=[""],
        blocksize=blocksize,
    )


def normalize(
    frame: Any, columns: Sequence[str], style: str = "en", gazetteer: Sequence[str] = ()
) -> Any:
    """``frame`` (a Dask DataFrame) with the normalized columns after each of ``columns``."""
    options: dict[str, Any] = {"style": style, "gazetteer": list(gazetteer)}
    # The output's columns and dtypes: the same function run on the empty frame Dask
    # keeps as a schema (``_meta``), so nothing is computed to find them.
    meta = normalize_frame(frame._meta, list(columns), **options)
    return frame.map_partitions(normalize_frame, list(columns), meta=meta, **options)


@contextlib.contextmanager
def connect(scheduler: str | None, workers: int) -> Iterator[Any]:
    """A client of the cluster at ``scheduler``, else of a new local cluster."""
    import distributed

    api: Any = distributed  # its classes are untyped
    if scheduler is not None:
        with api.Client(scheduler) as client:
            yield client
        return
    with (
        api.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True) as cluster,
        api.Client(cluster) as client,
    ):
        yield client


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input", help="CSV or Parquet: a file, a glob or a folder")
    parser.add_argument("-c", "--column", action="append", required=True, help="repeatable")
    parser.add_argument("-o", "--output", required=True, help="output folder (must not exist)")
    parser.add_argument("--to", choices=["parquet", "csv"], default="parquet")
    parser.add_argument("--style", default="en")
    parser.add_argument("--gazetteer", action="append", default=[], help="repeatable")
    parser.add_argument("--scheduler", help="address of a running Dask scheduler")
    parser.add_argument("--workers", type=int, default=2, help="local worker processes")
    args = parser.parse_args(argv)
    out = Path(args.output)
    if out.exists():
        parser.error(f"{out} exists; choose a new folder")
    with connect(args.scheduler, args.workers):
        result = normalize(read(args.input), args.column, args.style, args.gazetteer)
        if args.to == "parquet":
            result.to_parquet(out, write_index=False)
        else:
            out.mkdir(parents=True)
            result.to_csv(str(out / "part-*.csv"), index=False)
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
