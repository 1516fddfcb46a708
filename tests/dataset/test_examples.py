"""The scripts in ``examples/`` compile, import without their cluster libraries, and run.

The Dask example runs on a local cluster in ``test_dask.py``. The Spark example runs
here (PySpark is in the dev extra; it needs Java 17+, and skips without it), on CSV and
on typed Parquet, and must equal the single-machine run.
"""

from __future__ import annotations

import importlib.util
import py_compile
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.dataset.frames import dataset
from translit.dataset import normalize_frame

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
SCRIPTS = sorted(EXAMPLES.glob("*.py"))


def load(path: Path) -> Any:
    spec = importlib.util.spec_from_file_location(f"example_{path.stem}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_both_examples_are_there() -> None:
    assert {p.name for p in SCRIPTS} >= {"dask_normalize.py", "spark_normalize.py"}
    readme = (EXAMPLES / "README.md").read_text(encoding="utf-8")
    for script in SCRIPTS:
        assert script.name in readme


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_example_compiles_and_imports_lightly(script: Path, tmp_path: Path) -> None:
    """Importing a script (in a fresh interpreter) loads no cluster library."""
    py_compile.compile(str(script), cfile=str(tmp_path / "x.pyc"), doraise=True)
    probe = (
        "import importlib.util, sys\n"
        f"spec = importlib.util.spec_from_file_location('example', {str(script)!r})\n"
        "module = importlib.util.module_from_spec(spec)\n"
        "spec.loader.exec_module(module)\n"
        "assert callable(module.main) and callable(module.normalize)\n"
        "heavy = {'pyspark', 'dask', 'distributed'}\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & heavy))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip() == "[]"


@pytest.fixture
def spark() -> None:
    """Skip unless PySpark and Java are installed (the script starts its own session)."""
    pytest.importorskip("pyspark")
    if shutil.which("java") is None:
        pytest.skip("PySpark needs Java")


def spark_run(example: Any, src: Path, out: Path, columns: list[str]) -> Any:
    """Run the example on ``src``; its output, read back with pandas, in order."""
    pd = pytest.importorskip("pandas")
    args = [str(src), *[a for c in columns for a in ("-c", c)], "-o", str(out)]
    assert example.main(args) == 0
    return pd.read_parquet(out).reset_index(drop=True)


@pytest.mark.slow
def test_spark_example_equals_the_single_machine_run(spark: None, tmp_path: Path) -> None:
    """CSV in: every field text (leading zeros kept), empty fields null, order kept;
    Parquet in: typed columns (integers, floats, nulls) come out with their values."""
    pd = pytest.importorskip("pandas")
    example = load(EXAMPLES / "spark_normalize.py")
    frame = dataset(2000).reset_index(drop=True)

    src = tmp_path / "people.csv"
    frame.to_csv(src, index=False)
    got = spark_run(example, src, tmp_path / "out-csv", ["name", "city"])
    # Spark reads CSV fields as text and empty fields as nulls, as this does.
    read = pd.read_csv(src, dtype=str, keep_default_na=False, na_values=[""])
    expected = normalize_frame(read, ["name", "city"])
    assert got["id"].tolist() == read["id"].tolist()  # order and leading zeros kept
    assert got["name"].isna().sum() == read["name"].isna().sum() > 0  # nulls kept
    pd.testing.assert_frame_equal(got, expected, check_exact=True, check_dtype=False)

    typed = frame.assign(count=pd.array(range(len(frame)), dtype="Int64"))
    typed.loc[::5, "count"] = pd.NA
    parquet = tmp_path / "people.parquet"
    typed.to_parquet(parquet, index=False)
    got = spark_run(example, parquet, tmp_path / "out-parquet", ["name"])
    expected = normalize_frame(pd.read_parquet(parquet), ["name"])
    assert got["id"].tolist() == typed["id"].tolist()
    assert got["count"].isna().sum() == typed["count"].isna().sum() > 0
    assert got["amount"].tolist()[1:4] == typed["amount"].tolist()[1:4]  # floats as floats
    pd.testing.assert_frame_equal(got, expected, check_exact=True, check_dtype=False)
