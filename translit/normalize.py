"""Canonical forms of names in a chosen house style."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import cache, lru_cache, partial
from typing import Any, Final, NamedTuple

from mypy_extensions import mypyc_attr

from translit import origin
from translit._distinct import map_distinct
from translit.errors import UnknownStyleError
from translit.fold import as_russian_letters
from translit.gazetteer import Entity, Gazetteer, bundled_gazetteer
from translit.keys import kept, key, key_of, may_have_entity, plain_key
from translit.lexicon import LexiconEntry
from translit.nameparse import (
    CAPS,
    COMMA,
    CYRILLIC,
    FLAG_BITS,
    GIVEN,
    JOINED,
    SURNAME_END,
    ParsedName,
    Plain,
    PlainName,
    guess_surname,
    joined_words,
    parse_body,
    parse_name,
    plain_words,
    surname_first,
)
from translit.reconstruct import cased_like, reconstruct, spelled_plain
from translit.romanize import romanize, romanize_word
from translit.schemes import EN_SCHEMES, scheme_ids
from translit.scripts import cyrillic_reading, has_other_script
from translit.text import KK_TO_RU, detect_language, has_cyrillic, has_kazakh

CYRILLIC_STYLES: Final = ("cyrillic-kk", "cyrillic-ru")


class NameResult(NamedTuple):
    """The outcome of normalizing one name."""

    input: str
    output: str
    key: str
    entity: str | None
    method: str  # gazetteer | romanized | reconstructed | unchanged | kept
    confidence: float

    def as_dict(self) -> dict[str, Any]:
        return self._asdict()


def styles() -> list[str]:
    """Every house style: ``en``, the scheme ids, and the two Cyrillic styles."""
    return ["en", *sorted(set(scheme_ids())), *CYRILLIC_STYLES]


# the style check_style passed last
_CHECKED_STYLE: Final[list[str | None]] = [None]


@cache
def _style_set() -> frozenset[str]:
    return frozenset(styles())


def check_style(style: str) -> None:
    if style is _CHECKED_STYLE[0]:  # (the same string object as the last call's)
        return
    if style not in _style_set():
        raise UnknownStyleError(f"unknown style {style!r}; valid: {', '.join(styles())}")
    _CHECKED_STYLE[0] = style


def _without(text: str, parsed: ParsedName) -> str:
    """The name's own span of ``text``: titles cut, patronymics removed."""
    if not parsed.tokens:
        return text.strip()
    if not parsed.patronymics:
        return " ".join(text[parsed.tokens[0].start : parsed.tokens[-1].end].split()).strip(" ,")
    spans = sorted(
        [(t.start, t.end, True) for t in parsed.tokens]
        + [(t.start, t.end, False) for t in parsed.patronymics]
    )
    start = min(s for s, _, keep in spans if keep)
    end = max(e for _, e, keep in spans if keep)
    out = text[start:end]
    for s, e, keep in sorted(spans, reverse=True):
        if not keep and start <= s < end:
            out = out[: s - start] + out[e - start :]
    return " ".join(out.split()).strip(" ,")


def render_cyrillic(cyr: str, style: str, lang: str | None = None) -> str:
    """Render a Cyrillic name in ``style``."""
    lang = lang or detect_language(cyr)
    if lang == "und":
        lang = "ru"
    if style == "cyrillic-kk":
        return cyr
    if style == "cyrillic-ru":
        return cyr.translate(KK_TO_RU)
    scheme = EN_SCHEMES[lang] if style == "en" else style
    return romanize(as_russian_letters(cyr), scheme, lang=lang)


def render_entity(entity: Entity, style: str) -> str:
    """An entity's canonical name in ``style``."""
    if style in entity.forms:
        return entity.forms[style]
    if style == "en":
        return entity.en
    if style == "official" and entity.official:
        return entity.official[0]
    if style == "rferl" and not entity.is_person:
        return entity.en  # RFE/RL keeps established place names (Almaty, Aktau)
    if style not in CYRILLIC_STYLES and entity.en and not origin.cyrillic_origin(entity.en):
        return entity.en  # a name of another origin is not respelled (Xi Jinping)
    kk = _without(entity.kk, parse_name(entity.kk)) if entity.kk else None
    ru = _without(entity.ru, parse_name(entity.ru)) if entity.ru else None
    if style == "cyrillic-ru":
        return ru or (kk.translate(KK_TO_RU) if kk else entity.en)
    if style == "cyrillic-kk":
        return kk or ru or entity.en
    kk_scheme = style in scheme_ids("kk")
    source = (kk or ru) if kk_scheme else (ru or kk)
    if source is None:
        return entity.en
    return romanize(source, style, lang="kk" if kk_scheme and source == kk else "ru")


def analyze(name: str, style: str = "en", gazetteer: Gazetteer | None = None) -> NameResult:
    """Normalize one name and say how: the full :class:`NameResult`."""
    check_style(style)
    gaz = gazetteer if gazetteer is not None else bundled_gazetteer()
    if has_other_script(name):  # (Georgian, Armenian, Greek: read as the Cyrillic)
        read = cyrillic_reading(name)
        if read != name:
            found = analyze(read, style, gaz)
            method = "romanized" if found.method == "unchanged" else found.method
            return found._replace(input=name, method=method)
    if kept(name, gaz):
        return NameResult(name, origin.tidy(name), origin.plain_key(name), None, "kept", 1.0)
    plain = plain_words(name)
    if plain is not None:
        result = _analyze_plain(name, plain, style, gaz)
        if result is not None:
            return result
    return _analyze_parsed(name, style, gaz)


def _analyze_plain(name: str, plain: PlainName, style: str, gaz: Gazetteer) -> NameResult | None:
    """:func:`analyze` for a name of plain words, without parsing it again; ``None``
    where its commas need the general path."""
    key, hit = plain_key(plain, gaz)
    if hit is not None:
        entity, confidence = hit
        rendered = gaz.rendering(entity.id, style, render_entity)
        return _made((name, rendered, key, entity.id, "gazetteer", confidence))
    found: list[int] = []
    out = _plain_output(name, plain, style, found)
    if out is None:
        return None
    if plain.any_flags & CYRILLIC and style != "en":
        return _made((name, out, key, None, "unchanged" if out == name else "romanized", 0.9))
    if plain.all_flags & CYRILLIC:
        return _made((name, out, key, None, "romanized", 0.9))
    total = len(plain.words)
    if total < len(_CONFIDENCES):
        confidence = _CONFIDENCES[total][found[0]]
    else:
        confidence = _confidence(found[0], total)
    return _made((name, out, key, None, "reconstructed", confidence))


def _plain_output(
    name: str, plain: PlainName, style: str, found: list[int] | None = None
) -> str | None:
    """The canonical form of a name of plain words that has no gazetteer entry;
    ``None`` where its commas need the general path. ``found`` (when given) gets how
    many of its words the lexicon knew, if they were reconstructed."""
    any_flags = plain.any_flags
    order = plain.words
    if (
        any_flags & COMMA
        or plain.all_flags & CAPS
        or order[0].flags & SURNAME_END
        or plain.surname == 0
        or (len(order) == 2 and order[1].flags & GIVEN and not order[0].flags & GIVEN)
    ):
        reordered = _plain_order(plain)
        if reordered is None:
            return None
        order = reordered
    if any_flags & CYRILLIC and style != "en":
        text = joined_words([w.word for w in order], order, any_flags)
        return _title_if_caps(render_cyrillic(text, style))
    hint = plain.hint
    last = _LAST_RENDERINGS[0]  # one tuple, replaced whole: safe under threads
    if last[0] is style and last[1] is hint:  # most names: the style and hint before
        cache = last[2]
    else:
        cache = _renderings(style, hint)
        _LAST_RENDERINGS[0] = (style, hint, cache)
    words = []
    known = kazakh = 0
    for w in order:
        # The word's last rendering is kept on it. The big cache serves a word met in
        # another style or hint; a word seen for the first time is not looked up in
        # it (it would seldom be there), nor stored, until it meets a second one.
        word = w.memo
        if not isinstance(word, _WordRendering) or word.owner is not cache:
            if word is None:
                word = _plain_rendering(w, hint, cache)
            else:
                word = cache.get(w.word)
                if word is None:
                    word = _remembered(_plain_rendering(w, hint, cache), w.word, cache)
            w.memo = word
        words.append(word)
        known += word.found
        kazakh |= word.kazakh
    if found is not None:
        found.append(known)
    if style in CYRILLIC_STYLES:
        texts = [w.cyrillic for w in words]
        out = render_cyrillic(joined_words(texts, order, any_flags), style)
    elif kazakh:
        out = joined_words([w.kk or w.rendered("kk", style) for w in words], order, any_flags)
    else:
        out = joined_words([w.ru or w.rendered("ru", style) for w in words], order, any_flags)
    # (a word not in capitals is rendered capitalized, with small letters after the
    # first: only words in capitals can make the whole name come out in capitals)
    return _title_if_caps(out) if any_flags & CAPS and out.isupper() else out


def _renderings(style: str, hint: str) -> dict[str, _WordRendering]:
    """The cache of word renderings for ``style`` and convention ``hint``."""
    renderings = _plain_renderings.get(style)
    if renderings is None:
        renderings = _plain_renderings[style] = {}
    cache = renderings.get(hint)
    if cache is None:
        cache = renderings[hint] = {}
    return cache


# A NameResult from its fields, without the named tuple's __new__ (interpreted code,
# which shows in the compiled fast path).
_made: Final[Callable[[tuple[str, str, str, str | None, str, float]], NameResult]] = partial(
    tuple.__new__, NameResult
)


def _confidence(found: int, total: int) -> float:
    """Confidence of a reconstruction in which the lexicon knew ``found`` of ``total``
    words (the others were spelled out)."""
    return round(0.5 + 0.3 * found / total, 3) if total else 0.5


# _confidence(found, total) for names of up to 8 words, by total then found
_CONFIDENCES: Final[list[list[float]]] = [
    [_confidence(found, total) for found in range(total + 1)] for total in range(9)
]


@mypyc_attr(acyclic=True)
class _WordRendering:
    """One plain word of a name the gazetteer does not know, in Cyrillic (as
    :func:`translit.reconstruct.reconstruct` gives it) and romanized for either
    language of the whole name.

    Acyclic (compiled, the garbage collector does not track it): its one reference
    to a container is its owner, a cache that lives as long as the module (its lexicon
    entry holds strings and flags only)."""

    __slots__ = ("cyrillic", "entry", "found", "kazakh", "kk", "owner", "ru")

    def __init__(
        self,
        cyrillic: str,
        found: int,
        kazakh: int,
        owner: dict[str, _WordRendering],
        entry: LexiconEntry | None = None,
    ) -> None:
        self.owner = owner  # the cache that holds it (for a style and convention hint)
        self.cyrillic = cyrillic
        self.found = found
        self.kazakh = kazakh  # 1 where the Cyrillic form has Kazakh letters
        self.kk = ""
        self.ru = ""
        # the lexicon entry whose Cyrillic form this is, as written there (it keeps
        # the form's en romanizations, which every spelling of the word shares)
        self.entry = entry

    def rendered(self, lang: str, style: str) -> str:
        entry = self.entry if style == "en" else None
        out = "" if entry is None else entry.en_kk if lang == "kk" else entry.en_ru
        if not out:
            out = romanize_word(self.cyrillic, EN_SCHEMES[lang] if style == "en" else style, lang)
        if lang == "kk":
            self.kk = out
            if entry is not None:
                entry.en_kk = out
        else:
            self.ru = out
            if entry is not None:
                entry.en_ru = out
        return out


_WORD_CACHE_LIMIT: Final = 1 << 17
# style -> convention hint -> word -> its renderings (its fold follows from word and hint)
_plain_renderings: Final[dict[str, dict[str, dict[str, _WordRendering]]]] = {}
# (style, hint, renderings cache) that _analyze_plain used last
_LAST_RENDERINGS: Final[list[tuple[str, str, dict[str, _WordRendering]]]] = [("", "", {})]


def _plain_rendering(w: Plain, hint: str, cache: dict[str, _WordRendering]) -> _WordRendering:
    """The rendering of ``w`` for the style and hint of ``cache`` (not stored in it)."""
    # (what reconstruct.word_cyrillic gives, from the lexicon entry the word keeps:
    # no lookups; a name with a Cyrillic word reaches here only in the en style)
    entry = w.entry
    if entry is not None and entry.cyrillic:
        cyr = cased_like(entry.cyrillic, w.word)
        shared = entry if cyr is entry.cyrillic else None  # (not in capitals)
        return _WordRendering(cyr, 1, int(entry.kazakh), cache, shared)
    cyr = spelled_plain(w, hint)
    return _WordRendering(cyr, 0, int(has_kazakh(cyr)), cache)


def _remembered(
    rendering: _WordRendering, word: str, cache: dict[str, _WordRendering]
) -> _WordRendering:
    """``rendering``, stored in ``cache`` for ``word`` (emptied first when full)."""
    if len(cache) >= _WORD_CACHE_LIMIT:
        cache.clear()
    cache[word] = rendering
    return rendering


def _plain_order(plain: PlainName) -> list[Plain] | None:
    """Plain words in Given Surname order (see :func:`_natural_order`); ``None`` where
    commas make it a job for the general path. The order follows from the words'
    flags (and a surname chosen before a patronymic was dropped): it is remembered
    per shape, packed in an int for names of up to four words."""
    words = plain.words
    count = len(words)
    surname = plain.surname
    if count <= 4:  # (the shape packed in an int: no tuples to make and hash)
        packed = count | (surname + 1) << 3
        shift = 6
        for w in words:
            packed |= w.flags << shift
            shift += FLAG_BITS
        order = _packed_orders.get(packed)
        if order is None:
            order = _order(tuple([w.flags for w in words]), surname)
            _packed_orders[packed] = _limited(_packed_orders, order)
    else:
        shape = (surname, tuple([w.flags for w in words]))
        order = _orders.get(shape)
        if order is None:
            order = _order(shape[1], surname)
            _orders[shape] = _limited(_orders, order)
    if not order:
        return None
    if order[0] < 0:  # _KEEP
        return words
    return [words[i] for i in order]


_ORDER_CACHE_LIMIT: Final = 1 << 14
_KEEP: Final = (-1,)  # the words stay in their order
# (surname, flags of the words) -> _KEEP, the new order of the words, or () for None
_orders: Final[dict[tuple[int, tuple[int, ...]], tuple[int, ...]]] = {}
# the same for up to four words, the shape packed: the count in bits 0-2, the surname's
# index + 1 in bits 3-5, then the flags of each word in FLAG_BITS bits
_packed_orders: Final[dict[int, tuple[int, ...]]] = {}


def _limited(cache: dict[Any, tuple[int, ...]], order: tuple[int, ...]) -> tuple[int, ...]:
    """``order``, with ``cache`` emptied first when full (the caller stores it)."""
    if len(cache) >= _ORDER_CACHE_LIMIT:
        cache.clear()
    return order


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
        guessed = guess_surname(flags)
        surname = -1 if guessed is None else guessed
    if count >= 2 and all_flags & CAPS:
        if surname != 0:
            return _KEEP
        first = 1  # the first chunk (its words up to the first not followed by a hyphen)
        while flags[first - 1] & JOINED:
            first += 1
        return (*range(first, count), *range(first))
    if not any_flags & JOINED and surname == 0 and (dropped or surname_first(flags)):
        return (*range(1, count), 0)
    return _KEEP


def _analyze_parsed(name: str, style: str, gaz: Gazetteer) -> NameResult:
    """:func:`analyze` through :func:`parse_name`: any name."""
    parsed = parse_name(name)
    key, entity_id = key_of(parsed, gaz)
    if not parsed.tokens or not key:
        return NameResult(name, name, key, None, "unchanged", 0.0)
    hit = gaz.lookup(parsed) if entity_id is not None else None
    if hit is not None:
        entity, confidence = hit
        return NameResult(
            name, render_entity(entity, style), key, entity.id, "gazetteer", confidence
        )
    body = _natural_order(_without(parsed.text, parsed), parsed)
    cyrillic_input = has_cyrillic(body)
    if cyrillic_input and style != "en":
        out = _title_if_caps(render_cyrillic(body, style))
        method = "unchanged" if out == name else "romanized"
        return NameResult(name, out, key, None, method, 0.9)
    # Latin input, or the en style: every spelling of the name meets in one form.
    sub = parsed if body == parsed.text else parse_body(body, False)
    cyr, found, total = reconstruct(sub, body, all_words=style == "en")
    if not has_cyrillic(cyr):
        return NameResult(name, _title_if_caps(body), key, None, "unchanged", 0.5)
    out = _title_if_caps(render_cyrillic(cyr, style))
    if all(has_cyrillic(t.text) for t in sub.tokens if not t.initial):
        return NameResult(name, out, key, None, "romanized", 0.9)
    return NameResult(name, out, key, None, "reconstructed", _confidence(found, total))


def _natural_order(body: str, parsed: ParsedName) -> str:
    """``Surname, Given`` and passport ``SURNAME GIVEN`` in the usual Given Surname order."""
    if "," in body:
        before, _, after = body.partition(",")
        before, after = before.strip(), after.strip(" ,")
        return f"{after} {before}" if before and after and "," not in after else body
    chunks = body.split()
    if parsed.surname != 0 or len(chunks) < 2 or parsed.tokens[0].initial:
        return body
    if len(parsed.folds) >= 2 and body.isupper():
        return " ".join(chunks[1:] + chunks[:1])
    full = [t for t in parsed.tokens if not t.initial]
    if len(chunks) == len(full) and (parsed.patronymics or surname_first([t.flags for t in full])):
        return " ".join(chunks[1:] + chunks[:1])
    return body


def _title_if_caps(text: str) -> str:
    """ALL-CAPS input (passports) comes out in normal case, word by word."""
    if not text.isupper() or sum(c.isalpha() for c in text) < 2:
        return text
    return " ".join([_title_word(w) for w in text.split(" ")])


@lru_cache(maxsize=1 << 14)
def _title_word(word: str) -> str:
    return "-".join([p.capitalize() for p in word.split("-")])


def normalize(name: str, style: str = "en", gazetteer: Gazetteer | None = None) -> str:
    """The canonical form of ``name`` in ``style`` (``en``, a scheme id, ``cyrillic-kk``...).

    >>> normalize("Tokajew")
    'Kassym-Jomart Tokayev'
    """
    check_style(style)
    gaz = gazetteer if gazetteer is not None else bundled_gazetteer()
    if has_other_script(name):
        name = cyrillic_reading(name)
    if kept(name, gaz):
        return origin.tidy(name)
    plain = plain_words(name)
    if plain is not None:  # (what analyze gives, without its key and result)
        if may_have_entity(plain, gaz):
            hit = plain_key(plain, gaz)[1]
            if hit is not None:
                return gaz.rendering(hit[0].id, style, render_entity)
        out = _plain_output(name, plain, style)
        if out is not None:
            return out
    return _analyze_parsed(name, style, gaz).output


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
    names: Iterable[str], style: str = "en", gazetteer: Gazetteer | None = None
) -> list[NameResult]:
    """:func:`analyze` over many names, once per distinct name, in input order."""
    check_style(style)
    gaz = gazetteer if gazetteer is not None else bundled_gazetteer()
    return map_distinct(lambda name: analyze(name, style, gaz), names)


def keys_many(names: Sequence[str], gazetteer: Gazetteer | None = None) -> list[str]:
    """Match keys of many names, once per distinct name."""
    gaz = gazetteer if gazetteer is not None else bundled_gazetteer()
    return map_distinct(lambda name: key(name, gaz), names)
