"""Errors of the dataset tools (all :class:`translit.errors.TranslitError` subclasses)."""

from __future__ import annotations

from translit.errors import InputDataError, UsageError


class MissingColumnError(InputDataError, KeyError):
    """A named column is not in the data; the message lists the columns that are."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else ""


class MalformedRowError(InputDataError):
    """A row cannot be parsed (wrong number of fields, invalid JSON ...)."""


class EncodingError(InputDataError):
    """The input is not valid in its encoding; the message gives the byte offset."""


__all__ = [
    "EncodingError",
    "InputDataError",
    "MalformedRowError",
    "MissingColumnError",
    "UsageError",
]
