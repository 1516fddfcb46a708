"""Translation commands of the ``translit`` CLI: ``translate``, ``models``,
``convert-model`` and ``cache info|clear`` (registered by ``cli.py``).

Each parses its options, calls the translate library and prints. Heavy libraries
(torch, transformers, CTranslate2) are imported only when a command actually
translates or converts.
"""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from translit._cli import ListFormat, note
from translit._util.numbers import human


class Engine(str, Enum):
    transformers = "transformers"
    ctranslate2 = "ctranslate2"


class Device(str, Enum):
    auto = "auto"
    cpu = "cpu"
    cuda = "cuda"
    mps = "mps"


class DocumentFormat(str, Enum):
    auto = "auto"
    text = "text"
    markdown = "markdown"
    html = "html"
    srt = "srt"
    jsonl = "jsonl"
    csv = "csv"
    tsv = "tsv"
    docx = "docx"


class Quantization(str, Enum):
    int8 = "int8"
    int8_float16 = "int8_float16"
    int8_float32 = "int8_float32"
    float16 = "float16"
    bfloat16 = "bfloat16"
    float32 = "float32"


RevisionOpt = Annotated[
    str | None, typer.Option("--revision", help="Hub revision (branch, tag or commit).")
]

cache_app = typer.Typer(
    name="cache",
    help="The translation memory (and converted models) in the translit cache.",
    no_args_is_help=True,
)


def register(app: typer.Typer) -> None:
    """Add the translation commands to the main app."""
    app.command("translate")(translate_command)
    app.command("models")(models_command)
    app.command("convert-model")(convert_model_command)
    app.add_typer(cache_app, name="cache")


# -- translate ------------------------------------------------------------------------------


def translate_command(
    inputs: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Documents to translate; with none, standard input.", show_default=False
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Output file (one input) or directory (several); default: standard output.",
        ),
    ] = None,
    source: Annotated[
        str,
        typer.Option(
            "--from", "--source", help="Source language (ISO 639-1) or 'auto' per sentence."
        ),
    ] = "auto",
    target: Annotated[
        str, typer.Option("--to", "-t", "--target", help="Target language (ISO 639-1).")
    ] = "en",
    model: Annotated[
        str | None,
        typer.Option(
            "--model",
            "-m",
            help="Registry alias (see `translit models`), hub id or local directory; "
            "default: the registry's choice per language pair.",
        ),
    ] = None,
    engine: Annotated[
        Engine, typer.Option("--engine", "-e", case_sensitive=False, help="Inference engine.")
    ] = Engine.transformers,
    device: Annotated[
        Device, typer.Option("--device", case_sensitive=False, help="Where to run the model.")
    ] = Device.auto,
    compute_type: Annotated[
        str | None,
        typer.Option(
            "--compute-type",
            help="CTranslate2: int8 (CPU default), float16 (GPU default), int8_float16, "
            "float32; transformers: a torch dtype (float32, float16, bfloat16).",
        ),
    ] = None,
    beam: Annotated[
        int | None,
        typer.Option("--beam", min=1, max=16, help="Beam size (default: the model's, else 4)."),
    ] = None,
    batch_size: Annotated[
        int, typer.Option("--batch-size", min=1, help="Sentences per batch (at most).")
    ] = 32,
    max_input_tokens: Annotated[
        int | None,
        typer.Option(
            "--max-input-tokens",
            min=8,
            help="Split longer sentences at clause boundaries (default: the model's limit).",
        ),
    ] = None,
    fmt: Annotated[
        DocumentFormat,
        typer.Option("--format", "-f", case_sensitive=False, help="Input format (default: guess)."),
    ] = DocumentFormat.auto,
    columns: Annotated[
        list[str] | None,
        typer.Option("--column", "-c", help="JSONL/CSV column to translate (repeatable)."),
    ] = None,
    add_column: Annotated[
        bool,
        typer.Option(
            "--add-column",
            help="JSONL/CSV: write translations to a new <column>_<target> column.",
        ),
    ] = False,
    bilingual: Annotated[
        bool,
        typer.Option(
            "--bilingual", help="Write aligned source/target sentences as JSONL, for review."
        ),
    ] = False,
    report: Annotated[
        Path | None,
        typer.Option("--report", help="Write a JSON report: per sentence flags and timings."),
    ] = None,
    style: Annotated[
        str,
        typer.Option(
            "--style", help="House style for names in the output (rferl, official, en ...)."
        ),
    ] = "en",
    names: Annotated[
        bool, typer.Option("--names/--no-names", help="Check and render names.")
    ] = True,
    glossary: Annotated[
        Path | None,
        typer.Option(
            "--glossary",
            help="CSV/TSV of terms: source term, target term[, language pair such as kk-en]; "
            "applied like names, retention in the report.",
        ),
    ] = None,
    use_cache: Annotated[
        bool,
        typer.Option("--cache/--no-cache", help="Use the translation memory."),
    ] = True,
    commercial: Annotated[
        bool,
        typer.Option("--commercial", help="Only pick models whose licence allows commercial use."),
    ] = False,
    revision: RevisionOpt = None,
    offline: Annotated[
        bool, typer.Option("--offline", help="Never contact the model hub.")
    ] = False,
    threads: Annotated[
        int | None, typer.Option("--threads", min=1, help="CPU threads (default: all).")
    ] = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress bar, notes or summary.")
    ] = False,
    progress: Annotated[
        bool,
        typer.Option(
            "--progress",
            envvar="TRANSLIT_PROGRESS",
            help="Off a terminal too (logs, cron): a progress line every few seconds.",
        ),
    ] = False,
) -> None:
    """Translate documents (text, Markdown, HTML, SRT, JSONL, CSV, Word), keeping their layout."""
    from translate.document import summary_line
    from translate.files import Outputs, translate_files
    from translate.pipeline import Settings
    from translate.progress import ProgressBar

    settings = Settings(
        source=source,
        target=target,
        model=model,
        engine=engine.value,
        device=device.value,
        precision=compute_type,
        beam_size=beam,
        max_batch_size=batch_size,
        max_input_tokens=max_input_tokens,
        use_memory=use_cache,
        commercial=commercial,
        revision=revision,
        offline=True if offline else None,
        threads=threads,
    )
    batch = translate_files(
        inputs or [],
        Outputs(output, bilingual, report),
        settings,
        fmt=fmt.value,
        columns=columns or (),
        add_column=add_column,
        style=style,
        names=names,
        glossary=glossary,
        notify=None if quiet else note,
        progress=None if quiet else ProgressBar(lines=progress),
    )
    if not quiet:
        note(summary_line(batch, report is not None))


# -- models ---------------------------------------------------------------------------------


def models_command(
    fmt: Annotated[
        ListFormat, typer.Option("--format", case_sensitive=False, help="Output format.")
    ] = ListFormat.table,
) -> None:
    """List the model registry: recommended model per language pair, licences, reasons."""
    from translate.models import is_available
    from translate.registry import load_registry

    registry = load_registry()
    available = {alias: is_available(entry) for alias, entry in registry.models.items()}
    if fmt is ListFormat.json:
        data = {
            "pairs": [
                {
                    "source": p.source,
                    "target": p.target,
                    "model": p.model,
                    "licence": registry.model(p.model).licence,
                    "reason": p.reason,
                    "commercial_alternative": p.commercial_alternative,
                }
                for p in registry.pairs
            ],
            "models": [
                {
                    "alias": e.alias,
                    "location": e.location,
                    "family": e.family,
                    "licence": e.licence,
                    "commercial": e.commercial,
                    "size": e.size,
                    "available": available[e.alias],
                    "notes": e.notes,
                }
                for e in registry.models.values()
            ],
        }
        typer.echo(json.dumps(data, ensure_ascii=False, indent=1))
        return
    typer.echo("Recommended models (source -> target):")
    for p in registry.pairs:
        entry = registry.model(p.model)
        alt = f"; commercial-safe: {p.commercial_alternative}" if p.commercial_alternative else ""
        typer.echo(f"  {p.source:>2} -> {p.target:<2}  {p.model:<15} {entry.licence}{alt}")
        typer.echo(f"            {p.reason}")
    typer.echo("")
    typer.echo("Models (* = on this machine):")
    width = max(len(a) for a in registry.models)
    for e in registry.models.values():
        mark = "*" if available[e.alias] else " "
        typer.echo(f"{mark} {e.alias:<{width}}  {e.licence:<13} {e.family:<12} {e.location}")
    typer.echo("")
    typer.echo(
        "NLLB-200 models are CC-BY-NC-4.0 (non-commercial only); --commercial picks "
        "commercial-safe alternatives."
    )


# -- convert-model --------------------------------------------------------------------------


def convert_model_command(
    model: Annotated[str, typer.Argument(help="Registry alias, hub id or local directory.")],
    output: Annotated[Path, typer.Argument(help="Directory for the CTranslate2 model.")],
    quantization: Annotated[
        Quantization,
        typer.Option("--quantization", case_sensitive=False, help="Weight type."),
    ] = Quantization.int8,
    revision: RevisionOpt = None,
    force: Annotated[bool, typer.Option("--force", help="Replace OUTPUT if it exists.")] = False,
) -> None:
    """Make the CTranslate2 copy of a model (use it with --engine ctranslate2 --model DIR)."""
    from translate.convert import convert_model
    from translate.models import resolve_model

    ref = resolve_model(model, revision=revision)
    path = convert_model(ref, output, quantization=quantization.value, force=force)
    typer.echo(f"{path}")


# -- cache --------------------------------------------------------------------------------------


@cache_app.command("info")
def cache_info() -> None:
    """Where the translation memory is, how big, and entries per model."""
    from translate.memory import cache_dir, converted_models, memory_info

    info = memory_info()
    typer.echo(f"cache directory: {cache_dir()}")
    typer.echo(f"translation memory: {info.path}" + ("" if info.exists else " (not created yet)"))
    typer.echo(f"entries: {info.entries}  size: {human(info.size_bytes, binary=True)}")
    for model, revision, count in info.by_model:
        typer.echo(f"  {count:>8}  {model} @ {revision}")
    converted = converted_models()
    if converted is not None:
        size = human(converted.size_bytes, binary=True)
        typer.echo(
            f"converted CTranslate2 models: {converted.count} ({size}) in {converted.folder}"
        )


@cache_app.command("clear")
def cache_clear(
    model: Annotated[
        str | None, typer.Option("--model", help="Only entries of this model id.")
    ] = None,
    converted: Annotated[
        bool, typer.Option("--converted", help="Also delete converted CTranslate2 models.")
    ] = False,
) -> None:
    """Empty the translation memory (or one model's part of it)."""
    from translate.memory import clear_cache

    deleted, removed = clear_cache(model, converted)
    typer.echo(f"deleted {deleted} translations")
    if removed:
        typer.echo("deleted converted CTranslate2 models")
