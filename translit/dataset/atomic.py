"""Atomic file output: write a temporary file beside the target, fsync, then rename.

While a big output is written, a thread hands what is written so far to the disk
now and then (:class:`_EarlySync`), so that the fsync before the rename has little
left to wait for.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO


@dataclass
class PendingFile:
    """A temporary file that becomes ``target`` when the ``atomic_output`` block succeeds."""

    target: Path
    temp: Path
    stream: BinaryIO


SYNC_EVERY = 32 << 20
"""Bytes written between two early syncs of a temporary output file."""

SYNC_POLL = 0.25
"""Seconds between two looks at how much was written."""


class _EarlySync:
    """Syncs a file being written, on a thread of its own, each :data:`SYNC_EVERY` bytes.

    It holds its own descriptor of the file, so the writer may close the stream or
    write the file by name (the same file) meanwhile.
    """

    def __init__(self, fd: int) -> None:
        self._fd = os.dup(fd)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="translit-sync", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        synced = 0
        sync = getattr(os, "fdatasync", os.fsync)
        with contextlib.suppress(OSError):
            while not self._stop.wait(SYNC_POLL):
                size = os.fstat(self._fd).st_size
                if size - synced >= SYNC_EVERY:
                    sync(self._fd)
                    synced = size

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()
        os.close(self._fd)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _fsync_dir(directory: Path) -> None:
    with contextlib.suppress(OSError):  # not every platform can open a directory
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextlib.contextmanager
def atomic_output(
    target: str | Path, *, backup: bool = False, mode: int | None = None
) -> Iterator[PendingFile]:
    """Yield a temporary file in ``target``'s folder; on success it replaces ``target``.

    The data is flushed and fsynced before the rename, so ``target`` is always either
    the old file or the complete new one. With ``backup``, an existing ``target`` is
    first copied to ``target.bak`` (itself written atomically). The new file gets
    ``mode``, else the mode of the file it replaces, else the default for new files.
    Writers may close ``stream`` or write to ``temp`` by name. On an exception the
    temporary file is removed and ``target`` is left as it was.
    """
    target = Path(target)
    directory = target.parent if str(target.parent) else Path(".")
    fd, temp_name = tempfile.mkstemp(dir=directory, prefix=f".{target.name}.", suffix=".part")
    temp = Path(temp_name)
    if mode is None and target.exists():
        mode = target.stat().st_mode & 0o7777
    stream = os.fdopen(fd, "wb")
    early = _EarlySync(fd)
    try:
        try:
            yield PendingFile(target=target, temp=temp, stream=stream)
        finally:
            early.stop()
        if not stream.closed:
            stream.close()
        with open(temp, "rb+") as written:
            os.fsync(written.fileno())
        os.chmod(temp, mode if mode is not None else 0o666 & ~_umask())
        if backup and target.exists():
            _copy_atomically(target, target.with_name(target.name + ".bak"))
        os.replace(temp, target)
        _fsync_dir(directory)
    except BaseException:
        stream.close()
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
        raise


def _copy_atomically(source: Path, target: Path) -> None:
    with atomic_output(target, mode=source.stat().st_mode & 0o7777) as pending:
        with open(source, "rb") as src:
            shutil.copyfileobj(src, pending.stream, 1 << 20)
