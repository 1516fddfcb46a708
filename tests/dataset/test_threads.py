"""The threaded pipeline: read ahead, normalize in slices, write behind; order and errors kept."""

from __future__ import annotations

import csv
import io
import itertools
import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.dataset.fakes import CountingNormalizer, fake_result
from translit.dataset import csvio, pipeline
from translit.dataset.background import BackgroundWriter
from translit.dataset.batches import Batch, Located, add_columns
from translit.dataset.columns import NameCache
from translit.dataset.pipeline import normalize_file
from translit.dataset.prefetch import Prefetch

pa = pytest.importorskip("pyarrow")


# -- Prefetch -------------------------------------------------------------------------


def test_prefetch_keeps_order_within_its_budget() -> None:
    held: list[int] = []
    produced: list[int] = []

    def items() -> Iterator[int]:
        for i in range(50):
            produced.append(i)
            yield i

    with Prefetch(items(), budget=3, weigh=lambda i: 1) as ahead:
        for i in ahead:
            held.append(len(produced) - i)  # items produced beyond the one taken
    assert held and max(held) <= 5  # budget 3, plus one waiting for room and one taken
    assert produced == list(range(50))


def test_prefetch_raises_after_the_items_before_the_error() -> None:
    def items() -> Iterator[int]:
        yield 1
        yield 2
        raise ValueError("bad row")

    got: list[int] = []
    with pytest.raises(ValueError, match="bad row"), Prefetch(items()) as ahead:
        got.extend(ahead)
    assert got == [1, 2]


def test_prefetch_stopped_early_closes_the_iterator() -> None:
    closed = threading.Event()

    def items() -> Iterator[int]:
        try:
            i = 0
            while True:
                yield i
                i += 1
        finally:
            closed.set()

    with Prefetch(items(), budget=2) as ahead:
        assert next(iter(ahead)) == 0
    assert closed.is_set()


# -- BackgroundWriter --------------------------------------------------------------------


class ListWriter:
    def __init__(self, fail_at: int | None = None) -> None:
        self.items: list[object] = []
        self.fail_at = fail_at

    def write(self, batch: Batch) -> None:
        if len(self.items) == self.fail_at:
            raise OSError("disk full")
        self.items.append(batch)

    def close(self, columns: list[str] | None = None) -> None:
        pass


def test_background_writer_writes_in_order_and_calls_makers() -> None:
    inner = ListWriter()
    writer = BackgroundWriter(inner, depth=2)  # type: ignore[arg-type]
    for i in range(20):
        writer.write((lambda i=i: i) if i % 2 else i)  # type: ignore[arg-type]
    writer.finish()
    assert inner.items == list(range(20))
    writer.stop()  # after finish: nothing left to do


def test_background_writer_error_reaches_the_caller() -> None:
    writer = BackgroundWriter(ListWriter(fail_at=3))  # type: ignore[arg-type]
    with pytest.raises(OSError, match="disk full"):
        for i in range(100):
            writer.write(i)  # type: ignore[arg-type]
        writer.finish()
    writer.stop()


# -- slices of a batch ------------------------------------------------------------------

NAMES = st.lists(st.one_of(st.none(), st.sampled_from(["a", "b", "c", "d", " ", "Tokayev"])))


@settings(max_examples=80, deadline=None)
@given(NAMES, NAMES, st.integers(1, 7))
def test_slices_need_only_their_names_and_add_up_to_the_batch(
    before: list[str | None], names: list[str | None], size: int
) -> None:
    counting = CountingNormalizer()
    cache = NameCache(counting)
    cache.map_array(pa.array(before, pa.string()))  # names known from an earlier batch
    batch = pa.record_batch([pa.array(names, pa.string())], names=["name"])
    located = Located.of(batch, ["name"], cache)
    built = []
    for piece in located.pieces(size):
        assert piece.batch.num_rows <= size
        assert piece.upto <= located.upto
        outputs = cache.resolve(piece.upto)
        assert len(cache) == max(piece.upto, len(cache))
        built.append(piece.build(outputs))
    whole = pa.Table.from_batches(built, schema=built[0].schema) if built else None
    expected = add_columns(batch, ["name"], NameCache(CountingNormalizer()))
    if whole is not None:
        assert whole.to_pylist() == pa.Table.from_batches([expected]).to_pylist()
    seen = counting.seen
    assert len(seen) == len(set(seen))  # each name once


def test_the_first_slice_waits_only_for_its_own_names() -> None:
    cache = NameCache(CountingNormalizer())
    names = [f"n{i}" for i in range(100)]
    located = Located.of(pa.record_batch([pa.array(names)], names=["name"]), ["name"], cache)
    first = next(located.pieces(10))
    assert first.upto == 10
    assert located.upto == 100


# -- the whole pipeline ---------------------------------------------------------------


def many_batches(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rows: int = 3000) -> Path:
    monkeypatch.setattr(csvio, "DEFAULT_BLOCK_SIZE", 2048)
    monkeypatch.setattr(pipeline, "PIECE_ROWS", 37)
    monkeypatch.setattr(pipeline, "PREFETCH_BYTES", 4096)
    src = tmp_path / "in.csv"
    src.write_text("i,name\n" + "".join(f"{i},name {i % 211}\n" for i in range(rows)))
    return src


def test_threaded_run_keeps_every_row_in_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = many_batches(tmp_path, monkeypatch)
    out = io.BytesIO()
    counting = CountingNormalizer()
    report = normalize_file(str(src), None, ["name"], NameCache(counting), stdout=out)
    assert report.rows == 3000
    got = list(csv.DictReader(io.StringIO(out.getvalue().decode())))
    assert [r["i"] for r in got] == [str(i) for i in range(3000)]
    assert [r["name_normalized"] for r in got] == [
        fake_result(f"name {i % 211}").output for i in range(3000)
    ]
    assert len(counting.batches) > 3  # normalized slice by slice
    assert sorted(counting.seen) == sorted({f"name {i % 211}" for i in range(3000)})


def test_a_failure_part_way_stops_every_thread_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class FailsLater(CountingNormalizer):
        def __call__(self, names: object) -> list[object]:  # type: ignore[override]
            if len(self.batches) == 2:
                raise RuntimeError("boom")
            return super().__call__(names)  # type: ignore[arg-type,return-value]

    src = many_batches(tmp_path, monkeypatch)
    before = threading.active_count()
    target = tmp_path / "out.csv"
    with pytest.raises(RuntimeError, match="boom"):
        normalize_file(str(src), str(target), ["name"], NameCache(FailsLater()))
    assert not target.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv"]
    assert threading.active_count() == before


def test_progress_reaches_the_end_of_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    src = many_batches(tmp_path, monkeypatch)
    normalize_file(
        str(src),
        None,
        ["name"],
        NameCache(CountingNormalizer()),
        stdout=io.BytesIO(),
        progress=True,
    )
    bar = capsys.readouterr().err
    assert "100%" in bar.split("\r")[-1]
    assert "3.0k rows" in bar.split("\r")[-1]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_is_read_once(tmp_path: Path) -> None:
    fifo = tmp_path / "in.csv"
    os.mkfifo(fifo)
    text = "i,name\n" + "".join(f"{i},n{i % 7}\n" for i in range(500))

    def feed() -> None:
        with open(fifo, "w") as f:
            f.write(text)

    feeder = threading.Thread(target=feed, daemon=True)
    feeder.start()
    out = io.BytesIO()
    reports = []
    cache = NameCache(CountingNormalizer())
    worker = threading.Thread(
        target=lambda: reports.append(normalize_file(str(fifo), None, ["name"], cache, stdout=out)),
        daemon=True,
    )
    worker.start()
    worker.join(timeout=60)
    assert not worker.is_alive(), "reading a named pipe hangs"
    assert reports[0].rows == 500
    assert out.getvalue().decode().splitlines()[1] == "0,n0,N0,n0,,unchanged"


def test_stopping_does_not_wait_for_a_stuck_read_or_write() -> None:
    release = threading.Event()

    def stuck() -> Iterator[int]:
        yield 1
        release.wait()  # a pipe that sends nothing more
        yield 2

    ahead = Prefetch(stuck())
    assert next(iter(ahead)) == 1
    ahead.stop(timeout=0.2)  # returns although the read goes on

    class StuckWriter(ListWriter):
        def write(self, batch: Batch) -> None:
            release.wait()  # a pipe nobody reads

    writer = BackgroundWriter(StuckWriter(), depth=1)  # type: ignore[arg-type]
    writer.write(1)  # type: ignore[arg-type]  # taken, and stuck
    writer.write(2)  # type: ignore[arg-type]  # queued
    writer.stop(timeout=0.2)
    release.set()


# -- making and encoding on several threads ----------------------------------------------


class EncodingWriter(ListWriter):
    """Encodes on any thread (slowly, in reverse order of arrival) and writes in order."""

    def __init__(self, fail_at: int | None = None) -> None:
        super().__init__(fail_at)
        self.threads: set[str] = set()

    def encode(self, batch: Batch) -> tuple[object, str]:
        self.threads.add(threading.current_thread().name)
        if batch == self.fail_at:
            raise ValueError("cannot encode")
        time.sleep(0.002 * (batch % 3))  # type: ignore[operator]
        return (batch, "encoded")

    def write_encoded(self, encoded: tuple[object, str]) -> None:
        self.items.append(encoded)


def test_makers_encode_on_several_threads_and_write_in_order() -> None:
    inner = EncodingWriter()
    writer = BackgroundWriter(inner, depth=3, makers=2)  # type: ignore[arg-type]
    for i in range(30):
        writer.write((lambda i=i: i) if i % 2 else i)  # type: ignore[arg-type]
    writer.finish()
    assert inner.items == [(i, "encoded") for i in range(30)]
    assert len(inner.threads) == 2
    assert all(t.startswith("translit-maker") for t in inner.threads)


def test_an_encoding_error_reaches_the_caller_and_stop_drops_the_rest() -> None:
    inner = EncodingWriter(fail_at=4)
    writer = BackgroundWriter(inner, depth=2, makers=2)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="cannot encode"):
        for i in range(100):
            writer.write(i)  # type: ignore[arg-type]
        writer.finish()
    writer.stop()
    assert [item for item, _ in inner.items] == list(range(len(inner.items)))
    assert len(inner.items) <= 4


def test_a_writer_without_encode_is_written_on_one_thread() -> None:
    inner = ListWriter()
    writer = BackgroundWriter(inner, depth=2, makers=2)  # type: ignore[arg-type]
    for i in range(10):
        writer.write(i)  # type: ignore[arg-type]
    writer.finish()
    assert inner.items == list(range(10))


# -- the reader says when it is idle ----------------------------------------------------


def test_prefetch_reports_waiting_for_room_and_the_end() -> None:
    events: list[tuple[bool, int]] = []
    produced: list[int] = []

    def items() -> Iterator[int]:
        for i in range(6):
            produced.append(i)
            yield i

    ahead = Prefetch(items(), budget=2, on_idle=lambda idle: events.append((idle, len(produced))))
    deadline = time.monotonic() + 10
    while not events and time.monotonic() < deadline:
        time.sleep(0.01)
    assert events == [(True, 3)]  # two held, the third waits for room
    got = list(ahead)
    ahead.stop()
    assert got == list(range(6))
    assert events[-1] == (True, 6)  # the end: idle for good
    assert all(a != b for (a, _), (b, _) in itertools.pairwise(events))


# -- batches looked up together ----------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(st.lists(NAMES, min_size=1, max_size=5))
def test_a_group_is_looked_up_as_each_batch_alone_would_be(
    columns: list[list[str | None]],
) -> None:
    batches = [pa.record_batch([pa.array(c, pa.string())], names=["name"]) for c in columns]
    together, alone = NameCache(CountingNormalizer()), NameCache(CountingNormalizer())
    grouped = Located.group(batches, ["name"], together)
    single = [Located.of(b, ["name"], alone) for b in batches]
    for g, s in zip(grouped, single, strict=True):
        assert g.batch.equals(s.batch)
        assert g.positions["name"].equals(s.positions["name"])
        highest = [p for p in s.positions["name"].to_pylist() if p is not None]
        assert g.upto == (max(highest) + 1 if highest else 0)
    assert together._names == alone._names
