"""Atomic file writes: a temporary file in the target folder, fsync, then rename."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from translit.errors import UsageError

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


def atomic_write_bytes(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the whole new one."""
    target = Path(path)
    try:
        fd, tmp = temp_beside(target)
    except OSError as exc:  # name the file asked for, not the temporary one
        raise OSError(exc.errno, exc.strerror, str(target)) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def atomic_write_text(path: str | Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


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
