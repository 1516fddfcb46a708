"""normalize --text's file handling (translit.text.files)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from translit.errors import InputDataError, UsageError
from translit.text.files import normalize_text_file

TEXT = "Кеше Қасым-Жомарт Тоқаев сөйледі.\n"


def test_text_and_replacements_are_written_to_their_files(tmp_path: Path) -> None:
    source, out, listed = tmp_path / "in.txt", tmp_path / "out.txt", tmp_path / "r.jsonl"
    source.write_text(TEXT, encoding="utf-8")
    done = normalize_text_file(
        str(source), style="rferl", output=str(out), replacements=str(listed)
    )
    assert done and "Toqaev" in out.read_text(encoding="utf-8")
    records = [json.loads(line) for line in listed.read_text(encoding="utf-8").splitlines()]
    assert records == [r.as_dict() for r in done]
    assert source.read_text(encoding="utf-8") == TEXT


def test_bytes_that_are_not_utf8_come_through(tmp_path: Path) -> None:
    source, out = tmp_path / "in.txt", tmp_path / "out.txt"
    source.write_bytes(b"\xff " + TEXT.encode())
    normalize_text_file(str(source), style="rferl", output=str(out))
    assert out.read_bytes().startswith(b"\xff ")


@pytest.mark.parametrize("which", ["output", "replacements"])
def test_no_output_may_overwrite_the_text(tmp_path: Path, which: str) -> None:
    source = tmp_path / "in.txt"
    source.write_text(TEXT, encoding="utf-8")
    with pytest.raises(UsageError, match="would overwrite the input"):
        normalize_text_file(str(source), **{which: str(source)})  # type: ignore[arg-type]
    assert source.read_text(encoding="utf-8") == TEXT


def test_replacements_to_standard_output_need_the_text_elsewhere() -> None:
    with pytest.raises(UsageError, match="add -o FILE"):
        normalize_text_file("-", replacements="-")


def test_a_missing_text_is_a_data_error(tmp_path: Path) -> None:
    with pytest.raises(InputDataError, match="cannot read"):
        normalize_text_file(str(tmp_path / "none.txt"))
