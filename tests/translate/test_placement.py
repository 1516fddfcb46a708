"""Placing inline markup in translations: glosses, copies, names, and the edges."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from translate.formats import parse_document
from translate.inline import Close, Item, Open, Text, build
from translate.placement import SentenceView, place_sentence, place_unit, wanted_glosses

CASES = [
    # (markdown, [(sentence, translation)], glosses, names, expected, moved per sentence)
    ("Президент **Тоқаев** болды.", [("Президент Тоқаев болды.", "President Tokayev was there.")],
     {"Тоқаев": "Tokayev"}, [], "President **Tokayev** was there.", [0]),
    # a gloss with another case and a full stop
    ("**Үкімет** шешті.", [("Үкімет шешті.", "The government decided.")],
     {"Үкімет": "the government."}, [], "**The government** decided.", [0]),
    # a number the model copied needs no gloss
    ("Баға **450** теңге.", [("Баға 450 теңге.", "The price is 450 tenge.")],
     {}, [], "The price is **450** tenge.", [0]),
    # the occurrence nearest to the span's place in the source
    ("Бір екі бір **екі**.", [("Бір екі бір екі.", "One two one two.")],
     {"екі": "two"}, [], "One two one **two**.", [0]),
    # a gloss that is not in the translation: around the whole sentence, counted
    ("**Ақордада** қабылдады.", [("Ақордада қабылдады.", "Received at Akorda.")],
     {"Ақордада": "in Akorda"}, [], "**Received at Akorda**.", [1]),
    # the house-style rendering of a name inside the span
    ("**Тоқаевтың** жарлығы.", [("Тоқаевтың жарлығы.", "Toqaev's decree.")],
     {"Тоқаевтың": "Tokayev's"}, [("Тоқаев", "Toqaev")], "**Toqaev**'s decree.", [0]),
    # nested markup stays nested
    ("**Президент [Тоқаев](u)** болды.",
     [("Президент Тоқаев болды.", "President Tokayev was there.")],
     {"Президент Тоқаев": "President Tokayev", "Тоқаев": "Tokayev"}, [],
     "**President [Tokayev](u)** was there.", [0]),
    # siblings never share words
    ("**Бір** және **бір**.", [("Бір және бір.", "One and one.")],
     {"Бір": "one", "бір": "one"}, [], "**One** and **one**.", [0]),
    # two sentences; a span over a whole sentence covers its translation
    ("**Бір.** Екі **үш**.", [("Бір.", "One."), ("Екі үш.", "Two three.")],
     {"үш": "three"}, [], "**One.** Two **three**.", [0, 0]),
    # a code span the model dropped goes to the end of its sentence
    ("Есеп `x` бойынша.", [("Есеп {1} бойынша.", "Report via link.")],
     {}, [], "Report via link `x`.", [1]),
    # an untranslated sentence keeps its markup as it was
    ("Mixed **text** here.", [("Mixed text here.", "Mixed text here.")],
     {}, [], "Mixed **text** here.", [0]),
]  # fmt: skip


@pytest.mark.parametrize(("markdown", "sentences", "glosses", "names", "expected", "moved"), CASES)
def test_place_unit(
    markdown: str,
    sentences: list[tuple[str, str]],
    glosses: dict[str, str],
    names: list[tuple[str, str]],
    expected: str,
    moved: list[int],
) -> None:
    parsed = parse_document(markdown, "markdown")
    unit = parsed.units[0]
    assert unit.markup is not None
    views = [
        SentenceView(unit.text.index(source), source, target, "kk", tuple(names))
        for source, target in sentences
    ]
    placed, per_sentence = place_unit(
        unit.text, unit.markup, views, lambda lang, text: glosses.get(text)
    )
    assert parsed.render([placed]) == expected
    assert [count for _, count in per_sentence] == moved


def test_glosses_are_asked_only_where_needed() -> None:
    unit = parse_document("**Бір.** Екі **450** **үш**.", "markdown").units[0]
    assert unit.markup is not None
    views = [
        SentenceView(0, "Бір.", "One.", "kk"),
        SentenceView(5, "Екі 450 үш.", "Two 450 three.", "kk"),
    ]
    assert wanted_glosses(unit.text, unit.markup, views) == {("kk", "үш")}


_WORD = st.sampled_from(["a", "b", "c", "aa", "{1}"])


@st.composite
def _source(draw: st.DrawFn) -> list[Item]:
    items: list[Item] = []
    depth = 0
    for _ in range(draw(st.integers(1, 10))):
        move = draw(st.sampled_from(["word", "word", "open", "close"]))
        if move == "open":
            items.append(Open("<b>", "b"))
            depth += 1
        elif move == "close" and depth:
            items.append(Close("</b>", "b"))
            depth -= 1
        else:
            items.append(Text(draw(_WORD) + " "))
    items += [Close("</b>", "b")] * depth
    return items


@settings(max_examples=300, deadline=None)
@given(
    _source(),
    st.lists(_WORD, max_size=8).map(" ".join),
    st.dictionaries(_WORD, _WORD, max_size=3),
)
def test_placed_spans_are_nested_and_inside_the_translation(
    items: list[Item], target: str, glosses: dict[str, str]
) -> None:
    stretch = build(items)
    spans = stretch.markup.spans
    fixed, placed, _ = place_sentence(stretch.text, target, spans, [], glosses.get)
    assert len(placed) == len(spans)
    for a in placed:
        assert 0 <= a.start <= a.end <= len(fixed)
        for b in placed:
            apart = a.end <= b.start or b.end <= a.start
            nested = (a.start <= b.start and b.end <= a.end) or (
                b.start <= a.start and a.end <= b.end
            )
            assert apart or nested
