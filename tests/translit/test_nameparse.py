"""Titles (translit.nameparse.titles): read once from name_rules.json, cut one way."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from translit.nameparse import _plain_run, _plain_words_after_titles, strip_titles, titles
from translit.text import prepare


@pytest.mark.parametrize(
    ("name", "body"),
    [
        ("President Tokayev", "Tokayev"),
        ("Mr. President Kassym-Jomart Tokayev", "Kassym-Jomart Tokayev"),
        ("Prime Minister Olzhas Bektenov", "Olzhas Bektenov"),
        ("Президент Тоқаев", "Тоқаев"),
        ("г-н Иванов", "Иванов"),
        ("Marat Tokayev", "Marat Tokayev"),  # (Mr is no start of Marat)
        ("Mr", "Mr"),  # nothing would be left: kept
    ],
)
def test_strip_titles(name: str, body: str) -> None:
    assert strip_titles(name) == body


def test_titles_in_the_forms_their_readers_need() -> None:
    found = titles()
    assert {"president", "mr", "prime", "президент", "г-н"} <= found.starts
    assert {"mr", "mr.", "mr,", "president"} <= found.words
    assert "prime" not in found.words  # (Prime Minister is two words)
    assert found.pattern is not None and found.pattern.match("Herr Dr. Schmidt")


_WORDS = st.sampled_from(["Tokayev", "Kassym-Jomart", "Нұрсұлтан", "Ivanov,", "Aigul", "Mr"])
_TITLES = st.sampled_from(["Mr", "Mr.", "mr,", "President", "Prime Minister", "Dr", "Herr"])


@settings(max_examples=200, deadline=None)
@given(_TITLES, st.lists(_WORDS, min_size=1, max_size=3))
def test_the_plain_paths_title_shortcut_cuts_as_strip_titles(title: str, words: list[str]) -> None:
    name = " ".join([title, *words])
    body = strip_titles(prepare(name))
    expected = _plain_run(body.split()) if body is not name and body.strip() else None
    found = _plain_words_after_titles(name)
    if expected is None:
        assert found is None
    else:
        assert found is not None
        assert [(w.word, w.fold) for w in found.words] == [(w.word, w.fold) for w in expected.words]
