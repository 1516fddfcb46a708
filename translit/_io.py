"""Atomic file writes: a temporary file in the target folder, fsync, then rename."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from translit.errors import UsageError


def atomic_write_bytes(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the whole new one."""
    target = Path(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent or Path("."))
    except OSError as exc:  # name the file asked for, not the temporary one
        raise OSError(exc.errno, exc.strerror, str(target)) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
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
