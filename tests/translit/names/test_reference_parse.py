"""The parser's words, surname and dropped words are those of the general parser as
it was before the one word model (``_reference_parse``, frozen): on the development
set, on reshapings of it and on generated names (issue 17)."""

from __future__ import annotations

import csv
import json
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.translit.names._reference_parse import ParsedName, reference_parse
from translit.names.parse import INITIAL, Name, parse_body, parse_name

DATA = Path(__file__).resolve().parents[2] / "data"


def _shape(name: Name) -> tuple[object, ...]:
    """What a parse gives, in the reference's terms."""
    words = [(w.word, w.start, w.end, w.fold, bool(w.flags & INITIAL)) for w in name.words]
    flags = [w.flags & ~INITIAL for w in name.words]
    dropped = [(w.word, w.start, w.end, w.fold) for w in name.dropped]
    surname = None if name.surname < 0 else name.surname
    return name.text, words, flags, surname, dropped, name.folds, name.initials


def _reference_shape(parsed: ParsedName) -> tuple[object, ...]:
    words = [(t.text, t.start, t.end, t.fold, t.initial) for t in parsed.tokens]
    flags = [t.flags for t in parsed.tokens]
    dropped = [(t.text, t.start, t.end, t.fold) for t in parsed.patronymics]
    return parsed.text, words, flags, parsed.surname, dropped, parsed.folds, parsed.initials


@cache
def _dev_names() -> list[str]:
    """The names of the attested development set (tune and measure halves) and of
    ``names_dev.jsonl``."""
    out: list[str] = []
    for part in ("tune", "measure"):
        with (DATA / "devset" / f"{part}.tsv").open(encoding="utf-8", newline="") as f:
            reader = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
            out += [row["name"] for row in reader]
    lines = (DATA / "names_dev.jsonl").read_text(encoding="utf-8").splitlines()
    out += [str(json.loads(line)["name"]) for line in lines if line]
    return list(dict.fromkeys(out))


@pytest.mark.parametrize("fathers", [True, False])
def test_dev_set_parses_as_the_reference(fathers: bool) -> None:
    names = _dev_names()
    assert len(names) > 10_000
    differ = [
        n
        for n in names
        if _shape(parse_body(n, fathers)) != _reference_shape(reference_parse(n, fathers))
    ]
    assert differ == []


def test_dev_set_shapes_are_varied() -> None:
    # the comparison covers initials, dropped patronymics and a surname after a comma
    parsed = [parse_name(n) for n in _dev_names()]
    assert sum(1 for p in parsed if p.initials) > 20
    # (a father's initial, Hakob G. Hakobyan, is dropped as the patronymic is)
    assert sum(1 for p in parsed if any(w.flags & INITIAL for w in p.dropped)) > 10
    assert sum(1 for p in parsed if p.dropped) > 3000
    assert sum(1 for p in parsed if "," in p.text) > 1000


_PIECES = st.sampled_from(
    ["Tokayev", "TOKAYEV", "Тоқаев", "K.", "K.-J.", "Zh.", "Nursultan", "Ivanov,", "Ivan",
     "Kassym-Jomart", "uly", "Abishevich", "kyzy", "ұлы", "Sergeyevna,", "Abischewitsch",
     "Методиев", "Борисов", "Бойко", "Chodschajew", "Juri", "Jurij", "Schamil", "Mr",
     "President", "г-н", "(Ivan)", "O'Neil", "Д'Артаньян", "Шойгу", ",", "-", "И.И.",
     "Tchernov", "Sergueï", "Chtchoukine"]
)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(_PIECES, min_size=0, max_size=5), st.booleans())
def test_generated_names_parse_as_the_reference(pieces: list[str], fathers: bool) -> None:
    name = " ".join(pieces)
    assert _shape(parse_body(name, fathers)) == _reference_shape(reference_parse(name, fathers))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abcjhkzsAKZ. ,-'Тоқаевич", max_size=24), st.booleans())
def test_any_text_parses_as_the_reference(name: str, fathers: bool) -> None:
    assert _shape(parse_body(name, fathers)) == _reference_shape(reference_parse(name, fathers))
