"""HTML: text nodes are translated, markup is kept byte for byte.

The document is scanned with the standard library's ``html.parser`` (which tolerates
real-world HTML); each event's position gives the exact source span, so everything that
is not a text node (tags, attributes, comments, doctype, scripts) is copied unchanged.
Text inside ``script``, ``style``, ``code``, ``pre`` and similar elements, and inside
elements marked ``translate="no"`` or ``class="notranslate"``, is not translated. Each text
node is translated on its own (inline tags split a sentence into separate pieces).
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from translate.formats.base import Builder, Parsed
from translate.formats.lines import split_indent, split_lines

SKIP = frozenset(
    {"script", "style", "code", "pre", "kbd", "samp", "var", "textarea", "svg", "math",
     "template", "noscript"}
)  # fmt: skip
VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
     "source", "track", "wbr"}
)  # fmt: skip


class _Scanner(HTMLParser):
    """Records ``(offset, kind, tag, attrs)`` for every parser event."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=False)
        self.events: list[tuple[int, str, str, list[tuple[str, str | None]]]] = []
        self._starts = [0]
        for index, char in enumerate(text):
            if char == "\n":
                self._starts.append(index + 1)

    def _at(self) -> int:
        line, column = self.getpos()
        return self._starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.events.append((self._at(), "start", tag, attrs))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.events.append((self._at(), "void", tag, attrs))

    def handle_endtag(self, tag: str) -> None:
        self.events.append((self._at(), "end", tag, []))

    def handle_data(self, data: str) -> None:
        self.events.append((self._at(), "text", "", []))

    def handle_entityref(self, name: str) -> None:
        self.events.append((self._at(), "text", "", []))

    def handle_charref(self, name: str) -> None:
        self.events.append((self._at(), "text", "", []))

    def handle_comment(self, data: str) -> None:
        self.events.append((self._at(), "other", "", []))

    def handle_decl(self, decl: str) -> None:
        self.events.append((self._at(), "other", "", []))

    def handle_pi(self, data: str) -> None:
        self.events.append((self._at(), "other", "", []))

    def unknown_decl(self, data: str) -> None:
        self.events.append((self._at(), "other", "", []))


_MARKUP = re.compile(
    r"<!--.*?(?:-->|$)|<![^>]*>?|<\?[^>]*>?|</?[A-Za-z][^<>]*>|</[^<>]*>", re.DOTALL
)
_TAG_NAME = re.compile(r"</?([A-Za-z][\w:-]*)")
_ATTRS = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")


def _regex_events(text: str) -> list[tuple[int, str, str, list[tuple[str, str | None]]]]:
    """A simple scan of markup html.parser cannot read: tags, comments, text."""
    events: list[tuple[int, str, str, list[tuple[str, str | None]]]] = []
    position = 0
    for match in _MARKUP.finditer(text):
        if match.start() > position:
            events.append((position, "text", "", []))
        raw = match.group()
        name = _TAG_NAME.match(raw)
        if name is None:
            events.append((match.start(), "other", "", []))
        else:
            kind = "end" if raw.startswith("</") else "void" if raw.endswith("/>") else "start"
            attrs: list[tuple[str, str | None]] = [
                (m.group(1).lower(), next((g for g in m.groups()[1:] if g is not None), None))
                for m in _ATTRS.finditer(raw)
            ]
            events.append((match.start(), kind, name.group(1).lower(), attrs))
        position = match.end()
    if position < len(text):
        events.append((position, "text", "", []))
    return events


def _no_translate(attrs: list[tuple[str, str | None]]) -> bool:
    for name, value in attrs:
        if name == "translate" and (value or "").lower() == "no":
            return True
        if name == "class" and "notranslate" in (value or "").split():
            return True
    return False


def _escape(text: str) -> str:
    return html.escape(text, quote=False)


def add_html(builder: Builder, text: str) -> None:
    """Append the pieces of an HTML fragment (or document) to ``builder``."""
    scanner = _Scanner(text)
    try:
        scanner.feed(text)
        scanner.close()
        events = scanner.events
    except (AssertionError, ValueError):  # html.parser gives up on some broken markup
        events = _regex_events(text)
    stack: list[tuple[str, bool]] = []  # (tag, blocks translation)
    blocked = 0
    position = 0
    index = 0
    while index < len(events):
        offset, kind, tag, attrs = events[index]
        if offset > position:  # text the parser did not report (should not happen)
            builder.literal(text[position:offset])
        if kind == "text":
            end_index = index
            while end_index + 1 < len(events) and events[end_index + 1][1] == "text":
                end_index += 1
            end = events[end_index + 1][0] if end_index + 1 < len(events) else len(text)
            raw = text[offset:end]
            if blocked:
                builder.literal(raw)
            else:
                _text_node(builder, raw)
            position, index = end, end_index + 1
            continue
        end = events[index + 1][0] if index + 1 < len(events) else len(text)
        builder.literal(text[offset:end])
        if kind == "start" and tag not in VOID:
            blocks = tag in SKIP or _no_translate(attrs)
            stack.append((tag, blocks))
            blocked += blocks
        elif kind == "end":
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == tag:
                    blocked -= sum(b for _, b in stack[depth:])
                    del stack[depth:]
                    break
        position, index = end, index + 1
    if position < len(text):
        builder.literal(text[position:])


def _text_node(builder: Builder, raw: str) -> None:
    decoded = html.unescape(raw)
    if not any(ch.isalpha() for ch in decoded):
        builder.literal(raw)
        return
    core = raw.strip()
    lead = raw[: raw.index(core)]
    builder.literal(lead)
    lines = [
        (*split_indent(line)[:2], split_indent(line)[2] + end) for line, end in split_lines(core)
    ]
    decoded_lines = [(indent, html.unescape(content), end) for indent, content, end in lines]
    if len(decoded_lines) == 1:
        builder.unit(html.unescape(core), "html", raw=core, encode=_escape)
    else:
        builder.wrapped(decoded_lines, "html", raw=core, encode=_escape)
    builder.literal(raw[len(lead) + len(core) :])


def parse_html(text: str) -> Parsed:
    """Parse an HTML document or fragment."""
    builder = Builder()
    add_html(builder, text)
    return builder.parsed()
