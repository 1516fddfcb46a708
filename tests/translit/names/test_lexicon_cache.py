"""The on-disk cache of the derived lexicon tables: exact, keyed, and self-healing."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from translit.names import lexicon as lexmod


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("TRANSLIT_CACHE_DIR", str(tmp_path))
    lexmod.lexicon.cache_clear()
    yield tmp_path
    lexmod.lexicon.cache_clear()


def test_cache_is_written_and_equals_a_fresh_build(cache_dir: Path) -> None:
    built = lexmod.lexicon()
    path = cache_dir / "lexicon.json"
    assert path.is_file()
    lexmod.lexicon.cache_clear()
    loaded = lexmod.lexicon()
    assert loaded is not built
    assert loaded == built  # every stored table: overrides, variants, cyrillic, given
    assert loaded.overrides and loaded.variants and loaded.cyrillic and loaded.given


@pytest.mark.parametrize("content", ["not json", "[]", '{"fingerprint": "stale"}'])
def test_bad_or_stale_cache_is_rebuilt(cache_dir: Path, content: str) -> None:
    path = cache_dir / "lexicon.json"
    path.write_text(content, encoding="utf-8")
    lex = lexmod.lexicon()
    assert lex.cyrillic  # built, not loaded from the bad file
    assert json.loads(path.read_text(encoding="utf-8"))["fingerprint"] == lexmod._fingerprint()


def test_the_code_in_the_cache_key_exists() -> None:
    # (a missing source would drop out of the key silently: its edits would not rebuild)
    package = Path(lexmod.__file__).resolve().parent.parent
    for name in lexmod._CODE:
        assert (package / name).is_file(), name


def test_the_known_surnames_are_in_the_cache_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # build_lexicon reads them (a spelling that folds like a surname of theirs pairs
    # with no other name): an edit of known_names.json must rebuild the tables
    monkeypatch.setattr(lexmod, "data_path", lambda *parts: tmp_path.joinpath(*parts))
    known = tmp_path / "names" / "known_names.json"
    known.parent.mkdir()
    known.write_text('{"surnames": ["ivanov"]}', encoding="utf-8")
    before = lexmod._fingerprint()
    known.write_text('{"surnames": ["petrov"]}', encoding="utf-8")
    assert lexmod._fingerprint() != before


def test_empty_setting_turns_the_cache_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRANSLIT_CACHE_DIR", "")
    lexmod.lexicon.cache_clear()
    try:
        assert lexmod.lexicon().cyrillic
    finally:
        lexmod.lexicon.cache_clear()
    assert not list(tmp_path.iterdir())


def test_stem_rows_give_gendered_surnames() -> None:
    rows = {"kk_stem": "Тоқа", "ru_stem": "Тока", "suffix": "ев"}
    assert list(lexmod._stem_forms(rows, ["Тоқа", "Тока"])) == [
        ["Тоқаев", "Токаев"],
        ["Тоқаева", "Токаева"],
    ]
    row = {"kk_stem": "Жирин", "ru_stem": "Жирин", "suffix": "ский"}
    assert [f[0] for f in lexmod._stem_forms(row, ["Жирин"])] == ["Жиринский", "Жиринская"]
    row = {"kk_stem": "Сатыбалды", "ru_stem": "Сатыбалды", "suffix": "ұлы"}
    assert [f[0] for f in lexmod._stem_forms(row, ["Сатыбалды"])] == [
        "Сатыбалдыұлы",
        "Сатыбалдықызы",
    ]
    row = {"kk_stem": "Ковальчук", "ru_stem": "Ковальчук", "suffix": "-"}
    assert list(lexmod._stem_forms(row, ["Ковальчук"])) == [["Ковальчук"]]
