"""Normalize new names in a second process, ahead of the rows that need them.

:class:`WorkerProcess` starts ``python -m translit.dataset.worker`` (a fresh
interpreter: no fork of a process whose threads may hold locks) and feeds it the new
names as soon as the reading thread finds them, a chunk at a time, while its values
come back in order on a thread of ours. :func:`wants_worker` decides when that pays:
files big enough for the start-up (about 0.2 s of the other core) to be repaid, and
formats read and written on threads of their own.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import threading
from collections import deque
from collections.abc import Sequence
from pathlib import Path

from translit.dataset.columns import Columns
from translit.dataset.formats import STDIO, Format, input_format
from translit.dataset.normalizer import DefaultNormalizer
from translit.dataset.worker import read_frame, write_frame
from translit.errors import TranslitError

JOBS_ENV = "TRANSLIT_JOBS"
"""Environment variable: ``1`` keeps all the work in one process (as ``jobs=1``)."""

MIN_BYTES = 16 << 20
"""Input files from this size up get a worker process (when the machine has two cores)."""

CHUNK = 2048
"""Names sent to the worker at a time: their values come back as soon as they are done."""

IN_FLIGHT = 2
"""Chunks handed to the worker and not yet answered: one in work, one waiting."""

GRACE = 5.0
"""Seconds :meth:`WorkerProcess.close` waits for the worker to end before killing it."""

_OFFLOADED = frozenset({Format.csv, Format.tsv, Format.parquet})


class WorkerError(TranslitError):
    """The worker process failed or stopped; the message says how."""


def wants_worker(
    files: Sequence[str], fmt: str | None, normalizer: object, jobs: int | None
) -> bool:
    """Whether to normalize in a worker process.

    ``jobs``: 1 = never; 2 or more = always (for the default normalizer); ``None`` =
    the environment's ``TRANSLIT_JOBS``, else when this process may use two cores
    and an input is a regular file of at least :data:`MIN_BYTES` in CSV, TSV or
    Parquet. Only :class:`~translit.dataset.normalizer.DefaultNormalizer` runs in a
    worker: other normalizers are the caller's functions and may keep state.
    """
    if not isinstance(normalizer, DefaultNormalizer):
        return False
    if jobs is None and os.environ.get(JOBS_ENV, "").strip():
        try:
            jobs = int(os.environ[JOBS_ENV])
        except ValueError:
            jobs = None
    if jobs is not None:
        return jobs > 1
    if _cores() < 2:
        return False
    for name in files:
        if name == STDIO or input_format(name, fmt) not in _OFFLOADED:
            continue
        with contextlib.suppress(OSError):
            path = Path(name)
            if path.is_file() and path.stat().st_size >= MIN_BYTES:
                return True
    return False


def start_worker(
    files: Sequence[str], fmt: str | None, normalizer: object, jobs: int | None
) -> WorkerProcess | None:
    """A worker running ``normalizer`` if :func:`wants_worker` says so and it starts."""
    if not isinstance(normalizer, DefaultNormalizer) or not wants_worker(
        files, fmt, normalizer, jobs
    ):
        return None
    try:
        return WorkerProcess(normalizer)
    except OSError:  # no interpreter to start (an embedded Python): work here instead
        return None


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def worker_command() -> list[str]:
    """The command that starts a worker with this interpreter and this copy of translit."""
    import translit

    root = str(Path(translit.__file__).resolve().parent.parent)
    boot = (
        "import sys\n"
        f"root = {root!r}\n"
        "if root not in sys.path:\n"
        "    sys.path.insert(0, root)\n"
        "from translit.dataset.worker import main\n"
        "main()\n"
    )
    return [sys.executable, "-c", boot]


class WorkerProcess:
    """Runs ``normalizer`` in a worker process over names submitted in order.

    :meth:`submit` returns at once (any thread); :meth:`take` waits for the values of
    the next names. A failure in the worker (an exception, or the process dying) is
    raised by the :meth:`take` that needs the names it was working on. Use as a
    context manager, or call :meth:`close`.
    """

    def __init__(self, normalizer: DefaultNormalizer, *, chunk: int = CHUNK) -> None:
        self._normalizer = normalizer
        self._chunk = chunk
        self._process = subprocess.Popen(
            worker_command(), stdin=subprocess.PIPE, stdout=subprocess.PIPE
        )
        self._cond = threading.Condition()
        self._pending: deque[list[str]] = deque()  # chunks not sent yet
        self._ready: deque[Columns] = deque()  # values back, not taken yet
        self._ready_count = 0
        self._error: BaseException | None = None
        self._closing = False
        self._thread = threading.Thread(target=self._run, name="translit-worker", daemon=True)
        self._thread.start()

    def submit(self, names: list[str]) -> None:
        """Queue ``names`` (the next ones to normalize)."""
        with self._cond:
            for start in range(0, len(names), self._chunk):
                self._pending.append(names[start : start + self._chunk])
            self._cond.notify_all()

    def take(self, count: int) -> Columns:
        """The values of the next ``count`` names submitted, in order (waits for them)."""
        with self._cond:
            self._cond.wait_for(lambda: self._ready_count >= count or self._error is not None)
            if self._ready_count < count:
                assert self._error is not None
                raise self._error
            parts: list[Columns] = []
            needed = count
            while needed:
                values = self._ready.popleft()
                size = len(values[0])
                if size > needed:
                    self._ready.appendleft([v[needed:] for v in values])
                    values, size = [v[:needed] for v in values], needed
                parts.append(values)
                needed -= size
            self._ready_count -= count
        if len(parts) == 1:
            return parts[0]
        return [[v for part in parts for v in part[i]] for i in range(len(parts[0]))]

    def close(self) -> None:
        """End the worker (waiting for a chunk in work, then killing it if it hangs)."""
        with self._cond:
            self._closing = True
            self._pending.clear()
            self._cond.notify_all()
        self._thread.join(GRACE)
        try:
            self._process.wait(GRACE)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        self._thread.join()
        if self._process.stdout is not None:
            self._process.stdout.close()

    def __enter__(self) -> WorkerProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the thread that talks to the worker ---------------------------------------------

    def _run(self) -> None:
        process = self._process
        assert process.stdin is not None and process.stdout is not None
        in_flight = 0
        try:
            write_frame(process.stdin, self._normalizer)
            while True:
                with self._cond:
                    while not (self._closing or in_flight > 0 or self._pending):
                        self._cond.wait()
                    if self._closing and in_flight == 0:
                        return
                    chunk = None
                    if self._pending and in_flight < IN_FLIGHT and not self._closing:
                        chunk = self._pending.popleft()
                if chunk is not None:
                    write_frame(process.stdin, chunk)
                    in_flight += 1
                    continue
                status, value = read_frame(process.stdout)
                in_flight -= 1
                with self._cond:
                    if status == "ok":
                        self._ready.append(value)
                        self._ready_count += len(value[0])
                    elif self._error is None:
                        self._error = _as_error(value)
                    self._cond.notify_all()
        except (OSError, EOFError, ValueError):
            with self._cond:
                if self._error is None and not self._closing:
                    self._error = WorkerError(self._death())
                self._cond.notify_all()
        finally:
            with contextlib.suppress(OSError):
                process.stdin.close()

    def _death(self) -> str:
        try:
            code = self._process.wait(GRACE)
        except subprocess.TimeoutExpired:
            return "the normalizer's worker process stopped answering"
        return f"the normalizer's worker process stopped unexpectedly (exit status {code})"


def _as_error(value: object) -> BaseException:
    """The exception to raise for a worker's ``("error", value)`` reply."""
    if isinstance(value, TranslitError):
        return value
    if isinstance(value, BaseException):
        return WorkerError(f"normalizing names failed: {type(value).__name__}: {value}")
    return WorkerError(f"the normalizer's worker process sent {value!r}")
