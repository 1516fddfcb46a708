"""The fast path for names of plain words gives exactly what the general path gives."""

from __future__ import annotations

import json
import random
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import translit
from translit.names import origin
from translit.names.gazetteer import Gazetteer, bundled_gazetteer
from translit.names.keys import kept, key_of, plain_key
from translit.names.normalize import (
    NameResult,
    _analyze_parsed,
    _may_have_entity,
    _renderings,
    styles,
)
from translit.names.parse import parse_name, plain_words
from translit.names.session import gazetteer_caches, session

DEV_SET = Path(__file__).resolve().parents[2] / "data" / "names_dev.jsonl"


def _general_key(name: str, gaz: Gazetteer) -> str:
    """The key through the general parser (the reference for the fast path): a name kept
    as written has a plain key unless ``origin.folded_key`` says otherwise."""
    if kept(name, gaz) and not origin.folded_key(name):
        return origin.plain_key(name)
    return key_of(parse_name(name), gaz)[0]


def _general(name: str, style: str, gaz: Gazetteer) -> NameResult:
    """analyze through the general parser (the reference for the fast path)."""
    if kept(name, gaz):
        return NameResult(name, origin.tidy(name), _general_key(name, gaz), None, "kept", 1.0)
    return _analyze_parsed(name, session(style, gaz))


@cache
def _dev_names() -> list[str]:
    rows = [json.loads(line) for line in DEV_SET.read_text(encoding="utf-8").splitlines() if line]
    return [str(r["name"]) for r in rows]


@cache
def _names() -> list[str]:
    """Dev-set names and seeded reshapings of them (case, order, commas, swaps)."""
    rng = random.Random(7)
    names = list(_dev_names())
    words = sorted({w for n in names for w in n.replace(",", " ").split()})
    for _ in range(1500):
        parts = [rng.choice(words) for _ in range(rng.randint(1, 4))]
        shape = rng.random()
        if shape < 0.2:
            parts[0] += ","
        elif shape < 0.3:
            parts = [p.upper() for p in parts]
        elif shape < 0.35:
            parts = [p + "," for p in parts]
        elif shape < 0.5 and len(parts) >= 2:  # a hyphenated chunk (Kassym-Jomart)
            parts[:2] = [f"{parts[0]}-{parts[1]}"]
        names.append(" ".join(parts))
    return names


def test_most_names_take_the_fast_path() -> None:
    plain = sum(plain_words(n) is not None for n in _names())
    assert plain > len(_names()) // 2


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("Kassym-Jomart Tokayev", ["Kassym", "Jomart", "Tokayev"]),
        ("Tokayev, Kassym-Jomart", ["Tokayev", "Kassym", "Jomart"]),
        ("Ust-Kamenogorsk", ["Ust", "Kamenogorsk"]),
        ("Ivanov-Petrov,", ["Ivanov", "Petrov"]),
    ],
)
def test_hyphenated_chunks_are_plain_words(name: str, words: list[str]) -> None:
    found = plain_words(name)
    assert found is not None and [w.word for w in found.words] == words


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("Tokayev Kassym-Jomart Kemelevich", ["Tokayev", "Kassym", "Jomart"]),
        ("Nursultan Abish uly Nazarbayev", ["Nursultan", "Nazarbayev"]),
        ("Dariga Nursultankyzy Nazarbayeva", ["Dariga", "Nazarbayeva"]),
        ("Tokayev, Kassym Kemelevich", ["Tokayev", "Kassym"]),
    ],
)
def test_patronymics_are_dropped_on_the_fast_path(name: str, words: list[str]) -> None:
    found = plain_words(name)
    assert found is not None and [w.word for w in found.words] == words


@pytest.mark.parametrize("name", ["K.-J. Tokayev", "Kassym--Jomart", "-Jomart", "Mr-Smith"])
def test_other_hyphenations_take_the_general_path(name: str) -> None:
    assert plain_words(name) is None


def test_keys_agree_with_the_general_path() -> None:
    gaz = bundled_gazetteer()
    for name in _names():
        assert translit.key(name) == _general_key(name, gaz), name


def test_keys_many_agrees_with_the_general_path() -> None:
    gaz = bundled_gazetteer()
    names = _names()
    assert translit.keys_many(names) == [_general_key(n, gaz) for n in names]


@pytest.mark.parametrize("style", styles())
def test_normalization_agrees_with_the_general_path(style: str) -> None:
    gaz = bundled_gazetteer()
    for name in _names()[::3]:
        assert translit.analyze(name, style) == _general(name, style, gaz), name


@pytest.mark.parametrize("style", ["en", "rferl", "official", "cyrillic-kk"])
def test_a_key_worked_out_when_read_is_the_key(style: str) -> None:
    # (analyze leaves the key of a name kept as written, and of a name that can have no
    # entity, until it is read)
    gaz = bundled_gazetteer()
    plain = kept_names = 0
    for name in [*_names(), "Angela Merkel", "Tony Blair"]:
        result = translit.analyze(name, style)
        plain += result._plain is not None
        kept_names += result._kept is not None
        assert translit.normalize(name, style) == result.output
        assert result.key == _general_key(name, gaz), name
        assert result._caches is result._plain is result._kept is None
        assert result.key == result._key
    assert plain > 100 and kept_names >= 2


def test_a_copy_of_a_result_works_out_its_key_alike() -> None:
    name = "Aigerim Qwertzova"  # (an unknown surname: no entity, its key deferred)
    result = translit.analyze(name)
    assert result._plain is not None
    copy = result._replace(input="x")
    assert copy._plain is not None and copy.input == "x"
    assert copy.key == translit.key(name) == result.key
    assert result._replace(key="k").key == "k"
    kept_name = translit.analyze("Angela Merkel")
    assert kept_name._kept == "Angela Merkel" and kept_name.method == "kept"
    assert kept_name._replace(output="x").key == translit.key("Angela Merkel")
    assert result == translit.analyze(name) and hash(result) == hash(translit.analyze(name))
    assert result != copy and result != tuple(result.as_dict().values())
    assert list(result.as_dict()) == ["input", "output", "key", "entity", "method", "confidence"]
    assert repr(result).startswith(f"NameResult(input={name!r}, output=")


def test_a_name_that_cannot_have_an_entity_has_none() -> None:
    gaz = bundled_gazetteer()
    checked = skipped = 0
    for name in [*_names(), *(e.en for e in gaz.entities.values())]:
        plain = plain_words(name)
        if plain is None:
            continue
        checked += 1
        if not _may_have_entity(_renderings(plain, session("en", gaz))):
            skipped += 1
            assert plain_key(plain, gazetteer_caches(gaz))[1] is None, name
    assert checked > 1000 and 0 < skipped < checked


def test_threads_in_different_styles_agree_with_one_thread() -> None:
    # the fast path remembers the renderings cache it used last: threads that switch
    # styles must never pair one style with another's cache
    names = _names()[:300]
    styles_ = ["en", "rferl", "official", "cyrillic-ru"]
    expected = {s: [translit.normalize(n, s) for n in names] for s in styles_}

    def run(style: str) -> list[str]:
        return [translit.normalize(n, style) for n in names * 5]

    with ThreadPoolExecutor(max_workers=4) as pool:
        futures = {s: pool.submit(run, s) for s in styles_}
    for s, future in futures.items():
        assert future.result() == expected[s] * 5, s


_PIECES = st.sampled_from(
    ["Tokayev", "TOKAYEV", "Тоқаев", "Nursultan", "Ivanov,", "Ivan", "Жанар", "Kassym-Jomart",
     "Mr", "K.", "uly", "Abishevich", "Saudabayev", "Sarina", "Nasarbajew", "ÖMIRZAQ", ",",
     "Nur-Sultan", "ҚАСЫМ-ЖОМАРТ", "Zhanar-Aigul,", "Ust-Kamenogorsk", "Tokayev-uly",
     "K.-J.", "Mr-Smith", "Jean-Marie", "Schewtschenko-Jomart", "Жомарт-Ivan", "A-B",
     "TOKAYEV-ULY", "Ivanov-Petrov", "Kassym--Jomart", "-Jomart", "Jomart-",
     "Kemelevich", "Abishuly", "kyzy", "ұлы", "Sergeyevna,", "Abischewitsch", "ҚЫЗЫ",
     "Nursultanqyzy"]
)  # fmt: skip


@settings(max_examples=600, deadline=None)
@given(st.lists(_PIECES, min_size=1, max_size=4), st.sampled_from(["en", "rferl", "cyrillic-ru"]))
def test_any_mix_of_words_agrees(pieces: list[str], style: str) -> None:
    name = " ".join(pieces)
    gaz = bundled_gazetteer()
    assert translit.key(name) == _general_key(name, gaz)
    assert translit.analyze(name, style) == _general(name, style, gaz)


# str.isalpha is true of exactly the letter categories
_LETTERS = st.characters(categories=("Lu", "Ll", "Lt", "Lm", "Lo"))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_LETTERS, min_size=1, max_size=12))
def test_a_chunk_of_letters_is_one_token(chunk: str) -> None:
    assert chunk.isalpha()
    # parse._chunk skips the tokenizer for such chunks
    from translit.names.parse import _TOKEN_RE

    match = _TOKEN_RE.fullmatch(chunk)
    assert match is not None and match.group(1) is None


def test_word_flags_fit_in_flag_bits() -> None:
    # the normalizer packs the flags of up to four words in an int, FLAG_BITS each
    from translit.names import parse as n

    every = (
        n.CAPS | n.SURNAME_END | n.PATRONYMIC_END | n.PATRONYMIC_WORD | n.AMBIGUOUS
        | n.GIVEN | n.CYRILLIC | n.COMMA | n.JOINED | n.VARIANT | n.INITIAL
    )  # fmt: skip
    for bit in n._CONVENTION_FLAGS.values():
        every |= bit
    assert every < 1 << n.FLAG_BITS


@pytest.mark.parametrize(
    "name",
    [
        "Kassym Jomart Tokayev Nursultan Abish",  # five words and more: another cache
        "TOKAYEV KASSYM JOMART NURSULTAN ABISH",
        "Tokayev, Kassym Jomart Abish Nursultan",
        "Tokayev Kassym Jomart Abish Nursultan Dariga",
        "Tokayev Kassym",  # the same flags as the first two words of a longer name
        "Tokayev Kassym Zzz",
        "Tokayev Kassym Zzz Zzz",
        "Qwertybek Zhurtsynbaev",  # words the lexicon lacks: spelled out
        "Schwertschenko Jomartowa",
        "Ёжиков-Қуртбаев Tchoubarine",
        "ЖҰРТСЫНБАЕВ Qwertybek",
    ],
)
@pytest.mark.parametrize("style", ["en", "rferl"])
def test_names_of_any_length_agree_with_the_general_path(name: str, style: str) -> None:
    gaz = bundled_gazetteer()
    assert translit.analyze(name, style) == _general(name, style, gaz)
    assert translit.normalize(name, style) == _general(name, style, gaz).output
