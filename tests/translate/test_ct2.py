"""CTranslate2 against transformers on the demo model: same tokens, same text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from cli import app
from tests.translate.conftest import corpus, reference
from translate.engines.base import DecodeOptions
from translate.models import ModelRef, resolve_model

pytestmark = pytest.mark.slow
runner = CliRunner()


def _sources() -> list[str]:
    from sacremoses import MosesPunctNormalizer

    return [MosesPunctNormalizer(lang=p.lang).normalize(p.source) for p in corpus()]


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory, demo_ref: ModelRef) -> dict[str, Any]:
    from translate.convert import convert_model
    from translate.engines.ct2 import CTranslate2Engine

    engines = {}
    for compute in ("float32", "int8"):
        path = convert_model(demo_ref, tmp_path_factory.mktemp("ct2") / compute, compute)
        engines[compute] = CTranslate2Engine(
            resolve_model(str(path)), device="cpu", compute_type=compute
        )
    return engines


TRICKY = [
    "Сәлем, әлем!",
    "emoji 🙂 и 中文 and ÅÄÖ",
    "  два  пробела ",
    ">>rus<< не код",
    "",
    "</s> <unk> <pad>",
]


def test_light_tokenizer_matches_transformers(hf_engine: Any, converted: dict[str, Any]) -> None:
    texts = _sources() + TRICKY
    assert converted["int8"].source_tokens(texts, "kk", "en") == hf_engine.source_tokens(
        texts, "kk", "en"
    )


def _decode(engine: Any, texts: list[str], beam: int) -> list[Any]:
    out = []
    for start in range(0, len(texts), 64):
        batch = texts[start : start + 64]
        out += engine.translate(batch, "kk", "en", DecodeOptions(beam_size=beam, max_new_tokens=96))
    return out


@pytest.mark.parametrize("compute", ["float32", "int8"])
def test_greedy_decoding_matches_token_for_token(
    hf_engine: Any, converted: dict[str, Any], compute: str
) -> None:
    texts = _sources()
    expected = _decode(hf_engine, texts, beam=1)
    got = _decode(converted[compute], texts, beam=1)
    assert [h.tokens for h in got] == [h.tokens for h in expected]
    assert [h.text for h in got] == [p.target for p in corpus()]


def test_beam_search_matches_token_for_token(hf_engine: Any, converted: dict[str, Any]) -> None:
    """Both engines stop when beam-size hypotheses are finished (early stopping)."""
    texts = _sources()
    expected = _decode(hf_engine, texts, beam=4)
    got = _decode(converted["float32"], texts, beam=4)
    assert [h.tokens for h in got] == [h.tokens for h in expected]


def test_cut_at_the_cap_is_the_same_and_flagged(hf_engine: Any, converted: dict[str, Any]) -> None:
    text = _sources()[0]
    options = DecodeOptions(beam_size=1, max_new_tokens=5)
    a = hf_engine.translate([text], "kk", "en", options)[0]
    b = converted["float32"].translate([text], "kk", "en", options)[0]
    assert a.tokens == b.tokens and len(a.tokens) == 5
    assert a.truncated and b.truncated


def test_cli_convert_and_translate(tmp_path: Path) -> None:
    out = tmp_path / "demo-ct2"
    result = runner.invoke(app, ["convert-model", "demo", str(out)])
    assert result.exit_code == 0, result.output
    assert (out / "model.bin").is_file() and (out / "translit-model.json").is_file()
    again = runner.invoke(app, ["convert-model", "demo", str(out)])
    assert again.exit_code == 1 and "--force" in again.stderr
    source = "Алматыда жер сілкінісі болды, зардап шеккендер жоқ."
    result = runner.invoke(
        app,
        ["translate", "--engine", "ctranslate2", "--model", str(out), "--no-names"],
        input=source + "\n",
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == reference(source) + "\n"


def test_ctranslate2_engine_converts_a_registry_model_once(tmp_path: Path) -> None:
    source = "Глава государства принял в Акорде иностранных инвесторов."
    args = ["translate", "--engine", "ctranslate2", "--model", "demo", "--no-names"]
    first = runner.invoke(app, args, input=source + "\n")
    assert first.exit_code == 0, first.output
    assert first.stdout == reference(source) + "\n"
    assert "converting" in first.stderr
    second = runner.invoke(app, [*args, "--no-cache"], input=source + "\n")
    assert second.stdout == first.stdout and "converting" not in second.stderr


def test_transformers_engine_refuses_a_ctranslate2_model(tmp_path: Path) -> None:
    out = tmp_path / "demo-ct2"
    assert runner.invoke(app, ["convert-model", "demo", str(out)]).exit_code == 0
    result = runner.invoke(app, ["translate", "--model", str(out)], input="Сәлем\n")
    assert result.exit_code == 1 and "--engine ctranslate2" in result.stderr
