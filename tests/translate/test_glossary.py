"""User glossaries (``--glossary FILE``): reading, finding, applying, reporting."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli import app
from tests.translate.conftest import reference
from tests.translate.test_names import Span
from translate.glossary import (
    GLOSSARY,
    GlossaryError,
    Term,
    TermLayer,
    TermSpan,
    load_glossary,
    parse_glossary,
)
from translate.names import NameLayer

runner = CliRunner()

KK_BANK = "Ұлттық банк базалық мөлшерлемені 14,25 пайызда сақтады."
KK_AKORDA = "Мемлекет басшысы Ақордада шетелдік инвесторларды қабылдады."
GLOSSARY_CSV = (
    "source,target,pair\n"
    "Ұлттық банк,National Bank of Kazakhstan,kk-en\n"
    "Ақорда,Akorda Palace,\n"
    "Мемлекет басшысы,Head of State,kk-en\n"
    "Ұлттық банк,Национальный банк,kk-ru\n"
)


def test_parse_csv_with_header_pairs_and_comments() -> None:
    terms = parse_glossary("# my terms\n" + GLOSSARY_CSV.split("\n", 1)[1])
    assert terms[0] == Term("Ұлттық банк", "National Bank of Kazakhstan", "kk", "en")
    assert terms[1] == Term("Ақорда", "Akorda Palace")
    assert len(terms) == 4


def test_parse_tsv_without_header(tmp_path: Path) -> None:
    path = tmp_path / "terms.tsv"
    path.write_text("Мәжіліс\tMazhilis\nСенат\tSenate\tkk>en\n", encoding="utf-8")
    assert load_glossary(path) == [
        Term("Мәжіліс", "Mazhilis"),
        Term("Сенат", "Senate", "kk", "en"),
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Мәжіліс\n", "line 1: a source and a target term are needed"),
        ("a,b\nc,d,kk-en,x\n", "line 2: 4 columns"),
        ("a,b,kazakh to english\n", "line 1: language pair 'kazakh to english'"),
    ],
)
def test_bad_rows_name_their_line(text: str, message: str) -> None:
    with pytest.raises(GlossaryError, match=message):
        parse_glossary(text, "g.csv")


def test_find_inflected_terms_longest_first_by_pair() -> None:
    terms = parse_glossary(GLOSSARY_CSV + "Ұлттық банк басқармасы,NBK Board,\n")
    layer = TermLayer(terms, "en", None)
    text = "Ұлттық банктің төрағасы мен Ұлттық банк басқармасы Ақордада болды."
    found = layer.find(text, "kk")
    assert [(s.text, s.term.target) for s in found if isinstance(s, TermSpan)] == [
        ("Ұлттық банктің", "National Bank of Kazakhstan"),
        ("Ұлттық банк басқармасы", "NBK Board"),
        ("Ақордада", "Akorda Palace"),
    ]
    # a term for kk-en does not apply to a Russian sentence or to another target
    assert TermLayer(terms, "en", None).find("Ұлттық банк", "ru") == []
    ru = TermLayer(terms, "ru", None).find("Ұлттық банк", "kk")
    assert [s.term.target for s in ru if isinstance(s, TermSpan)] == ["Национальный банк"]


def _gazetteer(text: str) -> list[Span]:
    """A stand-in for the gazetteer: knows Тоқаев and Ақордада."""
    out = []
    for name, entity in (("Тоқаев", "tokayev"), ("Ақордада", "akorda")):
        start = text.find(name)
        if start >= 0:
            out.append(Span(start, start + len(name), name, entity))
    return out


def test_a_term_wins_over_a_name() -> None:
    names = NameLayer(_gazetteer, lambda span, style: span.text, "rferl")
    text = "Тоқаев Ақордада болды."
    assert [s.entity for s in names.find(text)] == ["tokayev", "akorda"]
    layer = TermLayer([Term("Ақорда", "Akorda Palace")], "en", names)
    assert [s.entity for s in layer.find(text, "kk")] == ["tokayev", GLOSSARY]


@pytest.mark.parametrize(
    ("translation", "gloss", "out", "status"),
    [
        ("The Akorda Palace hosted it.", None, "The Akorda Palace hosted it.", "kept"),
        ("The akorda palace hosted it.", None, "The Akorda Palace hosted it.", "restyled"),
        ("It was held at Akorda.", None, "It was held at Akorda Palace.", "repaired"),
        ("Held in the White House.", "in the White House", "Held in the Akorda Palace.", "repaired"),  # noqa: E501
        ("It was held nearby.", None, "It was held nearby.", "missing"),
    ],
)  # fmt: skip
def test_apply(translation: str, gloss: str | None, out: str, status: str) -> None:
    layer = TermLayer([Term("Ақорда", "Akorda Palace")], "en", None)
    spans = layer.find("Ақордада өтті.", "kk")
    glosses = {"Ақордада": gloss} if gloss else {}
    if status not in ("kept", "restyled"):
        assert layer.glosses_needed(translation, spans) == ["Ақордада"]
    text, results = layer.apply(translation, spans, glosses)
    assert (text, results[0].status) == (out, status)


def test_with_the_demo_model(tmp_path: Path) -> None:
    path = tmp_path / "terms.csv"
    path.write_text(GLOSSARY_CSV, encoding="utf-8")
    report = tmp_path / "report.json"
    args = ["translate", "--model", "demo", "--glossary", str(path), "--report", str(report)]
    result = runner.invoke(app, args, input=f"{KK_BANK}\n{KK_AKORDA}\n")
    assert result.exit_code == 0, result.output
    # the demo model says "The National Bank kept ..." and "The head of state ... at Akorda."
    assert "The National Bank kept" in reference(KK_BANK)
    assert result.stdout == (
        "The National Bank of Kazakhstan kept the base rate at 14.25 percent.\n"
        "The Head of State received foreign investors at Akorda Palace.\n"
    )
    data = json.loads(report.read_text("utf-8"))
    summary = data["summary"]["glossary"]
    assert summary["occurrences"] == 3 and summary["retained"] == 3
    by_target = {t["target"]: t for t in summary["terms"]}
    assert by_target["National Bank of Kazakhstan"]["repaired"] == 1
    assert by_target["Head of State"]["kept"] == 1
    assert "glossary terms retained 3/3" in result.stderr
    flags = [s["flags"] for s in data["sentences"]]
    assert flags == [["term_repaired"], ["term_repaired"]]


def test_a_missing_term_is_flagged(tmp_path: Path) -> None:
    path = tmp_path / "terms.tsv"
    path.write_text("базалық мөлшерлеме\tkey policy rate\n", encoding="utf-8")
    report = tmp_path / "report.json"
    args = ["translate", "--model", "demo", "--glossary", str(path), "--report", str(report)]
    result = runner.invoke(app, [*args, "--no-names"], input=f"{KK_BANK}\n")
    assert result.exit_code == 0, result.output
    sentence = json.loads(report.read_text("utf-8"))["sentences"][0]
    assert "term_missing" in sentence["flags"]
    assert sentence["names"][0]["status"] == "missing"


def test_an_unreadable_glossary_is_a_one_line_error(tmp_path: Path) -> None:
    path = tmp_path / "terms.csv"
    path.write_bytes(b"\xff\xfe,x\n")
    result = runner.invoke(
        app, ["translate", "--model", "demo", "--glossary", str(path)], input="x\n"
    )
    assert result.exit_code == 1
    assert result.stderr.strip() == f"translit: error: {path}: not valid UTF-8"
