"""The optional libraries the dataset tools need, and a clear error when one is missing.

The core install of translit is light; reading and writing data files and the
dataframe API need the ``data`` extra (pyarrow, polars, openpyxl, xlsxwriter). A
missing one is reported in one line that says how to install it, instead of an
``ImportError`` traceback.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterable

from translit.dataset.errors import UsageError
from translit.dataset.formats import DataFormat

INSTALL_HINT = "pip install 'translit-kz[data]'"

_LABELS = {
    DataFormat.csv: "CSV",
    DataFormat.tsv: "TSV",
    DataFormat.jsonl: "JSON Lines",
    DataFormat.parquet: "Parquet",
    DataFormat.xlsx: "Excel",
}
# Every path goes through Arrow arrays (the name cache maps whole columns).
_ALWAYS = ("pyarrow",)
_TO_READ = {DataFormat.xlsx: ("openpyxl",)}
_TO_WRITE = {
    DataFormat.csv: ("polars",),
    DataFormat.tsv: ("polars",),
    DataFormat.xlsx: ("xlsxwriter",),
}


class MissingExtraError(UsageError):
    """An optional library the request needs is not installed (exit code 2)."""


def _missing(modules: Iterable[str]) -> list[str]:
    return [m for m in dict.fromkeys(modules) if not _installed(m)]


def _installed(module: str) -> bool:
    """Whether ``module`` can be imported, without importing it (polars takes 0.1 s).

    A module already imported (or set to ``None`` in ``sys.modules``: blocked) is
    taken as it is.
    """
    if module in sys.modules:
        return sys.modules[module] is not None
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False


def require(modules: Iterable[str], what: str) -> None:
    """Raise :class:`MissingExtraError` unless every module in ``modules`` imports."""
    absent = _missing(modules)
    if absent:
        names = " and ".join(absent)
        verb = "is" if len(absent) == 1 else "are"
        raise MissingExtraError(
            f"{what} needs {names}, which {verb} not installed; "
            f"install the data extra: {INSTALL_HINT}"
        )


def require_formats(read: DataFormat, write: DataFormat | None = None) -> None:
    """Check the libraries needed to read ``read`` and write ``write``."""
    needed = [*_ALWAYS, *_TO_READ.get(read, ())]
    what = f"reading {_LABELS[read]}"
    if write is not None:
        needed += _TO_WRITE.get(write, ())
        what = (
            f"reading and writing {_LABELS[read]}"
            if write is read
            else f"{what} and writing {_LABELS[write]}"
        )
    require(needed, what)
