"""Translation memory: an SQLite file of finished translations.

A translation is stored under a key made of the model id, its revision, the direction,
the decoding settings and the exact source text, as soon as its batch is done. A re-run,
or a run on an updated report, translates only what is new, and a run that was
interrupted resumes where it stopped.

The file lives in the user cache directory (``~/.cache/translit`` on Linux,
``~/Library/Caches/translit`` on macOS, ``%LOCALAPPDATA%\\translit\\Cache`` on Windows);
the ``TRANSLIT_CACHE_DIR`` environment variable overrides it.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import sys
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from translate.errors import TranslateError

_SCHEMA = """
CREATE TABLE IF NOT EXISTS translations (
    key TEXT PRIMARY KEY,
    model TEXT NOT NULL,
    revision TEXT NOT NULL,
    direction TEXT NOT NULL,
    settings TEXT NOT NULL,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    flags TEXT NOT NULL,
    created REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS translations_model ON translations (model, revision);
"""


def cache_dir() -> Path:
    """The translit cache directory (not created here)."""
    override = os.environ.get("TRANSLIT_CACHE_DIR")
    if override:
        return Path(override).expanduser()
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local"))
        return base / "translit" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "translit"
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "translit"


def memory_path() -> Path:
    """Path of the translation memory file."""
    return cache_dir() / "memory.sqlite3"


@dataclass(frozen=True)
class Stored:
    """A translation found in the memory."""

    target: str
    flags: tuple[str, ...]


@dataclass(frozen=True)
class Context:
    """Everything besides the source text that determines a translation."""

    model: str
    revision: str
    direction: str
    settings: str  # canonical JSON of the decoding settings

    @staticmethod
    def make(model: str, revision: str, direction: str, settings: Mapping[str, object]) -> Context:
        canonical = json.dumps(dict(settings), sort_keys=True, separators=(",", ":"))
        return Context(model, revision, direction, canonical)

    def key(self, source: str) -> str:
        """The memory key of ``source`` in this context."""
        payload = json.dumps(
            [self.model, self.revision, self.direction, self.settings, source],
            ensure_ascii=False,
            separators=(",", ":"),
        )
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class MemoryInfo:
    """Summary of the memory file, for ``translit cache info``."""

    path: Path
    exists: bool
    size_bytes: int
    entries: int
    by_model: tuple[tuple[str, str, int], ...]  # (model, revision, entries)


class TranslationMemory:
    """The SQLite translation memory (open with :meth:`open`, close when done)."""

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self._db = connection
        self.path = path

    @classmethod
    def open(cls, path: Path | None = None) -> TranslationMemory:
        """Open (creating if needed) the memory at ``path`` or the default location."""
        target = path if path is not None else memory_path()
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(str(target), timeout=30.0)
            connection.execute("PRAGMA journal_mode=WAL")
            connection.executescript(_SCHEMA)
        except (OSError, sqlite3.Error) as exc:
            raise TranslateError(f"cannot open translation memory {target}: {exc}") from None
        return cls(connection, target)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> TranslationMemory:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get_many(self, context: Context, sources: Iterable[str]) -> dict[str, Stored]:
        """Stored translations of ``sources`` in ``context``, by source text."""
        wanted = {context.key(s): s for s in sources}
        found: dict[str, Stored] = {}
        keys = list(wanted)
        for start in range(0, len(keys), 500):
            chunk = keys[start : start + 500]
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(
                f"SELECT key, target, flags FROM translations WHERE key IN ({marks})", chunk
            )
            for key, target, flags in rows:
                found[wanted[key]] = Stored(target, tuple(json.loads(flags)))
        return found

    def put_many(self, context: Context, items: Iterable[tuple[str, str, Iterable[str]]]) -> None:
        """Store ``(source, target, flags)`` triples and commit (one transaction)."""
        now = time.time()
        rows = [
            (
                context.key(source),
                context.model,
                context.revision,
                context.direction,
                context.settings,
                source,
                target,
                json.dumps(sorted(set(flags))),
                now,
            )
            for source, target, flags in items
        ]
        with self._db:
            self._db.executemany(
                "INSERT OR REPLACE INTO translations VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows
            )

    def count(self) -> int:
        (n,) = self._db.execute("SELECT COUNT(*) FROM translations").fetchone()
        return int(n)

    def clear(self, model: str | None = None) -> int:
        """Delete all entries (or those of ``model``); return how many were deleted."""
        with self._db:
            if model is None:
                cursor = self._db.execute("DELETE FROM translations")
            else:
                cursor = self._db.execute("DELETE FROM translations WHERE model = ?", (model,))
        self._db.execute("VACUUM")
        return int(cursor.rowcount)

    def by_model(self) -> list[tuple[str, str, int]]:
        rows = self._db.execute(
            "SELECT model, revision, COUNT(*) FROM translations GROUP BY model, revision "
            "ORDER BY model, revision"
        )
        return [(str(m), str(r), int(n)) for m, r, n in rows]


def memory_info(path: Path | None = None) -> MemoryInfo:
    """Describe the memory file without creating it."""
    target = path if path is not None else memory_path()
    if not target.exists():
        return MemoryInfo(target, False, 0, 0, ())
    size = sum(
        p.stat().st_size
        for p in target.parent.glob(target.name + "*")
        if p.is_file()  # the -wal and -shm companions count too
    )
    with TranslationMemory.open(target) as memory:
        return MemoryInfo(target, True, size, memory.count(), tuple(memory.by_model()))


@dataclass(frozen=True)
class ConvertedModels:
    """The CTranslate2 copies of models in the cache (``translit convert-model``)."""

    folder: Path
    count: int
    size_bytes: int


def converted_models() -> ConvertedModels | None:
    """The converted models' folder, how many and how big; ``None`` when there is none."""
    folder = cache_dir() / "ct2"
    if not folder.is_dir():
        return None
    dirs = sorted(p for p in folder.iterdir() if p.is_dir())
    size = sum(f.stat().st_size for d in dirs for f in d.rglob("*") if f.is_file())
    return ConvertedModels(folder, len(dirs), size)


def clear_cache(model: str | None = None, converted: bool = False) -> tuple[int, bool]:
    """Delete the translation memory's entries (of ``model`` only, if given) and, with
    ``converted``, the converted models: the number of entries deleted, and whether
    converted models were."""
    import shutil

    deleted = 0
    if memory_path().exists():
        with TranslationMemory.open() as memory:
            deleted = memory.clear(model)
    folder = cache_dir() / "ct2"
    removed = converted and folder.is_dir()
    if removed:
        shutil.rmtree(folder)
    return deleted, removed
