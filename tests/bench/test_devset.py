"""The attested dev set's files (tests/data/devset) and the bench's per-bucket scores."""

from __future__ import annotations

import hashlib
import random
import re
from collections import Counter
from itertools import combinations

import pytest

from bench import devset as ds
from bench.names import (
    _extra_merges,
    open_world_group,
    score_decisions,
    score_keys,
    score_matrix,
)

DIR = ds.DEVSET
PERSONS = ds.read_tsv(DIR / "persons.tsv")
SOURCES = {r["id"]: r for r in ds.read_tsv(DIR / "sources.tsv")}
PARTS = {part: ds.read_tsv(DIR / f"{part}.tsv") for part in ds.PARTS}
ROWS = [r for rows in PARTS.values() for r in rows]
SPLIT_OF = {r["person"]: r["split"] for r in PERSONS}


def test_sources_name_repository_path_and_commit() -> None:
    assert SOURCES
    for s in SOURCES.values():
        assert s["repository"] == "everypolitician/everypolitician-data"
        assert s["path"].startswith("data/") and s["path"].endswith(".csv")
        assert re.fullmatch(r"[0-9a-f]{40}", s["commit"]), s


def test_every_row_has_known_sources_and_a_convention() -> None:
    for r in ROWS:
        assert r["sources"], r
        assert all(sid in SOURCES for sid in r["sources"].split(",")), r
        assert all(r["conventions"].split(",")), r
        assert r["name"] == " ".join(r["name"].split()) and r["name"], r
        assert r["script"] and r["script"] not in ("mixed", "none"), r  # one script a row


def test_no_spelling_twice_for_a_person() -> None:
    pairs = Counter((r["person"], r["name"]) for r in ROWS)
    assert max(pairs.values()) == 1


def test_every_person_has_two_spellings_or_more() -> None:
    counts = Counter(r["person"] for r in ROWS)
    assert set(counts) == set(SPLIT_OF)
    assert min(counts.values()) >= 2
    assert all(int(p["spellings"]) == counts[p["person"]] for p in PERSONS)


@pytest.mark.parametrize("part", ds.PARTS)
def test_split_is_the_hash_of_the_person_id(part: str) -> None:
    # The rule of scripts/build_devset.py, written out again: first byte of SHA-256, even
    # -> tune, odd -> measure. A person never straddles the parts.
    for r in PARTS[part]:
        digest = hashlib.sha256(r["person"].encode("utf-8")).digest()
        assert ds.PARTS[digest[0] % 2] == part == SPLIT_OF[r["person"]]


def test_split_is_roughly_half_and_half() -> None:
    counts = Counter(SPLIT_OF.values())
    assert abs(counts["tune"] - counts["measure"]) < 0.1 * len(SPLIT_OF)


def test_size_and_breadth() -> None:
    assert len(SPLIT_OF) >= 2500
    conventions = Counter(c for r in ROWS for c in r["conventions"].split(","))
    assert sum(n >= 30 for n in conventions.values()) >= 20
    assert {"ru", "uk", "be", "bg", "sr", "mk", "de", "nl", "hu", "pl", "cs", "lv", "lt"} <= set(
        conventions
    )
    assert len({p["country"] for p in PERSONS}) >= 12


def test_hard_negatives_are_rows_of_different_persons() -> None:
    rows = {(r["person"], r["name"]) for r in ROWS}
    negatives = ds.load_negatives(DIR)
    assert len(negatives) >= 1000
    assert sum(n.category == "given-name" for n in negatives) >= 500
    for n in negatives:
        assert n.person_a != n.person_b
        assert (n.person_a, n.a) in rows and (n.person_b, n.b) in rows
        assert n.category in ("given-name", "surname", "patronymic", "other", "identical")


def test_open_world_rows() -> None:
    names = ds.load_open_world(DIR)
    assert len(names) >= 15000
    assert len({n.country for n in names}) == 40
    # Every name the rule flags has been reviewed by hand (yes / no / unsure).
    assert {n.cyrillic_origin for n in names} <= {"yes", "no", "unsure"}
    assert sum(n.cyrillic_origin == "yes" for n in names) >= 20
    raw = ds.read_tsv(DIR / "open_world.tsv")
    assert all(r["source"] in SOURCES for r in raw)
    devset_countries = {p["country"] for p in PERSONS}
    assert not {n.country for n in names} & devset_countries


def test_organisations_name_their_source() -> None:
    rows = ds.read_tsv(DIR / "organisations.tsv")
    assert len(rows) >= 100
    assert len({r["name"] for r in rows}) == len(rows)
    for r in rows:
        assert r["name"].strip() == r["name"] and r["name"]
        assert "/" in r["repository"] and r["path"] and r["list"]
        assert re.fullmatch(r"[0-9a-f]{40}", r["commit"]), r
    assert len(ds.load_organisations(DIR)) == len(rows)


LISTS = ds.read_tsv(DIR / "name_lists.tsv")


def test_name_lists_rows() -> None:
    # scripts/build_name_lists.py: Faker's lists of Latin-script locales, none of a
    # Cyrillic-origin country, each row naming its file and list.
    assert len(LISTS) >= 40000
    assert {r["kind"] for r in LISTS} == {"given", "surname"}
    locales = {r["locale"] for r in LISTS}
    assert len(locales) == 41 and "tr_TR" in locales
    assert not locales & {"ru_RU", "uk_UA", "bg_BG", "mk_MK", "az_AZ", "uz_UZ", "pl_PL"}
    for r in LISTS:
        assert r["word"] and " ".join(r["word"].split()) == r["word"]
        assert r["source"] in {
            "first_names",
            "first_names_male",
            "first_names_female",
            "last_names",
        }
        tune = hashlib.sha256(r["word"].lower().encode()).digest()[0] % 2 == 0
        assert r["part"] == ("tune" if tune else "measure"), r
    assert len({(r["word"], r["kind"], r["locale"]) for r in LISTS}) == len(LISTS)


@pytest.mark.parametrize("part", ["tune", "measure"])
def test_name_list_pairs_are_one_locales_words_of_one_part(part: str) -> None:
    words = {(r["locale"], r["kind"], r["word"]) for r in LISTS if r["part"] == part}
    pairs = ds.load_name_lists(DIR, part, pairs=50)
    assert pairs == ds.load_name_lists(DIR, part, pairs=50)  # (seeded: the same pairs)
    assert len({n.person for n in pairs}) == len(pairs)
    by_locale = Counter(n.country for n in pairs)
    assert len(by_locale) >= 35 and max(by_locale.values()) <= 50
    for n in pairs:  # (a given name or a surname may have a space: Alta Gracia)
        splits = [(n.name[:i], n.name[i + 1 :]) for i, c in enumerate(n.name) if c == " "]
        assert any(
            (n.country, "given", g) in words and (n.country, "surname", s) in words
            for g, s in splits
        ), n
    assert len({(n.country, n.name) for n in pairs}) == len(pairs)


# ---------------------------------------------------------------- scores


def _spelling(person: str, name: str, conventions: tuple[str, ...]) -> ds.Spelling:
    return ds.Spelling(person, name, conventions, "Latin", "full", ("s1",), "xx", "yes")


def _brute(persons: list[str], keys: list[str], inside: set[int]) -> tuple[int, int, int]:
    tp = fp = fn = 0
    for i, j in combinations(range(len(persons)), 2):
        if i not in inside and j not in inside:
            continue
        same, equal = persons[i] == persons[j], keys[i] == keys[j]
        tp += same and equal
        fp += equal and not same
        fn += same and not equal
    return tp, fp, fn


def test_bucket_scores_toy() -> None:
    rows = [
        _spelling("A", "a1", ("ru",)),
        _spelling("A", "a2", ("de",)),
        _spelling("A", "a3", ("de", "nl")),
        _spelling("B", "b1", ("ru",)),
    ]
    keys = ["x", "x", "y", "y"]
    scores = ds.bucket_scores(rows, keys, lambda r: r.conventions)
    de = scores["de"]  # pairs touching a2 or a3: (a1,a2) tp, (a1,a3) fn, (a2,a3) fn, (a3,b1) fp
    assert (de.rows, de.persons, de.true_pos, de.false_pos, de.false_neg) == (2, 1, 1, 1, 2)
    assert de.split == 1  # a3's key is not A's most frequent key
    assert scores["ru"].split == 0
    assert scores["nl"].recall == 0.0 and scores["nl"].precision == 0.0


@pytest.mark.parametrize("seed", range(5))
def test_bucket_scores_match_brute_force(seed: int) -> None:
    rng = random.Random(seed)
    rows = [
        _spelling(rng.choice("ABCD"), f"n{i}", tuple(rng.sample(["ru", "de", "nl"], 2)))
        for i in range(25)
    ]
    keys = [rng.choice("wxyz") for _ in rows]
    for label, b in ds.bucket_scores(rows, keys, lambda r: r.conventions).items():
        inside = {i for i, r in enumerate(rows) if label in r.conventions}
        assert (b.true_pos, b.false_pos, b.false_neg) == _brute(
            [r.person for r in rows], keys, inside
        )


def test_identical_pairs() -> None:
    rows = [_spelling(p, n, ("x",)) for p, n in [("A", "x"), ("B", "x"), ("C", "x"), ("A", "y")]]
    assert ds.identical_pairs(rows) == 3
    assert ds.identical_pairs(rows[2:]) == 0


def test_bucket_over_all_rows_is_the_overall_score() -> None:
    rows = [_spelling(p, f"n{i}", ("all",)) for i, p in enumerate("AABBBC")]
    keys = ["x", "y", "y", "y", "z", "z"]
    b = ds.bucket_scores(rows, keys, lambda r: r.conventions)["all"]
    s = score_keys([r.person for r in rows], keys)
    assert (b.true_pos, b.false_pos, b.false_neg) == (s.true_pos, s.false_pos, s.false_neg)


@pytest.mark.parametrize("seed", range(3))
def test_score_matrix_equals_score_decisions(seed: int) -> None:
    np = pytest.importorskip("numpy")
    rng = random.Random(seed)
    entities = [rng.choice("ABCDE") for _ in range(20)]
    same = np.array([[rng.random() < 0.3 for _ in range(20)] for _ in range(20)])
    same = same | same.T
    by_matrix = score_matrix(entities, same)
    by_loop = score_decisions(entities, lambda i, j: bool(same[i, j]))
    assert by_matrix == by_loop


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Müller, Hans", "hans muller"),
        ("HANS  MÜLLER", "hans muller"),
        ("José-María Aznar", "aznar jose maria"),
        ("Łukasz", "łukasz"),  # ł has no decomposition: kept
    ],
)
def test_plain_key(name: str, key: str) -> None:
    assert ds.plain_key(name) == key


def _open(name: str, person: str, script: str = "Latin", origin: str = "no") -> ds.OpenName:
    return ds.OpenName(name, person, "Xland", script, origin)


@pytest.mark.parametrize(
    ("name", "person", "script", "origin", "group"),
    [
        ("John Smith", "x1", "Latin", "no", "Latin, not Cyrillic-origin"),
        ("Natan Sharansky", "x2", "Latin", "yes", "Latin, Cyrillic-origin"),
        ("Masha Lubelsky", "x3", "Latin", "unsure", "Latin, unsure"),
        ("Джон Смит", "x1", "Cyrillic", "no", "Cyrillic script (romanized by design)"),
        ("Γιάννης", "x4", "Greek", "no", "other scripts"),
        ("Siemens AG", "org:1", "Latin", "no", "organisations (company lists)"),
        ("Ayşe Yılmaz", "list:tr_TR:3", "Latin", "no", "name lists (41 countries, pairs)"),
    ],
)
def test_open_world_group(name: str, person: str, script: str, origin: str, group: str) -> None:
    assert open_world_group(_open(name, person, script, origin)) == group


def test_extra_merges_need_two_persons_and_two_plain_keys() -> None:
    names = [
        _open("Jan Smit", "a"),
        _open("Jan Smyth", "a"),  # a's own other spelling
        _open("SMIT, Jan", "b"),  # a namesake of a: the same plain key
        _open("Jan Smith", "c"),
    ]

    def key(s: str) -> str:
        return ds.plain_key(s).replace("smith", "smit").replace("smyth", "smit")

    assert _extra_merges(names, key) == [["Jan Smit", "Jan Smith", "Jan Smyth", "SMIT, Jan"]]
    # Namesakes alone (a and b) or one person's spellings alone (a) are no merge.
    assert _extra_merges(names[:3], ds.plain_key) == []
    assert _extra_merges(names[:2], key) == []
