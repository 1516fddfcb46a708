"""File formats the dataset tools read and write, and how a format is chosen."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from translit.dataset.errors import UsageError


class DataFormat(str, Enum):
    """A tabular file format."""

    csv = "csv"
    tsv = "tsv"
    jsonl = "jsonl"
    parquet = "parquet"
    xlsx = "xlsx"

    @property
    def streamable(self) -> bool:
        """Whether the format can be read from standard input / written to standard output."""
        return self in (DataFormat.csv, DataFormat.tsv, DataFormat.jsonl)


_EXTENSIONS: dict[str, DataFormat] = {
    ".csv": DataFormat.csv,
    ".tsv": DataFormat.tsv,
    ".tab": DataFormat.tsv,
    ".jsonl": DataFormat.jsonl,
    ".ndjson": DataFormat.jsonl,
    ".parquet": DataFormat.parquet,
    ".pq": DataFormat.parquet,
    ".xlsx": DataFormat.xlsx,
    ".xlsm": DataFormat.xlsx,
}

STDIO = "-"

COMPRESSIONS = {".gz": "gzip", ".zst": "zstd", ".zstd": "zstd"}
"""Compressed files: read and written through the codec; the format is the inner extension."""


def compression_of(path: str | Path | None) -> str | None:
    """``gzip`` or ``zstd`` when ``path`` ends in ``.gz`` or ``.zst``, else ``None``."""
    if path is None:
        return None
    return COMPRESSIONS.get(Path(path).suffix.lower())


def _inner(path: str | Path) -> Path:
    """``path`` without its compression extension (``a.csv.gz`` -> ``a.csv``)."""
    p = Path(path)
    return p.with_suffix("") if p.suffix.lower() in COMPRESSIONS else p


def format_from_extension(path: str | Path) -> DataFormat | None:
    """The format a file name's extension stands for, or ``None``."""
    return _EXTENSIONS.get(_inner(path).suffix.lower())


def is_tabular_path(path: str) -> bool:
    """Whether ``path`` has the extension of a format these tools read."""
    return format_from_extension(path) is not None


def input_format(path: str, override: DataFormat | str | None) -> DataFormat:
    """The format to read ``path`` with: ``override``, else the extension (``-``: CSV)."""
    if override is not None:
        return DataFormat(override)
    if path == STDIO:
        return DataFormat.csv
    found = format_from_extension(path)
    if found is None:
        known = ", ".join(sorted(_EXTENSIONS))
        raise UsageError(f"cannot tell the format of {path!r} (known: {known}); use --format")
    return found


def output_format(path: str | None, source: DataFormat) -> DataFormat:
    """The format to write: ``path``'s extension when it has a known one, else ``source``.

    Standard output gets ``source`` when it can be streamed, else CSV (``translit
    normalize people.xlsx -c name`` prints CSV).
    """
    if path is None or path == STDIO:
        return source if source.streamable else DataFormat.csv
    found = format_from_extension(path)
    return source if found is None else found
