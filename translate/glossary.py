"""A user's glossary: terms that must be translated one way (``--glossary FILE``).

The file is CSV or TSV (by extension, else by the first line), one term per row: the
source term, the target term and, optionally, a language pair (``kk-en``; without one the
term applies to every pair). A header row (``source,target[,pair]``) and lines starting
with ``#`` are skipped::

    source,target,pair
    Ұлттық банк,National Bank of Kazakhstan,kk-en
    Мәжіліс,Mazhilis,

Terms are applied the way names are (:mod:`translate.names`): found in the source
sentence (whole words, any letter case, with an inflectional ending: ``Ұлттық банктің``),
then looked for in the translation. There a term is

- ``kept``: the target term is already there (``restyled``: in another letter case);
- ``repaired``: the model wrote its own translation of the source term (found by
  translating the term on its own) or part of the target term (``National Bank`` for
  ``National Bank of Kazakhstan``), which is replaced by the target term;
- ``missing``: neither; the sentence is flagged ``term_missing``.

A glossary term wins over a name the gazetteer finds at the same place.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from translate.errors import TranslateError
from translate.names import NameLayer, NameOutcome, NameSpanLike

#: ``entity`` of the results of glossary terms (names have a gazetteer id or None).
GLOSSARY = "glossary"
_PAIR = re.compile(r"^\s*([a-z]{2,3})\s*(?:-|>|->|→|_|/)\s*([a-z]{2,3})\s*$")
_HEADER = frozenset({"source", "source term", "term", "src"})


class GlossaryError(TranslateError):
    """The glossary file cannot be read (names the file and line)."""


@dataclass(frozen=True)
class Term:
    """One glossary entry."""

    source: str
    target: str
    source_lang: str | None = None
    target_lang: str | None = None

    def applies(self, source_lang: str, target_lang: str) -> bool:
        return (self.source_lang is None or self.source_lang == source_lang) and (
            self.target_lang is None or self.target_lang == target_lang
        )


@dataclass(frozen=True)
class TermSpan:
    """A glossary term found in a source sentence (shaped like a name span)."""

    start: int
    end: int
    text: str
    term: Term

    @property
    def entity(self) -> str:
        return GLOSSARY


def _stem(word: str) -> str:
    """The part of a word an inflected form keeps (Kazakh and Russian endings)."""
    if len(word) > 5:
        return word[:-2]
    if len(word) > 3:
        return word[:-1]
    return word


def _pattern(term: str) -> re.Pattern[str]:
    words = term.split()
    body = r"\s+".join(re.escape(_stem(w)) + r"[^\W\d_]{0,6}" for w in words)
    return re.compile(rf"(?<![\w-]){body}(?![\w-])", re.IGNORECASE)


def parse_glossary(text: str, name: str = "glossary", tsv: bool | None = None) -> list[Term]:
    """The terms of a glossary file's text (``tsv``: None guesses from the first line)."""
    if tsv is None:
        first = text.split("\n", 1)[0]
        tsv = "\t" in first
    reader = csv.reader(io.StringIO(text), delimiter="\t" if tsv else ",")
    terms: list[Term] = []
    for number, row in enumerate(reader, start=1):
        cells = [c.strip() for c in row]
        if not any(cells) or cells[0].startswith("#"):
            continue
        if number == 1 and cells[0].lower() in _HEADER:
            continue
        if len(cells) < 2 or not cells[0] or not cells[1]:
            raise GlossaryError(f"{name}: line {number}: a source and a target term are needed")
        if len(cells) > 3:
            raise GlossaryError(
                f"{name}: line {number}: {len(cells)} columns; expected source, target[, pair]"
            )
        source_lang = target_lang = None
        if len(cells) == 3 and cells[2]:
            pair = _PAIR.match(cells[2].lower())
            if pair is None:
                raise GlossaryError(
                    f"{name}: line {number}: language pair {cells[2]!r} is not like 'kk-en'"
                )
            source_lang, target_lang = pair.group(1), pair.group(2)
        terms.append(Term(cells[0], cells[1], source_lang, target_lang))
    return terms


def load_glossary(path: Path) -> list[Term]:
    """The terms of a glossary file (CSV, or TSV for ``.tsv``/``.tab`` or a tab in line 1)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise GlossaryError(f"{path}: not valid UTF-8") from None
    except OSError as exc:
        raise GlossaryError(f"cannot read {path}: {exc.strerror}") from None
    tsv = True if path.suffix.lower() in (".tsv", ".tab") else None
    terms = parse_glossary(text, str(path), tsv)
    if not terms:
        raise GlossaryError(f"{path}: no terms")
    return terms


class TermLayer:
    """Glossary terms first, then names (a name overlapping a term is left to the term).

    Offers what the pipeline asks of a :class:`~translate.names.NameLayer`.
    """

    def __init__(self, terms: Sequence[Term], target: str, names: NameLayer | None) -> None:
        wanted = [t for t in terms if t.target_lang in (None, target)]
        # longer terms first, so that "Ұлттық банк басқармасы" wins over "Ұлттық банк"
        self._terms = sorted(wanted, key=lambda t: -len(t.source))
        self._patterns = [_pattern(t.source) for t in self._terms]
        self._target = target
        self._names = names

    def find(self, text: str, lang: str = "und") -> list[NameSpanLike]:
        spans: list[NameSpanLike] = []
        taken: list[tuple[int, int]] = []
        for term, pattern in zip(self._terms, self._patterns, strict=True):
            if not term.applies(lang, self._target):
                continue
            for match in pattern.finditer(text):
                if any(match.start() < b and a < match.end() for a, b in taken):
                    continue
                spans.append(TermSpan(match.start(), match.end(), match.group(), term))
                taken.append(match.span())
        if self._names is not None:
            for span in self._names.find(text, lang):
                if not any(span.start < b and a < span.end for a, b in taken):
                    spans.append(span)
        return sorted(spans, key=lambda s: s.start)

    def _split(self, spans: Sequence[NameSpanLike]) -> tuple[list[TermSpan], list[NameSpanLike]]:
        terms = [s for s in spans if isinstance(s, TermSpan)]
        names = [s for s in spans if not isinstance(s, TermSpan)]
        return terms, names

    def glosses_needed(self, translation: str, spans: Sequence[NameSpanLike]) -> list[str]:
        terms, names = self._split(spans)
        needed = [s.text for s in terms if _find(translation, s.term.target) is None]
        if self._names is not None:
            needed += self._names.glosses_needed(translation, names)
        return list(dict.fromkeys(needed))

    def apply(
        self,
        translation: str,
        spans: Sequence[NameSpanLike],
        glosses: Mapping[str, str] | None = None,
    ) -> tuple[str, list[NameOutcome]]:
        glosses = glosses or {}
        terms, names = self._split(spans)
        results: dict[int, NameOutcome] = {}
        claimed: list[tuple[int, int]] = []
        edits: list[tuple[int, int, str]] = []
        for span in terms:
            target = span.term.target
            status, located = "kept", _find(translation, target, claimed)
            if located is None:
                status, located = (
                    "repaired",
                    _located(translation, target, glosses.get(span.text, ""), claimed),
                )
            if located is None:
                results[id(span)] = NameOutcome(span.text, GLOSSARY, target, "missing", None)
                continue
            claimed.append(located)
            written = translation[located[0] : located[1]]
            rendering = target
            if located[0] == 0 and written[:1].isupper():  # a sentence starts with it
                rendering = target[:1].upper() + target[1:]
            if written != rendering:
                edits.append((*located, rendering))
                status = "restyled" if status == "kept" else status
            results[id(span)] = NameOutcome(span.text, GLOSSARY, target, status, written)
        out = translation
        for start, end, replacement in sorted(edits, reverse=True):
            out = out[:start] + replacement + out[end:]
        if self._names is not None and names:
            out, name_results = self._names.apply(out, names, glosses)
            results.update((id(s), r) for s, r in zip(names, name_results, strict=True))
        return out, [results[id(s)] for s in spans]


def _plausible(gloss: str) -> bool:
    return bool(gloss.strip(" .,;:!?")) and len(gloss.split()) <= 12


_FUNCTION_WORDS = frozenset("a an the in at on of to from by for with into".split())


def _located(
    translation: str, target: str, gloss: str, claimed: Sequence[tuple[int, int]]
) -> tuple[int, int] | None:
    """Where the model's own rendering of a term is: its translation of the term alone
    (without leading prepositions and articles: "in Akorda" -> "Akorda"), else the
    longest run of the target term's words, at least half of them ("National Bank" for
    "National Bank of Kazakhstan")."""
    if _plausible(gloss):
        words = gloss.strip(" .,;:!?").split()
        while len(words) > 1 and words[0].lower() in _FUNCTION_WORDS:
            words = words[1:]
        found = _find(translation, " ".join(words), claimed)
        if found is not None:
            return found
    parts = target.split()
    for size in range(len(parts) - 1, (len(parts) + 1) // 2 - 1, -1):
        for first in range(len(parts) - size + 1):
            run = parts[first : first + size]
            if run[0].lower() in _FUNCTION_WORDS or run[-1].lower() in _FUNCTION_WORDS:
                continue
            found = _find(translation, " ".join(run), claimed)
            if found is not None:
                return found
    return None


def _find(
    text: str, phrase: str, claimed: Sequence[tuple[int, int]] = ()
) -> tuple[int, int] | None:
    """Where ``phrase`` is in ``text`` as whole words, any case (outside ``claimed``)."""
    phrase = phrase.strip(" .,;:!?")
    if not phrase:
        return None
    pattern = re.compile(r"(?<![\w-])" + re.escape(phrase) + r"(?![\w-])", re.IGNORECASE)
    for match in pattern.finditer(text):
        if not any(match.start() < b and a < match.end() for a, b in claimed):
            return match.start(), match.end()
    return None
