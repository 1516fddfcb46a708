"""Ukrainian and Belarusian forms of a name's words read back into its Russian spelling.

:func:`russian_reading` reads a Belarusian Cyrillic word, :func:`latin_reading` a Latin
spelling of a Ukrainian word (Havryliuk, Soboliev): both keep a reading only where it
is a name the lexicon or pymorphy3's Russian dictionary knows.

Belarusian spells as it speaks: an unstressed о is written а (Варонін = Воронин), an
unstressed е after a soft consonant я (Мядзведзеў = Медведев), е and и after a hard
consonant э, а and ы (Ярашэвіч = Ярошевич, Ларыса = Лариса). The stress is not written,
so a blanket а -> о would be wrong as often as right (Баранаў is Баранов, not Боронов).
:func:`russian_reading` lists each letter's possible Russian readings
(``data/names/belarusian_readings.json``), lets :func:`translit.names.readings.likeliest`
choose among the spellings they make, and keeps the choice only where it is a name the
lexicon or the Russian dictionary knows: otherwise the word is folded as written, as
before.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any, Final

from translit._util.paths import data_json
from translit.names.fold import TO_CYRILLIC
from translit.names.readings import known_name, likeliest

#: Letters that only Belarusian of the Cyrillic alphabets translit reads writes in a
#: name (ў), or that it shares with Ukrainian and Kazakh (і), the groups дз and э after
#: a consonant and жы, шы, чы (Russian writes д, е and жи, ши, чи there), and the
#: surname endings -енка, -анка (Russian -енко): the gate for :func:`russian_reading`.
_BELARUSIAN_RE: Final = re.compile("[ўі]|дз|[бвгджзклмнпрстфхцчшщ]э|[жшч]ы|[еа]нка$")
#: Letters that Belarusian does not write: Ukrainian и, ї, є, ґ, Kazakh and Kyrgyz
#: letters, Russian щ and ъ.
_NOT_BELARUSIAN_RE: Final = re.compile("[иїєґәғқңөұүһщъ]")
_CONSONANTS: Final = frozenset("бвгджзйклмнпрстфхцчшщ")
#: The longest word whose readings are searched (2 or 3 readings of each а and я).
_MAX_LETTERS: Final = 20


@cache
def _table() -> dict[str, Any]:
    return data_json("names", "belarusian_readings.json")


@cache
def _soft_re() -> re.Pattern[str]:
    soft = [k for k in _table()["soft"] if k != "note"]
    # (not a final дзе: Georgian surnames, Лордкіпанідзе; Belarusian writes them -дзэ)
    return re.compile(f"({'|'.join(soft)})(?=в?[іеёюяь])(?!е$)")


@cache
def _endings() -> tuple[tuple[str, str], ...]:
    """(Belarusian ending, Russian ending), longest first."""
    pairs = [(k, v) for k, v in _table()["endings"].items() if k != "note"]
    return tuple(sorted(pairs, key=lambda pair: -len(pair[0])))


def belarusian(word: str) -> bool:
    """Does ``word`` (Cyrillic, lower case) look Belarusian (``_BELARUSIAN_RE``: ў, і,
    дз, э after a consonant, жы, -енка), with no letter that Belarusian does not write
    (Ukrainian и, Kazakh ә)?"""
    # (first what each match of _BELARUSIAN_RE holds, without a regex: most words fail)
    if not (
        "і" in word
        or "ы" in word
        or "э" in word
        or "ў" in word
        or "дз" in word
        or word.endswith("нка")
    ):
        return False
    return _BELARUSIAN_RE.search(word) is not None and _NOT_BELARUSIAN_RE.search(word) is None


def options(word: str) -> list[list[str]]:
    """The possible Russian readings of each letter (or letter group) of a Belarusian
    word (lower case), in order: the letter's own reading first."""
    table = _table()
    soft = table["soft"]
    word = _soft_re().sub(lambda m: str(soft[m.group(1)]), word)
    ending = ""
    for belarusian_end, russian_end in _endings():
        if word.endswith(belarusian_end) and len(word) > len(belarusian_end) + 1:
            word, ending = word[: -len(belarusian_end)], russian_end
            break
    letters, vowels = table["letters"], table["vowels"]
    after_consonant, after_hard = table["after_consonant"], table["after_hard"]
    hard = after_hard["consonants"]
    out: list[list[str]] = []
    previous = ""
    for letter in word:
        if previous and previous in hard and letter in after_hard:
            found = after_hard[letter]
        elif previous in _CONSONANTS and letter in after_consonant:
            found = after_consonant[letter]
        elif letter in vowels:
            found = vowels[letter]
        else:
            found = letters.get(letter, [letter])
        out.append(list(found))
        previous = letter
    if ending:
        out.append([ending])
    return out


def russian_reading(word: str) -> str | None:
    """The Russian spelling (lower case) of a Belarusian word of a name (Cyrillic, lower
    case), where one of its readings is a name the lexicon or pymorphy3's dictionary
    knows (Варонін: воронин, Мядзведзеў: медведев, Такаеў: токаев); ``None`` for a word
    that does not look Belarusian (:func:`belarusian`) or none of whose likely readings
    is a known name."""
    if len(word) > _MAX_LETTERS or not belarusian(word):
        return None
    choices = options(word)
    found = likeliest(choices)
    if known_name(found):
        return found
    plain = "".join([c[0] for c in choices])  # (each letter's own reading)
    return plain if plain != found and known_name(plain) else None


# ---------------------------------------------------------------- Ukrainian Latin

#: Surname endings of Ukrainian and Russian names in Latin: only a word with one is
#: read (a Western word with an h, Hammer, Johann, is never looked at; nor -in, which
#: Turkish and Arabic names end in too: Şahin, Husein).
_SLAVIC_END_RE: Final = re.compile("(?:enko|uk|ko|[aoei]va?|sk[iy]+|ska|ych|vich|[iy]cz|ets|ak)$")
#: The last letters of ``_SLAVIC_END_RE``'s endings.
_SLAVIC_LAST: Final = ("o", "k", "a", "v", "i", "y", "h", "z", "s")
#: The longest group of ``data/names/ukrainian_latin.json``.
_LONGEST: Final = 4


@cache
def _latin_table() -> dict[str, Any]:
    return data_json("names", "ukrainian_latin.json")


@cache
def _latin_gate() -> re.Pattern[str]:
    return re.compile(str(_latin_table()["gate"]))


def ukrainian_latin(word: str) -> bool:
    """Does ``word`` (Latin, lower case) show Ukrainian Latin (an h that is no part of
    kh, zh, ch, sh; ie or ye after a consonant), and no j (which it does not write:
    Hajduk is Slovak or Polish), and end as a Slavic surname does?"""
    return (
        word.endswith(_SLAVIC_LAST)  # (what _SLAVIC_END_RE's endings end in: most fail)
        and "j" not in word
        and _SLAVIC_END_RE.search(word) is not None
        and _latin_gate().search(word) is not None
    )


def latin_options(word: str) -> list[list[str]] | None:
    """The possible Russian readings of each letter group of a Latin word (lower
    case), in order, the group's common reading first; ``None`` for a word with a
    letter the table does not read."""
    table = _latin_table()
    groups, after_vowel, endings = table["groups"], table["after_vowel"], table["endings"]
    out: list[list[str]] = []
    at = 0
    size = len(word)
    while at < size:
        if size - at == 2 and word[at:] in endings:
            out.append(list(endings[word[at:]]))
            break
        if at and word[at] in after_vowel and word[at - 1] in "aeiouy":
            out.append(list(after_vowel[word[at]]))
            at += 1
            continue
        for length in range(min(_LONGEST, size - at), 0, -1):
            found = groups.get(word[at : at + length])
            if found is not None:
                out.append(list(found))
                at += length
                break
        else:
            return None
    return out


@cache
def _belarusian_latin_gate() -> re.Pattern[str]:
    return re.compile(str(_table()["latin"]["gate"]))


def belarusian_cyrillic(word: str) -> str | None:
    """A Latin spelling of a Belarusian word (lower case, ASCII) in Belarusian Cyrillic
    (``latin`` of ``data/names/belarusian_readings.json``: Starastsina: старасціна), or
    ``None`` for a word that does not show Belarusian Latin or has a letter the table
    does not read (j, q, w, x: other conventions)."""
    table = _table()["latin"]
    if not word.isascii() or _belarusian_latin_gate().search(word) is None:
        return None
    groups, after_vowel = table["groups"], table["after_vowel"]
    out = []
    at = 0
    size = len(word)
    while at < size:
        for length in range(min(_LONGEST, size - at), 0, -1):
            found = groups.get(word[at : at + length])
            if found is not None:
                if length == 1 and at and word[at - 1] in "aeiouy":
                    found = after_vowel.get(word[at], found)  # (a group first: -aya)
                out.append(found)
                at += length
                break
        else:
            return None
    return "".join(out)


def latin_reading(word: str, fold: str) -> str | None:
    """The Russian spelling (lower case) of a Latin spelling of a Ukrainian or
    Belarusian form of a name (lower case; ``fold``: its fold), where its common reading
    (the fold's letters) is no known name and one of its Ukrainian readings is
    (Havryliuk: гаврилюк, Soboliev: соболев, Hryzlov: грызлов), or its reading as
    Belarusian (:func:`belarusian_cyrillic`, :func:`russian_reading`: Starastsina:
    старостина, Zhurauskaya: журавская); else ``None``."""
    if len(word) > _MAX_LETTERS:
        return None
    ukrainian = ukrainian_latin(word)
    cyrillic = belarusian_cyrillic(word)
    # (the gates first: most Latin words show neither, and are looked up nowhere)
    if (not ukrainian and cyrillic is None) or known_name(fold.translate(TO_CYRILLIC)):
        return None
    if ukrainian:
        choices = latin_options(word)
        if choices is not None:
            found = likeliest(choices)
            if known_name(found):
                return found
    return None if cyrillic is None else russian_reading(cyrillic)
