"""The normalizer the dataset tools use by default: :func:`translit.normalize_many`."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from translit.dataset._types import NameResultLike, Normalizer


@functools.cache
def _cached(style: str, gazetteer: tuple[str, ...]) -> Normalizer:
    import translit

    normalize_many: Any = translit.normalize_many  # type: ignore[attr-defined]
    loaded = translit.load_gazetteer(list(gazetteer)) if gazetteer else None  # type: ignore[attr-defined]

    def run(names: Sequence[str]) -> Sequence[NameResultLike]:
        results: Sequence[NameResultLike] = normalize_many(names, style=style, gazetteer=loaded)
        return results

    return run


def default_normalizer(style: str = "en", gazetteer: Sequence[str | Path] = ()) -> Normalizer:
    """``translit.normalize_many`` in ``style``, with the user's gazetteer files (theirs win).

    Cached per (style, gazetteer files), so that each Dask or Spark partition does not
    load the gazetteer again.
    """
    return _cached(style, tuple(str(p) for p in gazetteer))
