"""Bad input: a clear one-line error with the right exit code, or rows set aside, never lost."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from translit.dataset import csvio

runner = CliRunner()


def run(app: typer.Typer, args: list[str], stdin: bytes | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, ["normalize", *args], input=stdin)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception  # an uncaught error: show it, not just exit code 1
    return result.exit_code, result.stdout, result.stderr


def one_line_error(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("translit: error: ")
    assert "Traceback" not in stderr
    return lines[0]


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("in.csv", "id,nme,city\n1,x,y\n"),
        ("in.tsv", "id\tnme\tcity\n1\tx\ty\n"),
        ("in.jsonl", '{"id": 1, "nme": "x", "city": "y"}\n'),
    ],
)
def test_missing_column_lists_the_columns(
    app: typer.Typer, tmp_path: Path, name: str, content: str
) -> None:
    src = tmp_path / name
    src.write_text(content)
    code, out, err = run(app, [str(src), "-c", "name"])
    assert code == 1
    assert out == ""
    line = one_line_error(err)
    assert "'name'" in line
    assert "'id', 'nme', 'city'" in line


def test_malformed_row_is_an_error_with_its_line(app: typer.Typer, tmp_path: Path) -> None:
    src = tmp_path / "in.csv"
    src.write_text('id,name\n1,a\n2,"multi\nline"\n3,b,extra\n4,c\n')
    out_path = tmp_path / "out.csv"
    code, _, err = run(app, [str(src), "-c", "name", "-o", str(out_path)])
    assert code == 1
    line = one_line_error(err)
    assert "line 5" in line  # the header is line 1; the quoted field spans lines 3-4
    assert "expected 2 fields, got 3" in line
    assert not out_path.exists()  # no partial output
    assert list(tmp_path.iterdir()) == [src]  # no temporary file left behind


def test_malformed_rows_on_stdin_name_the_record(app: typer.Typer) -> None:
    code, _, err = run(app, ["-", "-c", "name"], stdin=b"id,name\n1,a\n2\n")
    assert code == 1
    assert "record 3" in one_line_error(err)


def test_skip_bad_rows_reports_and_keeps_them(app: typer.Typer, tmp_path: Path) -> None:
    src = tmp_path / "in.csv"
    src.write_text("id,name\n1,a\n2,b,extra\n3,c\n4\n5,e\n")
    out_path = tmp_path / "out.csv"
    code, _, err = run(app, [str(src), "-c", "name", "-o", str(out_path), "--skip-bad-rows"])
    assert code == 0
    side = tmp_path / "out.csv.rejected.csv"
    assert "skipped 2 malformed rows" in err
    assert str(side) in err
    assert side.read_text() == "2,b,extra\n4\n"
    ids = [r["id"] for r in csv.DictReader(io.StringIO(out_path.read_text()))]
    assert ids == ["1", "3", "5"]


def test_skip_bad_rows_without_bad_rows_makes_no_side_file(
    app: typer.Typer, tmp_path: Path
) -> None:
    src = tmp_path / "in.csv"
    src.write_text("id,name\n1,a\n")
    out_path = tmp_path / "out.csv"
    code, _, err = run(app, [str(src), "-c", "name", "-o", str(out_path), "--skip-bad-rows"])
    assert (code, err) == (0, "")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv", "out.csv"]


def test_skip_bad_rows_needs_a_side_file_for_pipes(app: typer.Typer, tmp_path: Path) -> None:
    code, _, err = run(app, ["-", "-c", "name", "--skip-bad-rows"], stdin=b"name\nx\n")
    assert code == 2
    assert "--rejects" in one_line_error(err)
    side = tmp_path / "bad.csv"
    code, out, err = run(
        app,
        ["-", "-c", "name", "--skip-bad-rows", "--rejects", str(side)],
        stdin=b"name\nx\ny,z\n",
    )
    assert code == 0
    assert side.read_text() == "y,z\n"
    assert out.splitlines()[1:] == ["x,X,x,,unchanged"]


def test_skip_bad_rows_in_jsonl(app: typer.Typer, tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text('{"name": "a"}\n{"name": \n[1, 2]\n{"name": "b"}\n')
    code, out, err = run(app, [str(src), "-c", "name", "--skip-bad-rows"])
    assert code == 0
    assert "skipped 2 malformed rows (lines 2, 3)" in err
    assert (tmp_path / "in.jsonl.rejected.jsonl").read_text() == '{"name": \n[1, 2]\n'
    assert [json.loads(x)["name"] for x in out.splitlines()] == ["a", "b"]


def test_malformed_jsonl_is_an_error_with_its_line(app: typer.Typer, tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text('{"name": "a"}\n\n"just a string"\n')
    code, _, err = run(app, [str(src), "-c", "name"])
    assert code == 1
    assert "line 3" in one_line_error(err)


@pytest.mark.parametrize("ext", ["csv", "jsonl"])
def test_invalid_utf8_gives_the_byte_offset(app: typer.Typer, tmp_path: Path, ext: str) -> None:
    good = b"id,name\n1,ok\n" if ext == "csv" else b'{"name": "ok"}\n'
    bad = b"2,Tok\xe4yev\n" if ext == "csv" else b'{"name": "Tok\xe4yev"}\n'
    src = tmp_path / f"in.{ext}"
    src.write_bytes(good + bad)
    offset = len(good) + bad.index(b"\xe4")
    code, _, err = run(app, [str(src), "-c", "name"])
    assert code == 1
    line = one_line_error(err)
    assert f"byte offset {offset}" in line
    assert "--encoding" in line


def test_a_malformed_row_of_invalid_utf8_gives_the_byte_offset(
    app: typer.Typer, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    # pyarrow cannot decode such a row for the malformed-row handler: no traceback of
    # that may reach standard error, and the error says where the bad bytes are
    good = b"id,name,n\n1,ok,1\n"
    bad = b"2,\xff\xfeTok\n"  # two fields of three, and not UTF-8
    src = tmp_path / "in.csv"
    src.write_bytes(good + bad)
    code, _, err = run(app, [str(src), "-c", "name"])
    assert code == 1
    assert f"byte offset {len(good) + 2}" in one_line_error(err)
    assert "Traceback" not in capfd.readouterr().err


def test_an_output_in_a_missing_folder_is_a_one_line_error(
    app: typer.Typer, tmp_path: Path
) -> None:
    src = tmp_path / "in.csv"
    src.write_text("id,name\n1,Tokajew\n", encoding="utf-8")
    target = tmp_path / "missing" / "out.csv"
    code, _, err = run(app, [str(src), "-c", "name", "-o", str(target)])
    assert code == 1
    expected = f"translit: error: cannot write {target}: No such file or directory"
    assert one_line_error(err) == expected


def test_invalid_utf8_on_stdin_gives_the_byte_offset(app: typer.Typer) -> None:
    data = b"id,name\n1,ok\n2,\xff\n"
    code, _, err = run(app, ["-", "-c", "name"], stdin=data)
    assert code == 1
    offset = data.index(b"\xff")
    assert f"byte offset {offset}" in one_line_error(err)


@pytest.mark.parametrize("ext", ["csv", "jsonl"])
def test_encoding_option_reads_legacy_files(app: typer.Typer, tmp_path: Path, ext: str) -> None:
    text = "id,name\n1,Токаев\n" if ext == "csv" else '{"id": 1, "name": "Токаев"}\n'
    src = tmp_path / f"in.{ext}"
    src.write_bytes(text.encode("cp1251"))
    code, out, _ = run(app, [str(src), "-c", "name", "--encoding", "cp1251"])
    assert code == 0
    assert "Токаев,Токаев,токаев,Q1,gazetteer" in out or '"name_entity": "Q1"' in out


@pytest.mark.parametrize("ext", ["csv", "tsv", "jsonl"])
def test_empty_file_is_an_error(app: typer.Typer, tmp_path: Path, ext: str) -> None:
    src = tmp_path / f"in.{ext}"
    src.write_bytes(b"")
    code, _, err = run(app, [str(src), "-c", "name"])
    assert code == 1
    assert "empty" in one_line_error(err)


def test_empty_stdin_is_an_error(app: typer.Typer) -> None:
    code, _, err = run(app, ["-", "-c", "name"], stdin=b"")
    assert code == 1
    assert "empty" in one_line_error(err)


@pytest.mark.parametrize("header", [b"id,name\n", b"id,name"])
def test_header_only_gives_the_header_with_added_columns(
    app: typer.Typer, tmp_path: Path, header: bytes
) -> None:
    src = tmp_path / "in.csv"
    src.write_bytes(header)
    code, out, _ = run(app, [str(src), "-c", "name"])
    assert code == 0
    assert out == "id,name,name_normalized,name_key,name_entity,name_method\n"


def test_nul_bytes_pass_through(app: typer.Typer, tmp_path: Path) -> None:
    src = tmp_path / "in.csv"
    src.write_bytes(b"id,name\n1,To\x00kayev\n2,x\x00\n")
    out_path = tmp_path / "out.csv"
    code, _, _ = run(app, [str(src), "-c", "name", "-o", str(out_path)])
    assert code == 0
    rows = list(csv.reader(io.StringIO(out_path.read_text(), newline="")))
    assert [r[1] for r in rows[1:]] == ["To\x00kayev", "x\x00"]
    assert rows[1][3] == "tokayev"  # the fake key drops the NUL


def test_very_long_fields_grow_the_block(
    app: typer.Typer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(csvio, "DEFAULT_BLOCK_SIZE", 4096)
    long_name = "Tokayev " * 5000  # 40,000 characters: ten times the block
    src = tmp_path / "in.csv"
    lines = [f"{i},n{i}" for i in range(300)]
    lines[250] = f'250,"{long_name}"'
    src.write_text("id,name\n" + "\n".join(lines) + "\n")
    out_path = tmp_path / "out.csv"
    code, _, err = run(app, [str(src), "-c", "name", "-o", str(out_path)])
    assert (code, err) == (0, "")
    rows = list(csv.DictReader(io.StringIO(out_path.read_text(), newline="")))
    assert [r["id"] for r in rows] == [str(i) for i in range(300)]
    assert rows[250]["name"] == long_name
    assert rows[250]["name_key"] == "tokayev" * 5000


def test_very_long_fields_on_stdin_are_a_clear_error(
    app: typer.Typer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(csvio, "DEFAULT_BLOCK_SIZE", 1024)
    data = b"id,name\n" + b"".join(b"%d,x\n" % i for i in range(500)) + b"1," + b"y" * 5000 + b"\n"
    code, _, err = run(app, ["-", "-c", "name"], stdin=data)
    assert code == 1
    assert "longer than" in one_line_error(err)


def test_mixed_types_in_a_csv_column_stay_text(app: typer.Typer, tmp_path: Path) -> None:
    src = tmp_path / "in.csv"
    src.write_text("id,name\n1,0042\n2,3.10\n3,true\n4,Tokayev\n5,2024-01-01\n")
    code, out, _ = run(app, [str(src), "-c", "name"])
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["name"] for r in rows] == ["0042", "3.10", "true", "Tokayev", "2024-01-01"]
    assert [r["name_key"] for r in rows] == ["0042", "310", "true", "tokayev", "20240101"]


def test_mixed_types_in_a_jsonl_field(app: typer.Typer, tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    records: list[dict[str, object]] = [
        {"name": 42, "n": 1},
        {"name": True},
        {"name": None},
        {"name": ["a", "b"]},
        {"name": "Tokayev"},
        {"other": 1},
        {"name": 1.5},
    ]
    src.write_text("".join(json.dumps(r) + "\n" for r in records))
    code, out, _ = run(app, [str(src), "-c", "name"])
    assert code == 0
    got = [json.loads(x) for x in out.splitlines()]
    assert [g.get("name", "absent") for g in got] == [r.get("name", "absent") for r in records]
    assert [g["name_key"] for g in got] == ["42", "true", None, "ab", "tokayev", None, "15"]
    assert got[0]["n"] == 1 and list(got[0]) == [
        "name",
        "name_normalized",
        "name_key",
        "name_entity",
        "name_method",
        "n",
    ]
    assert list(got[5]) == ["other", "name_normalized", "name_key", "name_entity", "name_method"]


def test_unknown_format_and_stdin_binary_formats_are_usage_errors(
    app: typer.Typer, tmp_path: Path
) -> None:
    src = tmp_path / "in.dat"
    src.write_text("name\nx\n")
    code, _, err = run(app, [str(src), "-c", "name"])
    assert code == 2
    assert "--format" in one_line_error(err)
    code, _, err = run(app, ["-", "-c", "name", "--format", "parquet"], stdin=b"x")
    assert code == 1 or code == 2
    one_line_error(err)
    code, _, err = run(app, [str(src), "-c", "name", "--format", "yaml"])
    assert code == 2


def test_missing_file_is_a_usage_error(app: typer.Typer, tmp_path: Path) -> None:
    code, _, err = run(app, [str(tmp_path / "nope.csv"), "-c", "name"])
    assert code == 2
    assert "no such file" in one_line_error(err)


def test_malformed_row_deep_in_a_threaded_read_names_its_line(
    app: typer.Typer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Files are parsed on several threads, which do not know row numbers: the error
    still names the right line (found again by a single-threaded pass)."""
    monkeypatch.setattr(csvio, "DEFAULT_BLOCK_SIZE", 1024)
    lines = ["id,name", '0,"two\nlines"'] + [f"{i},n{i}" for i in range(1, 3000)]
    lines[2500] = "2499,x,extra"
    src = tmp_path / "in.csv"
    src.write_text("\n".join(lines) + "\n")
    code, _, err = run(app, [str(src), "-c", "name", "-o", str(tmp_path / "out.csv")])
    assert code == 1
    assert "malformed row at line 2502:" in one_line_error(err)  # +1: the quoted line break
