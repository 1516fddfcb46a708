"""Translation of Kazakh and Russian reports: document-aware, fast, offline-safe.

Documents (text, Markdown, HTML, SRT, JSONL, CSV) are split into sentences, each with
its own language; sentences are translated in length-sorted batches by a transformers or
CTranslate2 engine, remembered in a translation memory, checked (nothing silently lost)
and put back with the document's layout; names are rendered in a house style.

>>> from translate import Settings, translate_text
>>> translate_text("Алматыда жер сілкінісі болды, зардап шеккендер жоқ.",
...                Settings(model="demo", use_memory=False), notify=lambda _: None)
'An earthquake occurred in Almaty, there were no casualties.'

Importing this package is light: torch, transformers and CTranslate2 are imported only
when a translation actually runs.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from translate.document import (
        Batch,
        DocumentResult,
        Source,
        bilingual_records,
        report_dict,
        translate_documents,
        translate_text,
    )
    from translate.errors import (
        ConversionError,
        DocumentFormatError,
        EngineUnavailableError,
        ModelLoadError,
        ModelNotAvailableError,
        RegistryDataError,
        TranslateError,
        UnknownModelError,
        UnsupportedLanguageError,
    )
    from translate.memory import TranslationMemory, cache_dir
    from translate.models import ModelRef, resolve_model
    from translate.names import NameLayer
    from translate.pipeline import Pipeline, RunResult, SentenceReport, Settings
    from translate.registry import load_registry

# Public names -> the module that defines them: imported on first use, so that
# ``import translate.commands`` (the CLI) does not load the whole pipeline.
_WHERE = {
    **dict.fromkeys(
        ["Batch", "DocumentResult", "Source", "bilingual_records", "report_dict",
         "translate_documents", "translate_text"],
        "translate.document",
    ),
    **dict.fromkeys(
        ["ConversionError", "DocumentFormatError", "EngineUnavailableError", "ModelLoadError",
         "ModelNotAvailableError", "RegistryDataError", "TranslateError", "UnknownModelError",
         "UnsupportedLanguageError"],
        "translate.errors",
    ),
    "TranslationMemory": "translate.memory",
    "cache_dir": "translate.memory",
    "ModelRef": "translate.models",
    "resolve_model": "translate.models",
    "NameLayer": "translate.names",
    **dict.fromkeys(["Pipeline", "RunResult", "SentenceReport", "Settings"], "translate.pipeline"),
    "load_registry": "translate.registry",
}  # fmt: skip


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'translate' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


__all__ = [
    "Batch",
    "ConversionError",
    "DocumentFormatError",
    "DocumentResult",
    "EngineUnavailableError",
    "ModelLoadError",
    "ModelNotAvailableError",
    "ModelRef",
    "NameLayer",
    "Pipeline",
    "RegistryDataError",
    "RunResult",
    "SentenceReport",
    "Settings",
    "Source",
    "TranslateError",
    "TranslationMemory",
    "UnknownModelError",
    "UnsupportedLanguageError",
    "bilingual_records",
    "cache_dir",
    "load_registry",
    "report_dict",
    "resolve_model",
    "translate_documents",
    "translate_text",
]
