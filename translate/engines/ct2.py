"""The CTranslate2 engine: int8 on CPU, float16 or int8_float16 on a GPU.

Given a transformers model, it converts it once into the translit cache (see
:mod:`translate.convert`); given a converted directory, it loads it directly. It never
imports torch or transformers when the model is already converted.
"""

from __future__ import annotations

import dataclasses
import os
import sys
from collections.abc import Sequence
from typing import Any

from translate.codes import LanguagePlan, plan_for
from translate.engines.base import DecodeOptions, EngineInfo, Hypothesis
from translate.engines.light import LightTokenizer
from translate.errors import EngineUnavailableError, ModelLoadError
from translate.models import ModelRef

COMPUTE_TYPES = ("auto", "int8", "int8_float16", "int8_float32", "float16", "bfloat16", "float32")


def pick_ct2_device(device: str) -> str:
    """Resolve ``auto`` to ``cuda`` or ``cpu`` (CTranslate2 has no MPS back-end)."""
    import ctranslate2

    gpus = ctranslate2.get_cuda_device_count()
    if device == "auto":
        return "cuda" if gpus > 0 else "cpu"
    if device == "cuda" and gpus == 0:
        raise EngineUnavailableError("--device cuda: CTranslate2 sees no CUDA GPU")
    if device == "mps":
        raise EngineUnavailableError(
            "CTranslate2 has no Apple MPS back-end; use --device cpu or --engine transformers"
        )
    if device not in {"cpu", "cuda"}:
        raise EngineUnavailableError(f"unknown device {device!r}")
    return device


def default_compute_type(device: str) -> str:
    return "float16" if device == "cuda" else "int8"


class CTranslate2Engine:
    """A CTranslate2 ``Translator`` with the model's own tokenization."""

    def __init__(
        self,
        ref: ModelRef,
        device: str = "auto",
        compute_type: str | None = None,
        threads: int | None = None,
        notify: Any = None,
    ) -> None:
        try:
            import ctranslate2
        except ImportError:
            raise EngineUnavailableError(
                "CTranslate2 is not installed: pip install 'translit-kz[translate]'"
            ) from None
        self._device = pick_ct2_device(device)
        compute = compute_type or "auto"
        if compute not in COMPUTE_TYPES:
            raise EngineUnavailableError(
                f"unknown compute type {compute!r} (choose from {', '.join(COMPUTE_TYPES)})"
            )
        if compute == "auto":
            compute = default_compute_type(self._device)
        if ref.format == "transformers":
            ref = _converted(ref, compute)
        self._ref = ref
        cores = threads if threads and threads > 0 else (os.cpu_count() or 1)
        # On a CPU, two workers that each take half of a batch on half of the cores
        # translate faster than one worker on all cores (small GEMMs scale poorly);
        # the weights are shared, so memory stays that of one batch.
        self._workers = 2 if self._device == "cpu" and cores >= 2 else 1
        intra = max(1, cores // self._workers)
        try:
            self._translator = ctranslate2.Translator(
                str(ref.path),
                device=self._device,
                compute_type=compute,
                inter_threads=self._workers,
                intra_threads=intra if self._device == "cpu" else 0,
            )
        except (RuntimeError, ValueError) as exc:
            raise ModelLoadError(f"cannot load CTranslate2 model {ref.path}: {exc}") from None
        self._tokenizer = LightTokenizer(ref.path, ref.family)
        self._vocabulary = self._tokenizer.vocabulary | _ct2_vocabulary(ref.path)
        self._plans: dict[tuple[str, str], LanguagePlan] = {}
        self._info = EngineInfo(
            engine="ctranslate2",
            model_id=ref.model_id,
            revision=ref.revision,
            family=ref.family,
            device=self._device,
            precision=compute,
            max_input_tokens=ref.max_input_tokens,
            extra={"workers": str(self._workers), "threads_per_worker": str(intra)},
        )

    @property
    def info(self) -> EngineInfo:
        return self._info

    @property
    def ref(self) -> ModelRef:
        return self._ref

    def plan(self, source: str, target: str) -> LanguagePlan:
        key = (source, target)
        if key not in self._plans:
            self._plans[key] = plan_for(self._ref.family, source, target, self._vocabulary)
        return self._plans[key]

    def source_tokens(self, texts: Sequence[str], source: str, target: str) -> list[list[str]]:
        plan = self.plan(source, target)
        return [self._tokenizer.encode(t, plan) for t in texts]

    def count_tokens(self, texts: Sequence[str], source: str, target: str) -> list[int]:
        return [len(tokens) for tokens in self.source_tokens(texts, source, target)]

    def translate(
        self, texts: Sequence[str], source: str, target: str, options: DecodeOptions
    ) -> list[Hypothesis]:
        if not texts:
            return []
        plan = self.plan(source, target)
        batch = [self._tokenizer.encode(t, plan) for t in texts]
        prefix = [[plan.target_token] for _ in batch] if plan.target_token is not None else None
        results = self._translator.translate_batch(
            batch,
            target_prefix=prefix,
            beam_size=options.beam_size,
            max_decoding_length=options.max_new_tokens,
            min_decoding_length=options.min_new_tokens,
            no_repeat_ngram_size=options.no_repeat_ngram_size,
            repetition_penalty=options.repetition_penalty,
            max_input_length=0,  # never truncate silently: the caller splits long input
            return_end_token=True,
            num_hypotheses=1,
            max_batch_size=-(-len(batch) // self._workers) if self._workers > 1 else 0,
        )
        out: list[Hypothesis] = []
        for result in results:
            tokens = list(result.hypotheses[0])
            truncated = not tokens or tokens[-1] != self._tokenizer.eos
            pieces = [
                t for t in tokens if t not in self._tokenizer.special and t != plan.target_token
            ]
            text = self._tokenizer.decode(tokens, plan)
            out.append(Hypothesis(text, tuple(pieces), truncated))
        return out


def _ct2_vocabulary(path: Any) -> frozenset[str]:
    import json

    tokens: set[str] = set()
    for name in ("shared_vocabulary.json", "source_vocabulary.json", "target_vocabulary.json"):
        file = path / name
        if file.is_file():
            tokens.update(json.loads(file.read_text(encoding="utf-8")))
    return frozenset(tokens)


def _converted(ref: ModelRef, compute_type: str) -> ModelRef:
    """The CTranslate2 copy of a transformers model, converting it on first use."""
    from translate.convert import convert_model, converted_dir

    target = converted_dir(ref, compute_type)
    if not (target / "model.bin").is_file():
        print(
            f"translit: converting {ref.model_id} to CTranslate2 ({compute_type}) once, "
            f"into {target}",
            file=sys.stderr,
        )
        convert_model(ref, target, quantization=compute_type, force=True)
    return dataclasses.replace(ref, path=target, format="ctranslate2")
