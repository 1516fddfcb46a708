"""pymorphy3's Russian dictionary as the name finder reads it."""

from __future__ import annotations

import pytest

from translit.names.morph import dictionary_surname_form


# Surnames and their case forms in the OpenCorpora dictionary that pymorphy3-dicts-ru
# ships (tagged Surn), and words it holds only as other parts of speech or not at all
@pytest.mark.parametrize(
    ("word", "known"),
    [
        ("Зорькин", True),
        ("Зорькиным", True),  # instrumental
        ("Лужкова", True),  # genitive of Лужков, or the feminine form
        ("Гельфанд", True),
        ("Иванов", True),
        ("стол", False),  # a common noun
        ("Москва", False),  # a place
        ("Виктор", False),  # a given name, not a surname
        ("Тоқаев", False),  # Kazakh letters: not in the Russian dictionary
        ("Жапаров", False),  # not in the dictionary (its guess by ending does not count)
    ],
)
def test_dictionary_surname_form(word: str, known: bool) -> None:
    assert dictionary_surname_form(word) is known
    assert dictionary_surname_form(word) is known  # (the second answer from the cache)
