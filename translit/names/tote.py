"""Kazakh names in the Arabic script (tote zhazu) read back into Kazakh Cyrillic.

Wikidata labels a Kazakh person in Kazakh's Arabic script too (``kk-arab``,
``kk-cn``), as the Kazakh Wikipedia's script converter writes it: letter by letter
from the Cyrillic, with a front mark (U+0674) before a word of front vowels. The
alphabet writes every vowel, so the name is read back letter by letter
(``data/names/kazakh_arabic.json``), not searched for as a Russian name in Arabic
letters is (:mod:`translit.names.readings`). Only Kazakh writes some of its letters
(ۇ ۋ ۆ ى ە and the front mark), and it never writes the Persian yeh (ی) or the letters
of Uyghur (ئ ې ۈ خ غ) and Kurdish: names in those stay as they are.
"""

from __future__ import annotations

from functools import cache
from typing import Any, Final

from translit._util.paths import data_json

# Cyrillic letters that are vowels (for е written after a vowel)
_VOWELS: Final = "аәеёиоөұүыіэюя"


@cache
def _data() -> dict[str, Any]:
    return data_json("names", "kazakh_arabic.json")


def is_kazakh_arabic(name: str) -> bool:
    """Is ``name`` written in the Kazakh Arabic alphabet: a letter only it writes, and
    none of the other Arabic-script alphabets' own letters?"""
    data = _data()
    only, other = data["only"], data["not"]
    if any(c in other for c in name):
        return False
    # (ى ends Arabic words too, Мустафа مصطفى: only inside a word is it Kazakh)
    return any(c in only and (c != "ى" or _inside(name, i)) for i, c in enumerate(name))


def _inside(name: str, i: int) -> bool:
    """Is the letter at ``i`` followed by another letter of its word?"""
    return i + 1 < len(name) and name[i + 1].isalpha()


def to_cyrillic(name: str) -> str:
    """``name`` (Kazakh Arabic script) in Kazakh Cyrillic, each word capitalized
    (Arabic letters have no case): ``قاسىم-جومارت توقايەۆ`` is ``Қасым-Жомарт Тоқаев``."""
    mark = _data()["mark"]
    out = []
    word: list[str] = []
    for char in name + " ":
        if char.isalpha() or char == mark:
            word.append(char)
            continue
        if word:
            out.append(_word("".join(word)))
            word = []
        out.append(char)
    return "".join(out[:-1])


def _word(word: str) -> str:
    """One word of Kazakh Arabic letters in Cyrillic."""
    data = _data()
    mark = data["mark"]
    front = word.startswith(mark)
    word = word.replace(mark, "")
    groups: dict[str, str] = data["groups"]
    after_vowel: dict[str, str] = data["after_vowel"]
    letters: dict[str, str] = data["letters"]
    vowels: dict[str, str] = dict(data["front"]) if front else {}
    read: list[str] = []
    at = 0
    while at < len(word):
        pair = word[at : at + 2]
        if pair in after_vowel and read and read[-1][-1:] in _VOWELS:
            read.append(after_vowel[pair])
            at += 2
        elif pair in groups:
            read.append(groups[pair])
            at += 2
        else:
            char = word[at]
            read.append(vowels.get(char) or letters.get(char, char))
            if char == "ا":
                # (ә only for the first: the second part of a compound name may have
                # back vowels, Әліхан, and the mark says nothing of it)
                vowels.pop(char, None)
            at += 1
    return "".join(read).capitalize()
