"""The file handling of a translation run (translate.files)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from translate.errors import UsageError
from translate.files import Outputs, _write, check_languages, read_sources, translate_files
from translate.pipeline import Settings
from translit.errors import InputDataError, OutputError
from translit.errors import UsageError as AnyUsageError


def test_outputs_are_written_atomically(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # issue 15: a write that fails at the end leaves no output and no temporary file
    target = tmp_path / "out" / "report.txt"
    _write(target, "Сәлем".encode())
    assert target.read_text(encoding="utf-8") == "Сәлем"

    def fail(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OutputError, match=f"cannot write {target}: No space left"):
        _write(target, "Сәлем әлем".encode())
    assert target.read_text(encoding="utf-8") == "Сәлем"  # the old output, whole
    assert sorted(p.name for p in target.parent.iterdir()) == ["report.txt"]


def test_a_new_output_gets_the_usual_mode(tmp_path: Path) -> None:
    """Not the 0600 of a temporary file: what any new file of the user would get."""
    target = tmp_path / "a.en.txt"
    _write(target, b"x")
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask


@pytest.mark.parametrize(
    ("output", "source", "count", "expected"),
    [
        (None, "a.txt", 1, None),
        ("out.txt", "a.txt", 1, "out.txt"),
        ("dir", "a.txt", 1, "dir/a.en.txt"),  # an existing folder
        ("dir", "a.txt", 2, "dir/a.en.txt"),
        ("dir", "README", 2, "dir/README.en"),
        ("dir", None, 1, "dir/stdin.en.txt"),
    ],
)
def test_where_each_translation_goes(
    tmp_path: Path, output: str | None, source: str | None, count: int, expected: str | None
) -> None:
    (tmp_path / "dir").mkdir()
    outputs = Outputs(tmp_path / output if output else None)
    found = outputs.path_of(Path(source) if source else None, "en", count)
    assert found == (tmp_path / expected if expected else None)


@pytest.mark.parametrize(("source", "target"), [("xx", "en"), ("auto", "qq")])
def test_a_language_code_that_is_no_language_is_a_usage_error(source: str, target: str) -> None:
    with pytest.raises(UsageError):
        check_languages(Settings(source=source, target=target))


def test_known_languages_pass() -> None:
    check_languages(Settings(source="kk", target="en"))
    check_languages(Settings(source="auto", target="ru"))


def test_sources_keep_whether_they_had_a_byte_order_mark(tmp_path: Path) -> None:
    with_bom, plain = tmp_path / "a.txt", tmp_path / "b.md"
    with_bom.write_bytes("\ufeffСәлем\n".encode())
    plain.write_text("# Сәлем\n", encoding="utf-8")
    sources, boms = read_sources([with_bom, plain])
    assert [s.text for s in sources] == ["Сәлем\n", "# Сәлем\n"]
    assert [s.name for s in sources] == [str(with_bom), str(plain)]
    assert boms == [True, False]


def test_text_that_is_not_utf8_names_its_line(tmp_path: Path) -> None:
    bad = tmp_path / "a.txt"
    bad.write_bytes(b"ok\n\xff\n")
    with pytest.raises(InputDataError, match=rf"{bad}: not valid UTF-8 \(line 2\)"):
        read_sources([bad])


def test_no_output_may_overwrite_an_input(tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_text("Сәлем\n", encoding="utf-8")
    for outputs in (Outputs(source), Outputs(None, report=source)):
        with pytest.raises(AnyUsageError, match="would overwrite the input"):
            translate_files([source], outputs, Settings(model="demo", use_memory=False))
    assert source.read_text(encoding="utf-8") == "Сәлем\n"


def test_several_inputs_need_a_folder(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="several inputs need --output DIRECTORY"):
        translate_files([tmp_path / "a", tmp_path / "b"], Outputs(), Settings())
