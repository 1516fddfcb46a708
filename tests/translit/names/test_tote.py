"""Kazakh names in the Arabic script (tote zhazu), read back into Kazakh Cyrillic."""

from __future__ import annotations

import re

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import translit
from translit._util.paths import data_path
from translit.names.tote import is_kazakh_arabic, to_cyrillic

# The reference: the Cyrillic-to-Arabic rules of the Kazakh Wikipedia's converter
# (MediaWiki languages/classes/LanguageKk.php, KkConverter: mCyLa2Arab and the front
# mark of regsConverter), which makes Wikidata's kk-arab labels; written out here as the
# oracle that the reading back must invert.
_FRONT, _NO_MARK = "әөүі", "еэгғкқ"
_RULES = [
    ("(?<=[аәеёиоөұүэюяъь])е", "يە"),
    ("[еэ]", "ە"), ("[ъь]", ""), ("[аә]", "ا"), ("[оө]", "و"), ("[ұү]", "ۇ"),
    ("[ыі]", "ى"), ("и", "ىي"), ("ё", "يو"), ("ю", "يۋ"), ("я", "يا"), ("й", "ي"),
    ("ц", "تس"), ("щ", "شش"), ("һ", "ح"), ("ч", "تش"),
]  # fmt: skip
_LETTERS = str.maketrans(dict(zip("бвгғджзкқлмнңпрстуфхш", "بۆگعدجزكقلمنڭپرستۋفحش", strict=True)))


def to_arabic(cyrillic: str) -> str:
    out = []
    for word in re.split(r"([\s-]+)", cyrillic.lower()):
        if any(c in _FRONT for c in word) and not any(c in _NO_MARK for c in word):
            word = "ٴ" + word
        for pattern, arabic in _RULES:
            word = re.sub(pattern, arabic, word)
        out.append(word.translate(_LETTERS))
    return "".join(out)


@pytest.mark.parametrize(
    ("cyrillic", "arabic"),
    [  # (the converter's output for these names, by the rules above)
        ("Қасым-Жомарт Тоқаев", "قاسىم-جومارت توقايەۆ"),
        ("Нұрсұлтан Назарбаев", "نۇرسۇلتان نازاربايەۆ"),
        ("Әбіш Кекілбаев", "ٴابىش كەكىلبايەۆ"),
    ],
)
def test_the_reference_writes_these_names(cyrillic: str, arabic: str) -> None:
    assert to_arabic(cyrillic) == arabic


@pytest.mark.parametrize(
    "cyrillic",
    ["Қасым-Жомарт Тоқаев", "Нұрсұлтан Назарбаев", "Әбіш Кекілбаев", "Ибраһим Ахметов"],
)
def test_a_name_is_read_back(cyrillic: str) -> None:
    arabic = to_arabic(cyrillic)
    assert is_kazakh_arabic(arabic)
    assert translit.key(to_cyrillic(arabic)) == translit.key(cyrillic)
    assert translit.key(arabic) == translit.key(cyrillic)


def test_words_keep_their_separators_and_get_capitals() -> None:
    assert to_cyrillic("قاسىم-جومارت توقايەۆ") == "Қасым-Жомарт Тоқаев"


@pytest.mark.parametrize(
    "name",
    [
        "ئىلھام توختى",  # Uyghur (Ilham Tohti): ئ and خ
        "فلاديمير بوتين",  # Arabic
        "ولادیمیر پوتین",  # Persian: its yeh
        "محمد بن سلمان",
        "مصطفى كمال",  # Arabic: ى at the end of a word
        "جهرستۆپه بلۆجهەر",  # Kurdish (tests/data/devset/open_world.tsv): its heh
    ],
)
def test_other_arabic_script_alphabets_are_not_read_as_kazakh(name: str) -> None:
    assert not is_kazakh_arabic(name)


def test_a_name_of_other_origin_in_kazakh_arabic_letters_stays_as_written() -> None:
    # a Kazakh-script label of a Malaysian (tests/data/devset/open_world.tsv): read, it
    # is no Cyrillic-origin name (the gate of Georgian, Armenian and Greek readings)
    name = "ماحاتحىير بىين موحاماد"
    assert is_kazakh_arabic(name)
    assert translit.normalize(name) == name


def _given_names() -> list[str]:
    path = data_path("names", "given_kk.tsv")
    rows = path.read_text(encoding="utf-8").splitlines()
    return [r.split("\t")[0] for r in rows if r and not r.startswith("#")][1:]


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(_given_names()), st.sampled_from(_given_names()))
def test_every_kazakh_given_name_meets_its_arabic_spelling(first: str, second: str) -> None:
    assume(second[-1].lower() not in "аәеиоөұүыіэюяьъ")  # (a surname: Әсел, Әселов)
    name = f"{first} {second}ов"
    assume(len(translit.key(name).split()) == 2)  # (not a title: Әкім is a governor)
    assert translit.key(to_arabic(name)) == translit.key(name)
