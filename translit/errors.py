"""Errors raised by the translit library.

Every error a user can cause derives from :class:`TranslitError`; the CLI turns
these into a one-line message on standard error and a non-zero exit code.
"""

from __future__ import annotations


class TranslitError(Exception):
    """Base class for errors meant to be shown to the user."""


class UsageError(TranslitError):
    """The request cannot be carried out as asked (the CLI exits with code 2, not 1)."""


class SchemeDataError(TranslitError):
    """A scheme file is malformed; the message names the file and the problem."""


class UnknownSchemeError(UsageError, KeyError):
    """The requested romanization scheme does not exist."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else ""


class UnknownLanguageError(UsageError, KeyError):
    """The requested language is not supported."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class UnknownStyleError(UsageError, KeyError):
    """The requested house style does not exist."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class NotReversibleError(UsageError):
    """The scheme has no well-defined Latin-to-Cyrillic direction."""


class InputDataError(TranslitError):
    """Input data could not be read (bad encoding, malformed rows, missing columns)."""


class OutputError(TranslitError):
    """An output file could not be written (no such folder, no permission, disk full)."""
