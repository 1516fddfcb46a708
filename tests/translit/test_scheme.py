"""The scheme engine on small inline schemes: validation, context rules, case."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from translit.errors import SchemeDataError
from translit.scheme import Transliterator, load_scheme, parse_scheme


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
