"""Inline markup inside a sentence: kept out of the model's way, then put back.

A format parser describes a stretch of inline content (a paragraph, a heading, a table
cell) as a list of items: text, opening and closing markup (``**``, ``<a href="...">``,
``[`` and ``](url)``) and atoms (code spans, images, comments: markup whose content is not
translated). :func:`build` turns the items into a :class:`Stretch`:

- the plain text the model sees, where each atom inside the text is replaced by a
  placeholder ``{n}`` that the model is asked to keep (software-localisation data, which
  MT corpora include, is full of such placeholders);
- the paired markup as :class:`Span` objects over that plain text;
- literal prefix and suffix: markup that wraps the whole stretch, and decorations and
  spaces at its edges, never reach the model.

So a sentence with bold words or a link in it is translated as one sentence. After
translation, :mod:`translate.placement` finds where each span's words went
(:class:`Placed`), and :func:`render` writes the result back in the format's syntax,
always well-formed: every opening markup is closed, in nesting order.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field

#: A placeholder as the model may write it back (``{1}``, ``{ 1 }``).
PLACEHOLDER_RE = re.compile(r"\{\s*(\d+)\s*\}")
_LETTER = re.compile(r"[^\W\d_]")


def placeholder(number: int) -> str:
    """The placeholder for the ``number``-th atom: ``{1}``."""
    return "{" + str(number) + "}"


@dataclass(frozen=True)
class Text:
    """Text as the model should see it; ``raw`` is how the source writes it, if different."""

    text: str
    raw: str | None = None

    @property
    def source(self) -> str:
        return self.text if self.raw is None else self.raw


@dataclass(frozen=True)
class Open:
    """Opening markup; ``key`` pairs it with a :class:`Close` (a tag name, ``**``, ``link``).

    Unpaired, it becomes an atom, or plain text when ``text_if_unpaired`` (a ``[`` that
    starts no link).
    """

    raw: str
    key: str
    text_if_unpaired: bool = False


@dataclass(frozen=True)
class Close:
    """Closing markup (see :class:`Open`)."""

    raw: str
    key: str
    text_if_unpaired: bool = False


@dataclass(frozen=True)
class Atom:
    """Markup kept as a whole. ``textual``: part of the sentence (code, a URL); else a
    decoration (an image, a comment), left outside the text when at its edges."""

    raw: str
    textual: bool = True


@dataclass(frozen=True)
class Break:
    """A line break inside the stretch, with the next line's indentation or prefix."""

    raw: str


Item = Text | Open | Close | Atom | Break


@dataclass(frozen=True)
class Span:
    """Paired markup around ``text[start:end]``; ``depth`` orders markup at equal places."""

    start: int
    end: int
    open: str
    close: str
    depth: int = 0


@dataclass(frozen=True)
class Markup:
    """The inline markup of a unit: spans over its text, and its placeholders."""

    spans: tuple[Span, ...] = ()
    atoms: tuple[tuple[str, str], ...] = ()  # (placeholder, raw markup)

    def atom_map(self) -> dict[str, str]:
        return dict(self.atoms)


@dataclass(frozen=True)
class Placed:
    """A translation with the unit's spans placed in it (positions in ``text``).

    ``moved`` counts spans and atoms that could not be aligned and were put at the edges
    of their sentence.
    """

    text: str
    spans: tuple[Span, ...]
    moved: int = 0


@dataclass
class Stretch:
    """What :func:`build` makes of a list of items."""

    prefix: str  # literal, before the unit
    suffix: str  # literal, after it
    text: str  # what the model sees (no line breaks)
    raw: str  # the unit's region as written in the source
    markup: Markup
    breaks: tuple[tuple[int, str], ...] = ()  # (position of the joining space, raw break)
    notes: list[str] = field(default_factory=list)

    @property
    def has_text(self) -> bool:
        """Whether there is anything to translate (letters outside placeholders)."""
        return _LETTER.search(PLACEHOLDER_RE.sub("", self.text)) is not None


def _pair(items: Sequence[Item]) -> dict[int, int]:
    """Index of each paired Open -> index of its Close (innermost pairing, by key)."""
    stack: list[int] = []
    pairs: dict[int, int] = {}
    for index, item in enumerate(items):
        if isinstance(item, Open):
            stack.append(index)
        elif isinstance(item, Close):
            for depth in range(len(stack) - 1, -1, -1):
                opener = items[stack[depth]]
                assert isinstance(opener, Open)
                if opener.key == item.key:
                    pairs[stack[depth]] = index
                    del stack[depth:]  # openers left inside stay unpaired
                    break
    return pairs


def _resolve(items: Sequence[Item]) -> list[Item]:
    """Unpaired markup -> atoms or text; empty or blank pairs -> one atom; texts split."""
    pairs = _pair(items)
    closers = set(pairs.values())
    out: list[Item] = []
    skip: set[int] = set()
    for index, item in enumerate(items):
        if index in skip:
            continue
        if isinstance(item, Open | Close):
            paired = index in pairs or index in closers
            if not paired:
                out.append(Text(item.raw) if item.text_if_unpaired else Atom(item.raw, False))
                continue
            if isinstance(item, Open):
                inner = items[index + 1 : pairs[index]]
                if all(isinstance(i, Text) and not i.text.strip() for i in inner):
                    raw = item.raw + "".join(i.source for i in inner if isinstance(i, Text))
                    out.append(Atom(raw + _raw(items[pairs[index]]), False))
                    skip.update(range(index + 1, pairs[index] + 1))
                    continue
        if isinstance(item, Text) and item.raw is None:
            out.extend(_split_spaces(item.text))
            continue
        out.append(item)
    return out


def _split_spaces(text: str) -> list[Item]:
    core = text.strip()
    if not core:
        return [Text(text)] if text else []
    start = text.index(core)
    parts = [text[:start], core, text[start + len(core) :]]
    return [Text(p) for p in parts if p]


def _is_edge(item: Item) -> bool:
    if isinstance(item, Break):
        return True
    if isinstance(item, Atom):
        return not item.textual
    return isinstance(item, Text) and not item.text.strip()


def _raw(item: Item) -> str:
    return item.source if isinstance(item, Text) else item.raw


def _trim(items: list[Item]) -> tuple[int, int]:
    """``[lo, hi)``: the items left after moving edges and wrapping pairs outside."""
    pairs = _pair(items)
    lo, hi = 0, len(items)
    while lo < hi:
        if _is_edge(items[lo]):
            lo += 1
        elif _is_edge(items[hi - 1]):
            hi -= 1
        elif isinstance(items[lo], Open) and pairs.get(lo) == hi - 1:
            lo, hi = lo + 1, hi - 1
        else:
            break
    return lo, hi


def _first_placeholder(items: Sequence[Item]) -> int:
    """A number above those of placeholder-like text (``{1}`` written in the source)."""
    text = "".join(
        i.text if isinstance(i, Text) else " " if isinstance(i, Break) else "\x00"
        for i in items
        if not isinstance(i, Open | Close)
    )
    used = [int(m.group(1)) for m in PLACEHOLDER_RE.finditer(text)]
    return max(used, default=0) + 1


def build(items: Sequence[Item]) -> Stretch:
    """The plain text, spans and literal edges of a stretch of inline items."""
    resolved = _resolve(items)
    lo, hi = _trim(resolved)
    prefix = "".join(_raw(i) for i in resolved[:lo])
    suffix = "".join(_raw(i) for i in resolved[hi:])
    core = resolved[lo:hi]
    pairs = _pair(core)
    number = _first_placeholder(core)
    text: list[str] = []
    length = 0
    atoms: list[tuple[str, str]] = []
    breaks: list[tuple[int, str]] = []
    openers = {close: open_ for open_, close in pairs.items()}
    opened: dict[int, tuple[int, int]] = {}  # closer index -> (start, depth)
    spans: list[Span] = []
    depth = 0
    for index, item in enumerate(core):
        piece = ""
        if isinstance(item, Text):
            piece = item.text
        elif isinstance(item, Break):
            breaks.append((length, item.raw))
            piece = " "
        elif isinstance(item, Atom):
            piece = placeholder(number)
            atoms.append((piece, item.raw))
            number += 1
        elif isinstance(item, Open):
            opened[pairs[index]] = (length, depth)
            depth += 1
        else:
            start, level = opened.pop(index)
            depth -= 1
            spans.append(Span(start, length, _raw(core[openers[index]]), item.raw, level))
        text.append(piece)
        length += len(piece)
    spans.sort(key=lambda s: (s.start, -s.end, s.depth))
    return Stretch(
        prefix=prefix,
        suffix=suffix,
        text="".join(text),
        raw="".join(_raw(i) for i in core),
        markup=Markup(tuple(spans), tuple(atoms)),
        breaks=tuple(breaks),
    )


# -- writing back ---------------------------------------------------------------------


def restore_placeholders(text: str, atoms: dict[str, str], escape: Callable[[str], str]) -> str:
    """``escape(text)`` with each known placeholder replaced by its raw markup."""
    out: list[str] = []
    position = 0
    for match in PLACEHOLDER_RE.finditer(text):
        key = placeholder(int(match.group(1)))
        if key not in atoms:
            continue
        out.append(escape(text[position : match.start()]))
        out.append(atoms[key])
        position = match.end()
    out.append(escape(text[position:]))
    return "".join(out)


def render(placed: Placed, markup: Markup, escape: Callable[[str], str]) -> list[tuple[str, bool]]:
    """The translation in the format's syntax, as ``(piece, is_markup)`` pieces."""
    atoms = markup.atom_map()
    inside = [
        (m.start(), m.end())
        for m in PLACEHOLDER_RE.finditer(placed.text)
        if placeholder(int(m.group(1))) in atoms
    ]

    def snap(at: int, start: bool) -> int:  # markup never splits a placeholder
        for a, b in inside:
            if a < at < b:
                return a if start else b
        return at

    events: list[tuple[int, int, int, int, str]] = []  # (position, order, depth, seq, raw)
    for seq, span in enumerate(placed.spans):
        # closes before opens at one place; outer opens first, inner closes first
        events.append((snap(span.start, True), 1, span.depth, seq, span.open))
        events.append((snap(span.end, False), 0, -span.depth, -seq, span.close))
    events.sort()
    pieces: list[tuple[str, bool]] = []
    position = 0
    for at, _, _, _, raw in events:
        if at > position:
            pieces.extend(_text_pieces(placed.text[position:at], atoms, escape))
            position = at
        pieces.append((raw, True))
    pieces.extend(_text_pieces(placed.text[position:], atoms, escape))
    return pieces


def _text_pieces(
    text: str, atoms: dict[str, str], escape: Callable[[str], str]
) -> list[tuple[str, bool]]:
    pieces: list[tuple[str, bool]] = []
    position = 0
    for match in PLACEHOLDER_RE.finditer(text):
        key = placeholder(int(match.group(1)))
        if key not in atoms:
            continue
        pieces.append((escape(text[position : match.start()]), False))
        pieces.append((atoms[key], True))
        position = match.end()
    pieces.append((escape(text[position:]), False))
    return [p for p in pieces if p[0]]


def edges(text: str) -> tuple[int, int]:
    """``[start, end)`` of a sentence's content: no outer spaces, no final punctuation."""
    start = len(text) - len(text.lstrip())
    end = len(text.rstrip())
    while end > start and text[end - 1] in ".!?…;:,":
        end -= 1
    end = len(text[:end].rstrip())
    return start, max(start, end)


def at_edges(text: str, markup: Markup) -> Placed:
    """``markup`` around the whole of ``text`` (a translation without alignment).

    Placeholders the text lacks are added before its final punctuation; each span covers
    the content (its nesting kept).
    """
    fixed, moved = fix_placeholders(text, [p for p, _ in markup.atoms], markup.atom_map())
    start, end = edges(fixed)
    spans = tuple(Span(start, end, s.open, s.close, s.depth) for s in markup.spans)
    return Placed(fixed, spans, moved + len(spans))


_TAGS = re.compile(r"<[^<>]*>")


def atom_text(raw: str) -> str:
    """What an atom shows as text: a code span without its backticks, an element
    without its tags (``"`akorda.kz`"`` -> ``akorda.kz``)."""
    return _TAGS.sub("", raw).strip().strip("`").strip()


def _written_as(text: str, shown: str) -> tuple[int, int] | None:
    if len(shown) < 2 or not any(ch.isalnum() for ch in shown):
        return None
    match = re.search(rf"(?<![\w{{]){re.escape(shown)}(?![\w}}])", text)
    return match.span() if match is not None else None


def fix_placeholders(
    text: str, wanted: Sequence[str], known: Collection[str] | None = None
) -> tuple[str, int]:
    """Each placeholder of ``wanted`` exactly once in ``text``; how many had to be moved.

    ``{ 1 }`` is written ``{1}``; repeated placeholders, and those of ``known`` (default:
    ``wanted``) that are not wanted here, are removed. A missing one whose content the
    model wrote as text (``akorda.kz`` for the code span `` `akorda.kz` ``, when ``known``
    maps placeholders to their markup) takes the place of that text; the others are added
    at the end of the content (before the final punctuation). Other brace-numbers are text.
    """
    wanted_set = set(wanted)
    known_set = set(known) | wanted_set if known is not None else wanted_set
    seen: set[str] = set()
    moved = 0
    pieces: list[str] = []
    position = 0
    for match in PLACEHOLDER_RE.finditer(text):
        key = placeholder(int(match.group(1)))
        if key not in known_set:
            continue
        before = text[position : match.start()]
        position = match.end()
        if key in wanted_set and key not in seen:
            seen.add(key)
            pieces.append(before + key)
            continue
        moved += 1
        after = text[position : position + 1]
        if before.endswith(" ") and (not after or after in " .,;:!?"):
            before = before[:-1]
        pieces.append(before)
    pieces.append(text[position:])
    out = "".join(pieces)
    contents = known if isinstance(known, Mapping) else {}
    missing = []
    for key in (p for p in wanted if p not in seen):
        written = _written_as(out, atom_text(contents.get(key, "")))
        if written is None:
            missing.append(key)
        else:  # the model wrote the atom's content instead of its placeholder
            out = out[: written[0]] + key + out[written[1] :]
    if missing:
        _, end = edges(out)
        insert = " ".join(missing)
        before = out[:end]
        joiner = " " if before and not before.endswith(" ") else ""
        out = before + joiner + insert + out[end:]
        moved += len(missing)
    return out, moved
