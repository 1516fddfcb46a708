"""Recall of katakana, Chinese and Hangul spellings on the dev set's Russian-form names.

    python bench/cjk_recall.py [--part tune|measure] [--devset DIR] [--misses]

The persons whose Russian spelling (a ``ru`` row in Cyrillic, not a surname alone or
initials) has a word with a Russian-form surname or patronymic ending (-ов, -ева,
-ин, -ский, -енко, -ич ...), Armenian, Georgian and Mongolian persons left out (their
ja, zh and ko labels transcribe their own language). For each of their katakana,
Chinese and Hangul spellings (a ``ja``, ``zh*`` or ``ko`` row, else ``names:*``):

* pair recall against the same person's Cyrillic and Latin spellings (the pairs whose
  two keys are equal, of all such pairs);
* ``= ru``: the share whose key is the key of the person's Russian spelling;
* what became of the others: read into Cyrillic with another key, or left as written
  (the reading did not look like a Russian-form name).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script: make the bench package importable
    sys.path.append(str(ROOT))

from bench import devset as ds  # noqa: E402

RUSSIAN_FORM = re.compile(
    r"(ов|ова|ев|ева|ёв|ёва|ин|ина|ын|ына|ский|ская|цкий|цкая|енко|ко|ук|юк|ич|ий|ая|ых|их)$"
)
OWN_LANGUAGE = frozenset({"am", "ge", "mn"})
NOT_CORE = ("surname", "initials", "alias")


def language(row: ds.Spelling) -> str:
    """zh, ja, ko, or names (a ``names:*`` convention) for a CJK row."""
    for convention in row.conventions:
        if convention.startswith("zh") or convention == "wuu":
            return "zh"
        if convention in ("ja", "ko"):
            return convention
    return "names"


def russian_spelling(rows: list[ds.Spelling]) -> ds.Spelling | None:
    """The person's Russian spelling where it is a Russian-form name, else None."""
    for row in rows:
        core = not row.form.startswith(NOT_CORE)
        if "ru" in row.conventions and row.script == "Cyrillic" and core:
            words = row.name.replace(",", " ").lower().split()
            return row if any(RUSSIAN_FORM.search(w) for w in words) else None
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", default="tune", choices=ds.PARTS)
    parser.add_argument("--devset", type=Path, default=ROOT / "tests" / "data" / "devset")
    parser.add_argument("--misses", action="store_true", help="list the misses")
    args = parser.parse_args()

    import translit
    from translit.names.scripts import cyrillic_reading

    country = {r["person"]: r["country"] for r in ds.read_tsv(args.devset / "persons.tsv")}
    by_person: dict[str, list[ds.Spelling]] = defaultdict(list)
    for row in ds.load_part(args.devset, args.part):
        by_person[row.person].append(row)
    pairs: Counter[str] = Counter()
    equal: Counter[str] = Counter()
    outcome: Counter[tuple[str, str]] = Counter()
    misses: list[str] = []
    persons = 0
    for person, rows in by_person.items():
        russian = russian_spelling(rows)
        if russian is None or country.get(person) in OWN_LANGUAGE:
            continue
        persons += 1
        russian_key = translit.key(russian.name)
        others = [r for r in rows if r.script in ("Cyrillic", "Latin")]
        others = [r for r in others if not r.form.startswith(NOT_CORE)]
        for row in rows:
            if row.script != "CJK" or row.form.startswith(NOT_CORE):
                continue
            lang, key = language(row), translit.key(row.name)
            for other in others:
                label = f"{lang} ~ {other.script}"
                pairs[label] += 1
                equal[label] += translit.key(other.name) == key
            if key == russian_key:
                outcome[(lang, "= ru")] += 1
            elif cyrillic_reading(row.name) == row.name:
                outcome[(lang, "left as written")] += 1
                misses.append(f"{lang}  {row.name}  (left as written)  ru: {russian.name}")
            else:
                outcome[(lang, "read, other key")] += 1
                misses.append(f"{lang}  {row.name}  -> {key}  ru: {russian.name} -> {russian_key}")
    print(f"{args.part}: {persons} persons with a Russian-form Russian spelling")
    print(f"  {'pairs':<20} {'equal keys':>16}")
    for label in sorted(pairs):
        share = equal[label] / pairs[label]
        print(f"  {label:<20} {equal[label]:>5}/{pairs[label]:<5} {share:.3f}")
    total_equal, total = sum(equal.values()), sum(pairs.values())
    print(f"  {'all':<20} {total_equal:>5}/{total:<5} {total_equal / max(total, 1):.3f}")
    print(f"  {'spellings':<10} {'= ru':>6} {'read, other key':>16} {'left as written':>16}")
    for lang in sorted({lang for lang, _ in outcome}):
        counts = [outcome[(lang, k)] for k in ("= ru", "read, other key", "left as written")]
        print(f"  {lang:<10} {counts[0]:>6} {counts[1]:>16} {counts[2]:>16}  of {sum(counts)}")
    if args.misses:
        print("\n".join(sorted(misses)))


if __name__ == "__main__":
    main()
