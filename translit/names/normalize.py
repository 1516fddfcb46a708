"""Canonical forms of names in a chosen house style."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Final

from mypy_extensions import mypyc_attr

from translit._util.cache import BoundedCache
from translit._util.distinct import map_distinct
from translit.letters import KK_TO_RU, detect_language, has_cyrillic, has_kazakh
from translit.names import origin
from translit.names.gazetteer import KEY_FOLD, SURNAME_FOLD, Entity, Gazetteer, bundled_gazetteer
from translit.names.keys import (
    bracketed_key,
    kept,
    kept_key,
    key,
    key_of,
    literal_key_of,
    plain_key,
)
from translit.names.literal import literal
from translit.names.parse import (
    CAPS,
    COMMA,
    CYRILLIC,
    FLAG_BITS,
    GIVEN,
    INITIAL,
    JOINED,
    SURNAME_END,
    Name,
    Word,
    generational,
    guess_surname,
    joined_words,
    parse_body,
    parse_name,
    plain_words,
    split_brackets,
    split_suffix,
    surname_leads,
)
from translit.names.scripts import cyrillic_reading, has_other_script
from translit.names.session import (
    GazetteerCaches,
    Session,
    WordRendering,
    gazetteer_caches,
    session,
)
from translit.names.spelling import lexicon_form, reconstruct, word_cyrillic
from translit.names.style import Style, style_ids


@mypyc_attr(acyclic=True)
class NameResult:
    """The outcome of normalizing one name: ``input``, ``output``, ``key``, ``entity``,
    ``method`` (gazetteer | romanized | reconstructed | unchanged | kept) and
    ``confidence``.

    The key of a name kept as written, and of a name of plain words that can have no
    gazetteer entry (see :func:`_may_have_entity`), is worked out when it is first read:
    its output does not need it, and :func:`normalize` reads only the output.

    Acyclic (compiled, the garbage collector does not track it): it holds strings,
    numbers and the name's words (which hold no result)."""

    __slots__ = (
        "_caches",
        "_kept",
        "_key",
        "_plain",
        "confidence",
        "entity",
        "input",
        "method",
        "output",
    )

    def __init__(
        self,
        input: str,
        output: str,
        key: str,
        entity: str | None,
        method: str,
        confidence: float,
    ) -> None:
        self.input = input
        self.output = output
        self._key = key
        self.entity = entity
        self.method = method
        self.confidence = confidence
        # (until the key is read: the caches it is looked up in, and the name's plain
        # words, or the name kept as written)
        self._caches: GazetteerCaches | None = None
        self._plain: Name | None = None
        self._kept: str | None = None

    @property
    def key(self) -> str:
        caches = self._caches
        if caches is not None:
            plain = self._plain
            kept = self._kept
            if plain is not None:
                self._key = plain_key(plain, caches)[0]
            elif kept is not None:
                self._key = kept_key(kept, caches)
            self._caches = None  # (set after the key: a thread that sees it sees the key)
            self._plain = self._kept = None
        return self._key

    def _replace(self, **changes: Any) -> NameResult:
        """A copy with ``changes`` to its fields (a key not worked out yet, unless
        replaced, is worked out by the copy when read)."""
        fields = self._fields(self._key)
        fields.update(changes)
        out = NameResult(**fields)
        if "key" not in changes:
            out._plain, out._kept, out._caches = self._plain, self._kept, self._caches
        return out

    def as_dict(self) -> dict[str, Any]:
        return self._fields(self.key)

    def _fields(self, key: str) -> dict[str, Any]:
        return {
            "input": self.input,
            "output": self.output,
            "key": key,
            "entity": self.entity,
            "method": self.method,
            "confidence": self.confidence,
        }

    def _fields_tuple(self) -> tuple[str, str, str, str | None, str, float]:
        return (self.input, self.output, self.key, self.entity, self.method, self.confidence)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, NameResult):
            return NotImplemented
        return self._fields_tuple() == other._fields_tuple()

    def __hash__(self) -> int:
        return hash(self._fields_tuple())

    def __repr__(self) -> str:
        fields = ", ".join(f"{k}={v!r}" for k, v in self.as_dict().items())
        return f"NameResult({fields})"


def _unkeyed(
    name: str, output: str, method: str, confidence: float, s: Session, plain: Name | None
) -> NameResult:
    """The result of a name whose key is worked out when read: of a name of plain words
    that can have no gazetteer entry (:func:`translit.names.keys.plain_key` of ``plain``),
    or of one kept as written (``plain`` ``None``: :func:`translit.names.keys.kept_key`)."""
    out = NameResult(name, output, "", None, method, confidence)
    if plain is None:
        out._kept = name
    else:
        out._plain = plain
    out._caches = s.caches
    return out


def styles() -> list[str]:
    """Every house style: ``en``, the scheme ids, and the two Cyrillic styles."""
    return style_ids()


def _without(text: str, parsed: Name) -> str:
    """The name's own span of ``text``: titles cut, patronymics removed."""
    if not parsed.words:
        return text.strip()
    if not parsed.dropped:
        last = parsed.words[-1]
        end = last.end + (last.flags & INITIAL and text[last.end : last.end + 1] == ".")
        return " ".join(text[parsed.words[0].start : end].split()).strip(" ,")
    spans = sorted(
        [(w.start, w.end, True) for w in parsed.words]
        # (an initial's dot goes with it: Vladimir V. Putin)
        + [(w.start, w.end + (text[w.end : w.end + 1] == "."), False) for w in parsed.dropped]
    )
    start = min(s for s, _, keep in spans if keep)
    end = max(e for _, e, keep in spans if keep)
    out = text[start:end]
    for s, e, keep in sorted(spans, reverse=True):
        if not keep and start <= s < end:
            out = out[: s - start] + out[e - start :]
    return " ".join(out.split()).strip(" ,")


def render_cyrillic(cyr: str, style: Style, lang: str | None = None) -> str:
    """Render a Cyrillic name in ``style``."""
    lang = lang or detect_language(cyr)
    return style.render(cyr, "ru" if lang == "und" else lang)


def render_entity(entity: Entity, style: Style) -> str:
    """An entity's canonical name in ``style``."""
    if style.id in entity.forms:
        return entity.forms[style.id]
    if style.english:
        return entity.en
    if style.official_forms and entity.official:
        return entity.official[0]
    if style.keeps_place_names and not entity.is_person:
        return entity.en  # RFE/RL keeps established place names (Almaty, Aktau)
    if not style.cyrillic and entity.en and not origin.cyrillic_origin(entity.en):
        return entity.en  # a name of another origin is not respelled (Xi Jinping)
    kk = _without(entity.kk, parse_name(entity.kk)) if entity.kk else None
    ru = _without(entity.ru, parse_name(entity.ru)) if entity.ru else None
    if style.language_form == "ru":
        return ru or (kk.translate(KK_TO_RU) if kk else entity.en)
    if style.language_form == "kk":
        return kk or ru or entity.en
    source = (kk or ru) if style.kazakh_first else (ru or kk)
    if source is None:
        return entity.en
    return style.render(source, "kk" if style.kazakh_first and source == kk else "ru")


def _entity_form(entity: Entity, s: Session) -> str:
    """:func:`render_entity` in the session's style, remembered by the session."""
    out = s.entities.get(entity.id)
    if out is None:
        out = s.entities.put(entity.id, render_entity(entity, s.style))
    return out


def analyze(name: str, style: str | Style = "en", gazetteer: Gazetteer | None = None) -> NameResult:
    """Normalize one name and say how: the full :class:`NameResult`."""
    return _analyze(name, session(style, gazetteer))


def _analyze(name: str, s: Session) -> NameResult:
    """:func:`analyze` in a session."""
    if "(" in name or "（" in name or "[" in name:
        found = _analyze_bracketed(name, s)
        if found is not None:
            return found
    if has_other_script(name):  # (Georgian, Armenian, Greek: read as the Cyrillic)
        read = cyrillic_reading(name)
        if read != name:
            found = _analyze(read, s)
            method = "romanized" if found.method == "unchanged" else found.method
            return found._replace(input=name, method=method)
        # (left as written, with the key of its likeliest reading: see key_reading)
        return _analyze_written(name, s, key(name, s.gazetteer))
    return _analyze_written(name, s)


def _analyze_bracketed(name: str, s: Session) -> NameResult | None:
    """:func:`analyze` of a name with a part in brackets (a qualifier, a nickname): the
    rest is analyzed, and the bracketed parts are kept as written after it (Ivan Petrov
    (politician)); where they stand inside the name (Giorgi (Gigi) Tsereteli), the name
    is kept as written. ``None`` for a name that is all brackets."""
    head, groups, at_end = split_brackets(name)
    if not head or not groups:
        return None
    found = _analyze(head, s)
    whole = f"{found.key} {bracketed_key(groups)}".strip()  # (as key() makes it)
    if at_end:
        return found._replace(input=name, output=f"{found.output} {groups}", key=whole)
    return NameResult(name, origin.tidy(name), whole, None, "kept", 1.0)


def _analyze_written(name: str, s: Session, keyed: str | None = None) -> NameResult:
    """:func:`_analyze` for a name in Latin or Cyrillic letters, or left as written
    with the key ``keyed`` (its reading's)."""
    if kept(name, s.gazetteer):
        if keyed is None:
            return _unkeyed(name, origin.tidy(name), "kept", 1.0, s, None)
        return NameResult(name, origin.tidy(name), keyed, None, "kept", 1.0)
    plain = plain_words(name)
    result = None if plain is None else _analyze_plain(name, plain, s)
    if result is None:
        result = _analyze_parsed(name, s)
    return result if keyed is None else result._replace(key=keyed)


def _analyze_plain(name: str, plain: Name, s: Session) -> NameResult | None:
    """:func:`analyze` for a name of plain words, without parsing it again; ``None``
    where its commas need the general path."""
    renderings = _renderings(plain, s)
    key: str | None = None  # (None: worked out when read, see _unkeyed)
    if _may_have_entity(renderings):
        key, hit = plain_key(plain, s.caches)
        if hit is not None:
            entity, confidence = hit
            rendered = _entity_form(entity, s)
            return NameResult(name, rendered, key, entity.id, "gazetteer", confidence)
    out = _plain_output(name, plain, s, renderings)
    if out is None:
        return None
    if plain.any_flags & CYRILLIC and not s.style.english:
        method = "unchanged" if out == name else "romanized"
        confidence = 0.9
    elif plain.all_flags & CYRILLIC:
        method, confidence = "romanized", 0.9
    else:
        method = "reconstructed"
        known = 0  # (the words the lexicon knew: _spell told their records)
        for word in renderings:
            known += word.found
        total = len(plain.words)
        if total < len(_CONFIDENCES):
            confidence = _CONFIDENCES[total][known]
        else:
            confidence = _confidence(known, total)
    if key is not None:
        return NameResult(name, out, key, None, method, confidence)
    return _unkeyed(name, out, method, confidence, s, plain)


def _plain_output(
    name: str,
    plain: Name,
    s: Session,
    renderings: list[WordRendering],
) -> str | None:
    """The canonical form of a name of plain words that has no gazetteer entry, from
    the session's records of its words (:func:`_renderings`, each spelled here where it
    was not yet); ``None`` where its commas need the general path."""
    any_flags = plain.any_flags
    order = plain.words
    # (what a name needs to be reordered, by a comma or by parse.surname_leads:
    # most names have none of it, and skip the lookup of their order)
    if (
        any_flags & COMMA
        or plain.all_flags & CAPS
        or order[0].flags & SURNAME_END
        or plain.surname == 0
        or (len(order) == 2 and order[1].flags & GIVEN and not order[0].flags & GIVEN)
    ):
        indices = _plain_order(plain)
        if indices is None:
            return None
        if indices[0] >= 0:  # (not _KEEP)
            order = [order[i] for i in indices]
            renderings = [renderings[i] for i in indices]
    style = s.style
    if any_flags & CYRILLIC and not style.english:
        text = joined_words([w.word for w in order], order, any_flags)
        return _title_if_caps(render_cyrillic(text, style))
    hint = plain.hint
    kazakh = 0
    for i in range(len(order)):
        word = renderings[i]
        if not word.cyrillic:
            _spell(word, order[i], hint, style.russian_forms)
        kazakh |= word.kazakh
    if style.cyrillic:
        texts = [w.cyrillic for w in renderings]
        out = render_cyrillic(joined_words(texts, order, any_flags), style)
    elif kazakh:
        out = joined_words(
            [w.kk or _rendered(w, "kk", style) for w in renderings], order, any_flags
        )
    else:
        out = joined_words(
            [w.ru or _rendered(w, "ru", style) for w in renderings], order, any_flags
        )
    # (a word not in capitals is rendered capitalized, with small letters after the
    # first: only words in capitals can make the whole name come out in capitals)
    return _title_if_caps(out) if any_flags & CAPS and out.isupper() else out


def _confidence(found: int, total: int) -> float:
    """Confidence of a reconstruction in which the lexicon knew ``found`` of ``total``
    words (the others were spelled out)."""
    return round(0.5 + 0.3 * found / total, 3) if total else 0.5


# _confidence(found, total) for names of up to 8 words, by total then found
_CONFIDENCES: Final[list[list[float]]] = [
    [_confidence(found, total) for found in range(total + 1)] for total in range(9)
]


def _rendered(word: WordRendering, lang: str, style: Style) -> str:
    """A word's Cyrillic form romanized in ``style`` for a name in ``lang``, kept on it."""
    out = style.render_word(word.cyrillic, lang)
    if lang == "kk":
        word.kk = out
    else:
        word.ru = out
    return out


def _spell(word: WordRendering, w: Word, hint: str, russian_forms: bool) -> None:
    """Fill in the Cyrillic form of ``w`` for names that show the convention ``hint``
    (from the lexicon entry the word keeps: no lookups; a name with a Cyrillic word
    reaches here only in the en style), in a style that romanizes Kazakh names from
    their Russian form or not (see :func:`translit.names.spelling.lexicon_form`)."""
    entry = w.entry
    form = lexicon_form(entry, russian_forms)
    cyr = word_cyrillic(w.word, w.flags, form, hint)
    if entry is not None and form:
        word.found = 1
        word.kazakh = int(entry.kazakh)
    else:
        word.kazakh = int(has_kazakh(cyr))
    word.cyrillic = cyr  # (set last: a thread that sees it sees the rest)


def _renderings(name: Name, s: Session) -> list[WordRendering]:
    """The session's record of each word of ``name``, in order (new ones with the
    kinds of their fold only: :func:`_spell` fills in the rest where the name needs
    it). A word whose fold and Cyrillic form are its lexicon entry's, not in capitals,
    has the entry's record, which every spelling of it shares, whatever the hint."""
    hint = name.hint
    cache = s.words_for(hint)
    known = s.known
    kinds = s.gazetteer.fold_kinds
    out = []
    for w in name.words:  # (a hot loop: the dicts read directly)
        entry = w.entry
        if (
            entry is not None
            and entry.cyrillic
            and not w.flags & CAPS
            and w.fold == entry.canonical
        ):
            word = known.data.get(entry)
            if word is None:
                word = WordRendering(kinds.get(w.fold, 0))
                # (the entry's form: the same for every spelling)
                _spell(word, w, hint, s.style.russian_forms)
                known.put(entry, word)
        else:
            word = cache.data.get(w.word)
            if word is None:
                word = cache.put(w.word, WordRendering(kinds.get(w.fold, 0)))
        out.append(word)
    return out


def _may_have_entity(renderings: list[WordRendering]) -> bool:
    """Can a name of plain words, told the session's records of its words, have an
    entry in the gazetteer? ``False`` (no word is a known surname, and a word's fold
    occurs in no key of the gazetteer) means :func:`translit.names.keys.plain_key` finds
    none. (The kinds of each word's fold are kept with the word's rendering, which the
    name needs next: where the key needs its own lookup in a big cache.)"""
    every = True
    for word in renderings:
        if word.kinds & SURNAME_FOLD:
            return True
        if not word.kinds & KEY_FOLD:
            every = False
    return every


def _plain_order(plain: Name) -> tuple[int, ...] | None:
    """The indices of plain words in Given Surname order (see :func:`_natural_order`):
    ``_KEEP`` where they stay in their order; ``None`` where commas make it a job for
    the general path. The order follows from the words' flags (and a surname chosen
    before a patronymic was dropped): it is remembered per shape, packed in an int for
    names of up to four words."""
    words = plain.words
    count = len(words)
    surname = plain.surname
    if count <= 4:  # (the shape packed in an int: no tuples to make and hash)
        packed = count | (surname + 1) << 3
        shift = 6
        for w in words:
            packed |= w.flags << shift
            shift += FLAG_BITS
        order = _packed_orders.data.get(packed)  # (read directly: a hot loop)
        if order is None:
            order = _packed_orders.put(packed, _order(tuple([w.flags for w in words]), surname))
    else:
        shape = (surname, tuple([w.flags for w in words]))
        order = _orders.get(shape)
        if order is None:
            order = _orders.put(shape, _order(shape[1], surname))
    return order if order else None


_ORDER_CACHE_LIMIT: Final = 1 << 14
_KEEP: Final = (-1,)  # the words stay in their order
# (surname, flags of the words) -> _KEEP, the new order of the words, or () for None
_orders: Final[BoundedCache[tuple[int, tuple[int, ...]], tuple[int, ...]]] = BoundedCache(
    _ORDER_CACHE_LIMIT
)
# the same for up to four words, the shape packed: the count in bits 0-2, the surname's
# index + 1 in bits 3-5, then the flags of each word in FLAG_BITS bits
_packed_orders: Final[BoundedCache[int, tuple[int, ...]]] = BoundedCache(_ORDER_CACHE_LIMIT)


def _order(flags: tuple[int, ...], surname: int) -> tuple[int, ...]:
    """:func:`_plain_order` as word indices, from the words' flags and the surname's
    index (-1: to be guessed): ``_KEEP``, a new order, or ``()`` for the general path."""
    count = len(flags)
    any_flags = 0
    all_flags = -1
    for f in flags:
        any_flags |= f
        all_flags &= f
    if any_flags & COMMA:
        commas = [i for i, f in enumerate(flags) if f & COMMA]
        if len(commas) > 1 or commas[0] == count - 1:
            return ()
        return (*range(commas[0] + 1, count), *range(commas[0] + 1))
    dropped = surname >= 0  # (found before a patronymic was dropped: Surname Given Patr)
    if surname < 0:
        surname = guess_surname(flags)
    caps = count >= 2 and bool(all_flags & CAPS)
    if not surname_leads(flags, surname, dropped, caps, not any_flags & JOINED):
        return _KEEP
    first = 1  # the first chunk (its words up to the first not followed by a hyphen)
    while flags[first - 1] & JOINED:
        first += 1
    return (*range(first, count), *range(first))


def _analyze_literal(name: str, s: Session) -> NameResult:
    """:func:`analyze` of a name written word for word (:func:`literal`: an
    organization's, several names): the gazetteer's entity for its own name (less its
    legal form and quotation marks), else its Cyrillic romanized as a whole, punctuation
    and all, or its Latin kept as written."""
    key, hit = literal_key_of(name, s.gazetteer)
    if hit is not None:
        entity, confidence = hit
        return NameResult(name, _entity_form(entity, s), key, entity.id, "gazetteer", confidence)
    text = origin.tidy(name)
    if has_cyrillic(text) and not s.style.cyrillic:
        return NameResult(name, render_cyrillic(text, s.style), key, None, "romanized", 0.9)
    return NameResult(name, text, key, None, "kept", 1.0)


def _analyze_suffixed(name: str, head: str, suffix: str, s: Session) -> NameResult:
    """:func:`analyze` of a name with a suffix (:func:`split_suffix`): the rest
    analyzed, the suffix written after it as it was, and both in the key."""
    found = _analyze(head, s)
    found = found._replace(input=name, key=f"{found.key} {bracketed_key(suffix)}")
    if found.entity is not None and generational(suffix):
        # (a son is not his father: the rest's rendering, and no link)
        return found._replace(output=origin.tidy(name), entity=None, method="kept")
    return found._replace(output=found.output + suffix)


def _analyze_parsed(name: str, s: Session) -> NameResult:
    """:func:`analyze` through :func:`parse_name`: any name."""
    if literal(name):
        return _analyze_literal(name, s)
    head, suffix = split_suffix(name)
    if suffix:  # (Ivan Petrov Jr., Ivanov Ivan, MP: the suffix as written after it)
        return _analyze_suffixed(name, head, suffix, s)
    parsed = parse_name(name)
    gaz = s.gazetteer
    key, hit = key_of(parsed, gaz)
    if not parsed.words or not key:
        return NameResult(name, name, key, None, "unchanged", 0.0)
    if hit is not None:
        entity, confidence = hit
        return NameResult(name, _entity_form(entity, s), key, entity.id, "gazetteer", confidence)
    style = s.style
    body = _natural_order(_without(parsed.text, parsed), parsed)
    cyrillic_input = has_cyrillic(body)
    if cyrillic_input and not style.english:
        out = _title_if_caps(render_cyrillic(body, style))
        method = "unchanged" if out == name else "romanized"
        return NameResult(name, out, key, None, method, 0.9)
    # Latin input, or the en style: every spelling of the name meets in one form.
    sub = parsed if body == parsed.text else parse_body(body, False)
    cyr, found, total, kazakh = reconstruct(sub, body, style.english, style.russian_forms)
    if not has_cyrillic(cyr):
        return NameResult(name, _title_if_caps(body), key, None, "unchanged", 0.5)
    out = _title_if_caps(render_cyrillic(cyr, style, "kk" if kazakh else "ru"))
    if all(has_cyrillic(w.word) for w in sub.words if not w.flags & INITIAL):
        return NameResult(name, out, key, None, "romanized", 0.9)
    return NameResult(name, out, key, None, "reconstructed", _confidence(found, total))


def _natural_order(body: str, parsed: Name) -> str:
    """``Surname, Given`` and passport ``SURNAME GIVEN`` in the usual Given Surname order."""
    if "," in body:
        before, _, after = body.partition(",")
        before, after = before.strip(), after.strip(" ,")
        return f"{after} {before}" if before and after and "," not in after else body
    chunks = body.split()
    if len(chunks) < 2 or not parsed.words or parsed.words[0].flags & INITIAL:
        return body
    full = [w.flags for w in parsed.words if not w.flags & INITIAL]
    caps = len(parsed.folds) >= 2 and body.isupper()
    simple = len(chunks) == len(full)  # (the surname, the first word: a full one)
    if surname_leads(full, parsed.surname, bool(parsed.dropped), caps, simple):
        return " ".join(chunks[1:] + chunks[:1])
    return body


def _title_if_caps(text: str) -> str:
    """ALL-CAPS input (passports) comes out in normal case, word by word."""
    if not text.isupper() or sum(c.isalpha() for c in text) < 2:
        return text
    return " ".join([_title_word(w) for w in text.split(" ")])


# a word in capitals -> the word titled
_titled: Final[BoundedCache[str, str]] = BoundedCache(1 << 14)


def _title_word(word: str) -> str:
    out = _titled.get(word)
    if out is None:
        out = _titled.put(word, "-".join([p.capitalize() for p in word.split("-")]))
    return out


def normalize(name: str, style: str | Style = "en", gazetteer: Gazetteer | None = None) -> str:
    """The canonical form of ``name`` in ``style`` (``en``, a scheme id, ``cyrillic-kk``...).

    >>> normalize("Tokajew")
    'Kassym-Jomart Tokayev'
    """
    return analyze(name, style, gazetteer).output


def name_record(result: NameResult, gazetteer: Gazetteer | None = None) -> dict[str, Any]:
    """``result`` as a JSON object, with ``candidates``: the ids of the gazetteer's
    persons that a bare surname (with or without initials) may refer to, which the
    result itself never links."""
    gaz = gazetteer if gazetteer is not None else bundled_gazetteer()
    record = result.as_dict()
    found: list[str] = []
    if result.entity is None and result.method != "kept":
        parsed = parse_name(result.input)
        if len(parsed.folds) == 1:
            found = gaz.candidates(parsed.folds)
    record["candidates"] = found
    return record


def normalize_many(
    names: Iterable[str], style: str | Style = "en", gazetteer: Gazetteer | None = None
) -> list[NameResult]:
    """:func:`analyze` over many names, once per distinct name, in input order."""
    s = session(style, gazetteer)
    return map_distinct(lambda name: _analyze(name, s), names)


def keys_many(names: Sequence[str], gazetteer: Gazetteer | None = None) -> list[str]:
    """Match keys of many names, once per distinct name."""
    gaz = gazetteer_caches(gazetteer).gazetteer
    return map_distinct(lambda name: key(name, gaz), names)
