"""The likeliest Cyrillic name behind readings that leave letters open."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from translit.names.readings import (
    _name_rank,
    known_name,
    letter_model,
    likeliest,
    name_rank,
    plausible,
    russian_surname,
)


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


def test_other_readings_cost() -> None:
    """Chinese 马特维延科 (Матвиенко, zh.wikipedia): 维 is ви or вы in the Xinhua table
    (ве is 韦); Матвеенко, likelier under the letter model and also a known name, wins
    only while the reading outside the table costs nothing."""
    options = [["ма"], ["т"], ["ви", "вы", "ве"], ["ен"], ["ко"]]
    assert likeliest(options) == "матвеенко"
    assert likeliest(options, 6.0, [1, 1, 2, 1, 1]) == "матвиенко"
    assert likeliest(options, 0.0, [1, 1, 2, 1, 1]) == "матвеенко"


@pytest.mark.parametrize(
    ("options", "likeliest_known", "spelt_as_known"),
    [
        # Chinese 扎 and Hangul 자 are жа or за: Жапаров (Садыр Жапаров) is spelt so in
        # the lexicon, Запаров only folds like Сапаров
        ([["жа", "за"], ["па"], ["ро"], ["в"]], "запаров", "жапаров"),
        # Arabic and Hebrew و is о or у: both known, the likelier wins without ``spelt``
        ([["ку", "ко"], ["с"], ["то"], ["в"]], "костов", "кустов"),
    ],
)
def test_spelt_prefers_a_name_spelt_as_known(
    options: list[list[str]], likeliest_known: str, spelt_as_known: str
) -> None:
    assert likeliest(options) == likeliest_known
    assert likeliest(options, spelt=True) == spelt_as_known


def test_two_given_names_as_one_word_are_a_known_name() -> None:
    # 卡瑟姆若马尔特 (Касым-Жомарт, zh.wikipedia): 若 is жо, 姆 м or му
    options = [["ка"], ["сы"], ["м", "му"], ["жо", "ро"], ["ма"], ["р"], ["т"]]
    assert likeliest(options, 6.0, [1, 1, 2, 1, 1, 1, 1]) == "касымжомарт"


@given(
    st.lists(
        st.lists(st.sampled_from(["а", "б", "ов", "ин", "ра", "ла", "ш", ""]), min_size=1),
        min_size=1,
        max_size=5,
    ),
    st.floats(min_value=0.0, max_value=10.0),
)
def test_likeliest_spells_one_option_of_each_sign(options: list[list[str]], other: float) -> None:
    found = likeliest(options, other, [1] * len(options))
    spellings = {""}
    for choices in options:
        spellings = {s + c for s in spellings for c in choices}
    assert found in spellings


@pytest.mark.parametrize(
    ("word", "rank"),
    [
        ("жапаров", 0),  # the lexicon spells it so (a Kyrgyz surname)
        ("запаров", 1),  # the lexicon knows its fold (as Сапаров)
        ("касымжомарт", 0),  # Касым and Жомарт, Kazakh given names, as one word
        ("дмитрий", 0),
        ("дмитри", 1),
        ("рарыса", None),
    ],
)
def test_name_rank(word: str, rank: int | None) -> None:
    assert name_rank(word) == rank
    assert name_rank(word) == rank  # (again: from the memo)
    assert _name_rank(word) == (-1 if rank is None else rank)  # (and without it)


@pytest.mark.parametrize(
    ("word", "surname"),
    [("гагарин", True), ("мишустин", True), ("кевин", False), ("стол", False)],
)
def test_russian_surname(word: str, surname: bool) -> None:
    assert russian_surname(word) is surname


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


@given(st.text(alphabet="абвгдежзиклмнопрстуфхцчшыэюя", max_size=8), st.sampled_from("аоинр$"))
def test_remembered_log_probabilities_are_the_model_s(context: str, letter: str) -> None:
    model = letter_model()
    for _ in range(2):  # (computed, then remembered)
        assert model.log("^" + context, letter) == math.log(model.prob("^" + context, letter))


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
