"""Build the attested name development set (``tests/data/devset/``) from saved public files.

Usage: ``python scripts/build_devset.py [SOURCES_DIR] [--out DIR]``

``SOURCES_DIR`` (default ``../shared/names-sources``) holds raw copies of files of the
public repository everypolitician/everypolitician-data: ``everypolitician-2015/`` (one
commit of November 2015), ``everypolitician-upstream/`` (newer copies, each file's commit
listed in its ``SOURCES.md``) and ``everypolitician-2015-other/`` (legislatures whose
members' names are mostly not of Cyrillic origin). Nothing else is read; no network.

It writes into ``--out`` (default ``tests/data/devset``):

- ``sources.tsv``: one row per source file read (id, repository, path, commit);
- ``persons.tsv``: one row per person (id, country, Wikidata id, split, slavic flag);
- ``tune.tsv`` / ``measure.tsv``: one row per distinct spelling of a person (person,
  spelling, conventions, script, form, source ids), split by a hash of the person id;
- ``hard_negatives.tsv``: pairs of spellings of different persons that look alike;
- ``open_world.tsv``: names of members of 40 other legislatures (not Cyrillic-origin,
  except those marked), for pass-through tests;
- ``dropped.tsv``: counts of what was left out and why;
- ``README.md``: the format, the rules and the counts of this build.

The row types are those the bench reads (:mod:`bench.devset`). ``organisations.tsv`` and
``open_world_review.tsv`` in the same folder are written by hand.

How a spelling gets its convention: a Wikidata label or a Wikipedia article title keeps
its language code (``hu``, ``nl``, ``be-tarask``, ...); a spelling of an official record
(``sources/morph/data.csv`` or ``members.csv``) gets ``official:<country>-<script>``; a
spelling found only in ``names.csv`` gets ``names:<country>``.
Wikidata items are tied to everypolitician person ids through shared spellings.

The rules that mark a name of Cyrillic origin in the open-world list are in
:func:`slavic_evidence`; ``open_world_review.tsv`` (hand-written, next to the output)
holds the decisions taken by reading the flagged names, and overrides the rule.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import os
import re
import sys
import tempfile
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script: the dev set's row type lives in bench/
    sys.path.insert(0, str(ROOT))

from bench.devset import ROW_COLUMNS, OpenName  # noqa: E402
from bench.devset import Spelling as Row  # noqa: E402

DEFAULT_SOURCES = ROOT.parent / "shared" / "names-sources"
DEFAULT_OUT = ROOT / "tests" / "data" / "devset"
REPOSITORY = "everypolitician/everypolitician-data"
SNAPSHOT_2015 = "0642e77ac8a13bcd8017b245825c3aba349d3e6a"

COUNTRIES: dict[str, str] = {
    "Ukraine": "ua",
    "Belarus": "by",
    "Uzbekistan": "uz",
    "Tajikistan": "tj",
    "Azerbaijan": "az",
    "Armenia": "am",
    "Georgia": "ge",
    "Moldova": "md",
    "Bulgaria": "bg",
    "Serbia": "rs",
    "Macedonia": "mk",
    "Mongolia": "mn",
    "Estonia": "ee",
    "Latvia": "lv",
    "Lithuania": "lt",
}
"""The development set's countries (folder name -> ISO 3166 code)."""

OFFICIAL_COLUMNS = (
    "name",
    "sort_name",
    "name__en",
    "sort_name__en",
    "wikiname",
    "name__bg",
    "sort_name__bg",
    "name__mn",
    "name__tj",
)
"""Columns of the official records (``sources/morph/data.csv``, ``members.csv``) that
hold a whole name. Their spellings get the convention ``official:<country>-<script>``
(``official:ua-cyrl``, ``official:bg-latn``)."""
SURNAME_FIRST_COLUMNS = frozenset({"sort_name__en", "sort_name__bg"})
"""Record columns whose names are written surname first (Bulgaria: ``YACHEV BORIS``)."""

SCRIPTS_KEPT = frozenset({"Cyrillic", "Latin"})
"""The scripts of the core set; spellings in other scripts (Greek, Georgian, Armenian,
Arabic, Hebrew, CJK ...) are kept too, each under its own script, unless ``--core``."""
SPLITS = ("tune", "measure")
PATRONYMIC = re.compile(
    r"(?:ovich|evich|ovych|evych|ovna|evna|ivna|yivna|ïvna|ovič|evič|ovics|evics|ovitsj|evitsj"
    r"|owitsch|ewitsch|ovitch|evitch|ovici|evici|ovitx|evitx|owicz|ewicz|owycz|ewycz|ovitš"
    r"|ovitš|ovitj|ovytj|ovits|evits|ovych|ovyč|ovytš|ovna|ovne|ivnė|ovnė|evnė|ovnа"
    r"|ович|евич|ьевич|овна|евна|ьевна|івна|ївна|авіч|евіч|аўна|еўна|ич|оглы|кызы|qizi|o'g'li"
    r"|oʻgʻli|ogly|oglu|oğlu|kyzy|qyzy|uly|ұлы|қызы)$",
    re.IGNORECASE,
)
"""A word that ends like a patronymic in one of the dev set's conventions."""
INITIAL = re.compile(r"^\w{1,2}\.$")


# ---------------------------------------------------------------- text helpers


def tidy(text: str) -> str:
    """NFC, single spaces, a trailing disambiguator such as ``(polityk)`` removed."""
    text = unicodedata.normalize("NFC", text)
    text = re.sub(r"\s*\([^()]*\)\s*$", "", text)
    return " ".join(text.split())


def script_of(text: str) -> str:
    """``Cyrillic``, ``Latin``, ``mixed`` (Latin and Cyrillic letters) or the name of
    the first other script met (``Greek``, ``Arabic``, ``CJK``, ...); ``none`` without
    letters."""
    found: set[str] = set()
    for ch in text:
        name = unicodedata.name(ch, "")
        if not ch.isalpha() or name.startswith("MODIFIER"):
            continue
        first = name.split(" ")[0] if name else "unknown"
        if first in ("CJK", "HIRAGANA", "KATAKANA", "HANGUL"):
            first = "CJK"
        found.add(first.capitalize() if first != "CJK" else first)
    if not found:
        return "none"
    if found <= SCRIPTS_KEPT:
        return "mixed" if len(found) == 2 else next(iter(found))
    return sorted(found - SCRIPTS_KEPT)[0]


def form_of(text: str, surname_first: bool = False) -> str:
    """The shape of a spelling: ``single`` (one word), ``initials`` (a word like ``A.``),
    ``comma`` (``Surname, Given``), ``full`` (given-first, or order unknown),
    ``surname-first`` (``Surname Given Patronymic``, or ``surname_first`` said so);
    ``+patr`` when a word is a patronymic, else ``+middle`` when three or more words
    (a middle name, or a patronymic of surname shape as in Bulgarian); ``+caps`` when
    written in capitals."""
    words = text.replace(",", " , ").split()
    letters = [w for w in words if w != ","]
    caps = any(c.isalpha() for c in text) and text == text.upper() and len(letters) > 0
    if any(INITIAL.match(w) for w in letters):
        base = "initials"
    elif len(letters) == 1:
        base = "single"
    elif "," in words:
        base = "comma"
    else:
        base = "full"
    patr_at = [i for i, w in enumerate(letters) if i > 0 and PATRONYMIC.search(w.strip("."))]
    patr_last = bool(patr_at) and patr_at[-1] == len(letters) - 1 and len(letters) >= 3
    if base == "full" and (patr_last or surname_first):
        base = "surname-first"
    tags = [base]
    if patr_at:
        tags.append("patr")
    elif base in ("full", "surname-first") and len(letters) >= 3:
        tags.append("middle")
    if caps:
        tags.append("caps")
    return "+".join(tags)


def _fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if c.isalpha())


def _likeness(word: str, known: Iterable[str]) -> float:
    return max((SequenceMatcher(None, word, k).ratio() for k in known), default=0.0)


def surname_first_names(spellings: Iterable[tuple[str, Iterable[str]]]) -> set[str]:
    """Of one person's spellings (name, conventions), those written surname first without
    a comma and without a patronymic to tell (``AGEEV ALEKSANDR``, ``Brega Gheorghe``).
    The person's given names and surnames are learnt per script from the spellings whose
    order is known: ``Surname, Given`` forms, and Wikidata labels without a comma (given
    name first); a spelling is surname first when its first word is much more like a
    known surname, and its last word like a known given name, than the other way round."""
    rows = [(name, set(convs)) for name, convs in spellings]
    given: dict[str, set[str]] = defaultdict(set)
    surname: dict[str, set[str]] = defaultdict(set)
    for name, convs in rows:
        words = name.replace(",", " , ").split()
        script = script_of(name)
        if "," in words:
            i = words.index(",")
            if 0 < i < len(words) - 1:
                surname[script].add(_fold(words[i - 1]))
                given[script].add(_fold(words[i + 1]))
        elif len(words) >= 2 and form_of(name).startswith("full") and _labelled(convs):
            given[script].add(_fold(words[0]))
            surname[script].add(_fold(words[-1]))
    out = set()
    for name, _ in rows:
        words = name.split()
        script = script_of(name)
        if "," in name or len(words) < 2 or not given[script] or not surname[script]:
            continue
        first, last = _fold(words[0]), _fold(words[-1])
        as_given_first = _likeness(first, given[script]) + _likeness(last, surname[script])
        as_surname_first = _likeness(first, surname[script]) + _likeness(last, given[script])
        if as_surname_first > as_given_first + 0.3:
            out.add(name)
    return out


def _labelled(conventions: set[str]) -> bool:
    """Whether a spelling is a Wikidata label (not only an official record or names.csv)."""
    return any(not c.startswith(("official:", "names:")) for c in conventions)


def split_of(person: str) -> str:
    """``tune`` or ``measure``: a stable hash of the person id."""
    digest = hashlib.sha256(person.encode("utf-8")).digest()
    return SPLITS[digest[0] % 2]


# Words that look like a transcribed Russian, Ukrainian, Belarusian or Bulgarian surname or
# patronymic: endings in Latin script (English, German, French, Dutch, Polish conventions)
# and in Cyrillic; and Russian/Ukrainian given names as English-language text writes them.
_LATIN_END = re.compile(
    r"(?:[^aeiouy]ov|[^aeiouy]ova|[^aeiouy]ev|[^aeiouy]eva|yev|yeva|jev|jeva|enko|chuk|czuk"
    r"|tchouk|sky|skiy|skii|skyi|skij|skaya|skaja|ovych|evych|ovich|shin|zhin|khin|ykin|ukin|yshin|itsin|ytsin|utin|yonok|yonak"
    r"|evich|ovitch|evitch|ovitsj|ovna|evna|ivna|[^aeiouy]ow)$",
    re.IGNORECASE,
)
_CYRILLIC_END = re.compile(
    r"(?:ов|ова|ев|ева|ёв|ёва|ин|ина|енко|ук|юк|ський|ский|ская|ська|ович|евич|овна|евна|івна)$",
    re.IGNORECASE,
)
RUSSIAN_GIVEN = frozenset(
    "vladimir sergei sergey aleksandr alexandr oleksandr dmitri dmitry dmitriy yuri yury"
    " yuriy mikhail nikolai nikolay mykola volodymyr tatiana tatyana svetlana ksenia yulia"
    " anatoly anatoliy vyacheslav yevgeny evgeny evgeni oleg vadim valery valeriy vitaly"
    " vitaliy leonid lyudmila ludmila natalya nataliya yekaterina ekaterina anastasia"
    " gennady gennadiy arkady arkadiy yevgeniy yevgenia evgenia".split()
)


def slavic_evidence(name: str) -> str:
    """The words of ``name`` that look like a transcribed Russian/Ukrainian/Belarusian/
    Bulgarian surname, patronymic or given name (space-separated), or ``""``. A rule for
    flagging only: a person reads the flagged names (``open_world_review.tsv``)."""
    hits = []
    cyrillic = script_of(name) == "Cyrillic"
    for word in re.split(r"[\s,]+", name):
        w = word.strip(".'\"()-")
        ending = _CYRILLIC_END if cyrillic else _LATIN_END
        if (len(w) >= 5 and ending.search(w)) or w.casefold() in RUSSIAN_GIVEN:
            hits.append(w)
    return " ".join(hits)


# ---------------------------------------------------------------- reading


@dataclass(frozen=True)
class Source:
    """One file read: its short id in the output, and where it comes from."""

    sid: str
    path: str
    commit: str


@dataclass
class Collected:
    """One distinct spelling of one person, with every convention and source seen."""

    person: str
    name: str
    conventions: set[str] = field(default_factory=set)
    sources: list[str] = field(default_factory=list)


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def upstream_commits(sources_dir: Path) -> dict[str, str]:
    """``<Country>/<House>/<path>`` -> commit, from the upstream copy's SOURCES.md."""
    out = {}
    text = (sources_dir / "everypolitician-upstream" / "SOURCES.md").read_text(encoding="utf-8")
    for m in re.finditer(r"^\| ([^|]+?) \| `([0-9a-f]{40})` \|", text, re.MULTILINE):
        out[m.group(1).strip()] = m.group(2)
    return out


class Builder:
    """Collects the spellings of every person of the dev set's countries."""

    def __init__(self, sources_dir: Path, core: bool = False) -> None:
        self.dir = sources_dir
        self.core = core  # only Latin and Cyrillic spellings
        self.sources: dict[str, Source] = {}
        self.spellings: dict[tuple[str, str], Collected] = {}
        self.country: dict[str, str] = {}
        self.wikidata: dict[str, str] = {}
        self.surname_first: set[tuple[str, str]] = set()
        self.dropped_spellings: set[tuple[str, str]] = set()
        self.dropped: Counter[str] = Counter()
        self.commits = upstream_commits(sources_dir)

    def source(self, tree: str, rel: str) -> str:
        """The id of a source file (registered on first use)."""
        commit = SNAPSHOT_2015 if tree == "everypolitician-2015" else self.commits[rel]
        key = f"{tree}/{rel}"
        if key not in self.sources:
            sid = f"s{len(self.sources) + 1}"
            self.sources[key] = Source(sid, f"data/{rel}", commit)
        return self.sources[key].sid

    def add(self, person: str, name: str, convention: str, sid: str, country: str) -> None:
        name = tidy(name)
        if not name:
            return
        script = script_of(name)
        if script in ("mixed", "none") or (self.core and script not in SCRIPTS_KEPT):
            if (person, name) not in self.dropped_spellings:
                self.dropped_spellings.add((person, name))
                self.dropped[f"spelling in script {script}"] += 1
            return
        self.country.setdefault(person, country)
        sp = self.spellings.setdefault((person, name), Collected(person, name))
        sp.conventions.add(convention)
        if sid not in sp.sources:
            sp.sources.append(sid)

    def houses(self) -> Iterator[tuple[str, str, str]]:
        """(tree, ``<Country>/<House>``, ISO code) of every house present."""
        for tree in ("everypolitician-upstream", "everypolitician-2015"):
            for country, code in COUNTRIES.items():
                base = self.dir / tree / country
                if base.is_dir():
                    for house in sorted(p.name for p in base.iterdir() if p.is_dir()):
                        yield tree, f"{country}/{house}", code

    def build(self) -> None:
        """Read every house, then merge the ids that name one person (see :meth:`merge`)."""
        for tree, rel, code in self.houses():
            self.read_house(tree, rel, code)
        self.merge()

    def read_house(self, tree: str, rel: str, code: str) -> None:
        base = self.dir / tree / rel
        names_path = base / "names.csv"
        owner: dict[str, set[str]] = defaultdict(set)
        names_rows = read_csv(names_path) if names_path.exists() else []
        for row in names_rows:
            owner[tidy(row["name"])].add(row["id"])
        # Labels and official records first, so that a names.csv spelling they explain
        # gets their convention rather than "names:<country>".
        morph = f"{rel}/sources/morph"
        if (self.dir / tree / morph / "wikidata.csv").exists():
            self.read_wikidata(tree, f"{morph}/wikidata.csv", owner, code)
        for record in ("data.csv", "members.csv"):
            if (self.dir / tree / morph / record).exists():
                self.read_official(tree, f"{morph}/{record}", owner, code)
        if names_rows:
            sid = self.source(tree, f"{rel}/names.csv")
            for row in names_rows:
                name, person = tidy(row["name"]), row["id"]
                if (person, name) in self.spellings:
                    if sid not in self.spellings[(person, name)].sources:
                        self.spellings[(person, name)].sources.append(sid)
                else:
                    self.add(person, name, f"names:{code}", sid, code)

    def read_wikidata(self, tree: str, rel: str, owner: dict[str, set[str]], code: str) -> None:
        sid = self.source(tree, rel)
        for row in read_csv(self.dir / tree / rel):
            qid = row["id"]
            labels = [
                (k.removeprefix("name__").replace("_", "-"), v)
                for k, v in row.items()
                if k and k.startswith("name__") and v and v != qid
            ]
            votes = Counter(p for _, v in labels for p in owner.get(tidy(v), ()))
            person = _most_voted(votes) if votes else f"wd:{qid}"
            self.wikidata.setdefault(person, qid)
            for lang, label in labels + wikipedia_titles(row):
                self.add(person, label, lang, sid, code)

    def read_official(self, tree: str, rel: str, owner: dict[str, set[str]], code: str) -> None:
        sid = self.source(tree, rel)
        for row in read_csv(self.dir / tree / rel):
            values = [(c, tidy(row[c])) for c in OFFICIAL_COLUMNS if row.get(c)]
            votes = Counter(p for _, v in values for p in owner.get(v, ()))
            if not votes:
                self.dropped["official record row with no everypolitician person"] += 1
                continue
            person = _most_voted(votes)
            for column, value in values:
                script = "cyrl" if script_of(value) == "Cyrillic" else "latn"
                self.add(person, value, f"official:{code}-{script}", sid, code)
                if column in SURNAME_FIRST_COLUMNS and "," not in value:
                    self.surname_first.add((person, value))

    def merge(self) -> None:
        """Merge person ids that are one person: everypolitician gives some members one id
        per term, and a Wikidata item may stand alone in one copy. Two ids of one country
        are merged when they share a Wikidata item, or a spelling of three or more words,
        or a spelling and no convention in which both have spellings, all different (two
        namesakes differ in their patronymic or middle initial somewhere)."""
        parent: dict[str, str] = {}

        def find(p: str) -> str:
            while parent.get(p, p) != p:
                p = parent[p]
            return p

        def union(a: str, b: str) -> None:
            ra, rb = find(a), find(b)
            if ra != rb:
                lo, hi = sorted((ra, rb), key=lambda p: (p.startswith("wd:"), p))
                parent[hi] = lo

        by_q: dict[str, str] = {}
        for person, qid in self.wikidata.items():
            union(person, by_q.setdefault(qid, person))
        owners: dict[tuple[str, str], set[str]] = defaultdict(set)
        labelled: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        for (person, name), sp in self.spellings.items():
            owners[(self.country[person], name)].add(person)
            for conv in sp.conventions:
                if conv.startswith("names:"):
                    continue
                labelled[person][conv].add(name)
        for (_, name), persons in sorted(owners.items()):
            ordered = sorted(persons)
            for a in ordered:
                for b in ordered:
                    if a < b and find(a) != find(b):
                        if len(name.split()) >= 3 or not _conflict(labelled[a], labelled[b]):
                            union(a, b)
        merged: dict[tuple[str, str], Collected] = {}
        for (person, name), sp in self.spellings.items():
            root = find(person)
            self.country.setdefault(root, self.country[person])
            into = merged.setdefault((root, name), Collected(root, name))
            into.conventions |= sp.conventions
            into.sources += [s for s in sp.sources if s not in into.sources]
        self.dropped["person ids merged into another"] = len(
            {p for p, _ in self.spellings} - {p for p, _ in merged}
        )
        self.spellings = merged
        self.wikidata = {find(p): q for p, q in self.wikidata.items()}
        self.surname_first = {(find(p), name) for p, name in self.surname_first}


def wikipedia_titles(row: dict[str, str]) -> list[tuple[str, str]]:
    """(language, title) of the Wikipedia articles of a ``wikidata.csv`` row: the
    ``wikipedia__<lang>`` columns of language editions (not Commons, Simple English, nor
    the ``<lang>wiki...`` sister projects), titles without ``/`` or ``:`` (subpages,
    namespaces); a title's disambiguator is removed later by :func:`tidy`."""
    out = []
    for column, title in row.items():
        if not (column and column.startswith("wikipedia__") and title):
            continue
        edition = column.removeprefix("wikipedia__")
        if edition in ("commons", "simple", "species") or "wiki" in edition:
            continue
        if "/" in title or ":" in title:
            continue
        lang = {"be_x_old": "be-tarask", "bat_smg": "sgs"}.get(edition, edition.replace("_", "-"))
        out.append((lang, title))
    return out


def _most_voted(votes: Counter[str]) -> str:
    """The id with most votes; of equals, the smallest (the result never depends on the
    order the votes came in)."""
    return min(votes, key=lambda p: (-votes[p], p))


def _conflict(a: dict[str, set[str]], b: dict[str, set[str]]) -> bool:
    """Whether two persons have spellings of one labelled convention, all different."""
    return any(conv in b and not (names & b[conv]) for conv, names in a.items())


# ---------------------------------------------------------------- output


def _source_order(sid: str) -> int:
    return int(sid.removeprefix("s"))


def write_text(path: Path, text: str) -> None:
    """Write a text file atomically (temp file + rename)."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_tsv(path: Path, header: Iterable[str], rows: Iterable[Iterable[object]]) -> int:
    """Write a TSV atomically (temp file + rename); returns the number of rows."""
    n = 0
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write("\t".join(header) + "\n")
            for row in rows:
                cells = [str(c) for c in row]
                if any("\t" in c or "\n" in c for c in cells):
                    raise ValueError(f"{path.name}: a tab or newline inside {cells}")
                f.write("\t".join(cells) + "\n")
                n += 1
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return n


def cells(row: Row) -> tuple[str, ...]:
    """A dev-set row as the cells of ``tune.tsv`` / ``measure.tsv`` (:data:`ROW_COLUMNS`)."""
    return (
        row.person,
        row.name,
        ",".join(row.conventions),
        row.script,
        row.form,
        ",".join(row.sources),
    )


@dataclass(frozen=True)
class Negative:
    """Two spellings of different persons, of one country and script, that look alike."""

    a: Row
    b: Row
    category: str


def _words(name: str) -> list[str]:
    return name.replace(",", " ").casefold().split()


def word_roles(name: str, form: str) -> list[str]:
    """The role of each word of a spelling (``given``, ``surname``, ``patronymic``,
    ``middle``), from its form: ``Surname, Given ...``, ``Surname Given ...``, or given
    name first and surname last; a word with a patronymic ending is a patronymic."""
    words = name.replace(",", " , ").split()
    if form.startswith("comma") and "," in words:
        i = words.index(",")
        roles = ["surname"] * i + ["given"] + ["middle"] * (len(words) - i - 2)
        words = words[:i] + words[i + 1 :]
    elif form.startswith("surname-first"):
        roles = ["surname", "given"] + ["middle"] * (len(words) - 2)
    else:
        roles = ["given"] + ["middle"] * (len(words) - 2) + ["surname"]
    return [
        "patronymic" if r != "surname" and k > 0 and PATRONYMIC.search(w) else r
        for k, (w, r) in enumerate(zip(words, roles, strict=True))
    ]


def negative_category(x: Row, y: Row) -> str:
    """Why two spellings of different persons look alike: ``identical`` (the same words),
    ``given-name`` (only the given name differs: namesakes by surname), ``surname``,
    ``patronymic`` (only the patronymic or middle name differs), ``other`` (the words
    differ in different roles)."""
    wx, wy = Counter(_words(x.name)), Counter(_words(y.name))
    only_x, only_y = list((wx - wy).elements()), list((wy - wx).elements())
    if not only_x:
        return "identical"
    rx = word_roles(x.name, x.form)[_words(x.name).index(only_x[0])]
    ry = word_roles(y.name, y.form)[_words(y.name).index(only_y[0])]
    if rx != ry:
        return "other"
    return {"middle": "patronymic", "given": "given-name"}.get(rx, rx)


NEGATIVE_CAPS = {
    "given-name": 400,
    "patronymic": 400,
    "identical": 400,
    "other": 200,
    "surname": 100,
}
"""At most this many hard negatives per category and country (the easy ``surname`` pairs,
same given name and another surname, are many)."""


def hard_negatives(rows: list[Row], country: dict[str, str]) -> list[Negative]:
    """Pairs of spellings of different persons, of one country and one script, whose
    words are the same but for one, or all the same (see :func:`negative_category`); at
    most :data:`NEGATIVE_CAPS` per category and country, taken evenly from the sorted
    candidates."""
    buckets: dict[tuple[str, ...], list[Row]] = defaultdict(list)
    for r in rows:
        words = _words(r.name)
        if len(words) < 2:
            continue
        head = (country[r.person], r.script, str(len(words)))
        for i in range(len(words)):
            rest = sorted(words[:i] + words[i + 1 :])
            buckets[(*head, *rest)].append(r)
    found: dict[tuple[str, str], Negative] = {}
    for members in buckets.values():
        for x in members:
            for y in members:
                if x.person < y.person and (x.name, y.name) not in found:
                    found[(x.name, y.name)] = Negative(x, y, negative_category(x, y))
    by_group: dict[tuple[str, str], list[Negative]] = defaultdict(list)
    for neg in sorted(found.values(), key=lambda n: (n.a.person, n.a.name, n.b.person, n.b.name)):
        by_group[(country[neg.a.person], neg.category)].append(neg)
    out: list[Negative] = []
    for (_, category), group in by_group.items():
        cap = NEGATIVE_CAPS[category]
        step = max(1, len(group) // cap)
        out += group[::step][:cap]
    return out


def open_world(builder: Builder) -> list[OpenName]:
    """Every distinct spelling of every member of the other legislatures."""
    base = builder.dir / "everypolitician-2015-other"
    out: dict[tuple[str, str], OpenName] = {}
    for names_path in sorted(base.glob("*/*/names.csv")):
        rel = names_path.relative_to(base).as_posix()
        country = rel.split("/")[0]
        builder.commits.setdefault(rel, SNAPSHOT_2015)
        sid = builder.source("everypolitician-2015", rel)
        for row in read_csv(names_path):
            name = tidy(row["name"])
            if name and (row["id"], name) not in out:
                script = script_of(name)
                evidence = slavic_evidence(name) if script == "Latin" else ""
                origin = "flagged" if evidence else "no"
                out[(row["id"], name)] = OpenName(
                    name, row["id"], country, script, origin, evidence, sid
                )
    return sorted(out.values(), key=lambda o: (o.country, o.person, o.name))


def read_review(path: Path) -> dict[str, tuple[str, str]]:
    """name -> (decision, note) from the hand-written review of flagged names."""
    if not path.exists():
        return {}
    out = {}
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            if row["decision"] not in ("yes", "no", "unsure"):
                raise ValueError(f"{path.name}: decision must be yes, no or unsure: {row}")
            out[row["name"]] = (row["decision"], row["note"])
    return out


def origin_decisions(
    names: Iterable[OpenName], review: dict[str, tuple[str, str]]
) -> dict[str, str]:
    """person -> the reviewed decision about the origin of their name: ``yes`` when one of
    the person's spellings was judged of Cyrillic origin, else ``unsure`` when one was
    judged unsure, else ``no``; persons none of whose spellings was reviewed are absent."""
    rank = {"no": 0, "unsure": 1, "yes": 2}
    out: dict[str, str] = {}
    for o in names:
        if o.name in review:
            decision = review[o.name][0]
            if rank[decision] >= rank[out.get(o.person, "no")]:
                out[o.person] = decision
    return out


def devset_rows(builder: Builder) -> list[Row]:
    """The spellings of the persons with two or more, in (country, person, name) order."""
    counts = Counter(sp.person for sp in builder.spellings.values())
    builder.dropped["person with one spelling"] = sum(1 for c in counts.values() if c < 2)
    kept = sorted(
        (sp for sp in builder.spellings.values() if counts[sp.person] >= 2),
        key=lambda sp: (builder.country[sp.person], sp.person, sp.name),
    )
    by_person: dict[str, list[tuple[str, set[str]]]] = defaultdict(list)
    for sp in kept:
        by_person[sp.person].append((sp.name, sp.conventions))
    reversed_order = builder.surname_first | {
        (p, name) for p, names in by_person.items() for name in surname_first_names(names)
    }
    slavic = {
        p: any(script_of(n) == "Cyrillic" and slavic_evidence(n) for n, _ in names)
        for p, names in by_person.items()
    }
    return [
        Row(
            person=sp.person,
            name=sp.name,
            conventions=tuple(sorted(sp.conventions)),
            script=script_of(sp.name),
            form=form_of(sp.name, (sp.person, sp.name) in reversed_order),
            sources=tuple(sorted(sp.sources, key=_source_order)),
            country=builder.country[sp.person],
            slavic_form="yes" if slavic[sp.person] else "no",
        )
        for sp in kept
    ]


def write_persons(out: Path, builder: Builder, rows: list[Row]) -> list[str]:
    """``persons.tsv``; returns the person ids in file order."""
    counts = Counter(r.person for r in rows)
    persons = sorted(counts, key=lambda p: (builder.country[p], p))
    slavic = {r.person: r.slavic_form for r in rows}
    write_tsv(
        out / "persons.tsv",
        ("person", "country", "wikidata", "split", "spellings", "slavic_form"),
        (
            (
                p,
                builder.country[p],
                builder.wikidata.get(p, ""),
                split_of(p),
                counts[p],
                slavic[p],
            )
            for p in persons
        ),
    )
    return persons


def write_open_world(out: Path, builder: Builder) -> list[OpenName]:
    """``open_world.tsv``, the review applied; returns its rows."""
    opens = open_world(builder)
    origin = origin_decisions(opens, read_review(out / "open_world_review.tsv"))
    marked = [
        replace(o, cyrillic_origin=origin[o.person]) if o.person in origin else o for o in opens
    ]
    write_tsv(
        out / "open_world.tsv",
        ("name", "person", "country", "script", "cyrillic_origin", "evidence", "source"),
        (
            (o.name, o.person, o.country, o.script, o.cyrillic_origin, o.evidence, o.source)
            for o in marked
        ),
    )
    return marked


README_HEAD = """# Attested name development set

Real, attested spellings of the names of members of 14 legislatures of post-Soviet and
Cyrillic-script countries (Uzbekistan's files are read too, but give each member one
spelling only), one row per distinct spelling of a person, for measuring
`translit key` / `normalize` (`python bench/names.py --quality --devset`). Generated: do
not edit by hand (except `open_world_review.tsv`); rebuild with

    python scripts/build_devset.py ../shared/names-sources

from the saved copies of the public files listed in `sources.tsv` (repository
`everypolitician/everypolitician-data`; the November 2015 commit
`{snapshot}` and newer per-file commits). Nothing from
Kazakhstan, Kyrgyzstan or Russia, nor from the other legislatures held back for
evaluation, is read. `tests/bench/test_devset.py` checks the files.

## Files

- `tune.tsv`, `measure.tsv`: one row per distinct spelling of a person: `person`, `name`,
  `conventions`, `script`, `form`, `sources`.
- `persons.tsv`: one row per person: `person`, `country`, `wikidata`, `split`,
  `spellings`, `slavic_form`.
- `hard_negatives.tsv`: pairs of look-alike spellings of two persons: `a`, `b`,
  `category`, `country`, `person_a`, `person_b`.
- `open_world.tsv`: every distinct spelling of the members of 40 other legislatures:
  `name`, `person`, `country`, `script`, `cyrillic_origin`, `evidence`, `source`.
- `open_world_review.tsv` (written by hand): the review of the flagged open-world names:
  `name`, `decision`, `note`.
- `organisations.tsv` (written by hand, not by the script): 113 company names (DAX,
  MDAX, part of the Nikkei 225) transcribed from three public files of other
  repositories, each row with its `repository`, `path` and `commit`; for pass-through.
- `sources.tsv`: the files read: `id`, `repository`, `path`, `commit`.
- `dropped.tsv`: what was left out and why: `reason`, `count`.

## Fields and rules

- **person**: the everypolitician person id (a UUID), or `wd:<Wikidata id>` for a Wikidata
  item that no everypolitician id of the copy shares a spelling with. Ids that name one
  person are merged (everypolitician gives some members one id per term): ids of one
  country that share a Wikidata item, a spelling of three or more words, or a spelling
  and no convention in which both have spellings, all different (namesakes differ in a
  patronymic or middle initial somewhere).
- **conventions**: every convention the spelling is attested in, comma-separated: the
  language of a Wikidata label or of a Wikipedia article title (disambiguator removed)
  (`ru`, `uk`, `be`, `be-tarask`, `bg`, `sr-el`, `hu`, `nl`, ...);
  `official:<country>-<script>` for the parliament's own record
  (`sources/morph/data.csv` or `members.csv`; `cyrl` or `latn`: `official:ua-cyrl`,
  `official:bg-latn`, `official:tj-cyrl` for Tajik); `names:<country>` for a spelling
  found only in `names.csv` (gathered by everypolitician from the parliament's sites and
  other sources, language unknown).
- **script**: `Latin`, `Cyrillic`, or the other script of the spelling (`CJK`,
  `Armenian`, `Arabic`, `Georgian`, `Hebrew`, `Greek`, ...): Wikidata labels a person in
  every script, and so do the held-back sets. Spellings that mix Latin and Cyrillic
  letters are dropped and counted in `dropped.tsv`, once per person id and spelling,
  before ids are merged. `--core` keeps Latin and Cyrillic spellings only (the set as
  it was before 2026-12-07).
- **form**: `full` (given name first, or order unknown), `surname-first` (told by a
  patronymic at the end, or by comparing with the person's other spellings), `comma`
  (`Surname, Given`), `single`, `initials`; `+patr` when a word ends like a patronymic,
  `+middle` for three or more words otherwise (a middle name, or a Bulgarian patronymic,
  which looks like a surname), `+caps` for capitals.
- **sources**: ids of `sources.tsv`: every file the spelling was read from.
- **split**: `tune` when the first byte of SHA-256 of the person id is even, else
  `measure`; all spellings of a person are in one part.
- **slavic_form**: `yes` when one of the person's Cyrillic spellings has a word with a
  Russian/Ukrainian/Belarusian/Bulgarian surname or patronymic ending (a rule, not a
  review): Estonian, Latvian, Lithuanian, Moldovan, Georgian and Armenian members are
  mostly `no`, though their Russian labels are Cyrillic.
- **hard negatives**: spellings of two different persons of one country and script whose
  words are the same but for one, or all the same. `category`: `given-name` (only the
  given name differs: same surname), `surname` (only the surname differs), `patronymic`
  (only the patronymic or middle name differs: namesakes), `other` (the differing words
  have different roles), and `identical` (the same words: namesakes that no key can
  tell apart). Word roles come from the form. At most 400 pairs per category and
  country (`other`: 200, `surname`: 100).
- **open world**: every spelling in the `names.csv` of 40 legislatures outside the dev
  set (2015 commit). `cyrillic_origin`: `no`; `flagged` when a word has a Russian-looking
  ending or is a Russian given name (see `slavic_evidence` in the script: `evidence`
  holds the words); `yes` / `no` / `unsure` when a person read the flagged names
  (`open_world_review.tsv`; a decision on one spelling holds for the person's others).

## Known limits

- Bulgaria holds half of the spellings (its records give every member in Cyrillic and
  Latin, full and surname-first, for each term); per-country figures show the rest.
- Many Wikidata labels in small Latin-script languages copy the English label; such a
  spelling is one row whose `conventions` lists them all.
- A few persons remain under two ids (two Wikidata items of one person, or terms whose
  spellings share nothing exactly), and a few namesakes may share one id; the bench's
  precision counts both as they are. Identical spellings of two persons are reported
  apart (`P*`, and the `identical` negatives).
- Convention is the label language of Wikidata, not a checked transcription system: a
  label may follow another language's habits.
"""


def _table(title: str, counts: dict[str, tuple[int, int, int, int]]) -> list[str]:
    lines = [
        "",
        f"### {title}",
        "",
        f"| {title.split()[-1]} | spellings | persons | tune spellings | measure spellings |",
        "|---|---:|---:|---:|---:|",
    ]
    for label, (n, persons, tune, measure) in counts.items():
        lines.append(f"| `{label}` | {n} | {persons} | {tune} | {measure} |")
    return lines


def _bucket_counts(rows: list[Row], labels: Any) -> dict[str, tuple[int, int, int, int]]:
    n: Counter[str] = Counter()
    tune: Counter[str] = Counter()
    persons: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        for label in labels(r):
            n[label] += 1
            tune[label] += split_of(r.person) == "tune"
            persons[label].add(r.person)
    order = sorted(n, key=lambda k: (-n[k], k))
    return {k: (n[k], len(persons[k]), tune[k], n[k] - tune[k]) for k in order}


def write_readme(
    out: Path,
    builder: Builder,
    rows: list[Row],
    negatives: list[Negative],
    marked: list[OpenName],
) -> None:
    """``README.md``: the description above and the counts of this build."""
    country = {r.person: builder.country[r.person] for r in rows}
    conventions = _bucket_counts(rows, lambda r: r.conventions)
    big = {k: v for k, v in conventions.items() if v[0] >= 10}
    small = sorted(set(conventions) - set(big))
    lines = [README_HEAD.format(snapshot=SNAPSHOT_2015).rstrip(), "", "## Counts"]
    persons = Counter(split_of(p) for p in country)
    lines += [
        "",
        f"{len(rows)} spellings of {len(country)} persons (tune: {persons['tune']} persons, "
        f"measure: {persons['measure']}); {len(conventions)} conventions, "
        f"{sum(v[0] >= 30 for v in conventions.values())} of them with 30 spellings or more.",
    ]
    lines += _table("By country", _bucket_counts(rows, lambda r: (country[r.person],)))
    lines += _table("By script", _bucket_counts(rows, lambda r: (r.script,)))
    lines += _table("By form", _bucket_counts(rows, lambda r: (r.form,)))
    lines += _table("By convention", big)
    lines += ["", f"Conventions with fewer than 10 spellings: {', '.join(small)}."]
    cats = Counter(n.category for n in negatives)
    lines += ["", "### Hard negatives", "", "| category | pairs |", "|---|---:|"]
    lines += [f"| `{c}` | {k} |" for c, k in sorted(cats.items())]
    origin = Counter((o.script, o.cyrillic_origin) for o in marked)
    lines += [
        "",
        "### Open world",
        "",
        f"{len(marked)} spellings of {len({o.person for o in marked})} members of "
        f"{len({o.country for o in marked})} legislatures.",
        "",
        "| script | cyrillic_origin | spellings |",
        "|---|---|---:|",
    ]
    lines += [f"| {s} | `{m}` | {k} |" for (s, m), k in sorted(origin.items())]
    lines += ["", "### Dropped", "", "| reason | count |", "|---|---:|"]
    lines += [f"| {r} | {k} |" for r, k in sorted(builder.dropped.items())]
    write_text(out / "README.md", "\n".join(lines) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sources", nargs="?", type=Path, default=DEFAULT_SOURCES)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--core", action="store_true", help="Latin and Cyrillic spellings only")
    args = parser.parse_args(argv)
    if not (args.sources / "everypolitician-2015").is_dir():
        print(f"error: {args.sources} has no everypolitician-2015/ folder", file=sys.stderr)
        return 2
    builder = Builder(args.sources, core=args.core)
    builder.build()
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    rows = devset_rows(builder)
    persons = write_persons(out, builder, rows)
    header = ROW_COLUMNS
    for part in SPLITS:
        write_tsv(
            out / f"{part}.tsv", header, (cells(r) for r in rows if split_of(r.person) == part)
        )
    negatives = hard_negatives(rows, builder.country)
    write_tsv(
        out / "hard_negatives.tsv",
        ("a", "b", "category", "country", "person_a", "person_b"),
        (
            (n.a.name, n.b.name, n.category, builder.country[n.a.person], n.a.person, n.b.person)
            for n in negatives
        ),
    )
    marked = write_open_world(out, builder)
    write_tsv(
        out / "sources.tsv",
        ("id", "repository", "path", "commit"),
        ((s.sid, REPOSITORY, s.path, s.commit) for s in builder.sources.values()),
    )
    write_tsv(out / "dropped.tsv", ("reason", "count"), sorted(builder.dropped.items()))
    write_readme(out, builder, rows, negatives, marked)
    print(
        f"{len(rows)} spellings of {len(persons)} persons; {len(negatives)} hard negatives; "
        f"{len(marked)} open-world names -> {out}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
