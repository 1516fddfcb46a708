"""The scripts in ``examples/`` compile, import without their cluster libraries, and run.

The Dask example runs on a local cluster in ``test_dask.py``. The Spark example runs
here when PySpark and Java are installed (PySpark is optional: it needs a JVM).
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


@pytest.mark.slow
def test_spark_example_equals_the_pandas_run(spark: None, tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    from tests.dataset.test_dask import dataset

    example = load(EXAMPLES / "spark_normalize.py")
    frame = dataset(2000).reset_index(drop=True)
    src = tmp_path / "people.csv"
    frame.to_csv(src, index=False)
    out = tmp_path / "out"
    assert example.main([str(src), "-c", "name", "-c", "city", "-o", str(out)]) == 0
    got = pd.read_parquet(out).reset_index(drop=True)
    # Spark reads CSV fields as text and empty fields as nulls, as this does.
    read = pd.read_csv(src, dtype=str, keep_default_na=False, na_values=[""])
    expected = normalize_frame(read, ["name", "city"])
    assert got["id"].tolist() == read["id"].tolist()  # order and leading zeros kept
    pd.testing.assert_frame_equal(got, expected, check_exact=True, check_dtype=False)
