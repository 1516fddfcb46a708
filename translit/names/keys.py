"""Match keys: one string shared by every spelling of the same name."""

from __future__ import annotations

import re
from functools import cache
from typing import Final

from translit._util.paths import data_path
from translit._util.tsv import read_tsv
from translit.names import origin
from translit.names.fold import DIGRAPHS, fold_token
from translit.names.gazetteer import Gazetteer, exact_form, lookup_key
from translit.names.lexicon import lexicon
from translit.names.literal import literal, literal_key, without_forms
from translit.names.parse import (
    Name,
    parse_name,
    plain_folds,
    split_brackets,
    split_suffix,
)
from translit.names.scripts import has_other_script, key_reading
from translit.names.session import GazetteerCaches, KeyHit, gazetteer_caches


def readable(fold_key: str) -> str:
    """A fold key with its sound symbols spelled as digraphs."""
    if fold_key.islower():  # no capital: no sound symbol (the common case, cheaply)
        return fold_key
    for symbol, digraph in DIGRAPHS:  # (a few replaces cost less than a translate
        if symbol in fold_key:  # with a table of multi-letter strings)
            fold_key = fold_key.replace(symbol, digraph)
    return fold_key


def _name_elements() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The folds of the Kazakh and Kyrgyz given names (given_kk.tsv, given_ky.tsv), in
    both their forms: the parts of compound given names (Нұр-Сұлтан, Әли-Асқар); and
    their beginnings of three letters or more (a word none of whose beginnings is one
    is no compound: the search stops there), and their last three letters (a word that
    ends otherwise is none: most surnames, -ов, -ин, -ко). Read once, into
    ``_ELEMENTS``."""
    found = set()
    for name in ("given_kk.tsv", "given_ky.tsv"):
        for _, row in read_tsv(data_path("names", name)):
            for column in ("kk", "ky", "ru"):
                if row.get(column):
                    found.add(lexicon().canonical(fold_token(row[column])))
    starts = {f[:i] for f in found for i in range(3, len(f) + 1)}
    ends = {f[-3:] for f in found if len(f) >= 3}
    loaded = (frozenset(found), frozenset(starts), frozenset(ends))
    _ELEMENTS.append(loaded)  # (a second thread's append is the same sets again)
    return loaded


# _name_elements, once read: a module global, which compiled code reads directly, where
# a cached function's call goes through the interpreter
_ELEMENTS: list[tuple[frozenset[str], frozenset[str], frozenset[str]]] = []


@cache
def _kazakh_forms() -> tuple[re.Pattern[str], dict[str, str]]:
    """The other folds of Kazakh name elements (``kazakh_russian_forms.tsv``) as a
    pattern that finds them where the table says (a word's start or end; its end, or
    before a surname ending), and the Kazakh fold of each."""
    forms: dict[str, str] = {}
    anywhere: list[str] = []
    at_end: list[str] = []
    for _, row in read_tsv(data_path("names", "kazakh_russian_forms.tsv")):
        other, kazakh = fold_token(row["other"]), fold_token(row["kazakh"])
        forms[other] = kazakh
        (anywhere if row["at"] == "both" else at_end).append(other)
    both = "|".join(sorted(anywhere, key=len, reverse=True))
    end = "|".join(sorted(at_end, key=len, reverse=True))
    # (a final й is no letter of the fold before -ев: Назарбоев is nasarboev)
    before = "|".join(sorted({f.removesuffix("i") for f in at_end}, key=len, reverse=True))
    # (an 'end' element ends a compound, after three letters or more: Боев is no Баев)
    pattern = (
        f"\\b({both})|({both})\\b|(?<=\\w\\w\\w)({end})\\b|(?<=\\w\\w\\w)({before})(?=[eo]va?\\b)"
    )
    for form in at_end:
        forms.setdefault(form.removesuffix("i"), forms[form].removesuffix("i"))
    return re.compile(pattern), forms


def kazakh_forms(folds: str) -> str:
    """A fold key with another spelling of a Kazakh name element (its Russian form, or
    the Uzbek and Tajik one) written in the Kazakh one, where ``kazakh_russian_forms.tsv``
    reads it (bulat, erbulat: bolat, erbolat; tleuberdi: tileuberdi; nazarboev:
    nazarbaev), in order again."""
    pattern, forms = _kazakh_forms()
    if pattern.search(folds) is None:  # (the common case: one search)
        return folds
    found = pattern.sub(lambda m: forms[next(g for g in m.groups() if g)], folds)
    return " ".join(sorted(found.split(" ")))


def split_compounds(folds: str) -> str:
    """A fold key (folds in order, space-separated) with each word made of two Kazakh or
    Kyrgyz given names of three letters or more split into them, in order again: one
    key for a compound given name written as one word, hyphenated or as two words
    (Nursultan, Nur-Sultan, Nur Sultan; Aliaskar, Ali-Askar); and Kazakh elements in
    their Kazakh form (:func:`kazakh_forms`)."""
    folds = kazakh_forms(folds)
    if len(folds) < 6:
        return folds
    elements, starts, ends = _ELEMENTS[0] if _ELEMENTS else _name_elements()
    out: list[str] = []
    split = False
    for word in folds.split(" "):
        # (a word of fewer than six letters, or that ends or begins as no name does,
        # is none: the common case, a slice or two and their lookups)
        if len(word) >= 6 and word[-3:] in ends and word[:3] in starts:
            head, tail = _compound(word, elements, starts)
            if tail:
                out += (head, tail)
                split = True
                continue
        out.append(word)
    return " ".join(sorted(out)) if split else folds


def _compound(word: str, elements: frozenset[str], starts: frozenset[str]) -> tuple[str, str]:
    """``word`` as two given names (beginning, rest), else (``word``, ``""``)."""
    for i in range(3, len(word) - 2):
        head = word[:i]
        if head not in starts:
            break  # (no longer beginning is a name's either)
        if head in elements and word[i:] in elements:
            return head, word[i:]
    return word, ""


def key_of(parsed: Name, gazetteer: Gazetteer) -> KeyHit:
    """The key of a parsed name and its gazetteer entry with a confidence: the key of
    its full words (:func:`name_key`) with its initials."""
    return name_key(parsed.folds, parsed.initials, gazetteer)


def key(name: str, gazetteer: Gazetteer | None = None) -> str:
    """A match key for ``name``: equal for spelling variants of the same name.

    Insensitive to script (Kazakh/Russian Cyrillic, Latin), romanization scheme, press
    conventions (English, German, French, Polish, Turkish, Spanish), case, punctuation,
    diacritics, titles, token order and patronymics (when the rest of the name is there).
    Names the gazetteer knows get the key of the entity, so former names and spellings
    of a known person or place meet. A Latin name that is not of Cyrillic origin (see
    :mod:`translit.names.origin`) gets a plain key: its words in lower case, unaccented, in
    alphabetical order; but for one whose evidence is above ``origin.KEY_THRESHOLD``
    (kept as written, yet maybe a Russian name: Sergei Shoigu), whose key is made of its
    folds as a Cyrillic-origin name's is.

    >>> key("Tokajew, K.-J.") == key("Қасым-Жомарт Тоқаев")
    True
    """
    caches = gazetteer_caches(gazetteer)
    gaz = caches.gazetteer
    if "(" in name or "（" in name or "[" in name:
        head, groups, _ = split_brackets(name)
        if head and groups:  # (a qualifier or a nickname: see bracketed_key)
            return f"{key(head, gazetteer)} {bracketed_key(groups)}".strip()
    if has_other_script(name):  # (Georgian, Armenian, Greek: read as the Cyrillic)
        name = key_reading(name)
    if kept(name, gaz):
        return kept_key(name, caches)
    return _folded(name, caches)


def bracketed_key(groups: str) -> str:
    """The key of the parts of a name in brackets, which follows its key: their words
    and numbers in lower case, as written, in order of the alphabet. A qualifier is
    not respelled as a name (Ivan Petrov (politician), ヴァレリ・ムンテアヌ （政治家）), and
    it tells namesakes apart: Otto (senior) Hess is not Otto Hess, nor Иван Петров
    (1965) Иван Петров (1970)."""
    return " ".join(sorted([w.casefold() for w in _BRACKET_WORD_RE.findall(groups)]))


_BRACKET_WORD_RE: Final = re.compile(r"\w+")


def kept_key(name: str, caches: GazetteerCaches) -> str:
    """The key of a name :func:`kept` as written: its plain key, or the key of its
    folds where ``origin.folded_key`` says so (no gazetteer entry: it has none)."""
    return _folded(name, caches) if origin.folded_key(name) else origin.plain_key(name)


def _folded(name: str, caches: GazetteerCaches) -> str:
    """The key made of the folds of ``name``'s words (and its gazetteer entry's)."""
    folds = plain_folds(name)
    if folds is not None:
        return folds_key(folds, caches)[0]
    if literal(name):  # (an organization's name, several names: word for word)
        return literal_key_of(name, caches.gazetteer)[0]
    head, suffix = split_suffix(name)
    if suffix:  # (Jr., PhD: as a part in brackets is, see bracketed_key)
        return f"{key(head, caches.gazetteer)} {bracketed_key(suffix)}"
    return key_of(parse_name(name), caches.gazetteer)[0]


def literal_key_of(name: str, gazetteer: Gazetteer) -> KeyHit:
    """The key of a name written word for word (:func:`translit.names.literal.literal`)
    and its gazetteer entry: the entity's, where the gazetteer knows its own name (less
    its legal form and quotation marks: АО «Казахтелеком» as Казахтелеком), else the
    folds of its words but the legal forms, in order of the alphabet."""
    found = key_of(parse_name(without_forms(name)), gazetteer)
    if found[1] is not None:
        return found
    return readable(literal_key(name)), None


def kept(name: str, gazetteer: Gazetteer) -> bool:
    """Is ``name`` passed through as written, with a plain key: a Latin name that is
    not of Cyrillic origin (:func:`translit.names.origin.cyrillic_origin`), nor a name the
    gazetteer knows: as written, or by its key (Mangystau, Kasachstan, Mishustin,
    Mikhail; a person only by a given name and surname that agree)?"""
    if origin.cyrillic_origin(name) or exact_form(name) in gazetteer.exact:
        return False
    return gazetteer.lookup(parse_name(name)) is None


def plain_key(name: Name, caches: GazetteerCaches) -> KeyHit:
    """:func:`key_of` for a name of plain words (see
    :func:`translit.names.parse.plain_words`: no initials)."""
    return folds_key(tuple([w.fold for w in name.words]), caches)


def folds_key(folds: tuple[str, ...], caches: GazetteerCaches) -> KeyHit:
    """:func:`name_key` of folds without initials, remembered per gazetteer (spellings
    of a name share their folds)."""
    found = caches.keys.data.get(folds)  # (the dict read directly: a hot loop)
    if found is not None:
        return found
    return caches.keys.put(folds, name_key(folds, (), caches.gazetteer))


def name_key(folds: tuple[str, ...], initials: tuple[str, ...], gazetteer: Gazetteer) -> KeyHit:
    """The key of a name's full words' ``folds`` and its ``initials``, and its gazetteer
    entry with a confidence: the one rule of "is this the same name?".

    The folds are looked up in the gazetteer by their
    :func:`~translit.names.gazetteer.lookup_key` (less the particles "son of",
    "daughter of", in order); a name it knows has its entity's key, any other that
    lookup key, compounds split (:func:`split_compounds`), then the first letters of
    its initials."""
    full = lookup_key(folds)
    hit = gazetteer.lookup_folds(full, folds, initials) if full else None
    if hit is not None:
        return readable(split_compounds(gazetteer.canonical_key[hit[0].id])), hit
    key = split_compounds(full)
    if initials:
        key += " " + "".join(sorted([i[:1] for i in initials]))
    return readable(key), None
