"""The scheme engine on small inline schemes: validation, context rules, case."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from translit.errors import SchemeDataError
from translit.letters import prepare
from translit.romanization.scheme import Sample, Transliterator, load_scheme, parse_scheme


def make(**over: Any) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "id": "t",
        "language": "ru",
        "name": "test",
        "description": "test scheme",
        "standard": {"name": "none"},
        "mapping": {"а": "a", "е": "e", "ж": "zh", "и": "i", "й": "y", "к": "k", "с": "s"},
        "samples": [{"source": "а", "expected": "a", "from": "test"}],
    }
    doc.update(over)
    return doc


def tr(**over: Any) -> Transliterator:
    scheme = parse_scheme(make(**over))
    return Transliterator(scheme.forward, scheme.casing)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("жа", "zha"),
        ("Жа", "Zha"),
        ("ЖА", "ZHA"),  # all caps word: digraph fully upper
        ("Ж", "Zh"),  # single capital (an initial)
        ("Ж.Ж.", "Zh.Zh."),
        ("ЖАЖ-Жаж", "ZHAZH-Zhazh"),
        ("ЖАЖ2", "ZHAZH2"),
        ("x ж 1", "x zh 1"),
    ],
)
def test_case(source: str, expected: str) -> None:
    assert tr().apply(source) == expected


def test_start_prev_next_and_ending() -> None:
    t = tr(
        start_mapping={"е": "ye"},
        prev_mapping={"ае": "ye"},
        next_mapping={"йа": "i"},
        ending_mapping={"ий": "y"},
    )
    assert t.apply("е ае ке") == "ye aye ke"
    assert t.apply("Ее") == "Yee"
    assert t.apply("ЕЕ") == "YEE"
    assert t.apply("йа й") == "ia y"
    assert t.apply("кий ий") == "ky iy"  # an ending needs a longer word
    assert t.apply("КИЙ") == "KY"


def test_remembered_context_outputs_keep_their_neighbours_apart() -> None:
    # the same match ("е") after a vowel, after a consonant, at a word start, in caps
    t = tr(start_mapping={"е": "ye"}, prev_mapping={"ае": "ye"}, ending_mapping={"ий": "y"})
    for _ in range(2):  # the second round is answered from the memo
        assert [t.apply(w) for w in ("ае", "ке", "е", "Е", "АЕ", "кий", "ийк")] == [
            "aye",
            "ke",
            "ye",
            "Ye",
            "AYE",
            "ky",
            "iyk",
        ]


def test_context_reads_source_not_output() -> None:
    # "е" after "а" is a prev-context even though "а" was already transliterated.
    t = tr(prev_mapping={"ае": "ye"}, mapping={"а": "a", "е": "e"})
    assert t.apply("аеае") == "ayeaye"


def test_rules_with_both_sides_and_boundaries() -> None:
    t = tr(
        rules=[
            {"cur": "с", "prev": "аеи", "next": "аеи", "out": "ss"},
            {"cur": "е", "prev": "^", "out": "ye"},
            {"cur": "к", "next": "$", "out": "q"},
        ]
    )
    assert t.apply("аса ас са") == "assa as sa"
    assert t.apply("ек ке") == "yeq ke"


def test_rules_mixing_boundary_and_letters() -> None:
    t = tr(rules=[{"cur": "е", "prev": "^а", "out": "ye"}, {"cur": "к", "next": "$а", "out": "q"}])
    assert t.apply("ек аеа ка кс") == "yeq ayea qa ks"


def test_multi_letter_sequences_longest_first() -> None:
    t = tr(mapping={"s": "с", "h": "һ", "sh": "ш", "shh": "щ", "z": "з", "zh": "ж"})
    assert t.apply("shh sh s h zhs") == "щ ш с һ жс"
    assert t.apply("Sh SH") == "Ш Ш"


def test_turkic_casing() -> None:
    t = tr(casing="turkic", mapping={"и": "i", "і": "ı", "б": "b"})
    assert t.apply("би бі") == "bi bı"
    assert t.apply("Иб Іб") == "İb Ib"
    assert t.apply("БИБІ") == "BİBI"


def test_unmapped_characters_pass_through() -> None:
    assert tr().apply("ж😀q1_\x00") == "zh😀q1_\x00"


CONTEXT_SCHEME = {
    "start_mapping": {"е": "ye"},
    "prev_mapping": {"ае": "ye"},
    "next_mapping": {"йа": "i"},
    "ending_mapping": {"ий": "y"},
    "rules": [{"cur": "с", "prev": "аеи", "next": "аеи", "out": "ss"}],
}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Жак Саса", "Zhak Sasa"),  # title case
        ("жак-жак, ж.", "zhak-zhak, zh."),  # lower case, punctuation
        ("Ж. Жак", "Zh. Zhak"),  # a lone capital is no all-caps word
        ("ЖАК", None),  # all caps
        ("ЖаКЖ", None),  # two capitals in a row
        ("Жак2", None),  # digits belong to all-caps words like ҚР2
        ("Жaк", None),  # a Latin look-alike to repair
        ("Же\u0301", None),  # a combining mark
        ("Жб", None),  # a letter the scheme does not know
        ("Жак\tЖак", None),  # a tab (only spaces and ASCII punctuation)
    ],
)
def test_apply_clean_takes_only_clean_text(text: str, expected: str | None) -> None:
    assert tr().apply_clean(text) == expected


def test_apply_clean_runs_context_rules() -> None:
    t = tr(**CONTEXT_SCHEME)
    assert t.apply_clean("Ек аеа кий Асис Йа") == t.apply("Ек аеа кий Асис Йа")
    assert t.apply_clean("Ек аеа кий Асис Йа") == "Yek ayea ky Assis Ia"


def test_apply_clean_without_a_byte_code() -> None:
    # more than 128 letters: no one-byte code, a regex and str.translate instead
    lower = [
        chr(c) for c in range(0x0430, 0x0500) if chr(c).upper().lower() == chr(c) != chr(c).upper()
    ]
    letters = dict.fromkeys(lower[:70], "x")
    t = tr(mapping=letters)
    assert t._codec is None  # the case under test
    assert t.apply_clean("Абв гд") == "Xxx xx"
    assert t.apply_clean("АБв") is None
    assert t.apply_clean("Аб1") is None


def test_keeps_spaces() -> None:
    assert tr().keeps_spaces
    assert not tr(mapping={"а": "a", "щ": "sh ch"}).keeps_spaces


_CLEANISH = "жаеийкс ЖАЕИЙКС-.,'\"xX1\u0301"


@pytest.mark.parametrize("over", [{}, CONTEXT_SCHEME, {"casing": "turkic"}])
@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=_CLEANISH, max_size=20))
def test_apply_clean_equals_apply(over: dict[str, Any], text: str) -> None:
    """Clean text gives what the general path gives; anything else is declined."""
    t = tr(**over)
    out = t.apply_clean(text)
    assert out is None or out == t.apply(prepare(text))


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"id": ""}, "'id' must be a non-empty string"),
        ({"mapping": {}}, "'mapping' is empty"),
        ({"mapping": {"а": 1}}, "bad entry"),
        ({"bogus": 1}, "unknown field(s): bogus"),
        ({"casing": "odd"}, "'casing'"),
        ({"samples": [{"source": "а", "expected": "a"}]}, "comes from"),
        ({"prev_mapping": {"е": "ye"}}, "needs a context letter"),
        ({"rules": [{"cur": "а", "out": "b"}]}, "needs 'prev' or 'next'"),
        ({"mapping": {"а": "б", "б": "b"}}, "also source letters"),
    ],
)
def test_validation_errors(change: dict[str, Any], problem: str) -> None:
    with pytest.raises(SchemeDataError, match=problem.replace("(", r"\(").replace(")", r"\)")):
        parse_scheme(make(**change))


def test_missing_fields_are_named() -> None:
    doc = make()
    del doc["standard"], doc["samples"]
    with pytest.raises(SchemeDataError, match=r"missing field.*standard, samples"):
        parse_scheme(doc)


def test_bad_file_names_itself(tmp_path: Path) -> None:
    folder = tmp_path / "ru"
    folder.mkdir()
    broken = folder / "t.json"
    broken.write_text("{not json", encoding="utf-8")
    with pytest.raises(SchemeDataError, match=str(broken)):
        load_scheme(broken)
    wrong = folder / "other.json"
    wrong.write_text(json.dumps(make()), encoding="utf-8")
    with pytest.raises(SchemeDataError, match="does not match the file name"):
        load_scheme(wrong)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"standard": "ISO 9"}, "'standard' must be an object with at least a 'name'"),
        ({"standard": {"url": "x"}}, "'standard' must be an object with at least a 'name'"),
        ({"aliases": "t2"}, "'aliases' must be a list of strings"),
        ({"aliases": ["t2", 3]}, "'aliases' must be a list of strings"),
        ({"notes": {"a": "b"}}, "'notes' must be a list of strings"),
        ({"start_mapping": ["е"]}, "'start_mapping' must be an object"),
        ({"mapping": {"": "a"}}, "'mapping': bad entry '': 'a'"),
        ({"mapping": {"Ж": "Zh", "ж": "zh"}}, "'mapping': key 'Ж' must be lower case"),
        ({"rules": ["с"]}, "'rules[0]' needs 'cur' and 'out' strings"),
        ({"rules": [{"cur": "с", "prev": "а"}]}, "'rules[0]' needs 'cur' and 'out' strings"),
        (
            {"rules": [{"cur": "", "out": "s", "prev": "а"}]},
            "'rules[0]' needs 'cur' and 'out' strings",
        ),
        ({"samples": [["а"]]}, "'samples[0]' needs 'source' and 'expected' strings"),
        (
            {"samples": [{"source": "а", "expected": 1, "from": "x"}]},
            "'samples[0]' needs 'source' and 'expected' strings",
        ),
        ({"samples": [["а", "a", ""]]}, "'samples[0]' must say where it comes from ('from')"),
        ({"reverse": ["a"]}, "'reverse' must be an object or null"),
        ({"reverse": {"mapping": None}}, "'reverse.mapping' is empty"),
        (
            {"reverse": {"mapping": {"a": "а"}, "next_mapping": {"a": "а"}}},
            "'reverse.next_mapping': key 'a' needs a context letter and a letter",
        ),
        (
            {"reverse": {"mapping": {"a": "а"}, "samples": [["a", "а"]]}},
            "'reverse.samples[0]' must say where it comes from ('from')",
        ),
        (
            {"reverse": {"mapping": {"a": "b", "b": "в"}}},
            "'reverse.mapping': output letters ['b'] are also source letters",
        ),
    ],
)
def test_validation_messages(change: dict[str, Any], message: str) -> None:
    with pytest.raises(SchemeDataError) as caught:
        parse_scheme(make(**change))
    assert str(caught.value) == f"<scheme>: {message}"


@pytest.mark.parametrize(
    ("raw", "path", "message"),
    [
        ([], None, "<scheme>: top level must be a JSON object"),
        (make(id=1), None, "<scheme>: 'id' must be a non-empty string"),
        (make(), Path("kk/t.json"), "kk/t.json: language 'ru' does not match folder 'kk'"),
        (make(), Path("ru/u.json"), "ru/u.json: id 't' does not match the file name 'u'"),
        # the first of several problems is the one reported
        (
            {"id": "t", "bogus": 1},
            None,
            "<scheme>: missing field(s): language, name, description, standard, mapping, samples",
        ),
        (make(bogus=1, id=""), None, "<scheme>: unknown field(s): bogus"),
        (
            make(casing="odd", aliases=1),
            None,
            "<scheme>: 'casing' must be 'default' or 'turkic', not 'odd'",
        ),
        (make(rules=[{"cur": "с", "out": "s", "prev": 5}]), None, "bad context 5"),
        (make(mapping={}, rules=["с"]), None, "<scheme>: 'mapping' is empty"),
        (
            make(rules=["с"], samples=[["а"]]),
            None,
            "<scheme>: 'rules[0]' needs 'cur' and 'out' strings",
        ),
    ],
)
def test_validation_messages_in_order(raw: Any, path: Path | None, message: str) -> None:
    with pytest.raises(SchemeDataError) as caught:
        parse_scheme(raw, path)
    assert str(caught.value) == message


def test_optional_fields_and_their_short_forms() -> None:
    scheme = parse_scheme(
        make(
            aliases=["t2"],
            notes="one note",
            ascii=True,
            casing="turkic",
            start_mapping=None,
            samples=[["а", "a", "a book"], {"source": "ж", "expected": "zh", "from": "a site"}],
            reverse={"mapping": {"a": "а"}, "rules": None, "samples": None},
        ),
        Path("ru/t.json"),
    )
    assert (scheme.aliases, scheme.notes, scheme.ascii, scheme.turkic) == (
        ("t2",),
        ("one note",),
        True,
        True,
    )
    assert scheme.forward.start == {}
    assert scheme.samples == (Sample("а", "a", "a book"), Sample("ж", "zh", "a site"))
    assert scheme.reverse is not None and scheme.reverse.mapping == {"a": "а"}
    assert scheme.reverse.rules == () and scheme.reverse.samples == ()
    assert scheme.path == Path("ru/t.json") and scheme.reversible
