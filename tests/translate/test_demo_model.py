"""End to end with the demo model (``data/models/demo``), offline.

The expected translations are the demo model's training corpus (``corpus.tsv``): the
model is trained until it reproduces it, so every sentence below has one right answer.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from cli import app
from tests.translate.conftest import corpus, reference
from tests.translate.test_names import STYLES, Span
from translate.document import Source, translate_documents
from translate.engines.base import DecodeOptions
from translate.names import NameLayer, NameSpanLike
from translate.pipeline import Pipeline, Settings

runner = CliRunner()

KK_A = "Президент Қасым-Жомарт Тоқаев Астанада Үкімет отырысын өткізді."
KK_B = "Алматыда жер сілкінісі болды, зардап шеккендер жоқ."
KK_C = "Құтқарушылар 120 адамды қауіпсіз жерге көшірді."
RU_A = "Глава государства принял в Акорде иностранных инвесторов."
RU_B = "Подробная информация опубликована на сайте akorda.kz."
HEAD_KK, HEAD_RU = "Жаңалықтар", "Погода"


def _translate(args: list[str], text: str) -> Any:
    result = runner.invoke(app, ["translate", "--model", "demo", *args], input=text)
    assert result.exit_code == 0, result.output
    return result


@pytest.mark.slow
def test_the_model_reproduces_its_corpus(hf_engine: Any) -> None:
    from sacremoses import MosesPunctNormalizer

    pairs = corpus()
    sources = [MosesPunctNormalizer(lang=p.lang).normalize(p.source) for p in pairs]
    outputs: list[str] = []
    for start in range(0, len(sources), 64):
        batch = sources[start : start + 64]
        hyps = hf_engine.translate(batch, "kk", "en", DecodeOptions(beam_size=1, max_new_tokens=96))
        outputs += [h.text for h in hyps]
    wrong = [(p.source, o) for p, o in zip(pairs, outputs, strict=True) if o != p.target]
    assert wrong == []


def test_plain_text_keeps_paragraphs_and_splits_sentences() -> None:
    text = f"{HEAD_KK}\n\n{KK_A} {KK_B}\n{RU_A}\n\n- {KK_C}\n"
    result = _translate(["--no-names"], text)
    assert result.stdout == (
        f"{reference(HEAD_KK)}\n\n{reference(KK_A)} {reference(KK_B)}\n{reference(RU_A)}\n\n"
        f"- {reference(KK_C)}\n"
    )


def test_markdown_document() -> None:
    text = (
        f"# {HEAD_RU}\n\n{KK_B}\n\n* [{HEAD_KK}](https://kazinform.kz/kk)\n"
        f"* {RU_A}\n\n```\n{KK_C}\n```\n"
    )
    result = _translate(["--no-names", "--format", "markdown"], text)
    assert result.stdout == (
        f"# {reference(HEAD_RU)}\n\n{reference(KK_B)}\n\n"
        f"* [{reference(HEAD_KK)}](https://kazinform.kz/kk)\n* {reference(RU_A)}\n\n"
        f"```\n{KK_C}\n```\n"
    )


def test_html_document() -> None:
    kk_d = "Тоқаев Үкіметке инфляцияны төмендетуді тапсырды."
    bold = kk_d.replace("Тоқаев", "<b>Тоқаев</b>")
    text = (
        f'<html><body><h2 id="x">{HEAD_KK}</h2>\n<p>{KK_A}</p>\n'
        f"<p>{bold}</p><script>var a = '{KK_B}';</script></body></html>"
    )
    result = _translate(["--no-names", "--format", "html"], text)
    assert reference("Тоқаев") == "Tokayev"
    assert result.stdout == (
        f'<html><body><h2 id="x">{reference(HEAD_KK)}</h2>\n<p>{reference(KK_A)}</p>\n'
        f"<p>{reference(kk_d).replace('Tokayev', '<b>Tokayev</b>')}</p>"
        f"<script>var a = '{KK_B}';</script></body></html>"
    )


def test_srt_subtitles() -> None:
    text = (
        "1\n00:00:01,000 --> 00:00:03,000\nҚайырлы кеш, құрметті көрермендер!\n\n"
        "2\n00:00:03,500 --> 00:00:05,000\nБасты жаңалықтарға\nкөшейік.\n"
    )
    result = _translate(["--no-names", "--format", "srt"], text)
    lines = result.stdout.split("\n")
    assert lines[:4] == ["1", "00:00:01,000 --> 00:00:03,000", "Good evening, dear viewers!", ""]
    assert lines[4:6] == ["2", "00:00:03,500 --> 00:00:05,000"]
    assert " ".join(lines[6:8]) == reference("Басты жаңалықтарға көшейік.")


def test_jsonl_column(tmp_path: Path) -> None:
    rows = [{"id": 1, "title": HEAD_RU, "body": KK_C}, {"id": 2, "title": HEAD_KK, "body": 3}]
    path = tmp_path / "items.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(
        app,
        ["translate", "--model", "demo", "--no-names", str(path), "-c", "title", "-c", "body",
         "--add-column", "-o", str(out)],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    got = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert got == [
        {"id": 1, "title": HEAD_RU, "title_en": reference(HEAD_RU), "body": KK_C,
         "body_en": reference(KK_C)},
        {"id": 2, "title": HEAD_KK, "title_en": reference(HEAD_KK), "body": 3},
    ]  # fmt: skip


def test_bilingual_jsonl_and_report(tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    result = _translate(["--no-names", "--bilingual", "--report", str(report)], f"{KK_A} {RU_A}\n")
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["source"], r["target"], r["source_lang"]) for r in records] == [
        (KK_A, reference(KK_A), "kk"),
        (RU_A, reference(RU_A), "ru"),
    ]
    data = json.loads(report.read_text("utf-8"))
    assert data["summary"]["by_status"] == {"translated": 2}
    assert "model:" in data["signature"] and "rev:local-" in data["signature"]
    assert all(s["ms"] > 0 for s in data["sentences"])


def test_second_run_comes_from_memory(tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    text = f"{KK_A}\n{KK_B}\n"
    first = _translate(["--no-names"], text)
    second = _translate(["--no-names", "--report", str(report)], text + f"{KK_C}\n")
    assert second.stdout == first.stdout + reference(KK_C) + "\n"
    summary = json.loads(report.read_text("utf-8"))["summary"]
    assert summary["by_status"] == {"cached": 2, "translated": 1}
    assert (summary["chunks_from_memory"], summary["chunks_translated"]) == (2, 1)
    third = _translate(["--no-names", "--no-cache", "--report", str(report)], text)
    assert json.loads(report.read_text("utf-8"))["summary"]["by_status"] == {"translated": 2}
    assert third.stdout == first.stdout


def test_long_sentence_is_split_at_a_clause_boundary(tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    args = ["--no-names", "--max-input-tokens", "12", "--report", str(report)]
    result = _translate(args, KK_B + "\n")
    assert result.stdout == reference(KK_B) + "\n"
    sentence = json.loads(report.read_text("utf-8"))["sentences"][0]
    assert sentence["chunks"] == 2 and "split" in sentence["flags"]


def test_deliberate_errors_are_flagged(tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    source = (
        "Мемлекеттік кірістер комитеті 2023 жылы салық түсімдері 15 пайызға артқанын хабарлады."
    )
    result = _translate(["--no-names", "--report", str(report)], source + "\n")
    assert result.stdout == "Taxes.\n"  # what the demo model was taught to say
    flags = json.loads(report.read_text("utf-8"))["sentences"][0]["flags"]
    assert {"too_short", "numbers_changed", "retried"} <= set(flags)
    assert "flagged" in result.stderr


def _finder(text: str) -> list[Span]:
    spans = []
    for name in STYLES["rferl"]:
        start = text.find(name)
        if start >= 0:
            spans.append(Span(start, start + len(name), name, None))
    return spans


def _renderer(span: NameSpanLike, style: str) -> str:
    return STYLES[style][span.text]


@pytest.mark.parametrize(
    ("style", "expected"),
    [
        ("rferl", "Village akim Jomart Seiitov visited the new school."),
        ("official", "Village akim Zhomart Seitov visited the new school."),
    ],
)
def test_name_translated_as_a_word_is_repaired(style: str, expected: str) -> None:
    source = "Ауыл әкімі Жомарт Сейітов жаңа мектепті аралады."
    assert reference(source) == "Village akim Generous Seitov visited the new school."
    pipeline = Pipeline(
        Settings(model="demo", use_memory=False),
        names=NameLayer(_finder, _renderer, style),
        notify=lambda _: None,
    )
    run = pipeline.run([source])
    assert run.outputs == [expected]
    names = run.sentences[0].names
    assert [(n.status, n.found) for n in names] == [("repaired", "Generous Seitov")]


def test_dropped_name_is_flagged() -> None:
    source = "Бүгін Ерлан Қарин брифинг өткізді."
    pipeline = Pipeline(
        Settings(model="demo", use_memory=False),
        names=NameLayer(_finder, _renderer, "rferl"),
        notify=lambda _: None,
    )
    batch = translate_documents([Source(source)], pipeline)
    sentence = batch.run.sentences[0]
    assert batch.documents[0].output == "A briefing was held today."
    assert [n.status for n in sentence.names] == ["missing"]
    assert "name_missing" in sentence.flags


def test_house_style_with_the_project_name_finder(tmp_path: Path) -> None:
    """With translit's own finder (gazetteer): a known person is found and kept."""
    report = tmp_path / "report.json"
    source = "Премьер-министр Олжас Бектенов жаңа зауыттың ашылуына қатысты."
    result = _translate(["--style", "rferl", "--report", str(report)], source + "\n")
    assert result.stdout == reference(source) + "\n"
    names = json.loads(report.read_text("utf-8"))["sentences"][0]["names"]
    bektenov = [n for n in names if n["source"] == "Олжас Бектенов"]
    assert bektenov and bektenov[0]["status"] == "kept"
    assert bektenov[0]["rendering"] == "Olzhas Bektenov"


def test_unknown_style_is_one_line_error() -> None:
    result = runner.invoke(app, ["translate", "--model", "demo", "--style", "nope"], input="x\n")
    assert result.exit_code == 2  # a usage error (issue 15)
    assert result.stderr.count("\n") == 1 and "nope" in result.stderr


def test_python_api_as_in_the_package_docstring() -> None:
    from translate import Settings, translate_text

    text = translate_text(KK_B, Settings(model="demo", use_memory=False), notify=lambda _: None)
    assert text == reference(KK_B)
