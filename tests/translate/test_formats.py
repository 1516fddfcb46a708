"""Document formats: exact round trips, and only text reaches the translator."""

from __future__ import annotations

import json
import re
from collections import Counter
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from translate.errors import DocumentFormatError
from translate.formats import detect_format, parse_document
from translate.formats.base import rewrap
from translate.inline import Placed, Span

MARKUP = "абвқңАҚ xyz.,;:!?-*_#>|`[]()<>/=\"'&;!~\t\r\n0123456789"
FORMATS = ["text", "markdown", "html", "srt"]


def _parsed(text: str, fmt: str) -> Any:
    """``parse_document(text, fmt)``, or ``None`` for an SRT text that is not SRT."""
    try:
        return parse_document(text, fmt)
    except DocumentFormatError:
        if fmt != "srt":
            raise
        return None


@pytest.mark.parametrize("fmt", FORMATS)
@settings(max_examples=150, deadline=None)
@given(text=st.text(alphabet=MARKUP, max_size=200))
def test_identity_round_trip(fmt: str, text: str) -> None:
    """Rendering the units' own texts gives the document back, byte for byte (an SRT
    cue number followed by no timing line is an error instead: defect 11)."""
    parsed = _parsed(text, fmt)
    assume(parsed is not None)
    assert parsed is not None
    assert parsed.render([u.text for u in parsed.units]) == text
    for unit in parsed.units:
        assert "\n" not in unit.text and unit.text == unit.text.strip()


@pytest.mark.parametrize("fmt", FORMATS)
@settings(max_examples=100, deadline=None)
@given(text=st.text(alphabet=MARKUP, max_size=200))
def test_markup_survives_translation(fmt: str, text: str) -> None:
    """Whatever the translations, the markup is all kept and nothing is made up."""
    parsed = _parsed(text, fmt)
    assume(parsed is not None)
    assert parsed is not None
    out = parsed.render(["§" for _ in parsed.units])
    # every character of the output that is not a translation (or a space) is the input's
    assert Counter(out.replace("§", "").replace(" ", "")) <= Counter(text)
    if not any(u.markup for u in parsed.units):
        # without inline markup, the output keeps the input's order exactly
        position = 0
        for char in out.replace("§", ""):
            found = text.find(char, position)
            assert found >= 0
            position = found + 1
    for unit in parsed.units:
        if unit.markup is None:
            continue
        # markup may hold translated attributes (image alt text): "§" too
        pieces = [s.open for s in unit.markup.spans] + [s.close for s in unit.markup.spans]
        for piece in pieces + [raw for _, raw in unit.markup.atoms]:
            assert re.sub("\x00\\d+\x00", "§", piece) in out


def test_image_alt_inside_a_sentence_is_translated() -> None:
    parsed = parse_document("Сурет ![Ауа райы](a.png) мұнда.", "markdown")
    assert [u.text for u in parsed.units] == ["Ауа райы", "Сурет {1} мұнда."]
    assert parsed.render(["Weather", "A picture {1} here."]) == "A picture ![Weather](a.png) here."


def test_image_and_link_titles_are_translated() -> None:
    text = 'Сурет ![Ауа райы](a.png "Алматы қаласы") және [сайт](https://akorda.kz "Ақорда").'
    parsed = parse_document(text, "markdown")
    assert [u.text for u in parsed.units] == [
        "Ауа райы", "Алматы қаласы", "Ақорда", "Сурет {1} және сайт."
    ]  # fmt: skip
    out = parsed.render(["Weather", 'Almaty "city"', "Akorda", "A picture {1} and site."])
    assert '![Weather](a.png "Almaty \\"city\\"")' in out
    assert '(https://akorda.kz "Akorda")' in out


@pytest.mark.parametrize(
    ("line", "title", "written"),
    [
        ('[akorda]: https://akorda.kz "Президент сайты"', "Президент сайты",
         '[akorda]: https://akorda.kz "T"'),
        ("[x]: https://x.kz 'Екінші атау'", "Екінші атау", "[x]: https://x.kz 'T'"),
        ("[x]: https://x.kz (Үшінші атау)", "Үшінші атау", "[x]: https://x.kz (T)"),
        ("[x]: https://x.kz", None, "[x]: https://x.kz"),
    ],
)  # fmt: skip
def test_reference_link_titles_are_translated(line: str, title: str | None, written: str) -> None:
    parsed = parse_document(line + "\n", "markdown")
    assert [u.text for u in parsed.units] == ([title] if title else [])
    assert parsed.render(["T"] * len(parsed.units)) == written + "\n"


def test_front_matter_titles_are_translated() -> None:
    text = (
        "---\ntitle: Жаңалықтар шолуы\ndescription: 'Апта'\ndate: 2024-05-01\n"
        "tags: [саясат]\n---\n\nМәтін.\n"
    )
    parsed = parse_document(text, "markdown")
    assert [u.text for u in parsed.units] == ["Жаңалықтар шолуы", "Апта", "Мәтін."]
    out = parsed.render(["News: a review", "The week's", "Text."])
    assert out == (
        "---\ntitle: \"News: a review\"\ndescription: 'The week''s'\ndate: 2024-05-01\n"
        "tags: [саясат]\n---\n\nText.\n"
    )


def test_markdown_br_ends_a_unit() -> None:
    text = "Ол жобаны әзірледі.<br>Сенат келісімді ратификациялады.\n"
    parsed = parse_document(text, "markdown")
    assert [u.text for u in parsed.units] == [
        "Ол жобаны әзірледі.", "Сенат келісімді ратификациялады."
    ]  # fmt: skip
    assert parsed.render(["One.", "Two."]) == "One.<br>Two.\n"


def test_html_lang_is_set_to_the_target() -> None:
    from translate.formats.html import set_document_language

    page = "<!doctype html><html lang=\"kk\" xml:lang='kk'><body lang=kk>x</body></html>"
    assert set_document_language(page, "en") == (
        '<!doctype html><html lang="en" xml:lang="en"><body lang=kk>x</body></html>'
    )
    assert set_document_language("<p>x</p>", "en") == "<p>x</p>"


def _units(text: str, fmt: str) -> list[str]:
    return [u.text for u in parse_document(text, fmt).units]


def _upper(text: str, fmt: str) -> str:
    parsed = parse_document(text, fmt)
    return parsed.render([u.text.upper() for u in parsed.units])


def test_text_paragraphs_lists_and_soft_wraps() -> None:
    text = "Жаңалықтар\n\n  Бірінші жол нүктесіз\nжалғасы. Тағы.\r\n- бір\n• екі\n1) үш\n\n"
    assert _units(text, "text") == [
        "Жаңалықтар",
        "Бірінші жол нүктесіз жалғасы. Тағы.",
        "бір",
        "екі",
        "үш",
    ]
    assert _upper(text, "text") == (
        "ЖАҢАЛЫҚТАР\n\n  БІРІНШІ ЖОЛ НҮКТЕСІЗ\nЖАЛҒАСЫ. ТАҒЫ.\r\n- БІР\n• ЕКІ\n1) ҮШ\n\n"
    )


def test_soft_wrapped_paragraph_keeps_its_line_count() -> None:
    text = "бір екі үш төрт\nбес алты жеті\nсегіз."
    parsed = parse_document(text, "text")
    out = parsed.render(["one two three four five six seven eight nine ten"])
    assert out.count("\n") == 2
    assert out.replace("\n", " ") == "one two three four five six seven eight nine ten"


MARKDOWN = """---
title: Жаңалықтар
---
# Басты жаңалықтар #

Президент **Тоқаев** [Астанада](https://akorda.kz/kk "Ақорда") болды.

- Бірінші `код` тармақ
  1. Ішкі тармақ

> Дәйексөз жолы
> жалғасы.

| Қала | Саны |
|------|-----:|
| Астана | 5 |

```python
print("Сәлем")
```

    код блогы

Тақырып
=======
<p>HTML <b>мәтін</b></p>
[id]: https://x.kz
* * *
"""


def test_markdown_structure() -> None:
    assert _units(MARKDOWN, "markdown") == [
        "Жаңалықтар",  # the front matter's title
        "Басты жаңалықтар",
        "Ақорда",  # the link's title
        "Президент Тоқаев Астанада болды.",  # one sentence, bold and link inside
        "Бірінші {1} тармақ",  # the code span is a placeholder
        "Ішкі тармақ",
        "Дәйексөз жолы жалғасы.",
        "Қала",
        "Саны",
        "Астана",  # the cell "5" has nothing to translate
        "Тақырып",
        "HTML мәтін",
    ]
    out = _upper(MARKDOWN, "markdown")
    for kept in (
        "title: ЖАҢАЛЫҚТАР",
        '](https://akorda.kz/kk "АҚОРДА")',
        'print("Сәлем")',
        "    код блогы",
        "|------|-----:|",
        "| 5 |",
        "[id]: https://x.kz",
        "* * *",
        "- БІРІНШІ `код` ТАРМАҚ",
    ):
        assert kept in out
    assert "# БАСТЫ ЖАҢАЛЫҚТАР #" in out
    assert "> ДӘЙЕКСӨЗ ЖОЛЫ\n> ЖАЛҒАСЫ." in out
    # a plain string carries no alignment: the markup goes around the whole sentence
    assert '**[ПРЕЗИДЕНТ ТОҚАЕВ АСТАНАДА БОЛДЫ](https://akorda.kz/kk "АҚОРДА")**.' in out
    assert "<p><b>HTML МӘТІН</b></p>" in out


def test_markdown_markup_placed_in_the_translation() -> None:
    parsed = parse_document("Президент **Тоқаев** [Астанада](https://a.kz) болды.\n", "markdown")
    unit = parsed.units[0]
    assert unit.markup is not None
    bold, link = unit.markup.spans
    text = "President Tokayev was in Astana."
    placed = Placed(
        text,
        (
            Span(10, 17, bold.open, bold.close, bold.depth),
            Span(25, 31, link.open, link.close, link.depth),
        ),
    )
    out = parsed.render([placed])
    assert out == "President **Tokayev** was in [Astana](https://a.kz).\n"


HTML = """<!DOCTYPE html>
<html><head><title>Жаңалықтар</title><style>p{color:red}</style></head>
<body>
  <h1 class="x">Басты жаңалықтар</h1>
  <p>Президент &laquo;Тоқаев&raquo; <b>Астанада</b> болды.</p>
  <p translate="no">Не переводить</p><br/>
  <code>x = "мәтін"</code>
  <script>var s = "Текст";</script>
  <!-- комментарий -->
  <p>A &amp; B</p>
</body></html>"""


def test_html_text_nodes_only() -> None:
    assert _units(HTML, "html") == [
        "Жаңалықтар",
        "Басты жаңалықтар",
        "Президент «Тоқаев» Астанада болды.",
        "A & B",
    ]
    parsed = parse_document(HTML, "html")
    out = parsed.render(["<T&>" for _ in parsed.units])
    assert '<h1 class="x">&lt;T&amp;&gt;</h1>' in out
    assert "<p><b>&lt;T&amp;&gt;</b></p>" in out  # no alignment: around the whole text
    assert "<!-- комментарий -->" in out and 'var s = "Текст";' in out
    assert "Не переводить" in out and 'x = "мәтін"' in out


HTML_INLINE = (
    '<p>Президент <b>Тоқаев</b> <a href="https://a.kz" title="Ақорда">Астанада</a>'
    ' <code>x &lt; 1</code> болды.<br>Екінші <span class="x">жол</span>.</p>'
)


def test_html_inline_elements_stay_in_their_sentence() -> None:
    parsed = parse_document(HTML_INLINE, "html")
    assert [(u.text, u.kind) for u in parsed.units] == [
        ("Ақорда", "attribute"),
        ("Президент Тоқаев Астанада {1} болды.", "html"),
        ("Екінші жол.", "html"),  # <br> ends a unit
    ]
    sentence = parsed.units[1]
    assert sentence.markup is not None
    assert [(s.start, s.end, s.open[:2]) for s in sentence.markup.spans] == [
        (10, 16, "<b"),
        (17, 25, "<a"),
    ]
    assert sentence.markup.atoms == (("{1}", "<code>x &lt; 1</code>"),)
    bold, link = sentence.markup.spans
    placed = Placed(
        "President Tokayev & {1} were in Astana.",
        (Span(10, 17, bold.open, bold.close), Span(32, 38, link.open, link.close)),
    )
    out = parsed.render(["Akorda", placed, "Second line."])
    assert out == (
        "<p>President <b>Tokayev</b> &amp; <code>x &lt; 1</code> were in "
        '<a href="https://a.kz" title="Akorda">Astana</a>.<br>'
        '<span class="x">Second line</span>.</p>'  # a plain string: markup around it all
    )


SRT = (
    "1\r\n00:00:01,000 --> 00:00:03,500\r\nҚайырлы кеш, құрметті\r\nкөрермендер!\r\n\r\n"
    "2\r\n00:00:04,000 --> 00:00:06,000\r\n<i>Басты жаңалықтарға</i> көшейік.\r\n"
)


def test_srt_cues() -> None:
    assert _units(SRT, "srt") == [
        "Қайырлы кеш, құрметті көрермендер!",
        "Басты жаңалықтарға көшейік.",  # the italics stay inside the sentence
    ]
    parsed = parse_document(SRT, "srt")
    italic = parsed.units[1].markup.spans[0] if parsed.units[1].markup else None
    assert italic is not None and (italic.start, italic.end) == (0, 18)
    placed = Placed("Let us move on to the main news.", (Span(15, 31, italic.open, italic.close),))
    out = parsed.render(["Good evening, dear viewers!", placed])
    # two lines again, cut in proportion to the source lines (21 and 12 characters)
    assert out.startswith(
        "1\r\n00:00:01,000 --> 00:00:03,500\r\nGood evening, dear\r\nviewers!\r\n"
    )
    assert out.endswith("\r\nLet us move on <i>to the main news</i>.\r\n")


def test_markup_over_a_line_break_is_cut_back_into_lines() -> None:
    text = "<p>Бірінші <b>жол\n   екінші</b> жол.</p>"
    parsed = parse_document(text, "html")
    assert [u.text for u in parsed.units] == ["Бірінші жол екінші жол."]
    bold = parsed.units[0].markup.spans[0] if parsed.units[0].markup else None
    assert bold is not None
    placed = Placed("First line second line.", (Span(6, 17, bold.open, bold.close),))
    # cut at spaces of the text only (never inside a tag), in proportion to the source
    assert parsed.render([placed]) == "<p>First <b>line\n   second</b> line.</p>"


def test_jsonl_columns() -> None:
    text = '{"id": 1, "title": "Сәлем", "n": 5}\n\n{"id": 2, "meta": {"body": "Екі.\\nЖол."}}\n'
    parsed = parse_document(text, "jsonl", ["title", "meta.body"])
    assert [u.text for u in parsed.units] == ["Сәлем", "Екі.", "Жол."]
    out = parsed.render(["Hi", "Two", "lines"]).split("\n")
    assert json.loads(out[0]) == {"id": 1, "title": "Hi", "n": 5}
    assert out[1] == ""
    assert json.loads(out[2]) == {"id": 2, "meta": {"body": "Two\nlines"}}
    added = parse_document(text, "jsonl", ["title"], add_suffix="en")
    first = json.loads(added.render(["Hi"]).split("\n")[0])
    assert list(first) == ["id", "title", "title_en", "n"]
    assert first["title"] == "Сәлем" and first["title_en"] == "Hi"


def test_jsonl_errors() -> None:
    with pytest.raises(DocumentFormatError, match="line 2"):
        parse_document('{"a": "x"}\n[1]\n', "jsonl", ["a"])
    with pytest.raises(DocumentFormatError, match="--column"):
        parse_document('{"a": "x"}\n', "jsonl", [])
    with pytest.raises(DocumentFormatError, match="titel"):
        parse_document('{"a": "x"}\n', "jsonl", ["titel"])


def test_an_unknown_jsonl_column_lists_the_columns_with_text() -> None:
    text = '{"title": "x", "n": 1, "meta": {"lead": "y"}}\n{"body": "z"}\n'
    message = r"no text values in column\(s\) nosuch \(columns with text: title, meta.lead, body\)"
    with pytest.raises(DocumentFormatError, match=message):
        parse_document(text, "jsonl", ["nosuch"])


def test_csv_columns() -> None:
    text = 'id;text;n\r\n1;Сәлем;5\r\n2;"Екі; бөлік";6\r\n'
    parsed = parse_document(text, "csv", ["text"])
    assert [u.text for u in parsed.units] == ["Сәлем", "Екі; бөлік"]
    assert parsed.render(["Hi", "Two; parts"]) == 'id;text;n\r\n1;Hi;5\r\n2;"Two; parts";6\r\n'
    added = parse_document(text, "csv", ["2"], add_suffix="en")
    assert added.render(["Hi", "X"]).split("\r\n")[:2] == ["id;text;text_en;n", "1;Сәлем;Hi;5"]
    with pytest.raises(DocumentFormatError, match="columns: id, text, n"):
        parse_document(text, "csv", ["body"])


@pytest.mark.parametrize(
    ("text", "name", "fmt"),
    [
        ("x", "a.md", "markdown"),
        ("x", "a.HTM", "html"),
        ("x", "a.jsonl", "jsonl"),
        ("<!DOCTYPE html><p>x</p>", None, "html"),
        ("1\n00:00:01,000 --> 00:00:02,000\nx\n", None, "srt"),
        ("Жай мәтін", None, "text"),
    ],
)
def test_detect_format(text: str, name: str | None, fmt: str) -> None:
    from pathlib import Path

    assert detect_format(text, Path(name) if name else None) == fmt


@pytest.mark.parametrize(
    ("text", "widths", "expected"),
    [
        ("a b c d", [1, 1], ["a b", "c d"]),
        ("one", [5, 5], ["one"]),
        ("a b", [5, 5, 5], ["a", "b"]),
        ("alpha beta gamma delta", [30, 5], ["alpha beta gamma", "delta"]),
    ],
)
def test_rewrap(text: str, widths: list[int], expected: list[str]) -> None:
    assert rewrap(text, widths) == expected


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.text(alphabet="abc", min_size=1, max_size=6), min_size=1, max_size=20),
    st.lists(st.integers(min_value=0, max_value=40), min_size=1, max_size=6),
)
def test_rewrap_keeps_words_and_line_count(words: list[str], widths: list[int]) -> None:
    lines = rewrap(" ".join(words), widths)
    assert " ".join(lines).split() == words
    assert all(lines)
    assert len(lines) == min(len(widths), len(words))


@pytest.mark.parametrize("text", ["<![0", "<p>Сәлем <![x</p> әлем", "0\n>", "- \n-"])
def test_broken_markup_round_trips(text: str) -> None:
    """Cases found by hypothesis: html.parser gives up, bare quote or list markers."""
    for fmt in FORMATS:
        parsed = _parsed(text, fmt)
        if parsed is None:  # (an SRT cue number with no timing line: an error)
            assert fmt == "srt"
            continue
        assert parsed.render([u.text for u in parsed.units]) == text
        assert all(u.text and u.text == u.text.strip() for u in parsed.units)


@pytest.mark.parametrize(
    ("srt", "line"),
    [
        # issue 15, defect 11: a malformed timing line (written for the project)
        ("1\n00:00:01,000 --> 00:00:02,000\nСәлем\n\n2\n00:00:03.000 -> 00:00:04,000\nҚош\n", 6),
        ("1\n00:00:01 --> 00:00:02\nСәлем\n", 2),
    ],
)
def test_a_malformed_srt_timing_line_is_an_error_with_its_line(srt: str, line: int) -> None:
    from translate.formats.srt import parse_srt

    with pytest.raises(DocumentFormatError, match=f"SRT line {line}: not a timing line"):
        parse_srt(srt)


def test_a_cue_whose_text_is_a_number_is_kept() -> None:
    from translate.formats.srt import parse_srt

    srt = "1\n00:00:01,000 --> 00:00:02,000\n42\nСәлем\n\n2\n00:00:03,000 --> 00:00:04,000\nҚош\n"
    parsed = parse_srt(srt)
    assert parsed is not None
