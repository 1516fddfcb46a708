"""Normalize the name columns of a large dataset with PySpark.

Usage::

    python examples/spark_normalize.py people.csv --column name -o people-normalized/
    spark-submit examples/spark_normalize.py 's3a://bucket/exports/*.parquet' \
        -c name -c city -o s3a://bucket/normalized/ --master yarn

``mapInPandas`` hands each Spark partition to Python as pandas DataFrames (Arrow
batches); :func:`translit.dataset.normalize_frame`, the same function a single-machine
pandas user calls, adds the normalized columns. The output schema is the input's with
four string columns after each named column (:func:`translit.dataset.output_columns`),
so Spark needs no sampling to learn it. Each Python worker loads the normalizer (and
the gazetteer) once and normalizes each distinct name once per batch.

CSV is read with every field as text (no schema inference: ``007`` stays ``007``);
Parquet keeps its types. Executors need ``translit-kz[data]`` and pandas installed and,
with ``--gazetteer``, the gazetteer files at the same path. PySpark needs Java 17+.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator, Sequence
from typing import Any

from translit.dataset import added_columns, normalize_frame, output_columns


def output_schema(schema: Any, columns: Sequence[str]) -> Any:
    """The Spark schema after normalization: four string columns after each named one."""
    from pyspark.sql.types import StringType, StructField, StructType

    fields = {f.name: f for f in schema.fields}
    added = {a for c in columns for a in added_columns(c)}
    return StructType(
        [
            StructField(n, StringType(), True) if n in added else fields[n]
            for n in output_columns(schema.names, list(columns))
        ]
    )


def normalize(
    frame: Any, columns: Sequence[str], style: str = "en", gazetteer: Sequence[str] = ()
) -> Any:
    """``frame`` (a Spark DataFrame) with the normalized columns after each of ``columns``."""
    wanted = list(columns)
    paths = list(gazetteer)
    missing = [c for c in wanted if c not in frame.columns]
    if missing:
        raise SystemExit(f"no column {missing[0]!r}; the columns are: {', '.join(frame.columns)}")

    def run(batches: Iterator[Any]) -> Iterator[Any]:
        for batch in batches:
            yield normalize_frame(batch, wanted, style=style, gazetteer=paths)

    return frame.mapInPandas(run, schema=output_schema(frame.schema, wanted))


def read(spark: Any, path: str) -> Any:
    """A Spark DataFrame of CSV (all fields text) or Parquet files."""
    if path.rstrip("/").endswith((".parquet", ".pq")):
        return spark.read.parquet(path)
    return spark.read.option("header", True).option("multiLine", True).csv(path)


def main(argv: Sequence[str] | None = None) -> int:
    from pyspark.sql import SparkSession

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input", help="CSV or Parquet: a file, a glob or a folder")
    parser.add_argument("-c", "--column", action="append", required=True, help="repeatable")
    parser.add_argument("-o", "--output", required=True, help="output folder (must not exist)")
    parser.add_argument("--to", choices=["parquet", "csv"], default="parquet")
    parser.add_argument("--style", default="en")
    parser.add_argument("--gazetteer", action="append", default=[], help="repeatable")
    parser.add_argument("--master", default="local[2]", help="Spark master (default local[2])")
    args = parser.parse_args(argv)
    if args.master.startswith("local"):
        # Local Python workers use this interpreter (where translit is installed).
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = SparkSession.builder.master(args.master).appName("translit-normalize").getOrCreate()
    try:
        result = normalize(read(spark, args.input), args.column, args.style, args.gazetteer)
        writer = result.write.mode("errorifexists")
        if args.to == "parquet":
            writer.parquet(args.output)
        else:
            writer.option("header", True).csv(args.output)
    finally:
        spark.stop()
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
