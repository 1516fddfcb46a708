"""The gazetteer: known people, places and organizations, and how to find them by name.

Bundled entries live in ``data/gazetteer/*.jsonl``; users add CSV or JSONL files of
their own (same fields), and theirs win over the bundled ones. Every form of every
entry (Kazakh and Russian Cyrillic, English, official and attested spellings, former
names) is parsed and folded once into lookup tables.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Final

from translit._util.paths import data_path
from translit.errors import InputDataError
from translit.names.fold import fold_token
from translit.names.parse import Name, parse_name, patronymic_words

_LIST_FIELDS: Final = ("official", "also", "former")
PERSON: Final = "person"


@dataclass(frozen=True)
class Entity:
    """One gazetteer entry."""

    id: str
    type: str
    en: str
    kk: str | None = None
    ru: str | None = None
    gender: str | None = None
    official: tuple[str, ...] = ()
    also: tuple[str, ...] = ()
    former: tuple[str, ...] = ()
    forms: dict[str, str] = field(default_factory=dict)
    sources: tuple[str, ...] = ()

    @property
    def is_person(self) -> bool:
        return self.type == PERSON

    def names(self) -> list[str]:
        """Every form this entry is known by."""
        out = [n for n in (self.kk, self.ru, self.en) if n]
        out.extend(self.official)
        out.extend(self.also)
        out.extend(self.former)
        out.extend(self.forms.values())
        return out


def exact_form(name: str) -> str:
    """``name`` as :attr:`Gazetteer.exact` keeps it: whitespace tidied, case-folded."""
    return " ".join(name.split()).casefold()


@cache
def _particles() -> frozenset[str]:
    """The folds of the words "son of", "daughter of" (уулу, kyzy, ogly, ұлы): a name
    is looked up without them where they follow the surname (Тынчтык Абдыкалык уулу =
    Tynchtyk Abdykalyk), as it is without its patronymics."""
    return frozenset(fold_token(w) for w in patronymic_words())


def without_particles(folds: tuple[str, ...]) -> tuple[str, ...]:
    """``folds`` less the particles of :func:`_particles`, when three or more remain
    with them."""
    if len(folds) < 3:
        return folds
    particles = _particles()
    kept = tuple([f for f in folds if f not in particles])
    return kept if len(kept) >= 2 else folds


def lookup_key(folds: tuple[str, ...]) -> str:
    """The key of a name's full words' folds in :attr:`Gazetteer.by_key`: less the
    particles (:func:`without_particles`), in order. Every name is looked up, and
    every name of an entity indexed, by it: the gazetteer's half of the one rule of
    "is this the same name?" (:func:`translit.names.keys.name_key`)."""
    return folds[0] if len(folds) == 1 else " ".join(sorted(without_particles(folds)))


#: ``Gazetteer.fold_kinds`` bits: the fold occurs in a key; it is a person's surname.
KEY_FOLD: Final = 1
SURNAME_FOLD: Final = 2


@dataclass
class Gazetteer:
    """Entities indexed by the folded keys of all their names.

    Frozen data once built (:func:`bundled_gazetteer`, :func:`load_gazetteer`): what
    normalization makes of it is kept by a :class:`translit.names.session.Session`, which
    takes a gazetteer as it is."""

    entities: dict[str, Entity] = field(default_factory=dict)
    by_key: dict[str, list[str]] = field(default_factory=dict)
    by_surname: dict[str, list[str]] = field(default_factory=dict)
    given: dict[str, frozenset[str]] = field(default_factory=dict)
    canonical_key: dict[str, str] = field(default_factory=dict)  # id -> its primary name's key
    # every fold in a key of by_key (KEY_FOLD), with SURNAME_FOLD for the folds of
    # by_surname: a name with a fold outside it has no key there
    fold_kinds: dict[str, int] = field(default_factory=dict)
    # every name of every entity, tidied and case-folded -> the entity's id: a name
    # written exactly so is known whatever its origin (Air Astana, Kasachstan)
    exact: dict[str, str] = field(default_factory=dict)
    user_ids: set[str] = field(default_factory=set)

    def _add(self, entity: Entity, user: bool = False) -> None:
        """Add (or, for a known id, replace) an entity while the gazetteer is built
        (:func:`bundled_gazetteer`, :func:`load_gazetteer`); user entries win key clashes."""
        self.entities[entity.id] = entity
        if user:
            self.user_ids.add(entity.id)
        primary = entity.kk or entity.ru or entity.en
        self.canonical_key[entity.id] = lookup_key(parse_name(primary).folds)
        given: set[str] = set()
        for name in entity.names():
            self.exact.setdefault(exact_form(name), entity.id)
            parsed = parse_name(name)
            key = lookup_key(parsed.folds)
            if not key:
                continue
            kinds = self.fold_kinds
            for fold in parsed.folds:
                kinds[fold] = kinds.get(fold, 0) | KEY_FOLD
            ids = self.by_key.setdefault(key, [])
            if entity.id not in ids:
                ids.insert(0, entity.id) if user else ids.append(entity.id)
            if entity.is_person and len(parsed.folds) >= 2 and parsed.surname_fold:
                sids = self.by_surname.setdefault(parsed.surname_fold, [])
                kinds[parsed.surname_fold] |= SURNAME_FOLD  # (a fold of the key too)
                if entity.id not in sids:
                    sids.insert(0, entity.id) if user else sids.append(entity.id)
                given.update(f for f in parsed.folds if f != parsed.surname_fold)
        if entity.is_person:
            self.given[entity.id] = frozenset(given)

    def copy(self) -> Gazetteer:
        """A copy of the entries and indexes that takes more entries without changing
        this one."""
        return Gazetteer(
            entities=dict(self.entities),
            by_key={k: list(v) for k, v in self.by_key.items()},
            by_surname={k: list(v) for k, v in self.by_surname.items()},
            given=dict(self.given),
            canonical_key=dict(self.canonical_key),
            fold_kinds=dict(self.fold_kinds),
            exact=dict(self.exact),
            user_ids=set(self.user_ids),
        )

    def lookup(self, parsed: Name, mention: bool = False) -> tuple[Entity, float] | None:
        """The entity a parsed name refers to, with a confidence, or ``None``.

        A name alone is linked to a person only with a given name that agrees; a
        ``mention`` in running text, whose article says who it is, also by its
        surname (``President Tokayev``)."""
        folds = parsed.folds
        key = lookup_key(folds)
        if not key:
            return None
        return self.lookup_folds(key, folds, parsed.initials, mention)

    def lookup_folds(
        self, key: str, folds: Sequence[str], initials: Sequence[str] = (), mention: bool = False
    ) -> tuple[Entity, float] | None:
        """:meth:`lookup` given the folds of the full words, their :func:`lookup_key` and
        the folds of the initials (the fast path of keys and normalization uses it)."""
        ids = self.by_key.get(key)
        # a bare surname, with or without initials, is no person's name: only a place
        # or an organization is known by one word, and never with initials (Масимов is
        # not Karim Massimov; A. Nazarbayev may not be Nursultan; M.A. Jabbar is not the
        # Khabar agency), but in a mention, whose article says who it is
        alone = len(folds) < 2 and not mention
        if ids and alone:
            ids = [] if initials else [i for i in ids if not self.entities[i].is_person]
        if ids:
            if len(ids) == 1 or ids[0] in self.user_ids:
                return self.entities[ids[0]], 0.95 if initials else 1.0
            return None
        return None if alone else self.lookup_person(folds, initials, mention)

    def candidates(self, folds: Sequence[str]) -> list[str]:
        """The ids of the persons one of whose surnames is among ``folds``: who a bare
        surname may refer to (never linked by :meth:`lookup`)."""
        out: list[str] = []
        for f in folds:
            for eid in self.by_surname.get(f, ()):
                if eid not in out:
                    out.append(eid)
        return out

    def lookup_person(
        self, folds: Sequence[str], initials: Sequence[str], mention: bool = False
    ) -> tuple[Entity, float] | None:
        """A known person whose surname is one of ``folds`` and whose given names agree
        with the other folds and ``initials``."""
        by_surname = self.by_surname
        candidates: Iterable[str] | None = None
        for f in folds:
            ids = by_surname.get(f)
            if ids:
                candidates = ids if candidates is None else {*candidates, *ids}
        if candidates is None:
            return None
        if isinstance(candidates, list) and len(candidates) > 1:
            candidates = set(candidates)
        empty: frozenset[str] = frozenset()
        matches = []
        for eid in candidates:
            given = self.given.get(eid, empty)
            others = unmatched = 0
            for f in folds:
                if eid not in by_surname.get(f, ()):
                    others += 1
                    if f not in given:
                        unmatched += 1
            # Every given name must agree; in a longer name one may differ
            # (Turkish press writes the Kazakh Jomart as its cognate Cömert).
            if unmatched > (1 if others >= 2 else 0):
                continue
            if initials and not all(any(g.startswith(i[:1]) for g in given) for i in initials):
                continue
            matches.append((eid, 2 * (others - unmatched) + len(initials)))
        if not matches:
            return None
        best = max(score for _, score in matches)
        top = [eid for eid, score in matches if score == best]
        if len(top) != 1 or (best == 0 and not mention):  # (best 0: a surname alone)
            return None
        return self.entities[top[0]], 0.9 if best > 0 else 0.75


def _as_tuple(value: Any) -> tuple[str, ...]:
    if value is None or value == "":
        return ()
    if isinstance(value, str):
        return tuple(v.strip() for v in value.replace("|", ";").split(";") if v.strip())
    out = []
    for item in value:
        if isinstance(item, str):
            out.append(item)
        elif isinstance(item, dict):
            out.extend(str(v) for k, v in item.items() if k in ("kk", "ru", "en") and v)
    return tuple(out)


def entity_from_record(record: dict[str, Any], where: str) -> Entity:
    """Build an :class:`Entity` from a JSONL object or CSV row."""
    eid = str(record.get("id") or "").strip()
    names = [record.get(k) for k in ("en", "kk", "ru")]
    if not eid or not any(isinstance(n, str) and n.strip() for n in names):
        raise InputDataError(f"{where}: a gazetteer entry needs an 'id' and a name (en/kk/ru)")
    forms = record.get("forms") or {}
    return Entity(
        id=eid,
        type=str(record.get("type") or "unknown").strip(),
        en=str(record.get("en") or "").strip() or _romanized(record),
        kk=(record.get("kk") or None),
        ru=(record.get("ru") or None),
        gender=(record.get("gender") or None),
        official=_as_tuple(record.get("official")),
        also=_as_tuple(record.get("also")),
        former=_as_tuple(record.get("former")),
        forms={str(k): str(v) for k, v in forms.items()} if isinstance(forms, dict) else {},
        sources=_as_tuple(record.get("sources")),
    )


def _romanized(record: dict[str, Any]) -> str:
    """The English form of an entity that has none: its Kazakh or Russian form in the
    ``en`` house style's romanization (a user's registry may give only kk or ru)."""
    from translit.letters import has_cyrillic
    from translit.names.style import get_style

    for lang in ("kk", "ru"):
        name = str(record.get(lang) or "").strip()
        if name:
            return get_style("en").render(name, lang) if has_cyrillic(name) else name
    return ""


def read_entities(path: Path) -> Iterable[Entity]:
    """Entities of one JSONL or CSV gazetteer file."""
    if not path.is_file():
        raise InputDataError(f"gazetteer file not found: {path}")
    suffix = path.suffix.lower()
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            if suffix in (".jsonl", ".json", ".ndjson"):
                for number, line in enumerate(handle, 1):
                    if line.strip():
                        try:
                            record = json.loads(line)
                        except json.JSONDecodeError as exc:
                            raise InputDataError(f"{path}:{number}: invalid JSON: {exc}") from None
                        yield entity_from_record(record, f"{path}:{number}")
            elif suffix in (".csv", ".tsv"):
                reader = csv.DictReader(handle, delimiter="\t" if suffix == ".tsv" else ",")
                for number, row in enumerate(reader, 2):
                    yield entity_from_record(dict(row), f"{path}:{number}")
            else:
                raise InputDataError(f"{path}: gazetteer files must be .jsonl or .csv")
    except UnicodeDecodeError as exc:
        raise InputDataError(f"{path}: not UTF-8 ({exc.reason} at byte {exc.start})") from None


def bundled_gazetteer() -> Gazetteer:
    """The gazetteer shipped in ``data/gazetteer`` (loaded once)."""
    if _BUNDLED:  # (every name normalized asks: a list read, not a cached call)
        return _BUNDLED[0]
    gaz = Gazetteer()
    folder = data_path("gazetteer")
    for path in sorted(folder.glob("*.jsonl")) if folder.is_dir() else []:
        for entity in read_entities(path):
            gaz._add(entity)
    if not _BUNDLED:  # (a thread may have loaded it meanwhile: its copy is kept)
        _BUNDLED.append(gaz)
    return _BUNDLED[0]


# the bundled gazetteer, once loaded
_BUNDLED: Final[list[Gazetteer]] = []


def load_gazetteer(paths: Sequence[str | Path] = ()) -> Gazetteer:
    """The bundled gazetteer plus user files (user entries win)."""
    if not paths:
        return bundled_gazetteer()
    gaz = bundled_gazetteer().copy()
    for path in paths:
        for entity in read_entities(Path(path)):
            gaz._add(entity, user=True)
    return gaz
