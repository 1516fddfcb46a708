"""Check the gazetteer and name lexicon in ``data/``: schema, scripts, duplicates, order, counts.

``check(data_dir)`` returns a list of problems (empty when all is well), each naming the file
and line. Run as a script it prints them and exits 1 when there are any; ``--sort`` first
rewrites the files in canonical order (gazetteer lines by id, TSV rows by their first column).

Usage: ``python scripts/check_data.py [DATA_DIR] [--sort]``
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

KAZAKH_ONLY = "әғқңөұүһі"
"""Letters of the Kazakh alphabet that the Russian one lacks (lowercase)."""

_CYR_KK = "а-яё" + KAZAKH_ONLY
_CYR_RU = "а-яё"
# Letters plus what a name or an organization title may contain besides letters.
_PUNCT = r" \-'’.,()«»\"0-9/№&+:"
KK_TEXT = re.compile(rf"^[{_CYR_KK}{_PUNCT}]+$", re.IGNORECASE)
RU_TEXT = re.compile(rf"^[{_CYR_RU}{_PUNCT}]+$", re.IGNORECASE)
KK_NAME = re.compile(rf"^[{_CYR_KK}][{_CYR_KK}\-]*$", re.IGNORECASE)
RU_NAME = re.compile(rf"^[{_CYR_RU}][{_CYR_RU}\-]*$", re.IGNORECASE)
_CYR_KY = "а-яё" + "ңөү"
KY_NAME = re.compile(rf"^[{_CYR_KY}][{_CYR_KY}\-]*$", re.IGNORECASE)
# Latin script: ASCII letters and the Latin-1/Latin Extended letters used by press styles.
LATIN_TEXT = re.compile(r"^[A-Za-z\u00c0-\u02af\u1e00-\u1eff" + _PUNCT + r"!]+$")
ID_RE = re.compile(r"^[a-z]{2,3}-([a-z]+)-[a-z0-9]+(?:-[a-z0-9]+)*$")

PLACE_TYPES = frozenset(
    {
        "region",
        "city",
        "town",
        "village",
        "district",
        "river",
        "lake",
        "reservoir",
        "sea",
        "mountain",
        "country",
        "area",
    }
)
ORG_TYPES = frozenset({"organization", "party", "company", "agency", "media"})
FILE_TYPES: dict[str, frozenset[str]] = {
    "places.jsonl": PLACE_TYPES,
    "people.jsonl": frozenset({"person"}),
    "organizations.jsonl": ORG_TYPES,
}
GAZ_FIELDS = ("id", "type", "kk", "ru", "en", "official", "also", "former", "sources")
PERSON_FIELDS = ("gender", "roles")
FORMER_KEYS = frozenset({"kk", "ru", "en", "until", "note"})

MIN_COUNTS: dict[str, int] = {
    "people.jsonl": 300,
    "places.jsonl": 150,
    "organizations.jsonl": 40,
    "given_kk.tsv": 1500,
    "given_ru.tsv": 500,
    "given_ky.tsv": 50,
    "surname_stems.tsv": 2000,
}
"""The smallest number of entries each shipped file must hold (issue 3)."""

TSV_COLUMNS: dict[str, tuple[str, ...]] = {
    "given_kk.tsv": ("kk", "ru", "gender", "en", "kind"),
    "given_ru.tsv": ("ru", "gender", "en"),
    "given_ky.tsv": ("ky", "ru", "gender", "kind"),
    "surname_stems.tsv": ("kk_stem", "ru_stem", "suffix", "origin", "section"),
}
SURNAME_SUFFIXES = frozenset(
    {
        "ов",
        "ев",
        "ёв",
        "ин",
        "ын",
        "ский",
        "цкий",
        "ой",
        "ый",
        "ий",
        "ых",
        "их",
        "ко",
        "ук",
        "юк",
        "-",
        "ұлы",
    }
)
SURNAME_ORIGINS = frozenset({"kk", "ru", "ua", "by", "ko", "tt", "de", "other"})
SURNAME_SECTIONS = frozenset({"listed", "derived"})
GIVEN_KINDS = frozenset({"listed", "compound"})

Problems = list[str]


def check(data_dir: str | Path) -> list[str]:
    """Return every problem found in the gazetteer and name files under ``data_dir``."""
    root = Path(data_dir)
    problems: Problems = []
    ids: dict[str, str] = {}
    for name in FILE_TYPES:
        path = root / "gazetteer" / name
        if not path.is_file():
            problems.append(f"gazetteer/{name}: missing")
            continue
        problems.extend(_check_gazetteer(path, ids))
    for name, columns in TSV_COLUMNS.items():
        path = root / "names" / name
        if not path.is_file():
            problems.append(f"names/{name}: missing")
            continue
        problems.extend(_check_tsv(path, columns))
    problems.extend(_check_rules(root / "names" / "name_rules.json"))
    return problems


# --- gazetteer -------------------------------------------------------------------------------


def _read_jsonl(path: Path, problems: Problems) -> Iterator[tuple[int, dict[str, Any]]]:
    where = f"gazetteer/{path.name}"
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            problems.append(f"{where}:{number}: blank line")
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as error:
            problems.append(f"{where}:{number}: invalid JSON ({error.msg})")
            continue
        if not isinstance(value, dict):
            problems.append(f"{where}:{number}: not a JSON object")
            continue
        yield number, value


def _check_gazetteer(path: Path, ids: dict[str, str]) -> Problems:
    problems: Problems = []
    allowed = FILE_TYPES[path.name]
    previous = ""
    count = 0
    for number, entry in _read_jsonl(path, problems):
        count += 1
        where = f"gazetteer/{path.name}:{number}"
        problems.extend(f"{where}: {p}" for p in _entry_problems(entry, allowed))
        entry_id = entry.get("id")
        if not isinstance(entry_id, str):
            continue
        if entry_id in ids:
            problems.append(f"{where}: duplicate id {entry_id} (also {ids[entry_id]})")
        ids[entry_id] = where
        if entry_id < previous:
            problems.append(f"{where}: id {entry_id} out of order (after {previous})")
        previous = max(previous, entry_id)
    minimum = MIN_COUNTS.get(path.name, 0)
    if count < minimum:
        problems.append(f"gazetteer/{path.name}: {count} entries, need at least {minimum}")
    return problems


def _entry_problems(entry: dict[str, Any], allowed: frozenset[str]) -> Problems:
    """Schema problems of one gazetteer entry, without the file position."""
    problems: Problems = []
    required = GAZ_FIELDS + (PERSON_FIELDS if entry.get("type") == "person" else ())
    for field in required:
        if field not in entry:
            problems.append(f"missing field {field!r}")
    unknown = set(entry) - set(GAZ_FIELDS) - set(PERSON_FIELDS) - {"note", "country"}
    if unknown:
        problems.append(f"unknown fields {sorted(unknown)}")
    entry_id, kind = entry.get("id"), entry.get("type")
    if kind not in allowed:
        problems.append(f"type {kind!r} not allowed here (expected one of {sorted(allowed)})")
    if isinstance(entry_id, str):
        match = ID_RE.match(entry_id)
        if match is None:
            problems.append(f"id {entry_id!r} is not of the form cc-type-slug")
        elif match.group(1) != kind:
            problems.append(f"id {entry_id!r} does not name its type {kind!r}")
    else:
        problems.append("id is not a string")
    problems.extend(_script_problems("kk", entry.get("kk"), KK_TEXT, nullable=True))
    problems.extend(_script_problems("ru", entry.get("ru"), RU_TEXT, nullable=False))
    problems.extend(_script_problems("en", entry.get("en"), LATIN_TEXT, nullable=False))
    for field in ("official", "also"):
        problems.extend(_latin_list_problems(field, entry.get(field)))
    official, also = entry.get("official"), entry.get("also")
    if isinstance(official, list) and isinstance(also, list):
        both = set(official) & set(also)
        if both:
            problems.append(f"in both official and also: {sorted(both)}")
    problems.extend(_former_problems(entry.get("former")))
    sources = entry.get("sources")
    if not isinstance(sources, list) or not sources or not all(_is_text(s) for s in sources):
        problems.append("sources must be a non-empty list of strings")
    if kind == "person":
        if entry.get("gender") not in ("m", "f"):
            problems.append(f"gender {entry.get('gender')!r} is not m or f")
        roles = entry.get("roles")
        if not isinstance(roles, list) or not roles or not all(_is_text(r) for r in roles):
            problems.append("roles must be a non-empty list of strings")
    return problems


def _is_text(value: object) -> bool:
    return isinstance(value, str) and value == value.strip() and value != ""


def _script_problems(
    field: str, value: object, pattern: re.Pattern[str], nullable: bool
) -> Problems:
    if value is None:
        return [] if nullable else [f"{field} is null"]
    if not isinstance(value, str) or not _is_text(value):
        return [f"{field} must be a non-empty trimmed string"]
    if "  " in value:
        return [f"{field} {value!r} has a double space"]
    if pattern.match(value) is None:
        return [f"{field} {value!r} has characters outside its script"]
    return []


def _latin_list_problems(field: str, value: object) -> Problems:
    if not isinstance(value, list):
        return [f"{field} must be a list"]
    problems: Problems = []
    for item in value:
        problems.extend(_script_problems(field, item, LATIN_TEXT, nullable=False))
    if len(set(map(str, value))) != len(value):
        problems.append(f"{field} has duplicates")
    return problems


def _former_problems(value: object) -> Problems:
    if not isinstance(value, list):
        return ["former must be a list"]
    problems: Problems = []
    for item in value:
        if isinstance(item, str):
            problems.extend(_script_problems("former", item, LATIN_TEXT, nullable=False))
            continue
        if not isinstance(item, dict):
            problems.append(f"former item {item!r} is neither a string nor an object")
            continue
        if set(item) - FORMER_KEYS:
            problems.append(f"former item has unknown keys {sorted(set(item) - FORMER_KEYS)}")
        if not any(isinstance(item.get(k), str) for k in ("kk", "ru", "en")):
            problems.append("former item names no form (kk, ru or en)")
        problems.extend(_script_problems("former.kk", item.get("kk"), KK_TEXT, nullable=True))
        problems.extend(_script_problems("former.ru", item.get("ru"), RU_TEXT, nullable=True))
        problems.extend(_script_problems("former.en", item.get("en"), LATIN_TEXT, nullable=True))
        until = item.get("until")
        if until is not None and not (isinstance(until, int) and 1500 <= until <= 2100):
            problems.append(f"former.until {until!r} is not a year")
    return problems


# --- name lexicon ----------------------------------------------------------------------------


def read_tsv(path: Path) -> tuple[list[str], list[str], list[tuple[int, list[str]]]]:
    """Split a TSV file into comment lines, header columns and numbered data rows."""
    comments: list[str] = []
    header: list[str] = []
    rows: list[tuple[int, list[str]]] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.startswith("#"):
            comments.append(line)
        elif not header:
            header = line.split("\t")
        elif line.strip():
            rows.append((number, line.split("\t")))
    return comments, header, rows


def _check_tsv(path: Path, columns: tuple[str, ...]) -> Problems:
    where = f"names/{path.name}"
    comments, header, rows = read_tsv(path)
    problems: Problems = []
    if not comments:
        problems.append(f"{where}: no header comment naming the sources")
    if tuple(header) != columns:
        return [*problems, f"{where}: header {header} is not {list(columns)}"]
    row_check = _ROW_CHECKS[path.name]
    seen: dict[str, int] = {}
    previous: list[str] = []
    for number, row in rows:
        if len(row) != len(columns):
            problems.append(f"{where}:{number}: {len(row)} columns, expected {len(columns)}")
            continue
        record = dict(zip(columns, row, strict=False))
        problems.extend(f"{where}:{number}: {p}" for p in row_check(record))
        key = row[0] if path.name != "surname_stems.tsv" else f"{row[0]}\t{row[2]}"
        if key in seen:
            problems.append(f"{where}:{number}: duplicate {row[0]!r} (line {seen[key]})")
        seen.setdefault(key, number)
        if row < previous:
            problems.append(f"{where}:{number}: {row[0]!r} out of order (after {previous[0]!r})")
        previous = max(previous, row)
    minimum = MIN_COUNTS.get(path.name, 0)
    if len(rows) < minimum:
        problems.append(f"{where}: {len(rows)} rows, need at least {minimum}")
    return problems


def _given_kk_row(row: dict[str, str]) -> Problems:
    return _given_row(row, "kk", KK_NAME) + _en_cell(row["en"])


def _given_ky_row(row: dict[str, str]) -> Problems:
    return _given_row(row, "ky", KY_NAME)


def _given_ru_row(row: dict[str, str]) -> Problems:
    return _given_row(row, "", RU_NAME) + _en_cell(row["en"])


def _given_row(row: dict[str, str], own: str, pattern: re.Pattern[str]) -> Problems:
    """The checks every given-name row shares: its own-language form (``own``, if
    any), its Russian form, its gender and, where the file has one, its kind."""
    problems = _name_cell(own, row[own], pattern) if own else []
    problems += _name_cell("ru", row["ru"], RU_NAME)
    if row["gender"] not in ("m", "f", "u"):
        problems.append(f"gender {row['gender']!r} is not m, f or u")
    if "kind" in row and row["kind"] not in GIVEN_KINDS:
        problems.append(f"kind {row['kind']!r} is not one of {sorted(GIVEN_KINDS)}")
    return problems


def _surname_row(row: dict[str, str]) -> Problems:
    problems = _name_cell("kk_stem", row["kk_stem"], KK_NAME)
    problems += _name_cell("ru_stem", row["ru_stem"], RU_NAME)
    if row["suffix"] not in SURNAME_SUFFIXES:
        problems.append(f"suffix {row['suffix']!r} unknown")
    if row["origin"] not in SURNAME_ORIGINS:
        problems.append(f"origin {row['origin']!r} unknown")
    if row["section"] not in SURNAME_SECTIONS:
        problems.append(f"section {row['section']!r} unknown")
    return problems


def _name_cell(field: str, value: str, pattern: re.Pattern[str]) -> Problems:
    if pattern.match(value) is None:
        return [f"{field} {value!r} is not a Cyrillic name of its alphabet"]
    if value[0] != value[0].upper() or (value[1:] != value[1:].lower() and "-" not in value):
        return [f"{field} {value!r} is not capitalised"]
    return []


def _en_cell(value: str) -> Problems:
    if value == "":
        return []
    return [] if LATIN_TEXT.match(value) else [f"en {value!r} is not Latin"]


_ROW_CHECKS: dict[str, Callable[[dict[str, str]], Problems]] = {
    "given_kk.tsv": _given_kk_row,
    "given_ru.tsv": _given_ru_row,
    "given_ky.tsv": _given_ky_row,
    "surname_stems.tsv": _surname_row,
}


# --- rule files ------------------------------------------------------------------------------

RULE_KEYS = (
    "sources",
    "surname_endings",
    "kazakh_patronymics",
    "russian_patronymics",
    "titles",
)


def _load_json(path: Path, problems: Problems) -> Any:
    where = f"names/{path.name}"
    if not path.is_file():
        problems.append(f"{where}: missing")
        return None
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        problems.append(f"{where}: invalid JSON ({error.msg}, line {error.lineno})")
        return None


def _check_rules(path: Path) -> Problems:
    problems: Problems = []
    rules = _load_json(path, problems)
    if not isinstance(rules, dict):
        return problems or [f"names/{path.name}: not a JSON object"]
    for key in RULE_KEYS:
        if not rules.get(key):
            problems.append(f"names/{path.name}: missing or empty {key!r}")
    titles = rules.get("titles")
    if isinstance(titles, dict):
        for language, words in titles.items():
            if not isinstance(words, list) or not all(_is_text(w) for w in words):
                problems.append(f"names/{path.name}: titles.{language} is not a list of words")
    return problems


# --- sorting ---------------------------------------------------------------------------------


def sort_files(data_dir: str | Path) -> None:
    """Rewrite gazetteer files in id order and TSV rows in first-column order."""
    root = Path(data_dir)
    for path in sorted((root / "gazetteer").glob("*.jsonl")):
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        entries = [json.loads(line) for line in lines]
        entries.sort(key=lambda e: str(e.get("id", "")))
        text = "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in entries)
        path.write_text(text, encoding="utf-8")
    for name in TSV_COLUMNS:
        path = root / "names" / name
        if not path.is_file():
            continue
        comments, header, rows = read_tsv(path)
        body = sorted({tuple(row) for _, row in rows})
        out = [*comments, "\t".join(header), *("\t".join(row) for row in body)]
        path.write_text("\n".join(out) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point: print problems, exit 1 when there are any."""
    default = Path(__file__).resolve().parent.parent / "data"
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("data_dir", nargs="?", default=str(default))
    parser.add_argument("--sort", action="store_true", help="rewrite files in canonical order")
    args = parser.parse_args(argv)
    if args.sort:
        sort_files(args.data_dir)
    problems = check(args.data_dir)
    for problem in problems:
        print(problem)
    print(f"{len(problems)} problem(s)", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
