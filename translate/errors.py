"""Errors raised by the translate package.

All derive from :class:`translit.errors.TranslitError`, so the CLI shows them as one line
on standard error and exits with code 1.
"""

from __future__ import annotations

from translit.errors import TranslitError
from translit.errors import UsageError as TranslitUsageError


class TranslateError(TranslitError):
    """Base class of translation errors meant to be shown to the user."""


class UnknownModelError(TranslateError, KeyError):
    """``--model`` is neither a registry alias, a local directory nor a hub id."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else ""


class ModelNotAvailableError(TranslateError):
    """The model is not on this machine and cannot be downloaded (offline)."""


class ModelLoadError(TranslateError):
    """The model exists but cannot be loaded (unsafe weights, unknown family, bad files)."""


class UnsupportedLanguageError(TranslateError):
    """The model cannot translate between the requested languages."""


class EngineUnavailableError(TranslateError):
    """The requested engine or device is not installed or not present."""


class ConversionError(TranslateError):
    """Converting a model to CTranslate2 failed."""


class DocumentFormatError(TranslateError):
    """The input document cannot be parsed in the requested format."""


class RegistryDataError(TranslateError):
    """``data/models/registry.json`` or ``languages.json`` is malformed."""


class UsageError(TranslateError, TranslitUsageError):
    """Settings that contradict each other (``--commercial`` with a non-commercial model),
    or a language code that is no language.

    A :class:`translit.errors.UsageError`: the CLI exits with code 2 for it.
    """
