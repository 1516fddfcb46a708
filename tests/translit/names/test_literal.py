"""translit.names.literal: names written word for word."""

from __future__ import annotations

import pytest

from translit.names.literal import literal, literal_key, without_forms


@pytest.mark.parametrize(
    "name",
    [
        "ТОО «Казахтелеком»",
        "Kazakhtelecom JSC",
        "Siemens AG",
        "ИП Иванов",
        "Иванов и партнеры",
        "Ivan Petrov; Olga Petrova",
        "Smith & Wesson",
    ],
)
def test_literal(name: str) -> None:
    assert literal(name)


@pytest.mark.parametrize(
    "name",
    [
        "Ivan Petrov",
        "И. Петров",  # an initial, not the conjunction
        "AG Petrov",  # two-letter Latin forms only as the last word
        "Петров И.И.",
        "Nursultan Nazarbayev",
    ],
)
def test_not_literal(name: str) -> None:
    assert not literal(name)


def test_the_key_leaves_the_legal_form_out() -> None:
    assert literal_key("ТОО «Азия Авто»") == literal_key("Азия Авто ТОО")
    assert literal_key("Kazakhtelecom JSC") == literal_key("LLP Kazakhtelecom")
    assert without_forms("АО «Казахтелеком»") == "Казахтелеком"


def test_a_cyrillic_legal_form_is_one_in_capitals() -> None:
    # Ақ жол (a party: ақ 'white') is no company АҚ «Жол»
    assert not literal("Ақ жол")
    assert literal("АҚ «Жол»")
    assert literal_key("Ақ жол Ltd") == literal_key("Жол Ақ")
