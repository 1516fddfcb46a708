"""Text helpers: NFC, look-alike repair, language detection, casing."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from translit.letters import (
    KAZAKH_ONLY,
    TURKIC_CASING,
    detect_language,
    has_kazakh,
    prepare,
    repair_lookalikes,
)


@pytest.mark.parametrize(
    ("dirty", "clean"),
    [
        ("Нұрсултaн", "Нұрсултан"),  # Latin a inside a Cyrillic word
        ("Нұрсұлтан Назaрбaев", "Нұрсұлтан Назарбаев"),
        ("Бiрлiк", "Бірлік"),  # Latin i -> Kazakh і
        ("Əлихан", "Әлихан"),  # Latin schwa -> ә
        ("Cаша", "Саша"),  # Latin capital C
        ("Nazarbаyev", "Nazarbayev"),  # Cyrillic а inside a Latin word
        ("Toqaev Тоқаев", "Toqaev Тоқаев"),  # clean words untouched
        ("plain ascii", "plain ascii"),
    ],
)
def test_repair_lookalikes(dirty: str, clean: str) -> None:
    assert repair_lookalikes(dirty) == clean


def test_prepare_composes_decomposed_letters() -> None:
    decomposed = unicodedata.normalize("NFD", "Йошкар-Ола, Ёлкин")
    assert decomposed != "Йошкар-Ола, Ёлкин"
    assert prepare(decomposed) == "Йошкар-Ола, Ёлкин"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Тоқаев", "kk"),
        ("Токаев", "ru"),
        ("Қазақстан Республикасы", "kk"),
        ("Президент России", "ru"),
        ("Tokayev", "und"),
        ("", "und"),
        ("Бiрлiк", "ru"),  # raw: Latin i is not Kazakh і until prepared
    ],
)
def test_detect_language(text: str, lang: str) -> None:
    assert detect_language(text) == lang
    assert has_kazakh(text) == (lang == "kk")


@given(st.text(alphabet="абвгдеёжзийклмнопрстуфхцчшщъыьэюяӘҒҚҢӨҰҮҺІәғқңөұүһіa ", max_size=12))
def test_has_kazakh_means_a_kazakh_only_letter(text: str) -> None:
    assert has_kazakh(text) == any(c in KAZAKH_ONLY for c in text)


def test_detect_after_prepare_counts_repaired_letters() -> None:
    assert detect_language(prepare("Бiрлiк")) == "kk"


def test_turkic_casing() -> None:
    assert TURKIC_CASING.upper("iı") == "İI"
    assert TURKIC_CASING.lower("İI") == "iı"
    assert TURKIC_CASING.title("ıstyq") == "Istyq"
    assert "İ" in TURKIC_CASING.variants("i")


@given(st.text(alphabet="ТоқаевЖЁёИй\u0306aeoxcpKMТ-', .1şé", max_size=16))
def test_prepare_is_nfc_then_repair_of_every_word(text: str) -> None:
    # prepare skips what cannot change (Cyrillic words, one script); the reference
    # normalizes and repairs every word
    import re

    from translit.letters import _repair_word, prepare

    expected = re.sub(r"\w+", _repair_word, unicodedata.normalize("NFC", text))
    assert prepare(text) == expected
