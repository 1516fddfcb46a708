"""Rows out plus rows rejected equal rows in, or the run fails and names the line.

The case that broke it (issue 15, defect 1): a quote opened in the last field of a
row and never closed makes the CSV parser read the rest of the file as that one
field. Every reader and output is checked: CSV and Parquet out, files and standard
input, one process and worker processes; TSV (no quoting) and JSON Lines read such
a row as an ordinary value or a bad line.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from translit.dataset import csvio
from translit.dataset.runner import normalize_files
from translit.errors import InputDataError

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

runner = CliRunner()
GOOD_ROWS = 50_000


def stray_quote_csv(good_rows: int = GOOD_ROWS, *, newline: str = "\n") -> bytes:
    """Row 1 opens a quote in its last column; ``good_rows`` well-formed rows follow."""
    lines = ["id,name", '1,"Tokayev']
    lines += [f"{i},Name {i}" for i in range(2, good_rows + 2)]
    return (newline.join(lines) + newline).encode()


def run(app: typer.Typer, args: list[str], stdin: bytes | None = None) -> tuple[int, str]:
    result = runner.invoke(app, ["normalize", *args], input=stdin)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stderr


@pytest.mark.parametrize("out_name", ["out.csv", "out.parquet", "out.jsonl"])
def test_unclosed_quote_fails_with_its_line(
    app: typer.Typer, tmp_path: Path, out_name: str
) -> None:
    src = tmp_path / "in.csv"
    src.write_bytes(stray_quote_csv())
    out = tmp_path / out_name
    code, err = run(app, [str(src), "-c", "name", "-o", str(out)])
    assert code == 1
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "unclosed quote" in err and "line 2" in err
    assert f"{GOOD_ROWS} more lines" in err
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv"]


def test_unclosed_quote_on_stdin_names_the_record(app: typer.Typer) -> None:
    code, err = run(app, ["-", "-c", "name"], stdin=stray_quote_csv(2000))
    assert code == 1
    assert "unclosed quote" in err and "record 2" in err


def test_unclosed_quote_on_stdin_beyond_the_kept_tail(app: typer.Typer) -> None:
    """Standard input keeps only its last 64 KiB: the swallowed rows are far longer."""
    code, err = run(app, ["-", "-c", "name"], stdin=stray_quote_csv(20_000))
    assert code == 1 and "unclosed quote" in err and "record 2" in err


def test_unclosed_quote_with_crlf_and_no_final_newline(app: typer.Typer, tmp_path: Path) -> None:
    src = tmp_path / "in.csv"
    src.write_bytes(stray_quote_csv(300, newline="\r\n").rstrip(b"\r\n"))
    code, err = run(app, [str(src), "-c", "name", "-o", str(tmp_path / "o.csv")])
    assert code == 1 and "line 2" in err


def test_unclosed_quote_found_by_the_fuzz(app: typer.Typer, tmp_path: Path) -> None:
    """CRLF, a field longer than the parser's block: Arrow leaves the last LF out of the
    unclosed field, which the check must still see (found by test_fuzz_csv)."""
    src = tmp_path / "in.csv"
    src.write_bytes(b"c0,c1,c2\r\n0," + "Ж".encode() * 3000 + b',"unclosed\r\nzzz\r\n')
    code, err = run(app, [str(src), "-c", "c1", "-o", str(tmp_path / "o.csv")])
    assert code == 1 and "unclosed quote" in err and "line 2" in err


def test_unclosed_quote_skip_bad_rows_still_fails(app: typer.Typer, tmp_path: Path) -> None:
    """Setting the row aside would set the 50,000 rows it swallowed aside with it."""
    src = tmp_path / "in.csv"
    src.write_bytes(stray_quote_csv(500))
    code, err = run(app, [str(src), "-c", "name", "-o", str(tmp_path / "o.csv"), "--skip-bad-rows"])
    assert code == 1 and "unclosed quote" in err


def test_unclosed_quote_in_a_file_bigger_than_a_block(
    app: typer.Typer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The field straddles parser blocks: the reader grows its block, then must still fail."""
    monkeypatch.setattr(csvio, "DEFAULT_BLOCK_SIZE", 1 << 14)
    src = tmp_path / "in.csv"
    src.write_bytes(stray_quote_csv(20_000))
    code, err = run(app, [str(src), "-c", "name", "-o", str(tmp_path / "o.csv")])
    assert code == 1 and "unclosed quote" in err


def test_unclosed_quote_with_worker_processes(tmp_path: Path) -> None:
    src = tmp_path / "in.csv"
    src.write_bytes(stray_quote_csv(5000))
    out = tmp_path / "o.csv"
    with pytest.raises(InputDataError, match="unclosed quote"):
        normalize_files([str(src)], ["name"], output=str(out), jobs=2)
    assert not out.exists()


@pytest.mark.parametrize(
    ("content", "rows"),
    [
        # A closed quoted last field, whatever it holds, is one value.
        ('id,name\n1,"a ""b"" c"\n2,x\n', 2),
        ('id,name\n1,"multi\nline"\n2,"end"', 2),
        ('id,name\n1,""""\n', 1),  # the value is one quote
        ('id,name\n1,"\n"\n', 1),  # the value is a line end
        ('id,name\r\n1,"a"\r\n', 1),
        ("id,name\n1,O'Brien\n2,5\"11\n", 2),  # quotes inside unquoted fields are text
    ],
)
def test_closed_quotes_are_not_mistaken_for_unclosed(
    app: typer.Typer, tmp_path: Path, content: str, rows: int
) -> None:
    src = tmp_path / "in.csv"
    src.write_text(content, newline="")
    out = tmp_path / "o.csv"
    code, err = run(app, [str(src), "-c", "name", "-o", str(out)])
    assert code == 0, err
    with open(out, newline="") as f:
        assert len(list(csv.DictReader(f))) == rows


@pytest.mark.parametrize(
    ("tail", "whole", "opened", "expected"),
    [
        (b'x,"abc\n', True, b'"abc\n', True),
        (b'x,"abc"\n', True, b'"abc', False),
        (b'x,""""', True, b'"""', False),  # a closed field holding one quote
        # Only the end of a long field is kept: a line end inside says it was quoted.
        (b"\n2,x\n", False, b'"abc\n2,x\n', True),
        (b"bc\n", False, b'"abc\n', False),  # maybe an unquoted value: no rows lost
        (b'bc"\n', False, b'"abc', False),
    ],
)
def test_unclosed_at_end(tail: bytes, whole: bool, opened: bytes, expected: bool) -> None:
    assert csvio.unclosed_at_end(tail, whole, opened) is expected


def test_tsv_reads_a_quote_as_text(app: typer.Typer, tmp_path: Path) -> None:
    src = tmp_path / "in.tsv"
    src.write_text('id\tname\n1\t"Tokayev\n2\tb\n3\tc\n')
    out = tmp_path / "o.tsv"
    code, err = run(app, [str(src), "-c", "name", "-o", str(out)])
    assert code == 0, err
    assert len(out.read_text().splitlines()) == 4
    assert '"Tokayev' in out.read_text()


def test_jsonl_stray_quote_is_a_bad_line(app: typer.Typer, tmp_path: Path) -> None:
    lines = ['{"id": 1, "name": "Tokayev}'] + [json.dumps({"id": i, "name": "x"}) for i in range(9)]
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(lines) + "\n")
    code, err = run(app, [str(src), "-c", "name", "-o", str(tmp_path / "o.jsonl")])
    assert code == 1 and "line 1" in err
    code, err = run(
        app, [str(src), "-c", "name", "-o", str(tmp_path / "o.jsonl"), "--skip-bad-rows"]
    )
    assert code == 0
    kept = (tmp_path / "o.jsonl").read_text().splitlines()
    rejected = (tmp_path / "o.jsonl.rejected.jsonl").read_text().splitlines()
    assert len(kept) + len(rejected) == len(lines)


def test_rows_in_equal_rows_out(app: typer.Typer, tmp_path: Path) -> None:
    """The same 50,000-row file without the stray quote: every row comes out, in order."""
    src = tmp_path / "in.csv"
    src.write_bytes(stray_quote_csv().replace(b'"Tokayev', b'"Tokayev"'))
    out = tmp_path / "o.parquet"
    code, err = run(app, [str(src), "-c", "name", "-o", str(out)])
    assert code == 0, err
    table = pq.read_table(out)
    assert table.num_rows == GOOD_ROWS + 1
    assert table.column("id").to_pylist()[:3] == ["1", "2", "3"]
