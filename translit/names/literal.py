"""Names written word for word: an organization's (ТОО «Казахтелеком», Kazakhtelecom
JSC, Иванов и партнёры) or several names in one value (Ivan Petrov; Olga Petrova).

A person's name is read into its shape: its surname found, its words reordered, a
patronymic or a father's name dropped. Done to an organization's name, that mangles it
(АО "Народный банк Казахстана" lost a word as a "father's name"; Иванов и партнёры became
Partneri Ivanov). A value with a legal form (``data/names/legal_forms.tsv``), quotation
marks, an ampersand, a semicolon or a conjunction between names is :func:`literal`: it
is written word for word, and its key is the folds of its words (less the legal form),
in order of the alphabet.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Final

from translit._util.paths import data_path
from translit._util.tsv import read_tsv
from translit.names.fold import fold_token

#: Marks of a value that is no one person's name: quotation marks, an ampersand, a
#: semicolon.
_MARKS: Final = frozenset('«»"“”„&;')
_WORD_RE: Final = re.compile(r"[^\W\d_]+")


@cache
def _forms() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(legal forms counted anywhere, legal forms counted as the last word only,
    conjunctions), lower case."""
    anywhere: set[str] = set()
    last: set[str] = set()
    conjunctions: set[str] = set()
    for _, row in read_tsv(data_path("names", "legal_forms.tsv")):
        word = row["word"]
        if row["kind"] == "conjunction":
            conjunctions.add(word)
        else:
            (last if row["at"] == "last" else anywhere).add(word)
    return frozenset(anywhere), frozenset(last), frozenset(conjunctions)


def stops_plain(word: str) -> bool:
    """Is ``word`` (as written) one that makes its name no plain name of words: a legal
    form counted anywhere, or a conjunction (the chunk reader sends such names to
    the general path, which asks :func:`literal`)?"""
    anywhere, _, conjunctions = _forms()
    return _legal(word, anywhere) or word in conjunctions


def _legal(word: str, forms: frozenset[str]) -> bool:
    """Is ``word`` (as written) one of the legal ``forms``? A Cyrillic one only in
    capitals: АҚ, АО, ИП are abbreviations, but ақ 'white' (Ақ жол) and ао are words."""
    low = word.lower()
    if low not in forms:
        return False
    return word.isupper() or word.isascii()


def literal(name: str) -> bool:
    """Is ``name`` written word for word: a legal form among its words (a two-letter
    Latin one as its last word), a conjunction in lower case between words, or a
    quotation mark, an ampersand or a semicolon?"""
    if not _MARKS.isdisjoint(name):
        return True
    anywhere, last, conjunctions = _forms()
    words = _WORD_RE.findall(name)
    for i, word in enumerate(words):
        if _legal(word, anywhere) or (_legal(word, last) and i == len(words) - 1 and i > 0):
            return True
        if word in conjunctions and 0 < i < len(words) - 1:
            return True
    return False


def literal_key(name: str) -> str:
    """The key of a :func:`literal` name: the folds of its words but its legal forms
    and conjunctions, in order of the alphabet."""
    anywhere, last, conjunctions = _forms()
    skip = anywhere | last
    words = _WORD_RE.findall(name)
    folds = [fold_token(w) for w in words if not _legal(w, skip) and w not in conjunctions]
    return " ".join(sorted([f for f in folds if f]))


def without_forms(name: str) -> str:
    """``name`` less its quotation marks and legal forms (for a gazetteer lookup of an
    organization's own name: АО «Казахтелеком» as Казахтелеком)."""
    anywhere, last, _ = _forms()
    words = [w for w in name.translate(_UNQUOTE).split() if not _legal(w.strip(".,"), anywhere)]
    if words and _legal(words[-1].strip(".,"), last):
        words = words[:-1]
    return " ".join(words)


_UNQUOTE: Final = str.maketrans(dict.fromkeys('«»"“”„', " "))
