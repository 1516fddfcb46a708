"""Plain text: paragraphs, line breaks, indentation and list markers are kept exactly.

Each line is a unit, except that a line that continues the sentence of the line above
(no final punctuation above, lower-case start here) joins it: the translation is then cut
back into the same number of lines. List markers (``-``, ``•``, ``1.``, ``а)``) and
indentation stay as they are.
"""

from __future__ import annotations

import re

from translate.formats.base import Builder, Parsed
from translate.formats.lines import continues, split_indent, split_lines

LIST_MARKER = re.compile(r"^(?:[-*•–—·▪►]|\(?\d{1,3}[.)]|\(?[a-zа-яәғқңөұүһі][.)])\s+")


def parse_text(text: str) -> Parsed:
    """Parse plain text."""
    builder = Builder()
    group: list[tuple[str, str, str]] = []  # (indent, text, line end) of a paragraph run

    def flush() -> None:
        if group:
            builder.wrapped(list(group), "paragraph")
            group.clear()

    for line, ending in split_lines(text):
        indent, content, trailing = split_indent(line)
        if not content:
            flush()
            builder.literal(line + ending)
            continue
        marker = LIST_MARKER.match(content)
        if marker is not None:
            flush()
            builder.literal(indent + marker.group())
            group.append(("", content[marker.end() :], trailing + ending))
            continue
        if group and continues(group[-1][1], content):
            group.append((indent, content, trailing + ending))
            continue
        flush()
        group.append((indent, content, trailing + ending))
    flush()
    return builder.parsed()
