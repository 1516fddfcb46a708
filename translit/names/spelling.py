"""Cyrillic forms for the words of a name: from the lexicon, else spelled out.

A name the gazetteer does not know is rendered in a house style through Cyrillic:
each word becomes its lexicon form (*Tokajew* -> Тоқаев) or, for a word the lexicon
does not know, a Cyrillic spelling read off its fold (*Saoudabaïev*, *Saudabayev*,
*Саудабаев* -> саудабаев). Every spelling of a word folds alike, so every spelling
of a name comes out alike in the chosen style.
"""

from __future__ import annotations

from typing import Final, NamedTuple

from translit.letters import has_cyrillic, has_kazakh
from translit.names.fold import TO_CYRILLIC, spell_prepared
from translit.names.lexicon import LexiconEntry
from translit.names.parse import CYRILLIC, INITIAL, Name, word_convention

# й before а, у, е is written я, ю, е (Толстайа -> Толстая, Кулийев -> Кулиев), and
# is not written before и (Арайик -> Араик)
_IOTATED: Final = (("йа", "я"), ("йу", "ю"), ("йе", "е"), ("йи", "и"))


def _cyrillic_of_spelling(spelled: str) -> str:
    """A spelling (:func:`translit.names.fold.spell_prepared`) in Cyrillic letters."""
    cyr = spelled.translate(TO_CYRILLIC)
    if "й" in cyr:
        for pair, letter in _IOTATED:
            cyr = cyr.replace(pair, letter)
    return cyr


def lexicon_form(entry: LexiconEntry | None, russian_forms: bool) -> str:
    """The Cyrillic form that a style writes for a word with this lexicon entry (``""``
    where it has none, see :func:`translit.names.parse.lexicon_entry`): the Russian form
    of a Kazakh name where the style romanizes Kazakh names from it (``russian_forms``,
    see :class:`translit.names.style.Style`) and the name lists give one (Ильясова for
    Ілиясова), else the entry's own form. The name stays a Kazakh one (``entry.kazakh``):
    its Russian form is romanized by the style's Kazakh scheme. The one choice of the
    form, for both the fast path (:mod:`translit.names.normalize`) and
    :func:`reconstruct`."""
    if entry is None:
        return ""
    if russian_forms and entry.russian:
        return entry.russian
    return entry.cyrillic


def word_cyrillic(word: str, flags: int, form: str, hint: str = "") -> str:
    """One word of a name in Cyrillic, told its parser flags and its lexicon form
    ``form`` (``""`` if none, see :func:`translit.names.parse.lexicon_entry`): that form,
    else the word spelled off its fold (the word itself when it has nothing to spell),
    read by the convention ``hint`` of the rest of its name where it shows none;
    capitalized, or in capitals like the word."""
    if form:
        return cased_like(form, word)
    spelled = spell_prepared(word, bool(flags & CYRILLIC), word_convention(flags), hint)
    cyr = _cyrillic_of_spelling(spelled)
    return cased_like(cyr, word) if cyr else word


def cased_like(cyr: str, word: str) -> str:
    """``cyr`` (a word's Cyrillic form) in capitals like ``word``, else capitalized."""
    if len(word) > 1 and word.isupper():
        return cyr.upper()
    if cyr[0].isupper():  # (most lexicon forms: the very string, its hash known)
        return cyr
    return cyr[:1].upper() + cyr[1:]


def name_convention(parsed: Name) -> str:
    """The one spelling convention the full words of a name show, else ``""``."""
    flags = 0
    for w in parsed.words:
        if not w.flags & INITIAL:
            flags |= w.flags
    return word_convention(flags)


class Reconstruction(NamedTuple):
    """A name with its words in Cyrillic (:func:`reconstruct`)."""

    text: str
    found: int  # words the lexicon knew
    total: int  # words put in Cyrillic
    kazakh: bool  # a word is a Kazakh name, or the text has Kazakh letters


def reconstruct(
    parsed: Name, text: str, all_words: bool, russian_forms: bool = False
) -> Reconstruction:
    """The name with its words in Cyrillic.

    Latin words become their lexicon form (:func:`lexicon_form`: the Russian form of a
    Kazakh name where ``russian_forms``), else their spelled-out form. Cyrillic words
    are kept unless ``all_words``, which treats them like Latin ones so that every
    script and spelling of a name meets in one form. ``kazakh``: the name is to be
    romanized as a Kazakh one: a word's lexicon entry is a Kazakh name, or the text
    has Kazakh letters.
    """
    if not parsed.words:
        return Reconstruction(text, 0, 0, has_kazakh(text))
    hint = name_convention(parsed)
    pieces = []
    last = 0
    found = total = 0
    kazakh = False
    for word in parsed.words:
        pieces.append(text[last : word.start])
        last = word.end
        if word.flags & INITIAL or (not all_words and has_cyrillic(word.word)):
            pieces.append(word.word)
            continue
        total += 1
        form = lexicon_form(word.entry, russian_forms)
        found += bool(form)
        if form and word.entry is not None and word.entry.kazakh:
            kazakh = True
        pieces.append(word_cyrillic(word.word, word.flags, form, hint))
    pieces.append(text[last : parsed.words[-1].end])
    out = "".join(pieces)[parsed.words[0].start :]
    return Reconstruction(out, found, total, kazakh or has_kazakh(out))
