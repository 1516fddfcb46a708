"""Language identification for sentences of Kazakh and Russian reports.

Kazakh reports quote Russian and the other way round, so the language is decided per
sentence, falling back on the paragraph and then the document when a sentence carries no
evidence (``Ол келді.`` has no Kazakh-specific letter).

Evidence: Kazakh-specific letters (``translit.text.KAZAKH_ONLY``, after repairing Latin
look-alikes with ``translit.text.prepare``), function words
that belong to one language only (``data/models/languages.json``), and the script.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from translate.registry import langid_data
from translate.segment import URL_RE
from translit.text import KAZAKH_ONLY, prepare

UNDETERMINED = "und"

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_LATIN = re.compile(r"[A-Za-z\u00C0-\u024F]")
_KAZAKH_LETTERS = frozenset(KAZAKH_ONLY.lower())


@dataclass(frozen=True)
class _Evidence:
    kk: float
    ru: float
    latin: int
    cyrillic: int


@cache
def _word_sets() -> tuple[
    frozenset[str], frozenset[str], frozenset[str], tuple[str, ...], tuple[str, ...]
]:
    data = langid_data()
    return (
        frozenset(data["kk_words"]),
        frozenset(data["ru_words"]),
        frozenset(data["ru_letters"]),
        tuple(data["ru_endings"]),
        tuple(data["kk_endings"]),
    )


def _evidence(text: str) -> _Evidence:
    kk_words, ru_words, ru_letters, ru_endings, kk_endings = _word_sets()
    kk = ru = 0.0
    latin = cyrillic = 0
    for match in _WORD.finditer(prepare(URL_RE.sub(" ", text))):
        word = match.group().lower()
        if _CYRILLIC.search(word):
            cyrillic += 1
            if _KAZAKH_LETTERS.intersection(word):
                kk += 1.0
            elif len(word) > 4 and word.endswith(kk_endings):
                kk += 0.5
            else:
                if ru_letters.intersection(word):
                    ru += 0.5
                if len(word) > 4 and word.endswith(ru_endings):
                    ru += 0.5
            if word in kk_words:
                kk += 1.0
            elif word in ru_words:
                ru += 1.0
        elif _LATIN.search(word):
            latin += 1
    return _Evidence(kk, ru, latin, cyrillic)


def identify(text: str) -> str:
    """``kk``, ``ru``, ``en`` (Latin script) or ``und`` when the text carries no evidence."""
    ev = _evidence(text)
    if ev.cyrillic == 0 and ev.latin == 0:
        return UNDETERMINED
    if ev.latin > ev.cyrillic:
        return "en"
    if ev.kk > ev.ru:
        return "kk"
    if ev.ru > ev.kk:
        return "ru"
    if ev.kk == 0 and ev.cyrillic >= 4:
        return "ru"  # four Cyrillic words without one Kazakh letter: not Kazakh
    return UNDETERMINED


def identify_all(sentences: Sequence[str], fallback: str = UNDETERMINED) -> list[str]:
    """One language per sentence; undecided sentences take the language of the whole.

    ``fallback`` (the document's language) is used when the joined text is undecided too;
    what is still undecided stays ``und``.
    """
    overall = identify(" ".join(sentences))
    if overall == UNDETERMINED:
        overall = fallback
    out: list[str] = []
    for sentence in sentences:
        lang = identify(sentence)
        out.append(overall if lang == UNDETERMINED else lang)
    return out
