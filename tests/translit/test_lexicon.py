"""The lexicon's one-lookup entries agree with its tables."""

from __future__ import annotations

import pytest

from translit.lexicon import lexicon
from translit.nameparse import _chunk_words, plain_words


def test_entries_agree_with_the_tables() -> None:
    lex = lexicon()
    entries = lex.entries()
    kazakh = lex.kazakh_folds()
    assert set(entries) == {*lex.overrides, *lex.cyrillic, *lex.given}
    for fold, entry in entries.items():
        assert entry.canonical == lex.canonical(fold)
        assert entry.given == (lex.canonical(fold) in lex.given)
        assert entry.cyrillic == lex.cyrillic.get(fold, "")
        assert entry.kazakh == (fold in kazakh)
    assert lex.entries() is entries  # built once


@pytest.mark.parametrize("name", ["Tokajew Kassym", "NAZARBAYEV NURSULTAN", "Zzyzx Qwerty"])
def test_plain_words_carry_the_entry_of_their_fold(name: str) -> None:
    entries = lexicon().entries()
    found = plain_words(name)
    assert found is not None
    for word in found.words:
        assert word.entry is entries.get(word.fold)
        ((_, _, fold, _, _),) = _chunk_words(word.word)
        assert fold == word.fold
