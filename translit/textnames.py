"""Names in running text: find them, and rewrite each in a house style.

Candidates are runs of capitalized words (initials allowed); the longest part of a run
that the gazetteer knows becomes a name with its entity. Other runs of two or more
capitalized words where one has a surname ending are kept as names of unknown people.
Everything outside the names is left byte for byte.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any

from translit.fold import fold_token
from translit.gazetteer import Gazetteer, bundled_gazetteer
from translit.lexicon import lexicon
from translit.nameparse import _has_surname_ending, parse_name
from translit.normalize import analyze, check_style, render_entity

_WORD_RE = re.compile(r"(?:[^\W\d_]|[\u0300-\u036f])+(?:['’ʼ-](?:[^\W\d_]|[\u0300-\u036f])+)*\.?")
_MAX_WORDS = 6


@dataclass(frozen=True)
class NameSpan:
    """A name found in text."""

    start: int
    end: int
    text: str
    entity: str | None
    kind: str  # gazetteer | pattern

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _runs(text: str) -> list[list[tuple[int, int, str]]]:
    """Runs of capitalized words separated only by spaces (or ', ' inside Surname, I.)."""
    runs: list[list[tuple[int, int, str]]] = []
    current: list[tuple[int, int, str]] = []
    for m in _WORD_RE.finditer(text):
        word = m.group()
        start, end = m.start(), m.end()
        if word.endswith(".") and len(word.rstrip(".")) > 3:
            end -= 1  # sentence full stop, not an initial
            word = word[:-1]
        capital = word[:1].isupper()
        gap = text[current[-1][1] : start] if current else ""
        if capital and current and gap in (" ", "\u00a0"):
            current.append((start, end, word))
        else:
            if current:
                runs.append(current)
            current = [(start, end, word)] if capital else []
    if current:
        runs.append(current)
    return runs


def _common_word_at_sentence_start(text: str, word: tuple[int, int, str]) -> bool:
    """A capitalized first word of a sentence that is not a known name (Activist ...)."""
    before = text[: word[0]].rstrip()
    if before and before[-1] not in '.!?:;"«“(\n':
        return False
    lex = lexicon()
    return lex.reconstruct(fold_token(word[2])) is None and not _has_surname_ending(word[2])


def find_names(text: str, gazetteer: Gazetteer | None = None) -> list[NameSpan]:
    """Names of people, places and organizations in ``text``, in order."""
    gaz = gazetteer if gazetteer is not None else bundled_gazetteer()
    spans: list[NameSpan] = []
    for run in _runs(text):
        i = 0
        while i < len(run):
            found = None
            for j in range(min(len(run), i + _MAX_WORDS), i, -1):
                start, end = run[i][0], run[j - 1][1]
                candidate = text[start:end]
                parsed = parse_name(candidate)
                if not parsed.folds:
                    continue
                if len(parsed.text) == len(candidate):  # drop a leading title
                    start += parsed.tokens[0].start
                    candidate = text[start:end]
                hit = gaz.lookup(parsed)
                if hit is not None:
                    found = (j, NameSpan(start, end, candidate, hit[0].id, "gazetteer"))
                    break
                if j - i >= 2 and any(_has_surname_ending(w) for _, _, w in run[i:j]):
                    if j - i >= 3 and _common_word_at_sentence_start(text, run[i]):
                        continue
                    found = (j, NameSpan(start, end, candidate, None, "pattern"))
                    break
            if found is None:
                i += 1
                continue
            i, span = found
            spans.append(span)
    return spans


@dataclass(frozen=True)
class Replacement:
    """One name rewritten in running text."""

    start: int
    end: int
    original: str
    replacement: str
    entity: str | None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def render_mention(span: NameSpan, style: str, gazetteer: Gazetteer) -> str:
    """A mention in ``style``, keeping its shape: a surname-only mention stays one word."""
    if span.entity is not None:
        entity = gazetteer.entities[span.entity]
        full = render_entity(entity, style)
        if entity.is_person and len(parse_name(span.text).folds) == 1:
            return full.split()[-1]
        return full
    result = analyze(span.text, style, gazetteer)
    return span.text if result.method == "unchanged" else result.output


def normalize_text(
    text: str, style: str = "en", gazetteer: Gazetteer | None = None
) -> tuple[str, list[Replacement]]:
    """Rewrite every name found in ``text`` in ``style``; all other bytes stay as they are."""
    check_style(style)
    gaz = gazetteer if gazetteer is not None else bundled_gazetteer()
    out: list[str] = []
    replacements: list[Replacement] = []
    last = 0
    for span in find_names(text, gaz):
        rendered = render_mention(span, style, gaz)
        out.append(text[last : span.start])
        out.append(rendered)
        last = span.end
        if rendered != span.text:
            replacements.append(Replacement(span.start, span.end, span.text, rendered, span.entity))
    out.append(text[last:])
    return "".join(out), replacements
