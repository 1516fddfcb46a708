"""Sentence segmentation (sentencex + repairs) and clause splitting."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from translate.segment import ends_sentence, mask_urls, split_clauses, split_sentences

DATA = Path(__file__).resolve().parents[1] / "data" / "translate" / "segmentation.tsv"


def _cases() -> list[tuple[str, str, list[str]]]:
    cases = []
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or line.startswith("lang\t"):
            continue
        lang, text, sentences, _ = line.split("\t")
        cases.append((lang, text, sentences.split(" || ")))
    return cases


def test_the_table_covers_five_languages() -> None:
    assert {lang for lang, _, _ in _cases()} == {"kk", "ru", "uk", "ky", "en"}


@pytest.mark.parametrize(("lang", "text", "expected"), _cases())
def test_split_sentences(lang: str, text: str, expected: list[str]) -> None:
    pieces = split_sentences(text, lang)
    assert "".join(pieces) == text
    assert [p.strip() for p in pieces] == expected


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="аәбқ ҚАТ.!?,-:;xyz1@/\n«»рис39", max_size=80))
def test_sentences_join_to_the_input(text: str) -> None:
    assert "".join(split_sentences(text, "kk")) == text


def test_mask_urls_keeps_length() -> None:
    text = "См. https://akorda.kz/ru/news. и www.gov.kz, почта a.b@c.kz."
    masked = mask_urls(text)
    assert len(masked) == len(text)
    assert "akorda" not in masked and "gov.kz" not in masked and "c.kz" not in masked
    assert masked.endswith(".")


def _long(limit: int) -> object:
    return lambda chunk: len(chunk) > limit


def test_clauses_split_at_the_strongest_boundary() -> None:
    text = "Алматыда жер сілкінісі болды, зардап шеккендер жоқ."
    clauses = split_clauses(text, lambda c: len(c) > 30)
    assert [(c.text, c.separator) for c in clauses] == [
        ("Алматыда жер сілкінісі болды", ", "),
        ("зардап шеккендер жоқ.", ""),
    ]


def test_semicolon_beats_comma() -> None:
    text = "один, два; три, четыре"
    clauses = split_clauses(text, lambda c: len(c) > 12)
    assert clauses[0].separator == "; "


def test_unsplittable_chunk_is_returned_whole() -> None:
    word = "x" * 50
    assert [c.text for c in split_clauses(word, lambda c: len(c) > 10)] == [word]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="абв ,;:—-и.", max_size=120), st.integers(min_value=3, max_value=40))
def test_clauses_rebuild_the_text(text: str, limit: int) -> None:
    clauses = split_clauses(text, lambda c: len(c) > limit)
    assert "".join(c.text + c.separator for c in clauses) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Конец.", True), ("Конец!»", True), ("не конец", False), ("Итог: ", False)],
)
def test_ends_sentence(text: str, expected: bool) -> None:
    assert ends_sentence(text) is expected
