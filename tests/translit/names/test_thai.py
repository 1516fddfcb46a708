"""Russian names in Thai script read back into Cyrillic (translit/names/thai.py)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import translit
from translit.names import thai
from translit.names.scripts import as_cyrillic, cyrillic_reading, has_other_script

# th.wikipedia article titles of Russian and Kazakh public figures, with the Russian name.
READINGS = [
    ("วลาดีมีร์ ปูติน", "Владимир Путин"),
    ("ยูลิยา ทีโมเชนโก", "Юлия Тимошенко"),  # ยู: ю
    ("ดมีตรี เมดเวเดฟ", "Дмитрий Медведев"),
    ("เซียร์เกย์ ชอยกู", "Сергей Шойгу"),  # อ after a bare consonant: о
    ("นูร์ซุลตัน นาซาร์บายิฟ", "Нурсултан Назарбаев"),  # ยิ: е
    ("คาซึม-โจมาร์ต โตกาเยฟ", "Касым-Жомарт Токаев"),  # โ before its consonant
]


@pytest.mark.parametrize(("name", "russian"), READINGS)
def test_russian_names_read_back(name: str, russian: str) -> None:
    assert has_other_script(name)
    assert translit.key(name) == translit.key(russian)


@pytest.mark.parametrize(
    ("word", "syllables"),
    [
        ("ปูติน", [{"пу"}, {"ти"}, {"н"}]),  # the last consonant carries no vowel
        ("โตกา", [{"то"}, {"ка", "га"}]),  # โ is written before ต
        ("ชอย", [{"чой", "шой", "щой"}]),
    ],
)
def test_options_per_syllable(word: str, syllables: list[set[str]]) -> None:
    found = thai.options(word)
    assert found is not None
    assert [set(o) for o in found] == syllables


def test_a_leading_vowel_with_no_consonant_gives_none() -> None:
    assert thai.options("เ") is None


@pytest.mark.parametrize("name", ["ทักษิณ ชินวัตร", "ประยุทธ์ จันทร์โอชา"])
def test_thai_names_stay_as_written(name: str) -> None:
    assert cyrillic_reading(name) == name
    assert translit.normalize(name) == name


_CONSONANTS = "กคจชซดตทนบปพมรลส"  # (not ย, ว, อ: after a vowel sign they end the vowel)
_AFTER = ["", "า", "ิ", "ี", "ุ", "ู"]


@given(st.lists(st.tuples(st.sampled_from(_CONSONANTS), st.sampled_from(_AFTER)), min_size=1))
def test_every_syllable_has_readings(syllables: list[tuple[str, str]]) -> None:
    word = "".join(c + sign for c, sign in syllables)
    found = thai.options(word)
    assert found is not None and len(found) == len(syllables) and all(found)
    assert as_cyrillic(word) != word
