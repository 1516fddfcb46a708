"""Inline markup: items -> plain text, spans and placeholders -> markup again."""

from __future__ import annotations

import html

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from translate.inline import (
    Atom,
    Break,
    Close,
    Item,
    Markup,
    Open,
    Placed,
    Span,
    Text,
    at_edges,
    atom_text,
    build,
    edges,
    fix_placeholders,
    render,
)


def _out(placed: Placed, markup: Markup) -> str:
    return "".join(piece for piece, _ in render(placed, markup, html.escape))


def test_build_sentence_with_bold_link_and_code() -> None:
    items: list[Item] = [
        Text("Президент "),
        Open("<b>", "b"),
        Text("Тоқаев"),
        Close("</b>", "b"),
        Text(" "),
        Open('<a href="x">', "a"),
        Text("Астанада"),
        Close("</a>", "a"),
        Text(" "),
        Atom("<code>x</code>"),
        Text(" болды."),
    ]
    stretch = build(items)
    assert (stretch.prefix, stretch.suffix) == ("", "")
    assert stretch.text == "Президент Тоқаев Астанада {1} болды."
    assert stretch.markup.spans == (
        Span(10, 16, "<b>", "</b>"),
        Span(17, 25, '<a href="x">', "</a>"),
    )
    assert stretch.markup.atoms == (("{1}", "<code>x</code>"),)
    assert stretch.raw == 'Президент <b>Тоқаев</b> <a href="x">Астанада</a> <code>x</code> болды.'


def test_markup_around_everything_and_decorations_at_edges_stay_outside() -> None:
    items: list[Item] = [
        Text("  "),
        Atom('<img src="a.png">', textual=False),
        Open("<b>", "b"),
        Open("<i>", "i"),
        Text("Сәлем"),
        Close("</i>", "i"),
        Close("</b>", "b"),
        Break("\n  "),
    ]
    stretch = build(items)
    assert stretch.prefix == '  <img src="a.png"><b><i>'
    assert stretch.suffix == "</i></b>\n  "
    assert stretch.text == "Сәлем" and stretch.markup == Markup()


def test_code_at_the_start_stays_in_the_sentence() -> None:
    stretch = build([Atom("`make`"), Text(" builds it.")])
    assert stretch.text == "{1} builds it." and stretch.prefix == ""


@pytest.mark.parametrize(
    ("items", "text", "atoms"),
    [
        # a "[" that opens no link is a character of the text
        ([Text("a "), Open("[", "link", True), Text("b")], "a [b", ()),
        # an unpaired HTML tag is kept in place, as a placeholder
        ([Text("a "), Open("<b>", "b"), Text("c")], "a {1}c", (("{1}", "<b>"),)),
        # an empty element is one atom
        ([Text("a"), Open("<a id=x>", "a"), Close("</a>", "a"), Text(" c")], "a{1} c",
         (("{1}", "<a id=x></a>"),)),
        # placeholders never clash with braces the text already has
        ([Text("{1} x "), Atom("`y`"), Text(" z")], "{1} x {2} z", (("{2}", "`y`"),)),
    ],
)  # fmt: skip
def test_unpaired_and_empty_markup(
    items: list[Item], text: str, atoms: tuple[tuple[str, str], ...]
) -> None:
    stretch = build(items)
    assert stretch.text == text
    assert stretch.markup.atoms == atoms


def test_render_nests_markup_at_equal_places_and_escapes_text() -> None:
    markup = Markup(
        (Span(0, 1, "<b>", "</b>", 0), Span(0, 1, "<i>", "</i>", 1)),
        (("{1}", "<code>&lt;</code>"),),
    )
    placed = Placed("x & {1} y", (Span(0, 5, "<b>", "</b>", 0), Span(4, 7, "<i>", "</i>", 1)))
    # the bold's end falls inside the placeholder: it moves to its end
    assert _out(placed, markup) == "<b>x &amp; <i><code>&lt;</code></i></b> y"
    placed = Placed("x y", (Span(0, 3, "<b>", "</b>", 0), Span(0, 3, "<i>", "</i>", 1)))
    assert _out(placed, markup) == "<b><i>x y</i></b>"


@pytest.mark.parametrize(
    ("text", "wanted", "fixed", "moved"),
    [
        ("Saved in {1}.", ["{1}"], "Saved in {1}.", 0),
        ("Saved in { 1 }.", ["{1}"], "Saved in {1}.", 0),
        ("Saved in the file.", ["{1}"], "Saved in the file {1}.", 1),
        ("Saved {1} in {1}.", ["{1}"], "Saved {1} in.", 1),
        ("Saved {2} here", ["{1}"], "Saved here {1}", 2),  # {2}: another sentence's
        ("Saved {7} here", ["{1}"], "Saved {7} here {1}", 1),  # {7}: text, not markup
        ("{2} and {1}", ["{1}", "{2}"], "{2} and {1}", 0),
    ],
)
def test_fix_placeholders(text: str, wanted: list[str], fixed: str, moved: int) -> None:
    assert fix_placeholders(text, wanted, known=["{1}", "{2}"]) == (fixed, moved)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("A b.", (0, 3)), ("  A b?! ", (2, 5)), ("...", (0, 0)), ("A, b", (0, 4))],
)
def test_edges(text: str, expected: tuple[int, int]) -> None:
    assert edges(text) == expected


def test_at_edges_wraps_the_content() -> None:
    markup = Markup((Span(3, 5, "**", "**"),), (("{1}", "`x`"),))
    placed = at_edges("It works.", markup)
    assert placed == Placed("It works {1}.", (Span(0, 12, "**", "**"),), 2)


# -- properties ---------------------------------------------------------------------------

_WORDS = st.text(alphabet="абв xy{}1", min_size=1, max_size=6)


@st.composite
def _items(draw: st.DrawFn) -> list[Item]:
    """Random well-nested inline content (with stray openers and closers)."""
    items: list[Item] = []
    stack: list[str] = []
    for _ in range(draw(st.integers(0, 12))):
        choice = draw(st.sampled_from(["text", "text", "open", "close", "atom", "deco"]))
        if choice == "text":
            items.append(Text(draw(_WORDS)))
        elif choice == "open":
            key = draw(st.sampled_from(["b", "i", "a"]))
            stack.append(key)
            items.append(Open(f"<{key}>", key))
        elif choice == "close":
            key = stack.pop() if stack and draw(st.booleans()) else "b"
            items.append(Close(f"</{key}>", key))
        elif choice == "atom":
            items.append(Atom("`c`"))
        else:
            items.append(Atom("<br/>", textual=False))
    return items


@settings(max_examples=300, deadline=None)
@given(_items())
def test_unchanged_text_renders_the_source(items: list[Item]) -> None:
    stretch = build(items)
    placed = Placed(stretch.text, stretch.markup.spans)
    rendered = "".join(piece for piece, _ in render(placed, stretch.markup, str))
    assert stretch.prefix + rendered + stretch.suffix == "".join(
        i.source if isinstance(i, Text) else i.raw for i in items
    )


@settings(max_examples=300, deadline=None)
@given(_items(), st.text(alphabet="xyz .{}1", max_size=20))
def test_any_translation_keeps_all_markup_well_formed(items: list[Item], translation: str) -> None:
    stretch = build(items)
    placed = at_edges(translation, stretch.markup)
    pieces = render(placed, stretch.markup, str)
    markup = [piece for piece, is_markup in pieces if is_markup]
    wanted = [s.open for s in stretch.markup.spans] + [s.close for s in stretch.markup.spans]
    wanted += [raw for _, raw in stretch.markup.atoms]
    assert sorted(markup) == sorted(wanted)
    for a in placed.spans:
        assert 0 <= a.start <= a.end <= len(placed.text)
        for b in placed.spans:  # any two spans are apart or one inside the other
            assert (
                a.end <= b.start
                or b.end <= a.start
                or (a.start <= b.start and b.end <= a.end)
                or (b.start <= a.start and a.end <= b.end)
            )


@pytest.mark.parametrize(
    ("text", "fixed", "moved"),
    [
        # the model wrote the code span's content instead of its placeholder
        ("Published on the akorda.kz website.", "Published on the {1} website.", 0),
        # not as a part of a longer word or domain
        ("See www.akorda.kzx now.", "See www.akorda.kzx now {1}.", 1),
        ("Nothing here.", "Nothing here {1}.", 1),
    ],
)
def test_fix_placeholders_finds_an_atom_written_as_text(text: str, fixed: str, moved: int) -> None:
    assert fix_placeholders(text, ["{1}"], known={"{1}": "`akorda.kz`"}) == (fixed, moved)


@pytest.mark.parametrize(
    ("raw", "shown"),
    [("`akorda.kz`", "akorda.kz"), ("``a `b` c``", "a `b` c"), ("<code>x()</code>", "x()")],
)
def test_atom_text(raw: str, shown: str) -> None:
    assert atom_text(raw) == shown
