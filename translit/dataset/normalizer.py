"""The normalizer the dataset tools use by default: :func:`translit.normalize_many`."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from translit.dataset._types import NameResultLike, Normalizer


@functools.cache
def _cached(style: str, gazetteer: tuple[str, ...]) -> Normalizer:
    import translit

    normalize_many: Any = translit.normalize_many
    loaded = translit.load_gazetteer(list(gazetteer)) if gazetteer else None

    def run(names: Sequence[str]) -> Sequence[NameResultLike]:
        results: Sequence[NameResultLike] = normalize_many(names, style=style, gazetteer=loaded)
        return results

    return run


@dataclass(frozen=True)
class DefaultNormalizer:
    """``translit.normalize_many`` in ``style`` with the user's ``gazetteer`` files.

    A plain value (style and file names), so that it pickles small: the worker process
    (:mod:`translit.dataset.worker`) and Dask or Spark workers rebuild it from those.
    The gazetteer is loaded on the first call, once per process.
    """

    style: str = "en"
    gazetteer: tuple[str, ...] = ()

    def __call__(self, names: Sequence[str]) -> Sequence[NameResultLike]:
        return _cached(self.style, self.gazetteer)(names)

    def warm_up(self) -> None:
        """Load what the first names need (gazetteers, lexicon) before they come."""
        self(_WARM_UP)


_WARM_UP = ("Иван Петров", "Ivan Petrov")
"""Names that a warm-up normalizes (and throws away): one Cyrillic, one Latin."""


def default_normalizer(style: str = "en", gazetteer: Sequence[str | Path] = ()) -> Normalizer:
    """``translit.normalize_many`` in ``style``, with the user's gazetteer files (theirs win).

    Loaded once per (style, gazetteer files) and process, so that each Dask or Spark
    partition does not load the gazetteer again.
    """
    return DefaultNormalizer(style, tuple(str(p) for p in gazetteer))
