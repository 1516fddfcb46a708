"""Name-matching benchmark: translit.key / translit.normalize against the baselines.

    python bench/names.py [DEV_SET.jsonl] [--negatives FILE] [--speed N] [--no-speed]
    python bench/names.py --quality --devset [DIR]   (quality only, attested dev set)

For every method, over all pairs of rows of the development set (a pair is predicted
"same" when the method's keys are equal): pairwise precision, recall and F1, and the
number of entities split over more than one key. For ``normalize`` also the share of
inputs that get the entity's canonical form. On the hard negatives: the share of pairs
a method merges. Speed: distinct names per second for ``key`` and ``normalize``, on
three lists of names (see :func:`speed_sets`), each function in a fresh process.

Rows whose ``form`` is ``surname``, ``initials`` or ``alias`` (a surname alone, initials,
a former or other-language name) are left out of the pairwise figures, because a key
is not meant to bring them together; the per-form table shows how each method does on
them anyway. The data format is described in ``tests/data/README.md``.

``--devset`` adds the attested development set (``tests/data/devset/``, see
``bench/devset.py``): figures per convention, script, form and country on its ``tune``
and ``measure`` parts, its hard negatives, and the pass-through rate on its open-world
list. ``--quality`` leaves out the speed test.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import json
import random
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script: make the bench package importable
    # (appended: an installed translit, the compiled wheel, wins over the checkout)
    sys.path.append(str(ROOT))

from bench import devset as ds  # noqa: E402

DEV_SET = ROOT / "tests" / "data" / "names_dev.jsonl"
NEGATIVES = ROOT / "tests" / "data" / "hard_negatives.jsonl"
NON_CORE_FORMS = frozenset({"surname", "initials", "alias"})
SPEED_GOAL = 200_000
GOALS = {
    "translit.key": "P>=0.995 R>=0.97",
    "translit.normalize": "P>=0.99 R>=0.95; canonical>=95%",
}

KeyFn = Callable[[str], str]


@dataclass(frozen=True)
class Row:
    """One spelling of one entity."""

    entity: str
    name: str
    kind: str
    form: str
    canonical: bool
    gazetteer_id: str | None


@dataclass(frozen=True)
class Scores:
    """Pairwise scores of one method on one set of rows."""

    precision: float
    recall: float
    f1: float
    split: int
    entities: int
    true_pos: int
    false_pos: int
    false_neg: int


# ---------------------------------------------------------------- data


def load_rows(path: Path) -> list[Row]:
    """Read a development set (JSON lines, see tests/data/README.md)."""
    rows = []
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            d = json.loads(line)
            if "entity" not in d or "name" not in d:
                raise SystemExit(f"{path}:{n}: a row needs 'entity' and 'name'")
            rows.append(
                Row(
                    entity=str(d["entity"]),
                    name=str(d["name"]),
                    kind=str(d.get("kind", "")),
                    form=str(d.get("form", "full")),
                    canonical=bool(d.get("canonical", False)),
                    gazetteer_id=d.get("gazetteer_id"),
                )
            )
    return rows


def load_negatives(path: Path) -> list[tuple[str, str, str]]:
    """Read hard negatives: (a, b, category)."""
    out = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                d = json.loads(line)
                out.append((str(d["a"]), str(d["b"]), str(d.get("category", ""))))
    return out


def canonical_forms(rows: Sequence[Row]) -> dict[str, str]:
    """Entity -> canonical form: the gazetteer's English name when the entity has a
    ``gazetteer_id`` the gazetteer knows, else the row marked ``canonical``."""
    out = {r.entity: r.name for r in rows if r.canonical}
    ids = {r.entity: r.gazetteer_id for r in rows if r.canonical and r.gazetteer_id}
    if ids:
        try:
            import translit

            entities = translit.load_gazetteer().entities
        except (ImportError, AttributeError):
            entities = {}
        for eid, gid in ids.items():
            ent = entities.get(gid)
            if ent is not None:
                out[eid] = ent.en
    return out


# ---------------------------------------------------------------- metrics


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def _scores(tp: int, fp: int, fn: int, split: int, entities: int) -> Scores:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Scores(precision, recall, f1, split, entities, tp, fp, fn)


def score_keys(entities: Sequence[str], keys: Sequence[str]) -> Scores:
    """Pairwise P/R/F1 when rows with equal keys are predicted to be the same entity.

    Counts pairs through group sizes, so it is linear in the number of rows.
    """
    if len(entities) != len(keys):
        raise ValueError("one key per row")
    by_entity = Counter(entities)
    by_key = Counter(keys)
    by_both = Counter(zip(entities, keys, strict=True))
    tp = sum(_pairs(c) for c in by_both.values())
    predicted = sum(_pairs(c) for c in by_key.values())
    actual = sum(_pairs(c) for c in by_entity.values())
    keys_of: dict[str, set[str]] = defaultdict(set)
    for e, k in zip(entities, keys, strict=True):
        keys_of[e].add(k)
    split = sum(1 for ks in keys_of.values() if len(ks) > 1)
    return _scores(tp, predicted - tp, actual - tp, split, len(by_entity))


def score_decisions(entities: Sequence[str], same: Callable[[int, int], bool]) -> Scores:
    """Pairwise P/R/F1 from a same/different decision on every pair; entities are
    split when their rows fall into more than one connected component."""
    n = len(entities)
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    tp = fp = fn = 0
    for i in range(n):
        for j in range(i + 1, n):
            decided = same(i, j)
            truth = entities[i] == entities[j]
            if decided:
                parent[find(i)] = find(j)
                if truth:
                    tp += 1
                else:
                    fp += 1
            elif truth:
                fn += 1
    comps: dict[str, set[int]] = defaultdict(set)
    for i, e in enumerate(entities):
        comps[e].add(find(i))
    split = sum(1 for c in comps.values() if len(c) > 1)
    return _scores(tp, fp, fn, split, len(comps))


def safe_keys(fn: KeyFn, names: Sequence[str]) -> list[str]:
    """Apply a key function; an empty or failing key never matches anything."""
    out = []
    for i, name in enumerate(names):
        try:
            k = fn(name)
        except Exception:  # a baseline that crashes on an input simply does not match
            k = ""
        out.append(k if k else f"\x00{i}")
    return out


# ---------------------------------------------------------------- methods


def _translit_methods() -> tuple[dict[str, KeyFn], list[str]]:
    notes: list[str] = []
    methods: dict[str, KeyFn] = {}
    try:
        import translit
    except ImportError as exc:
        return methods, [f"translit not importable ({exc}): its methods are skipped"]
    key = getattr(translit, "key", None)
    normalize = getattr(translit, "normalize", None)
    if key is None:
        notes.append("translit.key missing: skipped")
    else:
        methods["translit.key"] = key
    if normalize is None:
        notes.append("translit.normalize missing: skipped")
    else:
        methods["translit.normalize"] = lambda s: str(normalize(s, "en")).lower()
    return methods, notes


def _baseline_methods() -> tuple[dict[str, KeyFn], list[str]]:
    notes: list[str] = []
    methods: dict[str, KeyFn] = {}

    def squash(s: str) -> str:
        return " ".join(s.lower().split())

    try:
        from unidecode import unidecode

        methods["unidecode+lower"] = lambda s: squash(unidecode(s))
    except ImportError:
        notes.append("unidecode not installed")
    try:
        from anyascii import anyascii

        methods["anyascii+lower"] = lambda s: squash(anyascii(s))
    except ImportError:
        notes.append("anyascii not installed")
    try:
        import fingerprints

        methods["fingerprints"] = lambda s: fingerprints.generate(s) or ""
    except ImportError:
        notes.append("fingerprints not installed")
    try:
        from rigour.names import Name, remove_person_prefixes

        def rigour_key(s: str) -> str:
            parts = Name(remove_person_prefixes(s)).parts
            return " ".join(sorted(p.comparable for p in parts))

        methods["rigour (sorted parts)"] = rigour_key
    except ImportError:
        notes.append("rigour not installed")
    try:
        import icu

        icu_t = icu.Transliterator.createInstance("Any-Latin; Latin-ASCII; Lower")
        methods["ICU Any-Latin"] = lambda s: squash(icu_t.transliterate(s))
    except ImportError:
        notes.append("PyICU not installed (apt-get install libicu-dev pkg-config)")
    try:
        import jellyfish
        from anyascii import anyascii as _aa

        methods["metaphone(anyascii)"] = lambda s: " ".join(
            jellyfish.metaphone(t) for t in _aa(s).split()
        )
    except ImportError:
        notes.append("jellyfish not installed")
    return methods, notes


def rapidfuzz_same(names: Sequence[str], cutoff: float = 90.0) -> Callable[[int, int], bool] | None:
    """Pairwise decisions ``fuzz.ratio >= cutoff`` on anyascii-lowercased forms."""
    try:
        import numpy as np
        from anyascii import anyascii
        from rapidfuzz import fuzz, process
    except ImportError:
        return None
    forms = [" ".join(anyascii(n).lower().split()) for n in names]
    matrix = process.cdist(forms, forms, scorer=fuzz.ratio, dtype=np.uint8)
    return lambda i, j: bool(matrix[i, j] >= cutoff)


# ---------------------------------------------------------------- speed


def speed_names(rows: Sequence[Row], count: int, seed: int = 0, novel: float = 0.5) -> list[str]:
    """``count`` distinct person names: given names x surnames from the dev set, with
    seeded perturbations (case, order, titles, and a letter changed in a share ``novel``
    of them, which makes a spelling no cache has seen)."""
    rng = random.Random(seed)
    given, surnames = set(), set()
    for r in rows:
        parts = r.name.replace(",", " ").split()
        if r.form in ("full", "patronymic") and len(parts) >= 2:
            given.add(parts[0])
            surnames.add(parts[-1])
    g, s = sorted(given), sorted(surnames)
    letters = "abdegiklmnoprstuyzаеиклмнорстуқңө"
    out: dict[str, None] = {}
    while len(out) < count:
        name = f"{rng.choice(g)} {rng.choice(s)}"
        roll = rng.random()
        if roll < novel:  # a letter changed: unseen spellings, defeating any cache
            chars = list(name)
            i = rng.randrange(len(chars))
            chars[i] = rng.choice(letters)
            name = "".join(chars)
        if rng.random() < 0.2:
            first, _, last = name.partition(" ")
            name = f"{last}, {first}"
        if rng.random() < 0.1:
            name = name.upper()
        if rng.random() < 0.05:
            name = "Mr " + name
        out[name] = None
    return list(out)


def measure_speed(fn: KeyFn, names: Sequence[str], warmup: Sequence[str]) -> float:
    """Names per second for one pass (after a warm-up on other names)."""
    for n in warmup:
        fn(n)
    start = time.perf_counter()
    for n in names:
        fn(n)
    return len(names) / (time.perf_counter() - start)


# ---------------------------------------------------------------- report


def _fmt(x: float) -> str:
    return f"{x:.3f}"


def run(
    dev_path: Path, neg_path: Path | None, speed: int, out: Callable[[str], None] = print
) -> None:
    """Run every method and print the report."""
    rows = load_rows(dev_path)
    core = [r for r in rows if r.form not in NON_CORE_FORMS]
    attested = [r for r in core if not r.kind.startswith("scheme:")]
    negatives = load_negatives(neg_path) if neg_path is not None and neg_path.exists() else []
    canon = canonical_forms(rows)
    ours, notes = _translit_methods()
    base, base_notes = _baseline_methods()
    methods = {**ours, **base}
    notes += base_notes

    n_ent = len({r.entity for r in rows})
    n_gen = sum(r.kind.startswith("scheme:") for r in rows)
    out(f"dev set {dev_path.name}: {len(rows)} rows, {n_ent} entities ({n_gen} generated rows)")
    out(
        f"pairwise figures on {len(core)} rows (forms surname/initials/alias left out); "
        f"attested-only subset: {len(attested)} rows"
    )
    if negatives:
        out(f"hard negatives {neg_path.name if neg_path else ''}: {len(negatives)} pairs")
    for note in notes:
        out(f"note: {note}")
    out("")

    header = (
        f"{'method':<22} {'P':>6} {'R':>6} {'F1':>6} {'split':>9} "
        f"{'R(att)':>6} {'P(att)':>6} {'negmerge':>8}  goal"
    )
    out(header)
    out("-" * len(header))
    all_keys: dict[str, list[str]] = {}
    for name, fn in methods.items():
        keys = safe_keys(fn, [r.name for r in rows])
        all_keys[name] = keys
        key_of = dict(zip((id(r) for r in rows), keys, strict=True))
        s = score_keys([r.entity for r in core], [key_of[id(r)] for r in core])
        a = score_keys([r.entity for r in attested], [key_of[id(r)] for r in attested])
        merged = _negative_merges(fn, negatives)
        neg = f"{merged / len(negatives):.3f}" if negatives else "-"
        out(
            f"{name:<22} {_fmt(s.precision):>6} {_fmt(s.recall):>6} {_fmt(s.f1):>6} "
            f"{s.split:>4}/{s.entities:<4} {_fmt(a.recall):>6} {_fmt(a.precision):>6} "
            f"{neg:>8}  {GOALS.get(name, '')}"
        )
    same = rapidfuzz_same([r.name for r in core])
    if same is None:
        out("rapidfuzz ratio>=90: rapidfuzz/anyascii/numpy not installed")
    else:
        s = score_decisions([r.entity for r in core], same)
        att_idx = [i for i, r in enumerate(core) if not r.kind.startswith("scheme:")]
        a = score_decisions(
            [core[i].entity for i in att_idx], lambda i, j: same(att_idx[i], att_idx[j])
        )
        neg_same = rapidfuzz_same([x for a_, b_, _ in negatives for x in (a_, b_)])
        merged = sum(neg_same(2 * k, 2 * k + 1) for k in range(len(negatives))) if neg_same else 0
        neg = f"{merged / len(negatives):.3f}" if negatives else "-"
        out(
            f"{'rapidfuzz ratio>=90':<22} {_fmt(s.precision):>6} {_fmt(s.recall):>6} "
            f"{_fmt(s.f1):>6} {s.split:>4}/{s.entities:<4} {_fmt(a.recall):>6} "
            f"{_fmt(a.precision):>6} {neg:>8}  (pairwise; split = connected components)"
        )
    out("")

    if "translit.normalize" in methods:
        _report_canonical(rows, canon, methods["translit.normalize"], out)
    _report_by_form(
        rows,
        all_keys,
        [m for m in ("translit.key", "translit.normalize") if m in all_keys] or list(all_keys)[:2],
        out,
    )
    if negatives:
        _report_negatives(methods, negatives, out)
    if speed > 0 and ours:
        path = str(importlib.import_module("translit.names.normalize").__file__)
        compiled = path.endswith((".so", ".pyd"))
        out(f"speed: translit from {path} ({'compiled' if compiled else 'pure Python'})")
        warm = speed_names(rows, 2000, seed=1)
        for label, names in speed_sets(rows, speed):
            words = len({w for n in names for w in n.split()})
            out(
                f"speed: {len(names)} distinct names, {words} distinct words ({label}), one "
                f"call per name, each function in a fresh process, goal {SPEED_GOAL:,}/s"
            )
            for name in SPEED_FUNCTIONS:
                rate = speed_in_child(name, names, warm)
                verdict = "ok" if rate >= SPEED_GOAL else "below goal"
                out(f"  translit.{name:<11} {rate:>12,.0f} names/s  ({verdict})")


SPEED_FUNCTIONS = ("key", "normalize")


def speed_sets(rows: Sequence[Row], count: int) -> list[tuple[str, list[str]]]:
    """The name lists the speed test runs on: dev-set given names x surnames with 5% and
    50% novel spellings (see :func:`speed_names`), and the names of the dataset
    benchmark (``bench/dataset.py``: Kazakh and Russian people, in Cyrillic and in
    Latin under several schemes, with far more distinct words)."""
    sets = [
        ("5% novel spellings", speed_names(rows, count, novel=0.05)),
        ("50% novel spellings", speed_names(rows, count, novel=0.5)),
    ]
    spec = importlib.util.spec_from_file_location("bench_dataset", ROOT / "bench" / "dataset.py")
    if spec is not None and spec.loader is not None:
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module  # (its dataclasses look their module up)
        spec.loader.exec_module(module)
        sets.append(("dataset-style names, bench/dataset.py", module.distinct_names(count)))
    return sets


def speed_in_child(function: str, names: Sequence[str], warm: Sequence[str]) -> float:
    """Names per second of ``translit.<function>`` over ``names`` (after a warm-up on
    ``warm``) in a new interpreter, so that no cache of another method, pass or of
    making the names helps it."""
    with tempfile.TemporaryDirectory() as tmp:
        names_path, warm_path = Path(tmp, "names.txt"), Path(tmp, "warm.txt")
        names_path.write_text("\n".join(names), encoding="utf-8")
        warm_path.write_text("\n".join(warm), encoding="utf-8")
        args = ["--speed-child", function, str(names_path), str(warm_path)]
        done = subprocess.run(
            [sys.executable, __file__, *args], capture_output=True, text=True, check=True
        )
    return float(done.stdout.strip().splitlines()[-1])


def _speed_child(function: str, names_path: Path, warm_path: Path) -> None:
    names = names_path.read_text(encoding="utf-8").split("\n")
    warm = warm_path.read_text(encoding="utf-8").split("\n")
    import translit
    from translit.names.fold import clear_caches
    from translit.names.lexicon import lexicon

    # A process that builds the lexicon (its disk cache stale or off) folds every
    # spelling of every lexicon name on the way (105k folds) and keeps them cached;
    # one that loads it from the cache, as users' processes mostly do, starts with
    # none. The speed is measured from none.
    lexicon()
    clear_caches()
    print(measure_speed(getattr(translit, function), names, warm))


def _negative_merges(fn: KeyFn, negatives: Iterable[tuple[str, str, str]]) -> int:
    merged = 0
    for a, b, _ in negatives:
        ka, kb = safe_keys(fn, [a, b])
        merged += ka == kb
    return merged


def _report_canonical(
    rows: Sequence[Row], canon: dict[str, str], key: KeyFn, out: Callable[[str], None]
) -> None:
    try:
        import translit
    except ImportError:
        return
    groups: dict[str, list[Row]] = {"in gazetteer": [], "not in gazetteer": []}
    gaz = {r.entity for r in rows if r.canonical and r.gazetteer_id}
    for r in rows:
        if r.form in ("surname", "initials"):
            continue
        groups["in gazetteer" if r.entity in gaz else "not in gazetteer"].append(r)
    out("normalize(style=en) gives the canonical form (surname-only and initials rows left out):")
    for label, rs in groups.items():
        if not rs:
            continue
        hits = 0
        for r in rs:
            try:
                hits += translit.normalize(r.name, "en") == canon[r.entity]
            except Exception:
                pass
        goal = "  goal >= 95%" if label == "in gazetteer" else ""
        out(f"  {label:<17} {hits}/{len(rs)} = {hits / len(rs):.1%}{goal}")
    out("")


def _report_by_form(
    rows: Sequence[Row],
    all_keys: dict[str, list[str]],
    shown: Sequence[str],
    out: Callable[[str], None],
) -> None:
    """Share of rows whose key equals the key of their entity's canonical row."""
    idx_canon = {r.entity: i for i, r in enumerate(rows) if r.canonical}
    buckets: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        if not r.canonical:
            buckets[f"form:{r.form}"].append(i)
            kind = "scheme:*" if r.kind.startswith("scheme:") else r.kind
            buckets[f"kind:{kind}"].append(i)
            if r.kind.startswith("scheme:"):
                buckets[f"kind:{r.kind}"].append(i)
    out("agreement with the canonical row's key, by form and kind:")
    out(f"  {'bucket':<26} {'rows':>5} " + " ".join(f"{m[:18]:>18}" for m in shown))
    for b in sorted(buckets):
        idx = buckets[b]
        cells = []
        for m in shown:
            keys = all_keys[m]
            agree = sum(keys[i] == keys[idx_canon[rows[i].entity]] for i in idx)
            cells.append(f"{agree / len(idx):>18.3f}")
        out(f"  {b:<26} {len(idx):>5} " + " ".join(cells))
    out("")


def _report_negatives(
    methods: dict[str, KeyFn], negatives: Sequence[tuple[str, str, str]], out: Callable[[str], None]
) -> None:
    cats = sorted({c for _, _, c in negatives})
    names = list(methods)
    out("hard negatives merged, by category (share of pairs; lower is better):")
    out(f"  {'category':<22} {'pairs':>5} " + " ".join(f"{n[:12]:>12}" for n in names))
    for c in cats:
        pairs = [p for p in negatives if p[2] == c]
        cells = [f"{_negative_merges(methods[n], pairs) / len(pairs):>12.3f}" for n in names]
        out(f"  {c:<22} {len(pairs):>5} " + " ".join(cells))
    out("")


# ---------------------------------------------------------------- attested dev set

SHOWN = ("translit.key", "translit.normalize")
DIMENSIONS: dict[str, Callable[[ds.Spelling], Iterable[str]]] = {
    "convention": lambda r: r.conventions,
    "script": lambda r: (r.script,),
    "form": lambda r: (r.form,),
    "country": lambda r: (r.country,),
    "slavic_form": lambda r: (r.slavic_form,),
}


def run_devset(directory: Path, min_rows: int, out: Callable[[str], None] = print) -> None:
    """Report every method on both parts of the attested dev set, then the open world."""
    ours, notes = _translit_methods()
    base, base_notes = _baseline_methods()
    methods = {**ours, **base}
    negatives = ds.load_negatives(directory)
    out(f"attested dev set {directory}: parts {', '.join(ds.PARTS)}")
    for note in notes + base_notes:
        out(f"note: {note}")
    part_of: dict[str, str] = {}
    for part in ds.PARTS:
        rows = ds.load_part(directory, part)
        persons = {r.person for r in rows}
        part_of.update(dict.fromkeys(persons, part))
        negs = [n for n in negatives if n.person_a in persons and n.person_b in persons]
        keys = {m: safe_keys(fn, [r.name for r in rows]) for m, fn in methods.items()}
        out("")
        out(
            f"== {part}: {len(rows)} spellings of {len(persons)} persons; "
            f"{len(negs)} hard negatives ({sum(n.category == 'identical' for n in negs)} "
            "identical namesakes, left out of negmerge)"
        )
        _devset_overall(rows, keys, negs, methods, out)
        shown = [m for m in SHOWN if m in keys] or list(keys)[:2]
        for dimension, labels in DIMENSIONS.items():
            _devset_buckets(rows, keys, negs, shown, dimension, labels, min_rows, out)
        _devset_negatives(negs, methods, out)
    across = [n for n in negatives if part_of.get(n.person_a) != part_of.get(n.person_b)]
    out(f"== hard negatives whose two persons are in different parts: {len(across)} pairs")
    _devset_negatives(across, methods, out)
    if ours:
        names = ds.load_open_world(directory) + ds.load_organisations(directory)
        _open_world(names + ds.load_name_lists(directory), ours, out)


def _devset_overall(
    rows: Sequence[ds.Spelling],
    keys: dict[str, list[str]],
    negs: Sequence[ds.Negative],
    methods: dict[str, KeyFn],
    out: Callable[[str], None],
) -> None:
    header = f"  {'method':<22} {'P':>6} {'P*':>6} {'R':>6} {'F1':>6} {'split':>11} {'negmerge':>8}"
    out(header)
    out("  " + "-" * (len(header) - 2))
    persons = [r.person for r in rows]
    hard = [n for n in negs if n.category != "identical"]
    alike = ds.identical_pairs(rows)
    for name, k in keys.items():
        s = score_keys(persons, k)
        found = s.true_pos + s.false_pos - alike
        p_star = s.true_pos / found if found else 1.0
        merged = _negative_merges(methods[name], [(n.a, n.b, n.category) for n in hard])
        neg = f"{merged / len(hard):.3f}" if hard else "-"
        out(
            f"  {name:<22} {_fmt(s.precision):>6} {_fmt(p_star):>6} {_fmt(s.recall):>6} "
            f"{_fmt(s.f1):>6} {s.split:>5}/{s.entities:<5} {neg:>8}"
        )
    same = rapidfuzz_matrix([r.name for r in rows])
    if same is not None:
        s = score_matrix(persons, same)
        out(
            f"  {'rapidfuzz ratio>=90':<22} {_fmt(s.precision):>6} {'':>6} {_fmt(s.recall):>6} "
            f"{_fmt(s.f1):>6} {s.split:>5}/{s.entities:<5} {'-':>8}  (pairwise decisions)"
        )
    out(
        f"  (P*: precision without the {alike} pairs of two persons' identical spellings, "
        "which every key merges)"
    )


def rapidfuzz_matrix(names: Sequence[str], cutoff: float = 90.0) -> Any | None:
    """The boolean matrix ``fuzz.ratio >= cutoff`` on anyascii-lowercased forms."""
    try:
        import numpy as np
        from anyascii import anyascii
        from rapidfuzz import fuzz, process
    except ImportError:
        return None
    forms = [" ".join(anyascii(n).lower().split()) for n in names]
    matrix = process.cdist(forms, forms, scorer=fuzz.ratio, dtype=np.uint8, workers=-1)
    return matrix >= cutoff


def score_matrix(entities: Sequence[str], same: Any) -> Scores:
    """:func:`score_decisions` for a boolean decision matrix, vectorized; entities are
    split when their rows fall into more than one connected component."""
    import numpy as np

    ids = {e: i for i, e in enumerate(dict.fromkeys(entities))}
    ent = np.array([ids[e] for e in entities])
    upper = np.triu(np.ones(same.shape, dtype=bool), k=1)
    truth = ent[:, None] == ent[None, :]
    tp = int((same & truth & upper).sum())
    fp = int((same & ~truth & upper).sum())
    fn = int((~same & truth & upper).sum())
    parent = list(range(len(entities)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in np.argwhere(same & upper).tolist():
        parent[find(i)] = find(j)
    comps: dict[int, set[int]] = defaultdict(set)
    for i, e in enumerate(ent.tolist()):
        comps[e].add(find(i))
    split = sum(1 for c in comps.values() if len(c) > 1)
    return _scores(tp, fp, fn, split, len(comps))


def _devset_buckets(
    rows: Sequence[ds.Spelling],
    keys: dict[str, list[str]],
    negs: Sequence[ds.Negative],
    shown: Sequence[str],
    dimension: str,
    labels: Callable[[ds.Spelling], Iterable[str]],
    min_rows: int,
    out: Callable[[str], None],
) -> None:
    """One table: per bucket of ``dimension``, P/R/split/negmerge of the shown methods and
    the recall of the baselines."""
    sizes = Counter(label for r in rows for label in dict.fromkeys(labels(r)))
    small = {label for label, n in sizes.items() if n < min_rows}

    def pooled(r: ds.Spelling) -> list[str]:
        return list(dict.fromkeys(x if x not in small else "(smaller ones)" for x in labels(r)))

    labels_of = {(r.person, r.name): pooled(r) for r in rows}
    others = [m for m in keys if m not in shown]
    scores = {m: ds.bucket_scores(rows, keys[m], pooled) for m in keys}
    key_of = {m: dict(zip((r.name for r in rows), keys[m], strict=True)) for m in shown}
    head = "".join(
        f" | {m.removeprefix('translit.')[:9] + ' P':>11} {'R':>5} {'split':>5} {'negm':>5}"
        for m in shown
    )
    base = "".join(f" {m[:9]:>9}" for m in others)
    out("")
    out(f"  by {dimension} ({len(small)} with fewer than {min_rows} rows pooled)")
    out(f"  {dimension:<18} {'rows':>5} {'pers':>5}{head}{' | R:' + base if others else ''}")
    order = sorted(
        scores[next(iter(keys))], key=lambda b: (b == "(smaller ones)", -sizes.get(b, 0), b)
    )
    for label in order:
        first = scores[next(iter(keys))][label]
        cells = ""
        for m in shown:
            b = scores[m][label]
            touched = [
                n
                for n in negs
                if n.category != "identical"
                and (
                    label in labels_of.get((n.person_a, n.a), ())
                    or label in labels_of.get((n.person_b, n.b), ())
                )
            ]
            merged = sum(key_of[m][n.a] == key_of[m][n.b] for n in touched)
            negm = f"{merged / len(touched):.3f}" if touched else "-"
            cells += f" | {b.precision:>11.3f} {b.recall:>5.3f} {b.split:>5} {negm:>5}"
        rec = "".join(f" {scores[m][label].recall:>9.3f}" for m in others)
        tail = f" |   {rec}" if others else ""
        out(f"  {label[:18]:<18} {first.rows:>5} {first.persons:>5}{cells}{tail}")


def _devset_negatives(
    negs: Sequence[ds.Negative], methods: dict[str, KeyFn], out: Callable[[str], None]
) -> None:
    _report_negatives(methods, [(n.a, n.b, n.category) for n in negs], out)


MAIN_OPEN_GROUP = "Latin, not Cyrillic-origin"
LISTS_OPEN_GROUP = "name lists (41 countries, pairs)"


def open_world_group(n: ds.OpenName) -> str:
    """The report group of an open-world name: by script and reviewed origin."""
    if n.person.startswith("org:"):
        return "organisations (company lists)"
    if n.person.startswith("list:"):
        return LISTS_OPEN_GROUP
    if n.script == "Cyrillic":
        return "Cyrillic script (romanized by design)"
    if n.script != "Latin":
        return "other scripts"
    origin = {"no": "not Cyrillic-origin", "yes": "Cyrillic-origin"}
    return f"Latin, {origin.get(n.cyrillic_origin, n.cyrillic_origin)}"


def _open_world(
    names: Sequence[ds.OpenName],
    ours: dict[str, KeyFn],
    out: Callable[[str], None],
    examples: int = 5,
) -> None:
    """Pass-through on names of other legislatures and companies: output = input
    (whitespace tidied), no entity link, and no key merges that a plain folded key
    would not make; then a few examples of each failure in the main group."""
    import translit

    out("")
    people = [n for n in names if not n.person.startswith(("org:", "list:"))]
    out(
        f"open world: {len(people)} names of {len({n.person for n in people})} members of "
        f"{len({n.country for n in people})} other legislatures; "
        f"{sum(n.person.startswith('org:') for n in names)} company names; "
        f"{sum(n.person.startswith('list:') for n in names)} given name + surname pairs "
        "of name lists (measure part)"
    )
    groups: dict[str, list[ds.OpenName]] = defaultdict(list)
    for n in names:
        groups[open_world_group(n)].append(n)
    out(
        f"  {'group':<40} {'names':>6} {'kept':>7} {'linked':>7} "
        f"{'key merges':>10} {'norm merges':>11}"
    )
    changed: list[tuple[str, str]] = []
    linked_names: list[tuple[str, str]] = []
    merged: dict[str, list[list[str]]] = {}
    by_country: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    by_locale: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for label in sorted(groups):
        group = groups[label]
        results = [translit.analyze(n.name) for n in group]
        kept = [r.output == " ".join(n.name.split()) for r, n in zip(results, group, strict=True)]
        linked = [(n.name, str(r.entity)) for r, n in zip(results, group, strict=True) if r.entity]
        merges = {m: _extra_merges(group, fn) for m, fn in ours.items()}
        if label == MAIN_OPEN_GROUP:
            changed = [
                (n.name, r.output) for r, n, k in zip(results, group, kept, strict=True) if not k
            ]
            linked_names, merged = linked, merges
        if label in (MAIN_OPEN_GROUP, LISTS_OPEN_GROUP):
            tally = by_country if label == MAIN_OPEN_GROUP else by_locale
            for n, k in zip(group, kept, strict=True):
                tally[n.country][0] += k
                tally[n.country][1] += 1
        key_names = sum(len(g) for g in merges.get("translit.key", []))
        norm_names = sum(len(g) for g in merges.get("translit.normalize", []))
        out(
            f"  {label:<40} {len(group):>6} {sum(kept) / len(group):>7.3f} "
            f"{len(linked):>7} {key_names:>10} {norm_names:>11}"
        )
    out("  (kept: share whose normalize output is the input with whitespace tidied; linked:")
    out("  names given an entity; merges: names whose key equals the key of another person's")
    out("  name while their plain case/accent/order-folded keys differ)")
    for label, tally in ((MAIN_OPEN_GROUP, by_country), (LISTS_OPEN_GROUP, by_locale)):
        worst = sorted(tally.items(), key=lambda kv: kv[1][0] / kv[1][1])
        out(f"  kept by country ({label}): " + ", ".join(f"{c} {k / t:.2f}" for c, (k, t) in worst))
    out(f"  examples ({MAIN_OPEN_GROUP}):")
    for name, output in changed[:: max(1, len(changed) // examples)][:examples]:
        out(f"    changed: {name!r} -> {output!r}")
    for name, entity in linked_names[:examples]:
        out(f"    linked:  {name!r} -> {entity}")
    for group_names in merged.get("translit.key", [])[:examples]:
        out(f"    key merge: {' = '.join(repr(x) for x in group_names[:4])}")


def _extra_merges(names: Sequence[ds.OpenName], fn: KeyFn) -> list[list[str]]:
    """Groups of names of different persons whose key under ``fn`` is equal while their
    plain keys differ (each group: its names, sorted)."""
    keys = safe_keys(fn, [n.name for n in names])
    owners: dict[str, list[ds.OpenName]] = defaultdict(list)
    for n, k in zip(names, keys, strict=True):
        owners[k].append(n)
    out = []
    for members in owners.values():
        persons = {m.person for m in members}
        plain = {ds.plain_key(m.name) for m in members}
        if len(persons) > 1 and len(plain) > 1:
            out.append(sorted({m.name for m in members}))
    return sorted(out)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dev_set", nargs="?", type=Path, default=DEV_SET)
    parser.add_argument("--negatives", type=Path, default=NEGATIVES)
    parser.add_argument("--speed", type=int, default=SPEED_GOAL, help="names for the speed test")
    parser.add_argument("--no-speed", action="store_true")
    parser.add_argument("--quality", action="store_true", help="no speed test (= --no-speed)")
    parser.add_argument(
        "--devset",
        nargs="?",
        type=Path,
        const=ds.DEVSET,
        help="also report the attested dev set (default dir: tests/data/devset)",
    )
    parser.add_argument(
        "--min-rows", type=int, default=30, help="devset buckets smaller than this are pooled"
    )
    parser.add_argument("--speed-child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.speed_child:
        function, names_path, warm_path = args.speed_child
        _speed_child(function, Path(names_path), Path(warm_path))
        return 0
    no_speed = args.no_speed or args.quality
    if args.devset is not None:
        if not (args.devset / "persons.tsv").exists():
            print(f"error: {args.devset} holds no dev set (persons.tsv)", file=sys.stderr)
            return 2
        run_devset(args.devset, args.min_rows)
        print("")
    run(args.dev_set, args.negatives, 0 if no_speed else args.speed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
