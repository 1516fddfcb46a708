"""What every document format produces: translatable units and a way to put them back.

A format parser turns a document into :class:`Parsed`: a list of :class:`Unit` (one line
of text each, never containing a line break) and a ``render`` function that rebuilds the
document from the translations of those units. Rendering the units' own texts gives the
original document back, byte for byte (tests check this for every format).

A unit with inline markup (:meth:`Builder.marked`) carries its :class:`~translate.inline.Markup`;
its translation may be given as a :class:`~translate.inline.Placed` (the markup aligned
with the translated words) or as a plain string (the markup then goes around the whole
translation). Some units are not in the text flow but inside markup (HTML ``alt`` and
``title`` attributes): :meth:`Builder.deferred` registers them, and their translations
are written into the markup when the document is rendered.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from translate.inline import Item, Markup, Placed, at_edges, build
from translate.inline import render as render_inline

#: What a format's ``render`` takes for each unit.
Translation = str | Placed
_TOKEN = re.compile("\x00(\\d+)\x00")
_SPACES = " \t\n\r\f\v"
_PROTECT = str.maketrans({c: chr(0x10FF00 + i) for i, c in enumerate(_SPACES)})
_UNPROTECT = str.maketrans({chr(0x10FF00 + i): c for i, c in enumerate(_SPACES)})


@dataclass(frozen=True)
class Unit:
    """A stretch of text to translate (no line breaks inside)."""

    text: str
    kind: str = "text"
    markup: Markup | None = None


@dataclass
class Parsed:
    """A parsed document."""

    units: list[Unit]
    render: Callable[[Sequence[Translation]], str]
    notes: list[str] = field(default_factory=list)


def plain(translation: Translation) -> str:
    """The text of a translation (without its placed markup)."""
    return translation if isinstance(translation, str) else translation.text


@dataclass(frozen=True)
class _Wrapped:
    """A unit spread over several source lines (a soft-wrapped paragraph)."""

    index: int
    raw: str  # the original text of the region, line breaks and indentation included
    prefixes: tuple[str, ...]  # indentation of lines 2..n
    breaks: tuple[str, ...]  # the line break after lines 1..n-1 (with trailing spaces)
    widths: tuple[int, ...]  # length of each line's text
    encode: Callable[[str], str] | None = None


@dataclass(frozen=True)
class _Encoded:
    """A unit whose source form differs from its text (HTML entities)."""

    index: int
    raw: str
    encode: Callable[[str], str] | None


@dataclass(frozen=True)
class _Marked:
    """A unit with inline markup (see :mod:`translate.inline`)."""

    index: int
    raw: str
    escape: Callable[[str], str]
    breaks: tuple[tuple[int, str], ...]


def _same(text: str) -> str:
    return text


class Builder:
    """Collects literal pieces and units, then renders them in order."""

    def __init__(self) -> None:
        self._pieces: list[str | int | _Wrapped | _Encoded | _Marked] = []
        self.units: list[Unit] = []
        self._deferred: dict[int, _Encoded] = {}

    def literal(self, text: str) -> None:
        if text:
            self._pieces.append(text)

    def unit(
        self,
        text: str,
        kind: str = "text",
        raw: str | None = None,
        encode: Callable[[str], str] | None = None,
    ) -> None:
        """A single-line unit; leading and trailing spaces stay literal.

        ``raw`` is the unit as written in the source (``text`` may be decoded from it, as
        HTML entities are); an unchanged translation renders as ``raw``, any other goes
        through ``encode`` (HTML escaping).
        """
        core = text.strip()
        if not core:
            self.literal(raw if raw is not None else text)
            return
        if raw is not None and raw != text:
            lead = raw[: len(raw) - len(raw.lstrip())]
            trail = raw[len(raw.rstrip()) :]
            self.literal(lead)
            self._pieces.append(_Encoded(len(self.units), raw.strip(), encode))
            self.units.append(Unit(core, kind))
            self.literal(trail)
            return
        start = text.index(core)
        self.literal(text[:start])
        if encode is None:
            self._pieces.append(len(self.units))
        else:
            self._pieces.append(_Encoded(len(self.units), core, encode))
        self.units.append(Unit(core, kind))
        self.literal(text[start + len(core) :])

    def wrapped(
        self,
        lines: Sequence[tuple[str, str, str]],
        kind: str = "text",
        raw: str | None = None,
        encode: Callable[[str], str] | None = None,
    ) -> None:
        """A unit spread over lines given as ``(indent, text, line_break)``.

        The first indent and the last line break are literal; the unit's text is the
        lines' texts joined by single spaces. On rendering, a translation is cut back
        into as many lines, in proportion to the original line lengths. ``raw`` and
        ``encode`` work as in :meth:`unit` (``raw`` covers the first text to the last
        line's text, without the first indent and the last line break).
        """
        if len(lines) == 1:
            indent, text, end = lines[0]
            self.literal(indent)
            self.unit(text, kind, raw=raw, encode=encode)
            self.literal(end)
            return
        self.literal(lines[0][0])
        texts = [t.strip() for _, t, _ in lines]
        if raw is None:
            raw = "".join(
                (indent if i else "") + text + (end if i < len(lines) - 1 else "")
                for i, (indent, text, end) in enumerate(lines)
            )
        wrapped = _Wrapped(
            index=len(self.units),
            raw=raw,
            prefixes=tuple(indent for indent, _, _ in lines[1:]),
            breaks=tuple(end for _, _, end in lines[:-1]),
            widths=tuple(len(t) for t in texts),
            encode=encode,
        )
        self._pieces.append(wrapped)
        self.units.append(Unit(" ".join(texts), kind))
        self.literal(lines[-1][2])

    def marked(
        self, items: Sequence[Item], kind: str = "text", escape: Callable[[str], str] = _same
    ) -> None:
        """A stretch of inline content (text, markup, atoms, line breaks) as one unit.

        Markup that wraps the whole stretch and decorations at its edges stay literal;
        a stretch without letters is literal as a whole. ``escape`` writes translated
        text in the format's syntax (HTML escaping).
        """
        stretch = build(items)
        self.literal(stretch.prefix)
        if not stretch.has_text:
            self.literal(stretch.raw)
        else:
            markup = stretch.markup if stretch.markup.spans or stretch.markup.atoms else None
            self._pieces.append(_Marked(len(self.units), stretch.raw, escape, stretch.breaks))
            self.units.append(Unit(stretch.text, kind, markup))
        self.literal(stretch.suffix)

    def deferred(self, text: str, raw: str, encode: Callable[[str], str], kind: str) -> str:
        """Register a unit that lives inside markup; returns the token to write in its place.

        The token (``\\x00<n>\\x00``) is replaced on rendering by ``raw`` when the
        translation is unchanged, else by ``encode(translation)``.
        """
        index = len(self.units)
        self.units.append(Unit(text, kind))
        self._deferred[index] = _Encoded(index, raw, encode)
        return f"\x00{index}\x00"

    def render(self, translations: Sequence[Translation]) -> str:
        if len(translations) != len(self.units):
            raise ValueError("one translation per unit is required")
        out: list[str] = []
        for piece in self._pieces:
            if isinstance(piece, str):
                out.append(piece)
            elif isinstance(piece, int):
                out.append(plain(translations[piece]))
            elif isinstance(piece, _Encoded):
                out.append(self._encoded(piece, plain(translations[piece.index])))
            elif isinstance(piece, _Marked):
                out.append(self._marked(piece, translations[piece.index]))
            else:
                unit = self.units[piece.index]
                out.append(_rewrap(piece, plain(translations[piece.index]), unit))
        text = "".join(out)
        if self._deferred:
            text = _TOKEN.sub(
                lambda m: self._encoded(
                    self._deferred[int(m.group(1))], plain(translations[int(m.group(1))])
                ),
                text,
            )
        return text

    def _encoded(self, piece: _Encoded, translation: str) -> str:
        if translation == self.units[piece.index].text:
            return piece.raw
        if piece.encode is not None:
            return piece.encode(translation)
        return translation

    def _marked(self, piece: _Marked, translation: Translation) -> str:
        unit = self.units[piece.index]
        markup = unit.markup or Markup()
        if isinstance(translation, str):
            if translation == unit.text:
                return piece.raw
            placed = at_edges(translation, markup) if unit.markup else Placed(translation, ())
        else:
            placed = translation
            if placed.text == unit.text and placed.spans == markup.spans:
                return piece.raw
        pieces = render_inline(placed, markup, piece.escape)
        if not piece.breaks:
            return "".join(text for text, _ in pieces)
        protected = "".join(t.translate(_PROTECT) if m else t for t, m in pieces)
        cuts = [0, *(at + 1 for at, _ in piece.breaks)]
        ends = [at for at, _ in piece.breaks] + [len(unit.text)]
        widths = [end - start for start, end in zip(cuts, ends, strict=True)]
        lines = rewrap(protected, widths)
        out = [lines[0]]
        for number, line in enumerate(lines[1:]):
            out.append(piece.breaks[number][1] + line)
        return "".join(out).translate(_UNPROTECT)

    def parsed(self, notes: list[str] | None = None) -> Parsed:
        return Parsed(self.units, self.render, notes or [])


def _rewrap(wrapped: _Wrapped, translation: str, unit: Unit) -> str:
    if translation == unit.text:
        return wrapped.raw
    lines = rewrap(translation, wrapped.widths)
    if wrapped.encode is not None:
        lines = [wrapped.encode(line) for line in lines]
    out = [lines[0]]
    for i, line in enumerate(lines[1:]):
        out.append(wrapped.breaks[i] + wrapped.prefixes[i] + line)
    return "".join(out)


def rewrap(text: str, widths: Sequence[int]) -> list[str]:
    """Cut ``text`` at spaces into ``len(widths)`` non-empty lines, in proportion.

    With fewer words than lines, fewer lines come back (never an empty line, which would
    end the paragraph).
    """
    words = text.split()
    count = len(widths)
    if count <= 1 or len(words) <= 1:
        return [" ".join(words)]
    if len(words) < count:
        return words
    total = sum(widths) or count
    length = len(" ".join(words))
    middles: list[float] = []
    position = 0
    for word in words:
        middles.append(position + len(word) / 2)
        position += len(word) + 1
    cuts = [0]
    cumulative = 0
    for line_number in range(1, count):
        cumulative += widths[line_number - 1]
        goal = cumulative / total * length
        cut = sum(1 for m in middles if m < goal)
        lowest, highest = cuts[-1] + 1, len(words) - (count - line_number)
        cuts.append(min(max(cut, lowest), highest))
    cuts.append(len(words))
    return [" ".join(words[a:b]) for a, b in pairwise(cuts)]
