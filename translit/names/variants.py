"""Plausible spellings of a name, for search queries over archives."""

from __future__ import annotations

from dataclasses import dataclass

from translit.letters import KK_TO_RU, detect_language, has_cyrillic
from translit.names.gazetteer import Gazetteer, bundled_gazetteer
from translit.names.normalize import _without
from translit.names.parse import parse_name
from translit.names.spelling import reconstruct
from translit.romanization.romanize import romanize
from translit.romanization.schemes import list_schemes


@dataclass(frozen=True)
class Variant:
    """One spelling and what produces it."""

    spelling: str
    sources: tuple[str, ...]


def variants(name: str, gazetteer: Gazetteer | None = None) -> list[Variant]:
    """Spellings of ``name`` under every scheme and press convention, plus attested forms.

    A Latin input is first resolved in the gazetteer or reconstructed in Cyrillic from
    the lexicon; the result lists each distinct spelling with the schemes (``kk:rferl``,
    ``ru:de-press``) or sources (``attested``, ``cyrillic-kk``) that give it.
    """
    gaz = gazetteer if gazetteer is not None else bundled_gazetteer()
    parsed = parse_name(name)
    found: dict[str, list[str]] = {}

    def add(spelling: str, source: str) -> None:
        spelling = spelling.strip()
        if spelling and source not in found.setdefault(spelling, []):
            found[spelling].append(source)

    kk: str | None = None
    ru: str | None = None
    hit = gaz.lookup(parsed)
    if hit is not None and hit[0].is_person and len(parsed.folds) < 2:
        hit = None  # a surname alone: spell the surname, not the full name
    if hit is not None:
        entity = hit[0]
        kk = _without(entity.kk, parse_name(entity.kk)) if entity.kk else None
        ru = _without(entity.ru, parse_name(entity.ru)) if entity.ru else None
        add(entity.en, "gazetteer:en")
        for form in (*entity.official, *entity.also):
            add(form, "attested")
    else:
        body = _without(parsed.text, parsed)
        if has_cyrillic(body):
            if detect_language(body) == "kk":
                kk = body
            else:
                ru = body
        elif parsed.words:
            cyr, found_n, total, _ = reconstruct(parse_name(body), body, all_words=False)
            if found_n and found_n == total:
                kk = cyr if detect_language(cyr) == "kk" else None
                ru = cyr if kk is None else None
            add(body, "input")
    if kk is not None:
        add(kk, "cyrillic-kk")
        ru = ru or kk.translate(KK_TO_RU)
    if ru is not None:
        add(ru, "cyrillic-ru")
    for info in list_schemes():
        source = kk if info.language == "kk" and kk is not None else ru
        if source is None:
            continue
        if info.language == "kk" and kk is None:
            continue
        add(romanize(source, info.id, lang=info.language), f"{info.language}:{info.id}")
    return [Variant(s, tuple(src)) for s, src in found.items()]
