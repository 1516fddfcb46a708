"""The model registry: ``data/models/registry.json`` and ``data/models/languages.json``.

The registry names models (aliases such as ``nllb-1.3b`` or ``demo``) and recommends one
per language pair, with its licence, the reason for the choice and a commercial-safe
alternative where one exists. Nothing here imports torch or transformers.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from translate.errors import RegistryDataError, UnknownModelError
from translit._util.paths import data_path

FAMILIES = ("marian", "marian-multi", "nllb", "m2m100", "madlad")
NORMALIZATIONS = ("source", "en")


@dataclass(frozen=True)
class ModelEntry:
    """A model known by alias."""

    alias: str
    hub: str | None
    path: Path | None
    family: str
    licence: str
    commercial: bool
    sources: tuple[str, ...] | None  # None: any language
    targets: tuple[str, ...] | None
    size: str
    max_input_tokens: int
    normalize: str | None
    notes: str
    beam: int | None = None  # default beam size for this model (None: the package default)

    @property
    def location(self) -> str:
        """Hub id or local path, as shown to users."""
        return self.hub if self.hub is not None else str(self.path)

    def supports(self, source: str, target: str) -> bool:
        """Whether the entry declares this direction."""
        ok_source = self.sources is None or source in self.sources
        ok_target = self.targets is None or target in self.targets
        return ok_source and ok_target


@dataclass(frozen=True)
class PairEntry:
    """The recommendation for one language pair (``*`` matches any language)."""

    source: str
    target: str
    model: str
    reason: str
    commercial_alternative: str | None


@dataclass(frozen=True)
class Language:
    """A language the package knows by ISO 639-1 code."""

    code: str
    name: str
    iso3: str
    flores: str
    script: str
    #: Cyrillic letter -> Latin spelling, for a language models know in Latin script only
    from_cyrillic: dict[str, str] | None = None


@dataclass(frozen=True)
class Registry:
    """The parsed registry."""

    models: dict[str, ModelEntry]
    pairs: tuple[PairEntry, ...]

    def model(self, alias: str) -> ModelEntry:
        """The entry named ``alias`` (UnknownModelError if none)."""
        entry = self.models.get(alias)
        if entry is None:
            names = ", ".join(sorted(self.models))
            raise UnknownModelError(f"unknown model alias {alias!r} (known: {names})")
        return entry

    def recommend(self, source: str, target: str) -> PairEntry:
        """The pair entry for ``source -> target``: exact pair first, then wildcards."""
        for candidate in (
            (source, target),
            (source, "*"),
            ("*", target),
            ("*", "*"),
        ):
            for pair in self.pairs:
                if (pair.source, pair.target) == candidate:
                    return pair
        raise UnknownModelError(f"no model recommended for {source}->{target}")


def _require(obj: dict[str, Any], key: str, kind: type, where: str) -> Any:
    if key not in obj:
        raise RegistryDataError(f"{where}: missing {key!r}")
    value = obj[key]
    if not isinstance(value, kind):
        raise RegistryDataError(f"{where}: {key!r} must be {kind.__name__}")
    return value


def _languages_field(value: Any, where: str) -> tuple[str, ...] | None:
    if value == "*":
        return None
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RegistryDataError(f"{where}: languages must be '*' or a list of codes")
    return tuple(value)


def _optional_int(obj: dict[str, Any], key: str, where: str) -> int | None:
    value = obj.get(key)
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise RegistryDataError(f"{where}: {key!r} must be a positive integer")
    return value


def parse_registry(raw: dict[str, Any], base: Path, where: str = "registry.json") -> Registry:
    """Validate and parse registry data; local ``path`` entries are relative to ``base``."""
    models: dict[str, ModelEntry] = {}
    for alias, spec in _require(raw, "models", dict, where).items():
        at = f"{where}: model {alias!r}"
        hub = spec.get("hub")
        rel = spec.get("path")
        if (hub is None) == (rel is None):
            raise RegistryDataError(f"{at}: exactly one of 'hub' and 'path' is required")
        family = _require(spec, "family", str, at)
        if family not in FAMILIES:
            raise RegistryDataError(f"{at}: unknown family {family!r}")
        normalize = spec.get("normalize")
        if normalize is not None and normalize not in NORMALIZATIONS:
            raise RegistryDataError(f"{at}: normalize must be one of {NORMALIZATIONS} or null")
        models[alias] = ModelEntry(
            alias=alias,
            hub=hub,
            path=(base / rel) if rel is not None else None,
            family=family,
            licence=_require(spec, "licence", str, at),
            commercial=_require(spec, "commercial", bool, at),
            sources=_languages_field(spec.get("sources", "*"), at),
            targets=_languages_field(spec.get("targets", "*"), at),
            size=str(spec.get("size", "")),
            max_input_tokens=_require(spec, "max_input_tokens", int, at),
            normalize=normalize,
            notes=str(spec.get("notes", "")),
            beam=_optional_int(spec, "beam", at),
        )
    pairs: list[PairEntry] = []
    for number, spec in enumerate(_require(raw, "pairs", list, where)):
        at = f"{where}: pairs[{number}]"
        model = _require(spec, "model", str, at)
        alternative = spec.get("commercial_alternative")
        for name in (model, alternative):
            if name is not None and name not in models:
                raise RegistryDataError(f"{at}: unknown model {name!r}")
        if alternative is not None and not models[alternative].commercial:
            raise RegistryDataError(f"{at}: alternative {alternative!r} is not commercial-safe")
        pairs.append(
            PairEntry(
                source=_require(spec, "source", str, at),
                target=_require(spec, "target", str, at),
                model=model,
                reason=_require(spec, "reason", str, at),
                commercial_alternative=alternative,
            )
        )
    return Registry(models=models, pairs=tuple(pairs))


def models_dir() -> Path:
    """``data/models`` (where the demo model and the registry live)."""
    return data_path("models")


@cache
def load_registry() -> Registry:
    """The bundled registry, parsed once."""
    path = models_dir() / "registry.json"
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise RegistryDataError(f"{path}: {exc}") from None
    return parse_registry(raw, path.parent, where=path.name)


@cache
def load_languages() -> dict[str, Language]:
    """Languages by ISO 639-1 code."""
    raw = _languages_raw()
    out: dict[str, Language] = {}
    for code, spec in raw["languages"].items():
        out[code] = Language(
            code, spec["name"], spec["iso3"], spec["flores"], spec["script"],
            spec.get("from_cyrillic"),
        )  # fmt: skip
    return out


@cache
def _languages_raw() -> dict[str, Any]:
    path = models_dir() / "languages.json"
    try:
        raw: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise RegistryDataError(f"{path}: {exc}") from None
    if not isinstance(raw.get("languages"), dict):
        raise RegistryDataError(f"{path}: a 'languages' object is required")
    return raw


def letters_not_used() -> dict[str, frozenset[str]]:
    """Letters that a language's spelling never uses, by language code."""
    raw: dict[str, str] = _languages_raw().get("letters_not_used", {})
    return {code: frozenset(letters) for code, letters in raw.items()}


def language_name(code: str) -> str:
    """``Ukrainian (uk)``: the English name of any language the identifier may report."""
    known = load_languages().get(code)
    others: dict[str, str] = _languages_raw().get("other_names", {})
    name = known.name if known is not None else others.get(code)
    return f"{name} ({code})" if name else f"language {code!r}"


def language(code: str) -> Language:
    """The language with ISO 639-1 ``code`` (UnsupportedLanguageError if unknown)."""
    from translate.errors import UnsupportedLanguageError

    found = load_languages().get(code)
    if found is None:
        known = ", ".join(sorted(load_languages()))
        raise UnsupportedLanguageError(f"unknown language code {code!r} (known: {known})")
    return found
