"""Match keys: compound given names meet however they are written."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import translit
from translit.names.keys import split_compounds


# A Kazakh compound given name written as one word, hyphenated or as two words (the
# issue's Әли-Асқар: Aliaskar, Ali-Askar; Wikidata labels of Н. Назарбаев and
# Қ.-Ж. Тоқаев write Nursultan, Nur-Sultan and, in Arabic, نور سلطان).
@pytest.mark.parametrize(
    "spellings",
    [
        (
            "Nursultan Nazarbayev",
            "Nur-Sultan Nazarbayev",
            "Nur Sultan Nazarbayev",
            "Нурсултан Назарбаев",
        ),
        ("Aliaskar Zhumabayev", "Ali-Askar Zhumabayev", "Әли-Асқар Жұмабаев"),
        ("Kasymzhomart Tokayev", "Kassym-Jomart Tokayev", "Қасым-Жомарт Тоқаев"),
    ],
)
def test_compound_given_names_meet(spellings: tuple[str, ...]) -> None:
    assert len({translit.key(s) for s in spellings}) == 1


@pytest.mark.parametrize(
    ("folds", "split"),
    [
        ("nasarbaev nursultan", "nasarbaev nur sultan"),
        ("aliaskar", "ali askar"),
        ("antonina ivanova", "antonina ivanova"),  # (Anton and Ina are no Kazakh names)
        ("marat", "marat"),
    ],
)
def test_split_compounds(folds: str, split: str) -> None:
    assert split_compounds(folds) == split


_WORDS = ["nur", "sultan", "nursultan", "ali", "askar", "aliaskar", "marat", "ivanov"]


@given(
    st.lists(
        st.sampled_from(_WORDS),
        min_size=1,
        max_size=4,
    )
)
def test_split_compounds_is_idempotent(words: list[str]) -> None:
    once = split_compounds(" ".join(sorted(words)))
    assert split_compounds(once) == once
    assert "nursultan" not in once.split() and "aliaskar" not in once.split()
