"""Names written in Georgian, Armenian, Greek, katakana, Chinese, Hangul, Arabic or Hebrew
letters, read as the Cyrillic they render.

Wikidata labels a Russian, Kazakh or Kyrgyz person in tens of languages; the Georgian,
Armenian and Greek ones transcribe the Russian form of the name letter by letter
(``ვლადიმირ ჟირინოვსკი``, ``Վլադիմիր Ժիրինովսկի``, ``Βλαντιμίρ Ζιρινόφσκι``). Read
back into Russian letters (``data/names/other_scripts.json``), such a name meets its
other spellings in :func:`translit.key` and is rendered in the house style by
:func:`translit.normalize`. Katakana leaves letters open (ラ is ла or ра, ク is к or
ку), and so do Chinese characters (the Russian syllables the Xinhua table writes with
each, then every reading of its pinyin at a cost), Hangul, and the Arabic and Hebrew
alphabets (which leave vowels unwritten or write several with one letter): the
likeliest Cyrillic name among the readings is chosen (:mod:`translit.names.readings`).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, partial
from typing import Any, Final

from translit._util.cache import BoundedCache
from translit._util.paths import data_json
from translit.names import devanagari, origin, readings, thai, tote
from translit.names.fold import cyrillic_to_latin, fold_token
from translit.names.lexicon import lexicon, russian_only_surname

_GREEK_SPLIT_RE: Final = re.compile("([άέόή])(?=[ιυ])")
# ι with the diaeresis after a vowel: й (Αϊτμάτοφ = Айтматов), read as the table's j.
_GREEK_Y_RE: Final = re.compile("(?<=[αεηιοωυάέήίόύώ])[ϊΐ]")
# A run of one script's letters: a word of it.
_RUNS: Final = (
    ("georgian", re.compile("[\u10d0-\u10ff]+")),
    ("armenian", re.compile("[\u0531-\u0587]+")),
    ("greek", re.compile("[\u0370-\u03ff\u1f00-\u1fff]+")),
    ("japanese", re.compile("[\u30a1-\u30fa\u30fc]+")),
    ("chinese", re.compile("[\u3400-\u4dbf\u4e00-\u9fff]+")),
    ("korean", re.compile("[\uac00-\ud7a3]+")),
    ("arabic", re.compile("[\u0621-\u065f\u0671-\u06d3\u200c]+")),
    ("hebrew", re.compile("(?:[\u05d0-\u05ea\u05b0-\u05c2][\u05f3']?)+")),
    ("devanagari", re.compile("[\u0900-\u097f]+")),
    ("indic", re.compile("[\u0980-\u0d7f]+")),  # (the other Indic scripts)
    ("thai", re.compile("[\u0e01-\u0e4e]+")),
)
_RUN_OF: Final = dict(_RUNS)
# What separates the words of a name in katakana or Chinese characters: the middle
# dots (and a bullet or the half-width dot written for one: 安德里•帕魯比) and the double
# hyphen (or an equals sign: カシム=ジョマルト).
_SEPARATORS: Final = str.maketrans(
    {
        "\u30fb": " ",
        "\u00b7": " ",
        "\u2027": " ",
        "\u2022": " ",
        "\uff65": " ",
        "\uff0e": " ",
        "\uff1d": "-",
        "\u30a0": "-",
        "=": "-",
    }
)


class _Table:
    """One script's reading: word-start and word-end forms, groups, letters, and the
    other readings some letters or groups can have (Greek σ is с or ш)."""

    __slots__ = ("alternatives", "end", "end_groups", "groups", "letters", "own_endings", "start")

    def __init__(self, data: dict[str, Any]) -> None:
        self.start: dict[str, str] = data.get("start", {})
        self.end: dict[str, str] = data.get("end", {})
        self.end_groups: dict[str, str] = data.get("end_groups", {})
        self.groups = sorted(data.get("groups", {}).items(), key=lambda kv: -len(kv[0]))
        self.letters: dict[str, str] = data["letters"]
        self.alternatives: dict[str, list[str]] = data.get("alternatives", {})
        # (final sigma as σ: lowering capitals gives either, by the implementation)
        self.own_endings: tuple[str, ...] = tuple(
            [e.replace("ς", "σ") for e in data.get("own_endings", ())]
        )

    def read(self, word: str) -> str:
        """``word`` (lower case, unaccented) in Russian letters."""
        return "".join([russian for _, russian in self.pieces(word)])

    def options(self, word: str) -> list[list[str]]:
        """Every reading of each piece of ``word``: its usual one, then the others."""
        return [
            [russian, *self.alternatives.get(piece, ())] for piece, russian in self.pieces(word)
        ]

    def pieces(self, word: str) -> list[tuple[str, str]]:
        """``word`` (lower case, unaccented) as its letters and groups, each with its
        usual reading."""
        tail: list[tuple[str, str]] = []
        for group, russian in self.end_groups.items():
            if word.endswith(group) and len(word) > len(group) + 1:
                word, tail = word[: -len(group)], [(group, russian)]
                break
        out = []
        at = 0
        # (a word's first letter has its start reading but where it begins a group:
        # Armenian ո is во, ու у: Ուսուպաշվիլի = Усупашвили)
        if word[:1] in self.start and not any(word.startswith(g) for g, _ in self.groups):
            out.append((word[0], self.start[word[0]]))
            at = 1
        last = len(word) - 1
        while at < len(word):
            if at == last and word[at] in self.end:
                out.append((word[at], self.end[word[at]]))
                break
            for group, russian in self.groups:
                if word.startswith(group, at):
                    out.append((group, russian))
                    at += len(group)
                    break
            else:
                # (no letter of a name: read as nothing)
                out.append((word[at], self.letters.get(word[at], "")))
                at += 1
        return out + tail


@cache
def _data() -> dict[str, Any]:
    return data_json("names", "other_scripts.json")


@cache
def _tables() -> dict[str, _Table]:
    return {script: _Table(_data()[script]) for script in ("georgian", "armenian", "greek")}


@cache
def _kana() -> tuple[dict[str, list[str]], int]:
    """The katakana signs and groups with their readings, and the longest group."""
    kana: dict[str, list[str]] = _data()["japanese"]["kana"]
    return kana, max([len(k) for k in kana])


@cache
def _labial_n() -> tuple[str, list[str]]:
    """The signs before which ン may be м (Japanese writes м before б, п and м as ン),
    and its readings there."""
    table = _data()["japanese"]["labial_n"]
    return table["before"], table["readings"]


def _name_word(reading: str) -> str:
    """A reading (lower case) as a word of a name: capitalized, and two given names
    that the lexicon spells so, written as one word and no name itself, joined by a
    hyphen (卡瑟姆若马尔特 = Касым-Жомарт; Нурсултан stays one word)."""
    if (
        len(reading) >= 6
        and lexicon().entries().get(lexicon().canonical(fold_token(reading))) is None
    ):
        for i in range(3, len(reading) - 2):
            if readings.given_name(reading[:i]) and readings.given_name(reading[i:]):
                return f"{reading[:i].capitalize()}-{reading[i:].capitalize()}"
    return reading.capitalize()


def _kana_word(word: str) -> str:
    """A katakana word as the likeliest Cyrillic name it transcribes, or as it is
    where a sign has no reading."""
    kana, longest = _kana()
    options: list[list[str]] = []
    at = 0
    while at < len(word):
        for size in range(min(longest, len(word) - at), 0, -1):
            found = kana.get(word[at : at + size])
            if found is not None:
                before, labial = _labial_n()
                if word[at] == "ン" and word[at + 1 : at + 2] in before:
                    found = labial
                options.append(found)
                at += size
                break
        else:
            return word
    return _name_word(readings.likeliest(options, spelt=True))


def _lowered(script: str, word: str) -> str:
    """``word`` in lower case as the script's table reads it."""
    low = word.lower()
    if script == "greek":
        # (a vowel with the accent before ι or υ is no digraph: Σεργκέι; ι with the
        # diaeresis after a vowel is й: Σουλεϊμάν; then the accents and diaereses off)
        low = _GREEK_SPLIT_RE.sub("\\1\0", unicodedata.normalize("NFC", low))
        low = _GREEK_Y_RE.sub("j", low)
        low = "".join(c for c in unicodedata.normalize("NFD", low) if not unicodedata.combining(c))
    return low


#: What a Chinese reading outside the Xinhua table's for its syllable takes from the
#: log-probability of a spelling (tuned on the dev set's tune half).
OTHER_CHINESE: Final = 6.0


@cache
def _pinyin_readings() -> tuple[dict[str, list[str]], dict[str, list[str]], dict[str, list[str]]]:
    """The Russian readings of pinyin initials, finals and whole syllables."""
    table = _data()["chinese"]
    return table["initials"], table["finals"], table["syllables"]


@cache
def _xinhua_readings(key: bool = False) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """The Russian syllables that the Xinhua table writes with each of its characters
    (simplified and traditional), and with any character of each pinyin syllable; for a
    key (``key``), a syllable with э after a consonant also with е (see :func:`_e_too`)."""
    from pypinyin import lazy_pinyin

    characters: dict[str, list[str]] = _data()["chinese"]["xinhua"]
    if key:
        characters = {c: _e_too(russian) for c, russian in characters.items()}
    by_syllable: dict[str, list[str]] = {}
    for character, russian in characters.items():
        found = by_syllable.setdefault(lazy_pinyin(character)[0], [])
        found.extend([r for r in russian if r not in found])
    return characters, by_syllable


def _e_too(russian: list[str]) -> list[str]:
    """``russian`` (a character's syllables in the Xinhua table) with е beside each э
    after a consonant: the table keeps 贝 for бэ and 别 for бе, 雷 for рэ and 列 for ре,
    but Chinese usage writes Russian бе, ре with 贝, 雷 as well (贝雷扎 = Береза,
    贝雷佐夫斯基 = Березовский), and a key need not tell э from е."""
    more = [r.replace("э", "е") for r in russian if "э" in r[1:]]
    return list(dict.fromkeys([*russian, *more]))


@cache
def _character_options(
    character: str, syllable: str, key: bool = False
) -> tuple[list[str], int] | None:
    """Every Russian reading of a Chinese character read ``syllable`` in pinyin (``lv``
    for lü): those of the Xinhua table first (the character's own, else those of its
    syllable; for a key, where ``key``, with :func:`_e_too`), and how many those are;
    or None where it has none."""
    initials, finals, whole = _pinyin_readings()
    own, by_syllable = _xinhua_readings(key)
    usual = own.get(character) or by_syllable.get(syllable, [])
    if syllable in whole:
        composed = whole[syllable]
    else:
        size = 2 if syllable[:2] in initials else 1
        starts, ends = initials.get(syllable[:size]), finals.get(syllable[size:])
        if starts is None or ends is None:
            return (usual, len(usual)) if usual else None
        composed = [start + end for start in starts for end in ends]
    return list(dict.fromkeys([*usual, *composed])), len(usual) or 1


@cache
def _chinese_groups() -> tuple[dict[tuple[str, ...], list[str]], int]:
    """The usual readings of character runs that Chinese writes a common name or part
    of one with by custom (亚历山大 = Александр, 彼得 = Пётр), by their pinyin (which
    simplified and traditional characters share), and the longest run."""
    from pypinyin import lazy_pinyin

    groups: dict[tuple[str, ...], list[str]] = {}
    for characters, russian in _data()["chinese"]["groups"].items():
        found = groups.setdefault(tuple(lazy_pinyin(characters)), [])
        found.extend([r for r in russian if r not in found])
    return groups, max([len(g) for g in groups])


# (a word in Chinese characters, and whether for a key) -> its reading: a key reads a
# name's words again, the same unless a character has э (see _e_too)
_CHINESE_WORDS: Final[BoundedCache[tuple[str, bool], str]] = BoundedCache(1 << 12)


def _chinese_word(word: str, key: bool = False) -> str:
    """A word in Chinese characters as the likeliest Cyrillic name it transcribes (for
    a key, where ``key``), or as it is where a character has no reading; remembered."""
    from pypinyin import lazy_pinyin  # (its dictionaries load on import: only when needed)

    syllables = lazy_pinyin(word)
    if key and not _e_syllables().intersection(syllables):
        key = False  # (read as normalize reads it)
    found = _CHINESE_WORDS.get((word, key))
    if found is None:
        found = _CHINESE_WORDS.put((word, key), _read_chinese(word, syllables, key))
    return found


@cache
def _e_syllables() -> frozenset[str]:
    """The pinyin syllables of the characters whose key readings add е (:func:`_e_too`)."""
    from pypinyin import lazy_pinyin

    characters = _data()["chinese"]["xinhua"]
    return frozenset(
        [lazy_pinyin(c)[0] for c, russian in characters.items() if _e_too(russian) != russian]
    )


def _read_chinese(word: str, syllables: list[str], key: bool) -> str:
    """:func:`_chinese_word` of ``word`` read ``syllables`` in pinyin, not remembered."""
    if len(syllables) != len(word):
        return word
    groups, longest = _chinese_groups()
    options: list[list[str]] = []
    usual: list[int] = []
    at = 0
    while at < len(word):
        for size in range(min(longest, len(word) - at), 1, -1):
            group = groups.get(tuple(syllables[at : at + size]))
            if group is not None:
                options.append(group)
                usual.append(len(group))
                at += size
                break
        else:
            found = _character_options(word[at], syllables[at], key)
            if found is None:
                return word
            choices, free = found
            if options and all(r.endswith("н") for r in options[-1][: usual[-1]]):
                # (the Xinhua table writes н twice where it ends a syllable and begins
                # the next: 伊琳娜 = Ирина, 根纳季 = Геннадий)
                usual_ones = choices[:free]
                once = [r[1:] for r in usual_ones if r[:1] == "н" and r[1:] not in usual_ones]
                choices = list(dict.fromkeys([*usual_ones, *once, *choices]))
                free += len(once)
            options.append(choices)
            usual.append(free)
            at += 1
    return _name_word(readings.likeliest(options, OTHER_CHINESE, usual, spelt=True))


@cache
def _jamo_readings() -> tuple[list[list[str]], list[list[str]], list[list[str]], frozenset[int]]:
    """The Russian readings of Hangul initials, vowels and finals (in Unicode's order),
    and the initials after which ㅣ may be no vowel."""
    table = _data()["korean"]
    return table["initials"], table["vowels"], table["finals"], frozenset(table["bare_i"])


@cache
def _hangul_word_ends() -> dict[str, list[str]]:
    """The other readings of some syllables at the end of a word: Korean writes a
    voiced consonant there as its voiceless pair (올레크 = Олег, 레오니트 = Леонид)."""
    ends: dict[str, list[str]] = _data()["korean"]["word_end"]
    return ends


@cache
def _hangul_syllables() -> dict[int, list[str]]:
    """The readings of some initial and vowel pairs (as the index of their syllable
    with no final) that Korean spelling merges: 주 is жу, зу or зю."""
    syllables: dict[str, list[str]] = _data()["korean"]["syllables"]
    return {ord(s) - _HANGUL_FIRST: found for s, found in syllables.items()}


_HANGUL_FIRST: Final = 0xAC00
_I_VOWEL: Final = 20  # ㅣ
_RIEUL_INITIAL: Final = 5  # ㄹ
_RIEUL_FINAL: Final = 8


def _hangul_word(word: str) -> str:
    """A Hangul word as the likeliest Cyrillic name it transcribes."""
    initials, vowels, finals, bare_i = _jamo_readings()
    merged = _hangul_syllables()
    options = []
    double_l = False  # (the syllable before ends in ㄹ, and this one begins with it)
    for at, syllable in enumerate(word):
        index = ord(syllable) - _HANGUL_FIRST
        first, vowel, last = index // 588, index % 588 // 28, index % 28
        starts = merged.get(index - last)
        if starts is None:
            middles = vowels[vowel]
            if vowel == _I_VOWEL and first in bare_i:
                middles = [*middles, ""]
            # (ㄹㄹ between vowels is л, one ㄹ р or л: 블라디미르 = Владимир; inside a
            # word, one ㄹ is р, л before a vowel being ㄹㄹ: 그로이스만 = Гройсман)
            if double_l:
                firsts = ["л"]
            elif at and first == _RIEUL_INITIAL:
                firsts = ["р"]
            else:
                firsts = initials[first]
            starts = [a + b for a in firsts for b in middles]
        ends = finals[last]
        double_l = (
            last == _RIEUL_FINAL
            and at + 1 < len(word)
            and (ord(word[at + 1]) - _HANGUL_FIRST) // 588 == _RIEUL_INITIAL
        )
        if double_l:
            ends = [""]
        found = [a + c for a in starts for c in ends]
        if at == len(word) - 1:
            found += _hangul_word_ends().get(syllable, [])
        options.append(list(dict.fromkeys(found)))
    return _name_word(readings.likeliest(options, spelt=True))


# Groups of letters by their first letters (a word's first letters: its start readings
# before a group's), and the sizes to try, the longest first: (at a word's start, inside).
_Lookup = tuple[dict[str, list[str]], list[int], dict[str, list[str]], list[int]]


def _lookup(groups: dict[str, list[str]], start: dict[str, list[str]]) -> _Lookup:
    first = {**groups, **start}
    return (
        first,
        sorted({len(g) for g in first}, reverse=True),
        groups,
        sorted({len(g) for g in groups}, reverse=True),
    )


class _Letters:
    """An alphabet whose letters leave Russian letters open (Arabic و is в, у or о):
    every reading of each letter and letter group (and the groups a key's reading
    alone reads so), the readings at a word's start, the marks to drop, and the vowels
    it leaves unwritten (Hebrew а, е)."""

    __slots__ = ("added", "ignored", "key_added", "keyed", "letters", "plain")

    def __init__(self, data: dict[str, Any]) -> None:
        self.letters: dict[str, list[str]] = data["letters"]
        groups: dict[str, list[str]] = data["groups"]
        start: dict[str, list[str]] = data["start"]
        self.plain = _lookup(groups, start)
        self.keyed = _lookup({**groups, **data.get("key_groups", {})}, start)
        self.ignored = str.maketrans(dict.fromkeys(data["ignored"]))
        self.added: list[str] = data["added_vowels"]
        # (the vowels a key's reading also adds: see key_reading)
        self.key_added: list[str] = data.get("key_added_vowels", self.added)

    def options(self, word: str, key: bool = False) -> list[list[str]] | None:
        """Every reading of each letter of ``word`` (with the vowels and groups a key's
        reading adds, where ``key``), or None where one has none."""
        added = self.key_added if key else self.added
        first, first_sizes, groups, sizes = self.keyed if key else self.plain
        word = word.translate(self.ignored)
        found: list[list[str]] = []
        at = 0
        while at < len(word):
            choices = None
            table, tried = (first, first_sizes) if at == 0 else (groups, sizes)
            for size in tried:
                choices = table.get(word[at : at + size])
                if choices is not None:
                    break
            if choices is None:
                choices = self.letters.get(word[at])
                size = 1
            if choices is None:
                return None
            if added and at + size < len(word):
                # (a consonant may be followed by an unwritten vowel, but the last)
                voiced = [c + v for c in choices if c and c[-1] not in _VOWELS for v in added]
                choices = [*choices, *voiced]
            found.append(choices)
            at += size
        return found


_VOWELS: Final = frozenset("аеёиоуыэюя")


@cache
def _alphabets() -> dict[str, _Letters]:
    return {script: _Letters(_data()[script]) for script in ("arabic", "hebrew")}


def _abjad_word(script: str, word: str, key: bool = False) -> str:
    """A word in Arabic or Hebrew letters as the likeliest Cyrillic name it
    transcribes (for a key, where ``key``), or as it is where a letter has no reading.

    Persian joins the parts of a compound name with a zero-width non-joiner: each part
    is read as a word of its own, and the parts are joined by a hyphen (قاسم‌جومارت,
    Касым-Жомарт), or as one word where the last reads as a surname's ending does
    (آشیم‌بایف, Ашимбаев)."""
    if "\u200c" in word:
        parts = [_abjad_word(script, part, key) for part in word.split("\u200c") if part]
        if not parts:
            return word
        if parts[-1].lower().endswith(_cyrillic_endings(True)):
            return "".join([parts[0], *[part.lower() for part in parts[1:]]])
        return "-".join(parts)
    options = _alphabets()[script].options(word, key)
    if not options:
        return word
    return readings.likeliest(options).capitalize()


def _cyrillic_word(script: str, word: str, key: bool = False) -> str:
    if script in ("arabic", "hebrew"):
        return _abjad_word(script, word, key)
    if script == "japanese":
        return _kana_word(word)
    if script == "chinese":
        return _chinese_word(word, key)
    if script == "korean":
        return _hangul_word(word)
    if script == "thai":
        choices = thai.options(word)
        return word if choices is None else _name_word(readings.likeliest(choices))
    if script in ("devanagari", "indic"):
        choices = devanagari.options(devanagari.from_indic(word), devanagari.southern(word))
        return word if choices is None else _name_word(readings.likeliest(choices))
    table = _tables()[script]
    low = _lowered(script, word)
    if table.alternatives:  # (some letters read two ways: the likeliest name)
        read = readings.likeliest(table.options(low)).replace("\0", "")
    else:
        read = table.read(low).replace("\0", "")
    if key and script == "georgian":
        read = _georgian_nominative(low, read)
    # Georgian has no capitals: each word of a name starts with one
    return read.capitalize() if script == "georgian" or word[:1].isupper() else read


# The letters after which a final -ი is kept: the vowels, and ლ (the Georgian surnames
# in -ელი, -ული, Kazakh -ұлы: ნოღაიდელი = Ногаидели, მომიშული = Момышулы).
_KEEP_I_AFTER: Final = frozenset("აეიოულ")


def _georgian_nominative(low: str, read: str) -> str:
    """``read`` (a Georgian word ``low`` read) with the final и that may be the
    nominative -ი Georgian adds to a name that ends in a consonant (ანსიპი = Ансип,
    ულმანისი = Улманис, მანუკიანი = Манукян) kept or dropped, whichever makes the
    likelier name; a given name in -ий, which Georgian writes -ი, keeps it (ანატოლი =
    Анатолий, not Анатол), and so does a name in -ли (:data:`_KEEP_I_AFTER`)."""
    if len(low) < 4 or low[-1] != "ი" or low[-2] in _KEEP_I_AFTER or read[-1:] != "и":
        return read
    lower = read.lower()
    if readings.given_name(lower + "й") or readings.given_name(lower):
        return read
    return readings.likeliest([[lower[:-1]], ["и", ""]])


def has_other_script(name: str) -> bool:
    """Does ``name`` hold Georgian (Mkhedruli), Armenian, Greek (and Greek with
    accents) or katakana letters?"""
    if name.isascii():
        return False
    # (every name is asked: compiled, ord(name[i]) reads a code point without making a
    # string, which costs less than starting a regex search)
    for i in range(len(name)):
        code = ord(name[i])
        if code < 0x370 or 0x400 <= code < 0x531:
            continue  # (Latin and Cyrillic: most letters of names)
        if code < 0x400 or code <= 0x587 or 0x10D0 <= code <= 0x10FF or 0x1F00 <= code <= 0x1FFF:
            return True
        if 0x30A1 <= code <= 0x30FC or 0x3400 <= code <= 0x4DBF or 0x4E00 <= code <= 0x9FFF:
            return True  # (katakana, Chinese characters)
        if 0xAC00 <= code <= 0xD7A3 or 0x0621 <= code <= 0x06D3 or 0x05D0 <= code <= 0x05EA:
            return True  # (Hangul syllables, Arabic and Hebrew letters)
        if 0x0900 <= code <= 0x0D7F or 0x0E01 <= code <= 0x0E4E:
            return True  # (Devanagari and the other Indic scripts, Thai)
    return False


# a name as written -> its readings (cyrillic_reading, key_reading): a chosen reading
# costs a search, and a dataset repeats its names
_READINGS: Final[BoundedCache[str, tuple[str, str]]] = BoundedCache(1 << 14)


def cyrillic_reading(name: str) -> str:
    """``name`` read as the Cyrillic name it renders, where that reading is of Cyrillic
    origin, else ``name`` as it is (see :func:`_readings`), remembered."""
    found = _READINGS.data.get(name)
    if found is None:
        found = _READINGS.put(name, _readings(name))
    return found[0]


def key_reading(name: str) -> str:
    """The reading of ``name`` that :func:`translit.key` folds: :func:`cyrillic_reading`
    where that reads it; else the Cyrillic its letters transcribe (:func:`as_cyrillic`),
    though the reading does not look of Cyrillic origin (Андреи Паруби; an Armenian
    Հակոբյան, Хакобян, near its Russian form Акопян), but for a Chinese or Korean name,
    which stays as written.

    A key only brings spellings together: the likeliest reading of a transcribed name
    whose surname no dictionary knows still meets its Latin and Cyrillic spellings,
    where the name as written meets none. :func:`translit.normalize` keeps the stricter
    :func:`cyrillic_reading`: it leaves such a name as written."""
    found = _READINGS.data.get(name)
    if found is None:
        found = _READINGS.put(name, _readings(name))
    return found[1]


def _readings(name: str) -> tuple[str, str]:
    """(:func:`cyrillic_reading`, :func:`key_reading`) of ``name``, each reading made once.

    Normalize's reading: a reading of Georgian, Armenian or Greek letters, or of Kazakh
    in Arabic letters (:mod:`translit.names.tote`), which write every letter, is of
    Cyrillic origin where :func:`translit.names.origin.cyrillic_origin` says so of its
    Latin letters. A reading of katakana, Chinese characters, Hangul, an abjad or an
    abugida was chosen to look like a Russian name, so it needs more
    (:func:`_looks_russian`). A name with an ending of its script's own names (Greek -ος)
    and a Chinese name are left as written.

    The key's reading is normalize's where that reads the name; else the likeliest
    reading by the key's own rules (:func:`_keyed_apart`: Arabic with the short vowels
    it leaves unwritten, Chinese with е for the table's э, Georgian with the nominative
    -ი dropped where the name is likelier without; normalize's reading keeps none of
    them: too many other names would read as Russian with them), but for a Chinese or
    Korean name and Kazakh in Arabic letters, which stay as written. Either way an
    Armenian patronymic in the genitive is read as the Russian one
    (:func:`_armenian_patronymic`), which the key leaves out."""
    if tote.is_kazakh_arabic(name):  # (an alphabet: read back letter by letter)
        read = tote.to_cyrillic(name)
        found = read if _latin_origin(read) else name
        return found, found
    if _chinese_name(name):
        return name, name
    read = as_cyrillic(name)
    keyed = as_cyrillic(name, key=True) if _keyed_apart(name) else read
    if _own_ending(name):
        found = name
    elif _chosen(name):
        # (the gate asks the plainer reading; what goes on is the one with the short
        # vowels Arabic leaves unwritten: نزارباييف, Назарбаев rather than Нзарбайев)
        found = keyed if _looks_russian(name, read) else name
    else:
        found = read if _latin_origin(read) else name
    if found != name:
        return found, _armenian_patronymic(name, found)
    if _east_asian_name(name) or _unread(keyed):
        # (a word left unread would fold to nothing, and the key would lose it: the
        # name's key is then the name as written, توقايېف قاسىم, not Касым alone)
        return name, name
    return name, _armenian_patronymic(name, keyed)


def _unread(read: str) -> bool:
    """Does ``read`` hold a letter of neither the Latin nor the Cyrillic alphabet: a
    letter its reading left as written (Uyghur ې, ە)?"""
    for letter in read:
        if letter.isalpha() and not (letter < "\u0250" or "\u0400" <= letter <= "\u052f"):
            return True
    return False


#: Russian letters a patronymic's stem may end in before -евич rather than -ович.
_SOFT_STEM: Final = frozenset("йиеаяоуюь")


def _armenian_patronymic(name: str, read: str) -> str:
    """``read`` (the Cyrillic reading of ``name``) with the middle word of a three-word
    Armenian name that ends in the genitive -ի (the father's given name: Armenian writes a
    patronymic so, Լևոն Արամի Զուրաբյան for Левон Арамович Зурабян, and renders Russian
    patronymics alike, Ալեքսանդր Սերգեյի Պուշկին) as a Russian patronymic, which the key
    leaves out as it leaves out any (Арами as Арамович, Николайи as Николаевич)."""
    words = name.split()
    if len(words) != 3 or not words[1].endswith("ի") or len(words[1]) < 3:
        return read
    if not all(_RUN_OF["armenian"].fullmatch(w) for w in words):
        return read
    parts = read.split()
    if len(parts) != 3 or not parts[1].endswith("и"):
        return read
    stem = parts[1][:-1]
    if stem[-1:] in _SOFT_STEM:
        patronymic = stem[:-1] + ("ьевич" if stem[-1] == "и" else "евич")
    else:
        patronymic = stem + "ович"
    return f"{parts[0]} {patronymic} {parts[2]}"


def _keyed_apart(name: str) -> bool:
    """Is the key's reading of ``name`` made apart from normalize's: has it a word in
    Arabic letters (read with the short vowels), Chinese characters (read with е for
    э, :func:`_e_too`) or Georgian letters (the nominative -ი kept or dropped,
    :func:`_georgian_nominative`)?"""
    return any(_RUN_OF[script].search(name) is not None for script in _KEYED_APART)


# The scripts whose words a key reads apart from normalize (see _keyed_apart).
_KEYED_APART: Final = ("arabic", "chinese", "georgian")


def _latin_origin(read: str) -> bool:
    """Is ``read`` (Cyrillic) of Cyrillic origin by its Latin letters?"""
    return origin.cyrillic_origin(" ".join([cyrillic_to_latin(w) for w in read.split()]))


def _looks_russian(name: str, read: str) -> bool:
    """Does a reading chosen among several (``read``, of ``name``) look like a Russian
    name: every word a plausible Russian-form name (:func:`_plausible`: not Нтниаев),
    and a word with a Russian, Kazakh or Kyrgyz surname or patronymic ending
    (``cyrillic_endings`` in other_scripts.json: -ов, -ева, -ский, -енко) or a surname
    the lexicon knows (Токаев, not the given name Стефан)?"""
    if not all(_plausible(w) for w in read.lower().replace("-", " ").split()):
        return False
    words = read.split()
    # (-ски, -ска: Chinese, Korean and Arabic write -ский and Polish -ski alike, but
    # Japanese writes -ский スキー, with the long vowel, and -ski スキ)
    endings = _cyrillic_endings(_RUN_OF["japanese"].search(name) is None)
    return any(_surname_like(w, endings) for w in words) or _in_surname(words)


def _chinese_name(name: str) -> bool:
    """Is ``name`` in Chinese characters a Chinese (or Japanese) name: no word of more
    than three characters, and no middle dot between words? A transcribed foreign name
    is longer or has one (托卡耶夫, 弗拉基米尔·普京); a short one alone (普京) is left as
    written, with the Chinese names (习近平), which are not searched for a reading."""
    runs = _RUN_OF["chinese"].findall(name)
    if not runs or max([len(run) for run in runs]) > 3:
        return False
    return name.translate(_SEPARATORS) == name


def _east_asian_name(name: str) -> bool:
    """Is ``name`` a Chinese name (:func:`_chinese_name`), or a Korean one: one word of
    up to three Hangul syllables (김정은; a transcribed name has a space: 조 바이든)?"""
    if _chinese_name(name):
        return True
    return len(name) <= 3 and _RUN_OF["korean"].fullmatch(name) is not None


# The scripts whose readings are chosen, not read.
_CHOSEN: Final = (
    "japanese",
    "chinese",
    "korean",
    "arabic",
    "hebrew",
    "devanagari",
    "indic",
    "thai",
)


def _chosen(name: str) -> bool:
    """Has ``name`` a word in a script whose reading was chosen among several?"""
    return any(_RUN_OF[script].search(name) is not None for script in _CHOSEN)


def _surname_like(word: str, endings: tuple[str, ...]) -> bool:
    """Has ``word`` (a reading) a Cyrillic-origin surname or patronymic ending, or is
    it a surname the lexicon knows?"""
    low = word.lower()
    # (five letters at least: short words say little, and Цой, Тен and Ли are
    # Russian forms of Korean surnames, not evidence of a Russian name)
    return len(low) > 4 and (low.endswith(endings) or _lexicon_surname(low))


def _plausible(word: str) -> bool:
    """Is ``word`` (a reading, lower case) a plausible Russian-form name: likely under
    the letter model, a given name spelt as the lexicon spells it (Игорь), or a
    surname of pymorphy3's dictionary that no other country's name folds to (Шойгу)?"""
    return (
        readings.plausible(word)
        or readings.given_name(word)
        or russian_only_surname(fold_token(word))
    )


_IN_ENDINGS: Final = ("ин", "ын", "ина", "ына")


def _in_surname(words: list[str]) -> bool:
    """Are ``words`` (a reading) a Russian -ин surname of pymorphy3's dictionary with a
    given name that the lexicon spells so (Юрий Гагарин, Михаил Мишустин)? -ин alone
    says little: Кевин, Франклин, Джамалудин."""
    lows = [word.lower() for word in words]
    for at, low in enumerate(lows):
        if len(low) > 4 and (
            (low.endswith(_IN_ENDINGS) and readings.russian_surname(low))
            or russian_only_surname(fold_token(low))
        ):
            others = lows[:at] + lows[at + 1 :]
            if any(readings.given_name(other) for other in others):
                return True
    return False


@cache
def _cyrillic_endings(ski: bool) -> tuple[str, ...]:
    """The endings of Cyrillic-origin surnames and patronymics, with -ски and -ска
    (-ский, -ская as Chinese, Korean and Arabic write them) where ``ski``."""
    return tuple(_data()["cyrillic_endings"] + (_data()["ski_endings"] if ski else []))


def _lexicon_surname(word: str) -> bool:
    """Is ``word`` (a reading, lower case) a surname that the lexicon knows?"""
    entry = lexicon().entries().get(lexicon().canonical(fold_token(word)))
    return entry is not None and bool(entry.cyrillic) and not entry.given


def _own_ending(name: str) -> bool:
    """Has a word of ``name`` an ending of its script's own names (Greek -ος)?"""
    for script, run in _RUNS:
        table = _tables().get(script)
        endings = table.own_endings if table is not None else ()
        if endings:
            for match in run.finditer(name):
                low = _lowered(script, match.group()).replace("\0", "").replace("ς", "σ")
                if low.endswith(endings):
                    return True
    return False


def as_cyrillic(name: str, key: bool = False) -> str:
    """``name`` with its Georgian, Armenian and Greek words in the Russian letters they
    transcribe (other characters as they are): ``ვლადიმირ პუტინი`` as ``Владимир
    Путини``."""
    for script, run in _RUNS:
        if run.search(name) is not None:
            if script in ("japanese", "chinese"):
                name = name.translate(_SEPARATORS)
            name = run.sub(partial(_cyrillic_match, script, key), name)
    return name


def _cyrillic_match(script: str, key: bool, match: re.Match[str]) -> str:
    return _cyrillic_word(script, match.group(), key)
