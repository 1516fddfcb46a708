"""HTML: text and a few attributes are translated, markup is kept byte for byte.

The document is scanned with the standard library's ``html.parser`` (which tolerates
real-world HTML); each event's position gives the exact source span, so everything that
is not translated (tags, other attributes, comments, doctype, scripts) is copied
unchanged.

The inline content of a block (its text nodes and inline elements such as ``<b>``,
``<a>``, ``<em>``, ``<span>``) is one unit: a sentence with a link in it is translated as
one sentence, and the inline tags are put back around the words they belong to (see
:mod:`translate.inline`). Block elements and ``<br>`` end a unit.

Not translated: ``script``, ``style``, ``pre`` and similar blocks; inline ``code``,
``kbd``, ``samp``, ``var``, ``svg`` and ``math`` (kept whole, as placeholders in their
sentence); elements marked ``translate="no"`` or ``class="notranslate"``; attributes
other than ``alt``, ``title``, ``placeholder``, ``aria-label``, ``label``, button values and
the ``content`` of description and title ``<meta>`` tags (``href``, ``src``, ``class``,
``id`` and the rest are copied).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from html.parser import HTMLParser

from translate.formats.base import Builder, Parsed
from translate.inline import Atom, Break, Close, Item, Open, Text

#: Blocks whose content is never translated.
SKIP = frozenset({"script", "style", "pre", "textarea", "template", "noscript", "iframe"})
#: Inline elements kept whole, as a placeholder in their sentence.
INLINE_SKIP = frozenset({"code", "kbd", "samp", "var", "svg", "math"})
#: Inline elements: they stay inside the unit of their block.
INLINE = frozenset(
    {"a", "abbr", "acronym", "b", "bdi", "bdo", "big", "cite", "data", "del", "dfn", "em",
     "font", "i", "img", "ins", "label", "mark", "nobr", "q", "s", "small", "span", "strike",
     "strong", "sub", "sup", "time", "tt", "u", "wbr"}
)  # fmt: skip
TRANSLATED_ATTRIBUTES = frozenset({"alt", "title", "placeholder", "aria-label", "label"})
META_CONTENT = frozenset(
    {"description", "og:title", "og:description", "twitter:title", "twitter:description"}
)
_LINE_BREAK = re.compile(r"([ \t]*\r?\n[ \t]*)")
_HTML_SPACE = " \t\n\r\f"
_Event = tuple[int, str, str, list[tuple[str, str | None]]]
"""A parser event: ``(offset, kind, tag, attrs)``; kind is start, void, end, text or other."""
VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
     "source", "track", "wbr"}
)  # fmt: skip


class _Scanner(HTMLParser):
    """Records ``(offset, kind, tag, attrs)`` for every parser event."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=False)
        self.events: list[_Event] = []
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


def _regex_events(text: str) -> list[_Event]:
    """A simple scan of markup html.parser cannot read: tags, comments, text."""
    events: list[_Event] = []
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
            events.append((match.start(), kind, *parse_tag(raw)))
        position = match.end()
    if position < len(text):
        events.append((position, "text", "", []))
    return events


def parse_tag(raw: str) -> tuple[str, list[tuple[str, str | None]]]:
    """The lower-cased name and the attributes of a tag written ``raw``."""
    name = _TAG_NAME.match(raw)
    attrs: list[tuple[str, str | None]] = [
        (m.group(1).lower(), next((g for g in m.groups()[1:] if g is not None), None))
        for m in _ATTRS.finditer(raw, name.end() if name else 0)
    ]
    return (name.group(1).lower() if name else ""), attrs


def _no_translate(attrs: list[tuple[str, str | None]]) -> bool:
    for name, value in attrs:
        if name == "translate" and (value or "").lower() == "no":
            return True
        if name == "class" and "notranslate" in (value or "").split():
            return True
    return False


def _escape(text: str) -> str:
    return html.escape(text, quote=False)


def _quoted(quote: str) -> Callable[[str], str]:
    """Write an attribute value: escaped, in the source's quotes (added if it had none)."""

    def encode(text: str) -> str:
        escaped = html.escape(text, quote=True)
        return escaped if quote else f'"{escaped}"'

    return encode


def _translatable_attributes(tag: str, attrs: list[tuple[str, str | None]]) -> set[str]:
    names = {name for name, _ in attrs} & TRANSLATED_ATTRIBUTES
    if tag == "meta":
        kind = {k: (v or "").lower() for k, v in attrs if k in ("name", "property")}
        if kind.get("name") in META_CONTENT or kind.get("property") in META_CONTENT:
            names.add("content")
    if tag == "input":
        types = [(v or "").lower() for k, v in attrs if k == "type"]
        if types and types[0] in ("button", "submit", "reset"):
            names.add("value")
    return names


def tag_with_units(
    builder: Builder, raw: str, tag: str, attrs: list[tuple[str, str | None]]
) -> str:
    """The tag as written, with each translatable attribute value made a deferred unit."""
    wanted = _translatable_attributes(tag, attrs)
    if not wanted or "\x00" in raw:
        return raw
    out: list[str] = []
    position = 0
    name_end = _TAG_NAME.match(raw)
    for match in _ATTRS.finditer(raw, name_end.end() if name_end else 0):
        name = match.group(1).lower()
        group = next(g for g in (2, 3, 4) if match.group(g) is not None)
        value_raw = match.group(group)
        value = " ".join(html.unescape(value_raw).split())
        if name not in wanted or not any(ch.isalpha() for ch in value):
            continue
        start, end = match.span(group)
        quote = "" if group == 4 else raw[start - 1]
        if not quote:
            value_raw = raw[start:end]
        out.append(raw[position:start])
        out.append(builder.deferred(value, value_raw, _quoted(quote), "attribute"))
        position = end
    out.append(raw[position:])
    return "".join(out)


class _Run:
    """The inline content of a block (text and inline elements), built into one unit."""

    def __init__(self, builder: Builder) -> None:
        self.builder = builder
        self.items: list[Item] = []

    def text(self, raw: str) -> None:
        for index, part in enumerate(_LINE_BREAK.split(raw)):
            if index % 2:
                self.items.append(Break(part))
                continue
            core = part.strip(_HTML_SPACE)
            if not core:
                if part:
                    self.items.append(Text(part))
                continue
            start = part.index(core)
            if start:
                self.items.append(Text(part[:start]))
            self.items.append(Text(html.unescape(core), core))
            if start + len(core) < len(part):
                self.items.append(Text(part[start + len(core) :]))

    def flush(self) -> None:
        items, self.items = self.items, []
        if items:
            self.builder.marked(items, "html", _escape)


def add_html(builder: Builder, text: str) -> None:
    """Append the pieces of an HTML fragment (or document) to ``builder``."""
    _Walk(builder, text, _events(text)).walk()


def _events(text: str) -> list[_Event]:
    """The parser's events for ``text``; a simple scan's where the parser gives up."""
    scanner = _Scanner(text)
    try:
        scanner.feed(text)
        scanner.close()
        return scanner.events
    except (AssertionError, ValueError):  # html.parser gives up on some broken markup
        return _regex_events(text)


class _Walk:
    """One pass over the events of an HTML text, into a builder's pieces.

    Each event handler takes the index of its event and gives back that of the last
    event it consumed and where the text it covered ends.
    """

    def __init__(self, builder: Builder, text: str, events: list[_Event]) -> None:
        self.builder = builder
        self.text = text
        self.events = events
        self.inline = _Run(builder)
        self.stack: list[tuple[str, bool]] = []  # (tag, blocks translation)
        self.blocked = 0  # open elements that block translation

    def walk(self) -> None:
        position = 0
        index = 0
        while index < len(self.events):
            offset = self.events[index][0]
            if offset > position:  # text the parser did not report (should not happen)
                self.inline.flush()
                self.builder.literal(self.text[position:offset])
            index, position = self._event(index)
            index += 1
        self.inline.flush()
        if position < len(self.text):
            self.builder.literal(self.text[position:])

    def _event(self, index: int) -> tuple[int, int]:
        """The event at ``index``, handled by its kind and tag and what encloses it."""
        offset, kind, tag, attrs = self.events[index]
        end = _end_of(self.events, index, self.text)
        raw = self.text[offset:end]
        if kind == "text":
            return self._text(index)
        if self.blocked:
            self._in_blocked(kind, tag, raw)
        elif kind == "other":
            self.inline.items.append(Atom(raw, False))
        elif kind in ("start", "void") and (
            tag in INLINE_SKIP or (tag in INLINE and _no_translate(attrs))
        ):
            return self._kept_whole(index, end)
        elif kind in ("start", "void") and tag in INLINE:
            self._inline_start(kind, tag, raw, attrs)
        elif kind == "end" and tag in INLINE:
            self.inline.items.append(Close(raw, tag))
        else:
            self._block_boundary(kind, tag, raw, attrs)
        return index, end

    def _text(self, index: int) -> tuple[int, int]:
        """Text (the parser's consecutive text events, as one)."""
        offset = self.events[index][0]
        while index + 1 < len(self.events) and self.events[index + 1][1] == "text":
            index += 1
        end = _end_of(self.events, index, self.text)
        raw = self.text[offset:end]
        if self.blocked:
            self.builder.literal(raw)
        else:
            self.inline.text(raw)
        return index, end

    def _in_blocked(self, kind: str, tag: str, raw: str) -> None:
        """A tag inside an element that blocks translation: copied, its nesting followed."""
        if kind == "start" and tag not in VOID:
            self._open_block(tag, True)
        elif kind == "end":
            self._close_block(tag)
        self.builder.literal(raw)

    def _kept_whole(self, index: int, end: int) -> tuple[int, int]:
        """An inline element not translated: one atom, up to its end tag."""
        offset, kind, tag, _ = self.events[index]
        if kind == "void" or tag in VOID:
            raw = self.text[offset:end]
            self.inline.items.append(Atom(tag_with_units(self.builder, raw, tag, []), True))
            return index, end
        close = _matching_end(self.events, index, tag)
        end = _end_of(self.events, close, self.text) if close is not None else len(self.text)
        self.inline.items.append(Atom(self.text[offset:end], True))
        return (close if close is not None else len(self.events)), end

    def _inline_start(
        self, kind: str, tag: str, raw: str, attrs: list[tuple[str, str | None]]
    ) -> None:
        """An inline element's start tag (its attributes translated): a span, or an atom."""
        tagged = tag_with_units(self.builder, raw, tag, attrs)
        if kind == "void" or tag in VOID:
            self.inline.items.append(Atom(tagged, False))
        else:
            self.inline.items.append(Open(tagged, tag))

    def _block_boundary(
        self, kind: str, tag: str, raw: str, attrs: list[tuple[str, str | None]]
    ) -> None:
        """A block tag (or an unknown one): the inline content so far is one unit."""
        self.inline.flush()
        self.builder.literal(
            tag_with_units(self.builder, raw, tag, attrs) if kind != "end" else raw
        )
        if kind == "start" and tag not in VOID:
            self._open_block(tag, tag in SKIP or _no_translate(attrs))
        elif kind == "end":
            self._close_block(tag)

    def _open_block(self, tag: str, blocks: bool) -> None:
        self.stack.append((tag, blocks))
        self.blocked += blocks

    def _close_block(self, tag: str) -> None:
        self.blocked -= _close(self.stack, tag)


def _end_of(events: list[_Event], index: int, text: str) -> int:
    return events[index + 1][0] if index + 1 < len(events) else len(text)


def _close(stack: list[tuple[str, bool]], tag: str) -> int:
    """Pop ``tag`` and what it encloses; how many of those blocked translation."""
    for depth in range(len(stack) - 1, -1, -1):
        if stack[depth][0] == tag:
            blocking = sum(b for _, b in stack[depth:])
            del stack[depth:]
            return blocking
    return 0


def _matching_end(events: list[_Event], index: int, tag: str) -> int | None:
    depth = 0
    for later in range(index + 1, len(events)):
        _, kind, name, _ = events[later]
        if name != tag:
            continue
        if kind == "start":
            depth += 1
        elif kind == "end":
            if depth == 0:
                return later
            depth -= 1
    return None


_HTML_TAG = re.compile(r"<html\b[^<>]*>", re.IGNORECASE)
_LANG_ATTRIBUTE = re.compile(r"""(\s(?:xml:)?lang\s*=\s*)(?:"[^"]*"|'[^']*'|[^\s>]+)""", re.I)


def set_document_language(text: str, lang: str) -> str:
    """``text`` with the ``lang`` (and ``xml:lang``) of its ``<html>`` tag set to ``lang``."""
    tag = _HTML_TAG.search(text)
    if tag is None:
        return text
    new = _LANG_ATTRIBUTE.sub(lambda m: f'{m.group(1)}"{lang}"', tag.group())
    return text[: tag.start()] + new + text[tag.end() :]


def parse_html(text: str) -> Parsed:
    """Parse an HTML document or fragment."""
    builder = Builder()
    add_html(builder, text)
    return builder.parsed()
