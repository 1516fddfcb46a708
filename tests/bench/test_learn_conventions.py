"""scripts/learn_conventions.py: letter correspondences learnt from the attested dev set,
and the committed table it writes (data/names/learned_conventions.json)."""

from __future__ import annotations

import json
import sys
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
TABLE = ROOT / "data" / "names" / "learned_conventions.json"


def _learner() -> ModuleType:
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import learn_conventions
    finally:
        sys.path.pop(0)
    return learn_conventions


@cache
def _learnt() -> tuple[ModuleType, Any, Any]:
    """The learner, and what it learns from the dev set: the pooled model and the
    counts per convention."""
    learner = _learner()
    model, per = learner.learn(learner.read_pairs(ROOT / "tests" / "data" / "devset"))
    return learner, model, per


@pytest.mark.parametrize(
    ("cyrillic", "latin", "groups"),
    [
        # the de-press scheme's own sample (Duden: ж sch, в w)
        ("жуков", "schukow", ["sch", "u", "k", "o", "w"]),
        # Polish (pl-press: ш sz, ч cz)
        ("шевчук", "szewczuk", ["sz", "e", "w", "cz", "u", "k"]),
        # a letter that writes nothing (ь in English press: Gogol)
        ("гоголь", "gogol", ["g", "o", "g", "o", "l", ""]),
    ],
)
def test_align_groups_each_letter(cyrillic: str, latin: str, groups: list[str]) -> None:
    learner, model, _ = _learnt()
    found = learner.align(cyrillic, latin, model)
    assert found is not None
    assert [c for c, _ in found] == list(cyrillic)
    assert [g for _, g in found] == groups


def test_learn_finds_a_conventions_letters_on_the_dev_set() -> None:
    _, _, per = _learnt()
    top = {c: per[c][letter].most_common(1)[0][0] for c, letter in [("de", "ш"), ("pl", "ч")]}
    assert top == {"de": "sch", "pl": "cz"}


def test_the_committed_table_agrees_with_the_published_ones() -> None:
    table = json.loads(TABLE.read_text(encoding="utf-8"))
    compared = {c: e["published"] for c, e in table["conventions"].items() if "published" in e}
    assert {"de", "en", "es", "fr", "pl"} <= set(compared)
    for convention, found in compared.items():
        # most letters' likeliest learnt group is the published table's (the rest is listed)
        assert found["agree"] >= 0.7, (convention, found["differ"])
