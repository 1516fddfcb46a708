"""Word documents: paragraphs, tables, headers, footers and footnotes, runs' formatting."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from cli import app
from tests.translate.conftest import reference
from translate.formats.docx import is_docx, parse_docx

docx = pytest.importorskip("docx")
runner = CliRunner()

KK_A = "Президент Қасым-Жомарт Тоқаев Астанада Үкімет отырысын өткізді."
KK_QUAKE = "Алматыда жер сілкінісі болды, зардап шеккендер жоқ."
KK_AKORDA = "Мемлекет басшысы Ақордада шетелдік инвесторларды қабылдады."
RU_A = "Глава государства принял в Акорде иностранных инвесторов."
KK_BANK = "Ұлттық банк базалық мөлшерлемені 14,25 пайызда сақтады."
RU_SITE = "Подробная информация опубликована на сайте akorda.kz."


def _make(path: Path) -> Path:
    """A document with a bold word, a hyperlink, a table, a header, a footer, a footnote."""
    from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    paragraph = document.add_paragraph("Президент Қасым-Жомарт ")
    paragraph.add_run("Тоқаев").bold = True
    paragraph.add_run(" Астанада Үкімет отырысын өткізді.")
    linked = document.add_paragraph("Подробная информация опубликована на ")
    rid = document.part.relate_to(
        "https://akorda.kz", RELATIONSHIP_TYPE.HYPERLINK, is_external=True
    )
    linked._p.append(
        parse_xml(
            f'<w:hyperlink {nsdecls("w", "r")} r:id="{rid}"><w:r><w:rPr><w:i/></w:rPr>'
            "<w:t>сайте</w:t></w:r></w:hyperlink>"
        )
    )
    linked.add_run(" akorda.kz.")
    document.add_paragraph("")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = KK_QUAKE
    table.cell(0, 1).text = "2024"
    section = document.sections[0]
    section.header.paragraphs[0].text = KK_AKORDA
    section.footer.paragraphs[0].text = RU_A
    footnotes = (
        f'<w:footnotes {nsdecls("w")}><w:footnote w:id="1"><w:p><w:r><w:t>{KK_BANK}</w:t>'
        "</w:r></w:p></w:footnote></w:footnotes>"
    ).encode()
    part = Part(
        PackURI("/word/footnotes.xml"), CONTENT_TYPE.WML_FOOTNOTES, footnotes, document.part.package
    )
    document.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)
    document.save(str(path))
    return path


def _runs(paragraph: Any) -> list[tuple[str, bool | None]]:
    return [(run.text, run.bold) for run in paragraph.runs]


def _footnote(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read("word/footnotes.xml").decode("utf-8")


def test_units_in_document_order(tmp_path: Path) -> None:
    data = _make(tmp_path / "in.docx").read_bytes()
    assert is_docx(data) and not is_docx(b"PK\x03\x04 not a zip")
    units = parse_docx(data).units
    assert [u.text for u in units] == [
        KK_A,
        RU_SITE,
        KK_QUAKE,  # the table cell; "2024" has no letters
        KK_AKORDA,  # header
        RU_A,  # footer
        KK_BANK,  # footnote
    ]
    assert units[0].markup is not None and len(units[0].markup.spans) == 1  # the bold run


def test_unchanged_translations_leave_the_document_as_it_was(tmp_path: Path) -> None:
    source = _make(tmp_path / "in.docx")
    parsed = parse_docx(source.read_bytes())
    out = tmp_path / "out.docx"
    out.write_bytes(parsed.render_bytes([u.text for u in parsed.units]))
    before, after = docx.Document(str(source)), docx.Document(str(out))
    assert [_runs(p) for p in after.paragraphs] == [_runs(p) for p in before.paragraphs]
    assert _footnote(out) == _footnote(source)


def test_with_the_demo_model(tmp_path: Path) -> None:
    source = _make(tmp_path / "in.docx")
    out = tmp_path / "out.docx"
    args = ["translate", "--model", "demo", "--no-names", str(source), "-o", str(out)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    document = docx.Document(str(out))
    first = document.paragraphs[0]
    assert first.text == reference(KK_A)
    assert ("Tokayev", True) in _runs(first)  # the bold stays on the name
    assert all(bold is None for text, bold in _runs(first) if text != "Tokayev")
    linked = document.paragraphs[1]._p.xml
    assert 'r:id="rId' in linked and "<w:i/>" in linked  # the link and its italics kept
    assert document.tables[0].cell(0, 0).text == reference(KK_QUAKE)
    assert document.tables[0].cell(0, 1).text == "2024"
    section = document.sections[0]
    assert section.header.paragraphs[0].text == reference(KK_AKORDA)
    assert section.footer.paragraphs[0].text == reference(RU_A)
    assert reference(KK_BANK) in _footnote(out)
    assert "6 sentences, 6 translated" in result.stderr


def test_docx_on_standard_input_to_standard_output(tmp_path: Path) -> None:
    data = _make(tmp_path / "in.docx").read_bytes()
    result = runner.invoke(app, ["translate", "--model", "demo", "--no-names", "-q"], input=data)
    assert result.exit_code == 0, result.output
    assert is_docx(result.stdout_bytes)


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("report.pdf", b"%PDF-1.7\n\xe2\xe3\xcf\xd3\n", "unsupported format: .pdf; supported: "),
        (
            "report.doc",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
            "unsupported format: .doc; supported: ",
        ),
        ("report.docx", b"not a zip", "report.docx: not a Word (.docx) document"),
    ],
)
def test_unsupported_formats_are_named(
    tmp_path: Path, name: str, data: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    result = runner.invoke(app, ["translate", "--model", "demo", str(path)])
    assert result.exit_code == 1
    assert message in result.stderr and result.stderr.count("\n") == 1
    if "supported: " in message:
        assert "docx (.docx)" in result.stderr and "markdown (.md .markdown)" in result.stderr


def test_binary_input_without_a_file_name_is_named() -> None:
    result = runner.invoke(app, ["translate", "--model", "demo"], input=b"%PDF-1.7\n\xe2\xe3\n")
    assert result.exit_code == 1 and "unsupported format: PDF; supported: " in result.stderr


def test_a_tab_inside_a_run_is_kept_in_place(tmp_path: Path) -> None:
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    paragraph = document.add_paragraph()
    paragraph._p.append(
        parse_xml(
            f"<w:r {nsdecls('w')}><w:rPr><w:i/></w:rPr><w:t>Бірінші</w:t><w:tab/>"
            "<w:t>екінші.</w:t></w:r>"
        )
    )
    source = tmp_path / "tab.docx"
    document.save(str(source))
    parsed = parse_docx(source.read_bytes())
    assert [u.text for u in parsed.units] == ["Бірінші{1}екінші."]
    same = tmp_path / "same.docx"
    same.write_bytes(parsed.render_bytes([u.text for u in parsed.units]))
    assert docx.Document(str(same)).paragraphs[0]._p.xml.count("<w:tab/>") == 1
    parsed = parse_docx(source.read_bytes())
    out = tmp_path / "out.docx"
    out.write_bytes(parsed.render_bytes(["First{1}second."]))
    xml = docx.Document(str(out)).paragraphs[0]._p.xml
    assert xml.count("<w:tab/>") == 1 and xml.count("<w:i/>") == 3  # every piece italic
    assert xml.index(">First<") < xml.index("<w:tab/>") < xml.index(">second.<")
