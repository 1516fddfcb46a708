"""Language identification accuracy per language on sentences of 3-30 words.

Reads ``tests/data/translate/langid.tsv`` (or FILE) and prints, per language, how many
sentences :func:`translate.langid.identify` labels correctly, as a Markdown table::

    python bench/langid.py [FILE]
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DATA = ROOT / "tests" / "data" / "translate" / "langid.tsv"


def read(path: Path) -> list[tuple[str, str]]:
    """``(lang, sentence)`` rows of a langid TSV file (comments and header skipped)."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#") or line.startswith("lang\t"):
            continue
        lang, sentence = line.split("\t")[:2]
        rows.append((lang, sentence))
    return rows


def accuracy(rows: list[tuple[str, str]]) -> dict[str, tuple[int, int, Counter[str]]]:
    """Per language: correct, total, and what the wrong answers were."""
    from translate.langid import identify

    out: dict[str, tuple[int, int, Counter[str]]] = {}
    for lang, sentence in rows:
        right, total, wrong = out.get(lang, (0, 0, Counter()))
        got = identify(sentence)
        if got == lang:
            right += 1
        else:
            wrong[got] += 1
        out[lang] = (right, total + 1, wrong)
    return out


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DATA
    table = accuracy(read(path))
    print("| lang | sentences | correct | accuracy | wrong answers |")
    print("|---|---|---|---|---|")
    right_all = total_all = 0
    for lang, (right, total, wrong) in table.items():
        right_all += right
        total_all += total
        mistakes = ", ".join(f"{k} x{v}" for k, v in wrong.most_common()) or "-"
        print(f"| {lang} | {total} | {right} | {right / total:.0%} | {mistakes} |")
    print(f"| all | {total_all} | {right_all} | {right_all / total_all:.0%} | |")


if __name__ == "__main__":
    main()
