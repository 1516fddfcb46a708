"""The name bench's metrics on hand-made toy examples, and checks on its data files."""

from __future__ import annotations

import json
from collections import Counter
from itertools import combinations
from pathlib import Path

import pytest

from bench.names import (
    NEGATIVES,
    Row,
    load_rows,
    safe_keys,
    score_decisions,
    score_keys,
    speed_in_child,
    speed_names,
)

DATA = Path(__file__).resolve().parent.parent / "data"
DEV = load_rows(DATA / "names_dev.jsonl")
ATTESTED_KINDS = {"official", "rferl", "press", "wikipedia", "cyrillic", "kz-latin"}
FORMS = {
    "full",
    "patronymic",
    "surname",
    "initials",
    "passport",
    "inverted",
    "title",
    "allcaps",
    "punct",
    "alias",
}


def brute_force(entities: list[str], keys: list[str]) -> tuple[float, float]:
    """Precision and recall by enumerating every pair (the reference for score_keys)."""
    tp = fp = fn = 0
    for (e1, k1), (e2, k2) in combinations(zip(entities, keys, strict=True), 2):
        tp += e1 == e2 and k1 == k2
        fp += e1 != e2 and k1 == k2
        fn += e1 == e2 and k1 != k2
    return (tp / (tp + fp) if tp + fp else 1.0), (tp / (tp + fn) if tp + fn else 1.0)


def test_score_keys_toy() -> None:
    # A: 3 rows (keys x x y) -> 3 true pairs, 1 found; B: 2 rows (y z) -> 1 true pair, 0 found.
    # Predicted pairs: (A0,A1) on x, (A2,B0) on y -> precision 1/2, recall 1/4.
    s = score_keys(["A", "A", "A", "B", "B"], ["x", "x", "y", "y", "z"])
    assert (s.true_pos, s.false_pos, s.false_neg) == (1, 1, 3)
    assert s.precision == pytest.approx(0.5)
    assert s.recall == pytest.approx(0.25)
    assert s.f1 == pytest.approx(2 * 0.5 * 0.25 / 0.75)
    assert (s.split, s.entities) == (2, 2)


def test_score_keys_perfect_and_degenerate() -> None:
    perfect = score_keys(["A", "A", "B"], ["k1", "k1", "k2"])
    assert (perfect.precision, perfect.recall, perfect.f1, perfect.split) == (1.0, 1.0, 1.0, 0)
    everything = score_keys(["A", "A", "B", "B"], ["k"] * 4)
    assert everything.precision == pytest.approx(2 / 6)
    assert everything.recall == 1.0
    nothing = score_keys(["A", "A"], ["a", "b"])
    assert (nothing.precision, nothing.recall, nothing.f1) == (1.0, 0.0, 0.0)


@pytest.mark.parametrize("seed", range(5))
def test_score_keys_matches_brute_force(seed: int) -> None:
    import random

    rng = random.Random(seed)
    entities = [rng.choice("ABCD") for _ in range(30)]
    keys = [rng.choice("wxyz") for _ in range(30)]
    s = score_keys(entities, keys)
    p, r = brute_force(entities, keys)
    assert s.precision == pytest.approx(p)
    assert s.recall == pytest.approx(r)


def test_score_decisions_agrees_with_keys_and_counts_components() -> None:
    entities = ["A", "A", "A", "B", "B"]
    keys = ["x", "x", "y", "y", "z"]
    by_dec = score_decisions(entities, lambda i, j: keys[i] == keys[j])
    by_key = score_keys(entities, keys)
    assert (by_dec.true_pos, by_dec.false_pos, by_dec.false_neg) == (
        by_key.true_pos,
        by_key.false_pos,
        by_key.false_neg,
    )
    # Non-transitive decisions: 0~1 and 1~2 but not 0~2. Pairs count as decided, but the
    # connected component holds all three, so entity A is not split.
    chain = {(0, 1), (1, 2)}
    s = score_decisions(["A", "A", "A"], lambda i, j: (i, j) in chain)
    assert (s.true_pos, s.false_neg, s.split) == (2, 1, 0)
    s2 = score_decisions(["A", "A", "A"], lambda i, j: (i, j) == (0, 1))
    assert s2.split == 1


def test_safe_keys_empty_or_failing_keys_never_match() -> None:
    def bad(name: str) -> str:
        if name == "boom":
            raise ValueError(name)
        return ""

    keys = safe_keys(bad, ["x", "y", "boom"])
    assert len(set(keys)) == 3
    assert score_keys(["A", "A", "A"], keys).recall == 0.0


def test_speed_names_are_distinct_and_seeded() -> None:
    rows = [
        Row("a", "Ivan Petrov", "x", "full", True, None),
        Row("b", "Serik Akhmetov", "x", "full", True, None),
        Row("c", "Marat Askarov", "x", "full", True, None),
    ]
    names = speed_names(rows, 500)
    assert len(names) == len(set(names)) == 500
    assert names == speed_names(rows, 500)


@pytest.mark.parametrize("function", ["key", "normalize"])
def test_speed_runs_in_a_child_process(function: str) -> None:
    rate = speed_in_child(function, speed_names(DEV, 300), speed_names(DEV, 50, seed=1))
    assert rate > 0


# ---------------------------------------------------------------- the data files


def test_dev_set_size_and_shape() -> None:
    entities = Counter(r.entity for r in DEV)
    assert len(entities) >= 60
    assert len(DEV) >= 600
    assert sum(not r.kind.startswith("scheme:") for r in DEV) >= 600
    assert all(n >= 2 for n in entities.values())


def test_dev_set_rows_are_valid() -> None:
    raw = [json.loads(line) for line in (DATA / "names_dev.jsonl").open(encoding="utf-8")]
    canonical = Counter(d["entity"] for d in raw if d.get("canonical"))
    assert set(canonical) == {d["entity"] for d in raw}
    assert set(canonical.values()) == {1}
    owner: dict[str, str] = {}
    for d in raw:
        assert d["name"].strip() == d["name"].strip(" ") and d["name"].strip()
        assert d["source"].strip(), d
        assert d["form"] in FORMS, d
        kind = d["kind"]
        assert kind in ATTESTED_KINDS or kind == "derived" or kind.startswith("scheme:"), d
        if kind.startswith("scheme:"):
            assert d["source"].startswith("generated by standard "), d
        if kind == "derived":
            assert d["source"].startswith("derived"), d
        assert owner.setdefault(d["name"], d["entity"]) == d["entity"], d
        if d.get("canonical"):
            assert d["type"] in {"person", "city", "region", "country", "river", "organisation"}


def test_hard_negatives_are_valid() -> None:
    owner = {r.name: r.entity for r in DEV}
    pairs = [json.loads(line) for line in NEGATIVES.open(encoding="utf-8")]
    assert len(pairs) >= 150
    seen = set()
    for p in pairs:
        assert p["a"].strip() and p["b"].strip() and p["a"] != p["b"]
        assert p["reason"].strip() and p["category"].strip()
        key = frozenset((p["a"], p["b"]))
        assert key not in seen
        seen.add(key)
        if p["a"] in owner and p["b"] in owner:
            assert owner[p["a"]] != owner[p["b"]], p
