"""Normalize new names in worker processes, ahead of the rows that need them.

:class:`WorkerPool` starts worker processes (this interpreter running
:func:`translit.dataset.worker.main`: fresh interpreters, no fork of a process whose
threads may hold locks) and feeds them the new names as soon as the reading thread
finds them, a chunk at a time; the values come back on threads of ours and are
taken in order. :func:`worker_count` decides
when that pays: files big enough to repay the start-up (about 0.2 s of another
core each), in formats read and written on threads of their own.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import threading
import time
from collections import deque
from collections.abc import Sequence
from pathlib import Path

from translit.dataset._types import ADDED_SUFFIXES
from translit.dataset.columns import Columns
from translit.dataset.formats import STDIO, DataFormat, input_format
from translit.dataset.normalizer import DefaultNormalizer
from translit.dataset.worker import read_frame, write_frame
from translit.errors import TranslitError

JOBS_ENV = "TRANSLIT_JOBS"
"""Environment variable: ``1`` keeps all the work in one process (as ``jobs=1``)."""

MIN_BYTES = 8 << 20
"""Input files from this size up get workers (when the machine has two cores or more).

Measured on two cores: the workers' start-up costs ~0.1 s when a file has few distinct
names, and they save a third of the time when it has many (a 4 MiB CSV, 82,000 rows
with 56,000 distinct names: 2.25 s alone, 1.55 s with workers)."""

MAX_JOBS = 4
"""Processes at most, by default (each worker holds its own caches: ~100 MB)."""

SPARES = 1
"""Spare workers: at the lowest priority, they normalize while the reading thread is idle
(this process's core is free then)."""

CHUNK = 2048
"""Names sent to a worker at a time: their values come back as soon as they are done."""

COPY_AFTER = 0.5
"""Seconds a spare may hold a chunk before an idle worker does it too (a chunk takes
~0.03 s at full speed: a spare that holds one this long gets no CPU)."""

IN_FLIGHT = 2
"""Chunks handed to a worker and not yet answered: one in work, one waiting."""

GRACE = 5.0
"""Seconds to wait for a worker process that stopped answering to exit."""

_OFFLOADED = frozenset({DataFormat.csv, DataFormat.tsv, DataFormat.parquet})


class WorkerError(TranslitError):
    """The worker process failed or stopped; the message says how."""


def worker_count(
    files: Sequence[str], fmt: str | None, normalizer: object, jobs: int | None
) -> int:
    """How many worker processes should normalize names (0: this process does).

    ``jobs``: cores to keep busy, this process's included; 1 = this process only,
    N >= 2 = N - 1 workers normalize while this process reads and writes (plus
    :data:`SPARES` spare workers that use this process's core while reading is
    idle). ``None``: the environment's ``TRANSLIT_JOBS``, else one job per core (at
    most :data:`MAX_JOBS`) when there are two cores or more and an input is a regular
    file of at least :data:`MIN_BYTES` in CSV, TSV or Parquet. Only
    :class:`~translit.dataset.normalizer.DefaultNormalizer` runs in workers: other
    normalizers are the caller's functions and may keep state.
    """
    if not isinstance(normalizer, DefaultNormalizer):
        return 0
    if jobs is None and os.environ.get(JOBS_ENV, "").strip():
        try:
            jobs = int(os.environ[JOBS_ENV])
        except ValueError:
            jobs = None
    if jobs is not None:
        return max(jobs - 1, 0)
    cores = _cores()
    if cores < 2 or not any(_big_file(name, fmt) for name in files):
        return 0
    return min(cores, MAX_JOBS) - 1


def _big_file(name: str, fmt: str | None) -> bool:
    if name == STDIO or input_format(name, fmt) not in _OFFLOADED:
        return False
    try:
        path = Path(name)
        return path.is_file() and path.stat().st_size >= MIN_BYTES
    except OSError:
        return False


def start_workers(
    files: Sequence[str], fmt: str | None, normalizer: object, jobs: int | None
) -> WorkerPool | None:
    """Workers running ``normalizer`` if :func:`worker_count` wants some and they start."""
    count = worker_count(files, fmt, normalizer, jobs)
    if count == 0 or not isinstance(normalizer, DefaultNormalizer):
        return None
    try:
        return WorkerPool(normalizer, count, SPARES)
    except OSError:  # no interpreter to start (an embedded Python): work here instead
        return None


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def worker_command(*, idle: bool = False) -> list[str]:
    """The command that starts a worker: this interpreter, with this process's module path.

    The same path, so that the worker imports the very modules this process did (the
    installed, compiled translit rather than a checkout in the current folder, say).
    ``idle``: the worker runs at the lowest priority (:func:`~.worker.main`).
    """
    boot = (
        f"import sys\nsys.path[:] = {sys.path!r}\n"
        f"from translit.dataset.worker import main\nmain(idle={idle!r})\n"
    )
    return [sys.executable, "-c", boot]


class WorkerPool:
    """Runs ``normalizer`` in worker processes over names submitted in order.

    :meth:`submit` returns at once (any thread) after cutting the names into chunks;
    each worker takes the next chunk when it has room (so a slow one takes fewer), and
    :meth:`take` returns values in the order the names were submitted. A failure in a
    worker (an exception, or the process dying) is raised by the :meth:`take` that
    needs the names it was working on. Use as a context manager, or call :meth:`close`.

    ``workers`` take chunks from the front, ``spares`` from the back and only while
    the reading thread is idle (:meth:`reader_idle`): they use the core that reading
    needs the rest of the time. Spares run at the lowest priority, so that on a busy
    machine they take CPU from no one; a chunk a spare holds for :data:`COPY_AFTER`
    seconds is done again by a worker with nothing else to do (the first values back
    are kept). Spares start with the first names submitted, so that their start-up
    does not slow down the first names' way to the workers.
    """

    def __init__(
        self,
        normalizer: DefaultNormalizer,
        workers: int = 1,
        spares: int = 0,
        *,
        chunk: int | None = None,
    ) -> None:
        self._chunk = CHUNK if chunk is None else chunk
        self._spare_time = False  # whether the spares may work (the reader is idle)
        self._cond = threading.Condition()
        self._pending: deque[tuple[int, list[str]]] = deque()  # chunks not sent yet
        self._submitted = 0  # chunks submitted
        self._done: dict[int, Columns] = {}  # values back, by chunk, not taken yet
        self._failed: dict[int, BaseException] = {}  # errors, by chunk
        self._next = 0  # the chunk take() reads next
        self._offset = 0  # names of that chunk already taken
        self._error: BaseException | None = None  # a worker is gone
        self._closing = False
        self._normalizer = normalizer
        self._spares_due = max(0, spares)  # spares not started yet
        self._lent: dict[int, tuple[float, list[str]]] = {}  # at spares: since, names
        self._copied: set[int] = set()  # lent chunks also given to a worker
        self._workers: list[_Worker] = []
        try:
            for _ in range(max(1, workers)):
                self._workers.append(_Worker(self, normalizer, spare=False))
        except BaseException:
            self.close()
            raise

    def submit(self, names: list[str]) -> None:
        """Queue ``names`` (the next ones to normalize)."""
        with self._cond:
            for start in range(0, len(names), self._chunk):
                self._pending.append((self._submitted, names[start : start + self._chunk]))
                self._submitted += 1
            self._cond.notify_all()
            start_spares = self._spares_due > 0 and not self._closing
            count, self._spares_due = self._spares_due, 0
        if start_spares:
            self._start_spares(count)

    def _start_spares(self, count: int) -> None:
        try:
            spares = [_Worker(self, self._normalizer, spare=True) for _ in range(count)]
        except OSError:  # the workers started already do the work
            return
        with self._cond:
            self._workers.extend(spares)
            closing = self._closing
        if closing:  # closed meanwhile: end what was just started
            for spare in spares:
                spare.end()

    def take(self, count: int) -> Columns:
        """The values of the next ``count`` names submitted, in order (waits for them)."""
        parts: list[Columns] = []
        with self._cond:
            while count > 0:
                while self._next not in self._done:
                    if self._next in self._failed:
                        raise self._failed[self._next]
                    if self._error is not None:
                        raise self._error
                    self._cond.wait()
                values = self._done[self._next]
                size = len(values[0]) - self._offset
                if size > count:
                    end = self._offset + count
                    parts.append([v[self._offset : end] for v in values])
                    self._offset, count = end, 0
                    break
                parts.append([v[self._offset :] for v in values] if self._offset else values)
                del self._done[self._next]
                self._next, self._offset, count = self._next + 1, 0, count - size
        if len(parts) == 1:
            return parts[0]
        return [[v for part in parts for v in part[i]] for i in range(len(ADDED_SUFFIXES))]

    def reader_idle(self, idle: bool) -> None:
        """Let the spares work while the reading thread is idle (waits for room, or is done).

        While it reads, the reading thread needs this process's core; a spare at work
        meanwhile slows reading and the other workers down.
        """
        with self._cond:
            self._spare_time = idle
            self._cond.notify_all()

    def close(self) -> None:
        """End the workers: idle ones at the end of their input, the others killed."""
        with self._cond:
            self._closing = True
            self._pending.clear()
            self._cond.notify_all()
            workers = list(self._workers)
        for worker in workers:
            worker.end()

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- called by the workers' threads --------------------------------------------------

    def _next_job(self, in_flight: int, spare: bool) -> tuple[int, list[str]] | None:
        """The next chunk to send, ``None`` to read a reply; :class:`_Closed` when done.

        A spare takes the last chunk (needed last), and only in spare time; a worker
        with no chunk left takes a copy of one a spare has held too long.
        """
        with self._cond:
            while not (self._closing or in_flight > 0 or self._has_job(spare)):
                self._cond.wait(None if spare else self._copy_wait())
            if self._closing:
                if in_flight == 0:
                    raise _Closed
                return None
            if in_flight >= IN_FLIGHT or not self._has_job(spare):
                return None
            if spare:
                seq, names = self._pending.pop()
                self._lent[seq] = (time.monotonic(), names)
                return seq, names
            if self._pending:
                return self._pending.popleft()
            late = self._overdue()
            assert late is not None
            self._copied.add(late)
            return late, self._lent[late][1]

    def _has_job(self, spare: bool) -> bool:
        if spare:
            return bool(self._pending) and self._spare_time
        return bool(self._pending) or self._overdue() is not None

    def _overdue(self) -> int | None:
        """The first chunk a spare has held for :data:`COPY_AFTER` s and no worker has."""
        limit = time.monotonic() - COPY_AFTER
        late = [s for s, (since, _) in self._lent.items() if since <= limit]
        return min((s for s in late if s not in self._copied), default=None)

    def _copy_wait(self) -> float | None:
        """Seconds until a lent chunk becomes overdue (``None``: none is lent)."""
        waiting = [since for s, (since, _) in self._lent.items() if s not in self._copied]
        if not waiting:
            return None
        return max(0.0, min(waiting) + COPY_AFTER - time.monotonic()) + 0.001

    def _finished(self, seq: int, status: str, value: object) -> None:
        with self._cond:
            self._lent.pop(seq, None)
            if seq < self._next or seq in self._done or seq in self._failed:
                return  # a copy, back second
            if status == "ok":
                self._done[seq] = value  # type: ignore[assignment]
            else:
                self._failed[seq] = _as_error(value)
            self._cond.notify_all()

    def _lost(self, message: str) -> None:
        with self._cond:
            if self._error is None and not self._closing:
                self._error = WorkerError(message)
            self._cond.notify_all()


class _Closed(Exception):
    """The pool is closing and this worker has nothing in work."""


class _Worker:
    """One worker process and the thread of ours that talks to it."""

    def __init__(self, pool: WorkerPool, normalizer: DefaultNormalizer, spare: bool) -> None:
        self._pool = pool
        self._normalizer = normalizer
        self._spare = spare
        self._process = subprocess.Popen(
            worker_command(idle=spare), stdin=subprocess.PIPE, stdout=subprocess.PIPE
        )
        self._thread = threading.Thread(target=self._run, name="translit-worker", daemon=True)
        self._thread.start()

    def end(self) -> None:
        """End the process: it ends by itself at the end of its input, else it is killed.

        Called once the pool is closing, when no values are wanted any more: a worker
        still at work (on a chunk, or starting up) holds nothing of value.
        """
        self._thread.join(0.05)  # with nothing in work, it ends the process's input
        with contextlib.suppress(subprocess.TimeoutExpired):
            self._process.wait(0 if self._thread.is_alive() else 0.05)
        if self._process.poll() is None:
            self._process.kill()
        self._process.wait()
        self._thread.join()  # a read in progress ends with the process
        if self._process.stdout is not None:
            self._process.stdout.close()

    def _run(self) -> None:
        process = self._process
        assert process.stdin is not None and process.stdout is not None
        in_flight: deque[int] = deque()
        try:
            write_frame(process.stdin, self._normalizer)
            while True:
                job = self._pool._next_job(len(in_flight), self._spare)
                if job is not None:
                    write_frame(process.stdin, job[1])
                    in_flight.append(job[0])
                    continue
                status, value = read_frame(process.stdout)
                self._pool._finished(in_flight.popleft(), status, value)
        except _Closed:
            pass
        except (OSError, EOFError, ValueError):
            self._pool._lost(self._death())
        finally:
            with contextlib.suppress(OSError):
                process.stdin.close()

    def _death(self) -> str:
        try:
            code = self._process.wait(GRACE)
        except subprocess.TimeoutExpired:
            return "a worker process of the normalizer stopped answering"
        return f"a worker process of the normalizer stopped unexpectedly (exit status {code})"


def _as_error(value: object) -> BaseException:
    """The exception to raise for a worker's ``("error", value)`` reply."""
    if isinstance(value, TranslitError):
        return value
    if isinstance(value, BaseException):
        return WorkerError(f"normalizing names failed: {type(value).__name__}: {value}")
    return WorkerError(f"the normalizer's worker process sent {value!r}")
