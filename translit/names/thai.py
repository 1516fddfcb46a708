"""Russian names in Thai script (Wikidata th labels) read back into Cyrillic.

Thai writes a syllable as a consonant with vowel signs around it: before it (เ е,
โ о, ไ ай), above or below it (ิ и, ุ у) or after it (า а); several signs together
make one vowel (เ-ีย ия, เ-อ ё). A consonant with no vowel sign closes the syllable
before it or carries an unwritten о or а (ปร in ปรีมาคอฟ). :func:`options` lists the
readings of each syllable (``thai`` in ``data/names/other_scripts.json``), and
:func:`translit.names.readings.likeliest` chooses the likeliest Russian name among them
(วลาดีมีร์ ปูติน = Владимир Путин).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from translit._util.paths import data_json


@cache
def _table() -> dict[str, Any]:
    table: dict[str, Any] = data_json("names", "other_scripts.json")["thai"]
    return table


@cache
def _ignored() -> dict[int, None]:
    return dict.fromkeys(map(ord, _table()["ignored"]))


def _vowel(before: str, after: str) -> list[str] | None:
    """The readings of the vowel written ``before`` a consonant (a leading sign, or
    ``""``) and ``after`` it (its other signs, in order), or ``None``: no vowel, or
    signs the table does not read."""
    vowels = _table()["vowels"]
    whole = vowels.get(before + "-" + after) if after else vowels.get(before)
    if whole is not None:  # (one sign, or signs written together: เ-ีย)
        return list(whole)
    if not (before and after):
        return None
    first, second = vowels.get(before), vowels.get("-" + after)
    if first is None or second is None:
        return None
    return [a + b for a in first for b in second]


def options(word: str) -> list[list[str]] | None:
    """Every reading of each syllable of a Thai ``word``, in order; ``None`` where it
    has a sign the table does not read."""
    table = _table()
    consonants, leading = table["consonants"], table["leading"]
    word = word.translate(_ignored())
    found: list[list[str]] = []
    at = 0
    size = len(word)
    while at < size:
        before = ""
        if word[at] in leading:
            before = word[at]
            at += 1
        if at >= size or word[at] not in consonants:
            return None
        base = list(consonants[word[at]])
        at += 1
        after = ""
        while at < size and word[at] not in consonants and word[at] not in leading:
            after += word[at]
            at += 1
        if not before and not after and _bare_o(word, at):
            after, at = "อ", at + 1  # (อ after a bare consonant is its о: ชอย = шой)
        # (อ, ย, ว after a vowel sign end the vowel: ชอย = шой, เซีย = сия)
        while at < size and word[at] in table["vowel_letters"] and (before or after):
            if at + 1 < size and word[at + 1] not in consonants and word[at + 1] not in leading:
                break  # (a consonant of the next syllable, with its own vowel)
            after += word[at]
            at += 1
        vowel = _vowel(before, after)
        if vowel is None:
            if before or after:
                return None
            vowel = ["", *table["unwritten"]] if at < size else [""]
        found.append(list(dict.fromkeys(_iotated(b + v) for b in base for v in vowel)))
    return found


def _bare_o(word: str, at: int) -> bool:
    """Is the letter at ``at`` an อ that ends a syllable or comes before a consonant
    (so the vowel о of the bare consonant before it, not a carrier of its own)?"""
    if at >= len(word) or word[at] != "อ":
        return False
    table = _table()
    return at + 1 == len(word) or word[at + 1] in table["consonants"] or word[at + 1] in "ยว"


def _iotated(reading: str) -> str:
    """й and a vowel at a syllable's start as the Russian iotated vowel (йу: ю)."""
    iotated: dict[str, str] = _table()["iotated"]
    return iotated.get(reading[:2], reading[:2]) + reading[2:]
