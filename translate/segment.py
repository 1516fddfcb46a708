"""Sentence segmentation and clause splitting.

Sentences come from ``sentencex`` (which knows Kazakh and Russian abbreviations), with
repairs that matter in Central Asian news (cases in ``tests/data/translate/segmentation.tsv``):

- initials (``Қ.-Ж. Тоқаев``) do not end a sentence;
- a segment starting with a lower-case letter continues the previous one;
- an abbreviation that takes a number (``рис. 3``, ``табл. 2``, ``сурет 4``) does not
  end a sentence before its number;
- a sentence may start with a number: sentencex's Kazakh rules never split before a
  digit (``… ашылды. 11 шілдеде …``), so a word of two or more letters (not one of those
  abbreviations) or a number, then a full stop and a digit, is a sentence boundary in
  every language (``… 21:00. 3 тамызда …``).

URLs and e-mail addresses are masked before segmenting so that their dots never split.

Every function returns spans or pieces whose concatenation is the input, exactly.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

#: URLs (with a scheme or ``www.``), bare domains with a path, and e-mail addresses.
URL_RE = re.compile(
    r"(?:https?://|ftp://|www\.)[^\s<>\"'«»]+[^\s<>\"'«».,;:!?)\]]"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|\b[\w-]+(?:\.[\w-]+)*\.(?:kz|ru|com|org|net|gov|edu|info|uz|kg|tj|ua|by|io)"
    r"(?:/[^\s<>\"'«»]*[^\s<>\"'«».,;:!?)\]])?\b"
)
_INITIAL_END = re.compile(r"(?:^|[\s(«\"-])[^\W\d_]\.(?:-[^\W\d_]\.)?\s*$")
_STARTS_LOWER = re.compile(r"^\s*[^\w\s]*[a-zа-яёәғқңөұүһі]")
_TERMINAL = re.compile(r"[.!?…]+[\"'»”)\]]*\s*$")
#: Abbreviations followed by a number (figure, table, page, article, year, amounts).
NUMBER_ABBREVIATIONS = frozenset(
    "рис табл илл прил стр ст гл разд ч п пп см no nos fig figs tab p pp vol art ch sec "
    "сурет кесте бет б жж тт млн млрд тыс трлн руб долл тг мын млн сом".split()
)
_ENDS_WITH_NUMBER_ABBREVIATION = re.compile(r"(?:^|[\s(«\"])([^\W\d_]+)\.\s*$")
_STARTS_WITH_DIGIT = re.compile(r"^\s*\d")
#: ``word. 11``: the end of a sentence before one starting with a number.
_BREAK_BEFORE_DIGIT = re.compile(
    r"(?:(?<=[^\W\d_]{2}[.!?…])|(?<=[\d})\]»”\"'][.!?…]))[\"'»”)\]]*(\s+)(?=\d)"
)


def mask_urls(text: str) -> str:
    """``text`` with every URL or e-mail replaced by ``x`` characters (same length)."""
    return URL_RE.sub(lambda m: "x" * len(m.group()), text)


def sentence_spans(text: str, lang: str) -> list[tuple[int, int]]:
    """Spans of the sentences of ``text``; each span includes its trailing whitespace."""
    if not text:
        return []
    from sentencex import segment

    masked = mask_urls(text)
    spans: list[tuple[int, int]] = []
    position = 0
    for piece in segment(lang if lang != "und" else "en", masked):
        if not piece:
            continue
        found = masked.find(piece, position)
        if found < 0:  # the segmenter changed the text: keep what is left as one sentence
            break
        if found > position and spans:
            spans[-1] = (spans[-1][0], found)
        elif found > position:
            spans.append((position, found))
        spans.append((found, found + len(piece)))
        position = found + len(piece)
    if position < len(text):
        if spans:
            spans[-1] = (spans[-1][0], len(text))
        else:
            spans.append((0, len(text)))
    return _merge_false_breaks(text, _split_before_digits(masked, spans))


def _number_abbreviation(text: str) -> bool:
    match = _ENDS_WITH_NUMBER_ABBREVIATION.search(text)
    return match is not None and match.group(1).lower() in NUMBER_ABBREVIATIONS


def _split_before_digits(masked: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in spans:
        for match in _BREAK_BEFORE_DIGIT.finditer(masked, start, end):
            cut = match.end(1)
            if not _number_abbreviation(masked[start : match.start(1)]):
                out.append((start, cut))
                start = cut
        out.append((start, end))
    return out


def _merge_false_breaks(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged:
            previous = text[merged[-1][0] : merged[-1][1]]
            current = text[start:end]
            if (
                _INITIAL_END.search(previous)
                or _STARTS_LOWER.match(current)
                or (_STARTS_WITH_DIGIT.match(current) and _number_abbreviation(previous))
            ):
                merged[-1] = (merged[-1][0], end)
                continue
        merged.append((start, end))
    return merged


#: A sentence end inside a text (for counting, not segmenting).
_SENTENCE_END = re.compile(
    r"(?<=[^\W\d_]{2}[.!?…])[\"'»”)\]]*\s+(?=[\"'«“(]?(?:[^\W\d_]|\d)(?<![a-zа-яёәғқңөұүһі]))"
)


def count_sentences(text: str) -> int:
    """How many sentences ``text`` holds, by a simple rule independent of sentencex.

    A full stop, ``!``, ``?`` or ``…`` after a word of two or more letters (not an
    abbreviation that takes a number), then a space and an upper-case letter or a digit,
    ends a sentence. Used to see whether a translation lost a sentence.
    """
    masked = mask_urls(text).strip()
    if not masked:
        return 0
    ends = sum(
        1 for m in _SENTENCE_END.finditer(masked) if not _number_abbreviation(masked[: m.start()])
    )
    return ends + 1


def split_sentences(text: str, lang: str) -> list[str]:
    """The sentences of ``text`` (trailing whitespace included); they join to ``text``."""
    return [text[a:b] for a, b in sentence_spans(text, lang)]


# -- clauses ----------------------------------------------------------------------------

_BOUNDARIES: tuple[re.Pattern[str], ...] = (
    re.compile(r";\s+"),
    re.compile(r":\s+"),
    re.compile(r",\s+"),
    re.compile(r"\s+[—–-]\s+"),
    re.compile(r"\s+(?=(?:и|а|но|или|однако|және|бірақ|немесе|and|but|or)\s)", re.IGNORECASE),
    re.compile(r"\s+"),
)


@dataclass(frozen=True)
class Clause:
    """A chunk to translate and the source text that follows it (kept as is)."""

    text: str
    separator: str


def split_clauses(text: str, too_long: Callable[[str], bool]) -> list[Clause]:
    """Split ``text`` at clause boundaries until no chunk is ``too_long``.

    Boundaries are tried by strength (``;`` then ``:``, ``,``, dashes, conjunctions, and
    spaces as the last resort), each time the one closest to the middle. A chunk that
    cannot be split further is returned as is (the caller flags it).
    """
    if not too_long(text):
        return [Clause(text, "")]
    cut = _best_cut(text)
    if cut is None:
        return [Clause(text, "")]
    start, end = cut
    left = split_clauses(text[:start], too_long)
    right = split_clauses(text[end:], too_long)
    last = left[-1]
    left[-1] = Clause(last.text, last.separator + text[start:end])
    return left + right


def _best_cut(text: str) -> tuple[int, int] | None:
    middle = len(text) / 2
    for pattern in _BOUNDARIES:
        cuts = [
            (m.start(), m.end())
            for m in pattern.finditer(text)
            if 0 < m.start() and m.end() < len(text)
        ]
        if cuts:
            return min(cuts, key=lambda c: abs(c[0] - middle))
    return None


def ends_sentence(text: str) -> bool:
    """Whether ``text`` ends with sentence-final punctuation."""
    return _TERMINAL.search(text) is not None
