"""Romanization of Kazakh and Russian Cyrillic (and back, for reversible schemes)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from translit._distinct import map_distinct
from translit.schemes import check_language, list_schemes, transliterator
from translit.text import KAZAKH_ONLY, LANGUAGES, detect_language, prepare

DEFAULT_SCHEME = "bgn-pcgn"

#: Entries kept per cache before it is emptied (bounded memory on endless streams).
_CACHE_LIMIT = 1 << 16
#: Texts longer than this are not cached whole (their words still are).
_TEXT_CACHE_MAX_LEN = 80
_KAZAKH_SET = frozenset(KAZAKH_ONLY)


def _language(text: str, lang: str | None) -> str:
    if lang is None or lang == "auto":
        detected = detect_language(text)
        return "ru" if detected == "und" else detected
    check_language(lang)
    return lang


def romanize_uncached(text: str, scheme: str = DEFAULT_SCHEME, lang: str | None = None) -> str:
    """:func:`romanize` without its caches: prepare, detect, transliterate the whole text.

    The reference that the cached path is tested against.
    """
    if text.isascii():
        transliterator(scheme, "ru" if lang in (None, "auto") else _language(text, lang))
        return text
    text = prepare(text)
    return transliterator(scheme, _language(text, lang)).apply(text)


class _Pieces:
    """Romanizations of space-free pieces in one fixed language, cached by piece.

    Context rules, all-caps words and look-alike repair never look across a space, so
    a text romanizes to the space-joined romanizations of its space-separated pieces.
    """

    __slots__ = ("_apply", "get", "memo")

    def __init__(self, scheme: str, lang: str) -> None:
        self._apply = transliterator(scheme, lang).apply
        self.memo: dict[str, str] = {}
        self.get = self.memo.get

    def fill(self, pieces: list[str]) -> list[str]:
        """Romanize ``pieces``, computing and caching the ones not seen before."""
        memo, apply = self.memo, self._apply
        if len(memo) >= _CACHE_LIMIT:
            memo.clear()
        out = []
        for piece in pieces:
            done = memo.get(piece)
            if done is None:
                done = memo[piece] = piece if piece.isascii() else apply(prepare(piece))
            out.append(done)
        return out


def _is_kazakh(piece: str) -> bool:
    """Does the prepared form of ``piece`` hold a Kazakh-only letter?"""
    return not _KAZAKH_SET.isdisjoint(prepare(piece))


def _make_runner(scheme: str, lang: str | None) -> Callable[[str], str]:
    """A romanizer for ``scheme`` in ``lang`` (``None``: detect per text), with caches."""
    if lang is not None:
        check_language(lang)
        transliterator(scheme, lang)  # fail fast on an unknown scheme
    else:
        transliterator(scheme, "ru")
    by_lang = {code: _Pieces(scheme, code) for code in ((lang,) if lang else LANGUAGES)}
    fixed = by_lang[lang] if lang else None
    texts: dict[str, str] = {}
    texts_get = texts.get
    kazakh: dict[str, bool] = {}  # piece -> flag, for detection
    kazakh_get = kazakh.get

    def run(text: str) -> str:
        out = texts_get(text)
        if out is not None:
            return out
        if text.isascii():
            return text
        pieces = text.split(" ")
        cache = fixed
        if cache is None:
            flags = list(map(kazakh_get, pieces))
            if None in flags:
                if len(kazakh) >= _CACHE_LIMIT:
                    kazakh.clear()
                flags = [kazakh.setdefault(p, _is_kazakh(p)) for p in pieces]
            cache = by_lang["kk" if True in flags else "ru"]
        try:  # every piece seen before: join raises TypeError on a missing one
            out = " ".join(map(cache.get, pieces))  # type: ignore[arg-type]
        except TypeError:
            out = " ".join(cache.fill(pieces))
        if len(text) <= _TEXT_CACHE_MAX_LEN:
            if len(texts) >= _CACHE_LIMIT:
                texts.clear()
            texts[text] = out
        return out

    return run


_RUNNERS: dict[tuple[str, str | None], Callable[[str], str]] = {}


def _runner(scheme: str, lang: str | None) -> Callable[[str], str]:
    run = _RUNNERS.get((scheme, lang))
    if run is None:
        run = _make_runner(scheme, None if lang == "auto" else lang)
        _RUNNERS[(scheme, lang)] = run
    return run


def clear_caches() -> None:
    """Forget every cached romanization (for benchmarks and long-running processes)."""
    _RUNNERS.clear()


def romanize(text: str, scheme: str = DEFAULT_SCHEME, lang: str | None = None) -> str:
    """Romanize Cyrillic ``text`` with ``scheme``.

    ``lang`` is ``kk`` or ``ru``; ``None`` (or ``auto``) detects it: Kazakh when
    Kazakh-specific letters occur, else Russian. Latin letters, digits and other
    characters pass through unchanged. Results are cached per text and per word, so
    names that share given names and surnames are cheap.

    >>> romanize("Тоқаев", "rferl")
    'Toqaev'
    """
    run = _RUNNERS.get((scheme, lang))
    if run is None:
        run = _runner(scheme, lang)
    return run(text)


def romanize_many(
    texts: Iterable[str], scheme: str = DEFAULT_SCHEME, lang: str | None = None
) -> list[str]:
    """Romanize many texts; the same as :func:`romanize` on each, in order.

    Work is done once per distinct text and per distinct space-separated word.
    """
    run = _runner(scheme, lang)
    return [run(text) for text in texts]


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
    return map_distinct(lambda text: cyrillize(text, scheme, lang), texts)
