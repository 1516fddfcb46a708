"""Romanization of Kazakh and Russian Cyrillic (and back, for reversible schemes)."""

from __future__ import annotations

from collections.abc import Iterable

from translit.schemes import check_language, list_schemes, transliterator
from translit.text import detect_language, prepare

DEFAULT_SCHEME = "bgn-pcgn"


def _language(text: str, lang: str | None) -> str:
    if lang is None or lang == "auto":
        detected = detect_language(text)
        return "ru" if detected == "und" else detected
    check_language(lang)
    return lang


def romanize(text: str, scheme: str = DEFAULT_SCHEME, lang: str | None = None) -> str:
    """Romanize Cyrillic ``text`` with ``scheme``.

    ``lang`` is ``kk`` or ``ru``; ``None`` (or ``auto``) detects it: Kazakh when
    Kazakh-specific letters occur, else Russian. Latin letters, digits and other
    characters pass through unchanged.

    >>> romanize("Тоқаев", "rferl")
    'Toqaev'
    """
    if text.isascii():
        if lang is not None and lang != "auto":
            check_language(lang)
        transliterator(scheme, "ru" if lang in (None, "auto") else lang)  # validate scheme
        return text
    text = prepare(text)
    return transliterator(scheme, _language(text, lang)).apply(text)


_WORD_CACHE_LIMIT = 1 << 17


def romanize_many(
    texts: Iterable[str], scheme: str = DEFAULT_SCHEME, lang: str | None = None
) -> list[str]:
    """Romanize many texts, doing the work once per distinct text and per distinct word.

    Context rules never cross a space, so each space-separated word is romanized once
    per language and reused (names share their given names and surnames); the result is
    identical to calling :func:`romanize` on each text.
    """
    fixed = None if lang is None or lang == "auto" else lang
    if fixed is not None:
        check_language(fixed)
    transliterator(scheme, fixed or "ru")  # fail fast on an unknown scheme
    done: dict[str, str] = {}
    words: dict[str, dict[str, str]] = {"kk": {}, "ru": {}}
    out: list[str] = []
    append = out.append
    for text in texts:
        result = done.get(text)
        if result is None:
            if text.isascii():
                result = text
            else:
                code = fixed or _language(prepare(text), None)
                cache = words[code]
                if len(cache) > _WORD_CACHE_LIMIT:
                    cache.clear()
                pieces = []
                for word in text.split(" "):
                    piece = cache.get(word)
                    if piece is None:
                        piece = word
                        if not word.isascii():
                            piece = transliterator(scheme, code).apply(prepare(word))
                        cache[word] = piece
                    pieces.append(piece)
                result = " ".join(pieces)
            done[text] = result
        append(result)
    return out


def cyrillize(text: str, scheme: str, lang: str | None = None) -> str:
    """Convert romanized ``text`` back to Cyrillic with a reversible scheme.

    ``lang`` defaults to the language the scheme is defined for (Kazakh when both are,
    since the Kazakh alphabet contains the Russian one).
    """
    if lang is None or lang == "auto":
        langs = {info.language for info in list_schemes() if scheme in (info.id, *info.aliases)}
        lang = "kk" if "kk" in langs or not langs else "ru"
    check_language(lang)
    tr = transliterator(scheme, lang, reverse=True)
    if not text.isascii():
        text = prepare(text)
    return tr.apply(text)


def cyrillize_many(texts: Iterable[str], scheme: str, lang: str | None = None) -> list[str]:
    """:func:`cyrillize` over many texts, once per distinct text."""
    done: dict[str, str] = {}
    out = []
    for text in texts:
        result = done.get(text)
        if result is None:
            result = done[text] = cyrillize(text, scheme, lang)
        out.append(result)
    return out
