"""Word documents (``.docx``), read and written with python-docx.

Every paragraph of the body (tables included, nested or not), of the headers and footers
and of the footnotes and endnotes is one unit. Its runs' formatting is inline markup, as
in HTML: the run formatting that covers most of the paragraph is its base, and each run
with other formatting (bold, italic, a colour ...) is a span, put back around the words
it belongs to in the translation; so is a hyperlink. Runs holding something other than
text (a tab, a line break, a picture, a footnote reference, a field) and other inline
content (bookmarks, content controls, tracked changes) are kept whole as placeholders.

On writing, a translated paragraph's runs are rebuilt: each piece of the translation
gets a copy of the formatting (``w:rPr``) of the run whose span covers it (the base run
elsewhere), hyperlinks get their original relationship, and the kept elements are put
back where their placeholders are. Paragraph properties, styles, numbering, sections and
everything outside paragraphs are not touched.
"""

from __future__ import annotations

import copy
import io
import re
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from translate.errors import DocumentFormatError
from translate.formats.base import Translation, Unit
from translate.inline import Atom, Close, Item, Open, Placed, Text, at_edges, build
from translate.inline import render as render_inline

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = "{" + W + "}"
#: Parts whose paragraphs are translated, by name.
_PARTS = re.compile(r"^/word/(?:document|header\d*|footer\d*|footnotes|endnotes)\.xml$")
#: Markers inside a paragraph that hold no text and may stay anywhere (kept whole).
_MARKERS = frozenset(
    _W + n
    for n in ("bookmarkStart", "bookmarkEnd", "proofErr", "commentRangeStart",
              "commentRangeEnd", "permStart", "permEnd", "lastRenderedPageBreak")
)  # fmt: skip
_TOKEN = re.compile("\x01([ocOCa])(\\d+)\x01")


def is_docx(data: bytes) -> bool:
    """Whether ``data`` is a Word document (a ZIP holding ``word/document.xml``)."""
    if not data.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except zipfile.BadZipFile:
        return False


@dataclass
class _Paragraph:
    """A paragraph's content, taken apart; ``elements`` are its original children."""

    element: Any
    runs: list[Any] = field(default_factory=list)  # formatting source of each span
    links: list[Any] = field(default_factory=list)  # original hyperlink elements
    atoms: list[Any] = field(default_factory=list)  # elements kept whole
    base: Any = None  # the run whose formatting is the paragraph's base
    prefix: str = ""
    suffix: str = ""
    unit: Unit | None = None


def _local(element: Any) -> str:
    return str(element.tag)


def _run_pieces(run: Any) -> list[tuple[str, Any, str]]:
    """A run as ``(kind, element, text)`` pieces: its text (``element`` is the run, the
    formatting template) and, kept whole, its other children (a tab, a break, a picture).

    A run without text is one atom; in a run that mixes text and other children, each
    other child is an atom ``(run, child)``, written back in a run of its own with the
    run's properties (the child itself is moved there only then).
    """
    children = [c for c in run if _local(c) != _W + "rPr"]
    texts = [c for c in children if _local(c) == _W + "t"]
    if not texts:
        return [("atom", run, "")]
    if len(texts) == len(children):
        return [("text", run, "".join(c.text or "" for c in texts))]
    return [
        ("text", run, child.text or "") if _local(child) == _W + "t" else ("atom", (run, child), "")
        for child in children
    ]


def _atom_element(atom: Any) -> Any:
    """The element to write for an atom: itself, or a child of a run in a run of its own."""
    if not isinstance(atom, tuple):
        return atom
    run, child = atom
    alone = copy.copy(run)
    for inner in list(alone):
        alone.remove(inner)
    properties = run.find(_W + "rPr")
    if properties is not None:
        alone.append(copy.deepcopy(properties))
    alone.append(child)
    return alone


def _format_key(run: Any) -> bytes:
    from lxml import etree

    properties = run.find(_W + "rPr")
    return b"" if properties is None else bytes(etree.tostring(properties))


_Piece = tuple[str, Any, int | None, str]
"""A piece of a paragraph: ``(kind, element, link, text)``; ``link`` numbers its hyperlink."""


def _read_paragraph(element: Any) -> _Paragraph:
    paragraph = _Paragraph(element)
    pieces: list[_Piece] = []
    for child in element:
        _add_pieces(child, None, paragraph, pieces)
    base_key, paragraph.base = _base_format(pieces)
    stretch = build(_InlineItems(paragraph, base_key).of(pieces))
    paragraph.prefix, paragraph.suffix = stretch.prefix, stretch.suffix
    if stretch.has_text:
        markup = stretch.markup if stretch.markup.spans or stretch.markup.atoms else None
        paragraph.unit = Unit(stretch.text, "docx", markup)
    return paragraph


def _add_pieces(child: Any, link: int | None, paragraph: _Paragraph, pieces: list[_Piece]) -> None:
    """Append the pieces of a paragraph's ``child`` (in the hyperlink ``link``, if any).

    A hyperlink's children are its pieces (one level: a hyperlink inside one is an atom);
    the paragraph's properties are none.
    """
    tag = _local(child)
    if tag == _W + "pPr":
        return
    if tag == _W + "r":
        pieces.extend((kind, item, link, text) for kind, item, text in _run_pieces(child))
    elif tag == _W + "hyperlink" and link is None:
        paragraph.links.append(child)
        for inner in child:
            _add_pieces(inner, len(paragraph.links) - 1, paragraph, pieces)
    elif tag in _MARKERS:
        pieces.append(("marker", child, link, ""))
    else:
        pieces.append(("atom", child, link, ""))


def _base_format(pieces: list[_Piece]) -> tuple[bytes, Any]:
    """The base formatting (that of the most text) and the first run that has it."""
    weights: dict[bytes, int] = {}
    first: dict[bytes, Any] = {}
    for kind, item, _, text in pieces:
        if kind == "text":
            key = _format_key(item)
            weights[key] = weights.get(key, 0) + len(text)
            first.setdefault(key, item)
    base_key = max(weights, key=lambda k: weights[k]) if weights else b""
    return base_key, first.get(base_key)


class _InlineItems:
    """A paragraph's pieces as inline items: a span for each hyperlink and for each
    stretch of runs formatted otherwise than the base; an atom for what is kept whole.

    The spans' formatting runs and the atoms are numbered into the paragraph.
    """

    def __init__(self, paragraph: _Paragraph, base_key: bytes) -> None:
        self.paragraph = paragraph
        self.base_key = base_key
        self.items: list[Item] = []
        self.link: int | None = None  # the hyperlink open
        self.format: bytes | None = None  # the formatting span open
        self.format_number: dict[bytes, int] = {}

    def of(self, pieces: list[_Piece]) -> list[Item]:
        for kind, item, link, text in pieces:
            if link != self.link:
                self._enter_link(link)
            if kind == "text":
                self._text(item, text)
            else:
                self._atom(kind, item)
        self._close_format()
        self._close_link()
        return self.items

    def _enter_link(self, link: int | None) -> None:
        self._close_format()
        self._close_link()
        if link is not None:
            self.items.append(Open(f"\x01O{link}\x01", "link"))
        self.link = link

    def _close_link(self) -> None:
        if self.link is not None:
            self.items.append(Close(f"\x01C{self.link}\x01", "link"))
            self.link = None

    def _close_format(self) -> None:
        if self.format is not None:
            self.items.append(Close(f"\x01c{self.format_number[self.format]}\x01", "run"))
            self.format = None

    def _atom(self, kind: str, item: Any) -> None:
        self._close_format()
        self.paragraph.atoms.append(item)
        self.items.append(Atom(f"\x01a{len(self.paragraph.atoms) - 1}\x01", kind == "atom"))

    def _text(self, item: Any, text: str) -> None:
        key = _format_key(item)
        if key != self.format:
            self._close_format()
            if key != self.base_key:
                self.items.append(Open(f"\x01o{self._number(key, item)}\x01", "run"))
                self.format = key
        self.items.append(Text(text))

    def _number(self, key: bytes, run: Any) -> int:
        """The number of the formatting ``key`` (``run`` its template, the first time)."""
        if key not in self.format_number:
            self.format_number[key] = len(self.paragraph.runs)
            self.paragraph.runs.append(run)
        return self.format_number[key]


def _new_run(template: Any, text: str) -> Any:
    from lxml import etree

    run = etree.Element(_W + "r")
    properties = template.find(_W + "rPr") if template is not None else None
    if properties is not None:
        run.append(copy.deepcopy(properties))
    t = etree.SubElement(run, _W + "t")
    t.text = text
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return run


def _write_paragraph(paragraph: _Paragraph, pieces: Sequence[tuple[str, bool]]) -> None:
    """Replace the paragraph's content by ``pieces`` (text, and markup tokens)."""
    element = paragraph.element
    for child in list(element):
        if _local(child) != _W + "pPr":
            element.remove(child)
    formats: list[int] = []
    container: Any = element
    stream = (
        paragraph.prefix
        + "".join(text if markup else text.replace("\x01", "") for text, markup in pieces)
        + paragraph.suffix
    )
    position = 0
    for match in _TOKEN.finditer(stream):
        _append_text(container, stream[position : match.start()], paragraph, formats)
        position = match.end()
        kind, number = match.group(1), int(match.group(2))
        if kind == "o":
            formats.append(number)
        elif kind == "c" and number in formats:
            formats.remove(number)
        elif kind == "O":
            link = copy.copy(paragraph.links[number])
            for child in list(link):
                link.remove(child)
            element.append(link)
            container = link
        elif kind == "C":
            container = element
        elif kind == "a":
            container.append(_atom_element(paragraph.atoms[number]))
    _append_text(container, stream[position:], paragraph, formats)


def _append_text(container: Any, text: str, paragraph: _Paragraph, formats: list[int]) -> None:
    if not text:
        return
    template = paragraph.runs[formats[-1]] if formats else paragraph.base
    container.append(_new_run(template, text))


@dataclass
class DocxDocument:
    """A parsed Word document: its units, and a way to write it translated."""

    units: list[Unit]
    render_bytes: Callable[[Sequence[Translation]], bytes]


def parse_docx(data: bytes) -> DocxDocument:
    """Parse a ``.docx`` file's bytes."""
    try:
        import docx
        from lxml import etree
    except ImportError:
        raise DocumentFormatError(
            "reading .docx needs python-docx: pip install 'translit[translate]'"
        ) from None
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises several kinds on a broken file
        raise DocumentFormatError(f"not a readable Word document: {exc}") from None
    trees: list[tuple[Any, Any]] = []  # (part, root element)
    for part in document.part.package.iter_parts():
        if not _PARTS.match(str(part.partname)):
            continue
        root = part.element if hasattr(part, "element") else etree.fromstring(part.blob)
        trees.append((part, root))
    trees.sort(key=lambda pr: 0 if str(pr[0].partname).endswith("document.xml") else 1)
    paragraphs: list[tuple[int, _Paragraph]] = [
        (number, _read_paragraph(p))
        for number, (_, root) in enumerate(trees)
        for p in root.iter(_W + "p")
    ]
    translated = [p for _, p in paragraphs if p.unit is not None]
    tree_of = {id(p): number for number, p in paragraphs}
    units = [p.unit for p in translated if p.unit is not None]

    def render_bytes(translations: Sequence[Translation]) -> bytes:
        if len(translations) != len(translated):
            raise ValueError("one translation per unit is required")
        changed: set[int] = set()
        for paragraph, translation in zip(translated, translations, strict=True):
            unit = paragraph.unit
            assert unit is not None
            if translation == unit.text or (
                isinstance(translation, Placed) and translation.text == unit.text
            ):
                continue
            markup = unit.markup
            if isinstance(translation, str):
                placed = at_edges(translation, markup) if markup else Placed(translation, ())
            else:
                placed = translation
            pieces = (
                render_inline(placed, markup, lambda t: t) if markup else [(placed.text, False)]
            )
            _write_paragraph(paragraph, pieces)
            changed.add(tree_of[id(paragraph)])
        for number, (part, root) in enumerate(trees):
            if number in changed and not hasattr(part, "element"):
                part._blob = etree.tostring(
                    root, xml_declaration=True, encoding="UTF-8", standalone=True
                )
        out = io.BytesIO()
        document.save(out)
        return out.getvalue()

    return DocxDocument(units, render_bytes)
