"""Document formats: exact round trips, and only text reaches the translator."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from translate.errors import DocumentFormatError
from translate.formats import detect_format, parse_document
from translate.formats.base import rewrap

MARKUP = "абвқңАҚ xyz.,;:!?-*_#>|`[]()<>/=\"'&;!~\t\r\n0123456789"
FORMATS = ["text", "markdown", "html", "srt"]


@pytest.mark.parametrize("fmt", FORMATS)
@settings(max_examples=150, deadline=None)
@given(text=st.text(alphabet=MARKUP, max_size=200))
def test_identity_round_trip(fmt: str, text: str) -> None:
    """Rendering the units' own texts gives the document back, byte for byte."""
    parsed = parse_document(text, fmt)
    assert parsed.render([u.text for u in parsed.units]) == text
    for unit in parsed.units:
        assert "\n" not in unit.text and unit.text == unit.text.strip()


@pytest.mark.parametrize("fmt", FORMATS)
@settings(max_examples=100, deadline=None)
@given(text=st.text(alphabet=MARKUP, max_size=200))
def test_markup_survives_translation(fmt: str, text: str) -> None:
    """Whatever the translations, everything outside the units is kept in order."""
    parsed = parse_document(text, fmt)
    out = parsed.render(["§" for _ in parsed.units])
    kept = out.replace("§", "")
    # every character of the output that is not a translation comes from the input
    position = 0
    for char in kept:
        found = text.find(char, position)
        assert found >= 0
        position = found + 1


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
        "Басты жаңалықтар",
        "Президент",
        "Тоқаев",
        "Астанада",
        "болды.",
        "Бірінші",
        "тармақ",
        "Ішкі тармақ",
        "Дәйексөз жолы жалғасы.",
        "Қала",
        "Саны",
        "Астана",
        "5",
        "Тақырып",
        "HTML",
        "мәтін",
    ]
    out = _upper(MARKDOWN, "markdown")
    for kept in (
        "title: Жаңалықтар",
        '](https://akorda.kz/kk "Ақорда")',
        'print("Сәлем")',
        "    код блогы",
        "|------|-----:|",
        "[id]: https://x.kz",
        "* * *",
        "`код`",
    ):
        assert kept in out
    assert "# БАСТЫ ЖАҢАЛЫҚТАР #" in out
    assert "> ДӘЙЕКСӨЗ ЖОЛЫ\n> ЖАЛҒАСЫ." in out


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
        "Президент «Тоқаев»",
        "Астанада",
        "болды.",
        "A & B",
    ]
    parsed = parse_document(HTML, "html")
    out = parsed.render(["<T&>" for _ in parsed.units])
    assert '<h1 class="x">&lt;T&amp;&gt;</h1>' in out
    assert "<!-- комментарий -->" in out and 'var s = "Текст";' in out
    assert "Не переводить" in out and 'x = "мәтін"' in out


SRT = (
    "1\r\n00:00:01,000 --> 00:00:03,500\r\nҚайырлы кеш, құрметті\r\nкөрермендер!\r\n\r\n"
    "2\r\n00:00:04,000 --> 00:00:06,000\r\n<i>Басты жаңалықтарға</i> көшейік.\r\n"
)


def test_srt_cues() -> None:
    assert _units(SRT, "srt") == [
        "Қайырлы кеш, құрметті көрермендер!",
        "Басты жаңалықтарға",
        "көшейік.",
    ]
    parsed = parse_document(SRT, "srt")
    out = parsed.render(["Good evening, dear viewers!", "Main news", "next."])
    # two lines again, cut in proportion to the source lines (21 and 12 characters)
    assert out.startswith(
        "1\r\n00:00:01,000 --> 00:00:03,500\r\nGood evening, dear\r\nviewers!\r\n"
    )
    assert "<i>Main news</i> next." in out


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
        parsed = parse_document(text, fmt)
        assert parsed.render([u.text for u in parsed.units]) == text
        assert all(u.text and u.text == u.text.strip() for u in parsed.units)
