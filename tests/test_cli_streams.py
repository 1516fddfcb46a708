"""Closed standard streams, broken pipes and bugs: one line on standard error, never a traceback.

Every command runs in a real process here (``cli.run``, the installed ``translit``
program's entry point), with its standard input or output closed, or with a reader
that goes away after the first line.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import cli

CLI_DIR = str(Path(cli.__file__).resolve().parent)
ROOT = Path(__file__).resolve().parents[1]
SAMPLE = str(ROOT / "data" / "samples" / "names.csv")


def translit(
    args: list[str],
    *,
    stdin: bytes = b"",
    close: str | None = None,
    env: dict[str, str] | None = None,
    prelude: str = "",
) -> subprocess.CompletedProcess[bytes]:
    """Run ``translit ARGS`` in a new process; ``close``: ``<&-`` or ``>&-`` (bash)."""
    argv = [sys.executable, "-c", f"import cli\n{prelude}\ncli.run()", *args]
    if close is not None:
        argv = ["bash", "-c", f'exec "$@" {close}', "_", *argv]
    environment = {**os.environ, "PYTHONPATH": CLI_DIR, "HF_HUB_OFFLINE": "1", **(env or {})}
    environment.pop("TRANSLIT_DEBUG", None)
    environment.update(env or {})
    return subprocess.run(
        argv, input=stdin, capture_output=True, env=environment, timeout=120, check=False
    )


def one_line(stderr: bytes) -> str:
    text = stderr.decode()
    assert "Traceback" not in text, text
    lines = text.strip().splitlines()
    assert len(lines) == 1, text
    assert lines[0].startswith("translit: error: ")
    return lines[0]


READERS = [
    ["romanize"],
    ["detect"],
    ["key"],
    ["normalize"],
    ["normalize", "-", "-c", "name"],
    ["normalize", "--text", "-"],
    ["cluster", "-", "-c", "name"],
    ["translate", "--model", "demo", "-q", "--no-cache"],
    ["variants"],
    ["match"],
]
"""Every command that reads standard input when given no arguments."""

WRITERS = [
    ["romanize", "Тоқаев"],
    ["romanize", "--reverse", "-s", "iso9", "Tokaev"],
    ["schemes"],
    ["detect", "Тоқаев"],
    ["key", "Тоқаев"],
    ["normalize", "Тоқаев"],
    ["normalize", SAMPLE, "-c", "name"],
    ["variants", "Тоқаев"],
    ["match", "Tokayev", "Тоқаев"],
    ["cluster", SAMPLE, "-c", "name"],
    ["models"],
    ["translate", "--model", "demo", "-q", "--no-cache", str(ROOT / "README.md")],
    ["--help"],
    ["--version"],
]
"""Every command, writing to standard output."""


@pytest.mark.parametrize("args", READERS, ids=" ".join)
def test_closed_standard_input(args: list[str]) -> None:
    done = translit(args, close="<&-")
    assert done.returncode == 1
    assert one_line(done.stderr) == "translit: error: standard input is closed"


@pytest.mark.parametrize("args", WRITERS, ids=" ".join)
def test_closed_standard_output(args: list[str]) -> None:
    done = translit(args, close=">&-")
    assert done.returncode == 1
    assert one_line(done.stderr) == "translit: error: standard output is closed"


@pytest.mark.parametrize(
    "args",
    [["romanize"], ["key"], ["detect"], ["normalize"], ["normalize", "-", "-c", "name"]],
    ids=" ".join,
)
def test_reader_that_goes_away(args: list[str], tmp_path: Path) -> None:
    """``translit ... | head -1``: exit 0, nothing on standard error."""
    source = tmp_path / "in.txt"
    source.write_bytes(b"name\n" + "Тоқаев Қасым\n".encode() * 200_000)
    argv = [sys.executable, "-c", "import cli\ncli.run()", *args]
    env = {**os.environ, "PYTHONPATH": CLI_DIR}
    with (
        open(source, "rb") as stdin,
        subprocess.Popen(
            argv, stdin=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
        ) as proc,
    ):
        assert proc.stdout is not None and proc.stderr is not None
        assert proc.stdout.readline()
        proc.stdout.close()
        err = proc.stderr.read()
        code = proc.wait(timeout=120)
    assert err == b""
    assert code == 0


BUG = "import translit\ndef boom(*a, **k):\n    raise ZeroDivisionError('boom')\n"


def test_a_bug_is_one_line_and_exit_1() -> None:
    done = translit(["romanize", "x"], prelude=BUG + "translit.romanize_many = boom")
    assert done.returncode == 1
    line = one_line(done.stderr)
    assert "ZeroDivisionError" in line and "boom" in line and "TRANSLIT_DEBUG=1" in line


def test_translit_debug_shows_the_traceback() -> None:
    done = translit(
        ["romanize", "x"],
        prelude=BUG + "translit.romanize_many = boom",
        env={"TRANSLIT_DEBUG": "1"},
    )
    assert done.returncode == 1
    assert b"Traceback" in done.stderr and b"ZeroDivisionError: boom" in done.stderr


def test_usage_error_in_a_real_process_exits_2() -> None:
    done = translit(["romanize", "--nope"])
    assert done.returncode == 2
    assert b"Traceback" not in done.stderr
