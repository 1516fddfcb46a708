"""Finding a model: registry alias, local directory or hub id -> files on this machine.

Only safetensors weights are accepted (pickle ``.bin`` files can run code when loaded) and
remote code is never trusted. Hub models come from the local Hugging Face cache, or are
downloaded when the machine is online; offline with nothing cached, the error says what
to download and how to point ``--model`` at it.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from translate.errors import ModelLoadError, ModelNotAvailableError, UnknownModelError
from translate.registry import FAMILIES, ModelEntry, load_registry

#: Files fetched from the hub: configs, safetensors weights, tokenizer files. Never pickles.
HUB_PATTERNS = ("*.json", "*.safetensors", "*.spm", "*.model", "*.txt")
#: Tokenizer files copied next to a CTranslate2 conversion.
TOKENIZER_FILES = (
    "source.spm",
    "target.spm",
    "vocab.json",
    "target_vocab.json",
    "sentencepiece.bpe.model",
    "spiece.model",
    "tokenizer.json",
    "tokenizer_config.json",
    "special_tokens_map.json",
    "generation_config.json",
)
#: Metadata written next to a CTranslate2 conversion.
CT2_META = "translit-model.json"
_HUB_ID = re.compile(r"^[A-Za-z0-9][\w.-]*/[\w.-]+$")
DEFAULT_MAX_INPUT_TOKENS = 256


@dataclass(frozen=True)
class ModelRef:
    """A model located on this machine."""

    name: str  # what the user asked for (alias, hub id or path)
    model_id: str  # hub id, or absolute path of a local directory
    path: Path  # directory holding the files
    revision: str  # hub commit, or a fingerprint of a local directory's files
    family: str  # one of registry.FAMILIES
    format: str  # "transformers" or "ctranslate2"
    entry: ModelEntry | None
    max_input_tokens: int
    normalize: str | None  # sacremoses normalization: "source", "en" or None

    @property
    def licence(self) -> str | None:
        return self.entry.licence if self.entry is not None else None


def is_hub_id(spec: str) -> bool:
    """``owner/name`` as on the Hugging Face hub."""
    return _HUB_ID.match(spec) is not None


def offline_mode() -> bool:
    """Whether hub access is disabled (``HF_HUB_OFFLINE`` or ``TRANSFORMERS_OFFLINE``)."""
    for name in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE"):
        if os.environ.get(name, "").strip().lower() in {"1", "true", "yes", "on"}:
            return True
    return False


def resolve_model(
    spec: str,
    *,
    revision: str | None = None,
    offline: bool | None = None,
    max_input_tokens: int | None = None,
) -> ModelRef:
    """Locate ``spec`` (alias, local directory or hub id) and describe it."""
    registry = load_registry()
    entry: ModelEntry | None = registry.models.get(spec)
    if entry is None:
        entry = next((e for e in registry.models.values() if e.hub == spec), None)
    if entry is not None and entry.path is not None:
        path, model_id = entry.path, str(entry.path)
    elif entry is not None and entry.hub is not None:
        path = _hub_snapshot(entry.hub, revision, offline)
        model_id = entry.hub
    elif Path(spec).expanduser().is_dir():
        path = Path(spec).expanduser().resolve()
        model_id = str(path)
    elif is_hub_id(spec):
        path = _hub_snapshot(spec, revision, offline)
        model_id = spec
    else:
        raise UnknownModelError(
            f"model {spec!r} is not a registry alias (see `translit models`), "
            "a local directory or a hub id (owner/name)"
        )
    if not path.is_dir():
        raise ModelNotAvailableError(f"model directory {path} does not exist")
    if not (path / "config.json").is_file():
        raise ModelLoadError(f"{path}: not a model folder: no config.json")
    fmt = "ctranslate2" if (path / "model.bin").is_file() else "transformers"
    if fmt == "transformers" and not any(path.glob("*.safetensors")):
        raise ModelLoadError(
            f"{model_id}: no safetensors weights in {path}; translit loads only safetensors "
            "(pickle .bin files can run code). Use a revision that has model.safetensors "
            "(--revision), or convert the weights on a trusted machine"
        )
    family = _family(path, fmt, entry)
    rev = _revision_of(path)
    limit = _max_input_tokens(path, fmt, entry)
    if max_input_tokens is not None:
        limit = min(limit, max_input_tokens) if max_input_tokens > 0 else limit
    normalize = entry.normalize if entry is not None else _default_normalize(family, path)
    return ModelRef(
        name=spec,
        model_id=model_id,
        path=path,
        revision=rev,
        family=family,
        format=fmt,
        entry=entry,
        max_input_tokens=limit,
        normalize=normalize,
    )


def download_hint(hub_id: str) -> str:
    """How to get ``hub_id`` onto an offline machine."""
    return (
        f"on a connected machine run `hf download {hub_id} --exclude '*.bin' '*.h5' "
        f"'*.msgpack' --local-dir {hub_id.split('/')[-1]}` (huggingface_hub), copy the "
        f"folder here and pass --model /path/to/{hub_id.split('/')[-1]}"
    )


def _hub_snapshot(hub_id: str, revision: str | None, offline: bool | None) -> Path:
    """The local snapshot of ``hub_id``: from the cache, else downloaded when online."""
    from huggingface_hub import snapshot_download
    from huggingface_hub.errors import LocalEntryNotFoundError

    offline = offline_mode() if offline is None else offline
    try:
        return Path(
            snapshot_download(
                hub_id,
                revision=revision,
                allow_patterns=list(HUB_PATTERNS),
                local_files_only=True,
            )
        )
    except (LocalEntryNotFoundError, FileNotFoundError, OSError, ValueError):
        pass
    if offline:
        raise ModelNotAvailableError(
            f"model {hub_id} is not downloaded and the hub is off (offline mode); "
            + download_hint(hub_id)
        )
    try:
        return Path(snapshot_download(hub_id, revision=revision, allow_patterns=list(HUB_PATTERNS)))
    except Exception as exc:  # network errors come in many classes
        raise ModelNotAvailableError(
            f"cannot download {hub_id} ({type(exc).__name__}); " + download_hint(hub_id)
        ) from None


def _read_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return {}
    return data if isinstance(data, dict) else {}


def _vocab_tokens(path: Path, fmt: str) -> set[str]:
    """Token strings of the model vocabulary that matter for the family (codes)."""
    tokens: set[str] = set()
    names = (
        ("shared_vocabulary.json", "source_vocabulary.json", "target_vocabulary.json")
        if fmt == "ctranslate2"
        else ("vocab.json", "tokenizer.json", "added_tokens.json", "tokenizer_config.json")
    )
    for name in names:
        file = path / name
        if not file.is_file():
            continue
        text = file.read_text(encoding="utf-8", errors="replace")
        tokens.update(re.findall(r">>[a-z]{2,3}(?:_[A-Za-z]{4})?<<", text))
        tokens.update(re.findall(r"\b[a-z]{3}_[A-Z][a-z]{3}\b", text))
        tokens.update(re.findall(r"__[a-z]{2,3}__", text))
        tokens.update(re.findall(r"<2[a-z]{2,3}>", text))
    return tokens


def _family(path: Path, fmt: str, entry: ModelEntry | None) -> str:
    if fmt == "ctranslate2":
        meta = _read_json(path / CT2_META)
        family = meta.get("family")
        if isinstance(family, str) and family in FAMILIES:
            return family
    elif entry is not None:
        return entry.family
    tokens = _vocab_tokens(path, fmt)
    config = _read_json(path / "config.json")
    model_type = config.get("model_type")
    tokenizer_class = str(_read_json(path / "tokenizer_config.json").get("tokenizer_class", ""))
    if tokenizer_class.startswith("Nllb"):
        return "nllb"
    if tokenizer_class.startswith("M2M100"):
        return "m2m100"
    if any(t.startswith(">>") for t in tokens):
        return "marian-multi"
    if "eng_Latn" in tokens or "kaz_Cyrl" in tokens:
        return "nllb"
    if "__en__" in tokens:
        return "m2m100"
    if "<2en>" in tokens:
        return "madlad"
    if model_type == "marian" or (fmt == "ctranslate2" and (path / "source.spm").is_file()):
        return "marian"
    raise ModelLoadError(
        f"{path}: cannot tell the model family (model_type {model_type!r}); supported: "
        "Marian (OPUS-MT), NLLB-200, M2M100 and MADLAD-400 (T5)"
    )


def _default_normalize(family: str, path: Path) -> str | None:
    if fmt_is_ct2(path):
        meta = _read_json(path / CT2_META)
        value = meta.get("normalize")
        return value if isinstance(value, str) else None
    return {"marian": "source", "marian-multi": "source", "nllb": "en"}.get(family)


def fmt_is_ct2(path: Path) -> bool:
    return (path / "model.bin").is_file()


def _max_input_tokens(path: Path, fmt: str, entry: ModelEntry | None) -> int:
    limits: list[int] = []
    if entry is not None:
        limits.append(entry.max_input_tokens)
    if fmt == "ctranslate2":
        meta = _read_json(path / CT2_META).get("max_input_tokens")
        if isinstance(meta, int):
            limits.append(meta)
    else:
        positions = _read_json(path / "config.json").get("max_position_embeddings")
        if isinstance(positions, int) and positions > 0:
            limits.append(positions)
        tok_max = _read_json(path / "tokenizer_config.json").get("model_max_length")
        if isinstance(tok_max, int) and 0 < tok_max < 100_000:
            limits.append(tok_max)
    return min(limits) if limits else DEFAULT_MAX_INPUT_TOKENS


def _revision_of(path: Path) -> str:
    """A fingerprint of a local directory: names, sizes and the ends of every file.

    Reading whole multi-gigabyte weights would be slow; the first and last MiB of each
    file plus its size change whenever the weights do.
    """
    if path.parent.name == "snapshots":  # a hub cache snapshot: the commit hash
        return path.name
    digest = hashlib.sha256()
    for file in sorted(p for p in path.iterdir() if p.is_file()):
        if file.name.startswith(".") or file.suffix in {".md", ".tsv"}:
            continue
        size = file.stat().st_size
        digest.update(f"{file.name}\0{size}\0".encode())
        with file.open("rb") as handle:
            digest.update(handle.read(1 << 20))
            if size > 2 << 20:
                handle.seek(-(1 << 20), os.SEEK_END)
                digest.update(handle.read(1 << 20))
    return "local-" + digest.hexdigest()[:16]


def is_available(entry: ModelEntry) -> bool:
    """Whether a registry model is on this machine (its folder, or the hub's cache)."""
    if entry.path is not None:
        return bool(entry.path.is_dir())
    try:
        from huggingface_hub import try_to_load_from_cache
    except ImportError:
        return False
    if entry.hub is None:
        return False
    found = try_to_load_from_cache(entry.hub, "config.json")
    return isinstance(found, str)
