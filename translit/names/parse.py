"""Reading a personal or place name into its words: titles, initials, patronymics, surname.

The rules (titles in many languages, patronymic and surname endings) are data:
``data/names/name_rules.json``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from functools import cache
from typing import Any, Final, NamedTuple

from mypy_extensions import mypyc_attr

from translit._util.cache import BoundedCache
from translit._util.paths import data_path
from translit.letters import has_cyrillic, prepare
from translit.names.eastslavic import latin_reading, russian_reading
from translit.names.fold import (
    FRENCH,
    GERMANIC,
    KAZAKH_LATIN,
    fold_prepared,
    fold_token,
    lower_convention,
)
from translit.names.lexicon import (
    LexiconEntry,
    lexicon,
    russian_only_surname,
    uk_be_given_forms,
    uk_be_latin_given,
)
from translit.names.literal import stops_plain
from translit.names.samename import word_key

_LETTER: Final = r"(?:[^\W\d_]|[\u0300-\u036f])"
_TOKEN_RE: Final = re.compile(f"{_LETTER}+(?:['’ʼ`]{_LETTER}+)*(?:['’ʼ`])?(\\.)?")


@cache
def _rules() -> dict[str, Any]:
    path = data_path("names", "name_rules.json")
    if not path.is_file():
        return {}
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


class Titles(NamedTuple):
    """The titles and honorifics of ``name_rules.json`` (President, Mr, г-н, мырза,
    Herr ...), lower case: what :func:`strip_titles` cuts, the words that start them
    (a word of a name is no title's first word: the parser and running text), and the
    one-word titles a name's first chunk may be (the plain path cuts it unprepared)."""

    pattern: re.Pattern[str] | None  # leading titles, with the spaces and commas after
    starts: frozenset[str]  # first words of the titles, without a final dot (a gate)
    words: frozenset[str]  # one-word titles as a first chunk writes them (mr, mr., mr,)


@cache
def titles() -> Titles:
    """The titles, read once."""
    found: set[str] = set()
    for words in (_rules().get("titles") or {}).values():
        if isinstance(words, list):
            found.update(w.strip().lower() for w in words if isinstance(w, str) and w.strip())
    alts = "|".join(re.escape(t.rstrip(".")) for t in sorted(found, key=len, reverse=True))
    pattern = re.compile(f"^(?:\\s*(?:{alts})(?:\\.|(?=[\\s,])))+[\\s,]*", re.IGNORECASE)
    one_word = [t.rstrip(".") for t in found if not _TITLE_SPLIT_RE.search(t.rstrip("."))]
    return Titles(
        pattern if found else None,
        frozenset([_TITLE_SPLIT_RE.split(t, maxsplit=1)[0].rstrip(".") for t in found]),
        frozenset([t + end for t in one_word for end in ("", ".", ",")]),
    )


@cache
def _patronymic_endings() -> tuple[tuple[str, ...], frozenset[str]]:
    """(endings of joined patronymics, standalone patronymic words), lower case."""
    rules = _rules()
    endings: set[str] = set()
    words: set[str] = set()
    ru = rules.get("russian_patronymics") or {}
    for key in ("m", "f", "latin_m", "latin_f"):
        endings.update(e for e in ru.get(key, []) if len(e) >= 4)
    kk = rules.get("kazakh_patronymics") or {}
    for gender in ("m", "f"):
        for forms in (kk.get(gender) or {}).values():
            endings.update(forms)
            words.update(forms)
    return tuple(sorted(endings, key=len, reverse=True)), frozenset(words)


def patronymic_words() -> frozenset[str]:
    """The standalone patronymic words (ұлы, уулу, kyzy, оглы ...), lower case."""
    return _patronymic_endings()[1]


@cache
def _surname_endings(strong: bool = False) -> tuple[str, ...]:
    """The surname endings of name_rules.json (and the Kazakh patronymics', which are
    surnames too), Cyrillic and Latin; only those not marked ``weak`` where ``strong``
    (-ов, -ский, -енко; not -ин, -ий, which given names share)."""
    out: set[str] = set()
    for item in _rules().get("surname_endings") or []:
        if strong and item.get("weak"):
            continue
        for key in ("m", "f", "latin_m", "latin_f"):
            value = item.get(key)
            values = value if isinstance(value, list) else [value]
            out.update(v for v in values if isinstance(v, str) and len(v) >= 2)
    kk = _rules().get("kazakh_patronymics") or {}
    for gender in ("m", "f"):
        for forms in (kk.get(gender) or {}).values():
            out.update(forms)
    return tuple(sorted(out, key=len, reverse=True))


_TITLE_SPLIT_RE: Final = re.compile(r"[\s.,]+")


def strip_titles(text: str) -> str:
    """Remove leading titles and honorifics (President, Mr, г-н, мырза, Herr ...)."""
    found = titles()
    if found.pattern is None:
        return text
    first = _TITLE_SPLIT_RE.split(text.lstrip(), maxsplit=1)[0].lower()
    if first not in found.starts:
        return text
    stripped = found.pattern.sub("", text, count=1)
    return stripped if stripped.strip() else text


# A part of a name in brackets: a qualifier or a nickname (Ivan Petrov (politician),
# ヴァレリ・ムンテアヌ （政治家）, Giorgi (Gigi) Tsereteli); full-width brackets too.
_BRACKETED_RE: Final = re.compile(r"[(（\[][^()（）\[\]]*[)）\]]")
BRACKETS: Final = ("(", "（", "[")


def split_brackets(name: str) -> tuple[str, str, bool]:
    """``name`` less the parts it holds in brackets (whitespace tidied), those parts as
    written (joined by a space), and whether they all come after the rest; for a name
    with none, (``name``, ``""``, ``True``)."""
    groups = list(_BRACKETED_RE.finditer(name))
    if not groups:
        return name, "", True
    head = " ".join(_BRACKETED_RE.sub(" ", name).split())
    # (at the end: nothing but brackets and spaces from the first bracket on)
    at_end = not _BRACKETED_RE.sub("", name[groups[0].start() :]).strip()
    return head, " ".join([m.group() for m in groups]), at_end


@cache
def name_suffixes() -> frozenset[str]:
    """Words that follow a name and are no part of it (``suffixes`` of name_rules.json:
    Jr., II, PhD, мл.), lower case, without dots."""
    found = _rules().get("suffixes") or {}
    return frozenset([*found.get("generational", []), *found.get("post-nominal", [])])


@cache
def generational_suffixes() -> frozenset[str]:
    """The suffixes that tell a son from his father (Jr., II, мл.), lower case, without
    dots: a name with one is never linked to a gazetteer entity."""
    return frozenset((_rules().get("suffixes") or {}).get("generational", []))


def split_suffix(name: str) -> tuple[str, str]:
    """``name`` less the suffixes it ends with (:func:`name_suffixes`: Ivan Petrov Jr.,
    Ivanov Ivan, MP), and those suffixes as written, after a comma and a space or a
    space as before them; (``name``, ``""``) for a name with none."""
    suffixes = name_suffixes()
    chunks = name.split()
    cut = len(chunks)
    while cut > 1 and _suffix_word(chunks[cut - 1]) in suffixes:
        cut -= 1
    if cut == len(chunks):
        return name, ""
    head = " ".join(chunks[:cut])
    comma = head.endswith(",")
    tail = " ".join(chunks[cut:])
    return head.rstrip(","), (", " if comma or tail.startswith(",") else " ") + tail.lstrip(", ")


def generational(suffix: str) -> bool:
    """Does a suffix of :func:`split_suffix` hold a generational one (Jr., II, мл.)?"""
    return any(_suffix_word(w) in generational_suffixes() for w in suffix.split())


def _suffix_word(chunk: str) -> str:
    """A chunk as :func:`name_suffixes` lists it: lower case, without dots or commas."""
    return chunk.replace(".", "").strip(",").lower()


_CHUNK_LIMIT: Final = 1 << 18
# The flags of a word (Word.flags), one bit each; every flag is below 1 << FLAG_BITS.
CAPS: Final = 1  # written in capitals (two letters or more)
SURNAME_END: Final = 2  # ends like a surname
PATRONYMIC_END: Final = 4  # ends like a patronymic (-ovich, -ұлы joined)
PATRONYMIC_WORD: Final = 8  # a separate patronymic word (ұлы, kyzy)
AMBIGUOUS: Final = 16  # its fold depends on the convention of the rest of the name
_CONVENTION_FLAGS: Final = {GERMANIC: 32, FRENCH: 64, KAZAKH_LATIN: 128}  # it shows one
_CONVENTIONS: Final = 32 | 64 | 128
GIVEN: Final = 256  # a given name the lexicon knows
CYRILLIC: Final = 512  # written in Cyrillic
COMMA: Final = 1024  # a comma follows it (Surname, Given)
JOINED: Final = 2048  # a hyphen follows it, in its chunk (Kassym-Jomart)
VARIANT: Final = 4096  # another language's form of a known given name (Oleksandr)
INITIAL: Final = 8192  # an initial: one letter, or an abbreviated given name (Zh., Kh.)
STRONG_END: Final = 16384  # ends like a surname, with an ending no given name has (-ов)
FLAG_BITS: Final = 15
_PATRONYMIC_FLAGS: Final = PATRONYMIC_END | PATRONYMIC_WORD
# a word a name of three or more may drop: a patronymic, or a father's name
_MAY_DROP: Final = _PATRONYMIC_FLAGS | SURNAME_END
_Word = tuple[int, str, str, bool, int]  # offset in chunk, word, fold, initial, flags
# a whitespace-free chunk -> its words (see _chunk)
_chunks: Final[BoundedCache[str, tuple[_Word, ...]]] = BoundedCache(_CHUNK_LIMIT)


@mypyc_attr(acyclic=True)
class Word:
    """One word of a name: as written, its fold, its flags (``CAPS``, ``CYRILLIC``,
    ``SURNAME_END``, ``GIVEN``, ``INITIAL``, ``COMMA``, ``JOINED`` ...), its offsets and
    its lexicon entry. The one word model of both readers of a name: :func:`parse_name`
    (any name) and :func:`plain_words` (a name whose chunks are plain words).

    A whitespace chunk that is one plain word, or plain words joined by hyphens
    (Kassym-Jomart, Ust-Kamenogorsk), is remembered as a ``Word`` (whose ``parts`` are
    the words of a hyphenated chunk; the words but the last carry the ``JOINED`` flag,
    a hyphen follows them); its offsets are in the chunk. A word of a parsed name has
    its offsets in the prepared name.

    Frozen once made: what later hops make of a word is kept by them (see
    :mod:`translit.names.session`), not on it.

    (A slotted class rather than a named tuple: compiled with mypyc, its attributes are
    read directly. Acyclic: no reference from it leads back to it, so compiled, the
    garbage collector does not track it; the caches hold tens of thousands.)"""

    __slots__ = ("end", "entry", "flags", "fold", "parts", "start", "word")

    def __init__(self, word: str, fold: str, flags: int, start: int = 0) -> None:
        self.word = word
        self.fold = fold
        # the lexicon's entry for the fold, set on every word of a plain name (None
        # there: the lexicon does not know the fold)
        self.entry: LexiconEntry | None = None
        # the word's flags, with COMMA when a comma follows it (Surname, Given)
        self.flags = flags
        self.start = start  # where the word begins and ends in its text
        self.end = start + len(word)
        self.parts: tuple[Word, ...] | None = None  # the words of a hyphenated chunk

    def __repr__(self) -> str:
        return f"Word({self.word!r}, {self.fold!r}, {self.flags}, {self.start})"


class Name:
    """A name read into its words (titles cut, patronymics and a father's name dropped),
    with what its words show together: by :func:`parse_name` or :func:`plain_words`."""

    __slots__ = ("all_flags", "any_flags", "dropped", "hint", "surname", "text", "words")

    def __init__(
        self,
        words: list[Word],
        any_flags: int,
        all_flags: int,
        hint: str,
        surname: int = -1,
        dropped: tuple[Word, ...] = (),
        text: str = "",
    ) -> None:
        self.words = words
        self.any_flags = any_flags  # flags of any word (a comma shows as COMMA)
        self.all_flags = all_flags  # flags of every word
        self.hint = hint  # the one spelling convention its words show, else ""
        # the surname's index, -1 for none; of a name of plain words, only where a
        # patronymic was dropped (the surname was chosen among all its words), else
        # -1 (its order is told by its words' flags: see guess_surname)
        self.surname = surname
        self.dropped = dropped  # the patronymics and father's name dropped
        self.text = text  # the prepared name (parse_name), whose offsets the words give

    @property
    def folds(self) -> tuple[str, ...]:
        """The folds of its full words (not initials)."""
        return tuple([w.fold for w in self.words if not w.flags & INITIAL and w.fold])

    @property
    def initials(self) -> tuple[str, ...]:
        """The folds of its initials."""
        return tuple([w.fold for w in self.words if w.flags & INITIAL and w.fold])

    @property
    def surname_fold(self) -> str | None:
        if self.surname < 0:
            return None
        return self.words[self.surname].fold


_NOT_PLAIN: Final = Word("", "", 0)
# a whitespace chunk of a name, as written -> its Word (or _NOT_PLAIN)
_plain: Final[BoundedCache[str, Word]] = BoundedCache(_CHUNK_LIMIT)
_BIT_CONVENTION: Final = {bit: conv for conv, bit in _CONVENTION_FLAGS.items()}


def plain_words(name: str) -> Name | None:
    """The words of ``name`` when each whitespace chunk is one plain word, else ``None``.

    A plain word is a full word (not an initial or a title), alone in its chunk or
    followed by a comma, or joined to other plain words by hyphens (their words are
    listed one by one, flagged ``JOINED`` but the last); leading titles are cut first,
    and a patronymic is dropped as :func:`parse_name` drops it (a few rare shapes
    are left to it). Such a name parses to exactly these words, in order (with folds
    that need a convention hint refolded as :func:`parse_name` does), so keys and
    canonical forms can be computed from them directly. Chunks are cached as written:
    preparing a name chunk by chunk gives the chunks of the prepared name.
    """
    run = _plain_run(name.split())
    if run is None:
        run = _plain_words_after_titles(name)
        if run is None:
            return None
    words = run.words
    if not words:
        return None
    any_flags = run.any_flags
    hint = ""
    if any_flags & _CONVENTIONS:
        hint = word_convention(any_flags)
        run.hint = hint
        if hint and any_flags & AMBIGUOUS and len(words) > 1:
            words = [_refolded(w, hint) if w.flags & AMBIGUOUS else w for w in words]
            run.words = words
    if any_flags & VARIANT and len(words) > 1:
        words = _ukrainian_h(words, hint)
        run.words = words
    if len(words) >= 3 and _may_drop(any_flags, _middle_flags(words)):
        return _without_patronymic(words, any_flags, run.all_flags, hint)
    return run


def _may_drop(any_flags: int, middle: int) -> bool:
    """Can a name of three words or more lose a word: a patronymic (in ``any_flags``,
    the flags of any word), or a father's name (``middle``: see :func:`_middle_flags`)?"""
    return bool(any_flags & _PATRONYMIC_FLAGS or middle)


def _middle_flags(words: list[Word]) -> int:
    """``SURNAME_END`` when a word between the first and the last ends like a surname
    and is no known given name (it may be a father's name), or, after a comma, the
    last word does, else 0."""
    for w in words[1:-1]:
        if w.flags & (SURNAME_END | GIVEN) == SURNAME_END:
            return SURNAME_END
    if words[0].flags & COMMA and words[-1].flags & (SURNAME_END | GIVEN) == SURNAME_END:
        return SURNAME_END
    return 0


def word_convention(flags: int) -> str:
    """The one spelling convention words with these flags (one word's, or any word's
    of a name) show (``""``: none, or more than one), as :func:`translit.names.fold.convention`
    finds it."""
    return _BIT_CONVENTION.get(flags & _CONVENTIONS, "")


def _without_patronymic(
    words: list[Word], any_flags: int, all_flags: int, hint: str
) -> Name | None:
    """A plain name of three or more words without its patronymic, dropped as
    :func:`name_shape` drops it; ``None`` for the shapes left to the general
    path: nothing to drop, a dropped word with a comma or a hyphen, a convention shown
    by the patronymic alone, or three words or more left with a patronymic ending
    (normalization parses the rest of the name again and may drop more)."""
    flags = [w.flags for w in words]
    comma = -1
    if any_flags & COMMA:  # (the words before the first comma)
        comma = next(i for i, f in enumerate(flags) if f & COMMA) + 1
    surname, drop = name_shape(flags, list(range(len(words))), comma, True)
    if not drop:
        if any_flags & _PATRONYMIC_FLAGS:
            return None
        return Name(words, any_flags, all_flags, hint)  # (no father's name either)
    for i in drop:
        if flags[i] & (COMMA | JOINED) or (i > 0 and flags[i - 1] & JOINED):
            return None
    kept = _shaped(words, surname, drop, hint, "")
    if len(kept.words) >= 3 and (kept.any_flags & _PATRONYMIC_FLAGS or _drops_more(kept.words)):
        return None
    return kept if word_convention(kept.any_flags) == hint else None


def _shaped(words: list[Word], surname: int, drop: set[int], hint: str, text: str) -> Name:
    """The :class:`Name` of ``words`` less the words ``drop`` (their indices, see
    :func:`name_shape`: the surname is never one), with the surname's index (among
    all the words) among those kept: what both readers of a name make of its shape."""
    kept = [w for i, w in enumerate(words) if i not in drop] if drop else words
    any_flags = 0
    all_flags = -1
    for w in kept:
        any_flags |= w.flags
        all_flags &= w.flags
    dropped = tuple([w for i, w in enumerate(words) if i in drop]) if drop else ()
    surname -= sum(1 for i in drop if i < surname)
    return Name(kept, any_flags, all_flags, hint, surname, dropped, text)


# (word, flags, offset, hint) -> the word folded by the hint
_refolds: Final[BoundedCache[tuple[str, int, int, str], Word]] = BoundedCache(_CHUNK_LIMIT)


def _refolded(word: Word, hint: str) -> Word:
    """``word`` folded by the convention ``hint`` of the rest of its name."""
    found = (word.word, word.flags, word.start, hint)  # (flags: with COMMA and JOINED)
    out = _refolds.get(found)
    if out is None:
        out = _with_entry(Word(word.word, word_key(word.word, hint), word.flags, word.start))
        _refolds.put(found, out)
    return out


# A lone h, no part of kh, zh, ch, sh, ts ... (Ukrainian and Belarusian Latin write г as
# h: Hroysman, Baloha, Ohnevych; and х as kh, Polish and German as ch).
_LONE_H_RE: Final = re.compile("(?<![kzcstpdgw])h")
_H_HINT: Final = "h"  # (what _refolds is told for a word whose h is read as г)
_UK_H_SKIP: Final = VARIANT | GIVEN | CYRILLIC | INITIAL


def _ukrainian_h(words: list[Word], hint: str) -> list[Word]:
    """``words`` (of a name with a ``VARIANT`` word), where one is a Latin form of a
    Ukrainian or Belarusian given name (``lexicon.uk_be_latin_given``: Volodymyr, Ihor,
    Wiktar), with each lone h of the others that the lexicon does not know read as г
    (Volodymyr Hroysman: Гройсман, Ihor Hryniw: Гринив, as their Cyrillic spellings
    fold); else ``words`` themselves. (Read so for the whole name, not word by word:
    in other conventions h is х too, Harin is Харин, not Гарин.)"""
    if not any(
        not w.flags & _UK_H_SKIP and "h" in w.word.lower() and w.entry is None for w in words
    ):
        return words  # (most names: no word with an h)
    given = uk_be_latin_given()
    if not any(w.flags & VARIANT and fold_token(w.word) in given for w in words):
        return words
    out = []
    for w in words:
        if not w.flags & _UK_H_SKIP and w.entry is None and _LONE_H_RE.search(w.word.lower()):
            w = _h_refolded(w, hint)
        out.append(w)
    return out


def _h_refolded(word: Word, hint: str) -> Word:
    """``word`` folded with its lone h read as г (and by the name's convention ``hint``)."""
    found = (word.word, word.flags, word.start, _H_HINT + hint)
    out = _refolds.get(found)
    if out is None:
        read = _LONE_H_RE.sub("g", word.word.lower())
        out = _with_entry(Word(word.word, word_key(read, hint), word.flags, word.start))
        _refolds.put(found, out)
    return out


def plain_folds(name: str) -> tuple[str, ...] | None:
    """The folds of the words of :func:`plain_words` (``None`` where it gives none):
    what a match key needs, with a shortcut for names whose chunks are all known."""
    folds = []
    flags = 0
    middle = 0  # flags of the words between the first and the last
    last = 0
    for chunk in name.split():
        plain = _plain.data.get(chunk)  # (the dict read directly: a hot loop)
        if plain is None or plain is _NOT_PLAIN or plain.parts is not None:
            break
        folds.append(plain.fold)
        flags |= plain.flags
        if len(folds) > 2 and last & (SURNAME_END | GIVEN) == SURNAME_END:
            middle = SURNAME_END  # (a middle word that may be a father's name)
        last = plain.flags
    else:
        if flags & COMMA and last & (SURNAME_END | GIVEN) == SURNAME_END:
            middle = SURNAME_END  # (after a comma, the last word may be a father's name)
        # (a word whose fold depends on the name's convention is refolded only where
        # another word shows one: see plain_words)
        refold = flags & AMBIGUOUS and flags & _CONVENTIONS
        if flags & VARIANT and ("h" in name or "H" in name):
            refold = True  # (a lone h may be г: see _ukrainian_h)
        if folds and not refold and (len(folds) < 3 or not _may_drop(flags, middle)):
            return tuple(folds)
    found = plain_words(name)
    return None if found is None else tuple([w.fold for w in found.words])


def _plain_words_after_titles(name: str) -> Name | None:
    """:func:`_plain_run` of a name that starts with titles, the titles cut."""
    chunks = name.split()
    if len(chunks) >= 2 and chunks[0].lower() in titles().words:
        run = _plain_run(chunks[1:])  # (one title: no need to prepare the name)
        if run is not None:  # (else another title follows, or no plain word)
            return run
    body = strip_titles(prepare(name))
    if body is name or not body.strip():
        return None
    return _plain_run(body.split())


def _plain_run(chunks: list[str]) -> Name | None:
    """The plain words of ``chunks`` with the flags of any and of every word (no hint
    yet); ``None`` where a chunk is not a plain word."""
    out = []
    any_flags = 0
    all_flags = -1
    for chunk in chunks:
        plain = _plain.data.get(chunk)  # (the dict read directly: a hot loop)
        if plain is None:
            plain = _new_plain(chunk)
        if plain is _NOT_PLAIN:
            return None
        parts = plain.parts
        if parts is None:
            out.append(plain)
            any_flags |= plain.flags
            all_flags &= plain.flags
        else:
            for part in parts:
                out.append(part)
                any_flags |= part.flags
                all_flags &= part.flags
    return Name(out, any_flags, all_flags, "")


def chunk_plain(raw: str) -> Word | None:
    """The plain word (or hyphenated plain words) a whitespace chunk of a name is, as
    :func:`plain_words` reads and remembers it; ``None`` when it is no plain word
    (an initial, a title, punctuation)."""
    plain = _plain.data.get(raw)  # (the dict read directly: a hot loop)
    if plain is None:
        plain = _new_plain(raw)
    return None if plain is _NOT_PLAIN else plain


def _new_plain(raw: str) -> Word:
    chunk = prepare(raw)
    words = _chunks.get(chunk)
    if words is None:  # (not stored: the chunk's Word is what the fast path keeps)
        words = _chunk_words(chunk)
    return _plain.put(raw, _plain_chunk(chunk, words))


def _chunk(chunk: str) -> tuple[_Word, ...]:
    """The words of one whitespace-free chunk, cached: see ``_Word``.

    Words never contain whitespace, so reading a name chunk by chunk gives the
    same words as reading it whole.
    """
    return _chunks.put(chunk, _chunk_words(chunk))


def _chunk_words(chunk: str) -> tuple[_Word, ...]:
    """:func:`_chunk` without its cache."""
    out = []
    patronymic_words, surname_endings, patronymic_endings, strong_endings = _word_rules()
    entries = lexicon().entries()
    alpha = chunk.isalpha()
    if alpha:  # one word, the whole chunk (what _TOKEN_RE finds in it)
        found: list[tuple[int, str, bool]] = [(0, chunk, False)]
    else:
        found = [(m.start(), m.group(), m.group(1) is not None) for m in _TOKEN_RE.finditer(chunk)]
    for start, word, dotted in found:
        if dotted:
            word = word[:-1]
        low = word.lower()  # (the helpers below take the word in lower case)
        cyrillic = not low.isascii() and has_cyrillic(low)
        conv = lower_convention(low)  # (each word is read once: no cache)
        fold = fold_prepared(low, cyrillic, "" if cyrillic else conv)
        # (one lookup: the repaired fold and given names)
        entry: LexiconEntry | None = entries.get(fold)
        if entry is None and conv == GERMANIC and "sch" in low:
            entry = lexicon().german_entry(fold)  # (Schukow: Жуков)
        if entry is None and not cyrillic and low.endswith("s") and len(low) > 4 and low.isalpha():
            fold, entry = _baltic_name(low, conv, fold, entries)
        elif entry is None and (cyrillic or conv in ("", GERMANIC)):
            # a Belarusian word, or a Latin spelling of a Ukrainian one, read as the
            # Russian name it spells (Варонін: Воронин; Havryliuk: Гаврилюк)
            russian = russian_reading(low) if cyrillic else latin_reading(low, fold)
            if russian is not None:
                fold = fold_prepared(russian, True, "")
                entry = entries.get(fold)
        given = variant = False
        if entry is not None:
            fold = entry.canonical
            given = entry.given
            variant = entry.variant
        elif low.endswith(_GIVEN_ENDINGS) and len(low) > 4:
            given = True  # (Central Asian given names in -бек: Кубатбек, Мыктыбек)
        # (of the apostrophes, only ʼ is a letter: a chunk of letters may hold no other)
        letters = len(word) if alpha and "ʼ" not in word else len(word.strip("'’ʼ`"))
        initial = letters == 1
        if dotted and not initial:  # abbreviated given names: Zh., Dzh., Kh.
            initial = letters <= 4 and word[:1].isupper()
        # its fold depends on the convention of the rest of the name (ch, j, c)
        ambiguous = ("ch" in low or "j" in low or "c" in low) and not cyrillic and not conv
        flags = (
            (CAPS if len(word) > 1 and word.isupper() else 0)
            | (SURNAME_END | STRONG_END if strong_endings.match(low) else 0)
            | (SURNAME_END if surname_endings.match(low) else 0)
            | (PATRONYMIC_END if patronymic_endings.match(low) else 0)
            | (PATRONYMIC_WORD if low in patronymic_words else 0)
            | (AMBIGUOUS if ambiguous else _CONVENTION_FLAGS.get(conv, 0))
            | (GIVEN if given else 0)
            | (CYRILLIC if cyrillic else 0)
            | (VARIANT if variant else 0)
        )
        if chunk.startswith("-", start + len(word) + dotted):
            flags |= JOINED  # (a hyphen follows it: Бъчварова-Пиралкова)
        out.append((start, word, fold, initial, flags))
    return tuple(out)


# Endings of Central Asian men's given names (the surnames made of them end -беков).
_GIVEN_ENDINGS: Final = ("бек", "bek")


def _baltic_name(
    low: str, conv: str, fold: str, entries: dict[str, LexiconEntry]
) -> tuple[str, LexiconEntry | None]:
    """A name with the Latvian -s or the Lithuanian -as, -is, -ys of the nominative after a
    consonant (Kairats, Igors, Vladimiras, Groismanas, Navalnys): the fold (and entry) of
    the name less it, where the lexicon knows that as a given name or pymorphy3's
    dictionary as a surname (:func:`translit.names.lexicon.russian_only_surname`); else
    ``fold`` and no entry. Latvian and Lithuanian write х as h and ch: a stem with ch
    is also read so (Michailas: Михаил)."""
    for cut in (2, 1) if low.endswith(_BALTIC_ENDINGS) else (1,):
        stem = low[:-cut]
        if len(stem) < 3:
            continue
        stem_fold = fold_prepared(stem, False, conv)
        if stem[-1:] not in _VOWEL_LETTERS:  # (-s after a vowel: the stem's own, Boris)
            found = entries.get(stem_fold)
            if found is None and "ch" in stem and conv != GERMANIC:
                found = entries.get(fold_prepared(stem, False, GERMANIC))
            if found is not None and (found.given or found.cyrillic):
                return found.canonical, found
        # (a surname of the dictionary: Navalnys, Navaļnijs = Навальный)
        if len(stem) > 4 and russian_only_surname(stem_fold):
            found = entries.get(stem_fold)
            return (stem_fold, None) if found is None else (found.canonical, found)
    return fold, None


_BALTIC_ENDINGS: Final = ("as", "is", "ys")
_VOWEL_LETTERS: Final = frozenset("aeiouyāēīūõöüäėįųы")


def _plain_chunk(chunk: str, words: tuple[_Word, ...]) -> Word:
    if len(words) != 1:
        return _compound_chunk(chunk, words) if len(words) > 1 and "-" in chunk else _NOT_PLAIN
    offset, word, fold, initial, flags = words[0]
    comma = chunk == word + ","
    if offset or initial or not fold or (word != chunk and not comma):
        return _NOT_PLAIN
    if word.lower() in titles().starts or stops_plain(word) or word.lower() in name_suffixes():
        return _NOT_PLAIN  # (a title, a legal form: see translit.names.literal)
    return _with_entry(Word(word, fold, flags | COMMA if comma else flags))


def _with_entry(plain: Word) -> Word:
    """``plain`` with its :func:`lexicon_entry` (the chunk reader has just looked the
    fold up: the lookup finds it in the processor's caches)."""
    plain.entry = lexicon_entry(plain.word, plain.fold, plain.flags)
    return plain


def lexicon_entry(word: str, fold: str, flags: int) -> LexiconEntry | None:
    """The lexicon's entry for a word of a name with this fold and these flags: none
    for another language's form of a known given name that is rendered as written
    (see :func:`as_the_name`)."""
    if flags & VARIANT and not as_the_name(word, flags):
        return None
    entry = lexicon().entries().get(fold)
    if entry is not None and entry.others:
        return lexicon().spelled_entry(entry, word)  # (Salykov: Салыков, not Салихов)
    return entry


# Letters of the Ukrainian and Belarusian alphabets that Russian does not write.
_UK_BE_LETTERS_RE: Final = re.compile("[іїєґўІЇЄҐЎ]")


def as_the_name(word: str, flags: int) -> bool:
    """Is a word flagged ``VARIANT`` (another language's form of a known given name)
    rendered as the name it is a form of? Only a Ukrainian or Belarusian form in
    Cyrillic is (Микола, Уладзімір, Сяргей as Nikolay, Vladimir, Sergey): Ukrainian
    and Belarusian labels give Russians' names so. Latin forms (Mykola, Aleksandar)
    and Bulgarian and Serbian ones (Петър, Александар) are rendered as written."""
    if not flags & CYRILLIC:
        return False
    return _UK_BE_LETTERS_RE.search(word) is not None or word.lower() in uk_be_given_forms()


def _compound_chunk(chunk: str, words: tuple[_Word, ...]) -> Word:
    """A chunk of plain words joined by hyphens (and maybe a comma after them)."""
    comma = chunk.endswith(",")
    body = chunk[:-1] if comma else chunk
    if "-".join([w[1] for w in words]) != body:
        return _NOT_PLAIN
    starts = titles().starts
    parts = []
    last = len(words) - 1
    for i, (start, word, fold, initial, flags) in enumerate(words):
        if initial or not fold or word.lower() in starts or stops_plain(word):
            return _NOT_PLAIN
        if i < last:
            parts.append(_with_entry(Word(word, fold, flags | JOINED, start)))
        else:
            flags = flags | COMMA if comma else flags
            parts.append(_with_entry(Word(word, fold, flags, start)))
    out = Word(body, "", 0)
    out.parts = tuple(parts)
    return out


def joined_words(texts: Sequence[str], words: Sequence[Word], flags: int) -> str:
    """``texts`` (one per plain word of ``words``) joined as the words were: by a hyphen
    after a ``JOINED`` word, else by a space; ``flags``: any word's flags."""
    if not flags & JOINED:
        return " ".join(texts)
    out = []
    for text, word in zip(texts, words, strict=True):
        out.append(text)
        out.append("-" if word.flags & JOINED else " ")
    return "".join(out[:-1])


def parse_name(name: str) -> Name:
    """Split ``name`` into words; drop titles and (with the rest present) patronymics."""
    return parse_body(name, True)


_PARSED_LIMIT: Final = 1 << 16
# names parsed by parse_body, with fathers and without
_parsed: Final[tuple[BoundedCache[str, Name], BoundedCache[str, Name]]] = (
    BoundedCache(_PARSED_LIMIT),
    BoundedCache(_PARSED_LIMIT),
)


def parse_body(name: str, fathers: bool) -> Name:
    """:func:`parse_name`; a father's name written like a surname is dropped only with
    ``fathers`` (normalization reads a name it has reordered again without it: the
    surname it found may no longer be first or last)."""
    cache = _parsed[fathers]
    found = cache.get(name)
    if found is None:
        found = cache.put(name, _parse_body(name, fathers))
    return found


def _parse_body(name: str, fathers: bool) -> Name:
    """:func:`parse_body` without its cache: the chunk reader's words with their
    offsets in the prepared name, refolded by the convention the name shows, and the
    name's shape (:func:`name_shape`)."""
    text = prepare(name)
    body = strip_titles(text)
    offset = len(text) - len(body)
    words: list[Word] = []
    pos = 0
    get = _chunks.data.get
    for chunk in body.split():
        pos = body.find(chunk, pos)
        found = get(chunk)
        if found is None:
            found = _chunk(chunk)
        for rel, word, fold, initial, flag in found:
            words.append(Word(word, fold, flag | INITIAL if initial else flag, offset + pos + rel))
        pos += len(chunk)
    flags = [w.flags for w in words]
    any_flags = 0
    for f in flags:
        any_flags |= f
    hint = word_convention(any_flags)
    if len(words) > 1 and any_flags & AMBIGUOUS and hint:
        words = [_refolded(w, hint) if w.flags & AMBIGUOUS else w for w in words]
    full = [i for i, f in enumerate(flags) if not f & INITIAL]
    for i in full:
        _with_entry(words[i])
    if len(words) > 1 and any_flags & VARIANT:
        words = _ukrainian_h(words, hint)
    comma = body.find(",")
    before = -1  # (the number of words before the first comma, if any)
    if comma >= 0:
        before = sum(1 for w in words if w.end <= comma + offset)
    surname, drop = name_shape(flags, full, before, fathers)
    return _shaped(words, surname, drop, hint, text)


def name_shape(
    flags: Sequence[int], full: list[int], comma: int, fathers: bool
) -> tuple[int, set[int]]:
    """The shape of a name from its words' flags: (the surname's index, -1 for none;
    the indices of the words to drop). ``full``: the indices of the full words (not
    initials); ``comma``: how many words come before the first comma (-1: no comma).

    Patronymics are dropped (in every convention) where at least two other full words
    remain, and with ``fathers``, a father's name written like a surname (see
    :func:`_patronymic_words`). Both parsers take the shape of a name from here."""
    surname = _guess_surname(full, flags, comma)
    if len(full) < len(flags):
        initial = _fathers_initial(flags, full, surname)
        if initial >= 0:
            return surname, {initial}
    if len(full) < 3 or not any(flags[i] & _MAY_DROP for i in full):
        return surname, set()
    drop = _patronymic_words(full, flags, surname, fathers, comma >= 0)
    if len(full) - len(drop) < 2:
        return surname, set()
    return surname, drop


class _Endings:
    """A set of word endings, grouped by their last letter: a test is one dict lookup
    and one ``str.endswith`` over the few endings that share the word's last letter."""

    __slots__ = ("by_last",)

    def __init__(self, endings: tuple[str, ...]) -> None:
        groups: dict[str, list[str]] = {}
        for e in dict.fromkeys(endings):
            if e:
                groups.setdefault(e[-1], []).append(e)
        self.by_last = {last: tuple(group) for last, group in groups.items()}

    def match(self, low: str) -> bool:
        """Does ``low`` end in one of the endings, with at least two letters before it?"""
        if len(low) < 3:
            return False
        group = self.by_last.get(low[-1])
        # (an ending fits after two letters exactly when the word less them ends in it)
        return group is not None and low[2:].endswith(group)


@cache
def _word_rules() -> tuple[frozenset[str], _Endings, _Endings, _Endings]:
    """(patronymic words, surname endings, patronymic endings, strong surname endings):
    what the chunk reader looks words up in, fetched with one call."""
    strong = _Endings(_surname_endings(True))
    return _patronymic_endings()[1], _surname_ending_set(), _patronymic_ending_set(), strong


@cache
def _surname_ending_set() -> _Endings:
    return _Endings(_surname_endings())


@cache
def _patronymic_ending_set() -> _Endings:
    return _Endings(_patronymic_endings()[0])


def _has_surname_ending(word: str) -> bool:
    return _surname_ending_set().match(word.lower())


def _has_patronymic_ending(word: str) -> bool:
    return _patronymic_ending_set().match(word.lower())


def _guess_surname(full: list[int], flags: Sequence[int], comma: int) -> int:
    if not full:
        return -1
    if comma >= 0:
        before = [i for i in full if i < comma]
        if before:
            return before[-1]
    if len(full) == 1:
        return full[0]
    if len(full) >= 3:
        if (
            len(full) == 3
            and flags[full[2]] & PATRONYMIC_END
            and not flags[full[0]] & GIVEN
            and (not flags[full[0]] & PATRONYMIC_END or flags[full[1]] & GIVEN)
        ):
            # the official order Surname Given Patronymic, whatever the surname's
            # ending (Побер Ігор Миколайович, Шойгу Сергей Кужугетович), even one
            # like a patronymic's before a known given name (Сидорович Руслан
            # Михайлович)
            return full[0]
        if (
            len(full) == 3
            and flags[full[0]] & GIVEN
            and flags[full[1]] & flags[full[2]] & PATRONYMIC_END
        ):
            return full[2]  # Given Patronymic Surname (Руслан Михайлович Сидорович)
        # a word that ends like a patronymic is not the surname while another word
        # can be (Гузь Ігор Володимирович)
        full = [i for i in full if not flags[i] & PATRONYMIC_END] or full
    caps = [i for i in full if flags[i] & CAPS]
    if caps and len(caps) < len(full):
        return caps[0]  # passport style: SURNAME Given
    with_ending = [i for i in full if flags[i] & SURNAME_END]
    if len(with_ending) > 1 or (
        # Yekaterina, Dmitriy, Валерий end like surnames but are given names: one is no
        # surname beside a word that is no given name (Валерий Иванович Стрелец)
        with_ending and flags[with_ending[0]] & GIVEN and any(not flags[i] & GIVEN for i in full)
    ):
        with_ending = [i for i in with_ending if not flags[i] & GIVEN]
    if len(with_ending) == 2 == len(full):  # (PETROVA SNEZHINA: -ова tells, -ина less)
        strong = [i for i in with_ending if flags[i] & STRONG_END]
        with_ending = strong if len(strong) == 1 else with_ending
    if len(with_ending) == 1:
        return with_ending[0]
    if len(full) == 2 and flags[full[1]] & GIVEN and not flags[full[0]] & GIVEN:
        return full[0]  # Surname Given, told by the given name (Filat Vladimir)
    return full[-1]


def _drops_more(words: list[Word]) -> bool:
    """Would parsing ``words`` (a name less its patronymic) drop a father's name?"""
    return bool(name_shape([w.flags for w in words], list(range(len(words))), -1, True)[1])


def _fathers_initial(flags: Sequence[int], full: list[int], surname: int) -> int:
    """The index of the one initial of a name of a given name and a surname that stands
    for the patronymic, as the English press writes it (Vladimir V. Putin; Sidorenko,
    Ivan P.): between the two, or after the given name where the surname leads; else
    -1. A leading initial is the given name's (A. Nazarbayev), and is kept."""
    initials = [i for i in range(len(flags)) if i not in full]
    names = [i for i in full if not flags[i] & JOINED]  # (a hyphenated name is one)
    if len(initials) != 1 or len(names) != 2:
        return -1
    at = initials[0]
    first, last = names
    if first < at < last or (at > last and surname == full[0]):
        return at
    return -1


def _patronymic_words(
    full: list[int], flags: Sequence[int], surname: int, fathers: bool, comma: bool
) -> set[int]:
    """Which of the full words (indices into ``flags``) make up patronymics: a word
    ending like one, or a patronymic word (ұлы, kyzy) with the word before it; in a
    name of three words or more with neither and no comma (``fathers``), a father's
    name written like a surname
    (Bulgarian Бойко Методиев Борисов): a word between the first and the last, the
    surname being one of them, that ends like a surname and is no given name the
    lexicon knows. After a comma (``comma``: Сендов, Благовест Христов), the word after
    a given name (one the lexicon knows, or a word that does not end like a surname:
    Бинев, Славчо Пенчев) that ends like a surname and is no given name."""
    drop: set[int] = set()
    for pos, i in enumerate(full):
        if i == surname or flags[i] & JOINED or (i > 0 and flags[i - 1] & JOINED):
            continue  # (a word of a hyphenated name: Belakowitsch-Jenewein)
        if pos > 0 and flags[i] & PATRONYMIC_WORD:
            if full[pos - 1] != surname:  # the surname is never part of a patronymic
                drop.update((i, full[pos - 1]))
        elif flags[i] & PATRONYMIC_END:
            drop.add(i)
    if fathers and comma and not drop and len(full) == 3 and surname == full[0]:
        given, last = flags[full[1]], flags[full[2]]
        # (a known given name, or a word not ending like a surname: Бинев, Славчо Пенчев)
        looks_given = bool(given & GIVEN) or not given & SURNAME_END
        if looks_given and last & (SURNAME_END | GIVEN) == SURNAME_END:
            if not last & JOINED and not flags[full[1]] & JOINED:
                drop.add(full[2])
    elif (
        fathers
        and not comma
        and not drop
        and surname in (full[0], full[-1])
        and _three(full, flags)
    ):
        for i in full[1:-1]:  # (between the given name and the surname)
            if flags[i] & (SURNAME_END | GIVEN) == SURNAME_END:
                if not flags[i] & JOINED and not flags[i - 1] & JOINED:
                    drop.add(i)  # (a word of a hyphenated surname is not one)
    return drop


def _three(full: list[int], flags: Sequence[int]) -> bool:
    """Are the full words three names (the words of a hyphenated name one): a given
    name, a father's name and a surname? A longer run of words is no one person's name
    written so (two names, Ivan Petrov; Olga Petrova; an organization's, АО "Народный
    банк Казахстана"), and none of its words is taken for a father's name."""
    return sum(1 for i in full if not flags[i] & JOINED) == 3


def guess_surname(flags: Sequence[int]) -> int:
    """Which of the full words with these flags (no comma) :func:`parse_name` takes
    as the surname (-1: none, there are no words)."""
    return _guess_surname(list(range(len(flags))), flags, -1)


def surname_leads(
    flags: Sequence[int], surname: int, dropped: bool, caps: bool, simple: bool
) -> bool:
    """Does a name with no comma read Surname Given, its first chunk to go last? Both
    parsers' names are put in Given Surname order by this.

    ``flags``: the flags of its full words (not initials); ``surname``: the surname's
    index among them; ``dropped``: a patronymic was dropped, the surname found with it
    (Surname Given Patronymic); ``caps``: the name is in capitals (passport style,
    SURNAME GIVEN); ``simple``: each whitespace chunk is one word. Else the first word
    is not a given name the lexicon knows, and either ends like a surname with a known
    given name after it, or is followed only by a known given name (Жақсыбеков Шыңғыс,
    Petrov Ivan, Filat Vladimir)."""
    if surname != 0 or len(flags) < 2:
        return False
    if caps or (simple and dropped):
        return True
    if not simple or flags[0] & GIVEN:
        return False
    if flags[0] & SURNAME_END:
        # (a known given name after it; or, of two words, a strong surname ending and
        # none after it: Petrova Snezhina)
        if len(flags) == 2 and flags[0] & STRONG_END and not flags[1] & STRONG_END:
            return True
        return any(f & GIVEN for f in flags[1:])
    return len(flags) == 2 and bool(flags[1] & GIVEN)  # (Filat Vladimir)
