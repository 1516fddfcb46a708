"""Parquet, Excel and JSON Lines: types, nulls, formulas and columns come out as they went in."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from tests.dataset.fakes import fake_result

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")
openpyxl = pytest.importorskip("openpyxl")

runner = CliRunner()
ADDED = ["name_normalized", "name_key", "name_entity", "name_method"]


def run(app: typer.Typer, args: list[str]) -> tuple[int, str, str]:
    result = runner.invoke(app, ["normalize", *args])
    return result.exit_code, result.stdout, result.stderr


# -- Parquet ------------------------------------------------------------------------------


def typed_table() -> Any:
    return pa.table(
        {
            "id": pa.array([1, 2, 3, 4], pa.int64()),
            "code": pa.array(["007", "008", None, "010"], pa.string()),
            "name": pa.array(["Tokayev", None, "", "Алматы"], pa.string()).dictionary_encode(),
            "amount": pa.array(
                [Decimal("1.50"), None, Decimal("-2.25"), Decimal("0")], pa.decimal128(10, 2)
            ),
            "score": pa.array([0.5, float("nan"), None, 1e300], pa.float64()),
            "ok": pa.array([True, False, None, True]),
            "when": pa.array(
                [dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=dt.timezone.utc), None, None, None],
                pa.timestamp("us", tz="UTC"),
            ),
            "day": pa.array([dt.date(2020, 2, 29), None, None, dt.date(1900, 1, 1)], pa.date32()),
            "tags": pa.array([["a", "b"], [], None, ["c"]], pa.list_(pa.string())),
            "small": pa.array([1, -1, None, 127], pa.int8()),
        }
    ).replace_schema_metadata({"source": "test"})


def test_parquet_keeps_types_values_and_metadata(app: typer.Typer, tmp_path: Path) -> None:
    src = tmp_path / "in.parquet"
    table = typed_table()
    pq.write_table(table, src)
    out = tmp_path / "out.parquet"
    code, _, err = run(app, [str(src), "-c", "name", "-o", str(out)])
    assert (code, err) == (0, "")
    got = pq.read_table(out)
    source = pq.read_table(src)  # as Parquet hands it back (dictionary kept)
    assert got.column_names == [
        "id",
        "code",
        "name",
        *ADDED,
        "amount",
        "score",
        "ok",
        "when",
        "day",
        "tags",
        "small",
    ]
    for name in source.column_names:
        assert got.schema.field(name).type == source.schema.field(name).type, name
        # (repr, not ==: NaN is not equal to itself)
        assert repr(got.column(name).to_pylist()) == repr(source.column(name).to_pylist()), name
    assert got.schema.metadata[b"source"] == b"test"
    names = source.column("name").to_pylist()
    assert got.column("name_key").to_pylist() == [
        None if n is None or n.strip() == "" else fake_result(n).key for n in names
    ]
    for added in ADDED:
        assert got.schema.field(added).type == pa.string()


def test_parquet_non_string_name_column(app: typer.Typer, tmp_path: Path) -> None:
    """A numeric or list column can be named: it is normalized as text, left as it was."""
    src = tmp_path / "in.parquet"
    pq.write_table(pa.table({"name": pa.array([7, None, 7, 12], pa.int32())}), src)
    out = tmp_path / "out.parquet"
    code, _, _ = run(app, [str(src), "-c", "name", "-o", str(out)])
    assert code == 0
    got = pq.read_table(out)
    assert got.schema.field("name").type == pa.int32()
    assert got.column("name").to_pylist() == [7, None, 7, 12]
    assert got.column("name_key").to_pylist() == ["7", None, "7", "12"]


def test_parquet_without_rows(app: typer.Typer, tmp_path: Path) -> None:
    src = tmp_path / "in.parquet"
    pq.write_table(typed_table().slice(0, 0), src)
    out = tmp_path / "out.parquet"
    code, _, _ = run(app, [str(src), "-c", "name", "-o", str(out)])
    assert code == 0
    got = pq.read_table(out)
    assert got.num_rows == 0
    assert got.schema.field("day").type == pa.date32()
    assert got.column_names[3:7] == ADDED


@pytest.mark.parametrize("ext", ["parquet", "xlsx"])
def test_missing_column_lists_the_columns_in_binary_formats(
    app: typer.Typer, tmp_path: Path, ext: str
) -> None:
    src = tmp_path / f"in.{ext}"
    if ext == "parquet":
        pq.write_table(pa.table({"id": [1], "nme": ["x"]}), src)
    else:
        write_xlsx(src, [["id", "nme"], [1, "x"]])
    code, _, err = run(app, [str(src), "-c", "name", "-o", str(tmp_path / f"out.{ext}")])
    assert code == 1
    assert err.strip() == f"translit: error: {src}: no column 'name'; the columns are: 'id', 'nme'"
    assert not (tmp_path / f"out.{ext}").exists()


def test_not_a_parquet_file(app: typer.Typer, tmp_path: Path) -> None:
    src = tmp_path / "in.parquet"
    src.write_bytes(b"id,name\n1,x\n")
    code, _, err = run(app, [str(src), "-c", "name", "-o", str(tmp_path / "o.parquet")])
    assert code == 1
    assert "not a readable Parquet file" in err and len(err.strip().splitlines()) == 1


def test_empty_parquet_file(app: typer.Typer, tmp_path: Path) -> None:
    src = tmp_path / "in.parquet"
    src.write_bytes(b"")
    code, _, err = run(app, [str(src), "-c", "name", "-o", str(tmp_path / "o.parquet")])
    assert code == 1
    assert err.startswith("translit: error: ")


# -- Excel --------------------------------------------------------------------------------


def write_xlsx(path: Path, rows: list[list[Any]], formulas: dict[str, str] | None = None) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "people"
    for row in rows:
        sheet.append(row)
    for ref, formula in (formulas or {}).items():
        sheet[ref] = formula  # a string starting with "=": openpyxl stores a formula
    extra = book.create_sheet("notes")
    extra.append(["kept", 1])
    book.save(path)


def cells(path: Path, sheet: int = 0) -> list[list[tuple[Any, str]]]:
    """(value, data type) of every cell; data type 'f' = formula, 's' = text, 'n' = number."""
    book = openpyxl.load_workbook(path, data_only=False)
    ws = book.worksheets[sheet]
    return [[(c.value, c.data_type) for c in row] for row in ws.iter_rows()]


def test_excel_formulas_stay_formulas_and_formula_like_names_stay_text(
    app: typer.Typer, tmp_path: Path
) -> None:
    src = tmp_path / "in.xlsx"
    write_xlsx(
        src,
        [
            ["id", "name", "when"],
            ["007", "Tokayev", dt.datetime(2024, 5, 6, 7, 8, 9)],
            [8, None, None],
            [9.5, "+7 701 000", True],
            [10, "placeholder", None],
        ],
        formulas={"B5": '=CONCAT("Tok","ayev")', "A4": "=1+1"},
    )
    book = openpyxl.load_workbook(src)
    sheet = book.worksheets[0]
    # A name that is text but looks like a formula (a cell typed as a string).
    sheet.cell(row=6, column=1, value=11)
    sheet.cell(row=6, column=2, value='=HYPERLINK("x")').data_type = "s"
    book.save(src)
    out = tmp_path / "out.xlsx"
    code, _, err = run(app, [str(src), "-c", "name", "-o", str(out)])
    assert code == 0
    assert "the added columns follow the last column (C)" in err  # issue 15: said so
    got = cells(out)
    # The added columns go after the last one: formulas keep pointing at their cells.
    assert [v for v, _ in got[0]] == ["id", "name", "when", *ADDED]
    assert got[1][0] == ("007", "s")  # text stays text: no leading zero lost
    assert got[1][1] == ("Tokayev", "s") and got[1][3] == ("Tokayev", "s")
    assert got[1][2][0] == dt.datetime(2024, 5, 6, 7, 8, 9)
    assert got[2][1][0] is None and got[2][3][0] is None  # a null name stays empty
    assert got[3][0] == ("=1+1", "f")  # formula cells stay formulas
    assert got[3][1] == ("+7 701 000", "s") and got[3][3] == ("+7 701 000", "s")
    assert got[3][2] == (True, "b")
    assert got[4][1] == ('=CONCAT("Tok","ayev")', "f")
    assert got[4][3][1] == "s"  # what was added is always text
    assert got[5][1] == ('=HYPERLINK("x")', "s")  # formula-like text stays text
    assert got[5][3][1] == "s"
    assert cells(out, 1) == [[("kept", "s"), (1, "n")]]  # other sheets are copied


def test_csv_names_that_look_like_formulas_are_text_in_excel(
    app: typer.Typer, tmp_path: Path
) -> None:
    src = tmp_path / "in.csv"
    src.write_text('id,name\n007,"=HYPERLINK(""http://x"",""y"")"\n2,+77010000000\n3,@SUM(A1)\n')
    out = tmp_path / "out.xlsx"
    code, _, _ = run(app, [str(src), "-c", "name", "-o", str(out)])
    assert code == 0
    got = cells(out)
    assert got[1][0] == ("007", "s")  # a leading zero: text
    assert got[2][0] == (2, "n") and got[3][0] == (3, "n")  # plain numbers: numbers
    assert got[1][1] == ('=HYPERLINK("http://x","y")', "s")
    assert got[2][1] == ("+77010000000", "s")
    assert got[3][1] == ("@SUM(A1)", "s")
    assert all(dtype == "s" for row in got[1:] for _, dtype in row[1:] if _ is not None)


def test_excel_to_csv_writes_formulas_as_their_text(app: typer.Typer, tmp_path: Path) -> None:
    src = tmp_path / "in.xlsx"
    write_xlsx(src, [["id", "name"], [1, "x"]], formulas={"B2": '=UPPER("x")'})
    code, out, err = run(app, [str(src), "-c", "name"])
    assert code == 0
    assert out.splitlines()[1].startswith('1,"=UPPER(""x"")"')
    assert "only the worksheet 'people' was written (see --sheet)" in err


def test_empty_workbook_sheet_is_an_error(app: typer.Typer, tmp_path: Path) -> None:
    src = tmp_path / "in.xlsx"
    book = openpyxl.Workbook()
    book.save(src)
    code, _, err = run(app, [str(src), "-c", "name", "-o", str(tmp_path / "o.xlsx")])
    assert code == 1
    assert "empty" in err and len(err.strip().splitlines()) == 1


def test_header_only_workbook(app: typer.Typer, tmp_path: Path) -> None:
    src = tmp_path / "in.xlsx"
    write_xlsx(src, [["id", "name"]])
    out = tmp_path / "out.xlsx"
    code, _, _ = run(app, [str(src), "-c", "name", "-o", str(out)])
    assert code == 0
    assert [v for v, _ in cells(out)[0]] == ["id", "name", *ADDED]
    assert len(cells(out)) == 1


# -- JSON Lines ---------------------------------------------------------------------------


def test_jsonl_keeps_types_and_key_order(app: typer.Typer, tmp_path: Path) -> None:
    records = [
        {"id": "007", "name": "Tokayev", "n": 1, "x": 1.5, "tags": ["a"], "meta": {"k": None}},
        {"name": None, "id": "008", "ok": False},
        {"id": 9, "name": "", "big": 12345678901234567890},
    ]
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
    code, out, _ = run(app, [str(src), "-c", "name"])
    assert code == 0
    got = [json.loads(line) for line in out.splitlines()]
    for before, after in zip(records, got, strict=True):
        assert {k: v for k, v in after.items() if k not in ADDED} == before
        assert type(after["id"]) is type(before["id"])
    assert list(got[0]) == ["id", "name", *ADDED, "n", "x", "tags", "meta"]
    assert got[0]["name_entity"] == "Q1"
    assert [g["name_normalized"] for g in got[1:]] == [None, None]
