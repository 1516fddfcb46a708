"""Benchmark: ``translit normalize FILE --column name`` on a big CSV, against a pandas baseline.

Builds a CSV (default 5,000,000 rows, about 200,000 distinct names mixing Kazakh and
Russian Cyrillic with Latin spellings under several romanization schemes, plus id,
date and amount columns), then measures in one run:

* ``translit`` end to end: the installed console script as a subprocess (rows/s and
  the peak resident memory of its process tree, worker processes included; by
  default it normalizes in worker processes on a machine with two cores or more);
* the same pipeline with a trivially cheap stand-in normalizer (``--stand-in``): the
  I/O ceiling, i.e. everything but the per-distinct-name work;
* the baseline a user would otherwise write: pandas ``read_csv`` + ``.apply`` of a
  per-name transliteration (iuliia, else anyascii) + ``to_csv``, on a prefix of the
  file (``--baseline-rows``) and extrapolated per row when the prefix is shorter.

Usage::

    python bench/dataset.py                       # 5M rows in a temporary folder
    python bench/dataset.py --rows 1000000 --distinct 50000 --stand-in
    python bench/dataset.py --dir /data/bench --keep   # keep the CSV for another run
    python bench/dataset.py --stand-in --repeat 3      # ranges, on a shared machine
    python bench/dataset.py --jobs 1 --jobs 2 --repeat 2   # one process against workers

Goals (issue 4): >= 10x the baseline's rows/s, >= 1M rows/s end to end, peak RSS
< 1.5 GB on a 2-core machine. Needs the ``data`` and ``bench`` extras (psutil, pandas,
iuliia or anyascii).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
NAMES = ROOT / "data" / "names"
GAZETTEER = ROOT / "data" / "gazetteer"

KK_SCHEMES = ("official", "rferl", "kz-2021", "bgn-pcgn", "iso9", "ala-lc")
RU_SCHEMES = ("wikipedia", "icao-doc-9303", "gost-7034", "mvd-310", "bgn-pcgn", "de-press")


# -- building the data ------------------------------------------------------------------


def _tsv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as f:
        lines = [line for line in f if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def _gazetteer_names() -> tuple[dict[str, str], list[str]]:
    """Cyrillic names (name -> language) and Latin spellings of the bundled gazetteer."""
    cyrillic: dict[str, str] = {}
    latin: list[str] = []
    for path in sorted(GAZETTEER.glob("*.jsonl")):
        with open(path, encoding="utf-8") as f:
            for line in f:
                entry = json.loads(line)
                for lang in ("kk", "ru"):
                    if entry.get(lang):
                        cyrillic.setdefault(entry[lang], lang)
                latin += [n for n in [entry.get("en"), *entry.get("also", [])] if n]
    return cyrillic, latin


def _person(rng: random.Random, lang: str, given: list[tuple[str, str]], stems: Any) -> str:
    name, gender = rng.choice(given)
    stem = rng.choice(stems)
    suffix = "" if stem["suffix"] == "-" else stem["suffix"]  # "-": the stem is whole
    surname = (stem["kk_stem"] if lang == "kk" else stem["ru_stem"]) + suffix
    if gender == "f" and suffix in ("ов", "ев", "ёв", "ин", "ын"):
        surname += "а"
    elif gender == "f" and suffix in ("ский", "цкий"):
        surname = surname[:-2] + "ая"
    shape = rng.random()
    if shape < 0.6:
        return f"{name} {surname}"
    if shape < 0.85:
        return f"{surname} {name}"
    if shape < 0.95:
        return f"{surname.upper()} {name}"
    return surname


def distinct_names(count: int, seed: int = 7) -> list[str]:
    """``count`` distinct names: Cyrillic (Kazakh, Russian) and their romanizations.

    Given names come from ``data/names/given_*.tsv``, surnames from the stems and
    suffixes of ``data/names/surname_stems.tsv``, more names from the gazetteer; Latin
    spellings are :func:`translit.romanize_many` of the Cyrillic under two of several
    schemes each (official, RFE/RL, BGN/PCGN, ISO 9, Wikipedia, ICAO, passports ...).
    """
    import translit

    rng = random.Random(seed)
    given = {
        "kk": [(r["kk"], r["gender"]) for r in _tsv(NAMES / "given_kk.tsv")],
        "ru": [(r["ru"], r["gender"]) for r in _tsv(NAMES / "given_ru.tsv")],
    }
    stems = _tsv(NAMES / "surname_stems.tsv")
    pending, latin = _gazetteer_names()
    names: dict[str, None] = dict.fromkeys(latin)
    while len(names) < count:
        # About a third Cyrillic; each Cyrillic name adds up to two Latin spellings.
        while len(pending) < max(1000, (count - len(names)) // 3):
            lang = "kk" if rng.random() < 0.55 else "ru"
            pending.setdefault(_person(rng, lang, given[lang], stems), lang)
        names.update(dict.fromkeys(pending))
        for lang, schemes in (("kk", KK_SCHEMES), ("ru", RU_SCHEMES)):
            group = [n for n, g in pending.items() if g == lang]
            for i, scheme in enumerate(schemes):
                part = group[i :: len(schemes)] + group[(i + 2) % len(schemes) :: len(schemes)]
                latin = translit.romanize_many(part, scheme=scheme, lang=lang)
                names.update(dict.fromkeys(latin))
        pending = {}
    result = list(names)
    rng.shuffle(result)
    return result[:count]


def build_csv(path: Path, rows: int, distinct: int, seed: int = 11) -> dict[str, Any]:
    """Write the benchmark CSV; return what it holds."""
    import numpy as np
    import polars as pl
    import pyarrow as pa
    import pyarrow.compute as pc

    started = time.perf_counter()
    names = distinct_names(distinct)
    rng = np.random.default_rng(seed)
    # Every name at least once, then a skewed draw (a few names are very common).
    covered = np.arange(min(len(names), rows), dtype=np.int32)
    skewed = (len(names) * rng.random(rows - len(covered)) ** 2.5).astype(np.int32)
    index = rng.permutation(np.concatenate([covered, skewed]))
    dictionary = pa.array(names, pa.string())
    name = pc.take(dictionary, pa.array(index))
    blank = rng.random(rows) < 0.01
    name = pc.if_else(pa.array(blank), pa.scalar(None, pa.string()), name)
    ids = pc.utf8_lpad(pc.cast(pa.array(np.arange(1, rows + 1)), pa.string()), 9, "0")
    days = pa.array(rng.integers(0, 20_000, rows).astype("datetime64[D]"))
    amount = pa.array(np.round(rng.normal(5_000, 2_000, rows), 2))
    table = pa.table(
        {"id": ids, "name": name, "date": pc.cast(days, pa.string()), "amount": amount}
    )
    # Quoting only where needed, as most exports do.
    pl.from_arrow(table).write_csv(path, quote_style="necessary")
    return {
        "rows": rows,
        "distinct": len(names),
        "bytes": path.stat().st_size,
        "seconds": round(time.perf_counter() - started, 1),
    }


# -- measuring ----------------------------------------------------------------------------


@dataclass
class Run:
    what: str
    rows: int
    seconds: float
    peak_rss_mb: float
    cpu_seconds: float = 0.0
    note: str = ""

    @property
    def rows_per_s(self) -> float:
        return self.rows / self.seconds if self.seconds else 0.0


def _tree_rss(proc: Any) -> int:
    import psutil

    total = 0
    for p in [proc, *proc.children(recursive=True)]:
        try:
            total += p.memory_info().rss
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            pass
    return total


def measure(
    command: Sequence[str],
    what: str,
    rows: int,
    note: str = "",
    env: dict[str, str] | None = None,
) -> Run:
    """Run ``command``; its wall time and the peak RSS of its process tree (polled)."""
    import psutil

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    proc = psutil.Process(process.pid)
    peak = 0
    done = threading.Event()

    def poll() -> None:
        nonlocal peak
        while not done.is_set():
            try:
                peak = max(peak, _tree_rss(proc))
            except psutil.NoSuchProcess:
                return
            done.wait(0.02)

    watcher = threading.Thread(target=poll, daemon=True)
    watcher.start()
    _, err = process.communicate()
    seconds = time.perf_counter() - started
    done.set()
    watcher.join()
    if process.returncode != 0:
        raise SystemExit(f"{what} failed ({process.returncode}): {err.decode(errors='replace')}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Run(what, rows, seconds, peak / 2**20, cpu, note)


def stand_in(names: Sequence[str]) -> list[Any]:
    """A trivially cheap normalizer: the I/O ceiling of the pipeline."""
    from types import SimpleNamespace

    return [
        SimpleNamespace(output=n, key=n.casefold(), entity=None, method="unchanged") for n in names
    ]


def run_stand_in(source: str, target: str) -> int:
    """``translit normalize SOURCE --column name -o TARGET`` with the stand-in normalizer."""
    from translit.dataset.runner import normalize_files

    normalize_files([source], ["name"], output=target, progress=False, normalizer=stand_in)
    return 0


def baseline_transliterator() -> tuple[str, Any]:
    try:
        import iuliia

        return "iuliia.WIKIPEDIA", iuliia.WIKIPEDIA.translate
    except ImportError:
        from anyascii import anyascii

        return "anyascii", anyascii


def run_baseline(source: str, target: str, rows: int) -> int:
    """What a user would write: pandas read_csv, .apply per name, to_csv."""
    import pandas as pd

    _, translate = baseline_transliterator()
    frame = pd.read_csv(source, dtype=str, keep_default_na=False, nrows=rows)
    frame["name_latin"] = frame["name"].apply(translate)
    frame.to_csv(target, index=False)
    return 0


def _rows_of(path: Path) -> int:
    with open(path, "rb") as f:
        return sum(chunk.count(b"\n") for chunk in iter(lambda: f.read(1 << 24), b"")) - 1


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=5_000_000)
    parser.add_argument("--distinct", type=int, default=200_000)
    parser.add_argument("--dir", type=Path, help="where to build the CSV (default: a temp dir)")
    parser.add_argument("--keep", action="store_true", help="keep the files (and reuse them)")
    parser.add_argument("--stand-in", action="store_true", help="also run the cheap normalizer")
    parser.add_argument("--baseline-rows", type=int, default=500_000)
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--repeat", type=int, default=1, help="run translit N times (ranges)")
    parser.add_argument(
        "--jobs",
        type=int,
        action="append",
        help="TRANSLIT_JOBS for the translit runs (repeatable: each is run, alternated; "
        "default: the automatic choice)",
    )
    parser.add_argument("--json", type=Path, help="also write the figures as JSON")
    args = parser.parse_args(argv)

    folder = args.dir or Path(tempfile.mkdtemp(prefix="translit-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    source = folder / f"names-{args.rows}-{args.distinct}.csv"
    out = folder / "out.csv"
    try:
        if source.exists() and args.keep:
            built = {"rows": _rows_of(source), "reused": True, "bytes": source.stat().st_size}
        else:
            built = build_csv(source, args.rows, args.distinct)
        print(f"input: {source} {built}", flush=True)
        rows = int(built["rows"])
        runs: list[Run] = []
        translit_bin = shutil.which("translit", path=str(Path(sys.executable).parent))
        command = [translit_bin] if translit_bin else [sys.executable, str(ROOT / "cli.py")]
        print(f"load average, 1 min, at the start: {os.getloadavg()[0]:.1f}", flush=True)
        for _ in range(args.repeat):  # alternated, so that a busy spell hits both alike
            cmd = [*command, "normalize", str(source), "--column", "name", "-o", str(out)]
            for jobs in args.jobs or [None]:
                env = None if jobs is None else {**os.environ, "TRANSLIT_JOBS": str(jobs)}
                what = "translit normalize" + ("" if jobs is None else f" (jobs {jobs})")
                runs.append(measure(cmd, what, rows, env=env))  # stderr is a pipe: no bar
            if args.stand_in:
                cmd = [sys.executable, __file__, "_stand-in", str(source), str(out)]
                runs.append(measure(cmd, "same, stand-in normalizer", rows))
        if not args.no_baseline:
            label, _ = baseline_transliterator()
            part = min(rows, args.baseline_rows)
            cmd = [sys.executable, __file__, "_baseline", str(source), str(out), str(part)]
            note = f"pandas + .apply({label}) on the first {part:,} rows"
            if part < rows:
                note += ", rows/s extrapolated to the whole file"
            runs.append(measure(cmd, "baseline", part, note))
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True) if args.dir is None else None
            for path in (source, out):
                if args.dir is not None:
                    path.unlink(missing_ok=True)
    report(runs)
    if args.json is not None:
        figures = [{**asdict(r), "rows_per_s": r.rows_per_s} for r in runs]
        args.json.write_text(json.dumps({"input": built, "runs": figures}, indent=2) + "\n")
    return 0


def report(runs: list[Run]) -> None:
    baseline = next((r for r in runs if r.what == "baseline"), None)
    print(
        f"\n{'run':36} {'rows':>10} {'seconds':>8} {'cpu s':>6} {'rows/s':>10} "
        f"{'peak RSS':>9} {'vs base':>8}"
    )
    for r in runs:
        ratio = f"{r.rows_per_s / baseline.rows_per_s:7.1f}x" if baseline else ""
        print(
            f"{r.what:36} {r.rows:>10,} {r.seconds:>8.1f} {r.cpu_seconds:>6.1f} "
            f"{r.rows_per_s:>10,.0f} {r.peak_rss_mb:>6,.0f} MB {ratio:>8}"
        )
    print(f"(load average, 1 min, at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")
    for r in runs:
        if r.note:
            print(f"  {r.what}: {r.note}")
    ours = [r for r in runs if r.what.startswith("translit normalize")]
    for what in dict.fromkeys(r.what for r in runs):
        same = [r for r in runs if r.what == what]
        if len(same) > 1:
            low, high = min(r.rows_per_s for r in same), max(r.rows_per_s for r in same)
            print(
                f"  {what}: {len(same)} runs, {low:,.0f} to {high:,.0f} rows/s, "
                f"peak RSS up to {max(r.peak_rss_mb for r in same):,.0f} MB"
            )
    best = max(ours, key=lambda r: r.rows_per_s)
    verdicts = [
        ("ratio", baseline is not None and best.rows_per_s >= 10 * baseline.rows_per_s),
        ("speed", best.rows_per_s >= 1e6),
        ("memory", max(r.peak_rss_mb for r in ours) < 1536),
    ]
    print(
        "\ngoals (translit normalize, best run; memory: worst): >= 10x baseline, "
        ">= 1,000,000 rows/s, peak RSS < 1,536 MB -> "
        + ", ".join(f"{name} {'ok' if ok else 'MISSED'}" for name, ok in verdicts)
    )


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "_stand-in":
        raise SystemExit(run_stand_in(sys.argv[2], sys.argv[3]))
    if len(sys.argv) > 1 and sys.argv[1] == "_baseline":
        raise SystemExit(run_baseline(sys.argv[2], sys.argv[3], int(sys.argv[4])))
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    raise SystemExit(main())
