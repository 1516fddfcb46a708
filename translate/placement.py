"""Putting inline markup back into translated sentences.

A unit with inline markup (see :mod:`translate.inline`) is translated sentence by
sentence as plain text. Then, in each sentence, every span of markup (bold words, a link)
is looked for in the translation, in this order:

1. a span over the whole sentence (or over the whole of its enclosing span) goes around
   the whole translation (of its enclosing span);
2. the span's own text, where the model copied it (numbers, Latin names, placeholders);
3. the span's text translated on its own (a *gloss*), found in the translation;
4. the house-style renderings of the names inside the span;
5. otherwise the span goes around the whole sentence (or its enclosing span), and the
   sentence is counted as ``moved`` (the pipeline flags it ``markup_moved``).

Where a phrase occurs more than once, the occurrence nearest to the span's relative place
in the source wins. Placed spans never cross: each lies inside its enclosing span and
apart from its siblings. Placeholders the model lost are added at the end of the sentence
(also counted as moved).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field

from translate.inline import PLACEHOLDER_RE, Markup, Placed, Span, edges, fix_placeholders

_TRIM = " \t.,;:!?…\"'«»“”()"
_LETTER = re.compile(r"[^\W\d_]")

#: ``gloss(lang, text)``: the translation of a span's text on its own, if there is one.
Gloss = Callable[[str, str], str | None]


@dataclass(frozen=True)
class SentenceView:
    """What placement needs to know of one translated sentence of a unit."""

    start: int  # where ``source`` starts in the unit's text
    source: str
    target: str
    lang: str
    names: tuple[tuple[str, str], ...] = ()  # (source text, house-style rendering)


@dataclass
class _Node:
    span: Span
    children: list[_Node] = field(default_factory=list)


def clip(spans: Sequence[Span], start: int, end: int) -> list[Span]:
    """The parts of ``spans`` inside ``[start, end)``, relative to ``start``."""
    out = []
    for span in spans:
        a, b = max(span.start, start), min(span.end, end)
        if a < b:
            out.append(Span(a - start, b - start, span.open, span.close, span.depth))
    return out


def wanted_glosses(
    text: str, markup: Markup, sentences: Sequence[SentenceView]
) -> set[tuple[str, str]]:
    """``(lang, span text)`` of the spans whose words the translation does not show as is."""
    wanted: set[tuple[str, str]] = set()
    for view in sentences:
        if view.target == view.source:
            continue
        for span in clip(markup.spans, view.start, view.start + len(view.source)):
            phrase = view.source[span.start : span.end].strip(_TRIM)
            if not _LETTER.search(PLACEHOLDER_RE.sub("", phrase)):
                continue
            if _covers(span, view.source, 0, len(view.source)):
                continue
            if _find(view.target, phrase, 0, len(view.target), 0.5, []) is None:
                wanted.add((view.lang, phrase))
    return wanted


def place_unit(
    text: str, markup: Markup, sentences: Sequence[SentenceView], gloss: Gloss
) -> tuple[Placed, list[tuple[str, int]]]:
    """The unit's translation with its markup placed, and per sentence (in order of
    ``sentences``) its repaired translation and how many spans or atoms moved."""
    out: list[str] = []
    length = 0
    spans: list[Span] = []
    moved: dict[int, tuple[str, int]] = {}
    position = 0

    def gap(until: int) -> None:
        nonlocal length
        for span in markup.spans:
            if position <= span.start and span.end <= until:
                shift = length - position
                spans.append(
                    Span(span.start + shift, span.end + shift, span.open, span.close, span.depth)
                )
        out.append(text[position:until])
        length += until - position

    atoms = markup.atom_map()
    for number, view in sorted(enumerate(sentences), key=lambda item: item[1].start):
        gap(view.start)
        end = view.start + len(view.source)
        wanted = [m.group() for m in PLACEHOLDER_RE.finditer(view.source) if m.group() in atoms]
        target, placed, count = place_sentence(
            view.source, view.target, clip(markup.spans, view.start, end), wanted,
            _gloss_in(gloss, view.lang), view.names, known=atoms,
        )  # fmt: skip
        spans.extend(
            Span(s.start + length, s.end + length, s.open, s.close, s.depth) for s in placed
        )
        out.append(target)
        length += len(target)
        moved[number] = (target, count)
        position = end
    gap(len(text))
    spans.sort(key=lambda s: (s.start, -s.end, s.depth))
    per_sentence = [moved[number] for number in range(len(sentences))]
    total = sum(count for _, count in per_sentence)
    return Placed("".join(out), tuple(spans), total), per_sentence


def _gloss_in(gloss: Gloss, lang: str) -> Callable[[str], str | None]:
    return lambda phrase: gloss(lang, phrase)


def place_sentence(
    source: str,
    target: str,
    spans: Sequence[Span],
    placeholders: Sequence[str],
    gloss: Callable[[str], str | None],
    names: Sequence[tuple[str, str]] = (),
    known: Collection[str] | None = None,
) -> tuple[str, list[Span], int]:
    """Place ``spans`` (over ``source``) in ``target``; also repair its placeholders.

    ``placeholders`` are those of this sentence, ``known`` all of the unit's (see
    :func:`~translate.inline.fix_placeholders`). Returns the (repaired) target, the
    placed spans and how many spans or placeholders had to be moved to the edges.
    """
    target, moved = fix_placeholders(target, placeholders, known)
    if not spans:
        return target, [], moved
    if target == source:
        return target, list(spans), moved
    roots = _tree(spans)
    placed: list[Span] = []
    moved += _place_children(
        roots, source, target, (0, len(source)), (0, len(target)), gloss, names, placed
    )
    placed.sort(key=lambda s: (s.start, -s.end, s.depth))
    return target, placed, moved


def _tree(spans: Sequence[Span]) -> list[_Node]:
    roots: list[_Node] = []
    stack: list[_Node] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end, s.depth)):
        node = _Node(span)
        while stack and not (span.start >= stack[-1].span.start and span.end <= stack[-1].span.end):
            stack.pop()
        (stack[-1].children if stack else roots).append(node)
        stack.append(node)
    return roots


def _place_children(
    nodes: Sequence[_Node],
    source: str,
    target: str,
    source_region: tuple[int, int],
    target_region: tuple[int, int],
    gloss: Callable[[str], str | None],
    names: Sequence[tuple[str, str]],
    placed: list[Span],
) -> int:
    """Place sibling spans inside their parent's regions; returns how many moved."""
    taken: list[tuple[int, int]] = []
    ranges: dict[int, tuple[int, int]] = {}
    moved = 0
    for index, node in enumerate(nodes):
        found = _locate(
            node.span, source, target, source_region, target_region, gloss, names, taken
        )
        if found is not None:
            ranges[index] = found
            taken.append(found)
    a, b = target_region
    start, end = edges(target[a:b])
    for index, _ in enumerate(nodes):
        if index not in ranges:
            ranges[index] = (a + start, a + end)
            moved += 1
    for index, node in enumerate(nodes):
        span = node.span
        t_start, t_end = ranges[index]
        placed.append(Span(t_start, t_end, span.open, span.close, span.depth))
        moved += _place_children(
            node.children, source, target, (span.start, span.end), (t_start, t_end),
            gloss, names, placed,
        )  # fmt: skip
    return moved


def _covers(span: Span, source: str, a: int, b: int) -> bool:
    start, end = edges(source[a:b])
    return span.start <= a + start and span.end >= a + end


def _locate(
    span: Span,
    source: str,
    target: str,
    source_region: tuple[int, int],
    target_region: tuple[int, int],
    gloss: Callable[[str], str | None],
    names: Sequence[tuple[str, str]],
    taken: list[tuple[int, int]],
) -> tuple[int, int] | None:
    a, b = source_region
    c, d = target_region
    if _covers(span, source, a, b):
        start, end = edges(target[c:d])
        return (c if span.start <= a else c + start, d if span.end >= b else c + end)
    relative = (span.start - a) / max(1, b - a)
    text = source[span.start : span.end]
    phrase = text.strip(_TRIM)
    for candidate in (phrase, gloss(phrase) if _LETTER.search(phrase) else None):
        if candidate:
            found = _find(target, candidate, c, d, relative, taken)
            if found is not None:
                return found
    inside = [rendering for name, rendering in names if name in text]
    hits = [_find(target, rendering, c, d, relative, taken) for rendering in inside]
    located = [h for h in hits if h is not None]
    if located:
        return min(h[0] for h in located), max(h[1] for h in located)
    return None


def _find(
    text: str,
    phrase: str,
    start: int,
    end: int,
    relative: float,
    taken: Sequence[tuple[int, int]],
) -> tuple[int, int] | None:
    """The occurrence of ``phrase`` (whole words, any case) nearest to ``relative``."""
    phrase = phrase.strip(_TRIM)
    if not phrase:
        return None
    pattern = re.compile(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", re.IGNORECASE)
    goal = start + relative * (end - start)
    best: tuple[int, int] | None = None
    for match in pattern.finditer(text, start, end):
        a, b = match.span()
        if any(a < t_end and t_start < b for t_start, t_end in taken):
            continue
        if best is None or abs(a - goal) < abs(best[0] - goal):
            best = (a, b)
    return best
