"""A full disk: every output format gets one line on standard error, exit 1, nothing left.

Two ways to fill the disk: a 256 KiB tmpfs mounted for the test (needs root, as CI
runs; skipped where mounting is not allowed), and ``RLIMIT_FSIZE`` (writes past
the limit fail with EFBIG), which needs nothing. The CLI runs in a real process.
"""

from __future__ import annotations

import contextlib
import os
import resource
import signal
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

import cli

pytest.importorskip("pyarrow")
pytest.importorskip("openpyxl")

CLI_DIR = str(Path(cli.__file__).resolve().parent)
ROWS = 20_000
SIZE = "256k"
FSIZE = 200_000


def write_input(path: Path, rows: int = ROWS) -> None:
    """Rows with a random id each (so that compressed outputs are big too)."""
    with open(path, "w", encoding="utf-8") as f:
        f.write("id,name\n")
        for i in range(rows):
            f.write(
                f"{uuid.UUID(int=i * 2654435761 % (1 << 128)).hex}{os.urandom(8).hex()},"
                f"Тоқаев Қасым{i % 50}\n"
            )


@contextlib.contextmanager
def tmpfs(where: Path) -> Iterator[Path]:
    where.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={SIZE}", "tmpfs", str(where)],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", str(where)], check=False)


def limit_file_size() -> None:  # in the child, before exec
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (FSIZE, FSIZE))


def translit(args: list[str], *, limited: bool) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-c", "import cli\ncli.run()", *args],
        env={**os.environ, "PYTHONPATH": CLI_DIR, "HF_HUB_OFFLINE": "1"},
        capture_output=True,
        preexec_fn=limit_file_size if limited else None,
        timeout=300,
        check=False,
    )


def one_line(stderr: bytes) -> str:
    text = stderr.decode()
    assert "Traceback" not in text, text
    lines = text.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("translit: error: "), text
    return lines[0]


OUTPUTS = ["out.csv", "out.tsv", "out.jsonl", "out.parquet", "out.xlsx", "out.csv.gz"]


@pytest.mark.parametrize("how", ["tmpfs", "fsize"])
@pytest.mark.parametrize("name", OUTPUTS)
def test_full_disk_for_every_output_format(tmp_path: Path, how: str, name: str) -> None:
    src = tmp_path / "in.csv"
    write_input(src)
    with contextlib.ExitStack() as stack:
        if how == "tmpfs":
            folder = stack.enter_context(tmpfs(tmp_path / f"disk-{uuid.uuid4().hex[:6]}"))
        else:
            folder = tmp_path / "out"
            folder.mkdir()
        target = folder / name
        done = translit(
            ["normalize", str(src), "-c", "name", "-o", str(target)], limited=how == "fsize"
        )
        assert done.returncode == 1, done.stderr.decode()
        line = one_line(done.stderr)
        assert "No space left" in line or "too large" in line, line
        assert list(folder.iterdir()) == [], "a partial output or temporary file was left"


@pytest.mark.parametrize("how", ["tmpfs", "fsize"])
def test_full_disk_in_place_keeps_the_input(tmp_path: Path, how: str) -> None:
    with contextlib.ExitStack() as stack:
        if how == "tmpfs":
            folder = stack.enter_context(tmpfs(tmp_path / "disk"))
        else:
            folder = tmp_path
        src = folder / "in.csv"
        write_input(src, 2500 if how == "tmpfs" else 2000)  # ~60-70 KB: fits, twice not
        before = src.read_bytes()
        done = translit(["normalize", str(src), "-c", "name", "--in-place"], limited=how == "fsize")
        if how == "fsize":
            # Files below the limit can be written: the input itself fits, and so does
            # its output; the point here is the tmpfs case, where space runs out.
            assert done.returncode in (0, 1)
        else:
            assert done.returncode == 1, done.stderr.decode()
            one_line(done.stderr)
            assert src.read_bytes() == before
            assert sorted(p.name for p in folder.iterdir()) == ["in.csv"]


@pytest.mark.parametrize("what", ["names", "text"])
def test_full_disk_for_names_and_text_output(tmp_path: Path, what: str) -> None:
    src = tmp_path / "in.txt"
    src.write_text("Tokayev met Nursultan Nazarbayev in Alma-Ata.\n" * 8000, encoding="utf-8")
    out = tmp_path / "out" / "result.txt"
    out.parent.mkdir()
    if what == "text":
        args = ["normalize", "--text", str(src), "-o", str(out)]
    else:
        args = ["normalize", *(["Tokayev"] * 40_000), "-o", str(out)]
    done = translit(args, limited=True)
    assert done.returncode == 1, done.stderr.decode()
    one_line(done.stderr)
    assert list(out.parent.iterdir()) == []
