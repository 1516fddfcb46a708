"""The scheme registry: discovers ``data/schemes/<lang>/<id>.json``, loads lazily, caches.

Listing schemes reads only file names; a scheme file is parsed and validated the first
time it is used, and each direction is compiled once.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from translit._util.paths import data_path
from translit.errors import NotReversibleError, UnknownLanguageError, UnknownSchemeError
from translit.letters import LANGUAGES
from translit.romanization.scheme import Direction, Scheme, Transliterator, load_scheme

#: For a Russian-only scheme applied to Kazakh text, the Kazakh scheme that supplies
#: the letters Russian lacks (ASCII schemes get ASCII letters).
_KK_FALLBACK = {True: "odni", False: "bgn-pcgn"}


@dataclass(frozen=True)
class SchemeInfo:
    """What ``translit schemes`` lists."""

    id: str
    language: str
    name: str
    standard: str
    reversible: bool
    ascii: bool
    aliases: tuple[str, ...]
    lossy: tuple[str, ...] = ()
    """Letters (and letter pairs) that do not come back from ``--reverse`` (:func:`lossy`)."""

    @property
    def round_trip(self) -> bool:
        """Whether every word comes back unchanged from romanizing and reversing."""
        return self.reversible and not self.lossy


@cache
def _index() -> dict[tuple[str, str], Path]:
    """(language, id) -> file, for every scheme file shipped."""
    root = data_path("schemes")
    index: dict[tuple[str, str], Path] = {}
    for lang in LANGUAGES:
        folder = root / lang
        if folder.is_dir():
            for path in sorted(folder.glob("*.json")):
                index[(lang, path.stem)] = path
    return index


@cache
def get_scheme_data(scheme_id: str, lang: str) -> Scheme:
    """The scheme ``scheme_id`` defined for ``lang`` (aliases resolved)."""
    check_language(lang)
    path = _index().get((lang, scheme_id))
    if path is None:
        path = _aliases().get((lang, scheme_id))
    if path is None:
        raise _unknown(scheme_id, lang)
    return load_scheme(path)


@cache
def _aliases() -> dict[tuple[str, str], Path]:
    out: dict[tuple[str, str], Path] = {}
    for (lang, _), path in _index().items():
        for alias in load_scheme(path).aliases:
            out[(lang, alias)] = path
    return out


def scheme_ids(lang: str | None = None) -> list[str]:
    """All scheme ids (and aliases), optionally only those defined for ``lang``."""
    ids = {sid for (lg, sid) in _index() if lang is None or lg == lang}
    ids |= {sid for (lg, sid) in _aliases() if lang is None or lg == lang}
    return sorted(ids)


def resolve(scheme_id: str, lang: str) -> tuple[Scheme, Scheme | None]:
    """Find the scheme to use for text in ``lang``.

    Returns the scheme and, for a Russian-only scheme applied to Kazakh text, the Kazakh
    scheme whose letters fill in what Russian lacks. A Kazakh scheme covers Russian text
    as it is (the Kazakh alphabet contains the Russian one).
    """
    check_language(lang)
    known = _index().keys() | _aliases().keys()
    if (lang, scheme_id) in known:
        return get_scheme_data(scheme_id, lang), None
    if lang == "ru" and ("kk", scheme_id) in known:
        return get_scheme_data(scheme_id, "kk"), None
    if lang == "kk" and ("ru", scheme_id) in known:
        ru = get_scheme_data(scheme_id, "ru")
        return ru, get_scheme_data(_KK_FALLBACK[ru.ascii], "kk")
    raise _unknown(scheme_id, None)


@cache
def transliterator(scheme_id: str, lang: str, reverse: bool = False) -> Transliterator:
    """The compiled transliterator for a scheme, language and direction (cached)."""
    scheme, fallback = resolve(scheme_id, lang)
    if reverse:
        if scheme.reverse is None:
            reversible = ", ".join(i.id for i in list_schemes() if i.reversible)
            raise NotReversibleError(
                f"scheme '{scheme.id}' ({scheme.language}) is not reversible; "
                f"reversible schemes: {reversible}"
            )
        return Transliterator(scheme.reverse, scheme.casing)
    direction = scheme.forward
    if fallback is not None:
        extra = {k: v for k, v in fallback.forward.mapping.items() if k not in direction.mapping}
        direction = Direction(
            mapping={**direction.mapping, **extra},
            start=direction.start,
            prev=direction.prev,
            next=direction.next,
            ending=direction.ending,
            rules=direction.rules,
        )
    return Transliterator(direction, scheme.casing)


def list_schemes(lang: str | None = None) -> list[SchemeInfo]:
    """Every scheme (one entry per language and id), sorted by language then id."""
    infos = []
    for (lg, sid), _path in sorted(_index().items()):
        if lang is not None and lg != lang:
            continue
        s = get_scheme_data(sid, lg)
        infos.append(
            SchemeInfo(
                id=s.id,
                language=s.language,
                name=s.name,
                standard=s.standard.get("name", ""),
                reversible=s.reversible,
                ascii=s.ascii,
                aliases=s.aliases,
                lossy=lossy(s.id, lg) if s.reversible else (),
            )
        )
    return infos


ALPHABETS = {
    "kk": "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя",
    "ru": "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
}
"""The Cyrillic letters whose round trip :func:`lossy` checks."""


@cache
def lossy(scheme_id: str, lang: str) -> tuple[str, ...]:
    """The letters of ``lang`` that a reversible scheme does not bring back.

    A letter is lossy if romanizing then reversing changes a word holding it: between
    vowels, after a consonant, at the start or the end of a word, or in upper case
    (listed in upper case when only that fails). A pair of letters that are fine
    alone but not together (``сх`` read back as ``ш``) is listed as the pair.
    """
    forward = transliterator(scheme_id, lang)
    back = transliterator(scheme_id, lang, reverse=True)

    def kept(word: str) -> bool:
        return back.apply(forward.apply(word)) == word

    alphabet = ALPHABETS[lang]
    found: list[str] = []
    for x in alphabet:
        if not all(kept(w) for w in (f"а{x}а", f"м{x}а", f"а{x}", f"{x}а")):
            found.append(x)
        elif not kept(f"А{x.upper()}А"):
            found.append(x.upper())
    fine = [x for x in alphabet if x not in found]
    found += [x + y for x in fine for y in fine if not kept(f"а{x}{y}а")]
    return tuple(found)


def check_language(lang: str) -> None:
    if lang not in LANGUAGES:
        raise UnknownLanguageError(
            f"unknown language {lang!r}; valid: {', '.join(LANGUAGES)} (or auto)"
        )


def _unknown(scheme_id: str, lang: str | None) -> UnknownSchemeError:
    where = f" for {lang}" if lang else ""
    return UnknownSchemeError(
        f"unknown scheme {scheme_id!r}{where}; valid: {', '.join(scheme_ids(lang))}"
    )
