"""Names in running text: find them, and rewrite each in a house style.

Finding
    Candidates are runs of capitalised words separated by single spaces (initials with
    a dot allowed; a one-letter word without a dot, such as the Russian preposition
    ``В``, never joins a run). At each word of a run:

    1. **Gazetteer.** The longest stretch (up to six words) that the gazetteer knows is
       a name with its entity. A leading title is left out of the span (``Президент
       Тоқаев`` gives ``Тоқаев``). A person matched only loosely (the gazetteer lets one
       given name differ) loses words at its edges that are no part of that person's
       names (``Кеше Қасым-Жомарт Тоқаев`` gives ``Қасым-Жомарт Тоқаев``).
    2. **Common words.** A word of ``data/names/common_words.tsv`` (prepositions,
       adverbs, pronouns, role nouns: ``Вчера``, ``Кеше``, ``Activist``) is not a name;
       nor is the first word of a sentence that no name table knows and that does not
       end like a surname. ``Вчера Иванов`` gives ``Иванов``.
    3. **Patterns.** Otherwise words up to the last one that ends like a surname
       (``Серікжан Сейітжанов``), followed only by known given names (passport order),
       are the name of a person the gazetteer does not know. A pattern stops at a word
       that is a place or organization on its own (``Айгүл Сейітова Семейде``). A lone
       word is a name only with a clear surname ending (-ов, -ева, -ұлы ...).

One-word organizations
    A one-word alias of an organization (party, company, media, agency) that is also a
    common word (``Ауыл``: the party Auyl, and 'village'; ``Алға``, ``Власть``) is
    taken as the organization only with evidence: in quotes (``«Ауыл»``), in capitals
    (``АУЫЛ``), or next to a word naming a kind of organization (``партия Ауыл``,
    ``Ауыл партиясы``, ``the Auyl party``). A word counts as common when the table lists
    it or when the same text uses it in lower case. A one-word place that is a common
    word needs the same evidence at the start of a sentence only.

Case endings
    Kazakh and Russian put case endings on names (``Тоқаевтың``, ``Назарбаевқа``,
    ``Алматыда``, ``Токаева``, ``Астане``). A word is also looked up through its
    dictionary forms (``data/names/case_endings.tsv``); the span covers the whole
    written word and records the dictionary form (:attr:`NameSpan.base`) and the
    ending (:attr:`NameSpan.ending`). Policy:

    - :func:`render_mention` renders the dictionary form (``Тоқаевтың`` -> ``Toqaev``):
      what a translation or a list of names needs;
    - :func:`normalize_text` keeps the sentence's grammar: the rendering with the ending
      written in the same style (``Toqaevtyn``, ``Astane``; in Cyrillic styles the
      ending as written). When several words of a name carry endings (Russian
      ``Нурсултана Назарбаева``), the dictionary form is written.

Everything outside the names is left byte for byte.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from itertools import islice, product
from typing import Any, NamedTuple

from translit._util.cache import BoundedCache
from translit.letters import KK_TO_RU, detect_language, has_cyrillic
from translit.names.gazetteer import Entity, Gazetteer, bundled_gazetteer, exact_form, lookup_key
from translit.names.lexicon import lexicon
from translit.names.morph import dictionary_surname_form
from translit.names.normalize import analyze, render_cyrillic, render_entity
from translit.names.parse import (
    Name,
    _has_patronymic_ending,
    _has_surname_ending,
    parse_name,
    titles,
)
from translit.names.samename import same_word
from translit.names.session import gazetteer_caches
from translit.names.style import Style, get_style
from translit.text.ner import person_spans
from translit.text.words import base_forms, common_words

_LETTER = r"(?:[^\W\d_]|[\u0300-\u036f])"
_WORD_RE = re.compile(f"{_LETTER}+(?:['’ʼ-]{_LETTER}+)*\\.?")
_MAX_WORDS = 6
_MAX_MIXES = 16  # readings tried per candidate
_GAPS = (" ", "\u00a0")
_OPENERS = "«“„\"'‘‚‹([{—–-•*>#"
_CLOSERS = "»”\"'’›)]}"
_QUOTES_BEFORE = "«“„\"'‘‚‹"
_QUOTES_AFTER = "»”“\"'’›"
_SENTENCE_END = ".!?…:"
_LOOKBACK = 64
PLACE_TYPES = frozenset(
    {"city", "town", "village", "region", "district", "country", "river", "lake", "sea",
     "reservoir", "mountain", "area"}
)  # fmt: skip
#: Surname endings clear enough for a lone word to be taken as a surname.
_STRONG_ENDINGS = (
    "ов", "ев", "ёв", "ова", "ева", "ёва", "ұлы", "қызы", "улы", "кызы",
    "ov", "ev", "ova", "eva", "uly", "kyzy",
)  # fmt: skip


@dataclass(frozen=True)
class NameSpan:
    """A name found in text.

    ``base`` is the name in its dictionary form when the mention carries a case ending
    (``Тоқаев`` for ``Тоқаевтың``), else empty; ``ending`` is the ending of the last
    word as written (``тың``), else empty.
    """

    start: int
    end: int
    text: str
    entity: str | None
    kind: str  # gazetteer | pattern
    base: str = ""
    ending: str = ""

    @property
    def name(self) -> str:
        """The name in its dictionary form."""
        return self.base or self.text

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


class _Word(NamedTuple):
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class _Info:
    """What the tables say about one written word."""

    readings: tuple[tuple[str, str], ...]  # (dictionary form, ending): the word first
    common: bool  # a capitalised common word
    known: bool  # a name table knows it (or it ends like a surname)
    given: bool  # a known given name or a patronymic
    surname: int  # index of the reading that ends like a surname, -1 if none
    strong: bool  # that reading has a clear surname ending
    place: bool  # on its own, a place or organization of the gazetteer
    listed: tuple[tuple[str, str], ...]  # readings whose every fold is in a gazetteer name


class _Hit(NamedTuple):
    first: int  # word indices [first, last)
    last: int
    entity: Entity
    readings: tuple[tuple[str, str], ...]


def _strong(word: str) -> bool:
    low = word.lower()
    return any(low.endswith(e) and len(low) > len(e) + 2 for e in _STRONG_ENDINGS)


class _Finder:
    """Name finding against one gazetteer, with per-word and per-candidate caches."""

    def __init__(self, gaz: Gazetteer) -> None:
        self.gaz = gaz
        self.lookups: BoundedCache[str, tuple[Entity, Name, bool] | None] = BoundedCache(1 << 18)
        self.infos: BoundedCache[str, _Info] = BoundedCache(1 << 18)
        self.entity_folds: dict[str, frozenset[str]] = {}
        self.name_folds = frozenset(gaz.fold_kinds)  # (every fold of a gazetteer name)

    # -- tables --------------------------------------------------------------------------

    def lookup(self, name: str) -> tuple[Entity, Name, bool] | None:
        """``(entity, parsed, exact)`` for a name, cached; exact: a known form's key."""
        if name in self.lookups:
            return self.lookups[name]
        parsed = parse_name(name)
        hit = self.gaz.lookup(parsed, mention=True)  # (None for a name of no full word)
        exact = hit is not None and lookup_key(parsed.folds) in self.gaz.by_key
        return self.lookups.put(name, None if hit is None else (hit[0], parsed, exact))

    def folds_of(self, entity: Entity) -> frozenset[str]:
        folds = self.entity_folds.get(entity.id)
        if folds is None:
            folds = frozenset(f for n in entity.names() for f in parse_name(n).folds)
            self.entity_folds[entity.id] = folds
        return folds

    def info(self, word: str) -> _Info:
        info = self.infos.get(word)
        if info is None:
            info = self.infos.put(word, self._info(word))
        return info

    def _info(self, word: str) -> _Info:
        readings = ((word, ""), *base_forms(word))
        lex = lexicon()
        folds = [f for form, _ in readings for f in parse_name(form).folds]
        given = any(f in lex.given for f in folds) or _has_patronymic_ending(word)
        known = given or any(f in self.name_folds or lex.reconstruct(f) is not None for f in folds)
        surname = -1
        for i, (form, _) in enumerate(readings):
            if _strong(form) and (surname < 0 or not _strong(readings[surname][0])):
                surname = i
            elif surname < 0 and _has_surname_ending(form):
                surname = i
        # a surname of the Russian dictionary counts as a clear one (Зорькин, Гельфанда:
        # measured on Russian news, bench/text_names.py), in its dictionary form where
        # one is known
        dictionary = has_cyrillic(word) and (surname < 0 or not _strong(readings[surname][0]))
        if dictionary:
            found = [i for i, (form, _) in enumerate(readings) if dictionary_surname_form(form)]
            dictionary = bool(found)
            if found:
                surname = next((i for i in found if i > 0), found[0])
        listed = tuple(
            (form, ending)
            for form, ending in readings
            if (fs := parse_name(form).folds) and all(f in self.name_folds for f in fs)
        )
        place = False
        for form, _ in listed:
            hit = self.lookup(form)
            if hit is not None and not hit[0].is_person:
                place = True
                break
        return _Info(
            readings=readings,
            common=any(common_words().is_common(form) for form, _ in readings),
            known=known or surname >= 0,
            given=given,
            surname=surname,
            strong=surname >= 0 and (dictionary or _strong(readings[surname][0])),
            place=place,
            listed=listed,
        )

    # -- gazetteer -----------------------------------------------------------------------

    def _combos(self, words: list[_Word]) -> Iterator[tuple[tuple[str, str], ...]]:
        """Readings of a candidate that the gazetteer may know, the written form first.

        Only readings whose every fold is in some gazetteer name are tried (a word with
        none keeps its written form); a candidate with two or more such unknown words
        cannot be a gazetteer name (a loose person match lets one word differ), and is
        not looked up at all. Mixed readings cover agreement (Нурсултана Назарбаева,
        Атырауской области)."""
        options: list[tuple[tuple[str, str], ...]] = []
        unknown = 0
        for w in words:
            info = self.info(w.text)
            if info.listed:
                options.append(info.listed)
            else:
                unknown += 1
                options.append(((w.text, ""),))
        if unknown > 1 or (unknown and len(words) == 1):
            return
        yield from islice(product(*options), _MAX_MIXES)

    def _hit(self, words: list[_Word]) -> tuple[Entity, int, tuple[tuple[str, str], ...]] | None:
        """``(entity, words taken by a title, readings)`` of the first reading that hits."""
        for combo in self._combos(words):
            base = " ".join(form for form, _ in combo)
            found = self.lookup(base)
            if found is None:
                continue
            entity, parsed, exact = found
            skip = 0
            if parsed.words and len(parsed.text) == len(base):
                skip = base[: parsed.words[0].start].count(" ")
            loose = not exact and entity.is_person
            if loose and (
                len(set(parsed.folds)) < len(parsed.folds) or not self._tight(entity, combo, skip)
            ):
                continue  # Тоқаев Тоқаев is not one name
            return entity, skip, combo
        return None

    def _tight(self, entity: Entity, combo: tuple[tuple[str, str], ...], skip: int) -> bool:
        """A loose person match whose edge words belong to the person's names."""
        folds = self.folds_of(entity)
        words = combo[skip:]
        for form, _ in (words[0], words[-1]) if len(words) > 1 else ():
            if not any(f in folds for f in parse_name(form).folds):
                return False
        return True

    def gazetteer_at(self, run: list[_Word], i: int) -> _Hit | None:
        """The longest gazetteer name starting at word ``i`` (after a title)."""
        for j in range(min(len(run), i + _MAX_WORDS), i, -1):
            found = self._hit(run[i:j])
            if found is None:
                continue
            entity, skip, combo = found
            if skip >= j - i:
                continue
            return _Hit(i + skip, j, entity, combo[skip:])
        return None

    def organization(self, word: str) -> tuple[Entity, tuple[str, str]] | None:
        """The one organization among the entities a word's readings are ambiguous
        between (Алға: the party and the town), with that reading."""
        for form, ending in self.info(word).readings:
            parsed = parse_name(form)
            ids = self.gaz.by_key.get(lookup_key(parsed.folds), []) if parsed.folds else []
            orgs = [self.gaz.entities[e] for e in ids if _is_organization(self.gaz.entities[e])]
            if len(ids) > 1 and len(orgs) == 1:
                return orgs[0], (form, ending)
        return None

    def reading(self, word: str) -> tuple[str, str]:
        """(dictionary form, ending) of one word of a person's name: its reading as a
        surname, else as a known given name or patronymic, else as written."""
        info = self.info(word)
        if info.surname >= 0:
            return info.readings[info.surname]
        if info.given:
            given = lexicon().given
            for form, ending in info.readings[1:]:
                if any(f in given for f in parse_name(form).folds):
                    return form, ending
        return word, ""

    # -- patterns ------------------------------------------------------------------------

    def pattern_at(self, run: list[_Word], i: int) -> tuple[int, tuple[str, str]] | None:
        """``(end word index, reading of the surname word)`` of a person pattern at ``i``."""
        stop = i
        while stop < min(len(run), i + _MAX_WORDS):
            info = self.info(run[stop].text)
            if info.common or (info.place and stop > i):
                break
            stop += 1
        last = max((k for k in range(i, stop) if self.info(run[k].text).surname >= 0), default=-1)
        if last < 0:
            return None
        end = last + 1
        while end < stop and self.info(run[end].text).given:
            end += 1
        info = self.info(run[last].text)
        if end - i == 1 and not info.strong:
            return None
        if end - i == 1 and info.place:
            return None
        reading = info.readings[info.surname] if end == last + 1 else (run[end - 1].text, "")
        return end, reading


def _finder(gaz: Gazetteer) -> _Finder:
    """The finder of a gazetteer, kept by the gazetteer's caches (translit.session)."""
    caches = gazetteer_caches(gaz)
    finder = caches.finder
    if not isinstance(finder, _Finder):
        finder = _Finder(gaz)
        caches.finder = finder
    return finder


# -- text ----------------------------------------------------------------------------------


def _words(text: str) -> Iterator[_Word]:
    for m in _WORD_RE.finditer(text):
        word, start, end = m.group(), m.start(), m.end()
        if word.endswith(".") and len(word.rstrip(".")) > 3:
            end -= 1  # sentence full stop, not an initial
            word = word[:-1]
        yield _Word(start, end, word)


def _runs(text: str, lower: set[str]) -> list[list[_Word]]:
    """Runs of capitalised words separated only by a space, with a lower-case place word
    that follows (облысы, области); fills ``lower`` with the lower-case words of the text."""
    runs: list[list[_Word]] = []
    current: list[_Word] = []
    for word in _words(text):
        first = word.text[:1]
        capital = first.isupper() and (len(word.text) > 1 or text[word.end : word.end + 1] == ".")
        if not capital and first.islower():
            lower.add(word.text)
        joined = bool(current) and text[current[-1].end : word.start] in _GAPS
        if capital and joined:
            current.append(word)
            continue
        if joined and _place_word(word.text):  # Атырау облысы, Атырауской области
            current.append(word)
            runs.append(current)
            current = []
            continue
        if current:
            runs.append(current)
        current = [word] if capital else []
    if current:
        runs.append(current)
    return runs


def _place_word(word: str) -> bool:
    table = common_words()
    return table.is_place_word(word) or any(table.is_place_word(f) for f, _ in base_forms(word))


def _sentence_start(text: str, pos: int) -> bool:
    """Whether ``pos`` starts a sentence, a line or a quotation."""
    k = pos
    limit = max(0, pos - _LOOKBACK)
    while k > limit and (text[k - 1].isspace() or text[k - 1] in _OPENERS):
        if text[k - 1] == "\n":
            return True
        k -= 1
    if k == 0:
        return True
    while k > limit and text[k - 1] in _CLOSERS:
        k -= 1
    return text[k - 1] in _SENTENCE_END


def _evidence(text: str, start: int, end: int, markers: tuple[str, str]) -> bool:
    """Quotes around, capitals, or an organization word next to a one-word mention."""
    word = text[start:end]
    if len(word) > 1 and word.isupper():
        return True
    if start > 0 and text[start - 1] in _QUOTES_BEFORE and text[end : end + 1] in _QUOTES_AFTER:
        return True
    table = common_words()
    return any(table.is_marker(m) for m in markers if m)


def _neighbours(text: str, start: int, end: int) -> tuple[str, str]:
    """The words just before and after a span (across spaces and quotes)."""
    before = re.search(r"(\w+)[\s«“„\"']*$", text[max(0, start - _LOOKBACK) : start])
    after = re.match(r"[\s»”“\"']*(\w+)", text[end : end + _LOOKBACK])
    return (before.group(1) if before else "", after.group(1) if after else "")


def _ner_persons(text: str) -> dict[int, int] | None:
    """The person mentions natasha finds in ``text`` (start -> end), where the text is
    Russian and natasha is installed; else ``None``."""
    if not has_cyrillic(text) or detect_language(text) != "ru":
        return None
    found = person_spans(text)
    return None if found is None else dict(found)


def _ner_end(run: list[_Word], i: int, persons: dict[int, int]) -> int:
    """The index after the last word of ``run`` in a person mention that starts at word
    ``i``; ``i`` where none does (or it ends inside a word)."""
    end = persons.get(run[i].start)
    if end is None:
        return i
    for k in range(i, len(run)):
        if run[k].end == end:
            return k + 1
        if run[k].end > end:
            break
    return i


def find_names(text: str, gazetteer: Gazetteer | None = None, ner: bool = True) -> list[NameSpan]:
    """Names of people, places and organizations in ``text``, in order.

    In Russian text, with natasha installed (see :mod:`translit.text.ner`) and ``ner``,
    the persons that the gazetteer does not know are the ones natasha's NER finds, in
    place of the patterns (but for runs of words in capitals, which it does not read)."""
    gaz = gazetteer if gazetteer is not None else bundled_gazetteer()
    finder = _finder(gaz)
    lower: set[str] = set()
    runs = _runs(text, lower)
    spans: list[NameSpan] = []
    persons = _ner_persons(text) if ner else None
    for run in runs:
        lead = _sentence_start(text, run[0].start)
        # (natasha's NER does not read a run in capitals: ИВАНОВ ИВАН)
        caps = persons is not None and all(w.text.isupper() for w in run)
        i = 0
        while i < len(run):
            hit = finder.gazetteer_at(run, i)
            if hit is None:
                hit = _marked_organization(text, finder, run, i)
            if hit is not None and not _accepted(text, hit, run, lead and hit.first == 0, lower):
                hit = None
            if hit is not None:
                spans.append(_span(text, run, hit.first, hit.last, hit.entity.id, hit.readings))
                i, lead = hit.last, False
                continue
            if persons is not None and not caps:
                end = _ner_end(run, i, persons)
                if end > i:
                    readings = tuple(finder.reading(w.text) for w in run[i:end])
                    spans.append(_span(text, run, i, end, None, readings, pattern=True))
                    i, lead = end, False
                else:
                    i, lead = i + 1, False
                continue
            info = finder.info(run[i].text)
            if info.common or (lead and not info.known) or run[i].text.lower() in lower:
                i += 1
                lead = False
                continue
            pattern = finder.pattern_at(run, i)
            if pattern is not None:
                end, reading = pattern
                readings = (*((w.text, "") for w in run[i : end - 1]), reading)
                spans.append(_span(text, run, i, end, None, readings, pattern=True))
                i, lead = end, False
                continue
            i, lead = i + 1, False
    return spans


def _is_organization(entity: Entity) -> bool:
    return not entity.is_person and entity.type not in PLACE_TYPES


def _marked_organization(text: str, finder: _Finder, run: list[_Word], i: int) -> _Hit | None:
    """A one-word name shared by an organization and a place, next to an organization
    word (Алға партиясы): the organization."""
    word = run[i]
    found = finder.organization(word.text)
    if found is None:
        return None
    if not any(common_words().is_marker(m) for m in _neighbours(text, word.start, word.end)):
        return None
    return _Hit(i, i + 1, found[0], (found[1],))


def _accepted(text: str, hit: _Hit, run: list[_Word], lead: bool, lower: set[str]) -> bool:
    """Whether a one-word place or organization that is also a common word is meant."""
    if hit.entity.is_person or hit.last - hit.first != 1:
        return True
    word = run[hit.first]
    if not (common_words().is_common(word.text) or word.text.lower() in lower):
        return True
    if not _is_organization(hit.entity) and not lead:
        return True
    return _evidence(text, word.start, word.end, _neighbours(text, word.start, word.end))


def _span(
    text: str,
    run: list[_Word],
    first: int,
    last: int,
    entity: str | None,
    readings: tuple[tuple[str, str], ...],
    pattern: bool = False,
) -> NameSpan:
    start, end = run[first].start, run[last - 1].end
    written = text[start:end]
    if pattern:
        parsed = parse_name(written)
        if parsed.words and len(parsed.text) == len(written):
            cut = len(re.findall(r"[ \u00a0]", written[: parsed.words[0].start]))
            if 0 < cut < last - first:
                return _span(text, run, first + cut, last, entity, readings[cut:], pattern)
    base_words = [form for form, _ in readings]
    inflected = any(ending for _, ending in readings)
    base = _join_like(written, base_words) if inflected else ""
    ending = readings[-1][1] if inflected else ""
    kind = "pattern" if pattern else "gazetteer"
    return NameSpan(start, end, written, entity, kind, base, ending)


def _join_like(written: str, words: list[str]) -> str:
    """``words`` joined with the separators of ``written`` (a space or a no-break space)."""
    gaps = re.findall(r"[ \u00a0]", written)
    out = [words[0]]
    for gap, word in zip(gaps, words[1:], strict=False):
        out.append(gap)
        out.append(word)
    return "".join(out)


# -- rendering -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Replacement:
    """One name rewritten in running text (``base``/``ending``: see :class:`NameSpan`)."""

    start: int
    end: int
    original: str
    replacement: str
    entity: str | None
    base: str = ""
    ending: str = ""

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _short_forms(entity: Entity, style: Style) -> list[str]:
    """Forms of a place or organization in ``style``, preferred first."""
    if style.cyrillic:
        own = entity.kk if style.language_form == "kk" else entity.ru
        forms = [own] if own else []
        forms += [n for n in entity.names() if has_cyrillic(n)]
        if style.language_form == "ru":
            forms = [f.translate(KK_TO_RU) for f in forms]
        return forms
    forms = [entity.forms[style.id]] if style.id in entity.forms else []
    if style.official_forms:
        forms += list(entity.official)
    return [*forms, entity.en]


def _entity_mention(entity: Entity, name: str, style: Style) -> str:
    """An entity in ``style``, in the shape of the mention ``name``: its words that
    only differ in case from the mention's are written as the mention writes them
    ("Karaganda region" stays, not "Karaganda Region")."""
    out = _entity_form(entity, name, style)
    written = name.split(" ")
    words = out.split(" ")
    if len(words) != len(written) or out == name:
        return out
    pairs = zip(written, words, strict=True)
    return " ".join([w if w.casefold() == o.casefold() else o for w, o in pairs])


def _entity_form(entity: Entity, name: str, style: Style) -> str:
    """:func:`_entity_mention` before the mention's case is put back."""
    if (
        entity.former
        and _is_organization(entity)
        and exact_form(name) in {exact_form(f) for f in entity.former}
    ):
        # an organization's former name stays that name (the article speaks of then:
        # "formerly Nur Otan"), in the style; a place's is its name now (Alma-Ata:
        # Almaty)
        return name if not has_cyrillic(name) or style.cyrillic else render_cyrillic(name, style)
    full = render_entity(entity, style)
    parsed = parse_name(name)
    if entity.is_person:
        if len(parsed.folds) == 1 and not parsed.initials:
            return full.split()[-1]  # a surname-only mention stays one word
        return full
    size = len(name.split())
    if len(full.split()) <= size:
        return full
    if not has_cyrillic(name) and style.id not in entity.forms and not style.own_forms:
        # a house style with no form of its own for the entity keeps a name of it as
        # written (RFE/RL's "region of Manghystau")
        if exact_form(name) in {exact_form(n) for n in entity.names()}:
            return name
    short = " ".join(w for w in full.split() if not _place_word(w))
    if short and len(short.split()) <= size:
        return short  # the type word left out (Mangystau Region: Mangystau)
    if not has_cyrillic(name) and not style.cyrillic:
        return name  # (no form as short as the mention: "Caspian" stays, not "Caspian Sea")
    letters = [c for c in name if c.isalpha()]
    if len(letters) > 1 and name.isupper():  # an acronym stays an acronym
        if not has_cyrillic(name) or style.cyrillic:
            return name
        return render_cyrillic(name, style)
    for form in _short_forms(entity, style):
        if len(form.split()) <= size:
            return form
    return full


def render_mention(span: NameSpan, style: str | Style, gazetteer: Gazetteer) -> str:
    """A mention in ``style``, in its dictionary form, keeping its shape.

    A surname-only mention of a person stays one word; a short name of a place or an
    organization stays short (``Қазақстан`` is ``Kazakhstan`` in the ``official`` style,
    not ``Republic of Kazakhstan``); an acronym stays an acronym.
    """
    out = _rendered_mention(span, get_style(style), gazetteer)
    name = span.name
    if name.isupper() and sum([c.isalpha() for c in name]) > 1:
        return out.upper()  # (a mention in capitals stays in capitals: ASTANA, a dateline)
    return out


def _rendered_mention(span: NameSpan, style: Style, gazetteer: Gazetteer) -> str:
    """:func:`render_mention`, before the mention's capitals are put back."""
    name = span.name
    if span.entity is not None and span.entity in gazetteer.entities:
        return _entity_mention(gazetteer.entities[span.entity], name, style)
    if not has_cyrillic(name):
        # titles, adjectives and other words next to the name stay as written, and
        # the name is read without them ("Chinese President Xi Jinping": Xi Jinping
        # is no Cyrillic-origin name; "Russian President Vladimir Putin")
        written = name.split(" ")
        core = [i for i, w in enumerate(written) if not _not_a_name_word(w)]
        if len(core) < len(written):
            if not core:
                return name
            result = analyze(" ".join([written[i] for i in core]), style, gazetteer)
            if result.method in ("unchanged", "kept"):
                return name
            rendered = result.output.split(" ")
            if len(rendered) == len(core):
                for i, word in zip(core, rendered, strict=True):
                    written[i] = word
                return " ".join(written)
    result = analyze(name, style, gazetteer)
    return name if result.method in ("unchanged", "kept") else result.output


def _not_a_name_word(word: str) -> bool:
    """Is a Latin word of a mention no word of a name: a common word (Russian,
    Bank), a title (President) or a place word (region)?"""
    low = word.lower().strip(".,")
    return common_words().is_common(low) or _place_word(low) or low in titles().starts


def _romanized_tail(stem: str, tail: str, style: Style) -> str:
    """``tail`` written after ``stem`` in ``style`` (a Cyrillic ending in a Latin style)."""
    if not tail:
        return ""
    if style.language_form == "kk" or not has_cyrillic(stem + tail):
        return tail
    if style.language_form == "ru":
        return tail.translate(KK_TO_RU)
    lang = detect_language(stem + tail)
    lang = "ru" if lang == "und" else lang
    whole, head = style.render(stem + tail, lang), style.render(stem, lang)
    if whole.startswith(head):
        return whole[len(head) :]
    return style.render(tail, lang).lower()


def render_inflected(span: NameSpan, style: str | Style, gazetteer: Gazetteer) -> str:
    """A mention in ``style`` with its case ending, as :func:`normalize_text` writes it."""
    style = get_style(style)
    rendered = render_mention(span, style, gazetteer)
    if not span.ending:
        return rendered
    written, base = span.text.split(), span.base.split()
    if len(written) != len(base) or written[:-1] != base[:-1]:
        return rendered  # several words inflected: the dictionary form
    word, base_word = written[-1], base[-1]
    if not same_word(rendered.split()[-1] if rendered.split() else "", base_word):
        return rendered  # another name in this style (Ресей -> Russia): no ending
    stem = word[: len(word) - len(span.ending)]
    restore = _romanized_tail(stem, base_word[len(stem) :], style)
    if restore:
        if not rendered.lower().endswith(restore.lower()):
            return rendered
        rendered = rendered[: len(rendered) - len(restore)]
    return rendered + _romanized_tail(stem, span.ending, style)


def _without_what_follows(rendered: str, written: str, after: str) -> str:
    """``rendered`` less an ending that the text after the mention already writes: the
    mention Kaspi of "Kaspi.kz" renders as Kaspi.kz, and the text goes on with .kz."""
    if rendered.startswith(written) and len(rendered) > len(written):
        tail = rendered[len(written) :]
        if after.startswith(tail):
            return written
    return rendered


def normalize_text(
    text: str, style: str | Style = "en", gazetteer: Gazetteer | None = None
) -> tuple[str, list[Replacement]]:
    """Rewrite every name found in ``text`` in ``style``; all other bytes stay as they are."""
    style = get_style(style)
    gaz = gazetteer if gazetteer is not None else bundled_gazetteer()
    out: list[str] = []
    replacements: list[Replacement] = []
    rendered_before: dict[tuple[str, str | None, str, str], str] = {}
    last = 0
    for span in find_names(text, gaz):
        key = (span.text, span.entity, span.base, span.ending)
        rendered = rendered_before.get(key)
        if rendered is None:
            rendered = rendered_before[key] = render_inflected(span, style, gaz)
        rendered = _without_what_follows(rendered, span.text, text[span.end : span.end + 8])
        out.append(text[last : span.start])
        out.append(rendered)
        last = span.end
        if rendered != span.text:
            replacements.append(
                Replacement(
                    span.start, span.end, span.text, rendered, span.entity, span.base, span.ending
                )
            )
    out.append(text[last:])
    return "".join(out), replacements
