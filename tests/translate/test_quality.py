"""Checks on model output: numbers, URLs, length, repetition."""

from __future__ import annotations

import pytest

from translate.quality import (
    check,
    missing_numbers,
    missing_urls,
    needs_retry,
    number_candidates,
    repeated_ngram,
    restore_urls,
    severity,
)


@pytest.mark.parametrize(
    ("raw", "values"),
    [
        ("1 500", {"1500"}),
        ("1\u00a0500", {"1500"}),
        ("1500", {"1500"}),
        ("1,500", {"1500", "1.5"}),  # English thousands, or a Russian decimal comma
        ("1,5", {"1.5"}),
        ("14,25", {"14.25"}),
        ("14.250", {"14250", "14.25"}),
        ("12,345,678", {"12345678"}),
        ("007", {"7"}),
        ("5", {"5"}),
    ],
)
def test_number_candidates(raw: str, values: set[str]) -> None:
    assert number_candidates(raw) == frozenset(values)


@pytest.mark.parametrize(
    ("source", "target", "missing"),
    [
        ("Жаңа зауытта 1 500 адам жұмыс істейді.", "1,500 people work at the new plant.", []),
        ("мөлшерлемені 14,25 пайызда", "the rate at 14.25 percent", []),
        ("2024 жылғы 12 сәуір, 21:00", "12 April 2024, 21:00", []),
        ("3 миллион теңге", "three million tenge", ["3"]),
        ("5 и 5", "5", ["5"]),
        ("сайт https://stat.gov.kz/2024", "the site", []),  # digits in URLs do not count
    ],
)
def test_missing_numbers(source: str, target: str, missing: list[str]) -> None:
    assert missing_numbers(source, target) == missing


def test_missing_urls_and_restore() -> None:
    source = "Есеп https://stat.gov.kz сайтында."
    assert missing_urls(source, "The report is on the website.") == ["https://stat.gov.kz"]
    assert restore_urls(source, "The report is on the website.") == (
        "The report is on the website. (https://stat.gov.kz)"
    )
    assert restore_urls(source, "See https://stat.gov.kz.") == "See https://stat.gov.kz."


@pytest.mark.parametrize(
    ("text", "degenerate"),
    [
        ("The head of the ministry of the interior of the republic", False),
        ("the state of the state of the art", True),
        ("he came came came", True),
        ("a b c d a b c d", True),
        ("one two three, four one two three, five one two three", True),
        ("very very good", False),
    ],
)
def test_repeated_ngram(text: str, degenerate: bool) -> None:
    assert repeated_ngram(text, "источник") is degenerate


def test_repetition_in_the_source_is_not_degenerate() -> None:
    assert not repeated_ngram("yes yes yes", "иә иә иә")


def test_check_flags() -> None:
    long_source = (
        "Мемлекеттік кірістер комитеті 2023 жылы салық түсімдері 15 пайызға артқанын хабарлады."
    )
    assert check(long_source, "Taxes.") == ["too_short", "numbers_changed"]
    assert check("Ол келді.", "") == ["empty"]
    assert check("Ол келді.", "He came.") == []
    assert check("Ол келді.", "He came.", truncated=True) == ["truncated"]
    assert check("Ол келді.", "He келді.") == ["untranslated"]
    assert check("Ол келді.", "Ол келді.", target_script="Cyrl") == []
    assert "too_long" in check("Да.", "Yes " * 20)


def test_retry_policy() -> None:
    assert needs_retry(["too_short"]) and needs_retry(["repetition"])
    assert not needs_retry(["url_missing"]) and not needs_retry([])
    assert severity(["empty"]) > severity(["too_short"]) > severity(["url_missing"]) > 0


@pytest.mark.parametrize(
    ("source", "target", "flagged"),
    [
        ("Көрсеткіш", "The indicator of the growth of the national economy", True),
        ("Көрсеткіш", "Indicator", False),
        ("ҚР", "Republic of Kazakhstan", False),  # an abbreviation spelled out
        ("Барлығы", "Total", False),
        ("Жыл", "The year of the great change and the new plan", True),
        ("Бюджеттің жалпы көлемі", "Total budget volume", False),
        ("Сот отырысы ертең өтеді деп күтілуде.", "The court hearing is expected tomorrow.", False),
    ],
)
def test_too_long_is_relative_for_short_sources(source: str, target: str, flagged: bool) -> None:
    assert ("too_long" in check(source, target)) is flagged


TWO_KK = "Ол жобаны әзірледі. Сенат келісімді ратификациялады."


@pytest.mark.parametrize(
    ("source", "target", "flagged"),
    [
        (TWO_KK, "He developed the project.", True),
        (TWO_KK, "He did it. The Senate agreed.", False),
        ("Результаты на рис. 3. Дальше.", "Results in Fig. 3. Discussion follows.", False),
        ("Көпір ашылды. 11 шілдеде көліктер өтті.", "The bridge opened.", True),
    ],
)
def test_sentence_lost(source: str, target: str, flagged: bool) -> None:
    assert ("sentence_lost" in check(source, target)) is flagged


def test_a_made_up_placeholder_is_flagged() -> None:
    assert "placeholder_added" in check("Уряд ухвалив рішення.", "The {1} government decided.")
    assert "placeholder_added" not in check("Уряд {1} ухвалив.", "The {1} government decided.")
    assert needs_retry(["placeholder_added"])
