"""SRT subtitles: numbers and timings are kept; each cue's text is translated as a whole.

A cue's lines are joined for translation and the translation is cut back into as many
lines. Inline tags (``<i>``, ``<font color=...>``) are put back around the words they
belong to, positioning codes (``{\\an8}``) stay where they are (see
:mod:`translate.inline`).
"""

from __future__ import annotations

import re

from translate.errors import DocumentFormatError
from translate.formats.base import Builder, Parsed
from translate.formats.lines import split_indent, split_lines
from translate.inline import Atom, Break, Close, Item, Open, Text

_TIMING = re.compile(r"^\s*\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}\s*-->\s*\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}")
_INDEX = re.compile(r"^\s*\d+\s*$")
_TAG = re.compile(r"</?[A-Za-z][^>]*>|\{\\[^}]*\}")
_NAME = re.compile(r"</?([A-Za-z]+)")


def _items(line: str) -> list[Item]:
    items: list[Item] = []
    position = 0
    for tag in _TAG.finditer(line):
        if tag.start() > position:
            items.append(Text(line[position : tag.start()]))
        raw = tag.group()
        name = _NAME.match(raw)
        if name is None:  # {\an8} and the like
            items.append(Atom(raw, textual=False))
        elif raw.startswith("</"):
            items.append(Close(raw, name.group(1).lower()))
        else:
            items.append(Open(raw, name.group(1).lower()))
        position = tag.end()
    if position < len(line):
        items.append(Text(line[position:]))
    return items


def looks_like_srt(text: str) -> bool:
    """Whether ``text`` starts like an SRT file (a number, then a timing line)."""
    lines = [line for line, _ in split_lines(text.lstrip("\ufeff"))][:3]
    return len(lines) >= 2 and bool(_INDEX.match(lines[0])) and bool(_TIMING.match(lines[1]))


def parse_srt(text: str) -> Parsed:
    """Parse SRT subtitles."""
    builder = Builder()
    cue: list[tuple[str, str, str]] = []
    expect_timing = False
    after_blank = True  # (a cue number comes first, or after a blank line)

    def flush() -> None:
        if not cue:
            return
        builder.literal(cue[0][0])
        items: list[Item] = []
        for number, (indent, content, _) in enumerate(cue):
            if number:
                items.append(Break(cue[number - 1][2] + indent))
            items.extend(_items(content))
        builder.marked(items, "subtitle")
        builder.literal(cue[-1][2])
        cue.clear()

    for number, (line, end) in enumerate(split_lines(text), start=1):
        if expect_timing and not _TIMING.match(line):
            # (a cue number must be followed by its timing: a malformed one would be
            # translated as text and the cue lost)
            raise DocumentFormatError(f"SRT line {number}: not a timing line: {line.strip()!r}")
        if not line.strip():
            flush()
            builder.literal(line + end)
            expect_timing = False
            after_blank = True
            continue
        if not cue and after_blank and _INDEX.match(line) and not expect_timing:
            builder.literal(line + end)
            expect_timing = True
            after_blank = False
            continue
        after_blank = False
        if _TIMING.match(line):
            flush()
            builder.literal(line + end)
            expect_timing = False
            continue
        indent, content, trailing = split_indent(line)
        cue.append((indent, content, trailing + end))
    flush()
    return builder.parsed()
