"""Translating files: read the inputs, translate them in one run, write the outputs.

The file handling of ``translit translate``: inputs are read as bytes (a Word document
stays bytes, text is checked to be UTF-8 and keeps its byte-order mark), no output may
overwrite an input, and every output (translations, ``--bilingual`` records, the
``--report``) is written atomically (:func:`translit._util.atomic.atomic_write_bytes`).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from translate.document import Batch, Source, bilingual_records, report_dict, translate_documents
from translate.errors import UnsupportedLanguageError, UsageError
from translate.formats import binary_format
from translate.pipeline import Pipeline, Settings
from translit._util.atomic import atomic_write_bytes, refuse_overwrite
from translit._util.stdio import stdin_bytes, write_bytes
from translit.errors import InputDataError, OutputError


@dataclass(frozen=True)
class Outputs:
    """Where a run writes: ``output`` (a file for one input, a folder for several;
    ``None``: standard output), aligned records instead of documents (``bilingual``),
    and a JSON report (``report``)."""

    output: Path | None = None
    bilingual: bool = False
    report: Path | None = None

    def path_of(self, source: Path | None, target: str, count: int) -> Path | None:
        """The translation of ``source`` (one of ``count`` inputs) into ``target``."""
        if self.output is None:
            return None
        if count <= 1 and not self.output.is_dir():
            return self.output
        name = source.name if source is not None else "stdin.txt"
        stem, dot, ext = name.rpartition(".")
        return self.output / (f"{stem}.{target}.{ext}" if dot else f"{name}.{target}")


def check_languages(settings: Settings) -> None:
    """A language code that is no language (``--to xx``) is a usage error."""
    from translate.registry import language

    try:
        if settings.source != "auto":
            language(settings.source)
        language(settings.target)
    except UnsupportedLanguageError as exc:
        raise UsageError(str(exc)) from None


def name_layer(
    style: str, names: bool = True, glossary: Path | None = None, target: str = "en"
) -> Any:
    """The names (in house ``style``, when ``names``) and ``glossary`` terms to enforce."""
    layer: Any = None
    if names:
        from translate.names import NameLayer, check_style, default_finder, default_renderer

        check_style(style)
        finder, renderer = default_finder(), default_renderer()
        if finder is not None and renderer is not None:
            layer = NameLayer(finder, renderer, style)
    if glossary is not None:
        from translate.glossary import TermLayer, load_glossary

        layer = TermLayer(load_glossary(glossary), target, layer)
    return layer


def read_sources(paths: Sequence[Path], fmt: str = "auto") -> tuple[list[Source], list[bool]]:
    """Each input (standard input when none) as a :class:`Source`, and whether its text
    began with a byte-order mark (given back to its translation)."""
    sources: list[Source] = []
    boms: list[bool] = []
    inputs: list[Path | None] = [*paths] or [None]
    for path in inputs:
        name = str(path) if path is not None else "<stdin>"
        data = stdin_bytes().read() if path is None else _read(path)
        if binary_format(data, path, fmt) == "docx":
            boms.append(False)
            sources.append(Source("", name=name, format="docx", path=path, data=data))
            continue
        text = _decode(data, path)
        boms.append(text.startswith("\ufeff"))
        sources.append(Source(text.removeprefix("\ufeff"), name=name, format=fmt, path=path))
    return sources, boms


def translate_files(
    paths: Sequence[Path],
    outputs: Outputs,
    settings: Settings,
    *,
    fmt: str = "auto",
    columns: Sequence[str] = (),
    add_column: bool = False,
    style: str = "en",
    names: bool = True,
    glossary: Path | None = None,
    notify: Callable[[str], None] | None = None,
    progress: Any = None,
) -> Batch:
    """Translate the files ``paths`` (none: standard input) and write ``outputs``.

    Everything is checked before any model is loaded: the languages, that no output
    overwrites an input, the house ``style``. ``progress``: a callable ``(done, total,
    label)`` (:class:`translate.progress.ProgressBar`), closed at the end. Ctrl-C stops
    the run with a :class:`KeyboardInterrupt` that says how to resume it.
    """
    from translate.memory import TranslationMemory

    check_languages(settings)
    if len(paths) > 1 and outputs.output is None:
        raise UsageError("several inputs need --output DIRECTORY")
    for given in paths:
        for written in (outputs.path_of(given, settings.target, len(paths)), outputs.report):
            if written is not None:
                refuse_overwrite(given, written, "write to another file")
    sources, boms = read_sources(paths, fmt)
    layer = name_layer(style, names, glossary, settings.target)
    memory = TranslationMemory.open() if settings.use_memory else None
    try:
        pipeline = Pipeline(
            settings, memory=memory, names=layer, notify=notify or _quiet, progress=progress
        )
        suffix = settings.target if add_column else None
        batch = translate_documents(sources, pipeline, columns, suffix)
    except KeyboardInterrupt:
        resume = "finished batches are in the translation memory: run the same command to resume"
        raise KeyboardInterrupt(f"interrupted; {resume}" if memory else "interrupted") from None
    finally:
        if progress is not None:
            progress.close()
        if memory is not None:
            memory.close()
    write_outputs(batch, list(paths), boms, outputs, settings)
    return batch


def write_outputs(
    batch: Batch, paths: list[Path], boms: list[bool], outputs: Outputs, settings: Settings
) -> None:
    """Write the translated documents (or the bilingual records) and the report."""
    if outputs.bilingual:
        lines = [json.dumps(r, ensure_ascii=False) for r in bilingual_records(batch)]
        destination = outputs.output
        if outputs.output is not None and len(paths) > 1:
            destination = outputs.output / "bilingual.jsonl"
        _write(destination, ("\n".join(lines) + "\n").encode("utf-8"))
    else:
        named: list[Path | None] = list(paths) or [None]
        for doc, path, bom in zip(batch.documents, named, boms, strict=True):
            destination = outputs.path_of(path, settings.target, len(paths))
            if doc.data is not None:
                _write(destination, doc.data)
            else:
                _write(destination, (("\ufeff" if bom else "") + doc.output).encode("utf-8"))
    if outputs.report is not None:
        record = report_dict(batch, settings)
        _write(outputs.report, (json.dumps(record, ensure_ascii=False, indent=1) + "\n").encode())


def _quiet(_message: str) -> None:
    pass


def _decode(data: bytes, path: Path | None) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        where = "standard input" if path is None else str(path)
        raise InputDataError(f"{where}: not valid UTF-8 (line {line})") from None


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputDataError(f"cannot read {path}: {exc.strerror}") from None


def _write(path: Path | None, data: bytes) -> None:
    """``data`` into ``path`` (its folder made first), atomically; ``None``: standard output."""
    if path is None:
        write_bytes(data)
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(path, data)  # (a full disk or a kill leaves no partial file)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror}") from None
