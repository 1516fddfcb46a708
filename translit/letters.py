"""Text helpers: normalization, look-alike repair, script and language detection, casing.

All functions are pure and cheap on the common path (ASCII or clean NFC Cyrillic).
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from typing import Final

#: Letters of the Kazakh Cyrillic alphabet that Russian does not have.
KAZAKH_ONLY: Final = "әғқңөұүһіӘҒҚҢӨҰҮҺІ"
#: The Russian alphabet (lower and upper case).
RUSSIAN_LOWER: Final = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
RUSSIAN: Final = RUSSIAN_LOWER + RUSSIAN_LOWER.upper()
#: The 42-letter Kazakh alphabet (lower and upper case).
KAZAKH_LOWER: Final = RUSSIAN_LOWER + "әғқңөұүһі"
KAZAKH: Final = KAZAKH_LOWER + KAZAKH_LOWER.upper()

LANGUAGES: Final = ("kk", "ru")
#: Kazakh-only letters replaced by the Russian letters used in Russian-form spellings.
KK_TO_RU: Final = str.maketrans("әғқңөұүһіӘҒҚҢӨҰҮҺІ", "агкноуухиАГКНОУУХИ")

_CYRILLIC_RE: Final = re.compile("[\u0400-\u04ff\u0500-\u052f]")
_KAZAKH_RE: Final = re.compile(f"[{KAZAKH_ONLY}]")

# Latin letters that are typed for their Cyrillic look-alikes (and back).
_LATIN_TO_CYR: Final = {
    "a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "y": "у", "x": "х",
    "i": "і", "ə": "ә", "h": "һ", "k": "к",
    "A": "А", "B": "В", "C": "С", "E": "Е", "H": "Н", "K": "К", "M": "М",
    "O": "О", "P": "Р", "T": "Т", "X": "Х", "Y": "У", "I": "І", "Ə": "Ә",
}  # fmt: skip
_CYR_TO_LATIN: Final = {
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x",
    "і": "i", "к": "k", "ә": "ə",
    "А": "A", "В": "B", "С": "C", "Е": "E", "Н": "H", "К": "K", "М": "M",
    "О": "O", "Р": "P", "Т": "T", "Х": "X", "У": "Y", "І": "I", "Ә": "Ə",
}  # fmt: skip
_TO_CYR_TABLE: Final = str.maketrans(_LATIN_TO_CYR)
_TO_LATIN_TABLE: Final = str.maketrans(_CYR_TO_LATIN)
_LATIN_LOOKALIKES: Final = "".join(_LATIN_TO_CYR)
_CYR_LOOKALIKES: Final = "".join(_CYR_TO_LATIN)
_LATIN_LETTERS: Final = "A-Za-z\u00c0-\u024f\u0259\u018f"
# A word holding both a Cyrillic and a Latin letter (the only words repair can change).
_MIXED_RE: Final = re.compile(
    f"[\u0400-\u04ff]\\w*?[{_LATIN_LETTERS}]|[{_LATIN_LETTERS}]\\w*?[\u0400-\u04ff]"
)
_WORD_RE: Final = re.compile(r"\w+")
_LATIN_LETTER_RE: Final = re.compile(f"[{_LATIN_LETTERS}]")


def has_cyrillic(text: str) -> bool:
    """True if ``text`` contains any Cyrillic character (U+0400 to U+052F)."""
    if text.isascii():
        return False
    # (asked of every name: compiled, ord(text[i]) reads a code point without making a
    # string, which costs less than starting a regex search; a Cyrillic name stops at
    # its first letter)
    for i in range(len(text)):
        code = ord(text[i])
        if 0x400 <= code <= 0x52F:
            return True
    return False


def _repair_word(match: re.Match[str]) -> str:
    word = match.group()
    cyr = len(_CYRILLIC_RE.findall(word))
    lat = len(_LATIN_LETTER_RE.findall(word))
    if cyr == 0 or lat == 0:
        return word
    if cyr >= lat:
        return word.translate(_TO_CYR_TABLE)
    return word.translate(_TO_LATIN_TABLE)


def repair_lookalikes(text: str) -> str:
    """Fix words that mix Latin and Cyrillic look-alike letters.

    In a word written mostly in Cyrillic, Latin ``a e o p c y x i ə h k`` (and capitals)
    become their Cyrillic twins (``Нұрсултaн`` with a Latin ``a`` -> all Cyrillic; Latin
    ``i`` becomes Kazakh ``і``); in a mostly Latin word, Cyrillic twins become Latin.
    """
    if _LATIN_LETTER_RE.search(text) is None or _CYRILLIC_RE.search(text) is None:
        return text  # (one script: nothing to repair, found by two linear scans)
    if _MIXED_RE.search(text) is None:
        return text
    return _WORD_RE.sub(_repair_word, text)


def prepare(text: str) -> str:
    """NFC-normalize and repair look-alikes; ASCII text is returned as is."""
    if text.isascii():
        return text
    if "\u0400" <= text[0] <= "\u04ff" and _cyrillic_inert(text):
        return text  # (a Cyrillic word: most non-ASCII names)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return repair_lookalikes(text)


def _cyrillic_inert(text: str) -> bool:
    """Is ``text`` made of Cyrillic letters and ASCII punctuation only (which
    :func:`prepare` leaves as they are)? One C-level encoding tells."""
    return len(codecs.charmap_encode(text, "ignore", _CYRILLIC_INERT)[0]) == len(text)


def prepare_inert(chars: str) -> str:
    """The characters of ``chars`` that :func:`prepare` leaves alone in any text made of them.

    Such a text is NFC already (each character is NFC-stable, has no combining class and
    composes with none of the others) and holds no Latin letter, so look-alike repair
    has nothing to act on. Order is kept, duplicates dropped.
    """
    keep = [
        c
        for c in dict.fromkeys(chars)
        if _LATIN_LETTER_RE.match(c) is None
        and not unicodedata.combining(c)
        and unicodedata.is_normalized("NFC", c)
    ]
    composing = {
        c for a in keep for b in keep if not unicodedata.is_normalized("NFC", a + b) for c in (a, b)
    }
    return "".join(c for c in keep if c not in composing)


# A one-byte code for the Kazakh and Russian letters and ASCII punctuation (digits and
# space included) that prepare leaves alone in any text made of them.
_CYRILLIC_INERT: Final = codecs.charmap_build(
    "\0" + prepare_inert("".join(chr(c) for c in range(1, 128) if not chr(c).isalpha()) + KAZAKH)
)


def has_kazakh(text: str) -> bool:
    """True if ``text`` holds a letter of the Kazakh alphabet that Russian lacks."""
    return _KAZAKH_RE.search(text) is not None


def detect_language(text: str) -> str:
    """Language of Cyrillic text: ``kk`` if Kazakh-specific letters occur, else ``ru``.

    Text without any Cyrillic letter is ``und`` (undetermined). The text should already
    be :func:`prepare`-d for look-alikes to count.
    """
    if has_kazakh(text):
        return "kk"
    if _CYRILLIC_RE.search(text) is not None:
        return "ru"
    return "und"


class Casing:
    """Case mapping for a script: the default Unicode one, or Turkic (i/İ, ı/I)."""

    __slots__ = ("_lower_fix", "_upper_fix", "turkic")

    def __init__(self, turkic: bool = False) -> None:
        self.turkic = turkic
        self._upper_fix = str.maketrans({"i": "İ"}) if turkic else None
        self._lower_fix = str.maketrans({"I": "ı", "İ": "i"}) if turkic else None

    def upper(self, text: str) -> str:
        if self._upper_fix is not None:
            text = text.translate(self._upper_fix)
        return text.upper()

    def lower(self, text: str) -> str:
        if self._lower_fix is not None:
            text = text.translate(self._lower_fix)
        return text.lower()

    def title(self, text: str) -> str:
        """Capitalize the first character only (``zh`` -> ``Zh``, ``a̋`` -> ``A̋``)."""
        if not text:
            return text
        return self.upper(text[0]) + text[1:]

    def variants(self, char: str) -> str:
        """The character with its other-case twins (for regex classes)."""
        out = char
        for alt in (self.upper(char), self.lower(char)):
            if len(alt) == 1 and alt not in out:
                out += alt
        return out


DEFAULT_CASING: Final = Casing()
TURKIC_CASING: Final = Casing(turkic=True)
