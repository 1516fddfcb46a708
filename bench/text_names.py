"""Person names in Russian news text: translit's finder against natasha and pymorphy3.

Reads a corpus in the factRuEval-2016 format (github.com/dialogue-evaluation/
factRuEval-2016: news texts with hand-made ``*.spans`` and ``*.objects``; the data is
not part of translit) and scores, against its ``Person`` mentions (the extent of each
person object's name, surname, patronymic and nickname spans):

* ``translit``: :func:`translit.text.names.find_names`, its spans of persons (a
  gazetteer person, or a name found by natasha's NER where installed, else by its
  patterns); ``no NER``: the same with its patterns only;
* ``natasha``: natasha's news NER (``NewsNERTagger``), its ``PER`` spans, if installed
  (``pip install natasha``: its model ships in the wheel);
* ``pymorphy3``: runs of capitalised words that pymorphy3's dictionary tags as a given
  name, surname or patronymic (``Name``, ``Surn``, ``Patr``).

Exact: a found span with the gold extent; overlap: a found span sharing characters with
an unmatched gold one. Usage:
    python bench/text_names.py DIR [DIR ...]   (e.g. factRuEval-2016/testset)
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

Span = tuple[int, int]
_WORD_RE = re.compile(r"[А-ЯЁA-Z][а-яёa-z]+(?:-[А-ЯЁA-Z][а-яёa-z]+)?")


def gold_persons(base: Path) -> tuple[str, list[Span]]:
    """The text of one document and the extents of its Person mentions."""
    text = base.with_suffix(".txt").read_text(encoding="utf-8")
    spans: dict[str, Span] = {}
    for line in base.with_suffix(".spans").read_text(encoding="utf-8").splitlines():
        fields = line.partition("#")[0].split()
        if len(fields) >= 4:
            start = int(fields[2])
            spans[fields[0]] = (start, start + int(fields[3]))
    persons = []
    for line in base.with_suffix(".objects").read_text(encoding="utf-8").splitlines():
        fields = line.partition("#")[0].split()
        if len(fields) >= 3 and fields[1] == "Person":
            parts = [spans[s] for s in fields[2:] if s in spans]
            if parts:
                persons.append((min(p[0] for p in parts), max(p[1] for p in parts)))
    return text, sorted(set(persons))


def translit_finder(ner: bool = True) -> Callable[[str], list[Span]]:
    from translit.text.names import find_names

    def find(text: str) -> list[Span]:
        return [
            (s.start, s.end)
            for s in find_names(text, ner=ner)
            if s.kind == "pattern" or (s.entity is not None and "-person-" in s.entity)
        ]

    return find


def natasha_finder() -> Callable[[str], list[Span]] | None:
    try:
        from natasha import Doc, NewsEmbedding, NewsNERTagger, Segmenter
    except ImportError:
        return None
    segmenter, tagger = Segmenter(), NewsNERTagger(NewsEmbedding())

    def find(text: str) -> list[Span]:
        doc = Doc(text)
        doc.segment(segmenter)
        doc.tag_ner(tagger)
        return [(s.start, s.stop) for s in doc.spans if s.type == "PER"]

    return find


def pymorphy_finder() -> Callable[[str], list[Span]]:
    import pymorphy3

    morph = pymorphy3.MorphAnalyzer()
    tags = ("Name", "Surn", "Patr")

    def is_name(word: str) -> bool:
        return any(t in p.tag for p in morph.parse(word) for t in tags)

    def find(text: str) -> list[Span]:
        out: list[Span] = []
        run: Span | None = None
        for match in _WORD_RE.finditer(text):
            if not is_name(match.group()):
                continue
            if run is not None and text[run[1] : match.start()] == " ":
                run = (run[0], match.end())
                out[-1] = run
            else:
                run = (match.start(), match.end())
                out.append(run)
        return out

    return find


def score(gold: list[Span], found: list[Span]) -> tuple[int, int]:
    """(exact matches, overlap matches): each gold span counted once."""
    exact = len(set(gold) & set(found))
    free = list(gold)
    overlap = 0
    for start, end in found:
        for i, (g_start, g_end) in enumerate(free):
            if start < g_end and g_start < end:
                overlap += 1
                del free[i]
                break
    return exact, overlap


def _row(name: str, gold: int, found: int, exact: int, overlap: int) -> str:
    def prf(hit: int) -> str:
        p = hit / found if found else 0.0
        r = hit / gold if gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return f"{p:6.3f} {r:6.3f} {f:6.3f}"

    return f"{name:<10} {found:>6}  {prf(exact)}   {prf(overlap)}"


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dirs", nargs="+", type=Path)
    args = parser.parse_args(list(argv) if argv is not None else None)
    docs = [
        gold_persons(path.with_suffix(""))
        for d in args.dirs
        for path in sorted(d.glob("*.objects"))
    ]
    if not docs:
        parser.error("no *.objects files in the given folders")
    gold_total = sum(len(g) for _, g in docs)
    finders = {
        "translit": translit_finder(),
        "no NER": translit_finder(ner=False),
        "pymorphy3": pymorphy_finder(),
    }
    found_natasha = natasha_finder()
    if found_natasha is not None:
        finders["natasha"] = found_natasha
    else:
        print("note: natasha not installed (pip install natasha)", file=sys.stderr)
    print(f"{len(docs)} documents, {gold_total} person mentions")
    head = f"{'P':>6} {'R':>6} {'F1':>6}"
    print(f"{'':<10} {'':>6}  {'exact':^20}   {'overlap':^20}")
    print(f"{'finder':<10} {'found':>6}  {head}   {head}")
    for name, find in finders.items():
        found = exact = overlap = 0
        for text, gold in docs:
            spans = find(text)
            e, o = score(gold, spans)
            found += len(spans)
            exact += e
            overlap += o
        print(_row(name, gold_total, found, exact, overlap))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
