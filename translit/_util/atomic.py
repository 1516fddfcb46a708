"""Atomic file writes: a temporary file beside the target, fsync, then rename.

Every file translit writes goes through :func:`atomic_output` (streams: data sets,
rejected rows) or :func:`atomic_write_bytes` (a whole file at once: translations,
reports, replacement lists, the lexicon's cache), so that a reader sees either the
old file or the complete new one, and a full disk or a kill leaves no partial file.

The temporary file is named after the target and the writing process
(:func:`temp_beside`); one that a killed run left behind is removed by the next run
to the same target.

A writer that waits for its next batch may hand what it has written so far to the
disk (:meth:`PendingFile.sync_written`), so that the fsync before the rename has
less left to wait for.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from translit.errors import OutputError, UsageError

TEMP_SUFFIX = ".part"


def temp_beside(target: Path) -> tuple[int, Path]:
    """Open a new temporary file beside ``target``: ``.NAME.PID.RANDOM.part``.

    Temporary files that a killed run left for the same target (their PID is no
    longer running) are removed first, so no run leaves anything behind that the
    next run to the same output does not clean up.
    """
    directory = target.parent if str(target.parent) else Path(".")
    remove_stale(target)
    fd, name = tempfile.mkstemp(
        dir=directory, prefix=f".{target.name}.{os.getpid()}.", suffix=TEMP_SUFFIX
    )
    return fd, Path(name)


def remove_stale(target: Path) -> list[Path]:
    """Remove the temporary files of ``target`` whose writing process is gone; return them."""
    directory = target.parent if str(target.parent) else Path(".")
    prefix = f".{target.name}."
    removed: list[Path] = []
    try:
        names = os.listdir(directory)
    except OSError:
        return removed
    for name in names:
        if not (name.startswith(prefix) and name.endswith(TEMP_SUFFIX)):
            continue
        pid = name[len(prefix) :].split(".", 1)[0]
        if pid.isdigit() and not _running(int(pid)):
            path = directory / name
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
                removed.append(path)
    return removed


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True


def same_file(a: str | Path, b: str | Path) -> bool:
    """Whether ``a`` and ``b`` are one file: the same path, a symlink or a hard link."""
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist (yet)
        return False


def refuse_overwrite(source: str | Path, target: str | Path, hint: str) -> None:
    """Raise :class:`UsageError` if writing ``target`` would overwrite the input ``source``.

    Every command that reads a file and writes another checks its outputs with this
    (``normalize``, ``translate``); ``hint`` says what to do instead.
    """
    if same_file(source, target):
        raise UsageError(f"{target}: the output would overwrite the input {source}; {hint}")


SYNC_EVERY = 32 << 20
"""Bytes written between two early syncs of a temporary output file."""


@dataclass
class PendingFile:
    """A temporary file that becomes ``target`` when the ``atomic_output`` block succeeds."""

    target: Path
    temp: Path
    stream: BinaryIO
    synced: int = 0  # bytes handed to the disk so far
    backup: Path | None = None  # where the replaced file was kept (``backup=True``)

    def sync_written(self) -> None:
        """Hand what is written so far to the disk, if :data:`SYNC_EVERY` bytes are new.

        For a writer with nothing else to do (it waits for its next batch): the fsync
        before the rename then has less left to wait for. Never call it while another
        thread writes the file (the two would slow each other down).
        """
        if self.stream.closed:
            return
        self.stream.flush()
        size = self.stream.tell()
        if size - self.synced >= SYNC_EVERY:
            getattr(os, "fdatasync", os.fsync)(self.stream.fileno())
            self.synced = size


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
    try:
        fd, temp = temp_beside(target)
    except OSError as exc:
        raise OutputError(f"cannot write {target}: {exc.strerror or exc}") from None
    if mode is None and target.exists():
        mode = target.stat().st_mode & 0o7777
    stream = os.fdopen(fd, "wb")
    pending = PendingFile(target=target, temp=temp, stream=stream)
    try:
        yield pending
        if not stream.closed:
            stream.close()
        with open(temp, "rb+") as written:
            os.fsync(written.fileno())
        os.chmod(temp, mode if mode is not None else 0o666 & ~_umask())
        if backup and target.exists():
            pending.backup = backup_path(target)
            _copy_atomically(target, pending.backup)
        os.replace(temp, target)
        _fsync_dir(directory)
    except BaseException:
        with contextlib.suppress(OSError):  # flushing what is left fails on a full disk
            stream.close()
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
        raise


def backup_path(target: Path) -> Path:
    """``FILE.bak``, or if that exists the first free ``FILE.bak.N``: a backup is never
    overwritten (a second ``--in-place`` run keeps the first run's original)."""
    candidate = target.with_name(target.name + ".bak")
    number = 0
    while candidate.exists() or candidate.is_symlink():
        number += 1
        candidate = target.with_name(f"{target.name}.bak.{number}")
    return candidate


def _copy_atomically(source: Path, target: Path) -> None:
    with atomic_output(target, mode=source.stat().st_mode & 0o7777) as pending:
        with open(source, "rb") as src:
            shutil.copyfileobj(src, pending.stream, 1 << 20)


def atomic_write_bytes(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (see :func:`atomic_output`)."""
    with atomic_output(path) as pending:
        pending.stream.write(data)


def atomic_write_text(path: str | Path, text: str) -> None:
    """Write ``text`` to ``path`` atomically, in UTF-8."""
    atomic_write_bytes(path, text.encode("utf-8"))


@contextlib.contextmanager
def output_or_stdout(output: str | Path | None) -> Iterator[BinaryIO]:
    """A stream for ``output``, written atomically; ``None`` or ``-``: standard output."""
    if output is None or str(output) == "-":
        from translit._util.stdio import stdout_bytes

        yield stdout_bytes()
        return
    with atomic_output(output) as pending:
        yield pending.stream
