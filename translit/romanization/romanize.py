"""Romanization of Kazakh and Russian Cyrillic (and back, for reversible schemes)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Final

from translit._util.cache import BoundedCache
from translit._util.distinct import map_distinct
from translit.letters import LANGUAGES, detect_language, has_kazakh, prepare
from translit.romanization.schemes import check_language, list_schemes, transliterator

DEFAULT_SCHEME: Final = "bgn-pcgn"

#: Entries kept per cache before it is emptied (bounded memory on endless streams).
_CACHE_LIMIT: Final = 1 << 16
#: Texts longer than this are not cached whole (their words still are).
_TEXT_CACHE_MAX_LEN: Final = 80
#: Stored texts between two checks of whether the text cache pays (a divisor of the limit).
_PROBE: Final = 1 << 12
#: While the word cache is cold, one clean text in this many is learnt from.
_COLD_SAMPLE: Final = 8


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

    Clean text (:meth:`~translit.romanization.scheme.Transliterator.apply_clean`) with a piece not
    seen before is romanized whole and its pieces are learnt from the output. While
    every piece of such texts is new (made-up or misspelt names: the cache is *cold*),
    pieces are not looked up and only one text in :data:`_COLD_SAMPLE` is learnt from,
    since learning would cost more than it saves; one learnt text with a known piece
    ends that.
    """

    __slots__ = ("_apply", "_clean", "_tick", "cold", "get", "is_clean", "memo")

    def __init__(self, scheme: str, lang: str) -> None:
        tr = transliterator(scheme, lang)
        self._apply = tr.apply
        self._clean = tr.apply_clean if tr.keeps_spaces else None
        self.is_clean = tr.is_clean
        self.memo: BoundedCache[str, str] = BoundedCache(_CACHE_LIMIT)
        self.get = self.memo.data.get  # (the dict's own: mapped over pieces)
        self._tick = 0
        self.cold = False

    def fill(self, pieces: list[str]) -> list[str]:
        """Romanize ``pieces``, computing and caching the ones not seen before."""
        memo, apply = self.memo, self._apply
        out = []
        for piece in pieces:
            done = memo.get(piece)
            if done is None:
                done = memo.put(piece, piece if piece.isascii() else apply(prepare(piece)))
            out.append(done)
        return out

    def new(self, text: str, pieces: list[str]) -> str:
        """Romanize ``text`` (split into ``pieces``), some of which are not cached yet."""
        out = None if self._clean is None else self._clean(text)
        if out is None:
            return " ".join(self.fill(pieces))
        self._learn(pieces, out)
        return out

    def fresh(self, text: str) -> str:
        """Romanize ``text`` while the cache is cold (without looking its pieces up)."""
        out = self.fresh_clean(text)
        if out is None:
            return " ".join(self.fill(text.split(" ")))
        return out

    def fresh_clean(self, text: str) -> str | None:
        """:meth:`fresh` for clean text; ``None`` for other text."""
        out = None if self._clean is None else self._clean(text)
        if out is not None:
            self._tick += 1
            if not self._tick % _COLD_SAMPLE:
                self._learn(text.split(" "), out)
        return out

    def _learn(self, pieces: list[str], out: str) -> None:
        """Cache the pieces of a clean text from its output (split alike, see keeps_spaces)."""
        memo = self.memo
        new = 0
        for piece, done in zip(pieces, out.split(" "), strict=True):
            if piece not in memo:
                new += 1
            memo.put(piece, done)
        self.cold = new == len(pieces)


class _Texts:
    """A cache of whole texts that stops storing while texts rarely repeat.

    Storing a text costs about a third of what a hit saves; after every
    :data:`_PROBE` stored texts, if fewer than a quarter of them were hit, storing
    pauses for a while (longer each time in a row), and then resumes on probation.
    """

    __slots__ = ("backoff", "get", "hits", "memo", "skip")

    def __init__(self) -> None:
        self.memo: BoundedCache[str, str] = BoundedCache(_CACHE_LIMIT)
        self.get = self.memo.data.get  # (the dict's own: mapped over pieces)
        self.hits = 0
        self.skip = 0
        self.backoff = _PROBE

    def settle(self) -> None:
        """Judge the last :data:`_PROBE` stored texts (called when that many were stored)."""
        if self.hits * 4 < _PROBE:
            self.skip = self.backoff
            self.backoff = min(self.backoff * 2, _CACHE_LIMIT * 4)
        else:
            self.backoff = _PROBE
        self.hits = 0

    def found(self, text: str) -> str | None:
        """The stored output for ``text``, if any (a hit is counted)."""
        out = self.get(text)
        if out is not None:
            self.hits += 1
        return out

    def keep(self, text: str, out: str) -> None:
        """Store ``out`` for ``text`` (unless storing is paused or the text is long)."""
        if self.skip:
            self.skip -= 1
        elif len(text) <= _TEXT_CACHE_MAX_LEN:
            self.memo.put(text, out)
            if not len(self.memo) % _PROBE:
                self.settle()


def _is_kazakh(piece: str) -> bool:
    """Does the prepared form of ``piece`` hold a Kazakh-only letter?"""
    return has_kazakh(prepare(piece))


def _make_runner(scheme: str, lang: str | None) -> Callable[[str], str]:
    """A romanizer for ``scheme`` in ``lang`` (``None``: detect per text), with caches."""
    if lang is not None:
        check_language(lang)
        transliterator(scheme, lang)  # fail fast on an unknown scheme
        return _fixed_runner(_Pieces(scheme, lang))
    transliterator(scheme, "ru")
    return _detecting_runner({code: _Pieces(scheme, code) for code in LANGUAGES})


def _fixed_runner(cache: _Pieces) -> Callable[[str], str]:
    """The runner for one language: whole-text cache, then the word cache."""
    texts = _Texts()

    def run(text: str) -> str:
        out = texts.found(text)
        if out is not None:
            return out
        if text.isascii():
            return text
        out = _warm(cache, text, text.split(" "))
        texts.keep(text, out)
        return out

    return run


def _warm(cache: _Pieces, text: str, pieces: list[str]) -> str:
    """Romanize ``text`` (split into ``pieces``) with ``cache``, its pieces looked up first."""
    if cache.cold:
        return cache.fresh(text)
    try:  # every piece seen before: join raises TypeError on a missing one
        return " ".join(map(cache.get, pieces))  # type: ignore[arg-type]
    except TypeError:
        return cache.new(text, pieces)


def _detecting_runner(by_lang: dict[str, _Pieces]) -> Callable[[str], str]:
    """The runner that detects the language of each text (Kazakh if any piece is)."""
    texts = _Texts()
    kazakh: BoundedCache[str, bool] = BoundedCache(_CACHE_LIMIT)  # piece -> flag, for detection
    kazakh_get = kazakh.data.get  # (the dict's own: mapped over pieces)
    kk, ru = by_lang["kk"], by_lang["ru"]

    def unseen(text: str, pieces: list[str]) -> str:
        """Romanize a text with a piece whose language flag is not known yet."""
        if kk.is_clean(text):  # prepare changes nothing: look at the pieces as they are
            flags = [kazakh.put(p, has_kazakh(p)) for p in pieces]
        else:
            flags = []
            for p in pieces:
                flag = kazakh.get(p)
                flags.append(kazakh.put(p, _is_kazakh(p)) if flag is None else flag)
        return _warm(kk if True in flags else ru, text, pieces)

    def run(text: str) -> str:
        out = texts.found(text)
        if out is not None:
            return out
        if text.isascii():
            return text
        if kk.cold or ru.cold:
            # Clean text shows its language as it is: a clean romanization in the
            # language its letters say is right (text that is not clean gets None).
            cache = kk if has_kazakh(text) else ru
            if cache.cold:
                out = cache.fresh_clean(text)
        if out is None:
            pieces = text.split(" ")
            flags = list(map(kazakh_get, pieces))
            if True in flags:  # one Kazakh piece makes the text Kazakh
                out = _warm(kk, text, pieces)
            elif None in flags:
                out = unseen(text, pieces)
            else:
                out = _warm(ru, text, pieces)
        texts.keep(text, out)
        return out

    return run


#: scheme -> lang -> runner (nested: two subscripts beat hashing a tuple key per call)
_RUNNERS: Final[dict[str, dict[str | None, Callable[[str], str]]]] = {}


def _runner(scheme: str, lang: str | None) -> Callable[[str], str]:
    run = _RUNNERS.get(scheme, {}).get(lang)
    if run is None:
        run = _make_runner(scheme, None if lang == "auto" else lang)
        _RUNNERS.setdefault(scheme, {})[lang] = run
    return run


def clear_caches() -> None:
    """Forget every cached romanization (for benchmarks and long-running processes)."""
    _RUNNERS.clear()
    _WORDS.clear()


def romanize_word(word: str, scheme: str, lang: str) -> str:
    """:func:`romanize` of one word in a known language, remembered per scheme and
    language (name normalization renders each word of a name alone, and the spellings
    of a word meet in one Cyrillic form). A clean word goes straight through the
    scheme, without the caches of texts and pieces that :func:`romanize` keeps."""
    memo = _WORDS.get((scheme, lang))
    if memo is None:
        memo = _WORDS.setdefault((scheme, lang), BoundedCache(_WORD_CACHE_LIMIT))
    out = memo.get(word)
    if out is None:
        out = transliterator(scheme, lang).apply_clean(word)
        if out is None:
            out = romanize_uncached(word, scheme, lang)
        memo.put(word, out)
    return out


#: Words kept per scheme and language by romanize_word.
_WORD_CACHE_LIMIT: Final = 1 << 17
#: (scheme, lang) -> word -> its romanization (see romanize_word)
_WORDS: Final[dict[tuple[str, str], BoundedCache[str, str]]] = {}


def romanize(text: str, scheme: str = DEFAULT_SCHEME, lang: str | None = None) -> str:
    """Romanize Cyrillic ``text`` with ``scheme``.

    ``lang`` is ``kk`` or ``ru``; ``None`` (or ``auto``) detects it: Kazakh when
    Kazakh-specific letters occur, else Russian. Latin letters, digits and other
    characters pass through unchanged. Results are cached per text and per word, so
    names that share given names and surnames are cheap.

    >>> romanize("Тоқаев", "rferl")
    'Toqaev'
    """
    try:
        run = _RUNNERS[scheme][lang]
    except KeyError:
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
        langs = {
            info.language for info in list_schemes() if scheme == info.id or scheme in info.aliases
        }
        lang = "kk" if "kk" in langs or not langs else "ru"
    check_language(lang)
    tr = transliterator(scheme, lang, reverse=True)
    if not text.isascii():
        text = prepare(text)
    return tr.apply(text)


def cyrillize_many(texts: Iterable[str], scheme: str, lang: str | None = None) -> list[str]:
    """:func:`cyrillize` over many texts, once per distinct text."""
    return map_distinct(lambda text: cyrillize(text, scheme, lang), texts)
