"""Russian morphology from pymorphy3's dictionary (OpenCorpora), loaded on first use.

One analyzer for the process: the readings of names in other scripts ask it whether a
word is a known name, and the name finder of running text whether a word is a surname.
Importing pymorphy3 and loading its dictionary takes about half a second, so it is done
only when such a question is first asked.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from translit._util.cache import BoundedCache

# a Cyrillic word as written -> is it a surname the dictionary knows
_surnames: BoundedCache[str, bool] = BoundedCache(1 << 16)
#: The lowest score of pymorphy3's reading of a word as a surname that counts.
SURNAME_SCORE = 0.1


@cache
def analyzer() -> Any:  # (pymorphy3.MorphAnalyzer)
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


def dictionary_surname_form(word: str) -> bool:
    """Is ``word`` (Cyrillic, any case, maybe inflected: Лужкова, Зорькин) a form of a
    surname in pymorphy3's dictionary? Only words the dictionary holds count: its guesses
    at unknown words (any -ов word) are left to the callers' own ending rules. Also the
    surnames other countries' names share (Миллер): for running text, where the words
    around say it is a name (:func:`translit.names.lexicon.russian_only_surname` is
    the set of folds for evidence of a Russian name)."""
    found = _surnames.get(word)
    if found is None:
        low = word.lower()
        morph = analyzer()
        found = _surnames.put(
            word,
            morph.word_is_known(low)
            and any("Surn" in p.tag and p.score >= SURNAME_SCORE for p in morph.parse(low)),
        )
    return found
