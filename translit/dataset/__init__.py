"""Normalize the name columns of real datasets: files of any size, and dataframes.

Files (CSV, TSV, JSON Lines, Parquet, Excel) stream through in bounded memory; each
distinct name is normalized once; outputs are written atomically; every row and every
other column comes out as it went in. Dataframes (pandas, polars; Dask and Spark
partitions) go through :func:`normalize_series` and :func:`normalize_frame`.

Heavy libraries (pyarrow, polars, pandas) are imported only when used.
"""

from __future__ import annotations

from translit.dataset._types import ADDED_SUFFIXES, NameResultLike, Normalizer, added_columns
from translit.dataset.batches import output_columns
from translit.dataset.cluster import ClusterRow, cluster_file, cluster_spellings
from translit.dataset.columns import NameCache
from translit.dataset.errors import (
    EncodingError,
    MalformedRowError,
    MissingColumnError,
    UsageError,
)
from translit.dataset.formats import DataFormat
from translit.dataset.frame import normalize_frame, normalize_series
from translit.dataset.normalizer import default_normalizer
from translit.dataset.pipeline import FileReport, normalize_file
from translit.dataset.runner import normalize_files

__all__ = [
    "ADDED_SUFFIXES",
    "ClusterRow",
    "DataFormat",
    "EncodingError",
    "FileReport",
    "MalformedRowError",
    "MissingColumnError",
    "NameCache",
    "NameResultLike",
    "Normalizer",
    "UsageError",
    "added_columns",
    "cluster_file",
    "cluster_spellings",
    "default_normalizer",
    "normalize_file",
    "normalize_files",
    "normalize_frame",
    "normalize_series",
    "output_columns",
]
