"""The SQLite translation memory."""

from __future__ import annotations

from pathlib import Path

import pytest

from translate.memory import Context, TranslationMemory, cache_dir, memory_info, memory_path


def _context(**changes: str) -> Context:
    base = {"model": "m", "revision": "r1", "direction": "kk-en"}
    base.update(changes)
    return Context.make(base["model"], base["revision"], base["direction"], {"beam": 4})


def test_location_follows_the_environment(tmp_path: Path) -> None:
    assert cache_dir() == tmp_path / "cache"  # conftest sets TRANSLIT_CACHE_DIR
    assert memory_path().parent == cache_dir()


def test_store_and_find() -> None:
    with TranslationMemory.open() as memory:
        context = _context()
        memory.put_many(context, [("Сәлем", "Hello", ["split"]), ("Ия", "Yes", [])])
        found = memory.get_many(context, ["Сәлем", "Ия", "Жоқ"])
    assert {k: (v.target, v.flags) for k, v in found.items()} == {
        "Сәлем": ("Hello", ("split",)),
        "Ия": ("Yes", ()),
    }


@pytest.mark.parametrize(
    "other",
    [
        _context(model="m2"),
        _context(revision="r2"),
        _context(direction="ru-en"),
        Context.make("m", "r1", "kk-en", {"beam": 5}),
    ],
)
def test_every_part_of_the_key_matters(other: Context) -> None:
    with TranslationMemory.open() as memory:
        memory.put_many(_context(), [("Сәлем", "Hello", [])])
        assert memory.get_many(other, ["Сәлем"]) == {}
        assert memory.get_many(_context(), ["Сәлем "]) == {}  # the exact source text


def test_settings_are_canonical() -> None:
    a = Context.make("m", "r", "kk-en", {"beam": 4, "engine": "x"})
    b = Context.make("m", "r", "kk-en", {"engine": "x", "beam": 4})
    assert a.key("s") == b.key("s")


def test_info_and_clear() -> None:
    assert not memory_info().exists
    with TranslationMemory.open() as memory:
        memory.put_many(_context(), [("a", "A", []), ("b", "B", [])])
        memory.put_many(_context(model="other"), [("a", "A", [])])
    info = memory_info()
    assert info.exists and info.entries == 3 and info.size_bytes > 0
    assert info.by_model == (("m", "r1", 2), ("other", "r1", 1))
    with TranslationMemory.open() as memory:
        assert memory.clear("other") == 1
        assert memory.count() == 2
        assert memory.clear() == 2
