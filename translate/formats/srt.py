"""SRT subtitles: numbers and timings are kept; each cue's text is translated as a whole.

A cue's lines are joined for translation and the translation is cut back into as many
lines. Inline tags (``<i>``, ``{\\an8}``) stay; a cue that has them is translated line by
line around them.
"""

from __future__ import annotations

import re

from translate.formats.base import Builder, Parsed
from translate.formats.lines import split_indent, split_lines

_TIMING = re.compile(r"^\s*\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}\s*-->\s*\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}")
_INDEX = re.compile(r"^\s*\d+\s*$")
_TAG = re.compile(r"</?[A-Za-z][^>]*>|\{\\[^}]*\}")


def looks_like_srt(text: str) -> bool:
    """Whether ``text`` starts like an SRT file (a number, then a timing line)."""
    lines = [line for line, _ in split_lines(text.lstrip("\ufeff"))][:3]
    return len(lines) >= 2 and bool(_INDEX.match(lines[0])) and bool(_TIMING.match(lines[1]))


def parse_srt(text: str) -> Parsed:
    """Parse SRT subtitles."""
    builder = Builder()
    cue: list[tuple[str, str, str]] = []
    expect_timing = False

    def flush() -> None:
        if not cue:
            return
        if any(_TAG.search(t) for _, t, _ in cue):
            for indent, content, end in cue:
                builder.literal(indent)
                position = 0
                for tag in _TAG.finditer(content):
                    builder.unit(content[position : tag.start()], "subtitle")
                    builder.literal(tag.group())
                    position = tag.end()
                builder.unit(content[position:], "subtitle")
                builder.literal(end)
        else:
            builder.wrapped(list(cue), "subtitle")
        cue.clear()

    for line, end in split_lines(text):
        if not line.strip():
            flush()
            builder.literal(line + end)
            expect_timing = False
            continue
        if not cue and _INDEX.match(line) and not expect_timing:
            builder.literal(line + end)
            expect_timing = True
            continue
        if _TIMING.match(line):
            flush()
            builder.literal(line + end)
            expect_timing = False
            continue
        indent, content, trailing = split_indent(line)
        cue.append((indent, content, trailing + end))
    flush()
    return builder.parsed()
