"""Translation commands of the ``translit`` CLI: ``translate``, ``models``,
``convert-model`` and ``cache info|clear`` (registered by ``cli.py``).

Heavy libraries (torch, transformers, CTranslate2) are imported only when a command
actually translates or converts.
"""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

from translit._cli import eprint, fail, guarded, stdin_bytes, stdout_bytes
from translit._util.atomic import atomic_write_bytes, refuse_overwrite
from translit._util.numbers import human
from translit.errors import InputDataError


class Engine(str, Enum):
    transformers = "transformers"
    ctranslate2 = "ctranslate2"


class Device(str, Enum):
    auto = "auto"
    cpu = "cpu"
    cuda = "cuda"
    mps = "mps"


class Format(str, Enum):
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


class ListFormat(str, Enum):
    table = "table"
    json = "json"


cache_app = typer.Typer(
    name="cache",
    help="The translation memory (and converted models) in the translit cache.",
    no_args_is_help=True,
)


def register(app: typer.Typer) -> None:
    """Add the translation commands to the main app."""
    app.command("translate")(guarded(translate_command))
    app.command("models")(guarded(models_command))
    app.command("convert-model")(guarded(convert_model_command))
    app.add_typer(cache_app, name="cache")


# -- translate ------------------------------------------------------------------------------


def _decode(data: bytes, path: Path | None) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        where = "standard input" if path is None else str(path)
        raise InputDataError(f"{where}: not valid UTF-8 (line {line})") from None


def _read_file(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputDataError(f"cannot read {path}: {exc.strerror}") from None


def _write(path: Path | None, text: str) -> None:
    _write_bytes(path, text.encode("utf-8"))


def _write_bytes(path: Path | None, data: bytes) -> None:
    if path is None:
        out = stdout_bytes()
        out.write(data)
        out.flush()
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(path, data)  # (a full disk or a kill leaves no partial file)
    except OSError as exc:
        raise InputDataError(f"cannot write {path}: {exc.strerror}") from None


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
        Format,
        typer.Option("--format", "-f", case_sensitive=False, help="Input format (default: guess)."),
    ] = Format.auto,
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
    revision: Annotated[
        str | None, typer.Option("--revision", help="Hub revision (branch, tag or commit).")
    ] = None,
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
    from translate.document import Source, report_dict, translate_documents
    from translate.errors import UnsupportedLanguageError, UsageError
    from translate.formats import binary_format
    from translate.memory import TranslationMemory
    from translate.pipeline import Pipeline, Settings
    from translate.progress import ProgressBar
    from translate.registry import language

    try:  # (a language code the user gave that is no language: a usage error)
        if source != "auto":
            language(source)
        language(target)
    except UnsupportedLanguageError as exc:
        raise fail(str(exc), code=2) from None
    paths = list(inputs or [])
    if len(paths) > 1 and output is None:
        raise typer.BadParameter("several inputs need --output DIRECTORY", param_hint="--output")
    for given in paths:  # before any work: the same check as normalize's
        for written in (_output_path(output, given, target, len(paths)), report):
            if written is not None:
                refuse_overwrite(given, written, "write to another file")
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
    sources: list[Source] = []
    boms: list[bool] = []
    for path in list(paths) if paths else [None]:
        name = str(path) if path is not None else "<stdin>"
        data = stdin_bytes().read() if path is None else _read_file(path)
        if binary_format(data, path, fmt.value) == "docx":
            boms.append(False)
            sources.append(Source("", name=name, format="docx", path=path, data=data))
            continue
        text = _decode(data, path)
        boms.append(text.startswith("\ufeff"))
        sources.append(Source(text.removeprefix("\ufeff"), name=name, format=fmt.value, path=path))
    notify = (lambda _message: None) if quiet else eprint
    layer = _name_layer(style) if names else None
    if glossary is not None:
        from translate.glossary import TermLayer, load_glossary

        layer = TermLayer(load_glossary(glossary), target, layer)
    bar = ProgressBar(lines=progress) if not quiet else None
    memory = TranslationMemory.open() if use_cache else None
    try:
        pipeline = Pipeline(settings, memory=memory, names=layer, notify=notify, progress=bar)
        suffix = target if add_column else None
        batch = translate_documents(sources, pipeline, columns or (), suffix)
    except UsageError as exc:
        raise fail(str(exc), code=2) from None
    except KeyboardInterrupt:
        if bar is not None:
            bar.close()
        hint = (
            "; finished batches are in the translation memory: run the same command to resume"
            if use_cache
            else ""
        )
        raise fail("interrupted" + hint, code=130) from None
    finally:
        if bar is not None:
            bar.close()
        if memory is not None:
            memory.close()
    if bilingual:
        from translate.document import bilingual_records

        lines = [json.dumps(r, ensure_ascii=False) for r in bilingual_records(batch)]
        destination = output
        if output is not None and len(paths) > 1:
            destination = output / "bilingual.jsonl"
        _write(destination, "\n".join(lines) + "\n")
    else:
        named: list[Path | None] = list(paths) if paths else [None]
        for doc, path, bom in zip(batch.documents, named, boms, strict=True):
            destination = _output_path(output, path, target, len(paths))
            if doc.data is not None:
                _write_bytes(destination, doc.data)
                continue
            _write(destination, ("\ufeff" if bom else "") + doc.output)
    if report is not None:
        record = report_dict(batch, settings)
        _write(report, json.dumps(record, ensure_ascii=False, indent=1) + "\n")
    if not quiet:
        eprint(_summary_line(batch, report))


def _output_path(output: Path | None, path: Path | None, target: str, count: int) -> Path | None:
    if output is None:
        return None
    if count <= 1 and not output.is_dir():
        return output
    name = path.name if path is not None else "stdin.txt"
    stem, dot, ext = name.rpartition(".")
    renamed = f"{stem}.{target}.{ext}" if dot else f"{name}.{target}"
    return output / renamed


def _name_layer(style: str) -> Any:
    from translate.names import NameLayer, check_style, default_finder, default_renderer

    check_style(style)
    finder, renderer = default_finder(), default_renderer()
    if finder is None or renderer is None:
        return None
    return NameLayer(finder, renderer, style)


def _summary_line(batch: Any, report: Path | None) -> str:
    from translate.document import summary

    info = summary(batch)
    statuses = info["by_status"]
    parts = [
        f"{info['sentences']} sentence{'' if info['sentences'] == 1 else 's'}",
        f"{statuses.get('translated', 0)} translated",
        f"{statuses.get('cached', 0)} from memory",
    ]
    if statuses.get("duplicate"):
        parts.append(f"{statuses['duplicate']} repeated")
    if statuses.get("kept"):
        parts.append(f"{statuses['kept']} kept as is")
    line = "translit: " + ", ".join(parts)
    if info["flagged"]:
        line += f"; {info['flagged']} flagged" + (
            "" if report is not None else " (see --report FILE)"
        )
    lost = info["accounting"]["lost"]
    if lost:
        line += f"; {len(lost)} sentence{'' if len(lost) == 1 else 's'} lost" + (
            "" if report is not None else " (see --report FILE)"
        )
    names = info["names"]
    if names["total"]:
        line += (
            f"; names retained {names['retained']}/{names['total']}"
            f" ({100 * names['retention_rate']:.0f}%)"
        )
    terms = info["glossary"]
    if terms["occurrences"]:
        line += f"; glossary terms retained {terms['retained']}/{terms['occurrences']}"
    return line + f"; {info['seconds']:.1f} s"


# -- models ---------------------------------------------------------------------------------


def models_command(
    fmt: Annotated[
        ListFormat, typer.Option("--format", case_sensitive=False, help="Output format.")
    ] = ListFormat.table,
) -> None:
    """List the model registry: recommended model per language pair, licences, reasons."""
    from translate.registry import load_registry

    registry = load_registry()
    available = {alias: _is_available(entry) for alias, entry in registry.models.items()}
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


def _is_available(entry: Any) -> bool:
    if entry.path is not None:
        return bool(entry.path.is_dir())
    try:
        from huggingface_hub import try_to_load_from_cache
    except ImportError:
        return False
    found = try_to_load_from_cache(entry.hub, "config.json")
    return isinstance(found, str)


# -- convert-model --------------------------------------------------------------------------


def convert_model_command(
    model: Annotated[str, typer.Argument(help="Registry alias, hub id or local directory.")],
    output: Annotated[Path, typer.Argument(help="Directory for the CTranslate2 model.")],
    quantization: Annotated[
        Quantization,
        typer.Option("--quantization", case_sensitive=False, help="Weight type."),
    ] = Quantization.int8,
    revision: Annotated[
        str | None, typer.Option("--revision", help="Hub revision (branch, tag or commit).")
    ] = None,
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
@guarded
def cache_info() -> None:
    """Where the translation memory is, how big, and entries per model."""
    from translate.memory import cache_dir, memory_info

    info = memory_info()
    typer.echo(f"cache directory: {cache_dir()}")
    typer.echo(f"translation memory: {info.path}" + ("" if info.exists else " (not created yet)"))
    typer.echo(f"entries: {info.entries}  size: {human(info.size_bytes, binary=True)}")
    for model, revision, count in info.by_model:
        typer.echo(f"  {count:>8}  {model} @ {revision}")
    converted = cache_dir() / "ct2"
    if converted.is_dir():
        dirs = sorted(p for p in converted.iterdir() if p.is_dir())
        size = sum(f.stat().st_size for d in dirs for f in d.rglob("*") if f.is_file())
        typer.echo(f"converted CTranslate2 models: {len(dirs)} ({human(size, binary=True)}) in {converted}")


@cache_app.command("clear")
@guarded
def cache_clear(
    model: Annotated[
        str | None, typer.Option("--model", help="Only entries of this model id.")
    ] = None,
    converted: Annotated[
        bool, typer.Option("--converted", help="Also delete converted CTranslate2 models.")
    ] = False,
) -> None:
    """Empty the translation memory (or one model's part of it)."""
    import shutil

    from translate.memory import TranslationMemory, cache_dir, memory_path

    deleted = 0
    if memory_path().exists():
        with TranslationMemory.open() as memory:
            deleted = memory.clear(model)
    typer.echo(f"deleted {deleted} translations")
    if converted and (cache_dir() / "ct2").is_dir():
        shutil.rmtree(cache_dir() / "ct2")
        typer.echo("deleted converted CTranslate2 models")
