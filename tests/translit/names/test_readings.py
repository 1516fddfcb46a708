"""The likeliest Cyrillic name behind readings that leave letters open."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from translit.names.readings import known_name, letter_model, likeliest, plausible


@pytest.mark.parametrize(
    ("options", "name"),
    [
        # katakana ラ リ サ: л or р each time; only Лариса is a name
        ([["ла", "ра"], ["ли", "ри"], ["са"]], "лариса"),
        # ク is к or ку, ト is т or то (Japanese adds vowels): Костров
        ([["ко"], ["с", "су"], ["т", "то"], ["ро", "ло"], ["в", "б", "фу"]], "костров"),
    ],
)
def test_likeliest_chooses_the_name(options: list[list[str]], name: str) -> None:
    assert likeliest(options) == name


def test_likeliest_of_one_reading_is_that_reading() -> None:
    assert likeliest([["жу"], ["ма"], ["бек"]]) == "жумабек"


@pytest.mark.parametrize(
    ("word", "known"),
    [
        ("лариса", True),  # a given name (lexicon and pymorphy3)
        ("путин", True),  # a surname of pymorphy3's dictionary
        ("нурсултан", True),  # a Kazakh given name of the lexicon
        ("рарыса", False),
        ("стол", False),  # a word, not a name
    ],
)
def test_known_name(word: str, known: bool) -> None:
    assert known_name(word) is known


@given(st.text(alphabet="абвгдежзиклмнопрстуфхцчшыэюя", max_size=6), st.sampled_from("^"))
def test_letter_model_is_a_distribution(context: str, start: str) -> None:
    """After any context, the next letter's probabilities sum to 1 over the letters
    the model has seen (the end mark included)."""
    model = letter_model()
    letters = [run for run in model.counts if len(run) == 1]
    total = sum(model.prob(start + context, letter) for letter in letters)
    assert math.isclose(total, 1.0, rel_tol=1e-9)


def test_letter_model_prefers_russian_letter_runs() -> None:
    model = letter_model()
    assert model.log_prob("костров") > model.log_prob("кстоуров")
    assert model.log_prob("иванов") > model.log_prob("ивнаов")


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("нурсултан", True),
        ("путина", True),
        ("сулейменов", True),
        ("нтниаев", False),  # a reading of Netanyahu in Arabic letters
        ("мхмд", False),
    ],
)
def test_plausible(word: str, expected: bool) -> None:
    assert plausible(word) is expected
