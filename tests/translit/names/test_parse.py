"""Titles (translit.names.parse.titles): read once from name_rules.json, cut one way."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import translit
from translit.letters import prepare
from translit.names.parse import (
    Word,
    _plain_run,
    _plain_words_after_titles,
    chunk_plain,
    guess_surname,
    name_shape,
    parse_body,
    parse_name,
    plain_words,
    strip_titles,
    surname_leads,
    titles,
)


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


def _plain_words_of(name: str) -> list[Word]:
    out: list[Word] = []
    for chunk in name.split():
        plain = chunk_plain(chunk)
        assert plain is not None, chunk
        out += list(plain.parts) if plain.parts is not None else [plain]
    return out


# (name, fathers, the surname, the words dropped): the shape of a name from its words'
# flags, which both parsers take
@pytest.mark.parametrize(
    ("name", "fathers", "surname", "dropped"),
    [
        ("Бойко Методиев Борисов", True, "Борисов", ["Методиев"]),  # a father's name
        ("Бойко Методиев Борисов", False, "Борисов", []),
        ("Nursultan Abish uly Nazarbayev", True, "Nazarbayev", ["Abish", "uly"]),
        ("Tokayev Kassym-Jomart Kemelevich", True, "Tokayev", ["Kemelevich"]),
        ("Dariga Nursultankyzy Nazarbayeva", True, "Nazarbayeva", ["Nursultankyzy"]),
        ("Шойгу Сергей Кужугетович", True, "Шойгу", ["Кужугетович"]),  # official order
        ("Руслан Михайлович Сидорович", True, "Сидорович", ["Михайлович"]),
        ("Tokayev, Kassym Kemelevich", True, "Tokayev", ["Kemelevich"]),
        ("Ivan Ivanovich", True, "Ivanovich", []),  # two words: nothing dropped
        ("Ivan Petrov", True, "Petrov", []),
    ],
)
def test_name_shape(name: str, fathers: bool, surname: str, dropped: list[str]) -> None:
    words = _plain_words_of(name)
    flags = [w.flags for w in words]
    comma = name.split().index(next(c for c in name.split() if "," in c)) + 1 if "," in name else -1
    found, drop = name_shape(flags, list(range(len(words))), comma, fathers)
    assert words[found].word == surname
    assert [words[i].word for i in sorted(drop)] == dropped
    # the general parser takes the same shape
    parsed = parse_body(name, fathers)
    assert parsed.surname >= 0 and parsed.words[parsed.surname].word == surname
    assert [w.word for w in parsed.dropped] == dropped


# (name, dropped: a patronymic was dropped after it, does it read Surname Given): the
# one order decision of both paths, on the flags of the words of real names
@pytest.mark.parametrize(
    ("name", "dropped", "leads"),
    [
        ("Жақсыбеков Шыңғыс", False, True),  # a surname ending, then a known given name
        ("Petrov Ivan", False, True),
        ("Ivan Petrov", False, False),
        ("Petrov Sidorov", False, False),  # no known given name: the order stays
        ("IVANOV IVAN", False, True),  # passport style
        ("IVAN IVANOV", False, False),
        ("Шойгу Сергей", True, True),  # Surname Given Patronymic, the patronymic dropped
        ("Tokayev Kassym-Jomart", False, False),  # a hyphenated chunk: the order stays
    ],
)
def test_surname_leads(name: str, dropped: bool, leads: bool) -> None:
    words = _plain_words_of(name)
    flags = [w.flags for w in words]
    surname = 0 if dropped else guess_surname(flags)
    caps = all(len(w.word) > 1 and w.word.isupper() for w in words)
    simple = len(words) == len(name.split())
    assert surname_leads(flags, surname, dropped, caps, simple) is leads


_WORDS = st.sampled_from(
    ["Tokayev", "TOKAYEV", "Тоқаев", "Nursultan", "Ivanov,", "Ivan", "Жанар", "Kassym-Jomart",
     "uly", "Abishevich", "Kemelevich", "kyzy", "ұлы", "Sergeyevna,", "Abischewitsch",
     "Nursultanqyzy", "Методиев", "Борисов", "Бойко", "Petrov", "Geroichan", "Kystaubajew",
     "Ivanov-Petrov", "Шойгу", "Сергей", "Кужугетович", "Mr"]
)  # fmt: skip


def _entry(word: Word) -> tuple[str, str] | None:
    return None if word.entry is None else (word.entry.canonical, word.entry.cyrillic)


@settings(max_examples=400, deadline=None)
@given(st.lists(_WORDS, min_size=1, max_size=5))
def test_both_parsers_take_one_shape(pieces: list[str]) -> None:
    # a name of plain words parses to exactly the plain path's words, in order, with
    # the same surname where a patronymic was dropped (name_shape decides for both)
    name = " ".join(pieces)
    plain = plain_words(name)
    if plain is None:
        return  # (a shape left to the general parser)
    parsed = parse_name(name)
    assert [w.word for w in plain.words] == [w.word for w in parsed.words]
    assert [w.fold for w in plain.words] == [w.fold for w in parsed.words]
    # (the same lexicon entry: a test that reloads the lexicon leaves cached words
    # with entries of the former one, equal but not the same objects)
    assert [_entry(w) for w in plain.words] == [_entry(w) for w in parsed.words]
    assert [w.word for w in plain.dropped] == [w.word for w in parsed.dropped]
    if plain.surname >= 0:
        assert parsed.surname == plain.surname


# tests/data/devset/tune.tsv: the Wikidata labels and official lists' spellings of
# members of the Verkhovna Rada and a Belarusian writer, in Ukrainian and Belarusian
# Latin (г written h), each against the Cyrillic spelling of the same person.
H_AS_G = [
    ("Volodymyr Hroysman", "Гройсман Володимир Борисович"),  # names:ua
    ("Wołodymyr Hrojsman", "Гройсман, Владимир Борисович"),  # pl, against ru
    ("Volodymyr Borysovyč Hrojsman", "Гройсман Володимир Борисович"),  # names:ua
    ("Hanna Hopko", "Гопко Ганна Миколаївна"),  # en, de, fr ...
    ("Ihor Hryniw", "Гринів Ігор Олексійович"),  # pl
    ("Wiktar Huminski", "Віктар Аляксандравіч Гумінскі"),  # pl, ast
]


@pytest.mark.parametrize(("latin", "cyrillic"), H_AS_G)
def test_a_ukrainian_given_name_reads_the_other_words_h_as_g(latin: str, cyrillic: str) -> None:
    assert translit.key(latin) == translit.key(cyrillic)
    parsed = parse_name(latin)
    assert not any("X" in w.fold for w in parsed.words)  # (no h read as х)
    plain = plain_words(latin)  # (the fast path reads it so too, where it reads it)
    if plain is not None:
        assert [w.fold for w in plain.words] == [w.fold for w in parsed.words]


@pytest.mark.parametrize(
    ("name", "other"),
    [
        ("Ivan Harin", "Иван Гарин"),  # no Ukrainian given name: h is х (Харин)
        ("Volodymyr Harin", "Володимир Гарін"),  # Harin is a known name: Харин
        ("Hanna Hoffmann", "Ганна Гофман"),  # a name kept with its plain key
    ],
)
def test_h_stays_kh_without_a_ukrainian_given_name_or_in_a_known_name(
    name: str, other: str
) -> None:
    assert translit.key(name) != translit.key(other)
