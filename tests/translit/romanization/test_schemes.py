"""Reversibility is stated honestly (issue 15, defect 10): what ``schemes`` claims, checked.

For every scheme with a reverse direction, a word made of letters the scheme does not
list as lossy comes back unchanged from romanizing then reversing (a property test);
the lossy letters listed do not.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import translit
from cli import app
from translit.romanization.schemes import ALPHABETS

REVERSIBLE = [i for i in translit.schemes() if i.reversible]
runner = CliRunner()


def round_trip(word: str, info: translit.SchemeInfo) -> str:
    latin = translit.romanize(word, scheme=info.id, lang=info.language)
    return translit.cyrillize(latin, scheme=info.id, lang=info.language)


def test_there_are_reversible_schemes() -> None:
    assert {"kz-2021", "kz-2018", "kz-2017", "iso9", "gost-779"} <= {i.id for i in REVERSIBLE}


@pytest.mark.parametrize("scheme", ["kz-2021", "kz-2018", "kz-2017"])
@pytest.mark.parametrize(("word", "letter"), [("Щучинск", "щ"), ("Юрий", "ю")])
def test_kazakh_latin_alphabets_are_not_claimed_round_trip(
    scheme: str, word: str, letter: str
) -> None:
    """The issue's examples: they do not round-trip, and the scheme says so."""
    info = next(i for i in REVERSIBLE if i.id == scheme)
    assert round_trip(word, info) != word
    assert not info.round_trip
    assert letter in info.lossy


@pytest.mark.parametrize("info", REVERSIBLE, ids=lambda i: f"{i.language}/{i.id}")
def test_each_listed_lossy_letter_is_lossy(info: translit.SchemeInfo) -> None:
    for lossy in info.lossy:
        words = [f"а{lossy}а", f"м{lossy}а", f"а{lossy}", f"{lossy}а", f"А{lossy}А"]
        assert any(round_trip(w, info) != w for w in words), (info.id, lossy)


@pytest.mark.parametrize("info", REVERSIBLE, ids=lambda i: f"{i.language}/{i.id}")
@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_words_of_letters_not_listed_as_lossy_round_trip(
    info: translit.SchemeInfo, data: st.DataObject
) -> None:
    lossy = set(info.lossy)
    letters = [c for c in ALPHABETS[info.language] if c not in lossy]
    word = data.draw(st.text(alphabet=letters, min_size=1, max_size=12), label="word")
    pairs = {p for p in lossy if len(p) == 2}
    if any(p in word for p in pairs):
        return  # the pair is listed as lossy
    assert round_trip(word, info) == word
    title = word[0].upper() + word[1:]
    if title[0] not in lossy:
        assert round_trip(title, info) == title


def test_schemes_command_lists_the_lossy_letters() -> None:
    result = runner.invoke(app, ["schemes", "--format", "json", "--lang", "kk"])
    rows = {r["id"]: r for r in json.loads(result.stdout)}
    assert rows["kz-2021"]["reversible"] and not rows["kz-2021"]["round_trip"]
    assert "ю" in rows["kz-2021"]["lossy"]
    assert rows["rferl"]["lossy"] == [] and not rows["rferl"]["round_trip"]
    table = runner.invoke(app, ["schemes"]).stdout
    line = next(x for x in table.splitlines() if x.startswith("kz-2021"))
    assert "partly (lossy:" in line and "ю" in line


def test_reverse_warns_once_per_run() -> None:
    lines = "Iurii\nŞşutşinsk\nIurii\n" * 50
    result = runner.invoke(app, ["romanize", "--reverse", "-s", "kz-2021"], input=lines)
    assert result.exit_code == 0
    warnings = [x for x in result.stderr.splitlines() if "warning" in x]
    assert len(warnings) == 1 and "kz-2021" in warnings[0]
    assert result.stdout.count("\n") == 150


def test_reverse_without_lossy_sequences_is_quiet() -> None:
    result = runner.invoke(app, ["romanize", "--reverse", "-s", "kz-2021", "Qazaq"])
    assert result.exit_code == 0 and result.stderr == ""
