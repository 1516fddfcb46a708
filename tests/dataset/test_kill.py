"""Kill a multi-process ``translit normalize`` at random moments (issue 15).

SIGKILL and SIGINT at ``KILL_POINTS`` moments, spread over a run with worker processes
(``--jobs 2``). After each: the input is byte-identical, the output is absent or
complete and equal to an undisturbed run's, and no worker process outlives its
parent. After every few kills, a run to the same output completes and leaves
nothing stray beside it (a killed run's temporary file is removed by the next run).

The moments are drawn from a seeded generator (the same points each run); the run
is sized to a few seconds so the suite stays within about a minute.
"""

from __future__ import annotations

import hashlib
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import cli

psutil = pytest.importorskip("psutil")
pytest.importorskip("pyarrow")

CLI_DIR = str(Path(cli.__file__).resolve().parent)
ROWS = 50_000
KILL_POINTS = 24  # two in three SIGKILL, the others SIGINT
RERUN_EVERY = 8
SEED = 15

OUTCOMES: dict[str, int] = {}


def write_input(path: Path) -> None:
    rng = random.Random(SEED)
    words = ["Тоқаев", "Назарбаев", "Ivanov", "Petrov", "Сәтбаев", "Кенжебек", "Abenov", "Жұмабаев"]
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("id,name,city\n")
        for i in range(ROWS):
            f.write(f"{i:07d},{rng.choice(words)} {rng.choice(words)}{i % 20},\n")


def command(src: Path, out: Path) -> list[str]:
    code = "import cli\ncli.run()"
    return [
        sys.executable,
        "-c",
        code,
        "normalize",
        str(src),
        "-c",
        "name",
        "-o",
        str(out),
        "-j",
        "2",
    ]


def environment() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": CLI_DIR, "HF_HUB_OFFLINE": "1"}


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def descendants(pid: int) -> list[int]:
    try:
        return [c.pid for c in psutil.Process(pid).children(recursive=True)]
    except psutil.NoSuchProcess:
        return []


def wait_gone(pids: list[int], timeout: float = 20.0) -> list[int]:
    """The PIDs still alive after ``timeout`` seconds (zombies count as gone)."""
    deadline = time.monotonic() + timeout
    alive = list(pids)
    while alive and time.monotonic() < deadline:
        still = []
        for pid in alive:
            try:
                if psutil.Process(pid).status() != psutil.STATUS_ZOMBIE:
                    still.append(pid)
            except psutil.NoSuchProcess:
                pass
        alive = still
        if alive:
            time.sleep(0.1)
    return alive


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes, float]:
    """The input, an undisturbed run's output and how long that run took."""
    folder = tmp_path_factory.mktemp("reference")
    src = folder / "in.csv"
    write_input(src)
    out = folder / "out.csv"
    start = time.monotonic()
    done = subprocess.run(command(src, out), env=environment(), capture_output=True, timeout=300)
    took = time.monotonic() - start
    assert done.returncode == 0, done.stderr.decode()
    return src, out.read_bytes(), took


def test_kill_at_random_points(reference: tuple[Path, bytes, float], tmp_path: Path) -> None:
    source, expected, took = reference
    src = tmp_path / "in.csv"
    src.write_bytes(source.read_bytes())
    before = digest(src)
    out = tmp_path / "out.csv"
    rng = random.Random(SEED)
    # the latest kill point, as a share of the undisturbed run: later runs are faster
    # (warm caches), and on a busy machine the undisturbed run may have been slow, so
    # each run that finishes before its signal brings the later points earlier
    scale = 0.6
    for point in range(KILL_POINTS):
        sig = signal.SIGINT if point % 3 == 2 else signal.SIGKILL
        delay = rng.uniform(0.05, max(0.06, took * scale))
        proc = subprocess.Popen(
            command(src, out),
            env=environment(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        time.sleep(delay)
        children = descendants(proc.pid)
        proc.send_signal(sig)
        _, err = proc.communicate(timeout=120)
        finished = proc.returncode == 0
        assert digest(src) == before, f"point {point}: the input changed"
        if out.exists():
            assert out.read_bytes() == expected, f"point {point}: a partial or wrong output"
        if sig == signal.SIGINT and not finished:
            # -2: the signal came before Python set up its handler (nothing started yet)
            # or after it took it down at exit (the output is complete by then).
            assert proc.returncode in (130, -signal.SIGINT), err.decode()
            assert b"Traceback" not in err, err.decode()
            # Its own temporary file (earlier SIGKILLs may have left theirs: the next
            # run that gets as far as its output removes them, checked below).
            mine = f".out.csv.{proc.pid}."
            stray = [p.name for p in tmp_path.iterdir() if p.name.startswith(mine)]
            assert not stray, f"point {point}: SIGINT left {stray}: {err.decode()}"
        assert not wait_gone(children), f"point {point}: worker processes outlived the run"
        name = "SIGINT" if sig == signal.SIGINT else "SIGKILL"
        outcome = f"{name}: " + (
            "run had finished" if finished else "stopped, output absent or old"
        )
        OUTCOMES[outcome] = OUTCOMES.get(outcome, 0) + 1
        if finished:
            scale *= 0.7
        if (point + 1) % RERUN_EVERY == 0:
            out.unlink(missing_ok=True)
            done = subprocess.run(
                command(src, out), env=environment(), capture_output=True, timeout=300
            )
            assert done.returncode == 0, done.stderr.decode()
            assert out.read_bytes() == expected
            assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv", "out.csv"]
    assert sum(OUTCOMES.values()) == KILL_POINTS
    stopped = sum(v for k, v in OUTCOMES.items() if "stopped" in k)
    assert stopped >= KILL_POINTS // 2, OUTCOMES  # most points fall inside the run
    for outcome, count in sorted(OUTCOMES.items()):
        print(f"{count:3d}  {outcome}")
