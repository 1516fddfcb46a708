"""Word-level facts for finding names in running text.

Two tables in ``data/names``:

- ``common_words.tsv``: capitalised common words that are not names (sentence-opening
  prepositions, adverbs, pronouns, role nouns; common nouns equal to a one-word
  gazetteer alias) and *organization markers* (партия, партиясы, party) that, next to
  a one-word alias, show that the alias is meant;
- ``case_endings.tsv``: Kazakh and Russian case endings, so that an inflected mention
  (Тоқаевтың, Астане) is found through its dictionary form (Тоқаев, Астана).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Final

from translit._util.cache import BoundedCache
from translit._util.paths import data_path
from translit._util.tsv import read_tsv
from translit.errors import SchemeDataError

_LANGS = ("kk", "ru", "en")
_KINDS = ("function", "adverb", "pronoun", "role", "noun", "adjective", "org-marker", "place-word")
#: A stem left after cutting an ending must keep at least this many letters.
MIN_STEM = 3
_APOSTROPHES = "'’ʼ"
#: Longest ending after an apostrophe taken as a suffix (Tokayev's, Tokayev'in).
_MAX_APOSTROPHE_SUFFIX = 4


@dataclass(frozen=True)
class CommonWords:
    """Capitalised common words (lower case), organization markers and place words."""

    words: frozenset[str]  # place words included
    markers: frozenset[str]
    places: frozenset[str]

    def is_common(self, word: str) -> bool:
        return word.lower() in self.words

    def is_place_word(self, word: str) -> bool:
        """A word like облысы, область, region (its dictionary form)."""
        return word.lower() in self.places

    def is_marker(self, word: str) -> bool:
        return word.lower() in self.markers


@cache
def common_words() -> CommonWords:
    """The table of ``data/names/common_words.tsv`` (loaded once)."""
    path = data_path("names", "common_words.tsv")
    words: set[str] = set()
    markers: set[str] = set()
    places: set[str] = set()
    for number, row in read_tsv(path, ("word", "lang", "kind")):
        word, lang, kind = row["word"].strip(), row["lang"], row["kind"]
        if not word or word != word.lower() or lang not in _LANGS or kind not in _KINDS:
            raise SchemeDataError(f"names/{path.name}:{number}: bad row {row}")
        (markers if kind == "org-marker" else words).add(word)
        if kind == "place-word":
            places.add(word)
    return CommonWords(frozenset(words), frozenset(markers), frozenset(places))


@dataclass(frozen=True)
class CaseEnding:
    """One case ending: ``ending`` written where the dictionary form has ``restore``."""

    ending: str
    restore: str
    lang: str
    case: str


@cache
def case_endings() -> tuple[CaseEnding, ...]:
    """Rows of ``data/names/case_endings.tsv``, longest ending first."""
    path = data_path("names", "case_endings.tsv")
    out: list[CaseEnding] = []
    for number, row in read_tsv(path, ("ending", "restore", "lang", "case")):
        ending = CaseEnding(row["ending"], row["restore"], row["lang"], row["case"])
        if not ending.ending or ending.lang not in ("kk", "ru") or not ending.case:
            raise SchemeDataError(f"names/{path.name}:{number}: bad row {row}")
        if not all("\u0400" <= ch <= "\u04ff" for ch in ending.ending + ending.restore):
            raise SchemeDataError(f"names/{path.name}:{number}: endings are Cyrillic")
        out.append(ending)
    return tuple(sorted(out, key=lambda e: -len(e.ending)))


def _is_cyrillic(word: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in word)


# a word -> its base_forms
_bases: Final[BoundedCache[str, tuple[tuple[str, str], ...]]] = BoundedCache(1 << 16)


def base_forms(word: str) -> tuple[tuple[str, str], ...]:
    """``(dictionary form, ending as written)`` readings of an inflected word, best first.

    >>> base_forms("Астане")[:2]
    (('Астан', 'е'), ('Астана', 'е'))

    The word itself is not included; the gazetteer or name patterns decide which
    reading, if any, is a name. Latin words with an apostrophe suffix (Tokayev's,
    Tokayev'in) give the part before the apostrophe.
    """
    found = _bases.get(word)
    if found is None:
        found = _bases.put(word, _base_forms(word))
    return found


def _base_forms(word: str) -> tuple[tuple[str, str], ...]:
    """:func:`base_forms` without its cache."""
    out: list[tuple[str, str]] = []
    if not _is_cyrillic(word):
        for mark in _APOSTROPHES:
            cut = word.rfind(mark)
            if 0 < cut and len(word) - cut - 1 <= _MAX_APOSTROPHE_SUFFIX:
                return ((word[:cut], word[cut:]),)
        return ()
    low = word.lower()
    upper = word.isupper() and len(word) > 1
    for item in case_endings():
        size = len(item.ending)
        if not low.endswith(item.ending) or len(word) - size < MIN_STEM:
            continue
        stem = word[:-size]
        if not stem[-1].isalpha():
            continue
        restore = item.restore.upper() if upper else item.restore
        reading = (stem + restore, word[-size:])
        if reading not in out:
            out.append(reading)
    return tuple(out)
