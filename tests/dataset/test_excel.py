"""Excel (issue 15, defect 5): formulas still read their cells, merges are kept,
``--sheet NAME|all`` chooses worksheets, and numbers from CSV are numbers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from translit.dataset.excel import number_from_text

openpyxl = pytest.importorskip("openpyxl")
runner = CliRunner()
ADDED = ["name_normalized", "name_key", "name_entity", "name_method"]


def run(app: typer.Typer, args: list[str]) -> tuple[int, str]:
    result = runner.invoke(app, ["normalize", *args])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stderr


def book_with_formula_and_merge(path: Path) -> None:
    book = openpyxl.Workbook()
    people = book.active
    people.title = "people"
    people.append(["id", "name", "score", "double"])
    people.append([1, "Tokayev", 21, "=C2*2"])
    people.append([2, "Nazarbayev", 5, "=C3*2"])
    people.merge_cells("A4:B4")
    people["A4"] = "total"
    people["C4"] = "=SUM(C2:C3)"
    staff = book.create_sheet("staff")
    staff.append(["name", "role"])
    staff.append(["Тоқаев", "chair"])
    staff.merge_cells("B3:B4")
    notes = book.create_sheet("notes")
    notes.append(["no names here"])
    book.save(path)


def values(path: Path, title: str, data_only: bool = False) -> list[list[Any]]:
    sheet = openpyxl.load_workbook(path, data_only=data_only)[title]
    return [[c.value for c in row] for row in sheet.iter_rows()]


def test_formulas_keep_their_cells_and_merges_are_kept(app: typer.Typer, tmp_path: Path) -> None:
    src, out = tmp_path / "in.xlsx", tmp_path / "out.xlsx"
    book_with_formula_and_merge(src)
    code, err = run(app, [str(src), "-c", "name", "-o", str(out)])
    assert code == 0, err
    rows = values(out, "people")
    assert rows[0] == ["id", "name", "score", "double", *ADDED]
    # =C2*2 still reads the score (column C), not a column the run added.
    assert rows[1][2] == 21 and rows[1][3] == "=C2*2" and rows[3][2] == "=SUM(C2:C3)"
    assert rows[1][4]  # the added value, after the last column
    book = openpyxl.load_workbook(out)
    assert [str(r) for r in book["people"].merged_cells.ranges] == ["A4:B4"]
    assert [str(r) for r in book["staff"].merged_cells.ranges] == ["B3:B4"]
    assert book.sheetnames == ["people", "staff", "notes"]
    assert "follow the last column (D)" in err


def test_sheet_by_name(app: typer.Typer, tmp_path: Path) -> None:
    src, out = tmp_path / "in.xlsx", tmp_path / "out.csv"
    book_with_formula_and_merge(src)
    code, err = run(app, [str(src), "-c", "name", "--sheet", "staff", "-o", str(out)])
    assert code == 0, err
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "name,name_normalized,name_key,name_entity,name_method,role"
    assert lines[1].startswith("Тоқаев,")
    code, err = run(app, [str(src), "-c", "name", "--sheet", "nope"])
    assert code == 2 and "people, staff, notes" in err


def test_sheet_all_normalizes_every_sheet_with_the_column(app: typer.Typer, tmp_path: Path) -> None:
    src, out = tmp_path / "in.xlsx", tmp_path / "out.xlsx"
    book_with_formula_and_merge(src)
    code, err = run(app, [str(src), "-c", "name", "--sheet", "all", "-o", str(out)])
    assert code == 0, err
    assert values(out, "people")[0][4:] == ADDED
    staff = values(out, "staff")
    assert staff[0] == ["name", "role", *ADDED]
    assert staff[1][0] == "Тоқаев" and staff[1][2]
    assert values(out, "notes") == [["no names here"]]
    code, err = run(app, [str(src), "-c", "name", "--sheet", "all", "-o", str(tmp_path / "o.csv")])
    assert code == 2 and "Excel output" in err


def test_sheet_is_for_excel_input(app: typer.Typer, tmp_path: Path) -> None:
    src = tmp_path / "in.csv"
    src.write_text("name\nx\n")
    code, err = run(app, [str(src), "-c", "name", "--sheet", "x"])
    assert code == 2 and "--sheet" in err


def test_csv_numbers_become_numbers_in_excel(app: typer.Typer, tmp_path: Path) -> None:
    src, out = tmp_path / "in.csv", tmp_path / "out.xlsx"
    src.write_text("id,name,amount,code\n1,Tokayev,12.5,007\n2,x,-3,1.50\n")
    code, err = run(app, [str(src), "-c", "name", "-o", str(out)])
    assert code == 0, err
    rows = values(out, "Sheet1")
    assert rows[1][0] == 1 and rows[1][-2] == 12.5 and rows[1][-1] == "007"
    assert rows[2][-2] == -3 and rows[2][-1] == "1.50"


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("12", 12.0),
        ("-3.5", -3.5),
        ("0", 0.0),
        ("0.25", 0.25),
        ("007", None),
        ("+7", None),
        ("1e5", None),
        ("1.50", None),
        ("1234567890123456", None),  # more digits than Excel keeps
        (" 1", None),
        ("", None),
        ("1,000", None),
    ],
)
def test_number_from_text(text: str, number: float | None) -> None:
    assert number_from_text(text) == number
