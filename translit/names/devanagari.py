"""Russian names in Devanagari (Hindi, Marathi and Nepali labels) and in the other
Indic scripts read back into Cyrillic.

Devanagari writes syllables: a consonant letter carries the vowel а unless a vowel
sign follows it (ि и, ो о) or a virama (्) silences it. Hindi drops that а at a
word's end and often inside it, so a bare consonant inside a word may stand for а,
о or no vowel at all (यूलिया टिमशेंको = Юлия Тимошенко). :func:`options` lists every
reading of each syllable (``devanagari`` in ``data/names/other_scripts.json``), and
:func:`translit.names.readings.likeliest` chooses the likeliest Russian name among them.

The other Indic scripts (Bengali, Gurmukhi, Gujarati, Oriya, Tamil, Telugu, Kannada,
Malayalam) follow Devanagari's layout in Unicode, each in a block of its own, letter
for letter (ISCII): :func:`from_indic` writes a word of theirs in Devanagari. Tamil
writes г, д, б with the letters of к, т, п (காகரின் = Гагарин): read so too.
"""

from __future__ import annotations

from functools import cache
from typing import Any, Final

from translit._util.paths import data_json

#: Iotated vowels: й and a vowel, which Devanagari writes य with a vowel sign.
_IOTATED: Final = {"йа": "я", "йу": "ю", "йо": "ё", "йе": "е"}


@cache
def _table() -> dict[str, Any]:
    table: dict[str, Any] = data_json("names", "other_scripts.json")["devanagari"]
    return table


def groups() -> tuple[str, ...]:
    """The groups of a consonant, a virama and a consonant that read as one letter."""
    return tuple(_table()["groups"])


def _syllables(base: list[str], vowels: list[str]) -> list[str]:
    """Every reading of a consonant (``base``) with a vowel (``vowels``), й with a
    vowel also as the iotated vowel (йу: ю)."""
    found = []
    for b in base:
        for v in vowels:
            both = b + v
            found.append(_IOTATED.get(both, both) if b == "й" else both)
            if b == "й" and both in _IOTATED:
                found.append(both)
    return list(dict.fromkeys(found))


def options(word: str, final_vowel: bool = False) -> list[list[str]] | None:
    """Every reading of each syllable of a Devanagari ``word``, in order; ``None``
    where it has a sign the table does not read (a digit, another script). The last
    consonant carries no vowel (Hindi drops it), or ``а`` too where ``final_vowel``
    (the southern scripts keep it: ബ്ലാഗ = Блага)."""
    table = _table()
    consonants, signs, marks = table["consonants"], table["signs"], table["marks"]
    virama, nukta = table["virama"], table["nukta_sign"]
    found: list[list[str]] = []
    at = 0
    size = len(word)
    while at < size:
        letter = word[at]
        group = table["groups"].get(word[at : at + 3])
        if group is not None:
            base, at = group, at + 3
        elif letter in consonants:
            base = consonants[letter]
            at += 1
            if at < size and word[at] == nukta:
                base = table["nukta"].get(letter, base)
                at += 1
        else:
            reading = table["vowels"].get(letter) or marks.get(letter)
            if reading is None:
                return None
            found.append(list(reading))
            at += 1
            continue
        after = word[at] if at < size else ""
        if after == virama:
            found.append(list(base))
            at += 1
        elif after in signs:
            found.append(_syllables(base, signs[after]))
            at += 1
        elif at >= size:  # (the word's last consonant: its а is dropped)
            found.append(_syllables(base, ["", "а"]) if final_vowel else list(base))
        else:
            found.append(_syllables(base, table["inherent"]))
    return found


#: The first code point of the Indic blocks after Devanagari's (each 128 long) and of
#: Malayalam's chillu letters (a consonant with no vowel: ൻ = न्).
_INDIC_FIRST: Final = 0x0980
_INDIC_LAST: Final = 0x0D7F
_TAMIL: Final = range(0x0B80, 0x0C00)


def southern(word: str) -> bool:
    """Is ``word`` written in a script of the south (Tamil, Telugu, Kannada,
    Malayalam), which writes a consonant with no vowel with a virama, so that a last
    consonant without one keeps its а (Hindi, Bengali drop it)?"""
    return word[:1] >= "\u0b80" and word[:1] <= "\u0d7f"


def from_indic(word: str) -> str:
    """A word of another Indic script written in Devanagari, letter for letter (a
    Tamil consonant that Tamil also writes for the voiced one marked so, see
    ``tamil_voiced``); a Devanagari word as it is."""
    table = _table()
    chillu, tamil = table["chillu"], table["tamil_voiced"]
    out = []
    for char in word:
        code = ord(char)
        if char in chillu:
            out.append(chillu[char])
        elif _INDIC_FIRST <= code <= _INDIC_LAST:
            letter = chr(0x0900 + (code - _INDIC_FIRST) % 0x80)
            out.append(tamil.get(letter, letter) if code in _TAMIL else letter)
        else:
            out.append(char)
    return "".join(out)
