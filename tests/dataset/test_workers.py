"""Names normalized in worker processes: the same output as in one process, and clean failures.

The reference for every output here is the single-process run of the same code
(``jobs=1``): the workers must change where the work is done, never its result.
"""

from __future__ import annotations

import csv
import io
import json
import os
import pickle
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.dataset.fakes import (
    CountingNormalizer,
    DyingNormalizer,
    FailingNormalizer,
    StarvedSpareNormalizer,
)
from translit.dataset import csvio, offload, pipeline
from translit.dataset.columns import normalize_columns
from translit.dataset.normalizer import DefaultNormalizer, default_normalizer
from translit.dataset.offload import WorkerError, WorkerPool, worker_count
from translit.dataset.runner import normalize_files
from translit.dataset.worker import portable, read_frame, serve, write_frame
from translit.errors import InputDataError

pa = pytest.importorskip("pyarrow")

ROOT = Path(__file__).resolve().parents[2]

NAMES = [
    "Токаев Касым-Жомарт",
    "Tokayev",
    "Нұрсұлтан Назарбаев",
    "Ivan Petrov",
    "ИВАНОВ Пётр",
    "Жақсылық Үмбетов",
    "Zhaqsylyq Umbetov",
    "Алматы",
    "Solov’yëv Richard",
    "Qasym-Jomart Toqaev",
    "a" * 500,
    "   ",
    "",
]
"""Cyrillic and Latin spellings, a gazetteer entry, a user gazetteer entry, blanks."""

USER_GAZETTEER = (
    '{"id": "test-person-umbetov", "type": "person", "kk": "Жақсылық Үмбетов", '
    '"ru": "Жаксылык Умбетов", "en": "Zhaksylyk Umbetov", "also": ["Zhaqsylyq Umbetov"]}\n'
)


def mixed_csv(path: Path, rows: int = 600) -> Path:
    """Rows of :data:`NAMES` and numbered names, with quoted commas and line breaks."""
    with open(path, "w", encoding="utf-8", newline="") as f:
        out = csv.writer(f)
        out.writerow(["id", "name", "note"])
        for i in range(rows):
            name = NAMES[i % len(NAMES)] if i % 3 else f"Имя{i % 97} Фамилия{i % 89}"
            note = "a, b" if i % 5 == 0 else ("line\nbreak" if i % 7 == 0 else "007")
            out.writerow([f"{i:05d}", name if i % 11 else None, note])
    return path


@pytest.fixture
def small_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    """Many batches, slices and chunks, so that order across all of them is tested."""
    monkeypatch.setattr(csvio, "DEFAULT_BLOCK_SIZE", 4096)
    monkeypatch.setattr(pipeline, "PIECE_ROWS", 50)
    monkeypatch.setattr(pipeline, "LOOKUP_BYTES", 8192)
    monkeypatch.setattr(offload, "CHUNK", 7)


def run(src: Path, out: Path, jobs: int, **options: object) -> bytes:
    normalize_files([str(src)], ["name"], output=str(out), jobs=jobs, **options)  # type: ignore[arg-type]
    return out.read_bytes()


# -- the same output --------------------------------------------------------------------


@pytest.mark.usefixtures("small_pieces")
@pytest.mark.parametrize("jobs", [2, 3])
def test_workers_write_the_same_bytes_as_one_process(tmp_path: Path, jobs: int) -> None:
    src = mixed_csv(tmp_path / "in.csv")
    alone = run(src, tmp_path / "one.csv", jobs=1)
    shared = run(src, tmp_path / "many.csv", jobs=jobs)
    assert shared == alone
    rows = list(csv.DictReader(io.StringIO(alone.decode())))
    assert len(rows) == 600
    assert rows[5]["note"] == "a, b" and rows[7]["note"] == "line\nbreak"


@pytest.mark.usefixtures("small_pieces")
@pytest.mark.parametrize("fmt", ["tsv", "parquet"])
def test_tsv_and_parquet_through_workers_match_one_process(tmp_path: Path, fmt: str) -> None:
    text = "id\tname\n" + "".join(
        f"{i}\t{NAMES[i % len(NAMES)] or 'x'}\n" for i in range(300) if NAMES[i % len(NAMES)]
    )
    src = tmp_path / f"in.{fmt}"
    if fmt == "tsv":
        src.write_text(text, encoding="utf-8")
    else:
        import pyarrow.csv as pcsv
        import pyarrow.parquet as pq

        table = pcsv.read_csv(
            io.BytesIO(text.encode()),
            parse_options=pcsv.ParseOptions(delimiter="\t"),
            convert_options=pcsv.ConvertOptions(column_types={"name": pa.string()}),
        )
        pq.write_table(table, src)
    alone = run(src, tmp_path / f"one.{fmt}", jobs=1)
    shared = run(src, tmp_path / f"many.{fmt}", jobs=2)
    if fmt == "parquet":
        import pyarrow.parquet as pq

        assert pq.read_table(tmp_path / "many.parquet").equals(
            pq.read_table(tmp_path / "one.parquet")
        )
    else:
        assert shared == alone


@pytest.mark.usefixtures("small_pieces")
def test_style_and_user_gazetteer_reach_the_workers(tmp_path: Path) -> None:
    gazetteer = tmp_path / "mine.jsonl"
    gazetteer.write_text(USER_GAZETTEER, encoding="utf-8")
    src = mixed_csv(tmp_path / "in.csv", rows=120)
    options = {"style": "iso9", "gazetteer": [str(gazetteer)]}
    alone = run(src, tmp_path / "one.csv", jobs=1, **options)
    shared = run(src, tmp_path / "many.csv", jobs=2, **options)
    plain = run(src, tmp_path / "plain.csv", jobs=2)
    assert shared == alone
    assert b"test-person-umbetov" in shared and b"test-person-umbetov" not in plain
    assert shared != plain  # the style changed the Cyrillic names' renderings


def test_several_files_share_the_workers(tmp_path: Path) -> None:
    one = mixed_csv(tmp_path / "a.csv", rows=50)
    two = mixed_csv(tmp_path / "b.csv", rows=80)
    outs = {}
    for jobs in (1, 2):
        folder = tmp_path / f"out{jobs}"
        folder.mkdir()
        reports = normalize_files([str(one), str(two)], ["name"], output=str(folder), jobs=jobs)
        assert [r.rows for r in reports] == [50, 80]
        outs[jobs] = [(folder / n).read_bytes() for n in ("a.csv", "b.csv")]
    assert outs[1] == outs[2]


# -- the pool itself ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def pool() -> Iterator[WorkerPool]:
    with WorkerPool(DefaultNormalizer(), workers=1, spares=1, chunk=5) as workers:
        workers.reader_idle(True)  # let the spare work too: it takes chunks from the back
        yield workers


@settings(max_examples=25, deadline=None)
@given(
    st.lists(st.lists(st.sampled_from([*NAMES, "Мария", "Maria", "Бекзат"]), max_size=23)),
    st.lists(st.integers(1, 30), min_size=1),
)
def test_values_come_back_in_the_order_submitted(
    pool: WorkerPool, submits: list[list[str]], takes: list[int]
) -> None:
    # Everything is drawn before the pool is used: an example cut short by hypothesis
    # would leave names in the shared pool.
    names = [n for batch in submits for n in batch]
    for batch in submits:
        pool.submit(batch)
    got: list[list[str | None]] = [[], [], [], []]
    left, turn = len(names), 0
    while left:
        count = min(takes[turn % len(takes)], left)
        for column, values in zip(got, pool.take(count), strict=True):
            column.extend(values)
        left, turn = left - count, turn + 1
    assert got == normalize_columns(default_normalizer(), names)


def test_an_error_in_the_normalizer_comes_back_as_it_was_raised(tmp_path: Path) -> None:
    with WorkerPool(DefaultNormalizer(style="no-such-style"), chunk=2) as workers:
        workers.submit(["Иван", "Петров", "Алма"])
        with pytest.raises(Exception) as raised:
            workers.take(3)
    with pytest.raises(Exception) as alone:
        normalize_columns(DefaultNormalizer(style="no-such-style"), ["Иван"])
    assert type(raised.value) is type(alone.value)
    assert str(raised.value) == str(alone.value)


def test_a_plain_exception_becomes_a_worker_error_at_the_chunk_that_raised() -> None:
    with WorkerPool(FailingNormalizer(), chunk=2) as workers:
        workers.submit(["Иван", "Петров", "boom", "Алма"])
        assert workers.take(2)[0] == ["Ivan", "Petrov"]  # the chunk before is fine
        with pytest.raises(WorkerError, match="ValueError: cannot normalize 'boom'"):
            workers.take(2)


def test_a_killed_worker_is_an_error_not_a_hang() -> None:
    outcome: list[BaseException] = []

    def take() -> None:
        with WorkerPool(DyingNormalizer(), chunk=2) as workers:
            workers.submit(["Иван", "die", "Алма"])
            try:
                workers.take(3)
            except WorkerError as exc:
                outcome.append(exc)

    thread = threading.Thread(target=take, daemon=True)
    thread.start()
    thread.join(60)
    assert not thread.is_alive(), "waiting on a dead worker hangs"
    assert outcome and "stopped unexpectedly" in str(outcome[0])
    assert "exit status -9" in str(outcome[0])


@pytest.mark.skipif(not hasattr(os, "nice"), reason="spares run niced where there is nice")
def test_a_worker_redoes_what_a_starved_spare_holds(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(offload, "COPY_AFTER", 0.3)
    names = [f"Имя{i} Фамилия{i % 7}" for i in range(40)]
    started = time.monotonic()
    with WorkerPool(StarvedSpareNormalizer(), workers=1, spares=1, chunk=4) as workers:
        workers.reader_idle(True)
        workers.submit(names)
        got = workers.take(len(names))
        spare = workers._workers[1]._process
    assert time.monotonic() - started < 20  # not the spare's 30 s
    assert got == normalize_columns(default_normalizer(), names)
    assert spare.poll() is not None  # killed at close, although at work


def test_closing_ends_the_worker_processes() -> None:
    workers = WorkerPool(DefaultNormalizer(), workers=1, spares=1)
    assert len(workers._workers) == 1  # the spare starts with the first names
    workers.submit(["Иван"] * 50)
    processes = [w._process for w in workers._workers]
    assert len(processes) == 2
    workers.close()
    assert all(p.poll() is not None for p in processes)


# -- through the command line's function --------------------------------------------------


def test_worker_errors_are_the_same_one_line_errors(tmp_path: Path) -> None:
    src = mixed_csv(tmp_path / "in.csv", rows=20)
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n", encoding="utf-8")
    messages = []
    for jobs in (1, 2):
        with pytest.raises(InputDataError) as raised:
            normalize_files(
                [str(src)],
                ["name"],
                output=str(tmp_path / "o.csv"),
                gazetteer=[str(bad)],
                jobs=jobs,
            )
        messages.append(str(raised.value))
        assert not (tmp_path / "o.csv").exists()
    assert messages[0] == messages[1]
    assert "\n" not in messages[0] and "invalid JSON" in messages[0]


@pytest.mark.skipif(not hasattr(os, "mkfifo") or sys.platform == "win32", reason="POSIX only")
def test_ctrl_c_stops_the_command_and_its_workers(tmp_path: Path) -> None:
    psutil = pytest.importorskip("psutil")
    fifo = tmp_path / "in.csv"
    os.mkfifo(fifo)
    env = {**os.environ, "TRANSLIT_JOBS": "2", "HF_HUB_OFFLINE": "1"}
    command = [sys.executable, str(ROOT / "cli.py"), "normalize", str(fifo), "-c", "name"]
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    with open(fifo, "w", encoding="utf-8") as feed:
        feed.write("id,name\n" + "".join(f"{i},Имя{i}\n" for i in range(2000)))
        feed.flush()
        deadline = time.monotonic() + 30
        workers: list[object] = []
        while not workers and time.monotonic() < deadline:
            workers = psutil.Process(process.pid).children()
            time.sleep(0.05)
        assert workers, "the worker did not start"  # (the spare waits for the first names)
        process.send_signal(signal.SIGINT)  # the terminal signals its process group;
        for worker in workers:  # the workers ignore it: their parent ends them
            worker.send_signal(signal.SIGINT)  # type: ignore[attr-defined]
        time.sleep(0.2)
    # The program feeding the pipe got the signal too, and stopped: end of input.
    _, err = process.communicate(timeout=30)
    assert process.returncode == 130
    assert "interrupted" in err.decode()
    _gone, alive = psutil.wait_procs(workers, timeout=10)
    assert not alive


# -- pieces --------------------------------------------------------------------------------


def test_worker_count_follows_jobs_the_environment_and_the_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    small = tmp_path / "small.csv"
    small.write_text("name\nx\n")
    big = tmp_path / "big.csv"
    with open(big, "wb") as f:
        f.truncate(offload.MIN_BYTES)
    default = DefaultNormalizer()
    monkeypatch.delenv(offload.JOBS_ENV, raising=False)
    monkeypatch.setattr(offload, "_cores", lambda: 2)
    assert worker_count([str(small)], None, default, None) == 0
    assert worker_count([str(big)], None, default, None) == 1
    assert worker_count([str(big)], "jsonl", default, None) == 0
    assert worker_count(["-"], None, default, None) == 0
    assert worker_count([str(small)], None, default, 3) == 2
    assert worker_count([str(big)], None, default, 1) == 0
    assert worker_count([str(big)], None, CountingNormalizer(), 4) == 0  # the caller's own
    monkeypatch.setattr(offload, "_cores", lambda: 16)
    assert worker_count([str(big)], None, default, None) == offload.MAX_JOBS - 1
    monkeypatch.setattr(offload, "_cores", lambda: 1)
    assert worker_count([str(big)], None, default, None) == 0
    monkeypatch.setenv(offload.JOBS_ENV, "1")
    monkeypatch.setattr(offload, "_cores", lambda: 2)
    assert worker_count([str(big)], None, default, None) == 0
    monkeypatch.setenv(offload.JOBS_ENV, "3")
    assert worker_count([str(small)], None, default, None) == 2


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(st.text(), st.lists(st.text(max_size=40)), st.binary())))
def test_frames_carry_any_value_back_unchanged(values: list[object]) -> None:
    stream = io.BytesIO()
    for value in values:
        write_frame(stream, value)
    stream.seek(0)
    assert [read_frame(stream) for _ in values] == values
    with pytest.raises(EOFError):
        read_frame(stream)


def test_a_frame_cut_short_is_the_end_of_the_stream() -> None:
    stream = io.BytesIO()
    write_frame(stream, ["Иван\nПетров", "a\x00b"])
    stream = io.BytesIO(stream.getvalue()[:-3])
    with pytest.raises(EOFError, match="inside a frame"):
        read_frame(stream)


def test_serve_answers_each_frame_of_names_in_turn() -> None:
    requests = io.BytesIO()
    for value in (CountingNormalizer(), ["Tokayev", " "], [], ["almaty"]):
        write_frame(requests, value)
    requests.seek(0)
    replies = io.BytesIO()
    serve(requests, replies)
    replies.seek(0)
    first, second, third = (read_frame(replies) for _ in range(3))
    assert first == (
        "ok",
        [["Tokayev", None], ["tokayev", None], ["Q1", None], ["gazetteer", None]],
    )
    assert second == ("ok", [[], [], [], []])
    assert third[1][2] == ["Q2"]


def test_exceptions_that_do_not_pickle_become_plain_errors() -> None:
    class Local(Exception):  # a class pickle cannot find again
        pass

    kept = InputDataError("bad row")
    assert portable(kept) is kept
    plain = portable(Local("odd"))
    assert type(plain) is RuntimeError and str(plain) == "Local: odd"
    pickle.dumps(plain)


def test_the_default_normalizer_pickles_small_and_normalizes_like_translit() -> None:
    import translit

    chosen = default_normalizer("iso9", [Path("a.jsonl")])
    assert chosen == DefaultNormalizer("iso9", ("a.jsonl",))
    assert len(pickle.dumps(chosen)) < 200
    names = ["Нұрсұлтан Назарбаев", "Ivan Petrov"]
    got = [(r.output, r.key) for r in default_normalizer()(names)]
    assert got == [(r.output, r.key) for r in translit.normalize_many(names)]  # type: ignore[attr-defined]


def test_json_lines_through_a_worker_match_one_process(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    records = [{"id": i, "name": NAMES[i % len(NAMES)] if i % 4 else None} for i in range(80)]
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
    alone = run(src, tmp_path / "one.jsonl", jobs=1)
    shared = run(src, tmp_path / "many.jsonl", jobs=2)
    assert shared == alone and alone.count(b"\n") == 80
