"""Language identification for the sentences and paragraphs of a report.

Central Asian reports mix Kazakh, Russian, Kyrgyz, Uzbek, Tatar, Ukrainian, Mongolian,
Tajik and English, so every sentence gets a language: its own when the identifier is sure
of it (a Russian quote in a Kazakh paragraph), else its paragraph's, else the document's.

The identifier is py3langid (a naive Bayes model over byte n-grams, 142 languages, its
model shipped in the package as NumPy arrays: offline, no pickle). Latin look-alike
letters inside Cyrillic words are repaired first (``translit.letters.prepare``) and URLs
removed. Languages whose spelling never uses a letter of the text are left out
(Ukrainian has no ``ы``: Kazakh and Russian run together are not Ukrainian). Unless the
identifier is confident of a language the package does not know
(``data/models/languages.json``), the probabilities are those among the known languages.
Kazakh-letter evidence on top of the identifier was measured on
``tests/data/translate/langid.tsv`` and the demo corpus (``bench/langid.py``): it changed
nothing, so it is not used.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from translate.registry import letters_not_used, load_languages
from translate.segment import URL_RE
from translit.letters import prepare

UNDETERMINED = "und"
#: A sentence needs this probability to differ from its paragraph.
CONFIDENT = 0.9
#: Below this probability a text is undecided.
PROBABLE = 0.5
#: Fewer words than this (and not confident) is undecided: names, headings of one word.
MIN_WORDS = 3

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
#: py3langid labels that are not a language.
_NOT_LANGUAGES = frozenset({"zxx"})


@dataclass(frozen=True)
class Guess:
    """A language and the identifier's probability for it."""

    lang: str
    probability: float
    words: int

    @property
    def decided(self) -> bool:
        if self.lang == UNDETERMINED:
            return False
        return self.probability >= CONFIDENT or (
            self.probability >= PROBABLE and self.words >= MIN_WORDS
        )


@cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _clean(text: str) -> str:
    return prepare(unicodedata.normalize("NFC", URL_RE.sub(" ", text)))


def guess(text: str) -> Guess:
    """The most probable language of ``text`` (``und`` when it has no words)."""
    clean = _clean(text)
    words = len(_WORD.findall(clean))
    if words == 0:
        return Guess(UNDETERMINED, 0.0, 0)
    excluded = letters_not_used()
    letters = frozenset(clean.lower())
    ranked = [
        (str(code), float(p))
        for code, p in _identifier().rank(clean)
        if not excluded.get(str(code), frozenset()) & letters
    ]
    lang, probability = ranked[0]
    if lang in _NOT_LANGUAGES:
        return Guess(UNDETERMINED, 0.0, words)
    known = load_languages()
    if lang in known or probability < CONFIDENT:
        among = [(code, p) for code, p in ranked if code in known]
        total = sum(p for _, p in among)
        if total > 0:
            lang, probability = among[0][0], among[0][1] / total
    return Guess(lang, probability, words)


def identify(text: str) -> str:
    """The language of ``text``, or ``und`` when the evidence is too weak."""
    found = guess(text)
    return found.lang if found.decided else UNDETERMINED


def identify_all(sentences: Sequence[str], fallback: str = UNDETERMINED) -> list[str]:
    """One language per sentence of a paragraph.

    A sentence the identifier is sure of keeps its language. The others take the
    paragraph's: the language of most of its decided sentences (by length), or, when
    none is decided, that of the sentences joined; when the paragraph is undecided too,
    ``fallback`` (the document's language). What is still undecided stays ``und``.
    (Identifying a mixed paragraph as a whole is wrong: Kazakh and Russian sentences
    together look Ukrainian to the identifier.)
    """
    guesses = [guess(sentence) for sentence in sentences]
    overall = majority(zip(sentences, guesses, strict=True))
    if overall == UNDETERMINED:
        whole = guess(" ".join(sentences)) if len(sentences) > 1 else guesses[0]
        overall = whole.lang if whole.decided else fallback
    return [own.lang if own.decided else overall for own in guesses]


def majority(texts: Iterable[tuple[str, Guess]]) -> str:
    """The language of most of the decided texts, weighted by length (``und`` if none)."""
    weights: Counter[str] = Counter()
    for text, found in texts:
        if found.decided:
            weights[found.lang] += len(text)
    return weights.most_common(1)[0][0] if weights else UNDETERMINED


def identify_document(units: Sequence[str], limit: int = 300) -> str:
    """The main language of a document: that of most of its first ``limit`` units."""
    sample = [u for u in units[:limit] if u.strip()]
    return majority((unit, guess(unit)) for unit in sample)
