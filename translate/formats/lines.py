"""Splitting documents into lines without losing a byte, and line classification."""

from __future__ import annotations

import re
from collections.abc import Iterator

_TERMINAL_OR_COLON = re.compile(r"[.!?…:;][\"'»”)\]]*$")
_STARTS_LOWER = re.compile(r"^[a-zа-яёәғқңөұүһі]")


def split_lines(text: str) -> Iterator[tuple[str, str]]:
    """``(line, ending)`` pairs; ``ending`` is ``\\n``, ``\\r\\n`` or ``""`` (last line).

    Only ``\\n`` ends a line (never other Unicode line separators), so line counts match
    what ``wc -l`` and editors show.
    """
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        if end < 0:
            yield text[start:], ""
            return
        line = text[start:end]
        if line.endswith("\r"):
            yield line[:-1], "\r\n"
        else:
            yield line, "\n"
        start = end + 1


def split_indent(line: str) -> tuple[str, str, str]:
    """``(indent, text, trailing spaces)`` of a line."""
    stripped = line.lstrip()
    indent = line[: len(line) - len(stripped)]
    text = stripped.rstrip()
    return indent, text, stripped[len(text) :]


def continues(previous: str, current: str) -> bool:
    """Whether ``current`` continues the sentence of ``previous`` (a soft line wrap)."""
    return (
        bool(previous)
        and _TERMINAL_OR_COLON.search(previous) is None
        and _STARTS_LOWER.match(current) is not None
    )
