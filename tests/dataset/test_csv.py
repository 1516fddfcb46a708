"""CSV and TSV through ``translit normalize FILE``: rows, order and text kept exactly."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from tests.dataset.fakes import CountingNormalizer, fake_result
from translit.dataset import csvio
from translit.dataset.columns import NameCache
from translit.dataset.pipeline import normalize_file

runner = CliRunner()

ADDED = ["name_normalized", "name_key", "name_entity", "name_method"]


def run(app: typer.Typer, args: list[str], stdin: bytes | None = None) -> tuple[int, bytes, str]:
    result = runner.invoke(app, ["normalize", *args], input=stdin)
    return result.exit_code, result.stdout_bytes, result.stderr


def test_added_columns_follow_the_named_column(app: typer.Typer, tmp_path: Path) -> None:
    src = tmp_path / "people.csv"
    src.write_text('id,name,city\n007,tokayev,Astana\n008,Назарбаев,"Almaty, KZ"\n')
    code, out, _ = run(app, [str(src), "--column", "name"])
    assert code == 0
    assert out.decode() == (
        "id,name,name_normalized,name_key,name_entity,name_method,city\n"
        "007,tokayev,Tokayev,tokayev,Q1,gazetteer,Astana\n"
        '008,Назарбаев,Назарбаев,назарбаев,,romanized,"Almaty, KZ"\n'
    )


def test_every_field_comes_back_as_it_went_in(app: typer.Typer, tmp_path: Path) -> None:
    """Leading zeros, quotes, separators, line breaks, empty vs "" and unicode survive."""
    rows = [
        ["id", "name", "note", "amount"],
        ["007", "Tokayev", 'say "hi"', "1.50"],
        ["0008", "", "a,b", "1e3"],
        ["9", "Qasym\nZhomart", "", "-0"],
        ["00", "  ", "тест ✓", "NaN"],
    ]
    src = tmp_path / "in.csv"
    with open(src, "w", newline="", encoding="utf-8") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)
    code, out, _ = run(app, [str(src), "-c", "name"])
    assert code == 0
    got = list(csv.reader(io.StringIO(out.decode(), newline="")))
    assert got[0] == ["id", "name", *ADDED, "note", "amount"]
    assert [[r[0], r[1], r[6], r[7]] for r in got] == rows
    assert got[4][2:6] == ["", "", "", ""]  # blank names stay blank


def test_quoted_empty_and_missing_fields_keep_their_form(app: typer.Typer, tmp_path: Path) -> None:
    src = tmp_path / "in.csv"
    src.write_text('a,name,b\n"",x,\n,"",""\n')
    code, out, _ = run(app, [str(src), "-c", "name"])
    assert code == 0
    assert out.decode().splitlines()[1:] == ['"",x,X,x,,unchanged,', ',"",,,,,""']


def test_row_order_and_count_kept_over_many_batches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(csvio, "DEFAULT_BLOCK_SIZE", 1024)
    names = [f"name{i % 97}" for i in range(5000)]
    src = tmp_path / "in.csv"
    src.write_text("i,name\n" + "".join(f"{i:05d},{n}\n" for i, n in enumerate(names)))
    counting = CountingNormalizer()
    out = io.BytesIO()
    report = normalize_file(str(src), None, ["name"], NameCache(counting), stdout=out)
    assert report.rows == 5000
    got = list(csv.DictReader(io.StringIO(out.getvalue().decode())))
    assert [r["i"] for r in got] == [f"{i:05d}" for i in range(5000)]
    assert [r["name_key"] for r in got] == [fake_result(n).key for n in names]
    assert len(counting.batches) > 1  # several batches were read ...
    assert sorted(counting.seen) == sorted(set(names))  # ... each name normalized once


def test_stdin_to_stdout(app: typer.Typer) -> None:
    code, out, _ = run(app, ["-", "-c", "name"], stdin=b"name\nTokayev\n")
    assert code == 0
    assert out.decode() == "name,name_normalized,name_key,name_entity,name_method\n" + (
        "Tokayev,Tokayev,tokayev,Q1,gazetteer\n"
    )


def test_stdin_is_the_default_input(app: typer.Typer) -> None:
    code, out, _ = run(app, ["-c", "name"], stdin=b"name\nx\n")
    assert code == 0
    assert out.decode().splitlines()[1] == "x,X,x,,unchanged"


def test_tsv_has_no_quoting(app: typer.Typer, tmp_path: Path) -> None:
    src = tmp_path / "in.tsv"
    src.write_text('id\tname\tquote\n1\t"Tokayev"\tsaid "x", twice\n')
    code, out, _ = run(app, [str(src), "-c", "name"])
    assert code == 0
    assert out.decode().splitlines() == [
        "id\tname\t" + "\t".join(ADDED) + "\tquote",
        '1\t"Tokayev"\t"tokayev"\ttokayev\tQ1\tgazetteer\tsaid "x", twice',
    ]


def test_format_option_overrides_the_extension(app: typer.Typer, tmp_path: Path) -> None:
    src = tmp_path / "names.txt"
    src.write_text("id\tname\n1\tx\n")
    code, out, _ = run(app, [str(src), "-c", "name", "--format", "tsv"])
    assert code == 0
    assert out.decode().splitlines()[1] == "1\tx\tX\tx\t\tunchanged"


def test_several_columns(app: typer.Typer, tmp_path: Path) -> None:
    src = tmp_path / "in.csv"
    src.write_text("a,b,c\nx y,k,z\n")
    code, out, _ = run(app, [str(src), "-c", "c", "-c", "a"])
    assert code == 0
    header, row = out.decode().splitlines()
    assert header.split(",") == [
        "a",
        *[f"a_{s}" for s in ("normalized", "key", "entity", "method")],
        "b",
        "c",
        *[f"c_{s}" for s in ("normalized", "key", "entity", "method")],
    ]
    assert row == "x y,X Y,xy,,unchanged,k,z,Z,z,,unchanged"


@pytest.mark.parametrize("header", ["name,name_key,other", "name,other,name_normalized"])
def test_an_added_column_already_there_is_refused(
    app: typer.Typer, tmp_path: Path, header: str
) -> None:
    """Replacing it would lose its values without a word (issue 15, defect 7)."""
    src = tmp_path / "in.csv"
    src.write_text(header + "\nx,stale,1\n")
    code, _, err = run(app, [str(src), "-c", "name", "-o", str(tmp_path / "out.csv")])
    assert code == 2
    assert "already has the column(s) name_" in err
    assert not (tmp_path / "out.csv").exists()


def test_bom_and_crlf(app: typer.Typer, tmp_path: Path) -> None:
    src = tmp_path / "in.csv"
    src.write_bytes(b"\xef\xbb\xbfid,name\r\n1,x\r\n")
    code, out, _ = run(app, [str(src), "-c", "name"])
    assert code == 0
    assert out.startswith(b"\xef\xbb\xbf")  # the input's BOM is kept (issue 15)
    assert out[3:].decode().splitlines() == ["id,name," + ",".join(ADDED), "1,x,X,x,,unchanged"]
