"""Is this the same name? The one answer, for keys, match, running text and translation.

Words are compared by their *word keys*: the fold of the word (:mod:`translit.names.fold`: one
spelling-independent form for every script and convention) after the lexicon's
convention repair (:meth:`translit.names.lexicon.Lexicon.canonical`: *Jomart* and *Schomart*
are Жомарт). Two words are the same word when their word keys are equal (*Tokayev*,
*Toqaev*, *Tokajew*, *Тоқаев*); a name's match key is made of its words' keys
(:mod:`translit.names.keys`; the name parser computes them in its own loop), so two names are
the same name when their keys are equal.

A word written in a way no convention explains (a translation model's *Nazarbayv* for
*Nazarbaev*, or the word with a case ending, *Toqaevtyng* for *Tokayev*) is *like*
another when their word keys are near: :func:`likeness`, :func:`like` and
:func:`inflected_stem`. :mod:`translit.names.match` scores whole names with the same
measure (:func:`spelling_likeness`).
"""

from __future__ import annotations

from difflib import SequenceMatcher
from typing import Final

from translit.names.fold import VOWELS, fold_token
from translit.names.lexicon import lexicon

#: Two words are alike when the likeness of their word keys is at least this.
LIKE: Final = 0.8
#: A word may carry a case ending of up to this many letters that the same word written
#: elsewhere lacks (Kazakh -тың, -ға, -дан; Russian -а, -ым, -ой).
INFLECTION: Final = 4


def word_key(word: str, hint: str = "") -> str:
    """The word key of one word: its fold after the lexicon's convention repair
    (``hint``: the convention the rest of its name shows, see
    :func:`translit.names.fold.fold_token`); ``""`` if it has no letters."""
    return lexicon().canonical(fold_token(word, hint))


def same_word(a: str, b: str) -> bool:
    """Are ``a`` and ``b`` the same word, in any script and convention (Tokayev for
    Тоқаев; not Russia for Ресей)?"""
    return word_key(a) == word_key(b)


def spelling_likeness(key_a: str, key_b: str) -> float:
    """How alike two keys (of words or names) are spelled, in [0, 1]: the share of
    their letters that line up."""
    return SequenceMatcher(None, key_a, key_b).ratio()


def same_consonants(key_a: str, key_b: str) -> bool:
    """Do two keys differ only in their vowels (or not at all)?"""
    return _consonants(key_a) == _consonants(key_b)


def _consonants(key: str) -> str:
    return "".join([c for c in key if c not in VOWELS])


def likeness(a: str, b: str) -> float:
    """How alike two words are, in [0, 1]: the :func:`spelling_likeness` of their word
    keys, 0 where they start with different sounds."""
    key_a, key_b = word_key(a), word_key(b)
    if not key_a or not key_b or key_a[0] != key_b[0]:
        return 0.0
    return spelling_likeness(key_a, key_b)


def like(a: str, b: str) -> bool:
    """Are ``a`` and ``b`` spellings of the same word (Tokaev and Toqaev)?"""
    return likeness(a, b) >= LIKE


def inflected_stem(word: str, base: str) -> str | None:
    """The start of ``word`` that spells ``base`` when ``word`` only adds a case ending
    (``Toqaev`` for ``Toqaevtyng`` and ``Tokayev``); else None.

    Of the starts alike to ``base``, the most alike wins, then the one nearest it in
    length (folding writes some letter groups as one letter: *Aizhang* folds like
    *Aizhan*)."""
    size, full = len(fold_token(base)), len(fold_token(word))
    if len(word_key(base)) < 4 or full > size + INFLECTION:
        return None
    if len(word) <= len(base) and full <= size:
        return None  # (no letters to spare for an ending)
    best: tuple[float, int, str] | None = None
    for end in range(1, len(word)):
        stem = word[:end]
        stem_size = len(fold_token(stem))
        if stem_size < max(size - 1, 4) or stem_size > size + 1:
            continue
        score = likeness(stem, base)
        rank = (score, -abs(len(stem) - len(base)), stem)
        if score >= LIKE and (best is None or rank[:2] > best[:2]):
            best = rank
    return best[2] if best is not None else None


def like_or_inflected(word: str, base: str) -> bool:
    """Is ``word`` a spelling of ``base``, maybe with a case ending?"""
    return like(word, base) or inflected_stem(word, base) is not None
