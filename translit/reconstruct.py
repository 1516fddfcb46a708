"""Cyrillic forms for the words of a name: from the lexicon, else spelled out.

A name the gazetteer does not know is rendered in a house style through Cyrillic:
each word becomes its lexicon form (*Tokajew* -> Тоқаев) or, for a word the lexicon
does not know, a Cyrillic spelling read off its fold (*Saoudabaïev*, *Saudabayev*,
*Саудабаев* -> саудабаев). Every spelling of a word folds alike, so every spelling
of a name comes out alike in the chosen style.
"""

from __future__ import annotations

from typing import Final

from translit.fold import TO_CYRILLIC, convention, spell_prepared, spell_token
from translit.lexicon import lexicon
from translit.nameparse import CYRILLIC, VARIANT, ParsedName, Plain, as_the_name, word_convention
from translit.text import has_cyrillic

# й before а, у, е is written я, ю, е (Толстайа -> Толстая, Кулийев -> Кулиев), and
# is not written before и (Арайик -> Араик)
_IOTATED: Final = (("йа", "я"), ("йу", "ю"), ("йе", "е"), ("йи", "и"))


def _cyrillic_of_spelling(spelled: str) -> str:
    """A spelling (:func:`translit.fold.spell_token`) in Cyrillic letters."""
    cyr = spelled.translate(TO_CYRILLIC)
    if "й" in cyr:
        for pair, letter in _IOTATED:
            cyr = cyr.replace(pair, letter)
    return cyr


def spelled_cyrillic(word: str, hint: str = "") -> str:
    """A lower-case Cyrillic spelling of one word, read off its fold (``""`` if none)."""
    return _cyrillic_of_spelling(spell_token(word, hint))


def spelled_plain(word: Plain, hint: str = "") -> str:
    """What :func:`word_cyrillic` gives for a plain word (see
    :func:`translit.nameparse.plain_words`) the lexicon does not know, from what the
    parser found of it: the word spelled off its fold, cased like it, or the word
    itself when it has nothing to spell."""
    cyrillic = bool(word.flags & CYRILLIC)
    spelled = spell_prepared(word.word, cyrillic, word_convention(word), hint)
    cyr = _cyrillic_of_spelling(spelled)
    return cased_like(cyr, word.word) if cyr else word.word


def word_cyrillic(word: str, fold: str, hint: str = "") -> tuple[str, bool]:
    """One word of a name in Cyrillic, and whether the lexicon knew it.

    The lexicon form of ``fold``, else the word spelled off its fold (the word itself
    when it has nothing to spell); capitalized, or in capitals like the word.
    """
    cyr = lexicon().cyrillic.get(fold)
    known = cyr is not None
    if cyr is None:
        cyr = spelled_cyrillic(word, hint)
        if not cyr:
            return word, False
    return cased_like(cyr, word), known


def cased_like(cyr: str, word: str) -> str:
    """``cyr`` (a word's Cyrillic form) in capitals like ``word``, else capitalized."""
    if len(word) > 1 and word.isupper():
        return cyr.upper()
    if cyr[0].isupper():  # (most lexicon forms: the very string, its hash known)
        return cyr
    return cyr[:1].upper() + cyr[1:]


def name_convention(parsed: ParsedName) -> str:
    """The one spelling convention the Latin words of a name show, else ``""``."""
    shown = {convention(t.text) for t in parsed.tokens if not t.initial}
    shown.discard("")
    return shown.pop() if len(shown) == 1 else ""


def reconstruct(parsed: ParsedName, text: str, all_words: bool) -> tuple[str, int, int]:
    """The name with its words in Cyrillic: (text, words the lexicon knew, words).

    Latin words become their lexicon form, else their spelled-out form. Cyrillic words
    are kept unless ``all_words``, which treats them like Latin ones so that every
    script and spelling of a name meets in one form.
    """
    if not parsed.tokens:
        return text, 0, 0
    hint = name_convention(parsed)
    pieces = []
    last = 0
    found = total = 0
    for token in parsed.tokens:
        pieces.append(text[last : token.start])
        last = token.end
        if token.initial or (not all_words and has_cyrillic(token.text)):
            pieces.append(token.text)
            continue
        total += 1
        # (another language's form of a name is spelled as written, not as the name,
        # but for Ukrainian and Belarusian Cyrillic ones: see as_the_name)
        variant = token.flags & VARIANT and not as_the_name(token.text, token.flags)
        fold = "" if variant else token.fold
        cyr, known = word_cyrillic(token.text, fold, hint)
        found += known
        pieces.append(cyr)
    pieces.append(text[last : parsed.tokens[-1].end])
    return "".join(pieces)[parsed.tokens[0].start :], found, total
