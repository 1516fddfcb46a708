"""Dump what the name functions give for a fixed list of names: a reference to diff.

    python scripts/dump_name_outputs.py OUT.tsv [--count N]

The names: the attested dev set (``tests/data/devset/tune.tsv`` and ``measure.tsv``,
column ``name``), ``tests/data/names_dev.jsonl``, and the speed lists of
``bench/names.py`` (``speed_sets``, ``N`` names each), once each in that order. One line
per name: the name, ``translit.key``, then for each of the styles en, rferl, kz-2021 and
cyrillic-ru the fields of ``translit.analyze`` (output, method, entity, key,
confidence), and ``NORMDIFF:`` with ``translit.normalize``'s output where it differs
from ``analyze``'s. Run it before and after a change of the name path that should
keep its behaviour: the two files must be byte-identical (issue 17).
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.append(str(ROOT))

STYLES = ("en", "rferl", "kz-2021", "cyrillic-ru")


def names(count: int) -> list[str]:
    """The names to dump, distinct, in a fixed order."""
    from bench import names as bench_names

    out: list[str] = []
    for part in ("tune", "measure"):
        path = ROOT / "tests" / "data" / "devset" / f"{part}.tsv"
        with path.open(encoding="utf-8", newline="") as f:
            reader = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
            out += [row["name"] for row in reader]
    rows = bench_names.load_rows(bench_names.DEV_SET)
    out += [r.name for r in rows]
    for _, speed_list in bench_names.speed_sets(rows, count):
        out += speed_list
    return list(dict.fromkeys(out))


def _field(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


def dump(out_path: Path, count: int) -> int:
    """Write the dump; the number of names."""
    import translit

    found = names(count)
    with out_path.open("w", encoding="utf-8") as out:
        for name in found:
            fields = [name, translit.key(name)]
            for style in STYLES:
                r = translit.analyze(name, style)
                fields += [r.output, r.method, str(r.entity), r.key, repr(r.confidence)]
                normalized = translit.normalize(name, style)
                if normalized != r.output:
                    fields.append("NORMDIFF:" + normalized)
            out.write("\t".join(_field(f) for f in fields) + "\n")
    return len(found)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=100_000, help="names per speed list")
    args = parser.parse_args()
    print(f"{dump(args.out, args.count)} names", file=sys.stderr)


if __name__ == "__main__":
    main()
