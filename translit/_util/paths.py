"""The one place that knows where the bundled ``data/`` directory lives.

In a source checkout it is ``<repo>/data``; in an installed wheel it is packaged
as ``translit/_data`` (see ``[tool.hatch.build.targets.wheel.force-include]``).
"""

from __future__ import annotations

import json
import os
from functools import cache
from pathlib import Path
from typing import Any

_HERE = Path(__file__).resolve().parent.parent


@cache
def data_dir() -> Path:
    """Return the bundled data directory (``TRANSLIT_DATA`` overrides it)."""
    override = os.environ.get("TRANSLIT_DATA")
    if override:
        return Path(override)
    for candidate in (_HERE / "_data", _HERE.parent / "data"):
        if (candidate / "schemes").is_dir():
            return candidate
    raise FileNotFoundError(f"translit data directory not found next to {_HERE}")


def data_path(*parts: str) -> Path:
    """Path of a file or folder inside the data directory."""
    return data_dir().joinpath(*parts)


def data_json(*parts: str) -> dict[str, Any]:
    """A JSON object file inside the data directory, read."""
    data: dict[str, Any] = json.loads(data_path(*parts).read_text(encoding="utf-8"))
    return data


def cache_dir() -> Path | None:
    """Where derived tables are cached: ``TRANSLIT_CACHE_DIR``, else the user cache.

    ``TRANSLIT_CACHE_DIR=""`` (empty) turns the cache off.
    """
    override = os.environ.get("TRANSLIT_CACHE_DIR")
    if override is not None:
        return Path(override) if override else None
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "translit"
