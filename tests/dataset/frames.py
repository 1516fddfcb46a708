"""Test data shared by the cluster tests (Dask, Spark): needs pandas only.

Names from the bundled sample (``data/samples/names.csv``) in several casings, with
nulls and blanks; ids with leading zeros; a float column with nulls; a city column.
"""

from __future__ import annotations

import csv
import random
from pathlib import Path
from typing import Any

SAMPLES = Path(__file__).resolve().parents[2] / "data" / "samples" / "names.csv"


def mixed_names(rows: int, seed: int = 4) -> list[str | None]:
    """Cyrillic and Latin spellings from the bundled sample, cased variants, nulls, blanks."""
    with open(SAMPLES, encoding="utf-8", newline="") as f:
        base = [r["name"] for r in csv.DictReader(f)]
    pool: list[str | None] = [None, "", "  "]
    for name in base:
        pool += [name, name.upper(), name.lower(), f" {name} "]
    rng = random.Random(seed)
    return [rng.choice(pool) for _ in range(rows)]


def dataset(rows: int = 4000) -> Any:
    """A pandas frame of ``rows`` people (index deliberately not 0..n-1)."""
    import pandas as pd

    names = mixed_names(rows)
    rng = random.Random(5)
    return pd.DataFrame(
        {
            "id": [f"{i:06d}" for i in range(rows)],  # text with leading zeros
            "name": names,
            "amount": [None if i % 7 == 0 else rng.random() * 1000 for i in range(rows)],
            "city": [rng.choice(["Алматы", "Astana", None]) for _ in range(rows)],
        },
        index=pd.RangeIndex(10, 10 + 3 * rows, 3),  # an index that is not 0..n-1
    )
