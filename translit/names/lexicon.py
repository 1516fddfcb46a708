"""The name lexicon: Kazakh and Russian given names and surnames in Cyrillic.

It serves two purposes:

* **Spelling repair for keys.** Folding cannot know that ``j`` is ж in *Jomart* but й
  in *Tokajew*, or that German ``sch`` in *Schomart* is ж. For every known name the
  lexicon generates its spelling under each convention (romanization schemes and
  press transcriptions), and where a spelling folds differently from the Cyrillic
  name, records ``fold(spelling) -> fold(name)``.
* **Reconstruction.** An unknown Latin spelling is mapped back to Cyrillic
  (*Tokayev* -> Тоқаев) so that it can be re-rendered in any house style.

A Kazakh name of the name lists also keeps its Russian form (Ілиясова: Ильясова), which
the styles that romanize Kazakh names from their Russian form (``en``, ``official``)
write (see :func:`translit.names.spelling.lexicon_form`).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Final

from mypy_extensions import mypyc_attr

from translit._util.atomic import atomic_write_text
from translit._util.paths import cache_dir, data_json, data_path
from translit._util.tsv import read_tsv
from translit.errors import OutputError
from translit.letters import KAZAKH_ONLY, KK_TO_RU, has_kazakh
from translit.names.fold import fold_token

#: Conventions used to generate spellings (scheme ids; missing ones are skipped).
SPELLING_SCHEMES = (
    ("kk", "kz-2021"), ("kk", "kz-2018"), ("kk", "kz-2017"), ("kk", "iso9"),
    ("kk", "bgn-pcgn"), ("kk", "rferl"), ("kk", "official"), ("kk", "ala-lc"),
    ("kk", "kk-wikipedia"),
    ("ru", "bgn-pcgn"), ("ru", "icao-doc-9303"), ("ru", "wikipedia"), ("ru", "telegram"),
    ("ru", "mvd-310-fr"), ("ru", "gost-779-alt"), ("ru", "de-press"), ("ru", "fr-press"),
    ("ru", "pl-press"), ("ru", "tr-press"), ("ru", "es-press"),
)  # fmt: skip
_CYR_WORD_RE = re.compile(r"[\u0400-\u04ff]+")
# Schemes that write х as j (Spanish jota): a final -j after a consonant is a soft sign
# to the fold (Dostojevskij), so their spelling of a word in -х proposes another word.
_FINAL_J_SCHEMES = frozenset({"es-press"})
# Schemes that write ж as ш (German sch): their spellings of a name with ж are no
# evidence that a word with ш is that name.
_SCH_SCHEMES = frozenset({"de-press"})
# Surname suffix -> (masculine, feminine) endings; "-" means the stem is the whole surname.
_SUFFIX_FORMS: dict[str, tuple[str, ...]] = {
    "ов": ("ов", "ова"), "ев": ("ев", "ева"), "ёв": ("ёв", "ёва"), "ин": ("ин", "ина"),
    "ын": ("ын", "ына"), "ский": ("ский", "ская"), "цкий": ("цкий", "цкая"),
    "ой": ("ой", "ая"), "ый": ("ый", "ая"), "ых": ("ых",), "их": ("их",), "ко": ("ко",),
    "ук": ("ук",), "юк": ("юк",), "-": ("",),
}  # fmt: skip
_HARD_BEFORE_II = frozenset("гкхжшчщ")


def _surname_endings(stem: str, suffix: str, kazakh: bool) -> tuple[str, ...]:
    """The masculine and feminine endings that ``suffix`` gives after ``stem``."""
    if suffix == "ұлы":
        return ("ұлы", "қызы") if kazakh else ("улы", "кызы")
    if suffix == "ий":
        return ("ий", "ая") if stem[-1:].lower() in _HARD_BEFORE_II else ("ий", "яя")
    return _SUFFIX_FORMS.get(suffix, (suffix,))


@mypyc_attr(acyclic=True)
class LexiconEntry:
    """What the lexicon knows of one fold, in one object: what a name parser reads of
    a new word with one dict lookup, not four (each likely a processor cache miss)."""

    __slots__ = ("canonical", "cyrillic", "given", "kazakh", "others", "russian", "variant")

    def __init__(
        self,
        canonical: str,
        cyrillic: str,
        given: bool,
        kazakh: bool,
        variant: bool = False,
        russian: str = "",
    ) -> None:
        self.canonical = canonical  # the fold after convention repair
        self.given = given  # the canonical fold is a given name's
        # the fold is another language's form of the canonical name (Oleksandr for
        # Александр): one key, but the word is rendered as it is written
        self.variant = variant
        self.cyrillic = cyrillic  # the Cyrillic form of the fold itself ("" if none)
        self.kazakh = kazakh  # that Cyrillic form has Kazakh letters
        # the Russian form of that Kazakh form, where the name lists give one that is
        # written otherwise (Ильясова for Ілиясова), else ""
        self.russian = russian
        # the entries of the other names whose fold is this one (Салихов beside
        # Салыков), each with its own forms: see spelled_entry
        self.others: tuple[LexiconEntry, ...] = ()


@dataclass
class Lexicon:
    """Cyrillic names and the fold tables derived from them."""

    overrides: dict[str, str] = field(default_factory=dict)
    # folds of other languages' forms of a given name -> the Russian form's fold
    variants: dict[str, str] = field(default_factory=dict)
    cyrillic: dict[str, str] = field(default_factory=dict)  # canonical fold -> Cyrillic
    # canonical fold -> the Russian form of its Kazakh Cyrillic form (see russian_form)
    russian: dict[str, str] = field(default_factory=dict)
    # canonical fold -> the other names of that fold: their Cyrillic form -> its Russian
    # form ("" if none), in the order read (see spelled_entry)
    others: dict[str, dict[str, str]] = field(default_factory=dict)
    given: set[str] = field(default_factory=set)  # canonical folds of given names
    # folds of German spellings with sch for ж -> the canonical fold (Schukow: Жуков),
    # read only in a word that shows the German convention (see german_entry)
    german: dict[str, str] = field(default_factory=dict)
    # canonical folds whose Cyrillic form has Kazakh letters (see kazakh_folds)
    _kazakh: frozenset[str] | None = field(default=None, repr=False, compare=False)
    _entries: dict[str, LexiconEntry] | None = field(default=None, repr=False, compare=False)

    def canonical(self, fold: str) -> str:
        """The fold after convention repair."""
        return self.overrides.get(fold) or self.variants.get(fold, fold)

    def kazakh_folds(self) -> frozenset[str]:
        """The canonical folds whose Cyrillic form is written with Kazakh letters
        (found on the first call)."""
        found = self._kazakh
        if found is None:
            found = frozenset([f for f, cyr in self.cyrillic.items() if has_kazakh(cyr)])
            self._kazakh = found
        return found

    def entries(self) -> dict[str, LexiconEntry]:
        """Every fold the lexicon knows (repaired, canonical or a given name's) and
        what it knows of it: ``canonical(fold)``, whether that is in ``given``, and
        the fold's own ``cyrillic`` form and ``kazakh_folds`` membership (found on the
        first call). A fold that is not a key has none of these."""
        found = self._entries
        if found is None:
            kazakh = self.kazakh_folds()
            found = {}
            for fold in [*self.overrides, *self.cyrillic, *self.given]:
                canonical = self.overrides.get(fold, fold)
                cyrillic = self.cyrillic.get(fold, "")
                found[fold] = LexiconEntry(
                    canonical,
                    cyrillic,
                    canonical in self.given,
                    fold in kazakh,
                    russian=self.russian.get(fold, ""),
                )
            for fold, canonical in self.variants.items():
                found[fold] = LexiconEntry(canonical, "", True, False, variant=True)
            for fold, others in self.others.items():
                entry = found.get(fold)
                if entry is not None:
                    entry.others = tuple(
                        [
                            LexiconEntry(fold, form, entry.given, has_kazakh(form), russian=ru)
                            for form, ru in others.items()
                        ]
                    )
            self._entries = found
        return found

    def add_form(self, fold: str, form: str) -> None:
        """Record ``form``, a name's Cyrillic form whose fold is ``fold``: the fold's
        form, or one of its ``others`` where it has one already."""
        if self.cyrillic.setdefault(fold, form) != form:
            self.others.setdefault(fold, {}).setdefault(form, "")

    def spelled_entry(self, entry: LexiconEntry, word: str) -> LexiconEntry:
        """The entry of the name that ``word`` (a word whose fold has the entry
        ``entry``) spells, of the names whose spellings fold alike (Салыков, Салихов):
        the first whose Cyrillic form, or Russian form, is the word or its spelling in
        the English press (the ``en`` style's schemes); else ``entry``. A word that is
        one name's usual spelling stays that name (Salykov, not Salikhov)."""
        others = entry.others
        if not others or _spells(entry, word):
            return entry
        for other in others:
            if _spells(other, word):
                return other
        return entry

    def german_entry(self, fold: str) -> LexiconEntry | None:
        """The entry of a fold of a word in the German convention where only its sch
        read as ж makes a name (Schukow: Жуков; an English Shukov stays Шуков)."""
        target = self.german.get(fold)
        return None if target is None else self.entries().get(target)

    def reconstruct(self, fold: str) -> str | None:
        """Cyrillic form (Kazakh spelling when known) for a folded token."""
        return self.cyrillic.get(self.overrides.get(fold, fold))


#: The schemes of the English press's spellings that :meth:`Lexicon.spelled_entry` reads
#: (the ``en`` style's: translit.names.style), for a form with Kazakh letters and without.
_PRESS_SCHEMES: Final = {
    True: (("en-press", "kk"),),
    False: (("en-press", "kk"), ("wikipedia", "ru")),
}


def _spells(entry: LexiconEntry, word: str) -> bool:
    """Is ``word`` one of :func:`press_spellings` of the entry's forms?"""
    return word.lower() in press_spellings(entry.cyrillic, entry.russian)


def press_spellings(form: str, russian: str) -> frozenset[str]:
    """A name's Cyrillic form and Russian form (``""`` if none) and their spellings in
    the English press, in lower case."""
    from translit.romanization.romanize import romanize_word

    found = set()
    for cyr in (form, russian):
        if cyr:
            found.add(cyr.lower())
            for scheme, lang in _PRESS_SCHEMES[has_kazakh(cyr)]:
                found.add(romanize_word(cyr, scheme, lang).lower())
    return frozenset(found)


def _name_forms(row: dict[str, str]) -> list[str]:
    """Cyrillic forms of one lexicon row, the Kazakh one first."""
    forms = [
        v.strip()
        for k, v in row.items()
        if k
        and v
        and k.split("_")[0] in ("kk", "ky", "ru", "name", "cyrillic")
        and _CYR_WORD_RE.fullmatch(v.strip().replace("-", ""))
    ]
    forms.sort(key=lambda f: not any(c in KAZAKH_ONLY for c in f))
    return forms


def _stem_forms(row: dict[str, str], stems: list[str]) -> Iterator[list[str]]:
    """Full surnames (masculine, then feminine) from one row of a surname-stem file."""
    suffix = (row.get("suffix") or "-").strip()
    kk_stem = (row.get("kk_stem") or "").strip()
    per_stem = [_surname_endings(stem, suffix, stem == kk_stem) for stem in stems]
    for i in range(max(len(e) for e in per_stem)):
        yield [
            stem + ends[min(i, len(ends) - 1)] for stem, ends in zip(stems, per_stem, strict=True)
        ]


def lexicon_forms() -> Iterator[tuple[list[str], bool]]:
    """Every group of Cyrillic forms of one name, with whether it is a given name:
    lexicon rows and gazetteer words."""
    yield from _list_forms()
    yield from _gazetteer_forms()


def russian_form(forms: list[str]) -> str:
    """The Russian form of a name-list row's Kazakh form (``forms`` as
    :func:`_name_forms` gives them, the Kazakh one first): the first form after it with
    no Kazakh letters that is written otherwise (Ілиясова: Ильясова; Ыбырайымов:
    Ибраимов), else ``""``. A Russian form that writes a Kazakh ж as дж, a Soviet-era
    spelling (Жақыпов, Джакупов; Қожанов, Ходжанов), is none, and the Kazakh form is
    written: the press mostly writes Zh in such names today (the gazetteer's Nurlan
    Zhakupov, Svetlana Zhakupova), and a person who keeps Dzh has his own form there
    (Kabibulla Dzhakupov)."""
    kazakh = forms[0]
    found = next((f for f in forms[1:] if f != kazakh and not has_kazakh(f)), "")
    if "дж" in found.lower() and "дж" not in kazakh.lower():
        return ""
    return found


def _list_forms() -> Iterator[tuple[list[str], bool]]:
    """:func:`lexicon_forms` of the name lists (``data/names/*.tsv``)."""
    folder = data_path("names")
    for path in sorted(folder.glob("*.tsv")) if folder.is_dir() else []:
        if path.name == _EQUIVALENTS:
            continue  # (read by _equivalent_spellings)
        stems = "stem" in path.stem
        given = path.stem.startswith("given")
        for _, row in read_tsv(path):
            forms = _name_forms(row)
            if not forms:
                continue
            if stems:
                yield from ((f, False) for f in _stem_forms(row, forms))
            else:
                yield forms, given


def _gazetteer_forms() -> Iterator[tuple[list[str], bool]]:
    """:func:`lexicon_forms` of the gazetteer's words."""
    gazetteer = data_path("gazetteer")
    for path in sorted(gazetteer.glob("*.jsonl")) if gazetteer.is_dir() else []:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            record = json.loads(line)
            kk_words = _CYR_WORD_RE.findall(record.get("kk") or "")
            ru_words = _CYR_WORD_RE.findall(record.get("ru") or "")
            pairs = zip(kk_words, ru_words, strict=True) if len(kk_words) == len(ru_words) else ()
            for k, r in pairs or ((w, "") for w in kk_words + ru_words):
                # People's words pair up in order (Өмірзақ / Умирзак). Other names pair
                # only words that spell the same name: organization names order their
                # words differently (Қазақстан Ұлттық Банкі / Национальный банк Казахстана).
                if r and (record.get("type") == "person" or _paired(k, r)):
                    yield [k, r], False
                else:
                    yield from (([w], False) for w in (k, r) if w)


_EQUIVALENTS = "given_equivalents.tsv"
_VARIANT_COLUMNS = ("uk", "be", "be_tarask", "bg", "sr")
# the columns of Ukrainian and Belarusian forms, and the national romanization of each
_UK_BE_COLUMNS = {"uk": "uk", "be": "be", "be_tarask": "be"}


@cache
def _equivalent_forms() -> tuple[tuple[str, tuple[tuple[str, str], ...], str], ...]:
    """Each row of ``given_equivalents.tsv``, read once: the Russian form, the other
    languages' forms (column, form) where they have one, and the listed Latin forms."""
    path = data_path("names", _EQUIVALENTS)
    if not path.is_file():
        return ()
    out = []
    for _, row in read_tsv(path):
        forms = [(c, (row.get(c) or "").strip()) for c in _VARIANT_COLUMNS]
        kept = tuple((c, f) for c, f in forms if f and f != "-")
        out.append(((row.get("ru") or "").strip(), kept, row.get("latin") or ""))
    return tuple(out)


def _equivalent_spellings() -> Iterator[tuple[str, list[str]]]:
    """Each row of ``given_equivalents.tsv``: the Russian form, and the other
    languages' forms with their national romanizations and the listed Latin forms."""
    from translit.names.fold import national_romanization

    for main, forms, latin in _equivalent_forms():
        if not main:
            continue
        others: list[str] = []
        for column, form in forms:
            others.append(form)
            if column in _UK_BE_COLUMNS:
                others.append(national_romanization(form, _UK_BE_COLUMNS[column]))
        others.extend(f.strip() for f in latin.split(";") if f.strip())
        yield main, others


@cache
def uk_be_given_forms() -> frozenset[str]:
    """The Ukrainian and Belarusian Cyrillic forms of ``given_equivalents.tsv`` (lower
    case) that are no Bulgarian or Serbian form too (Микола, Сяргей; not Петър)."""
    ours: set[str] = set()
    theirs: set[str] = set()
    for _, forms, _ in _equivalent_forms():
        for column, form in forms:
            (ours if column in _UK_BE_COLUMNS else theirs).add(form.lower())
    return frozenset(ours - theirs)


@cache
def uk_be_latin_given() -> frozenset[str]:
    """The folds of the Latin spellings (national romanizations) of the Ukrainian and
    Belarusian forms of ``given_equivalents.tsv`` that no Russian, Bulgarian or Serbian
    form folds to (Volodymyr, Wolodymyr, Ihor, Yevhen, Jewhen, Viktar; not Petro =
    Петър's Petr, nor Hanna = Анна's Ana): a word of a name that shows its name is
    written in Ukrainian or Belarusian Latin, which writes г as h and х as kh."""
    from translit.names.fold import national_romanization

    ours: set[str] = set()
    theirs: set[str] = set()
    for main, forms, _ in _equivalent_forms():
        theirs.add(fold_token(main))
        for column, form in forms:
            if column in _UK_BE_COLUMNS:
                ours.add(fold_token(national_romanization(form, _UK_BE_COLUMNS[column])))
            else:
                theirs.add(fold_token(form))
    return frozenset(ours - theirs)


def _paired(kk: str, ru: str) -> bool:
    """Do a Kazakh and a Russian word at one place of an organization's names spell
    one word (Тоқаев / Токаев), maybe in another form (Атырау / Атырауская)?

    Looser than :func:`translit.names.samename.same_word` on purpose: this pairs the words
    the lexicon learns spellings from, before there are word keys to compare."""
    a, b = fold_token(kk.translate(KK_TO_RU)), fold_token(ru)
    return a[:3] == b[:3] and abs(len(a) - len(b)) <= 3


def build_lexicon() -> Lexicon:
    """Load the name lists and derive the override and reconstruction tables."""
    from translit.romanization.romanize import romanize
    from translit.romanization.schemes import scheme_ids

    available = [(lang, sid) for lang, sid in SPELLING_SCHEMES if sid in scheme_ids(lang)]
    lex = Lexicon()
    canonical_of: dict[str, str] = {}
    proposals: dict[str, set[str]] = {}
    german: dict[str, set[str]] = {}  # (as proposals, from the _SCH_SCHEMES' ж)
    for forms, given in lexicon_forms():
        main = forms[0]
        target = fold_token(main)
        if not target:
            continue
        lex.add_form(target, main)
        if given:
            lex.given.add(target)
        canonical_of.setdefault(target, target)
        spellings = set(forms) | {f.translate(KK_TO_RU) for f in forms}
        # (the row's own forms: a romanization that folds as another real surname,
        # Rubakina, Bukovski, is no spelling of this name: Рыбакина, Быковский)
        own = {fold_token(f) for f in spellings}
        for form in list(spellings):
            for lang, sid in available:
                if sid in _FINAL_J_SCHEMES and form.endswith(("х", "Х")):
                    continue  # (-skij is -ский to the fold: Московских is not Moskovski)
                if sid in _SCH_SCHEMES and ("ж" in form or "Ж" in form):
                    # (German sch is ж and ш: its spelling of a name with ж says nothing
                    # of Shakhanuly, only of a German spelling, Schukow)
                    fold = fold_token(romanize(form, sid, lang=lang))
                    german.setdefault(fold, set()).add(target)
                    continue
                spellings.add(romanize(form, sid, lang=lang))
        for spelling in spellings:
            fold = fold_token(spelling)
            if fold and fold != target and (fold in own or not russian_only_surname(fold)):
                proposals.setdefault(fold, set()).add(target)
    for fold, targets in proposals.items():
        if len(targets) == 1 and fold not in canonical_of:
            lex.overrides[fold] = next(iter(targets))
    for fold, targets in german.items():
        if len(targets) == 1 and fold != next(iter(targets)) and fold not in canonical_of:
            if fold not in lex.overrides:
                lex.german[fold] = next(iter(targets))
    _add_variants(lex, canonical_of, available)
    _add_russian_forms(lex)
    _keep_distinct_others(lex)
    return lex


def _keep_distinct_others(lex: Lexicon) -> None:
    """Keep the other names of a fold (``Lexicon.others``) that are other names, not the
    fold's name in another spelling (Фёдор, Наталья beside Федор, Наталия: see
    :func:`_spelling_of`; every spelling of one name meets in one form), and that a
    spelling tells from the fold's name and from each other: none of an other name's
    :func:`press_spellings` is one of theirs (Салыков, Салихов: Salykov, Salikhov). An
    other name that the press spells alike (Сәбит beside Сабит: Sabit) would turn the
    spelling back into the other name, a Kazakh or a Russian one, and the rest of the
    name with it."""
    for fold, others in list(lex.others.items()):
        main = lex.cyrillic[fold]
        seen = set(press_spellings(main, lex.russian.get(fold, "")))
        names = {_spelling_of(main)}
        kept: dict[str, str] = {}
        for form, russian in others.items():
            spellings = press_spellings(form, russian)
            if not spellings & seen and _spelling_of(form) not in names:
                kept[form] = russian
            seen |= spellings
            names.add(_spelling_of(form))
        if kept:
            lex.others[fold] = kept
        else:
            del lex.others[fold]


def _add_russian_forms(lex: Lexicon) -> None:
    """The Russian form (:func:`russian_form`) of each Kazakh form of the name lists that
    is its fold's Cyrillic form or one of its ``others``, where it reads back as that
    name (its fold is repaired to the name's: a spelling of it is a spelling of the
    name, and comes out as it is). Only the name lists give them: the gazetteer pairs a
    person's Kazakh and Russian words, which may be forms of his own that are no other
    name's (Қабылұлы / Кабулович, Орал / Урал, Омаров / Умаров)."""
    for forms, _ in _list_forms():
        main = forms[0]
        target = fold_token(main)
        russian = russian_form(forms) if target else ""
        if not russian or lex.canonical(fold_token(russian)) != target:
            continue
        others = lex.others.get(target, {})
        if lex.cyrillic.get(target) == main:
            lex.russian.setdefault(target, russian)
        elif others.get(main) == "":  # (one of the fold's other names, its form unset)
            others[main] = russian


def _add_variants(
    lex: Lexicon, canonical_of: dict[str, str], available: list[tuple[str, str]]
) -> None:
    """Fold the other languages' forms of the given names (``given_equivalents.tsv``)
    and their spellings to the Russian form's fold, where they are no other name."""
    from translit.romanization.romanize import romanize

    for main, others in _equivalent_spellings():
        target = lex.canonical(fold_token(main))
        if target not in lex.given:
            continue
        spellings = set(others)
        for form in others:
            if _CYR_WORD_RE.search(form):
                spellings.update(romanize(form, sid, lang=lang) for lang, sid in available)
        for spelling in spellings:
            fold = fold_token(spelling)
            if fold and fold != target and fold not in canonical_of and fold not in lex.overrides:
                lex.variants.setdefault(fold, target)


# ь before a vowel letter and и before it spell one name (Наталья, Наталия; Дарья,
# Дария), as do ё and е (Фёдор, Федор)
_SOFT_SIGN_RE = re.compile("ь(?=[яеёюи])")


def _spelling_of(form: str) -> str:
    """A Cyrillic form with the letters that spell one name alike made one: ё as е, ь
    before a vowel as и, no ъ (Наталья, Наталия: наталия; Фёдор: федор)."""
    low = form.lower().replace("ё", "е").replace("ъ", "")
    return _SOFT_SIGN_RE.sub("и", low)


_CACHE_FORMAT = 6
# Modules whose code shapes the derived tables (their source is part of the cache key),
# as paths under translit/.
_CODE = (
    "names/fold.py",
    "names/lexicon.py",
    "romanization/scheme.py",
    "romanization/schemes.py",
    "letters.py",
    "romanization/romanize.py",
)


def _fingerprint() -> str:
    """A hash of everything the lexicon is derived from: data files and code."""
    digest = hashlib.sha256(str(_CACHE_FORMAT).encode())
    package = Path(__file__).resolve().parent.parent
    inputs = [package / name for name in _CODE]
    for folder, pattern in (
        ("names", "*.tsv"),
        ("names", "fold_letters.json"),  # (the fold alphabet)
        ("names", "name_rules.json"),
        ("names", "known_names.json"),  # (russian_only_surname: which spellings pair)
        ("gazetteer", "*.jsonl"),
        ("schemes", "*/*.json"),
    ):
        root = data_path(folder)
        inputs.extend(sorted(root.glob(pattern)) if root.is_dir() else [])
    for path in inputs:
        digest.update(path.name.encode())
        digest.update(path.read_bytes() if path.is_file() else b"")
    return digest.hexdigest()[:32]


def _load_cached(path: Path, fingerprint: str) -> Lexicon | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("fingerprint") != fingerprint:
        return None
    try:
        return Lexicon(
            overrides=dict(data["overrides"]),
            variants=dict(data["variants"]),
            cyrillic=dict(data["cyrillic"]),
            russian=dict(data["russian"]),
            others={k: dict(v) for k, v in data["others"].items()},
            given=set(data["given"]),
            german=dict(data["german"]),
        )
    except (KeyError, TypeError, ValueError):
        return None


def _store(path: Path, fingerprint: str, lex: Lexicon) -> None:
    payload = {
        "fingerprint": fingerprint,
        "overrides": lex.overrides,
        "variants": lex.variants,
        "cyrillic": lex.cyrillic,
        "russian": lex.russian,
        "others": lex.others,
        "given": sorted(lex.given),
        "german": lex.german,
    }
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(path, json.dumps(payload, ensure_ascii=False))
    except (OSError, OutputError):
        pass  # a read-only home or cache: build again next time


@cache
def lexicon() -> Lexicon:
    """The bundled lexicon, built once and cached on disk (JSON, keyed by a hash of
    its data files and code) so that later processes load it in milliseconds."""
    folder = cache_dir()
    if folder is None:
        return build_lexicon()
    fingerprint = _fingerprint()
    path = folder / "lexicon.json"
    lex = _load_cached(path, fingerprint)
    if lex is None:
        lex = build_lexicon()
        _store(path, fingerprint, lex)
    return lex


def russian_only_surname(fold: str) -> bool:
    """Is ``fold`` the fold of a surname of pymorphy3's Russian dictionary that no
    other country's name folds to (``data/names/known_names.json``, built by
    ``scripts/build_known_names.py``)? Evidence of a Russian name, for any script; no
    dictionary to load (:func:`translit.names.morph.dictionary_surname_form` asks the
    dictionary itself of a Cyrillic word, for running text)."""
    return fold in russian_only_surnames()


@cache
def russian_only_surnames() -> frozenset[str]:
    """The folds of :func:`russian_only_surname`."""
    return frozenset(data_json("names", "known_names.json")["surnames"])
