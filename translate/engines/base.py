"""The engine interface shared by the transformers and CTranslate2 back-ends."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from translate.errors import EngineUnavailableError
from translate.models import ModelRef

ENGINES = ("transformers", "ctranslate2")


@dataclass(frozen=True)
class DecodeOptions:
    """Decoding settings for one batch."""

    beam_size: int = 4
    max_new_tokens: int = 256  # the cap, set by the caller from the input lengths
    min_new_tokens: int = 0  # only the benchmark sets this (fixed output length)
    no_repeat_ngram_size: int = 0
    repetition_penalty: float = 1.0


@dataclass(frozen=True)
class Hypothesis:
    """One translation: the text, its target pieces and whether it hit the length cap."""

    text: str
    tokens: tuple[str, ...]
    truncated: bool


@dataclass(frozen=True)
class EngineInfo:
    """What produced a translation (part of the translation-memory key)."""

    engine: str
    model_id: str
    revision: str
    family: str
    device: str
    precision: str  # torch dtype or CTranslate2 compute type
    max_input_tokens: int
    extra: dict[str, str] = field(default_factory=dict)


class Engine(Protocol):
    """A loaded model that translates batches of already prepared source texts."""

    @property
    def info(self) -> EngineInfo: ...

    def count_tokens(self, texts: Sequence[str], source: str, target: str) -> list[int]:
        """Source lengths in tokens, language and end tokens included."""
        ...

    def translate(
        self, texts: Sequence[str], source: str, target: str, options: DecodeOptions
    ) -> list[Hypothesis]:
        """Translate one batch (the caller sorts and sizes batches)."""
        ...


def open_engine(
    ref: ModelRef,
    engine: str = "transformers",
    device: str = "auto",
    precision: str | None = None,
    threads: int | None = None,
) -> Engine:
    """Load ``ref`` in the requested engine (imports torch or ctranslate2 now)."""
    if engine == "transformers":
        if ref.format == "ctranslate2":
            raise EngineUnavailableError(
                f"{ref.model_id} is a CTranslate2 model; use --engine ctranslate2"
            )
        from translate.engines.hf import TransformersEngine

        return TransformersEngine(ref, device=device, dtype=precision, threads=threads)
    if engine == "ctranslate2":
        from translate.engines.ct2 import CTranslate2Engine

        return CTranslate2Engine(ref, device=device, compute_type=precision, threads=threads)
    raise EngineUnavailableError(f"unknown engine {engine!r} (choose from {', '.join(ENGINES)})")
