"""Dataframe API: normalize a pandas or polars column, or the name columns of a frame.

>>> import pandas as pd
>>> df = pd.DataFrame({"name": ["Тоқаев", "Tokayev", None]})
>>> df = df.assign(**normalize_series(df["name"]))            # doctest: +SKIP
>>> import polars as pl
>>> pf = pl.DataFrame({"name": ["Тоқаев", "Tokayev", None]})
>>> pf = pf.with_columns(normalize_series(pf["name"]))         # doctest: +SKIP

The same functions run unchanged inside Dask ``map_partitions`` and Spark
``mapInPandas`` (see ``examples/``): each call normalizes each distinct value once, and
the default normalizer is loaded once per process.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, TypeVar

from translit._util.gctune import fewer_full_collections
from translit.dataset._types import Normalizer, added_columns
from translit.dataset.batches import output_columns
from translit.dataset.columns import NameCache, as_text
from translit.dataset.csvio import require_columns
from translit.dataset.extras import require
from translit.errors import InputDataError

Frame = TypeVar("Frame")


def _kind(obj: Any) -> str:
    module = type(obj).__module__.split(".")[0]
    if module in ("pandas", "polars"):
        return module
    raise InputDataError(f"expected a pandas or polars Series/DataFrame, got {type(obj).__name__}")


def _resolve(
    normalizer: Normalizer | None, style: str, gazetteer: Sequence[str | Path]
) -> Normalizer:
    if normalizer is not None:
        return normalizer
    from translit.dataset.normalizer import default_normalizer

    return default_normalizer(style, gazetteer)


def _pandas_to_arrow(series: Any) -> Any:
    import pandas as pd
    import pyarrow as pa

    try:
        return pa.array(series, from_pandas=True)
    except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError):
        values = [None if _is_missing(pd, v) else as_text(v) for v in series.tolist()]
        return pa.array(values, pa.string())


def _is_missing(pd: Any, value: Any) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):  # lists, dicts
        return False


def normalize_series(
    series: Any,
    *,
    style: str = "en",
    gazetteer: Sequence[str | Path] = (),
    prefix: str | None = None,
    normalizer: Normalizer | None = None,
    cache: NameCache | None = None,
) -> Any:
    """The normalized columns of a pandas or polars Series, as a DataFrame of the same kind.

    Columns: ``<prefix>_normalized``, ``_key``, ``_entity``, ``_method`` (``prefix``
    defaults to the series name, else ``name``). Nulls and empty names give nulls. A
    pandas result keeps the series' index, so it lines up in ``DataFrame.assign``/``join``.
    """
    kind = _kind(series)
    require(("pyarrow",), "the dataframe API")
    name = prefix
    if name is None:
        name = "name" if series.name is None or series.name == "" else str(series.name)
    cache = cache if cache is not None else NameCache(_resolve(normalizer, style, gazetteer))
    names = added_columns(str(name))
    if kind == "polars":
        import polars as pl

        with fewer_full_collections():
            arrays = cache.map_array(series.to_arrow())
        return pl.DataFrame([pl.Series(n, a) for n, a in zip(names, arrays, strict=True)])
    import pandas as pd

    with fewer_full_collections():
        arrays = cache.map_array(_pandas_to_arrow(series))
    dtype = series.dtype if isinstance(series.dtype, pd.StringDtype) else None
    return pd.DataFrame(
        {
            n: _to_pandas(a, dtype).set_axis(series.index)
            for n, a in zip(names, arrays, strict=True)
        },
        index=series.index,
    )


def _to_pandas(array: Any, dtype: Any) -> Any:
    """An Arrow string array as a pandas Series, in the input's string dtype if it has one.

    Dask and ``pd.options.future.infer_string`` use ``string``/``str`` dtypes; matching
    them keeps a partitioned run's dtypes equal to a single-machine run's.
    """
    values = array.to_pandas()
    return values if dtype is None else values.astype(dtype)


def normalize_frame(
    frame: Frame,
    columns: Sequence[str],
    *,
    style: str = "en",
    gazetteer: Sequence[str | Path] = (),
    normalizer: Normalizer | None = None,
) -> Frame:
    """``frame`` with the normalized columns after each column in ``columns``.

    Works on pandas and polars DataFrames; every other column and the row order (and a
    pandas index) are kept. Columns named like the added ones (an earlier run's) are
    replaced.
    """
    kind = _kind(frame)
    data: Any = frame
    present = [str(c) for c in data.columns]
    wanted = list(dict.fromkeys(columns))
    require_columns("dataframe", wanted, present)
    cache = NameCache(_resolve(normalizer, style, gazetteer))
    order = output_columns(present, wanted)
    stale = [c for c in present if c not in order]
    added = [normalize_series(data[c], prefix=c, cache=cache) for c in wanted]
    if kind == "polars":
        base = data.drop(stale)
        for part in added:
            base = base.with_columns(part.get_columns())
        return base.select(order)  # type: ignore[no-any-return]
    import pandas as pd

    base = data.drop(columns=stale)
    return pd.concat([base, *added], axis=1)[order]  # type: ignore[no-any-return]
