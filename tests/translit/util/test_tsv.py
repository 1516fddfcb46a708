"""The one TSV reader of the bundled tables (translit._util.tsv)."""

from __future__ import annotations

from pathlib import Path

import pytest

from translit._util.tsv import read_tsv
from translit.errors import SchemeDataError

TABLE = (
    "# source: made up for this test\nword\tlang\tkind\n\n"
    "ауыл\tkk\tnoun\n# aside\nvчера\tru\tadverb\n"
)


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "names" / "common_words.tsv"
    path.parent.mkdir()
    path.write_text(text, encoding="utf-8")
    return path


def test_rows_come_with_their_line_numbers(tmp_path: Path) -> None:
    rows = list(read_tsv(_write(tmp_path, TABLE), ("word", "lang", "kind")))
    assert rows == [
        (4, {"word": "ауыл", "lang": "kk", "kind": "noun"}),
        (6, {"word": "vчера", "lang": "ru", "kind": "adverb"}),
    ]


def test_without_columns_the_header_names_them_and_short_rows_lack_some(tmp_path: Path) -> None:
    path = _write(tmp_path, "# s\nru\tuk\tlatin\nИван\n")
    assert list(read_tsv(path)) == [(3, {"ru": "Иван"})]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("# comment\nword\tkind\nауыл\tnoun\n", r"names/common_words.tsv: the header must be"),
        ("word\tlang\tkind\nауыл\tkk\n", r"names/common_words.tsv:2: expected 3 columns"),
        ("# only a comment\n", r"the header must be"),
    ],
)
def test_a_bad_table_is_an_error_naming_it(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(SchemeDataError, match=message):
        list(read_tsv(_write(tmp_path, text), ("word", "lang", "kind")))


def test_a_missing_table_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(SchemeDataError, match=r"names/none\.tsv: missing"):
        list(read_tsv(tmp_path / "names" / "none.tsv"))
