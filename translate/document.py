"""Translating whole documents (one pipeline run for any number of them), and reports.

All documents of a run share one pipeline: their sentences are batched, de-duplicated and
looked up in the translation memory together.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from translate.formats import detect_format, parse_document
from translate.formats.base import Parsed
from translate.pipeline import Pipeline, RunResult, SentenceReport, Settings
from translate.quality import RETRY_FLAGS

#: Flags that are only informative (the sentence is fine).
INFO_FLAGS = frozenset({"split", "retried", "name_repaired"})


@dataclass(frozen=True)
class Source:
    """A document to translate."""

    text: str
    name: str = "<stdin>"
    format: str = "auto"
    path: Path | None = None


@dataclass
class DocumentResult:
    """One translated document."""

    name: str
    format: str
    output: str
    first_unit: int
    units: int


@dataclass
class Batch:
    """The result of translating several documents in one run."""

    documents: list[DocumentResult]
    run: RunResult

    def document_of(self, unit: int) -> DocumentResult:
        for doc in self.documents:
            if doc.first_unit <= unit < doc.first_unit + doc.units:
                return doc
        raise IndexError(unit)


def translate_documents(
    sources: Sequence[Source],
    pipeline: Pipeline,
    columns: Sequence[str] = (),
    add_suffix: str | None = None,
) -> Batch:
    """Parse, translate and rebuild ``sources`` in one pipeline run."""
    parsed: list[tuple[Source, str, Parsed]] = []
    for source in sources:
        fmt = source.format if source.format != "auto" else detect_format(source.text, source.path)
        parsed.append((source, fmt, parse_document(source.text, fmt, columns, add_suffix)))
    units = [u.text for _, _, p in parsed for u in p.units]
    run = pipeline.run(units)
    documents: list[DocumentResult] = []
    start = 0
    for source, fmt, doc in parsed:
        count = len(doc.units)
        output = doc.render(run.outputs[start : start + count])
        documents.append(DocumentResult(source.name, fmt, output, start, count))
        start += count
    return Batch(documents, run)


def translate_text(text: str, settings: Settings | None = None, **kwargs: Any) -> str:
    """Translate plain text with a fresh pipeline (see :class:`Settings`)."""
    pipeline = Pipeline(settings or Settings(), **kwargs)
    batch = translate_documents([Source(text, format="text")], pipeline)
    return batch.documents[0].output


# -- reports ------------------------------------------------------------------------------


def problem_flags(report: SentenceReport) -> list[str]:
    """Flags that call for a human look (informative ones left out)."""
    return [f for f in report.flags if f not in INFO_FLAGS]


def names_summary(run: RunResult) -> dict[str, Any]:
    """Name retention: how many source names are in the output, before and after repair."""
    names = [n for s in run.sentences for n in s.names]
    statuses = Counter(n.status for n in names)
    total = len(names)
    found = sum(1 for n in names if n.found_in_output)
    retained = sum(1 for n in names if n.retained)
    return {
        "checked": run.names_checked,
        "total": total,
        "found_in_output": found,
        "retained": retained,
        "retention_rate_model": round(found / total, 4) if total else None,
        "retention_rate": round(retained / total, 4) if total else None,
        "by_status": dict(sorted(statuses.items())),
    }


def summary(batch: Batch) -> dict[str, Any]:
    """Counts and timings of a run."""
    run = batch.run
    statuses = Counter(s.status for s in run.sentences)
    flagged = sum(1 for s in run.sentences if problem_flags(s))
    return {
        "documents": len(batch.documents),
        "units": sum(d.units for d in batch.documents),
        "sentences": len(run.sentences),
        "by_status": dict(sorted(statuses.items())),
        "flagged": flagged,
        "flags": dict(sorted(Counter(f for s in run.sentences for f in s.flags).items())),
        "chunks_translated": run.translated_chunks,
        "chunks_from_memory": run.cached_chunks,
        "seconds": round(run.seconds, 3),
        "names": names_summary(run),
        "retry_flags": sorted(RETRY_FLAGS),
    }


def _sentence_record(batch: Batch, s: SentenceReport) -> dict[str, Any]:
    doc = batch.document_of(s.unit)
    return {
        "document": doc.name,
        "unit": s.unit - doc.first_unit,
        "sentence": s.index,
        "source_lang": s.source_lang,
        "target_lang": s.target_lang,
        "status": s.status,
        "model": s.model,
        "flags": s.flags,
        "chunks": s.chunks,
        "ms": s.ms,
        "source": s.source,
        "target": s.target,
        "names": [
            {
                "source": n.source,
                "entity": n.entity,
                "rendering": n.rendering,
                "status": n.status,
                "model_wrote": n.found,
            }
            for n in s.names
        ],
    }


def report_dict(batch: Batch, settings: Settings) -> dict[str, Any]:
    """The ``--report`` document: signature, settings, summary and every sentence."""
    return {
        "signature": batch.run.signature(),
        "models": list(batch.run.models.values()),
        "settings": {
            "source": settings.source,
            "target": settings.target,
            "model": settings.model,
            "engine": settings.engine,
            "beam": settings.beam_size,
            "memory": settings.use_memory,
        },
        "summary": summary(batch),
        "sentences": [_sentence_record(batch, s) for s in batch.run.sentences],
    }


def bilingual_records(batch: Batch) -> list[dict[str, Any]]:
    """Aligned source/target sentences for review (sentences with text only)."""
    records = []
    for s in batch.run.sentences:
        if not any(ch.isalpha() for ch in s.source):
            continue
        record = _sentence_record(batch, s)
        del record["ms"], record["chunks"]
        records.append(record)
    return records
