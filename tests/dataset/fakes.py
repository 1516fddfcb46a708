"""A small deterministic normalizer for the I/O tests.

It checks rows, order, types and columns, not normalization quality: the real
normalizer is exercised in ``test_end_to_end.py``. Module-level so that Dask
workers can unpickle it. Also two broken versions of the real normalizer, for the
worker processes' failures (:mod:`tests.dataset.test_workers`).
"""

from __future__ import annotations

import os
import signal
import time
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from translit.dataset._types import NameResultLike
from translit.dataset.normalizer import DefaultNormalizer

KNOWN = {"tokayev": "Q1", "токаев": "Q1", "тоқаев": "Q1", "almaty": "Q2", "алматы": "Q2"}


@dataclass(frozen=True)
class FakeResult:
    input: str
    output: str
    key: str
    entity: str | None
    method: str
    confidence: float


def fake_key(name: str) -> str:
    """Casefolded letters of the name, without marks, punctuation or spaces."""
    folded = unicodedata.normalize("NFKD", name.casefold())
    return "".join(c for c in folded if c.isalnum())


def fake_result(name: str) -> FakeResult:
    key = fake_key(name)
    entity = KNOWN.get(key)
    if entity is not None:
        method = "gazetteer"
    elif name.isascii():
        method = "unchanged"
    else:
        method = "romanized"
    output = " ".join(w.capitalize() for w in name.split())
    return FakeResult(name, output, key, entity, method, 1.0)


class CountingNormalizer:
    """Records every batch it is asked to normalize."""

    def __init__(self) -> None:
        self.batches: list[list[str]] = []

    def __call__(self, names: Sequence[str]) -> list[FakeResult]:
        self.batches.append(list(names))
        return [fake_result(n) for n in names]

    @property
    def seen(self) -> list[str]:
        return [n for batch in self.batches for n in batch]


def fake_normalize(names: Sequence[str]) -> list[FakeResult]:
    return [fake_result(n) for n in names]


@dataclass(frozen=True)
class FailingNormalizer(DefaultNormalizer):
    """The real normalizer, except that the name ``"boom"`` raises a plain ``ValueError``."""

    def __call__(self, names: Sequence[str]) -> Sequence[NameResultLike]:
        if "boom" in names:
            raise ValueError("cannot normalize 'boom'")
        return super().__call__(names)


@dataclass(frozen=True)
class DyingNormalizer(DefaultNormalizer):
    """The real normalizer, except that the name ``"die"`` kills its process (a crash).

    For worker processes only: called in the test process, it would end the tests.
    """

    def __call__(self, names: Sequence[str]) -> Sequence[NameResultLike]:
        if "die" in names:
            os.kill(os.getpid(), signal.SIGKILL)
        return super().__call__(names)


@dataclass(frozen=True)
class StarvedSpareNormalizer(DefaultNormalizer):
    """The real normalizer, which takes 30 s a batch in a lowest-priority process.

    Stands for a spare worker that gets no CPU on a busy machine.
    """

    def __call__(self, names: Sequence[str]) -> Sequence[NameResultLike]:
        if hasattr(os, "nice") and os.nice(0) >= 19:
            time.sleep(30)
        return super().__call__(names)
