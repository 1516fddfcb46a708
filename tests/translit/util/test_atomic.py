"""Atomic writes and the temporary files that a killed run leaves (translit._util.atomic)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from translit._util.atomic import (
    atomic_output,
    atomic_write_text,
    remove_stale,
    same_file,
    temp_beside,
)


def dead_pid() -> int:
    """The PID of a process that has exited (and been reaped)."""
    done = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        check=True,
        capture_output=True,
        text=True,
    )
    pid = int(done.stdout)
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
    return pid


def leftovers(tmp_path: Path) -> dict[str, Path]:
    """A killed run's temporary file, a running one's, and other files that look alike."""
    files = {
        "dead": tmp_path / f".out.csv.{dead_pid()}.k2j3.part",
        "alive": tmp_path / f".out.csv.{os.getpid()}.x9z8.part",
        "other target": tmp_path / f".other.csv.{dead_pid()}.a1.part",
        "not ours": tmp_path / ".out.csv.notes.part",
        "user file": tmp_path / "out.csv.part",
    }
    for path in files.values():
        path.write_bytes(b"partial")
    return files


def test_remove_stale_only_removes_dead_runs_temporary_files(tmp_path: Path) -> None:
    files = leftovers(tmp_path)
    assert remove_stale(tmp_path / "out.csv") == [files["dead"]]
    assert {p.name for p in tmp_path.iterdir()} == {p.name for k, p in files.items() if k != "dead"}


@pytest.mark.parametrize("writer", ["atomic_output", "atomic_write_text"])
def test_next_write_to_the_same_target_cleans_up(tmp_path: Path, writer: str) -> None:
    files = leftovers(tmp_path)
    target = tmp_path / "out.csv"
    if writer == "atomic_output":
        with atomic_output(target) as pending:
            pending.stream.write(b"a,b\n")
    else:
        atomic_write_text(target, "a,b\n")
    assert target.read_text() == "a,b\n"
    assert not files["dead"].exists()
    assert files["alive"].exists() and files["other target"].exists()


def test_temporary_name_carries_the_pid(tmp_path: Path) -> None:
    fd, temp = temp_beside(tmp_path / "x.parquet")
    os.close(fd)
    assert temp.name.startswith(f".x.parquet.{os.getpid()}.") and temp.name.endswith(".part")


def test_same_file(tmp_path: Path) -> None:
    a = tmp_path / "a"
    a.write_text("x")
    (tmp_path / "hard").hardlink_to(a)
    (tmp_path / "soft").symlink_to(a)
    assert same_file(a, tmp_path / "hard") and same_file(a, tmp_path / "soft")
    assert same_file(a, tmp_path / "." / "a")
    assert not same_file(a, tmp_path / "missing")
