"""Translating whole documents (one pipeline run for any number of them), and reports.

All documents of a run share one pipeline: their sentences are batched, de-duplicated and
looked up in the translation memory together. Units with inline markup get their markup
placed in the translation afterwards (:mod:`translate.placement`); the phrases that need
a gloss are translated together, in one more batch.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from translate.errors import DocumentFormatError
from translate.formats import detect_format, parse_document
from translate.formats.base import Parsed, Translation, Unit
from translate.formats.docx import DocxDocument, parse_docx
from translate.formats.html import set_document_language
from translate.glossary import GLOSSARY
from translate.inline import restore_placeholders
from translate.names import RETAINED
from translate.pipeline import Pipeline, RunResult, SentenceReport, Settings
from translate.placement import SentenceView, place_unit, wanted_glosses
from translate.quality import RETRY_FLAGS

#: Flags that are only informative (the sentence is fine).
INFO_FLAGS = frozenset({"split", "retried", "name_repaired", "term_repaired"})
#: Statuses of sentences whose translation is in the output.
TRANSLATED = ("translated", "cached", "duplicate")


@dataclass(frozen=True)
class Source:
    """A document to translate."""

    text: str
    name: str = "<stdin>"
    format: str = "auto"
    path: Path | None = None
    data: bytes | None = None  # the file's bytes, for binary formats (.docx)


@dataclass
class DocumentResult:
    """One translated document."""

    name: str
    format: str
    output: str
    first_unit: int
    units: int
    data: bytes | None = None  # the output of a binary format (.docx); ``output`` is empty


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
    parsed: list[tuple[Source, str, Parsed | DocxDocument]] = []
    for source in sources:
        fmt = source.format if source.format != "auto" else detect_format(source.text, source.path)
        if fmt == "docx":
            if source.data is None:
                raise DocumentFormatError(f"{source.name}: a .docx document is read as bytes")
            parsed.append((source, fmt, parse_docx(source.data)))
        else:
            parsed.append((source, fmt, parse_document(source.text, fmt, columns, add_suffix)))
    units = [u for _, _, p in parsed for u in p.units]
    run = pipeline.run([u.text for u in units])
    translations: list[Translation] = list(run.outputs)
    translations = place_markup(pipeline, units, run, translations)
    documents: list[DocumentResult] = []
    start = 0
    for source, fmt, doc in parsed:
        count = len(doc.units)
        if isinstance(doc, DocxDocument):
            data = doc.render_bytes(translations[start : start + count])
            documents.append(DocumentResult(source.name, fmt, "", start, count, data))
            start += count
            continue
        output = doc.render(translations[start : start + count])
        if fmt == "html" and any(
            start <= s.unit < start + count and s.status in TRANSLATED for s in run.sentences
        ):
            output = set_document_language(output, pipeline.settings.target)
        documents.append(DocumentResult(source.name, fmt, output, start, count))
        start += count
    return Batch(documents, run)


def place_markup(
    pipeline: Pipeline, units: Sequence[Unit], run: RunResult, outputs: list[Translation]
) -> list[Translation]:
    """Put the inline markup of marked-up units back into their translations.

    Sentences whose markup could not be aligned are flagged ``markup_moved``; their
    report shows the markup's atoms (code spans) instead of placeholders.
    """
    by_unit: dict[int, list[SentenceReport]] = {}
    for report in run.sentences:
        if units[report.unit].markup is not None:
            by_unit.setdefault(report.unit, []).append(report)
    if not by_unit:
        return outputs
    views: dict[int, list[SentenceView]] = {}
    wanted: set[tuple[str, str]] = set()
    for index, reports in by_unit.items():
        unit = units[index]
        assert unit.markup is not None
        views[index] = [_view(r) for r in reports]
        wanted |= wanted_glosses(unit.text, unit.markup, views[index])
    asked = sorted(wanted)
    glosses = dict(zip(asked, pipeline.translate_snippets(asked), strict=True))
    placed_outputs = list(outputs)
    for index, reports in by_unit.items():
        unit = units[index]
        assert unit.markup is not None
        placed, moved = place_unit(
            unit.text, unit.markup, views[index], lambda lang, text: glosses.get((lang, text))
        )
        placed_outputs[index] = placed
        atoms = unit.markup.atom_map()
        for report, (target, count) in zip(reports, moved, strict=True):
            if count and "markup_moved" not in report.flags:
                report.flags.append("markup_moved")
            report.source = restore_placeholders(report.source, atoms, str)
            report.target = restore_placeholders(target, atoms, str)
    return placed_outputs


def _view(report: SentenceReport) -> SentenceView:
    names = tuple((n.source, n.rendering) for n in report.names if n.status in RETAINED)
    return SentenceView(report.start, report.source, report.target, report.source_lang, names)


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
    """Name retention: how many source names are in the output, before and after repair.

    Also given apart: names the finder knows (a gazetteer entity) and names it only
    guessed from their shape, whose retention says more about the finder than about
    the translation; and how many mentions lost words that were not part of the name.
    """
    names = [n for s in run.sentences for n in s.names if n.entity != GLOSSARY]
    known = [n for n in names if n.entity is not None]
    statuses = Counter(n.status for n in names)
    total = len(names)
    found = sum(1 for n in names if n.found_in_output)
    retained = sum(1 for n in names if n.retained)
    return {
        "checked": run.names_checked,
        "total": total,
        "found_in_output": found,
        "retained": retained,
        "retention_rate_model": _rate(found, total),
        "retention_rate": _rate(retained, total),
        "known": len(known),
        "retention_rate_known": _rate(sum(1 for n in known if n.retained), len(known)),
        "retention_rate_guessed": _rate(retained - sum(1 for n in known if n.retained),
                                        total - len(known)),
        "words_dropped_from_names": sum(1 for n in names if n.dropped),
        "by_status": dict(sorted(statuses.items())),
    }  # fmt: skip


def glossary_summary(run: RunResult) -> dict[str, Any]:
    """Retention of each glossary term: how often its source was found, and how often
    the target term is in the output (as the model wrote it, or repaired)."""
    per_term: dict[str, Counter[str]] = {}
    for result in (n for s in run.sentences for n in s.names if n.entity == GLOSSARY):
        per_term.setdefault(result.rendering, Counter())[result.status] += 1
    terms: list[dict[str, Any]] = []
    for target, statuses in sorted(per_term.items()):
        found = sum(statuses.values())
        retained = statuses["kept"] + statuses["restyled"] + statuses["repaired"]
        terms.append(
            {
                "target": target,
                "occurrences": found,
                "kept": statuses["kept"] + statuses["restyled"],
                "repaired": statuses["repaired"],
                "missing": statuses["missing"],
                "retention_rate": _rate(retained, found),
            }
        )
    total = sum(t["occurrences"] for t in terms)
    retained = sum(t["kept"] + t["repaired"] for t in terms)
    return {"occurrences": total, "retained": retained,
            "retention_rate": _rate(retained, total), "terms": terms}  # fmt: skip


def _rate(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


#: Flags that mean (part of) a source sentence is not in the output.
LOST_FLAGS = ("empty", "sentence_lost", "too_short", "truncated")


def lost_reason(report: SentenceReport) -> str | None:
    """Why (part of) the sentence is missing from the output, or None if it is there."""
    if report.status == "kept":
        return None  # copied as it is
    if not report.target.strip():
        return "empty"
    reasons = [flag for flag in LOST_FLAGS if flag in report.flags]
    return ", ".join(reasons) if reasons else None


def accounting(batch: Batch) -> dict[str, Any]:
    """Every source sentence: translated into the output, copied as is, or lost (why).

    ``translated + copied + lost == sentences``; each lost sentence is listed with its
    document, unit, source and reason.
    """
    lost: list[dict[str, Any]] = []
    copied = 0
    for s in batch.run.sentences:
        reason = lost_reason(s)
        if reason is not None:
            doc = batch.document_of(s.unit)
            lost.append(
                {
                    "document": doc.name,
                    "unit": s.unit - doc.first_unit,
                    "sentence": s.index,
                    "source": s.source,
                    "reason": reason,
                }
            )
        elif s.status == "kept":
            copied += 1
    total = len(batch.run.sentences)
    return {
        "sentences": total,
        "translated": total - copied - len(lost),
        "copied": copied,
        "lost": lost,
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
        "glossary": glossary_summary(run),
        "retry_flags": sorted(RETRY_FLAGS),
        "accounting": accounting(batch),
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
                "dropped": n.dropped,
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


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def summary_line(batch: Batch, report_written: bool) -> str:
    """One line on what a run did: sentences by status, flags, losses, names and terms
    retained, time (``report_written``: whether a ``--report`` file has the details)."""
    info = summary(batch)
    statuses = info["by_status"]
    parts = [
        _plural(info["sentences"], "sentence"),
        f"{statuses.get('translated', 0)} translated",
        f"{statuses.get('cached', 0)} from memory",
    ]
    if statuses.get("duplicate"):
        parts.append(f"{statuses['duplicate']} repeated")
    if statuses.get("kept"):
        parts.append(f"{statuses['kept']} kept as is")
    line = "translit: " + ", ".join(parts)
    see = "" if report_written else " (see --report FILE)"
    if info["flagged"]:
        line += f"; {info['flagged']} flagged{see}"
    lost = info["accounting"]["lost"]
    if lost:
        line += f"; {_plural(len(lost), 'sentence')} lost{see}"
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
