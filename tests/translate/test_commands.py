"""The translation commands through the CLI: models, cache, errors, light imports."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli import app

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("torch", "transformers", "ctranslate2", "sentencepiece", "sacremoses", "sentencex")


def test_models_lists_pairs_licences_and_the_nllb_warning() -> None:
    result = runner.invoke(app, ["models"])
    assert result.exit_code == 0, result.output
    assert "kk -> en  nllb-1.3b" in result.stdout
    assert "CC-BY-NC-4.0" in result.stdout and "non-commercial" in result.stdout
    assert "* demo" in result.stdout  # shipped, so on this machine


def test_models_json() -> None:
    data = json.loads(runner.invoke(app, ["models", "--format", "json"]).stdout)
    pairs = {(p["source"], p["target"]): p for p in data["pairs"]}
    assert pairs[("ru", "en")]["model"] == "opus-mt-zle-en"
    assert pairs[("kk", "en")]["commercial_alternative"] == "madlad400-3b"
    demo = next(m for m in data["models"] if m["alias"] == "demo")
    assert demo["available"] is True


def test_offline_without_the_model_says_what_to_download() -> None:
    result = runner.invoke(app, ["translate"], input="Бүгін жаңбыр жауады.\n")
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert lines[0].startswith("note: nllb-1.3b") and "CC-BY-NC-4.0" in lines[0]
    assert lines[1].startswith("translit: error: model facebook/nllb-200-distilled-1.3B")
    assert "hf download facebook/nllb-200-distilled-1.3B" in lines[1]
    assert "--model /path/to/" in lines[1]
    assert len(lines) == 2


def test_commercial_picks_the_alternative() -> None:
    result = runner.invoke(app, ["translate", "--commercial"], input="Бүгін жаңбыр жауады.\n")
    assert result.exit_code == 1 and "google/madlad400-3b-mt" in result.stderr
    assert "non-commercial" not in result.stderr


def test_unknown_model_and_language_are_one_line_errors() -> None:
    # an unknown model is exit 1; a language code that is no language is a usage
    # error, exit 2 (issue 15, defect 9: a bad --lang is 2)
    for args, code in ((["--model", "nope"], 1), (["--to", "xx"], 2), (["--from", "qq"], 2)):
        result = runner.invoke(app, ["translate", *args], input="x\n")
        assert result.exit_code == code
        assert result.stderr.count("\n") == 1 and result.stderr.startswith("translit: error:")


def test_invalid_utf8_is_a_one_line_error() -> None:
    result = runner.invoke(app, ["translate", "--model", "demo"], input=b"ok\n\xff\xfe\n")
    assert result.exit_code == 1 and "not valid UTF-8 (line 2)" in result.stderr


def test_text_in_the_target_language_needs_no_model() -> None:
    result = runner.invoke(app, ["translate", "-q"], input="Only English here.\n")
    assert result.exit_code == 0 and result.stdout == "Only English here.\n"


def test_cache_info_and_clear(tmp_path: Path) -> None:
    info = runner.invoke(app, ["cache", "info"])
    assert info.exit_code == 0 and "not created yet" in info.stdout
    assert str(tmp_path / "cache") in info.stdout
    done = runner.invoke(
        app, ["translate", "--model", "demo", "--no-names", "-q"], input="Сот\nСуд\n"
    )
    assert done.exit_code == 0 and done.stdout == "Court\nCourt\n"
    info = runner.invoke(app, ["cache", "info"])
    assert "entries: 2" in info.stdout and "demo @ local-" in info.stdout
    cleared = runner.invoke(app, ["cache", "clear"])
    assert cleared.exit_code == 0 and "deleted 2 translations" in cleared.stdout
    assert "entries: 0" in runner.invoke(app, ["cache", "info"]).stdout


def test_several_inputs_need_an_output_directory(tmp_path: Path) -> None:
    a, b = tmp_path / "a.md", tmp_path / "b.txt"
    a.write_text("# Сот\n", "utf-8")
    b.write_text("Суд\n", "utf-8")
    result = runner.invoke(app, ["translate", "--model", "demo", str(a), str(b)])
    assert result.exit_code == 2 and "--output" in result.output
    out = tmp_path / "out"
    result = runner.invoke(
        app, ["translate", "--model", "demo", "-q", str(a), str(b), "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert (out / "a.en.md").read_text("utf-8") == "# Court\n"
    assert (out / "b.en.txt").read_text("utf-8") == "Court\n"


def _heavy_modules(code: str) -> list[str]:
    probe = f"import sys\n{code}\nprint(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return [m for m in done.stdout.strip().split(",") if m]


def test_translate_help_models_and_cache_are_light() -> None:
    code = (
        "from typer.testing import CliRunner\nfrom cli import app\n"
        "for args in (['translate', '--help'], ['models'], ['cache', 'info']):\n"
        "    r = CliRunner().invoke(app, args)\n"
        "    assert r.exit_code == 0, r.output\n"
    )
    assert _heavy_modules(code) == []


def test_interrupted_run_says_how_to_resume(monkeypatch: pytest.MonkeyPatch) -> None:
    from translate.pipeline import Pipeline

    def interrupted(self: Pipeline, units: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(Pipeline, "run", interrupted)
    result = runner.invoke(app, ["translate", "--model", "demo"], input="Сот\n")
    assert result.exit_code == 130
    assert "interrupted" in result.stderr and "resume" in result.stderr


def test_a_target_the_demo_model_cannot_write_is_an_error() -> None:
    result = runner.invoke(app, ["translate", "--model", "demo", "--to", "kk"], input="Сәлем.\n")
    assert result.exit_code == 1 and result.stdout == ""
    assert "demo cannot translate into Kazakh (kk)" in result.stderr


def test_commercial_with_nllb_is_a_usage_error() -> None:
    args = ["translate", "--commercial", "--model", "nllb-600m"]
    result = runner.invoke(app, args, input="Бүгін жаңбыр жауады.\n")
    assert result.exit_code == 2
    assert "--commercial: nllb-600m is licensed CC-BY-NC-4.0" in result.stderr
    assert "picks madlad" not in result.stderr


def test_a_folder_that_is_not_a_model(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    result = runner.invoke(app, ["translate", "--model", str(tmp_path)], input="Сәлем.\n")
    assert result.exit_code == 1
    assert f"{tmp_path.resolve()}: not a model folder: no config.json" in result.stderr
    assert "safetensors" not in result.stderr


def test_progress_lines_for_logs() -> None:
    from tests.translate.conftest import corpus

    text = "\n".join(p.source for p in corpus()[:12]) + "\n"
    args = ["translate", "--model", "demo", "--no-names", "--no-cache"]
    result = runner.invoke(app, args, input=text, env={"TRANSLIT_PROGRESS": "1"})
    assert result.exit_code == 0, result.output
    lines = [x for x in result.stderr.splitlines() if x.startswith("translit: ")]
    assert any(x.startswith("translit: 12/12 sentences, ") for x in lines)
    quiet = runner.invoke(app, args, input=text)
    assert not any("/12 sentences" in x for x in quiet.stderr.splitlines())


def test_a_ukrainian_sentence_is_not_given_to_the_demo_model() -> None:
    text = (
        "Президент Тоқаев Астанада Үкімет отырысын өткізді.\n\n"
        "Сьогодні уряд затвердив нову програму розвитку регіонів.\n"
    )
    result = runner.invoke(app, ["translate", "--model", "demo"], input=text)
    assert result.exit_code == 1 and result.stdout == ""
    assert "demo cannot translate Ukrainian (uk) into English (en)" in result.stderr
    assert "«Сьогодні уряд" in result.stderr
