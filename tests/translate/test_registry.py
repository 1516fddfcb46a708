"""The model registry: the recommendations the issue asks for, licences, validation."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from translate.errors import RegistryDataError, UnknownModelError
from translate.registry import load_languages, load_registry, parse_registry

# Pairs and models as stated in issue 5 ("Models").
ISSUE_PAIRS = [
    ("kk", "en", "facebook/nllb-200-distilled-1.3B"),
    ("ru", "en", "Helsinki-NLP/opus-mt-tc-big-zle-en"),
    ("kk", "ru", "facebook/nllb-200-distilled-1.3B"),
    ("en", "ru", "Helsinki-NLP/opus-mt-tc-big-en-zle"),
    ("en", "kk", "facebook/nllb-200-distilled-1.3B"),
    ("de", "fr", "facebook/nllb-200-distilled-600M"),
    ("uz", "en", "facebook/nllb-200-distilled-600M"),
    # issue 14: a language the identifier finds goes to the registry's model for it
    ("uk", "en", "Helsinki-NLP/opus-mt-tc-big-zle-en"),
    ("be", "en", "Helsinki-NLP/opus-mt-tc-big-zle-en"),
    ("ky", "en", "facebook/nllb-200-distilled-600M"),
]


@pytest.mark.parametrize(("source", "target", "hub"), ISSUE_PAIRS)
def test_recommendation(source: str, target: str, hub: str) -> None:
    registry = load_registry()
    pair = registry.recommend(source, target)
    assert registry.model(pair.model).hub == hub
    assert pair.reason


def test_nllb_is_non_commercial_and_has_alternatives() -> None:
    registry = load_registry()
    for pair in registry.pairs:
        entry = registry.model(pair.model)
        if entry.family == "nllb":
            assert entry.licence == "CC-BY-NC-4.0"
            assert not entry.commercial
            assert pair.commercial_alternative is not None
        if pair.commercial_alternative is not None:
            assert registry.model(pair.commercial_alternative).commercial


def test_demo_model_is_local() -> None:
    entry = load_registry().model("demo")
    assert entry.path is not None and (entry.path / "model.safetensors").is_file()
    assert entry.supports("kk", "en") and entry.supports("ru", "en")
    assert not entry.supports("en", "kk")


def test_unknown_alias_names_the_known_ones() -> None:
    with pytest.raises(UnknownModelError, match="demo"):
        load_registry().model("nope")


def _valid() -> dict[str, Any]:
    return {
        "models": {
            "m": {
                "hub": "a/b",
                "family": "marian",
                "licence": "MIT",
                "commercial": True,
                "max_input_tokens": 10,
            }
        },
        "pairs": [{"source": "*", "target": "*", "model": "m", "reason": "r"}],
    }


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d["models"]["m"].update(family="bart"), "unknown family"),
        (lambda d: d["models"]["m"].pop("licence"), "licence"),
        (lambda d: d["models"]["m"].update(path="x"), "exactly one of"),
        (lambda d: d["pairs"][0].update(model="zz"), "unknown model"),
        (lambda d: d["models"]["m"].update(normalize="fr"), "normalize"),
        (lambda d: d["models"]["m"].update(sources=3), "languages"),
    ],
)
def test_malformed_registry_names_the_problem(mutate: Any, message: str) -> None:
    data = _valid()
    mutate(data)
    with pytest.raises(RegistryDataError, match=message):
        parse_registry(data, Path("."))


def test_non_commercial_alternative_is_rejected() -> None:
    data = _valid()
    data["models"]["nc"] = dict(data["models"]["m"], commercial=False)
    data["pairs"][0]["commercial_alternative"] = "nc"
    with pytest.raises(RegistryDataError, match="not commercial-safe"):
        parse_registry(data, Path("."))


@pytest.mark.parametrize(
    ("code", "flores", "iso3"),
    [("kk", "kaz_Cyrl", "kaz"), ("ru", "rus_Cyrl", "rus"), ("en", "eng_Latn", "eng")],
)
def test_language_codes(code: str, flores: str, iso3: str) -> None:
    lang = load_languages()[code]
    assert (lang.flores, lang.iso3) == (flores, iso3)
