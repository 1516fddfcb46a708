"""The modules that wheels compile with mypyc (``hatch_build.py``, ``pyproject.toml``).

``make pytest-compiled`` runs the name and dataset tests on the installed wheel with
``TRANSLIT_EXPECT_COMPILED=1``; there every listed module must be the compiled one,
or those tests would have checked the pure-Python sources instead.
"""

from __future__ import annotations

import importlib
import os
from pathlib import Path

import pytest

tomllib = pytest.importorskip("tomllib")

ROOT = Path(__file__).resolve().parents[2]
HOOK = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["hatch"][
    "build"
]["targets"]["wheel"]["hooks"]["custom"]
COMPILED = list(HOOK["compile"])


def test_the_compiled_modules_exist() -> None:
    assert COMPILED
    for source in COMPILED:
        assert (ROOT / source).is_file(), source


@pytest.mark.skipif(
    os.environ.get("TRANSLIT_EXPECT_COMPILED") != "1",
    reason="only on the compiled wheel (make pytest-compiled)",
)
@pytest.mark.parametrize("source", COMPILED)
def test_the_installed_module_is_compiled(source: str) -> None:
    module = importlib.import_module(source.removesuffix(".py").replace("/", "."))
    assert str(module.__file__).endswith((".so", ".pyd")), module.__file__
