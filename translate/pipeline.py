"""The translation pipeline: units -> sentences -> unique chunks -> batches -> text.

1. every unit (a line of a document) is split into sentences (sentencex), each with its
   own language (``--source auto``), direction and model;
2. a sentence longer than the model accepts is split at clause boundaries;
3. chunks are normalized (sacremoses, where the model family expects it) and
   de-duplicated across the whole document; the translation memory answers what it
   already knows;
4. the rest is translated in batches sorted by length, with the length cap set from the
   input; a suspicious output is decoded again with safer settings, and flagged if it is
   still suspicious; every finished batch goes into the memory at once (so an
   interrupted run resumes);
5. sentences are re-assembled, URLs the model lost are restored, names are rendered in
   house style (and repaired or flagged), and each unit is rebuilt with its whitespace.
"""

from __future__ import annotations

import math
import re
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from translate.engines.base import DecodeOptions, Engine, EngineInfo, Hypothesis, open_engine
from translate.errors import TranslateError, UnsupportedLanguageError, UsageError
from translate.glossary import GLOSSARY
from translate.langid import UNDETERMINED, identify, identify_all, identify_document
from translate.memory import Context, TranslationMemory
from translate.models import ModelRef, resolve_model
from translate.names import NameOutcome, NameSpanLike, SpanLayer
from translate.quality import check, needs_retry, restore_urls, severity
from translate.registry import ModelEntry, language_name, load_languages, load_registry
from translate.scripts import to_model_script
from translate.segment import URL_RE, ends_sentence, sentence_spans, split_clauses

PIPELINE_VERSION = "1"
DEFAULT_BEAM = 4
#: CTranslate2 on a CPU: at most this many hypotheses (sentences x beam) in one batch.
#: Beam-search state grows with it; 96 keeps a transformer-big model within about
#: 600 MB (bench/translate.py), where batches of 32 x 4 take about 700 MB.
CT2_CPU_HYPOTHESES = 96
LENGTH_RATIO = 2.0  # output tokens allowed per input token (plus LENGTH_MARGIN)
LENGTH_MARGIN = 10
HARD_CAP = 512
_CODE_FREE = ("marian", "marian-multi", "madlad")
_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
# spaces and list or dialogue punctuation before a sentence stay as they are
_LEAD = re.compile(r"[\s:;,—–\-•·*]*")
_FUNCTION_WORDS = frozenset(
    "a an and as at but by for from he her his in into it its of on or she that the their "
    "there these they this those to we which who with".split()
)

EngineFactory = Callable[[ModelRef], Engine]
Notify = Callable[[str], None]
Progress = Callable[[int, int, str], None]  # (done, total, what is counted)


@dataclass(frozen=True)
class Settings:
    """Everything that shapes a translation run."""

    source: str = "auto"
    target: str = "en"
    model: str | None = None
    engine: str = "transformers"
    device: str = "auto"
    precision: str | None = None
    beam_size: int | None = None  # None: the model's registry default, else DEFAULT_BEAM
    max_batch_size: int = 32
    max_batch_tokens: int = 6000
    max_input_tokens: int | None = None
    use_memory: bool = True
    commercial: bool = False
    revision: str | None = None
    offline: bool | None = None
    threads: int | None = None
    retry: bool = True


@dataclass
class SentenceReport:
    """What happened to one sentence (one line of the ``--report`` file)."""

    unit: int
    index: int
    source: str
    target: str
    source_lang: str
    target_lang: str
    status: str  # translated | cached | duplicate | kept
    model: str | None = None
    flags: list[str] = field(default_factory=list)
    chunks: int = 1
    names: list[NameOutcome] = field(default_factory=list)
    ms: float = 0.0
    start: int = 0  # where ``source`` starts in its unit's text


@dataclass
class RunResult:
    """Translations of the units, per-sentence reports and a summary."""

    outputs: list[str]
    sentences: list[SentenceReport]
    models: dict[str, dict[str, Any]]
    seconds: float
    translated_chunks: int
    cached_chunks: int
    names_checked: bool

    def signature(self) -> str:
        """``model:...|rev:...|engine:...`` for each model used (reproducibility)."""
        parts = []
        for info in self.models.values():
            parts.append(
                f"model:{info['model']}|rev:{info['revision']}|engine:{info['engine']}"
                f"|precision:{info['precision']}|beam:{info['beam']}|v:{PIPELINE_VERSION}"
            )
        return " ; ".join(parts)


@dataclass
class _Chunk:
    text: str  # model input (normalized)
    source: str  # as in the document
    separator: str


@dataclass
class _Sentence:
    report: SentenceReport
    lead: str
    trail: str
    ref: ModelRef | None = None
    chunks: list[_Chunk] = field(default_factory=list)
    names: list[NameSpanLike] = field(default_factory=list)


@dataclass
class _Job:
    ref: ModelRef
    source_lang: str
    target_lang: str
    text: str
    tokens: int = 0
    target: str | None = None
    flags: tuple[str, ...] = ()
    cached: bool = False
    ms: float = 0.0


class ModelPool:
    """Chooses and loads models per direction; engines are created on first use."""

    def __init__(
        self, settings: Settings, notify: Notify, factory: EngineFactory | None = None
    ) -> None:
        self._settings = settings
        self._notify = notify
        self._factory = factory
        self._refs: dict[str, ModelRef] = {}
        self._engines: dict[str, Engine] = {}
        self._announced: set[str] = set()

    def explicit(self) -> ModelRef | None:
        """The model given with --model (resolved now, so that a typo fails early)."""
        if self._settings.model is None:
            return None
        spec = self._settings.model
        if self._settings.commercial:  # before a possibly long download
            known = load_registry().models
            entry = known.get(spec) or next((e for e in known.values() if e.hub == spec), None)
            if entry is None or not entry.commercial:
                licence = entry.licence if entry is not None else "unknown"
                raise UsageError(
                    f"--commercial: {spec} is licensed {licence}, not known to allow "
                    "commercial use; leave out --model to get a commercial-safe model"
                )
        ref = self.ref_for("und", self._settings.target)
        entry, target, source = ref.entry, self._settings.target, self._settings.source
        if entry is not None and entry.targets is not None and target not in entry.targets:
            raise UnsupportedLanguageError(
                f"{entry.alias} cannot translate into {language_name(target)}; it translates "
                f"into {', '.join(entry.targets)}"
            )
        if entry is not None and source != "auto" and not entry.supports(source, target):
            raise UnsupportedLanguageError(
                f"{entry.alias} cannot translate from {language_name(source)}; it translates "
                f"from {', '.join(entry.sources or ())}"
            )
        return ref

    def ref_for(self, source: str, target: str) -> ModelRef:
        """The model for ``source -> target`` (the one given with --model, if any)."""
        spec = self._settings.model
        if spec is None:
            spec = self._recommended(source, target)
        if spec not in self._refs:
            entry = load_registry().models.get(spec)
            if entry is not None:
                self._announce(entry)  # before a possibly long download
            ref = resolve_model(
                spec,
                revision=self._settings.revision,
                offline=self._settings.offline,
                max_input_tokens=self._settings.max_input_tokens,
            )
            self._refs[spec] = ref
            if ref.entry is not None:
                self._announce(ref.entry)
        return self._refs[spec]

    def _recommended(self, source: str, target: str) -> str:
        registry = load_registry()
        pair = registry.recommend(source, target)
        alias = pair.model
        if self._settings.commercial and not registry.model(alias).commercial:
            if pair.commercial_alternative is None:
                raise UnsupportedLanguageError(
                    f"no commercial-safe model in the registry for {source}->{target}"
                )
            alias = pair.commercial_alternative
        return alias

    def _announce(self, entry: ModelEntry) -> None:
        if entry.commercial or entry.alias in self._announced:
            return
        self._announced.add(entry.alias)
        registry = load_registry()
        alternatives = sorted(
            {
                p.commercial_alternative
                for p in registry.pairs
                if p.model == entry.alias and p.commercial_alternative is not None
            }
        )
        hint = f"; --commercial picks {', '.join(alternatives)}" if alternatives else ""
        self._notify(
            f"note: {entry.alias} ({entry.location}) is licensed {entry.licence}: "
            f"non-commercial use only{hint}"
        )

    def engine(self, ref: ModelRef) -> Engine:
        key = str(ref.path)
        if key not in self._engines:
            if self._factory is not None:
                self._engines[key] = self._factory(ref)
            else:
                s = self._settings
                self._engines[key] = open_engine(
                    ref, s.engine, s.device, s.precision, threads=s.threads
                )
        return self._engines[key]

    def loaded(self) -> dict[str, tuple[ModelRef, Engine]]:
        """Engines created so far, with their model, by model path."""
        refs = {str(ref.path): ref for ref in self._refs.values()}
        return {key: (refs[key], engine) for key, engine in self._engines.items() if key in refs}


class _Normalizers:
    def __init__(self) -> None:
        self._cache: dict[str, Any] = {}

    def apply(self, text: str, ref: ModelRef, source: str) -> str:
        text = to_model_script(text, source)
        if ref.normalize is None:
            return text
        lang = source if ref.normalize == "source" else "en"
        if lang not in self._cache:
            from sacremoses import MosesPunctNormalizer

            self._cache[lang] = MosesPunctNormalizer(lang=lang)
        return str(self._cache[lang].normalize(text))


class Pipeline:
    """Translate the units of one or more documents in a single run."""

    def __init__(
        self,
        settings: Settings,
        *,
        memory: TranslationMemory | None = None,
        names: SpanLayer | None = None,
        engine_factory: EngineFactory | None = None,
        notify: Notify | None = None,
        progress: Progress | None = None,
    ) -> None:
        self.settings = settings
        self._memory = memory if settings.use_memory else None
        self._names = names
        self._notify = notify or (lambda message: print(message, file=sys.stderr))
        self._progress = progress
        self.pool = ModelPool(settings, self._notify, engine_factory)
        self._normalizers = _Normalizers()
        self._target_script = load_languages().get(settings.target)
        self._explicit: ModelRef | None = None

    # -- public ------------------------------------------------------------------------

    def run(self, units: Sequence[str]) -> RunResult:
        """Translate ``units`` (texts without line breaks); outputs keep their whitespace."""
        started = time.perf_counter()
        self._explicit = self.pool.explicit()
        fallback = self._document_language(units)
        sentences = [self._plan_unit(i, text, fallback) for i, text in enumerate(units)]
        flat = [s for unit in sentences for s in unit]
        jobs = self._collect_jobs(flat)
        self._translate_jobs(list(jobs.values()), retry=self.settings.retry, label="sentences")
        self._assemble(flat, jobs)
        if self._names is not None:
            self._apply_names(flat)
        outputs = [
            self._render_unit(text, unit) for text, unit in zip(units, sentences, strict=True)
        ]
        translated = sum(1 for j in jobs.values() if not j.cached)
        return RunResult(
            outputs=outputs,
            sentences=[s.report for s in flat],
            models=self._model_summary(),
            seconds=time.perf_counter() - started,
            translated_chunks=translated,
            cached_chunks=len(jobs) - translated,
            names_checked=self._names is not None,
        )

    def translate_snippets(self, items: Sequence[tuple[str, str]]) -> list[str | None]:
        """Translations of short texts of known language, ``(lang, text)`` each.

        For glosses (a marked-up phrase translated on its own): batched, de-duplicated
        and remembered like sentences, no retries; names are rendered in house style.
        None where the text has no letters or no model translates its language.
        """
        target = self.settings.target
        jobs: dict[tuple[str, str, str, str], _Job] = {}
        keys: list[tuple[str, str, str, str] | None] = []
        for lang, text in items:
            if lang == target or not _translatable(text):
                keys.append(None)
                continue
            try:
                ref = self.pool.ref_for(lang, target)
            except UnsupportedLanguageError:
                keys.append(None)
                continue
            normalized = self._normalizers.apply(text, ref, lang)
            job_key = _job_key(ref, lang, target, normalized)
            jobs.setdefault(job_key, _Job(ref, lang, target, normalized))
            keys.append(job_key)
        if jobs:
            self._translate_jobs(list(jobs.values()), retry=False, label="marked-up phrases")
        out: list[str | None] = []
        for (_, text), key in zip(items, keys, strict=True):
            translation = None if key is None else jobs[key].target
            if translation and self._names is not None:
                translation, _ = self._names.apply(translation, self._names.find(text, lang))
            out.append(translation)
        return out

    # -- planning ----------------------------------------------------------------------

    def _document_language(self, units: Sequence[str]) -> str:
        if self.settings.source != "auto":
            return self.settings.source
        return identify_document(units)

    def _plan_unit(self, unit: int, text: str, fallback: str) -> list[_Sentence]:
        seg_lang = self.settings.source if self.settings.source != "auto" else identify(text)
        if seg_lang == UNDETERMINED:
            seg_lang = fallback if fallback != UNDETERMINED else "en"
        spans = sentence_spans(text, seg_lang)
        pieces = [text[a:b] for a, b in spans]
        if self.settings.source == "auto":
            langs = identify_all([p.strip() for p in pieces], fallback)
        else:
            langs = [self.settings.source] * len(pieces)
        planned: list[_Sentence] = []
        for index, (piece, lang) in enumerate(zip(pieces, langs, strict=True)):
            match = _LEAD.match(piece)
            lead = match.group() if match is not None else ""
            core = piece[len(lead) :].rstrip()
            report = SentenceReport(
                unit=unit,
                index=index,
                source=core,
                target=core,
                source_lang=lang,
                target_lang=self.settings.target,
                status="kept",
                start=spans[index][0] + len(lead),
            )
            sentence = _Sentence(report, lead, piece[len(lead) + len(core) :])
            planned.append(sentence)
            if _translatable(core):
                self._route(sentence)
        return planned

    def _route(self, sentence: _Sentence) -> None:
        """Choose the sentence's model and cut it into chunks (or say why not)."""
        report = sentence.report
        target = self.settings.target
        if report.source_lang == UNDETERMINED:
            guessed = self._language_for_unknown()
            if guessed is None:
                report.flags.append("unknown_language")
                return
            report.source_lang = guessed
        lang = report.source_lang
        if lang == target:
            return
        if lang != UNDETERMINED and lang not in load_languages():
            raise UnsupportedLanguageError(
                f"{language_name(lang)} is not supported (in {_excerpt(report.source)}); "
                "if that is not its language, set it with --from"
            )
        ref = self.pool.ref_for(lang, target)
        entry = ref.entry
        if entry is not None and not entry.supports(lang, target):
            raise UnsupportedLanguageError(
                f"{entry.alias} cannot translate {language_name(lang)} into "
                f"{language_name(target)} (in {_excerpt(report.source)}); leave out --model "
                "to use the registry's model for each language, or set the language with --from"
            )
        sentence.ref = ref
        report.model = entry.alias if entry is not None else ref.model_id
        if self._names is not None:
            sentence.names = self._names.find(report.source, lang)
        sentence.chunks = self._chunks(report.source, ref, lang)
        report.chunks = len(sentence.chunks)
        if len(sentence.chunks) > 1:
            report.flags.append("split")

    def _language_for_unknown(self) -> str | None:
        """A source language for a sentence without evidence, when the model allows one.

        A model given with --model that translates from one language, or whose family
        needs no source-language code (Marian, MADLAD), takes the sentence as it is
        (``und`` when the model does not say which languages it reads); else None.
        """
        ref = self._explicit
        if ref is None:
            return None
        sources = ref.entry.sources if ref.entry is not None else None
        if sources is not None and (len(sources) == 1 or ref.family in _CODE_FREE):
            return sources[0]
        if sources is None and ref.family in _CODE_FREE:
            return UNDETERMINED
        return None

    def _chunks(self, text: str, ref: ModelRef, lang: str) -> list[_Chunk]:
        limit = ref.max_input_tokens
        target = self.settings.target

        def too_long(chunk: str) -> bool:
            if len(chunk) + 3 <= limit:  # a token covers at least one character
                return False
            engine = self.pool.engine(ref)
            normalized = self._normalizers.apply(chunk, ref, lang)
            return engine.count_tokens([normalized], lang, target)[0] > limit

        clauses = split_clauses(text, too_long)
        return [
            _Chunk(self._normalizers.apply(c.text, ref, lang), c.text, c.separator) for c in clauses
        ]

    def _collect_jobs(
        self, sentences: Sequence[_Sentence]
    ) -> dict[tuple[str, str, str, str], _Job]:
        jobs: dict[tuple[str, str, str, str], _Job] = {}
        for sentence in sentences:
            if sentence.ref is None:
                continue
            report = sentence.report
            duplicate = True
            for chunk in sentence.chunks:
                key = _job_key(sentence.ref, report.source_lang, report.target_lang, chunk.text)
                if key not in jobs:
                    duplicate = False
                    jobs[key] = _Job(
                        sentence.ref, report.source_lang, report.target_lang, chunk.text
                    )
            if duplicate:
                report.status = "duplicate"
        return jobs

    # -- translating -------------------------------------------------------------------

    def _context(self, job: _Job) -> Context:
        s = self.settings
        settings = {
            "engine": s.engine,
            "precision": s.precision or "default",
            "device": s.device,
            "beam": self._beam(job.ref),
            "normalize": job.ref.normalize,
            "max_input_tokens": job.ref.max_input_tokens,
            "retry": s.retry,
            "v": PIPELINE_VERSION,
        }
        direction = f"{job.source_lang}-{job.target_lang}"
        return Context.make(job.ref.model_id, job.ref.revision, direction, settings)

    def _translate_jobs(self, jobs: list[_Job], retry: bool, label: str) -> None:
        groups: dict[tuple[str, str, str], list[_Job]] = {}
        for job in jobs:
            groups.setdefault((str(job.ref.path), job.source_lang, job.target_lang), []).append(job)
        pending: list[tuple[Context, list[_Job]]] = []
        for group in groups.values():
            context = self._context(group[0])
            todo = group
            if self._memory is not None:
                stored = self._memory.get_many(context, [j.text for j in group])
                todo = []
                for job in group:
                    hit = stored.get(job.text)
                    if hit is None:
                        todo.append(job)
                    else:
                        job.target, job.flags, job.cached = hit.target, hit.flags, True
            if todo:
                pending.append((context, todo))
        total = sum(len(t) for _, t in pending)
        done = 0
        if self._progress is not None and total:
            self._progress(0, total, label)
        for context, todo in pending:
            engine = self.pool.engine(todo[0].ref)
            first = todo[0]
            counts = engine.count_tokens(
                [j.text for j in todo], first.source_lang, first.target_lang
            )
            for job, count in zip(todo, counts, strict=True):
                job.tokens = count
            size = batch_size_for(engine.info, self._beam(first.ref), self.settings.max_batch_size)
            for batch in _batches(todo, size, self.settings.max_batch_tokens):
                self._run_batch(engine, batch, retry)
                if self._memory is not None:
                    self._memory.put_many(
                        context, [(j.text, j.target or "", j.flags) for j in batch]
                    )
                done += len(batch)
                if self._progress is not None:
                    self._progress(done, total, label)

    def _beam(self, ref: ModelRef) -> int:
        if self.settings.beam_size is not None:
            return self.settings.beam_size
        if ref.entry is not None and ref.entry.beam is not None:
            return ref.entry.beam
        return DEFAULT_BEAM

    def _options(
        self, ref: ModelRef, tokens: int, safer: bool = False, longer: bool = False
    ) -> DecodeOptions:
        ratio = LENGTH_RATIO * (1.5 if longer else 1.0)
        cap = min(HARD_CAP, math.ceil(tokens * ratio) + LENGTH_MARGIN)
        beam = self._beam(ref)
        if not safer:
            return DecodeOptions(beam_size=beam, max_new_tokens=cap)
        return DecodeOptions(
            beam_size=max(beam, 5),
            max_new_tokens=cap,
            no_repeat_ngram_size=3,
            repetition_penalty=1.2,
        )

    def _run_batch(self, engine: Engine, batch: list[_Job], retry: bool) -> None:
        first = batch[0]
        started = time.perf_counter()
        hyps = engine.translate(
            [j.text for j in batch],
            first.source_lang,
            first.target_lang,
            self._options(first.ref, max(j.tokens for j in batch)),
        )
        _share_time(batch, time.perf_counter() - started)
        script = self._target_script.script if self._target_script is not None else "Latn"
        again: list[tuple[_Job, Hypothesis, list[str]]] = []
        for job, hyp in zip(batch, hyps, strict=True):
            flags = check(job.text, hyp.text, target_script=script, truncated=hyp.truncated)
            job.target, job.flags = hyp.text, tuple(flags)
            if retry and needs_retry(flags):
                again.append((job, hyp, flags))
        if not again:
            return
        started = time.perf_counter()
        longer = any("truncated" in f for _, _, f in again)
        retried = engine.translate(
            [j.text for j, _, _ in again],
            first.source_lang,
            first.target_lang,
            self._options(first.ref, max(j.tokens for j, _, _ in again), safer=True, longer=longer),
        )
        _share_time([j for j, _, _ in again], time.perf_counter() - started)
        for (job, _, old_flags), hyp in zip(again, retried, strict=True):
            new_flags = check(job.text, hyp.text, target_script=script, truncated=hyp.truncated)
            if severity(new_flags) < severity(old_flags):
                job.target, job.flags = hyp.text, (*new_flags, "retried")
            else:
                job.flags = (*old_flags, "retried")

    # -- assembling --------------------------------------------------------------------

    def _assemble(
        self, sentences: Sequence[_Sentence], jobs: dict[tuple[str, str, str, str], _Job]
    ) -> None:
        for sentence in sentences:
            if sentence.ref is None:
                continue
            report = sentence.report
            parts: list[str] = []
            cached = True
            for number, chunk in enumerate(sentence.chunks):
                job = jobs[
                    _job_key(sentence.ref, report.source_lang, report.target_lang, chunk.text)
                ]
                text = job.target or ""
                cached = cached and job.cached
                report.flags.extend(f for f in job.flags if f not in report.flags)
                report.ms += job.ms if report.status != "duplicate" else 0.0
                if number < len(sentence.chunks) - 1 and not ends_sentence(chunk.source):
                    text = re.sub(r"[.!?]+$", "", text.rstrip())
                if number > 0 and chunk.source[:1].islower():
                    text = _lower_first_function_word(text)
                parts.append(text + chunk.separator)
            translation = "".join(parts)
            if "url_missing" in report.flags:
                translation = restore_urls(report.source, translation)
            report.target = translation
            if report.status == "kept":
                report.status = "cached" if cached else "translated"
            report.ms = round(report.ms, 2)

    def _apply_names(self, sentences: Sequence[_Sentence]) -> None:
        layer = self._names
        if layer is None:
            return
        gloss_jobs: dict[tuple[str, str, str, str], _Job] = {}
        wanted: list[tuple[_Sentence, dict[str, tuple[str, str, str, str]]]] = []
        for sentence in sentences:
            ref, report = sentence.ref, sentence.report
            if ref is None or not sentence.names:
                continue
            needed = layer.glosses_needed(report.target, sentence.names)
            if not needed:
                continue
            keys: dict[str, tuple[str, str, str, str]] = {}
            for name in needed:
                text = self._normalizers.apply(name, ref, report.source_lang)
                key = _job_key(ref, report.source_lang, report.target_lang, text)
                keys[name] = key
                gloss_jobs.setdefault(key, _Job(ref, report.source_lang, report.target_lang, text))
            wanted.append((sentence, keys))
        if gloss_jobs:
            self._translate_jobs(list(gloss_jobs.values()), retry=False, label="names and terms")
        glossed: dict[int, dict[str, str]] = {}
        for sentence, keys in wanted:
            glossed[id(sentence)] = {
                name: gloss_jobs[key].target or "" for name, key in keys.items()
            }
        for sentence in sentences:
            if sentence.ref is None or not sentence.names:
                continue
            report = sentence.report
            text, results = layer.apply(report.target, sentence.names, glossed.get(id(sentence)))
            report.target = text
            report.names = results
            for result in results:
                kind = "term" if result.entity == GLOSSARY else "name"
                if result.status in ("missing", "partial", "repaired"):
                    flag = f"{kind}_{result.status}"
                    if flag not in report.flags:
                        report.flags.append(flag)

    def _render_unit(self, text: str, sentences: Sequence[_Sentence]) -> str:
        if not sentences:
            return text
        return "".join(s.lead + s.report.target + s.trail for s in sentences)

    def _model_summary(self) -> dict[str, dict[str, Any]]:
        out: dict[str, dict[str, Any]] = {}
        for key, (ref, engine) in self.pool.loaded().items():
            info = engine.info
            out[key] = {
                "model": info.model_id,
                "revision": info.revision,
                "engine": info.engine,
                "family": info.family,
                "device": info.device,
                "precision": info.precision,
                "beam": self._beam(ref),
                "max_input_tokens": info.max_input_tokens,
            }
        return out


def _excerpt(text: str, width: int = 60) -> str:
    """``«the first words…»`` of a sentence, for messages."""
    short = " ".join(text.split())
    return "«" + (short if len(short) <= width else short[: width - 1] + "…") + "»"


def _translatable(text: str) -> bool:
    """Whether ``text`` has letters outside URLs (else it is copied as is)."""
    return _LETTER.search(URL_RE.sub("", text)) is not None


def _job_key(ref: ModelRef, source: str, target: str, text: str) -> tuple[str, str, str, str]:
    return (str(ref.path), source, target, text)


def batch_size_for(info: EngineInfo, beam: int, requested: int) -> int:
    """Sentences per batch: as requested, but bounded for CTranslate2 on a CPU."""
    if info.engine == "ctranslate2" and info.device == "cpu":
        return max(1, min(requested, CT2_CPU_HYPOTHESES // max(beam, 1)))
    return requested


def length_sorted_batches(
    lengths: Sequence[int], max_size: int, max_tokens: int
) -> Iterator[list[int]]:
    """Indices of items in batches of similar length (longest first).

    A batch holds at most ``max_size`` items and at most ``max_tokens`` padded tokens
    (its longest item times its size), so padding stays small and memory bounded.
    """
    order = sorted(range(len(lengths)), key=lambda i: lengths[i], reverse=True)
    batch: list[int] = []
    width = 0
    for index in order:
        wider = max(width, lengths[index])
        if batch and (len(batch) >= max_size or wider * (len(batch) + 1) > max_tokens):
            yield batch
            batch, wider = [], lengths[index]
        batch.append(index)
        width = wider
    if batch:
        yield batch


def _batches(jobs: list[_Job], max_size: int, max_tokens: int) -> Iterator[list[_Job]]:
    for indices in length_sorted_batches([j.tokens for j in jobs], max_size, max_tokens):
        yield [jobs[i] for i in indices]


def _share_time(batch: Sequence[_Job], seconds: float) -> None:
    total = sum(max(j.tokens, 1) for j in batch)
    for job in batch:
        job.ms += seconds * 1000 * max(job.tokens, 1) / total


def _lower_first_function_word(text: str) -> str:
    match = re.match(r"\s*([A-Z][a-z]*)\b", text)
    if match is None or match.group(1).lower() not in _FUNCTION_WORDS:
        return text
    start = match.start(1)
    return text[:start] + text[start].lower() + text[start + 1 :]


def translate_units(
    units: Sequence[str],
    settings: Settings,
    **kwargs: Any,
) -> RunResult:
    """Convenience wrapper: one :class:`Pipeline` run."""
    if not units:
        return RunResult([], [], {}, 0.0, 0, 0, False)
    return Pipeline(settings, **kwargs).run(units)


__all__ = [
    "ModelPool",
    "Pipeline",
    "RunResult",
    "SentenceReport",
    "Settings",
    "TranslateError",
    "batch_size_for",
    "length_sorted_batches",
    "translate_units",
]
