"""Language identification for the sentences and paragraphs of a report.

Central Asian reports mix Kazakh, Russian, Kyrgyz, Uzbek, Tatar, Ukrainian, Mongolian,
Tajik and English, so the language is decided for every paragraph, and a sentence of a
paragraph keeps its own language only when it is clearly another one (a Russian quote in
a Kazakh paragraph). Undecided sentences take their paragraph's language, undecided
paragraphs the document's.

The identifier is py3langid (a naive Bayes model over byte n-grams, 142 languages, its
model shipped in the package as NumPy arrays: offline, no pickle). Latin look-alike
letters inside Cyrillic words are repaired first (``translit.text.prepare``) and URLs
removed. Unless the identifier is confident of a language the package does not know
(``data/models/languages.json``), the probabilities are those among the known languages:
a short Russian sentence whose probability is spread over Russian, Kyrgyz and Bashkir is
Russian. (Kazakh-letter evidence on top of the identifier was measured on
``tests/data/translate/langid.tsv`` and the demo corpus with ``bench/langid.py``: it
changed nothing, so it is not used.)
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from translate.registry import load_languages
from translate.segment import URL_RE
from translit.text import prepare

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
    ranked = [(str(code), float(p)) for code, p in _identifier().rank(clean)]
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

    The paragraph (the sentences joined) is identified first; a sentence keeps its own
    language when the identifier is confident of it, else it takes the paragraph's, and
    when the paragraph is undecided too, ``fallback`` (the document's language). What is
    still undecided stays ``und``.
    """
    whole = guess(" ".join(sentences))
    overall = whole.lang if whole.decided else fallback
    out: list[str] = []
    for sentence in sentences:
        own = guess(sentence)
        if own.lang == overall or (own.decided and own.probability >= CONFIDENT):
            out.append(own.lang)
        elif overall != UNDETERMINED:
            out.append(overall)
        else:
            out.append(own.lang if own.decided else UNDETERMINED)
    return out
