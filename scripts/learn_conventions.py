"""Learn the letter correspondences of each Latin spelling convention from aligned
spellings of the attested development set, and check them against the published
romanization tables.

Issue 16, part 2: "learn [the correspondences] from aligned spellings of the development
set (character alignment of one person's spellings across languages), and check the
learned tables against published transcription rules".

For every person of Russian-form name in the tune half (``persons.tsv``: ``slavic_form``)
of the countries whose Latin labels transcribe a Cyrillic spelling,
the Russian Wikipedia label (convention ``ru``) is the Cyrillic side; each Latin spelling
is paired with it word by word (the word whose fold is nearest), and each pair of words is
aligned letter by letter: every Cyrillic letter writes a group of zero to three Latin
letters, in order. The groups are found by hard EM (Viterbi alignment, then counts, four
rounds), starting from the ``scientific`` scheme's letters; the counts are kept per
convention (the Wikipedia language of the label: ``de``, ``fr``, ``cs``, ``hu`` ...).

Writes ``data/names/learned_conventions.json``: per convention with enough aligned words,
each Cyrillic letter's Latin groups with their shares, and how the learned table compares
with the published scheme of that convention where translit has one (``de-press``,
``fr-press``, ``es-press``, ``pl-press``, ``tr-press``; ``en``: ``bgn-pcgn``). Run:

    python scripts/learn_conventions.py [tests/data/devset] [data/names/learned_conventions.json]
"""

from __future__ import annotations

import csv
import difflib
import json
import math
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

from translit.names.fold import fold_token
from translit.romanization.schemes import get_scheme_data

ROOT = Path(__file__).resolve().parent.parent
LONGEST = 3  # Latin letters one Cyrillic letter may write
ROUNDS = 4
MIN_WORDS = 60  # aligned words a convention needs to be reported
MIN_SHARE = 0.05  # the least share of a letter's groups that is reported
PUBLISHED = {
    "de": "de-press",
    "fr": "fr-press",
    "es": "es-press",
    "pl": "pl-press",
    "tr": "tr-press",
    "en": "bgn-pcgn",
}
# Countries whose members of Russian-form name have Latin labels that transcribe a Cyrillic
# spelling (Moldova's, Armenia's, Georgia's and Azerbaijan's write their own languages' forms)
COUNTRIES = frozenset({"ua", "by", "ee", "lv", "lt", "tj", "bg", "rs", "mk", "mn"})
RUSSIAN = set("абвгдеёжзийклмнопрстуфхцчшщъыьэюя")
Pair = tuple[str, str, str]  # convention, Cyrillic word, Latin word


def read_pairs(devset: Path) -> list[Pair]:
    """(convention, Russian word, Latin word) for each word of each Latin spelling of a
    person of Russian-form name that pairs with a word of the Russian label."""
    persons = _read(devset / "persons.tsv")
    slavic = {
        p["person"] for p in persons if p["slavic_form"] == "yes" and p["country"] in COUNTRIES
    }
    by_person: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in _read(devset / "tune.tsv"):
        if row["person"] in slavic:
            by_person[row["person"]].append(row)
    out: list[Pair] = []
    for rows in by_person.values():
        russian = [r for r in rows if "ru" in r["conventions"].split(",")]
        if not russian or russian[0]["script"] != "Cyrillic":
            continue
        cyrillic = _words(russian[0]["name"])
        if not cyrillic or not all(set(w) <= RUSSIAN for w in cyrillic):
            continue
        for row in rows:
            if row["script"] != "Latin":
                continue
            for latin in _words(row["name"]):
                cyr = _nearest(latin, cyrillic)
                if cyr is None:
                    continue
                for convention in row["conventions"].split(","):
                    if ":" not in convention:  # (Wikipedia languages, not official lists)
                        out.append((convention, cyr, latin))
    return out


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def _words(name: str) -> list[str]:
    words = [unicodedata.normalize("NFC", w.strip(",.")).lower() for w in name.split()]
    return [w for w in words if w.isalpha() and len(w) > 1]


def _nearest(latin: str, cyrillic: list[str]) -> str | None:
    """The Cyrillic word whose fold is nearest the Latin word's (a ratio of 0.7 or more)."""
    fold = fold_token(latin)
    best, score = None, 0.7
    for word in cyrillic:
        ratio = difflib.SequenceMatcher(None, fold, fold_token(word)).ratio()
        if ratio >= score:
            best, score = word, ratio
    return best


def align(cyr: str, latin: str, logp: dict[str, dict[str, float]]) -> list[tuple[str, str]] | None:
    """The likeliest monotone alignment of ``cyr``'s letters to groups of ``latin``
    (each letter writing 0 to ``LONGEST`` Latin letters), by dynamic programming."""
    n, m = len(cyr), len(latin)
    worst = -1e9
    best = [[worst] * (m + 1) for _ in range(n + 1)]
    back = [[0] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    for i in range(1, n + 1):
        table = logp.get(cyr[i - 1], {})
        unseen = table.get("\0", -12.0)
        for j in range(m + 1):
            for k in range(min(LONGEST, j) + 1):
                prev = best[i - 1][j - k]
                if prev <= worst:
                    continue
                score = prev + table.get(latin[j - k : j], unseen)
                if score > best[i][j]:
                    best[i][j], back[i][j] = score, k
    if best[n][m] <= worst:
        return None
    out: list[tuple[str, str]] = []
    j = m
    for i in range(n, 0, -1):
        k = back[i][j]
        out.append((cyr[i - 1], latin[j - k : j]))
        j -= k
    return out[::-1]


def _start_model() -> dict[str, dict[str, float]]:
    """Log-probabilities to start from: the ``scientific`` scheme's letter, likely; any
    other group of up to ``LONGEST`` letters, unlikely."""
    mapping = get_scheme_data("scientific", "ru").forward.mapping
    model: dict[str, dict[str, float]] = {}
    for letter in RUSSIAN:
        model[letter] = {str(mapping.get(letter, "")): math.log(0.5), "\0": math.log(0.001)}
    return model


def _estimate(counts: dict[str, Counter[str]]) -> dict[str, dict[str, float]]:
    model: dict[str, dict[str, float]] = {}
    for letter, groups in counts.items():
        total = sum(groups.values()) + 1.0
        model[letter] = {g: math.log(c / total) for g, c in groups.items()}
        model[letter]["\0"] = math.log(0.5 / total)
    return model


def learn(
    pairs: list[Pair],
) -> tuple[dict[str, dict[str, float]], dict[str, dict[str, Counter[str]]]]:
    """The pooled model (log-probabilities of each Cyrillic letter's Latin groups) and,
    per convention, each letter's groups counted over the aligned words (hard EM: the
    pooled model aligns, the counts re-estimate it)."""
    model = _start_model()
    distinct = Counter(pairs)
    per: dict[str, dict[str, Counter[str]]] = {}
    for _ in range(ROUNDS):
        pooled: dict[str, Counter[str]] = defaultdict(Counter)
        per = defaultdict(lambda: defaultdict(Counter))
        for (convention, cyr, latin), times in distinct.items():
            found = align(cyr, latin, model)
            if found is None:
                continue
            for letter, group in found:
                pooled[letter][group] += times
                per[convention][letter][group] += times
        model = _estimate(pooled)
    return model, per


def compare(table: dict[str, list[tuple[str, float]]], scheme_id: str) -> dict[str, object]:
    """How the learned table's likeliest group of each letter compares with the published
    scheme's letter (its own mapping, before any context rule)."""
    mapping = get_scheme_data(scheme_id, "ru").forward.mapping
    agree, differ = [], []
    for letter, groups in sorted(table.items()):
        if letter not in mapping or not groups:
            continue
        learned = groups[0][0]
        (agree if learned == mapping[letter] else differ).append(
            f"{letter}: {learned} (published {mapping[letter] or '-'})"
        )
    total = len(agree) + len(differ)
    return {
        "scheme": scheme_id,
        "letters": total,
        "agree": round(len(agree) / total, 3) if total else None,
        "differ": differ,
    }


def fold_misses(
    pairs: list[Pair], model: dict[str, dict[str, float]]
) -> tuple[Counter[str], dict[str, Counter[tuple[str, str]]]]:
    """Per convention, how many of its distinct aligned words fold as their Russian
    word does not, and the correspondences of those words that the fold does not make
    of the letter alone (г written h, а written o): where the fold falls short."""
    missed: Counter[str] = Counter()
    blamed: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
    for convention, cyr, latin in set(pairs):
        if fold_token(latin) == fold_token(cyr):
            continue
        missed[convention] += 1
        for letter, group in align(cyr, latin, model) or []:
            if fold_token(letter) != fold_token(group) and letter not in "ьъ":
                blamed[convention][(letter, group)] += 1
    return missed, blamed


def report(
    per: dict[str, dict[str, Counter[str]]],
    pairs: list[Pair],
    model: dict[str, dict[str, float]],
) -> dict[str, object]:
    words = Counter(c for c, _, _ in pairs)
    distinct = Counter(c for c, _, _ in set(pairs))
    missed, blamed = fold_misses(pairs, model)
    conventions: dict[str, object] = {}
    for convention in sorted(per, key=lambda c: -words[c]):
        if words[convention] < MIN_WORDS:
            continue
        table: dict[str, list[tuple[str, float]]] = {}
        for letter in sorted(per[convention]):
            groups = per[convention][letter]
            total = sum(groups.values())
            shares = [(g, round(c / total, 3)) for g, c in groups.most_common()]
            table[letter] = [(g, s) for g, s in shares if s >= MIN_SHARE]
        entry: dict[str, object] = {"words": words[convention], "letters": table}
        entry["fold"] = {
            "meets": round(1 - missed[convention] / distinct[convention], 3),
            "misses": [f"{c} {g or '-'}: {n}" for (c, g), n in blamed[convention].most_common(5)],
        }
        if convention in PUBLISHED:
            entry["published"] = compare(table, PUBLISHED[convention])
        conventions[convention] = entry
    return {
        "description": (
            "Letter correspondences of Latin spelling conventions learnt from the attested "
            "development set (scripts/learn_conventions.py): for each Wikipedia language, "
            "each Russian Cyrillic letter's Latin letter groups with their shares, from a "
            "letter alignment of its labels of persons of Russian-form name with their "
            "Russian Wikipedia label; 'published': agreement of the likeliest group with "
            "translit's table of the same convention; 'fold': the share of distinct aligned "
            "words that fold as their Russian word does, and the correspondences of the "
            "others that the fold does not make of the letter alone. A check of the "
            "hand-written tables and the fold, not read by the library."
        ),
        "source": (
            "tests/data/devset/tune.tsv (Wikidata labels via everypolitician-data, see "
            "tests/data/devset/sources.tsv), tune half only"
        ),
        "conventions": conventions,
    }


def main(argv: list[str]) -> int:
    devset = Path(argv[1]) if len(argv) > 1 else ROOT / "tests" / "data" / "devset"
    target = (
        Path(argv[2]) if len(argv) > 2 else ROOT / "data" / "names" / "learned_conventions.json"
    )
    pairs = read_pairs(devset)
    model, per = learn(pairs)
    out = report(per, pairs, model)
    text = json.dumps(out, ensure_ascii=False, indent=1) + "\n"
    tmp = target.with_suffix(".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(target)
    for convention, entry in out["conventions"].items():  # type: ignore[attr-defined]
        published = entry.get("published")
        agree = f"  published {published['scheme']}: {published['agree']}" if published else ""
        fold = entry["fold"]
        print(f"{convention:8} {entry['words']:6} words  fold meets {fold['meets']}{agree}")
        print(f"{'':8} fold misses {', '.join(fold['misses'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
