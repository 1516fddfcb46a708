"""Language identification per sentence, with paragraph fallback."""

from __future__ import annotations

import pytest

from translate.langid import identify, identify_all

CASES = [
    ("Президент Астанада Үкімет отырысын өткізді.", "kk"),
    ("Ол бұл туралы журналистерге айтты.", "kk"),
    ("Ол мен досым келдік.", "kk"),  # no Kazakh letter, Kazakh function words
    ("Глава государства принял в Акорде иностранных инвесторов.", "ru"),
    ("Он сказал это журналистам.", "ru"),
    ("The head of state received investors.", "en"),
    ("2024 — 15%", "und"),
    ("Астана", "und"),  # the same word in both languages
    ("Нурсултан Назарбаев", "und"),
    ("Тоқaев", "kk"),  # Latin 'a' inside a Cyrillic word is repaired first
    ("Есеп https://stat.gov.kz сайтында.", "kk"),  # a Kazakh ending; the URL is not English
    ("Глава государства принял инвесторов.", "ru"),  # four words, none Kazakh
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_identify(text: str, expected: str) -> None:
    assert identify(text) == expected


def test_undecided_sentences_follow_their_paragraph() -> None:
    sentences = ["Астана.", "Президент Үкімет отырысын өткізді.", "Алматы."]
    assert identify_all(sentences) == ["kk", "kk", "kk"]


def test_mixed_paragraph_keeps_each_sentence_language() -> None:
    sentences = ["Әкім жаңа мектепті аралады.", "Он сказал, что школа готова."]
    assert identify_all(sentences) == ["kk", "ru"]


def test_document_fallback_when_paragraph_is_undecided() -> None:
    assert identify_all(["Астана."], fallback="ru") == ["ru"]
    assert identify_all(["2024"], fallback="und") == ["und"]
