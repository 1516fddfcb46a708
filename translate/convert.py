"""Making the CTranslate2 copy of a transformers model (``translit convert-model``).

The conversion uses CTranslate2's own ``TransformersConverter`` (Marian, M2M100/NLLB,
T5) on a local, safetensors-only model directory, never with remote code. The tokenizer
files are copied next to the converted weights, with a ``translit-model.json`` that
records the family, the source model and its revision.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from translate.errors import ConversionError, EngineUnavailableError
from translate.memory import cache_dir
from translate.models import CT2_META, TOKENIZER_FILES, ModelRef

QUANTIZATIONS = ("int8", "int8_float16", "int8_float32", "float16", "bfloat16", "float32")


def _m2m100_converter(base: Any) -> Any:
    """A converter that sees M2M100's language codes in the vocabulary.

    With transformers 5, ``M2M100Tokenizer.get_vocab()`` leaves out the ``__xx__`` codes
    (their ids follow the SentencePiece vocabulary), so CTranslate2's converter would build
    a vocabulary without them. The tokenizer is wrapped so that they are included.
    """

    class _WithCodes:
        def __init__(self, tokenizer: Any) -> None:
            self._tokenizer = tokenizer

        def __getattr__(self, name: str) -> Any:
            return getattr(self._tokenizer, name)

        def get_vocab(self) -> dict[str, int]:
            vocab = dict(self._tokenizer.get_vocab())
            codes = getattr(self._tokenizer, "lang_code_to_id", {})
            vocab.update({f"__{code}__": index for code, index in codes.items()})
            return vocab

    class Converter(base):  # type: ignore[misc]
        def load_tokenizer(self, tokenizer_class: Any, path: str, **kwargs: Any) -> Any:
            return _WithCodes(super().load_tokenizer(tokenizer_class, path, **kwargs))

    return Converter


def converted_dir(ref: ModelRef, quantization: str) -> Path:
    """Where the automatic conversion of ``ref`` is kept (in the translit cache)."""
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in ref.model_id.strip("/"))
    return cache_dir() / "ct2" / f"{safe[-80:]}-{ref.revision[:16]}-{quantization}"


def convert_model(
    ref: ModelRef, output: Path, quantization: str = "int8", force: bool = False
) -> Path:
    """Convert ``ref`` (a transformers model) into ``output``; return ``output``."""
    if ref.format != "transformers":
        raise ConversionError(f"{ref.model_id} is already a CTranslate2 model")
    if quantization not in QUANTIZATIONS:
        raise ConversionError(
            f"unknown quantization {quantization!r} (choose from {', '.join(QUANTIZATIONS)})"
        )
    if output.exists() and any(output.iterdir()) and not force:
        raise ConversionError(f"{output} exists and is not empty (use --force to replace it)")
    try:
        import ctranslate2.converters
    except ImportError:
        raise EngineUnavailableError(
            "CTranslate2 is not installed: pip install 'translit-kz[translate]'"
        ) from None
    from translate.engines.hf import quiet_transformers

    quiet_transformers()
    copy = [name for name in TOKENIZER_FILES if (ref.path / name).is_file()]
    staging = output.with_name(output.name + ".partial")
    shutil.rmtree(staging, ignore_errors=True)
    converter_class = ctranslate2.converters.TransformersConverter
    if ref.family == "m2m100":
        converter_class = _m2m100_converter(converter_class)
    try:
        converter = converter_class(str(ref.path), copy_files=copy, trust_remote_code=False)
        converter.convert(str(staging), quantization=quantization, force=True)
    except Exception as exc:  # the converter raises plain Exceptions of many kinds
        shutil.rmtree(staging, ignore_errors=True)
        raise ConversionError(f"cannot convert {ref.model_id}: {exc}") from None
    meta = {
        "source_model": ref.model_id,
        "source_revision": ref.revision,
        "family": ref.family,
        "quantization": quantization,
        "max_input_tokens": ref.max_input_tokens,
        "normalize": ref.normalize,
        "licence": ref.licence,
    }
    (staging / CT2_META).write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    if output.exists():
        shutil.rmtree(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    staging.rename(output)
    return output
