"""Inline markup end to end, with the demo model (``data/models/demo``), offline.

Each sentence is translated as one sentence whatever its markup; the expected outputs are
the demo corpus translations (``corpus.tsv``), and the phrases inside markup are placed
with the corpus translations of those phrases on their own (its "phrases on their own"
section). Where the gloss is not in the sentence (``Ақордада`` -> "in Akorda" where the
sentence says "at Akorda") or the model drops a placeholder (a deliberate error of the
corpus), the markup goes to the sentence's edges and the report says so.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from cli import app
from tests.translate.conftest import reference
from tests.translate.test_names import layer
from translate.document import Source, translate_documents
from translate.pipeline import Pipeline, Settings

runner = CliRunner()

KK_A = "Президент Қасым-Жомарт Тоқаев Астанада Үкімет отырысын өткізді."
KK_AKORDA = "Мемлекет басшысы Ақордада шетелдік инвесторларды қабылдады."
KK_QUAKE = "Алматыда жер сілкінісі болды, зардап шеккендер жоқ."
RU_A = "Глава государства принял в Акорде иностранных инвесторов."


def _translate(args: list[str], text: str) -> Any:
    result = runner.invoke(app, ["translate", "--model", "demo", "--no-names", *args], input=text)
    assert result.exit_code == 0, result.output
    return result


def test_the_corpus_has_what_these_tests_expect() -> None:
    assert reference(KK_A) == "President Kassym-Jomart Tokayev held a government meeting in Astana."
    assert reference("Астанада") == "in Astana"
    assert reference("Ақордада") == "in Akorda"
    assert reference(KK_AKORDA) == "The head of state received foreign investors at Akorda."


def test_markdown_sentences_with_bold_links_and_code(tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    text = (
        "# Жаңалықтар\n\n"
        "Президент **Қасым-Жомарт Тоқаев** [Астанада](https://astana.gov.kz) Үкімет\n"
        "отырысын өткізді.\n\n"
        "Нәтижелер `results.csv` файлында сақталды.\n\n"
        "Глава государства принял в Акорде **иностранных инвесторов**.\n\n"
        "Мемлекет басшысы **Ақордада** шетелдік инвесторларды қабылдады.\n"
    )
    result = _translate(["--format", "markdown", "--report", str(report)], text)
    assert result.stdout == (
        "# News\n\n"
        # two lines again (a soft break inside link text is fine in Markdown)
        "President **Kassym-Jomart Tokayev** held a government meeting [in\n"
        "Astana](https://astana.gov.kz).\n\n"
        "The results were saved in the `results.csv` file.\n\n"
        "The head of state received **foreign investors** at Akorda.\n\n"
        "**The head of state received foreign investors at Akorda**.\n"
    )
    sentences = json.loads(report.read_text("utf-8"))["sentences"]
    flags = {s["source"]: s["flags"] for s in sentences}
    assert "markup_moved" in flags[KK_AKORDA]
    assert all("markup_moved" not in f for source, f in flags.items() if source != KK_AKORDA)
    # the report shows code spans, not placeholders
    assert "Нәтижелер `results.csv` файлында сақталды." in flags


HTML = (
    '<html><head><title>Жаңалықтар</title><meta name="description" content="Басты жаңалықтар">'
    "</head>\n<body><p>Президент <b>Қасым-Жомарт Тоқаев</b> "
    '<a href="https://astana.gov.kz" title="Астана" class="city">Астанада</a> Үкімет отырысын '
    'өткізді.</p>\n<p><img src="quake.png" alt="Ауа райы"> <em>Алматыда</em> жер сілкінісі '
    "болды, зардап шеккендер жоқ.</p>\n"
    "<p>Деректер <code>a.csv</code> файлынан <code>t1</code> кестесіне көшірілді.</p>\n"
    "<script>var s = 'Астанада';</script></body></html>"
)


def test_html_inline_elements_and_attributes() -> None:
    result = _translate(["--format", "html"], HTML)
    assert result.stdout == (
        '<html><head><title>News</title><meta name="description" content="Main news">'
        "</head>\n<body><p>President <b>Kassym-Jomart Tokayev</b> held a government meeting "
        '<a href="https://astana.gov.kz" title="Astana" class="city">in Astana</a>.</p>\n'
        '<p><img src="quake.png" alt="Weather"> An earthquake occurred <em>in Almaty</em>, '
        "there were no casualties.</p>\n"
        "<p>The data were copied to the <code>t1</code> table from the <code>a.csv</code> "
        "file.</p>\n<script>var s = 'Астанада';</script></body></html>"
    )


def test_a_dropped_placeholder_is_put_back_and_flagged(tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    text = "Есеп <https://stat.gov.kz/r> сілтемесі бойынша қолжетімді.\n"
    result = _translate(["--format", "markdown", "--report", str(report)], text)
    assert result.stdout == "The report is available via the link <https://stat.gov.kz/r>.\n"
    flags = json.loads(report.read_text("utf-8"))["sentences"][0]["flags"]
    assert {"placeholder_lost", "retried", "markup_moved"} <= set(flags)


def test_subtitle_italics_stay_on_their_words() -> None:
    text = "1\n00:00:01,000 --> 00:00:02,000\n<i>Басты жаңалықтарға</i> көшейік.\n"
    result = _translate(["--format", "srt"], text)
    assert result.stdout.splitlines()[2] == "Let us move on <i>to the main news</i>."


@pytest.mark.parametrize(
    ("style", "expected"),
    [
        ("rferl", "President **Kassym-Jomart Toqaev** held a government meeting in Astana."),
        ("official", "President **Kassym-Jomart Tokayev** held a government meeting in Astana."),
    ],
)
def test_markup_follows_names_in_house_style(style: str, expected: str) -> None:
    pipeline = Pipeline(
        Settings(model="demo", use_memory=False), names=layer(style), notify=lambda _: None
    )
    source = Source("Президент **Қасым-Жомарт Тоқаев** Астанада Үкімет отырысын өткізді.")
    batch = translate_documents([Source(source.text, format="markdown")], pipeline)
    assert batch.documents[0].output == expected


def test_code_span_whose_content_the_model_wrote_is_not_repeated() -> None:
    # the demo model was taught "... на сайте akorda.kz." -> "... on the akorda.kz website."
    # and writes the domain itself where the source has the code span's placeholder
    source = "- Подробная информация опубликована на сайте `akorda.kz`.\n"
    out = _translate(["--format", "markdown"], source).stdout
    assert out.count("akorda.kz") == 1
    assert "`akorda.kz`" in out


def test_html_lang_follows_the_translation() -> None:
    page = f'<html lang="kk"><body><p>{KK_QUAKE}</p></body></html>\n'
    out = _translate(["--format", "html"], page).stdout
    assert out.startswith('<html lang="en">') and reference(KK_QUAKE) in out


def test_a_short_table_header_made_into_a_sentence_is_flagged(tmp_path: Path) -> None:
    # the demo model does not know "Көрсеткіш" (9 characters) and makes up a sentence
    report = tmp_path / "report.json"
    text = "| Көрсеткіш | Мән |\n|---|---|\n"
    _translate(["--format", "markdown", "--report", str(report)], text)
    header = json.loads(report.read_text("utf-8"))["sentences"][0]
    assert header["source"] == "Көрсеткіш"
    assert len(header["target"]) > 30 and "too_long" in header["flags"]
