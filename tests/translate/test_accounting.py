"""Every source sentence is accounted for: in the output, copied as is, or listed as lost.

Checked with the demo model over its whole corpus and over a generated 1 MB report whose
sentences are known one by one.
"""

from __future__ import annotations

import random
import re

import pytest

from tests.translate.conftest import Pair, corpus
from translate.document import Batch, Source, accounting, translate_documents
from translate.pipeline import Pipeline, RunResult, Settings
from translate.segment import count_sentences

_LETTER = re.compile(r"[^\W\d_]")


def _translate(text: str, fmt: str = "text") -> Batch:
    pipeline = Pipeline(Settings(model="demo", use_memory=False), notify=lambda _: None)
    return translate_documents([Source(text, format=fmt)], pipeline)


def _assert_covered(units: list[str], run: RunResult) -> None:
    """The sentences' sources tile each unit: no letter of a unit is outside a sentence."""
    by_unit: dict[int, list[tuple[int, str]]] = {}
    for report in run.sentences:
        by_unit.setdefault(report.unit, []).append((report.start, report.source))
    for index, text in enumerate(units):
        position = 0
        for start, source in by_unit.get(index, []):
            assert text[start : start + len(source)] == source
            assert not _LETTER.search(text[position:start]), text[position:start]
            position = start + len(source)
        assert not _LETTER.search(text[position:])


def _assert_accounted(batch: Batch) -> dict[str, object]:
    counts = accounting(batch)
    lost = counts["lost"]
    assert isinstance(lost, list)
    assert counts["translated"] + counts["copied"] + len(lost) == counts["sentences"]  # type: ignore[operator]
    assert counts["sentences"] == len(batch.run.sentences)
    for report in batch.run.sentences:
        listed = any(
            entry["unit"] == report.unit and entry["sentence"] == report.index for entry in lost
        )
        in_output = bool(report.target.strip()) and report.target in batch.run.outputs[report.unit]
        assert listed or in_output, report
    return counts


def _single_sentences() -> list[Pair]:
    return [
        p
        for p in corpus()
        if count_sentences(p.source) == 1
        and p.source.endswith((".", "!", "?"))
        and (p.source[0].isupper() or p.source[0].isdigit())
    ]


def _deliberately_short() -> set[str]:
    """Corpus sentences the demo model was taught to answer with a stub ("Taxes.")."""
    return {p.source for p in corpus() if len(p.target) < 0.3 * len(p.source)}


def test_the_demo_corpus_is_accounted_for() -> None:
    pairs = corpus()
    text = "\n\n".join(p.source for p in pairs) + "\n"
    batch = _translate(text)
    counts = _assert_accounted(batch)
    _assert_covered([p.source for p in pairs], batch.run)
    lost = counts["lost"]
    assert isinstance(lost, list) and lost  # the corpus has deliberately broken answers
    assert {entry["source"] for entry in lost} <= _deliberately_short()
    assert all(entry["reason"] for entry in lost)


def test_markdown_br_keeps_both_sentences() -> None:
    first = "Президент Қасым-Жомарт Тоқаев Астанада Үкімет отырысын өткізді."
    second = "Мемлекет басшысы Ақордада шетелдік инвесторларды қабылдады."
    batch = _translate(f"{first}<br>{second}\n", "markdown")
    output = batch.documents[0].output
    assert output.count("<br>") == 1
    before, after = output.split("<br>")
    assert before.strip() and after.strip()
    assert [s.source for s in batch.run.sentences] == [first, second]
    assert not accounting(batch)["lost"]


@pytest.mark.slow
def test_a_1mb_report_loses_no_sentence() -> None:
    """A generated report of about 1 MB: paragraphs of 2-8 known sentences, Kazakh and
    Russian mixed, many starting with a date; each comes back as one sentence, in order."""
    pairs = _single_sentences()
    rng = random.Random(14)
    paragraphs: list[str] = []
    sentences: list[str] = []
    size = 0
    while size < 1_000_000:
        chosen = [rng.choice(pairs).source for _ in range(rng.randint(2, 8))]
        paragraphs.append(" ".join(chosen))
        sentences.extend(chosen)
        size += len(paragraphs[-1].encode("utf-8")) + 2
    batch = _translate("\n\n".join(paragraphs) + "\n")
    assert len(batch.documents[0].output.encode("utf-8")) > 0
    assert [s.source for s in batch.run.sentences] == sentences
    counts = _assert_accounted(batch)
    _assert_covered(paragraphs, batch.run)
    lost = counts["lost"]
    assert isinstance(lost, list)
    assert {entry["source"] for entry in lost} <= _deliberately_short()
    assert sum(1 for s in sentences if s[0].isdigit()) > 100
