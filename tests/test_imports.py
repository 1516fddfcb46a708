"""The core stays light: importing translit or the CLI loads no deep-learning stack."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("torch", "transformers", "ctranslate2", "sentencepiece", "sacremoses", "sentencex")

PROBE = """
import sys
{body}
heavy = [m for m in {heavy!r} if m in sys.modules]
print(",".join(heavy))
"""


def _loaded(body: str) -> str:
    code = PROBE.format(body=body, heavy=HEAVY)
    proc = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return proc.stdout.strip()


def test_import_translit_is_light() -> None:
    assert _loaded("import translit, translate") == ""


def test_cli_help_is_light() -> None:
    body = (
        "from typer.testing import CliRunner\n"
        "from cli import app\n"
        "r = CliRunner().invoke(app, ['--help'])\n"
        "assert r.exit_code == 0, r.output\n"
    )
    assert _loaded(body) == ""


def test_romanize_is_light() -> None:
    assert _loaded("import translit; translit.romanize('Тоқаев', 'rferl')") == ""


def test_cli_does_not_load_the_translation_pipeline() -> None:
    # translate's public names are imported on first use, so the CLI's name commands
    # start without the document and pipeline modules
    code = "import cli, sys; print('translate.pipeline' in sys.modules)"
    proc = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert proc.stdout.strip() == "False"
