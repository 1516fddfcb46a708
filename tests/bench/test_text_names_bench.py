"""bench/text_names.py: reading the factRuEval-2016 format and scoring found spans, on a
hand-made document in that format (the format is described in the corpus's README)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.text_names import gold_persons, main, score, translit_finder

TEXT = "Мэр Москвы Юрий Лужков встретился с Зорькиным."
# span id, type, start, length, first token id, token count  # tokens
SPANS = """\
1 loc_name 4 6 11 1  # 11 Москвы
2 name 11 4 12 1  # 12 Юрий
3 surname 16 6 13 1  # 13 Лужков
4 surname 36 9 16 1  # 16 Зорькиным
"""
# object id, type, span ids  # text
OBJECTS = """\
10 LocOrg 1 # Москвы
11 Person 2 3 # Юрий Лужков
12 Person 4 # Зорькиным
"""


def _corpus(tmp_path: Path) -> Path:
    (tmp_path / "doc_1.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "doc_1.spans").write_text(SPANS, encoding="utf-8")
    (tmp_path / "doc_1.objects").write_text(OBJECTS, encoding="utf-8")
    return tmp_path


def test_gold_persons_are_the_extents_of_person_objects(tmp_path: Path) -> None:
    text, persons = gold_persons(_corpus(tmp_path) / "doc_1")
    assert text == TEXT
    assert [text[a:b] for a, b in persons] == ["Юрий Лужков", "Зорькиным"]


def test_score_counts_exact_and_overlapping_spans_once() -> None:
    gold = [(0, 10), (20, 30)]
    assert score(gold, [(0, 10), (22, 25), (24, 28)]) == (1, 2)
    assert score(gold, [(40, 50)]) == (0, 0)


def test_translit_finds_both_persons(tmp_path: Path) -> None:
    text, persons = gold_persons(_corpus(tmp_path) / "doc_1")
    assert score(persons, translit_finder()(text)) == (2, 2)


def test_main_prints_a_row_per_finder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(_corpus(tmp_path))]) == 0
    out = capsys.readouterr().out
    assert "1 documents, 2 person mentions" in out
    assert "translit" in out and "pymorphy3" in out
