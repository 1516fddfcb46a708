"""Without the ``data`` extra, a one-line error says what to install (exit code 2).

The missing library is simulated by putting ``None`` in ``sys.modules``, which makes
``import`` raise ``ImportError`` exactly as when the package is not installed.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from tests.dataset.fakes import fake_normalize
from translit.dataset import normalize_series
from translit.dataset.extras import INSTALL_HINT, MissingExtraError, require

runner = CliRunner()

CSV = "id,name\n007,Tokayev\n"


def write_input(tmp_path: Path, ext: str) -> Path:
    src = tmp_path / f"in.{ext}"
    if ext == "csv":
        src.write_text(CSV, encoding="utf-8")
    elif ext == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        pq.write_table(pa.table({"id": ["007"], "name": ["Tokayev"]}), src)
    else:
        import openpyxl

        book = openpyxl.Workbook()
        sheet = book.active
        assert sheet is not None
        sheet.append(["id", "name"])
        sheet.append(["007", "Tokayev"])
        book.save(src)
    return src


@pytest.mark.parametrize(
    ("ext", "out_ext", "hidden", "says"),
    [
        ("csv", "csv", "pyarrow", "reading and writing CSV needs pyarrow"),
        ("csv", "csv", "polars", "reading and writing CSV needs polars"),
        ("parquet", "parquet", "pyarrow", "reading and writing Parquet needs pyarrow"),
        ("xlsx", "xlsx", "openpyxl", "reading and writing Excel needs openpyxl"),
        ("xlsx", "xlsx", "xlsxwriter", "reading and writing Excel needs xlsxwriter"),
        ("csv", "xlsx", "xlsxwriter", "reading CSV and writing Excel needs xlsxwriter"),
        ("csv", "parquet", "polars", None),  # CSV to Parquet does not use polars
    ],
)
def test_missing_library_is_a_one_line_usage_error(
    app: typer.Typer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    ext: str,
    out_ext: str,
    hidden: str,
    says: str | None,
) -> None:
    src = write_input(tmp_path, ext)
    before = src.read_bytes()
    out = tmp_path / f"out.{out_ext}"
    monkeypatch.setitem(sys.modules, hidden, None)
    result = runner.invoke(app, ["normalize", str(src), "-c", "name", "-o", str(out)])
    if says is None:
        assert result.exit_code == 0, result.stderr
        assert out.exists()
        return
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert says in lines[0]
    assert lines[0].endswith(INSTALL_HINT)
    assert not out.exists()
    assert src.read_bytes() == before


def test_with_the_extra_installed_the_same_command_works(app: typer.Typer, tmp_path: Path) -> None:
    src = write_input(tmp_path, "parquet")
    out = tmp_path / "out.parquet"
    result = runner.invoke(app, ["normalize", str(src), "-c", "name", "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    assert out.exists()


def test_cluster_without_pyarrow(
    app: typer.Typer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = write_input(tmp_path, "csv")
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    result = runner.invoke(app, ["cluster", str(src), "-c", "name"])
    assert result.exit_code == 2
    assert result.stderr.strip().endswith(INSTALL_HINT)


def test_the_real_cli_reports_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from cli import app as real_app

    src = write_input(tmp_path, "csv")
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    result = runner.invoke(real_app, ["normalize", str(src), "--column", "name"])
    assert result.exit_code == 2
    assert result.stderr == (
        "translit: error: reading and writing CSV needs pyarrow, which is not installed; "
        f"install the data extra: {INSTALL_HINT}\n"
    )


def test_dataframe_api_without_pyarrow(monkeypatch: pytest.MonkeyPatch) -> None:
    pd = pytest.importorskip("pandas")
    series = pd.Series(["Tokayev"], name="name")
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    wanted = r"the dataframe API needs pyarrow.*translit-kz\[data\]"
    with pytest.raises(MissingExtraError, match=wanted):
        normalize_series(series, normalizer=fake_normalize)


def test_require_names_every_missing_module(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    monkeypatch.setitem(sys.modules, "xlsxwriter", None)
    with pytest.raises(MissingExtraError) as info:
        require(["pyarrow", "openpyxl", "xlsxwriter"], "Excel")
    assert str(info.value).startswith("Excel needs openpyxl and xlsxwriter, which are not")
    require(["pyarrow", "json"], "fine")  # installed: no error
