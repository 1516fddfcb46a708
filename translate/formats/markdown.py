"""Markdown: headings, lists, quotes, tables, links and code are kept; text is translated.

A line-based reading of CommonMark that keeps every marker byte for byte: front matter,
fenced and indented code, thematic breaks, link reference definitions and table
separator rows are copied; heading, list, quote and table-cell markers stay around the
translated text. A paragraph is one unit, even when soft-wrapped over several lines (the
translation is cut back into as many lines) and when it has inline markup: emphasis,
links and inline HTML elements are put back around the words they belong to, and code
spans, autolinks, images and footnote references are kept whole (see
:mod:`translate.inline`). Link destinations are never translated; image alt text is.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable

from translate.formats.base import Builder, Parsed
from translate.formats.html import INLINE, VOID, add_html, parse_tag, tag_with_units
from translate.formats.lines import split_indent, split_lines
from translate.inline import Atom, Break, Close, Item, Open, Text

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_ATX = re.compile(r"^( {0,3}#{1,6}(?:[ \t]+|$))(.*?)((?:[ \t]+#+)?[ \t]*)$")
_THEMATIC = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")
_LIST = re.compile(r"^([ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)(?:\[[ xX]\][ \t]+)?)")
_QUOTE = re.compile(r"^((?: {0,3}>[ \t]?)+)")
_LINK_DEF = re.compile(r"^ {0,3}\[[^\]]+\]:[ \t]*\S+")
_TABLE_SEP = re.compile(r"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$")
#: A link title at the end of a destination or definition: ``"title"``, ``'title'``, ``(title)``.
_TITLES = tuple(
    re.compile(rf"(\s){opening}([^{closing}\n]*)({closing})(?=\)?[ \t]*$)")
    for opening, closing in (('"', '"'), ("'", "'"), (r"\(", r"\)"))
)
_FRONT_MATTER_TEXT = re.compile(
    r"^(\s*(?:title|subtitle|description|summary|caption|abstract)\s*:[ \t]*)(\S.*?)([ \t]*)$"
)
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
_HTML_LINE = re.compile(r"^ {0,3}<(?:/?[A-Za-z][\w-]*|!--)")
_INLINE = re.compile(
    r"(?P<code>(`+).+?\2)"
    r"|(?P<autolink><(?:https?://|mailto:)[^>\s]+>)"
    r"|(?P<skip><(?P<skiptag>code|kbd|samp|var)(?:\s[^<>]*)?>.*?</(?P=skiptag)\s*>)"
    r"|(?P<comment><!--.*?-->)"
    r"|(?P<tag></?[A-Za-z][\w-]*(?:\s[^<>]*)?/?>)"
    r"|(?P<image>!\[(?P<alt>[^\]]*)\](?:\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)|\[[^\]]*\]))"
    r"|(?P<dest>\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\))"
    r"|(?P<ref>\]\[[^\]]*\])"
    r"|(?P<footnote>\[\^[^\]]+\])"
    r"|(?P<open>\[)"
    r"|(?P<url>(?:https?://|www\.)[^\s<>()\"]*[^\s<>()\".,;:!?])"
    r"|(?P<emph_open>(?<![\w*_~])(?:\*\*|__|~~|\*|_)(?=[^\s*_~]))"
    r"|(?P<emph_close>(?<=[^\s*_~])(?:\*\*|__|~~|\*|_)(?![\w*_~]))"
)


def inline_items(builder: Builder, text: str) -> list[Item]:
    """A line's inline content as items: text, paired markup and atoms.

    Code spans, autolinks and inline ``<code>`` are atoms of the sentence (kept, never
    translated); images, footnote references, comments and other inline HTML are
    decorations; emphasis, links and inline HTML elements are paired markup. An image's
    alt text is translated on its own. Bare URLs stay in the text (the pipeline keeps them).
    """
    items: list[Item] = []
    position = 0
    for match in _INLINE.finditer(text):
        kind = match.lastgroup
        if kind == "url":
            continue
        if match.start() > position:
            items.append(Text(text[position : match.start()]))
        position = match.end()
        raw = match.group()
        if kind in ("code", "autolink", "skip"):
            items.append(Atom(raw, True))
        elif kind == "image":
            items.append(Atom(_image(builder, match), False))
        elif kind in ("comment", "footnote"):
            items.append(Atom(raw, False))
        elif kind == "tag":
            items.append(_tag_item(builder, raw))
        elif kind == "dest":
            items.append(Close(with_title(builder, raw), "link", text_if_unpaired=True))
        elif kind == "ref":
            items.append(Close(raw, "link", text_if_unpaired=True))
        elif kind == "open":
            items.append(Open(raw, "link", text_if_unpaired=True))
        elif kind == "emph_open":  # an unpaired delimiter is a literal character
            items.append(Open(raw, raw, text_if_unpaired=True))
        else:
            items.append(Close(raw, raw, text_if_unpaired=True))
    if position < len(text):
        items.append(Text(text[position:]))
    return items


def _image(builder: Builder, match: re.Match[str]) -> str:
    alt = match.group("alt")
    if not any(ch.isalpha() for ch in alt) or "\x00" in alt or alt != alt.strip():
        return with_title(builder, match.group())
    start, end = match.span("alt")
    token = builder.deferred(alt, alt, lambda t: t.replace("]", "\\]"), "attribute")
    whole = match.start()
    rest = with_title(builder, match.group()[end - whole :])
    return match.group()[: start - whole] + token + rest


def with_title(builder: Builder, raw: str) -> str:
    """``raw`` (a link destination or definition) with its title made a deferred unit."""
    match = next((m for m in (p.search(raw) for p in _TITLES) if m is not None), None)
    if match is None or "\x00" in raw:
        return raw
    title = match.group(2)
    if not any(ch.isalpha() for ch in title) or title != title.strip():
        return raw
    close = match.group(3)
    token = builder.deferred(title, title, lambda t: _escape_title(t, close), "attribute")
    return raw[: match.start(2)] + token + raw[match.end(2) :]


def _escape_title(text: str, quote: str) -> str:
    return text.replace(quote, "\\" + quote) if quote != ")" else text.replace(")", "\\)")


def _tag_item(builder: Builder, raw: str) -> Item:
    name, attrs = parse_tag(raw)
    if raw.startswith("</"):
        return Close(raw, name) if name in INLINE else Atom(raw, False)
    tagged = tag_with_units(builder, raw, name, attrs)
    if name in INLINE and name not in VOID and not raw.endswith("/>"):
        return Open(tagged, name)
    return Atom(tagged, False)


def add_inline(builder: Builder, text: str, kind: str) -> None:
    """Append a line's inline content as one unit (markup kept around its words)."""
    add_marked(builder, inline_items(builder, text), kind)


def add_marked(builder: Builder, items: list[Item], kind: str) -> None:
    """Inline items as units: a ``<br>`` ends one (as in HTML) and stays literal."""
    part: list[Item] = []
    for item in items:
        if isinstance(item, Atom) and _BR.fullmatch(item.raw):
            builder.marked(part, kind)
            builder.literal(item.raw)
            part = []
        else:
            part.append(item)
    builder.marked(part, kind)


def front_matter_line(builder: Builder, line: str) -> None:
    """A YAML front matter line: the value of a title-like key is translated."""
    match = _FRONT_MATTER_TEXT.match(line)
    value = match.group(2) if match is not None else ""
    if match is None or not any(ch.isalpha() for ch in value):
        builder.literal(line)
        return
    quote = value[0] if value[0] in "\"'" and value.endswith(value[0]) else ""
    text = value[1:-1] if quote else value
    builder.literal(match.group(1) + quote)
    builder.unit(text, "front-matter", raw=text, encode=_yaml_scalar(quote))
    builder.literal(quote + match.group(3))


def _yaml_scalar(quote: str) -> Callable[[str], str]:
    """Write a translated front-matter value in the source's quoting."""

    def encode(text: str) -> str:
        if quote == '"':
            return text.replace("\\", "\\\\").replace('"', '\\"')
        if quote == "'":
            return text.replace("'", "''")
        plain_ok = not re.search(r":\s|\s#|^[-?:,\[\]{}#&*!|>'\"%@`]", text)
        return text if plain_ok else json.dumps(text, ensure_ascii=False)

    return encode


class _Reader:
    def __init__(self, text: str) -> None:
        self.builder = Builder()
        self.group: list[tuple[str, str, str]] = []  # (prefix, content, end)
        self.lines = list(split_lines(text))

    def flush(self) -> None:
        group, self.group = self.group, []
        if not group:
            return
        self.builder.literal(group[0][0])
        items: list[Item] = []
        for number, (prefix, content, _) in enumerate(group):
            if number:
                items.append(Break(group[number - 1][2] + prefix))
            items.extend(inline_items(self.builder, content))
        add_marked(self.builder, items, "paragraph")
        self.builder.literal(group[-1][2])

    def literal_line(self, line: str, end: str) -> None:
        self.flush()
        self.builder.literal(line + end)

    def read(self) -> Parsed:
        lines = self.lines
        index = 0
        if lines and lines[0][0].strip() == "---":  # YAML front matter
            for close in range(1, len(lines)):
                if lines[close][0].strip() in {"---", "..."}:
                    for line, end in lines[: close + 1]:
                        front_matter_line(self.builder, line)
                        self.builder.literal(end)
                    index = close + 1
                    break
        previous_blank = True
        in_list = False
        while index < len(lines):
            line, end = lines[index]
            index += 1
            fence = _FENCE.match(line)
            if fence is not None:
                self.literal_line(line, end)
                marker = fence.group(1)
                while index < len(lines):
                    inner, inner_end = lines[index]
                    index += 1
                    self.builder.literal(inner + inner_end)
                    if (
                        inner.strip().startswith(marker[0] * len(marker))
                        and not inner.strip(marker[0]).strip()
                    ):
                        break
                previous_blank = False
                continue
            if not line.strip():
                self.literal_line(line, end)
                previous_blank = True
                continue
            if (
                previous_blank
                and not in_list
                and (line.startswith("    ") or line.startswith("\t"))
            ):
                self.literal_line(line, end)  # indented code block
                continue
            self.block_line(line, end)
            in_list = _LIST.match(line) is not None or (in_list and not previous_blank)
            previous_blank = False
        self.flush()
        return self.builder.parsed()

    def block_line(self, line: str, end: str) -> None:
        if _LINK_DEF.match(line):
            self.flush()
            self.builder.literal(with_title(self.builder, line) + end)
            return
        if _THEMATIC.match(line) or _TABLE_SEP.match(line):
            self.literal_line(line, end)
            return
        if _SETEXT.match(line) and self.group:
            self.literal_line(line, end)
            return
        if _HTML_LINE.match(line):
            self.flush()
            add_html(self.builder, line)
            self.builder.literal(end)
            return
        prefix = ""
        rest = line
        quote = _QUOTE.match(rest)
        if quote is not None:
            prefix, rest = quote.group(1), rest[quote.end() :]
        heading = _ATX.match(rest)
        if heading is not None:
            self.flush()
            self.builder.literal(prefix + heading.group(1))
            add_inline(self.builder, heading.group(2), "heading")
            self.builder.literal(heading.group(3) + end)
            return
        if "|" in rest and rest.strip().startswith("|"):
            self.flush()
            self.builder.literal(prefix)
            self.table_row(rest)
            self.builder.literal(end)
            return
        item = _LIST.match(rest)
        if item is not None:
            self.flush()
            prefix, rest = prefix + item.group(1), rest[item.end() :]
        indent, content, trailing = split_indent(rest)
        if content.endswith("\\"):
            content, trailing = (
                content[:-1].rstrip(),
                content[len(content[:-1].rstrip()) :] + trailing,
            )
        if not content:  # a bare quote or list marker: nothing to translate
            self.flush()
            self.builder.literal(prefix + indent + trailing + end)
            return
        hard_break = trailing.endswith("  ") or "\\" in trailing
        if not (self.group and item is None):
            self.flush()
        self.group.append((prefix + indent, content, trailing + end))
        if hard_break:
            self.flush()

    def table_row(self, row: str) -> None:
        cells = re.split(r"(?<!\\)(\|)", row)
        for cell in cells:
            if cell == "|":
                self.builder.literal(cell)
            else:
                add_inline(self.builder, cell, "cell")


def parse_markdown(text: str) -> Parsed:
    """Parse a Markdown document."""
    return _Reader(text).read()
