"""The transformers engine: Auto classes, safetensors only, no remote code.

CPU, CUDA or Apple MPS (``device="auto"`` picks the best available). Batches are padded
to their longest member; the caller sorts sentences by length so padding stays small.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from translate.codes import LanguagePlan, plan_for
from translate.engines.base import DecodeOptions, EngineInfo, Hypothesis
from translate.errors import EngineUnavailableError, ModelLoadError
from translate.models import ModelRef

_MARIAN = ("marian", "marian-multi")


def pick_torch_device(device: str) -> str:
    """Resolve ``auto`` to ``cuda``, ``mps`` or ``cpu``; check an explicit choice."""
    import torch

    cuda = torch.cuda.is_available()
    mps = bool(getattr(torch.backends, "mps", None)) and torch.backends.mps.is_available()
    if device == "auto":
        return "cuda" if cuda else "mps" if mps else "cpu"
    if device == "cuda" and not cuda:
        raise EngineUnavailableError("--device cuda: no CUDA GPU is available to torch")
    if device == "mps" and not mps:
        raise EngineUnavailableError("--device mps: Apple MPS is not available to torch")
    if device not in {"cpu", "cuda", "mps"}:
        raise EngineUnavailableError(f"unknown device {device!r}")
    return device


def quiet_transformers() -> None:
    """No warnings or "Loading weights" bars from transformers: translit reports itself."""
    logging.getLogger("transformers").setLevel(logging.ERROR)
    from transformers.utils import logging as hf_logging

    disable = getattr(hf_logging, "disable_progress_bar", None)
    if callable(disable):
        disable()


def _vocabulary(tokenizer: Any) -> frozenset[str]:
    """Token strings, language codes included (M2M100 leaves them out of get_vocab)."""
    tokens = set(tokenizer.get_vocab())
    tokens.update(tokenizer.all_special_tokens)
    codes = getattr(tokenizer, "lang_code_to_id", None)
    if isinstance(codes, dict):
        tokens.update(tokenizer.convert_ids_to_tokens(list(codes.values())))
    return frozenset(tokens)


class TransformersEngine:
    """A transformers seq2seq model (Marian, NLLB/M2M100, MADLAD/T5)."""

    def __init__(
        self,
        ref: ModelRef,
        device: str = "auto",
        dtype: str | None = None,
        threads: int | None = None,
    ) -> None:
        import torch
        from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

        quiet_transformers()
        if threads is not None and threads > 0:
            torch.set_num_threads(threads)
        self._torch = torch
        self._device = pick_torch_device(device)
        precision = dtype or ("float16" if self._device == "cuda" else "float32")
        torch_dtype = getattr(torch, precision, None)
        if not isinstance(torch_dtype, torch.dtype):
            raise EngineUnavailableError(f"unknown torch dtype {precision!r}")
        try:
            self._tokenizer = AutoTokenizer.from_pretrained(
                str(ref.path), trust_remote_code=False, local_files_only=True
            )
            model = AutoModelForSeq2SeqLM.from_pretrained(
                str(ref.path),
                use_safetensors=True,
                trust_remote_code=False,
                local_files_only=True,
                dtype=torch_dtype,
            )
        except (OSError, ValueError, KeyError) as exc:
            raise ModelLoadError(f"cannot load {ref.model_id}: {exc}") from None
        self._model = model.to(self._device).eval()
        self._ref = ref
        self._vocabulary = _vocabulary(self._tokenizer)
        self._special = frozenset(self._tokenizer.all_special_tokens)
        self._plans: dict[tuple[str, str], LanguagePlan] = {}
        self._info = EngineInfo(
            engine="transformers",
            model_id=ref.model_id,
            revision=ref.revision,
            family=ref.family,
            device=self._device,
            precision=precision,
            max_input_tokens=ref.max_input_tokens,
        )

    @property
    def info(self) -> EngineInfo:
        return self._info

    @property
    def tokenizer(self) -> Any:
        """The transformers tokenizer (tests compare it with the light tokenizers)."""
        return self._tokenizer

    def plan(self, source: str, target: str) -> LanguagePlan:
        key = (source, target)
        if key not in self._plans:
            self._plans[key] = plan_for(self._ref.family, source, target, self._vocabulary)
        return self._plans[key]

    def _encode(self, texts: Sequence[str], plan: LanguagePlan) -> Any:
        if plan.tokenizer_src_lang is not None:
            self._tokenizer.src_lang = plan.tokenizer_src_lang
        prepared = [plan.text_prefix + t for t in texts]
        # "</s>" typed in a document is text, not an end token
        return self._tokenizer(
            prepared, return_tensors="pt", padding=True, split_special_tokens=True
        )

    def source_tokens(self, texts: Sequence[str], source: str, target: str) -> list[list[str]]:
        """Source token strings as the model sees them (for comparisons in tests)."""
        plan = self.plan(source, target)
        encoded = self._encode(texts, plan)
        out: list[list[str]] = []
        for ids, mask in zip(
            encoded["input_ids"].tolist(), encoded["attention_mask"].tolist(), strict=True
        ):
            kept = [i for i, m in zip(ids, mask, strict=True) if m]
            out.append(list(self._tokenizer.convert_ids_to_tokens(kept)))
        return out

    def count_tokens(self, texts: Sequence[str], source: str, target: str) -> list[int]:
        plan = self.plan(source, target)
        if plan.tokenizer_src_lang is not None:
            self._tokenizer.src_lang = plan.tokenizer_src_lang
        encoded = self._tokenizer([plan.text_prefix + t for t in texts], split_special_tokens=True)
        return [len(ids) for ids in encoded["input_ids"]]

    def translate(
        self, texts: Sequence[str], source: str, target: str, options: DecodeOptions
    ) -> list[Hypothesis]:
        if not texts:
            return []
        torch = self._torch
        plan = self.plan(source, target)
        encoded = self._encode(texts, plan).to(self._device)
        kwargs: dict[str, Any] = {
            "num_beams": options.beam_size,
            # stop when beam_size hypotheses are finished, as CTranslate2 does, so that
            # both engines return the same tokens
            "early_stopping": True,
            "do_sample": False,
            "num_return_sequences": 1,
            "max_new_tokens": options.max_new_tokens,
            # a sentence cut at the cap must look cut (and be flagged), not end with a
            # forced end token; CTranslate2 does not force it either
            "forced_eos_token_id": None,
        }
        if options.min_new_tokens:
            kwargs["min_new_tokens"] = options.min_new_tokens
        if options.no_repeat_ngram_size:
            kwargs["no_repeat_ngram_size"] = options.no_repeat_ngram_size
        if options.repetition_penalty != 1.0:
            kwargs["repetition_penalty"] = options.repetition_penalty
        if plan.target_token is not None:
            kwargs["forced_bos_token_id"] = self._tokenizer.convert_tokens_to_ids(plan.target_token)
        if self._ref.family in _MARIAN and self._tokenizer.pad_token_id is not None:
            kwargs["bad_words_ids"] = [[self._tokenizer.pad_token_id]]
        with torch.inference_mode():
            generated = self._model.generate(**encoded, **kwargs)
        decode_kwargs: dict[str, Any] = {"skip_special_tokens": True}
        if self._ref.family in _MARIAN:
            decode_kwargs["use_source_tokenizer"] = False
        rows = generated.tolist()
        texts_out = self._tokenizer.batch_decode(rows, **decode_kwargs)
        eos = self._tokenizer.eos_token_id
        hypotheses: list[Hypothesis] = []
        for row, text in zip(rows, texts_out, strict=True):
            body = row[1:]  # drop the decoder start token
            truncated = eos not in body
            pieces = [
                t
                for t in self._tokenizer.convert_ids_to_tokens(body)
                if t not in self._special and t != plan.target_token
            ]
            hypotheses.append(Hypothesis(text.strip(), tuple(pieces), truncated))
        return hypotheses
