"""Sessions own the name path's caches; the gazetteer and the words stay frozen data."""

from __future__ import annotations

import dataclasses
import gc
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import translit
from translit.names.gazetteer import Gazetteer, bundled_gazetteer, load_gazetteer
from translit.names.lexicon import LexiconEntry
from translit.names.parse import Word, plain_words
from translit.names.session import GazetteerCaches, Session, gazetteer_caches, session
from translit.names.style import get_style


def test_one_session_per_gazetteer_and_style() -> None:
    gaz = bundled_gazetteer()
    en = session("en")
    assert session("en", gaz) is en
    assert session(get_style("en")) is en
    assert en.gazetteer is gaz and en.style is get_style("en")
    rferl = session("rferl")
    assert rferl is not en
    assert session("en") is en  # (found again after another style)
    assert rferl.caches is en.caches is gazetteer_caches(gaz)  # keys are style-free
    assert rferl.entities is not en.entities and rferl.words is not en.words


def test_a_gazetteer_with_user_entries_has_its_own_caches(tmp_path: Path) -> None:
    user = tmp_path / "mine.jsonl"
    user.write_text(
        '{"id": "u1", "type": "person", "en": "Ivan Q. Petrov", "ru": "Иван Петров"}\n',
        encoding="utf-8",
    )
    mine = load_gazetteer([user])
    assert session("en", mine) is not session("en")
    assert gazetteer_caches(mine) is not gazetteer_caches()
    assert translit.analyze("Ivan Petrov", gazetteer=mine).entity == "u1"
    assert translit.normalize("Иван Петров", gazetteer=mine) == "Ivan Q. Petrov"
    assert translit.analyze("Ivan Petrov").entity != "u1"  # the bundled one is untouched


def test_the_session_remembers_renderings_of_entities_and_words() -> None:
    s = session("official")
    result = translit.analyze("Касым-Жомарт Токаев", "official")
    assert result.entity is not None
    assert s.entities[result.entity] == result.output
    out = translit.normalize("Aigerim Zhaksybekova", "official")
    plain = plain_words("Aigerim Zhaksybekova")
    assert plain is not None
    entry = plain.words[1].entry  # (a surname the lexicon knows: its entry's record)
    assert entry is not None and entry.cyrillic == "Жақсыбекова"
    record = s.known.data[entry]
    assert record.cyrillic == "Жақсыбекова" and record.found == 1
    assert record.kk == out.split()[-1]  # (a Kazakh name: its kk form)
    assert "Zhaksybekova" not in s.words
    assert len(s.keys) > 0


@pytest.mark.parametrize(
    "spelling", ["Jaksybekova", "Žaksybekova", "Zhaqsybekova", "Schaksybekowa"]
)
def test_spellings_of_a_lexicon_entry_share_its_record(spelling: str) -> None:
    s = session("rferl")
    first = translit.normalize("Aigerim Zhaksybekova", "rferl")
    plain, other = plain_words("Aigerim Zhaksybekova"), plain_words(f"Aigerim {spelling}")
    assert plain is not None and other is not None
    entry = plain.words[1].entry
    assert entry is not None and other.words[1].entry is entry
    record = s.known.data[entry]
    assert translit.normalize(f"Aigerim {spelling}", "rferl") == first
    assert s.known.data[entry] is record and spelling not in s.words


@pytest.mark.parametrize(
    ("name", "word"), [("AIGERIM ZHAKSYBEKOVA", "ZHAKSYBEKOVA"), ("Aigerim Qwertzova", "Qwertzova")]
)
def test_words_in_capitals_or_unknown_have_their_own_record(name: str, word: str) -> None:
    # (capitals give another Cyrillic form; an unknown word is spelled off its own fold)
    s = session("official")
    plain = plain_words(name)
    assert plain is not None
    translit.normalize(name, "official")
    cache = s.words_for(plain.hint)
    assert word in cache and cache.data[word].cyrillic


@pytest.mark.parametrize(
    ("make", "name"),
    [
        (lambda: Word("Ivan", "ivan", 0), "memo"),
        (lambda: Word("Ivan", "ivan", 0), "gazetteer"),
        (lambda: Word("Ivan", "ivan", 0), "origin"),
        (lambda: LexiconEntry("ivan", "Иван", True, False), "en_kk"),
        (lambda: LexiconEntry("ivan", "Иван", True, False), "en_ru"),
    ],
)
def test_words_and_lexicon_entries_take_no_caches(make: Callable[[], object], name: str) -> None:
    # (slotted, compiled or not: an attribute they do not declare cannot be set)
    with pytest.raises(AttributeError):
        setattr(make(), name, None)


def test_the_gazetteer_carries_no_caches_and_no_callback() -> None:
    fields = {f.name for f in dataclasses.fields(Gazetteer)}
    assert not fields & {"renderings", "keys", "derived", "serial"}
    assert not hasattr(Gazetteer, "rendering")  # (it called back into normalize)
    s = session("en")
    assert isinstance(s.caches, GazetteerCaches) and isinstance(s, Session)


@pytest.fixture
def thresholds() -> Iterator[tuple[int, int, int]]:
    old = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    yield gc.get_threshold()
    gc.set_threshold(*old)


def test_library_calls_leave_the_garbage_collector_alone(
    thresholds: tuple[int, int, int],
) -> None:
    seen: list[tuple[int, int, int]] = []

    class Spy(str):
        __hash__ = str.__hash__

        def __eq__(self, other: object) -> bool:
            seen.append(gc.get_threshold())
            return str.__eq__(self, other)

    names = ["Ivan Petrov", "Иван Петров", "Ivan Petrov"]
    translit.normalize_many(names)
    translit.keys_many(names)
    translit.cyrillize_many(["Qasym"], "kz-2021")
    assert gc.get_threshold() == thresholds
    seen.clear()
    translit.normalize_many([Spy("Ivan Petrov"), Spy("Ivan Petrov")])
    assert seen and all(t == thresholds for t in seen)
