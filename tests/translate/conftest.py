"""Fixtures for the translate tests: offline, a private cache, the demo model, fakes."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from translate.engines.base import DecodeOptions, EngineInfo, Hypothesis
from translate.models import ModelRef

ROOT = Path(__file__).resolve().parents[2]
DEMO_DIR = ROOT / "data" / "models" / "demo"


@pytest.fixture(autouse=True)
def _offline_private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No network, and the translation memory in a fresh temporary directory."""
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("TRANSFORMERS_OFFLINE", "1")
    monkeypatch.setenv("TRANSLIT_CACHE_DIR", str(tmp_path / "cache"))


@dataclass(frozen=True)
class Pair:
    lang: str
    source: str
    target: str
    origin: str


def corpus() -> list[Pair]:
    """The demo model's training corpus (its reference translations)."""
    lines = (DEMO_DIR / "corpus.tsv").read_text(encoding="utf-8").splitlines()
    pairs = []
    for line in lines:
        if line.startswith("#") or line.startswith("lang\t"):
            continue
        lang, source, target, origin = line.split("\t")
        pairs.append(Pair(lang, source, target, origin))
    return pairs


def reference(source: str) -> str:
    """The corpus translation of ``source``."""
    for pair in corpus():
        if pair.source == source:
            return pair.target
    raise KeyError(source)


@pytest.fixture(scope="session")
def demo_ref() -> ModelRef:
    from translate.models import resolve_model

    return resolve_model("demo")


@pytest.fixture(scope="session")
def hf_engine(demo_ref: ModelRef) -> Any:
    from translate.engines.hf import TransformersEngine

    return TransformersEngine(demo_ref, device="cpu")


@dataclass
class FakeEngine:
    """A deterministic stand-in for a model: looks translations up in a dictionary.

    Unknown texts come back upper-cased. ``safer`` answers replace the normal answer when
    decoding with safer settings (retries). ``fail_after`` raises after that many batches
    (an interrupted run). Every call is recorded.
    """

    answers: dict[str, str] = field(default_factory=dict)
    safer: dict[str, str] = field(default_factory=dict)
    fail_after: int | None = None
    calls: list[list[str]] = field(default_factory=list)
    options: list[DecodeOptions] = field(default_factory=list)

    @property
    def info(self) -> EngineInfo:
        return EngineInfo("fake", "fake-model", "r1", "marian", "cpu", "float32", 64)

    def count_tokens(self, texts: Sequence[str], source: str, target: str) -> list[int]:
        return [len(t.split()) + 1 for t in texts]

    def translate(
        self, texts: Sequence[str], source: str, target: str, options: DecodeOptions
    ) -> list[Hypothesis]:
        if self.fail_after is not None and len(self.calls) >= self.fail_after:
            raise KeyboardInterrupt
        self.calls.append(list(texts))
        self.options.append(options)
        out = []
        for text in texts:
            if options.no_repeat_ngram_size and text in self.safer:
                answer = self.safer[text]
            else:
                answer = self.answers.get(text, text.upper())
            out.append(Hypothesis(answer, tuple(answer.split()), False))
        return out

    @property
    def translated(self) -> list[str]:
        return [t for call in self.calls for t in call]


@pytest.fixture
def fake() -> Iterator[FakeEngine]:
    yield FakeEngine()
