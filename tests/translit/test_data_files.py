"""The shipped gazetteer and name lexicon pass ``scripts/check_data.py``, and the checker
catches the problems it is there to catch; the derived surname stems are up to date."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"


def _script(name: str) -> ModuleType:
    """Import ``scripts/<name>.py`` by path (``scripts`` is not a package)."""
    path = ROOT / "scripts" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"_script_{name}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


check_data = _script("check_data")
derive_stems = _script("derive_surname_stems")


def test_shipped_data_has_no_problems() -> None:
    assert check_data.check(DATA) == []


def test_derived_surname_stems_are_up_to_date() -> None:
    path, text = derive_stems.rebuilt(DATA)
    assert text == path.read_text(encoding="utf-8"), "run scripts/derive_surname_stems.py"


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the checked folders; it passes the checker as copied."""
    for folder in ("names", "gazetteer"):
        shutil.copytree(DATA / folder, tmp_path / folder)
    assert check_data.check(tmp_path) == []
    return tmp_path


def _edit(path: Path, change: Callable[[list[str]], list[str]]) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(change(lines)) + "\n", encoding="utf-8")


def _body_start(lines: list[str]) -> int:
    """Index of the first data row (after comments and the column header)."""
    return next(i for i, line in enumerate(lines) if not line.startswith("#")) + 1


def _drop_comments(lines: list[str]) -> list[str]:
    return [line for line in lines if not line.startswith("#")]


def _rename_column(lines: list[str]) -> list[str]:
    at = _body_start(lines) - 1
    return [*lines[:at], lines[at].replace("gender", "sex"), *lines[at + 1 :]]


def _duplicate_row(lines: list[str]) -> list[str]:
    at = _body_start(lines)
    return [*lines[: at + 1], lines[at], *lines[at + 1 :]]


def _swap_rows(lines: list[str]) -> list[str]:
    at = _body_start(lines)
    return [*lines[:at], lines[at + 1], lines[at], *lines[at + 2 :]]


def _truncate(lines: list[str]) -> list[str]:
    return lines[: _body_start(lines) + 10]


def _replace_first_row(old: str, new: str) -> Callable[[list[str]], list[str]]:
    def change(lines: list[str]) -> list[str]:
        at = next(i for i in range(_body_start(lines), len(lines)) if old in lines[i])
        return [*lines[:at], lines[at].replace(old, new, 1), *lines[at + 1 :]]

    return change


def _set_cell(column: int, value: str) -> Callable[[list[str]], list[str]]:
    def change(lines: list[str]) -> list[str]:
        at = _body_start(lines)
        cells = lines[at].split("\t")
        cells[column] = value
        return [*lines[:at], "\t".join(cells), *lines[at + 1 :]]

    return change


PLANTED = [
    ("given_ru.tsv", _drop_comments, "no header comment naming the sources"),
    ("given_ru.tsv", _rename_column, "header ['ru', 'sex', 'en'] is not"),
    ("given_ru.tsv", _duplicate_row, "duplicate"),
    ("given_ru.tsv", _swap_rows, "out of order"),
    ("given_ru.tsv", _truncate, "10 rows, need at least 500"),
    ("given_ru.tsv", _set_cell(1, "x"), "gender 'x' is not m, f or u"),
    ("given_ru.tsv", _set_cell(2, "Алексей"), "is not Latin"),
    ("given_ru.tsv", _replace_first_row("Иван\t", "Іван\t"), "is not a Cyrillic name"),
    ("given_ru.tsv", _replace_first_row("Иван\t", "Ivan\t"), "is not a Cyrillic name"),
    ("given_ru.tsv", _replace_first_row("Иван\t", "иван\t"), "is not capitalised"),
    ("surname_stems.tsv", _drop_comments, "no header comment naming the sources"),
    ("surname_stems.tsv", _duplicate_row, "duplicate"),
    ("surname_stems.tsv", _swap_rows, "out of order"),
    ("surname_stems.tsv", _truncate, "10 rows, need at least 2000"),
    ("surname_stems.tsv", _set_cell(1, "Тоқа"), "ru_stem 'Тоқа' is not a Cyrillic name"),
    ("surname_stems.tsv", _set_cell(2, "ова"), "suffix 'ова' unknown"),
    ("surname_stems.tsv", _set_cell(3, "xx"), "origin 'xx' unknown"),
    ("surname_stems.tsv", _set_cell(4, "guessed"), "section 'guessed' unknown"),
    ("surname_stems.tsv", _set_cell(4, "a\tb"), "6 columns, expected 5"),
]


@pytest.mark.parametrize(
    ("name", "change", "expected"),
    PLANTED,
    ids=[f"{name}-{expected[:28]}" for name, _, expected in PLANTED],
)
def test_checker_catches_planted_problem(
    data_copy: Path, name: str, change: Callable[[list[str]], list[str]], expected: str
) -> None:
    _edit(data_copy / "names" / name, change)
    problems = check_data.check(data_copy)
    assert any(p.startswith(f"names/{name}") and expected in p for p in problems), problems


def test_checker_reports_missing_file(data_copy: Path) -> None:
    (data_copy / "names" / "surname_stems.tsv").unlink()
    assert "names/surname_stems.tsv: missing" in check_data.check(data_copy)


def test_sort_files_repairs_order(data_copy: Path) -> None:
    _edit(data_copy / "names" / "surname_stems.tsv", _swap_rows)
    assert check_data.check(data_copy) != []
    check_data.sort_files(data_copy)
    assert check_data.check(data_copy) == []


def test_main_exit_status(data_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert check_data.main([str(data_copy)]) == 0
    _edit(data_copy / "names" / "given_ru.tsv", _swap_rows)
    assert check_data.main([str(data_copy)]) == 1
    assert "out of order" in capsys.readouterr().out


# --- the derivation rule ---------------------------------------------------------------------
# Most expected forms are attested surnames, listed by hand in surname_stems.tsv (Назарбаев,
# Нұрланов, Есімов, Әбішев, Құдайбердиев, Жұмағалиев, Оразалиев, Ілиясов/Ильясов); Әділов/Адилов
# and Мұсаев/Мусаев show the Russian-form stem and the vowel rule.


@pytest.mark.parametrize(
    ("kk", "ru", "expected"),
    [
        ("Назарбай", "Назарбай", ("Назарба", "Назарба", "ев")),
        ("Нұрлан", "Нурлан", ("Нұрлан", "Нурлан", "ов")),
        ("Есім", "Есим", ("Есім", "Есим", "ов")),
        ("Әбіш", "Абиш", ("Әбіш", "Абиш", "ев")),
        ("Құдайберді", "Кудайберди", ("Құдайберди", "Кудайберди", "ев")),
        ("Жұмағали", "Жумагали", ("Жұмағали", "Жумагали", "ев")),
        ("Оразалы", "Оразалы", ("Оразали", "Оразали", "ев")),
        ("Әділ", "Адиль", ("Әділ", "Адил", "ов")),
        ("Ілияс", "Ильяс", ("Ілияс", "Ильяс", "ов")),
        ("Мұса", "Муса", ("Мұса", "Муса", "ев")),
        ("Жантөре", "Жанторе", None),  # Жантөрин: listed by hand
        ("Жақия", "Жакия", None),  # Жақиянов: listed by hand
        ("Ер", "Ер", None),  # too short to be a surname base
        ("Абай", "Абаи", None),  # the two forms disagree
    ],
)
def test_derive(kk: str, ru: str, expected: tuple[str, str, str] | None) -> None:
    assert derive_stems.derive(kk, ru) == expected


def _stem_rows() -> list[list[str]]:
    _, _, rows = check_data.read_tsv(DATA / "names" / "surname_stems.tsv")
    return [row for _, row in rows]


def test_derived_rows_come_from_given_names() -> None:
    """Every derived surname is a Kazakh man's name plus its regular suffix."""
    men = derive_stems.given_men(DATA / "names" / "given_kk.tsv")
    derived = [r for r in _stem_rows() if r[4] == "derived"]
    assert len(derived) > 500
    results = {derive_stems.derive(kk, ru) for kk, ru in men}
    for kk_stem, ru_stem, suffix, origin, _ in derived:
        assert origin == "kk"
        assert (kk_stem, ru_stem, suffix) in results, (kk_stem, suffix)


@pytest.mark.parametrize(
    ("surname", "kk_stem", "suffix"),
    [
        ("Тоқаев", "Тоқа", "ев"),
        ("Назарбаев", "Назарба", "ев"),
        ("Мәмин", "Мәм", "ин"),
        ("Смайылов", "Смайыл", "ов"),
        ("Иванов", "Иван", "ов"),
        ("Шевченко", "Шевчен", "ко"),
        ("Горбачёв", "Горбач", "ёв"),
        ("Жириновский", "Жиринов", "ский"),
        ("Шойгу", "Шойгу", "-"),
        ("Момышұлы", "Момыш", "ұлы"),
    ],
)
def test_attested_surnames_are_listed(surname: str, kk_stem: str, suffix: str) -> None:
    rows = {(r[0], r[2]): r for r in _stem_rows()}
    row = rows.get((kk_stem, suffix))
    assert row is not None and row[4] == "listed"
    assert kk_stem + (suffix if suffix != "-" else "") == surname
