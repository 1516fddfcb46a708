"""The attested development set (``tests/data/devset/``): loading and per-bucket scores.

Written by ``scripts/build_devset.py`` from everypolitician-data files; described in
``tests/data/devset/README.md``. ``bench/names.py --devset`` prints the report.

Pairwise figures are those of ``bench/names.py``: two spellings are predicted to be one
person when a method gives them equal keys. For a bucket (a convention, a script, a
form, a country), the pairs counted are those with at least one spelling in the bucket,
so a bucket's recall says how well its spellings join the person's other spellings.
A bucket's ``split`` counts the persons with a spelling in the bucket whose key is not
the person's most frequent key.
"""

from __future__ import annotations

import csv
import random
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEVSET = ROOT / "tests" / "data" / "devset"
PARTS = ("tune", "measure")
ROW_COLUMNS = ("person", "name", "conventions", "script", "form", "sources")
"""The columns of ``tune.tsv`` and ``measure.tsv``."""


@dataclass(frozen=True)
class Spelling:
    """One row of ``tune.tsv`` / ``measure.tsv`` (:data:`ROW_COLUMNS`): one distinct
    spelling of one person; with its person's ``country`` and ``slavic_form`` from
    ``persons.tsv``."""

    person: str
    name: str
    conventions: tuple[str, ...]
    script: str
    form: str
    sources: tuple[str, ...]
    country: str
    slavic_form: str


@dataclass(frozen=True)
class Negative:
    """Two spellings of different persons that look alike (``hard_negatives.tsv``)."""

    a: str
    b: str
    category: str
    country: str
    person_a: str
    person_b: str


@dataclass(frozen=True)
class OpenName:
    """One name of ``open_world.tsv``: ``cyrillic_origin`` is ``no``, ``flagged`` (by the
    rule, unreviewed), or the review's ``yes`` / ``no`` / ``unsure``; ``evidence``: the
    words the rule flagged; ``source``: an id of ``sources.tsv``."""

    name: str
    person: str
    country: str
    script: str
    cyrillic_origin: str
    evidence: str = ""
    source: str = ""


@dataclass(frozen=True)
class Bucket:
    """Pairwise counts of one method on the pairs that touch one bucket."""

    rows: int
    persons: int
    true_pos: int
    false_pos: int
    false_neg: int
    split: int

    @property
    def precision(self) -> float:
        found = self.true_pos + self.false_pos
        return self.true_pos / found if found else 1.0

    @property
    def recall(self) -> float:
        actual = self.true_pos + self.false_neg
        return self.true_pos / actual if actual else 1.0


def read_tsv(path: Path) -> list[dict[str, str]]:
    """Rows of a TSV with a header line (no quoting: the files hold no tabs)."""
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def load_part(directory: Path, part: str) -> list[Spelling]:
    """The spellings of one part (``tune`` or ``measure``), with their person's country
    and ``slavic_form`` flag."""
    persons = {r["person"]: r for r in read_tsv(directory / "persons.tsv")}
    return [
        Spelling(
            person=r["person"],
            name=r["name"],
            conventions=tuple(r["conventions"].split(",")),
            script=r["script"],
            form=r["form"],
            sources=tuple(r["sources"].split(",")),
            country=persons[r["person"]]["country"],
            slavic_form=persons[r["person"]]["slavic_form"],
        )
        for r in read_tsv(directory / f"{part}.tsv")
    ]


def load_negatives(directory: Path) -> list[Negative]:
    return [
        Negative(r["a"], r["b"], r["category"], r["country"], r["person_a"], r["person_b"])
        for r in read_tsv(directory / "hard_negatives.tsv")
    ]


def load_open_world(directory: Path) -> list[OpenName]:
    return [
        OpenName(
            r["name"],
            r["person"],
            r["country"],
            r["script"],
            r["cyrillic_origin"],
            r["evidence"],
            r["source"],
        )
        for r in read_tsv(directory / "open_world.tsv")
    ]


def load_organisations(directory: Path) -> list[OpenName]:
    """The company names of ``organisations.tsv`` (hand-transcribed, each with its source)
    as open-world names, each its own ``org:<n>`` entity."""
    path = directory / "organisations.tsv"
    if not path.exists():
        return []
    return [
        OpenName(r["name"], f"org:{i}", "(organisation)", "Latin", "no")
        for i, r in enumerate(read_tsv(path))
    ]


#: Given name + surname pairs made per locale of ``name_lists.tsv`` (measure part).
LIST_PAIRS = 300


def load_name_lists(
    directory: Path, part: str = "measure", pairs: int = LIST_PAIRS
) -> list[OpenName]:
    """Names made of the given names and surnames of one locale of ``name_lists.tsv``
    (Faker's person-name lists of other countries; scripts/build_name_lists.py), of
    one part (the tune part is learnt by scripts/build_origin_model.py): up to
    ``pairs`` distinct pairs per locale, drawn with a generator seeded by the locale,
    each its own ``list:<locale>:<n>`` person."""
    path = directory / "name_lists.tsv"
    if not path.exists():
        return []
    words: dict[str, dict[str, list[str]]] = defaultdict(lambda: {"given": [], "surname": []})
    for r in read_tsv(path):
        if r["part"] == part:
            words[r["locale"]][r["kind"]].append(r["word"])
    out: list[OpenName] = []
    for locale in sorted(words):
        given, surnames = words[locale]["given"], words[locale]["surname"]
        if not given or not surnames:
            continue
        draw = random.Random(locale)
        names = sorted({f"{draw.choice(given)} {draw.choice(surnames)}" for _ in range(pairs)})
        out.extend(
            OpenName(name, f"list:{locale}:{i}", locale, "Latin", "no")
            for i, name in enumerate(names)
        )
    return out


# ---------------------------------------------------------------- scores


def _pair_counts(persons: Sequence[str], keys: Sequence[str]) -> tuple[int, int, int]:
    """(true positives, predicted pairs, actual pairs) over all pairs of rows."""

    def pairs(counter: Counter[object]) -> int:
        return sum(c * (c - 1) // 2 for c in counter.values())

    return (
        pairs(Counter(zip(persons, keys, strict=True))),
        pairs(Counter(keys)),
        pairs(Counter(persons)),
    )


def identical_pairs(rows: Sequence[Spelling]) -> int:
    """Pairs of rows of different persons with the same spelling (namesakes written
    alike): a false positive of every deterministic key."""
    counts = Counter(r.name for r in rows)
    return sum(c * (c - 1) // 2 for c in counts.values())


def main_keys(persons: Sequence[str], keys: Sequence[str]) -> dict[str, str]:
    """Each person's most frequent key (ties: the smallest)."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for p, k in zip(persons, keys, strict=True):
        counts[p][k] += 1
    return {p: min(c, key=lambda k: (-c[k], k)) for p, c in counts.items()}


def bucket_scores(
    rows: Sequence[Spelling], keys: Sequence[str], labels: Callable[[Spelling], Iterable[str]]
) -> dict[str, Bucket]:
    """Scores per bucket: pairs with at least one row in the bucket (all pairs minus the
    pairs with both rows outside it). ``split``: persons with a row in the bucket whose
    key is not the person's most frequent key."""
    persons = [r.person for r in rows]
    tp_all, pred_all, act_all = _pair_counts(persons, keys)
    main = main_keys(persons, keys)
    members: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        for label in dict.fromkeys(labels(r)):
            members[label].append(i)
    out = {}
    for label, idx in members.items():
        inside = set(idx)
        rest = [i for i in range(len(rows)) if i not in inside]
        tp_o, pred_o, act_o = _pair_counts([persons[i] for i in rest], [keys[i] for i in rest])
        tp, pred, act = tp_all - tp_o, pred_all - pred_o, act_all - act_o
        split = len({persons[i] for i in idx if keys[i] != main[persons[i]]})
        out[label] = Bucket(
            len(idx), len({persons[i] for i in idx}), tp, pred - tp, act - tp, split
        )
    return out


def plain_key(name: str) -> str:
    """A case-, accent- and order-folded key: what a name that is left alone should get."""
    folded = unicodedata.normalize("NFKD", name.casefold())
    bare = "".join(c for c in folded if not unicodedata.combining(c))
    words = "".join(c if c.isalnum() else " " for c in bare).split()
    return " ".join(sorted(words))
