"""Progress measures work done, not bytes read ahead (issue 15, defect 8)."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from tests.dataset.fakes import CountingNormalizer
from translit.dataset import csvio, pipeline
from translit.dataset.columns import NameCache
from translit.dataset.pipeline import normalize_file
from translit.dataset.progress import RowProgress


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_share_follows_rows_done_not_bytes_read() -> None:
    meter = RowProgress("in.csv", 1000, enabled=True, stream=Tty(), interval=0)
    meter.read(1000, 1000)  # the reader has read the whole file ahead
    meter.update(100)
    assert meter.share() == pytest.approx(0.1)
    meter.update(900)
    assert meter.share() == pytest.approx(1.0)


def test_share_while_the_reader_is_half_way() -> None:
    meter = RowProgress("in.csv", 1000, enabled=True, stream=Tty(), interval=0)
    meter.read(400, 500)
    meter.update(200)
    assert meter.share() == pytest.approx(0.25)  # 1/2 read, 1/2 of that done


def test_first_frame_of_a_big_run_is_not_100_percent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(csvio, "DEFAULT_BLOCK_SIZE", 2048)
    monkeypatch.setattr(pipeline, "PIECE_ROWS", 37)
    frames: list[str] = []

    class Recording(Tty):
        def write(self, s: str) -> int:
            frames.extend(f for f in s.split("\r") if "%" in f)
            return len(s)

    monkeypatch.setattr("sys.stderr", Recording())
    src = tmp_path / "in.csv"
    src.write_text("i,name\n" + "".join(f"{i},name {i % 211}\n" for i in range(20_000)))
    normalize_file(str(src), None, ["name"], NameCache(CountingNormalizer()), stdout=io.BytesIO())
    shares = [int(m.group(1)) for f in frames if (m := re.search(r"(\d+)%", f))]
    assert shares[0] < 100
    assert shares[-1] == 100
    assert shares == sorted(shares)


def test_not_a_terminal_is_quiet_unless_asked() -> None:
    quiet = io.StringIO()
    meter = RowProgress("in.csv", 100, stream=quiet)
    meter.update(10, 100)
    meter.close()
    assert quiet.getvalue() == ""


def test_not_a_terminal_with_progress_gets_whole_lines() -> None:
    log = io.StringIO()
    meter = RowProgress("in.csv", 100, enabled=True, stream=log, log_interval=0)
    for _ in range(3):
        meter.update(10, 30)
    meter.close()
    lines = log.getvalue().splitlines(keepends=True)
    assert len(lines) == 4 and all(line.endswith("\n") for line in lines)
    assert "\r" not in log.getvalue() and "\x1b" not in log.getvalue()
    assert "30 rows" in lines[-1]


def test_not_a_terminal_logs_periodically() -> None:
    log = io.StringIO()
    meter = RowProgress("in.csv", 100, enabled=True, stream=log)  # every 30 s by default
    for _ in range(100):
        meter.update(1, 1)
    assert log.getvalue().count("\n") == 1  # the first update only
