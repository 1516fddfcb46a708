"""Build data/names/origin_ngrams.json: the character statistics that tell a Latin
spelling of a Cyrillic-origin name from other names (translit/names/origin.py).

A naive Bayes model over the character 1- to 4-grams of single words ("^ivanov$"):
for each n-gram, the log of how much likelier it is in a word of a Cyrillic-origin
name than in a word of another name. Learnt from the *tune* part of the attested
development set (tests/data/devset, built by scripts/build_devset.py from public
everypolitician-data files):

* Cyrillic-origin: the Latin spellings of members whose names have a Russian,
  Ukrainian, Belarusian or Bulgarian form (``slavic_form`` yes), and the lexicon's
  Kazakh and Russian given names and surnames in the English-press romanizations
  (not in Turkish letters: ``TURKISH_LETTER_SCHEMES``);
* other: the spellings of members of 40 legislatures of other countries
  (``open_world.tsv``, reviewed ``no``), tune half (the split of persons.tsv: the
  first byte of SHA-256 of the person id is even), but for the legislatures whose
  names are Slavic in Latin spelling (see ``SLAVIC_LATIN``); and the tune part of the
  given names and surnames of 41 other countries in ``name_lists.tsv`` (Faker's
  person-name lists, scripts/build_name_lists.py);
* ``shared_given``: the lexicon's given names that the other names use too;
* ``other_endings``: the other names' words that end like a Cyrillic-origin surname.

The measure half of both is never read here. Usage:
    python scripts/build_origin_model.py [--devset tests/data/devset] [--out PATH]
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import math
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

N_MAX = 4
MIN_COUNT = 3  # n-grams seen fewer times in both classes together are left out
SMOOTH = 0.5

_WORD_RE = re.compile(r"[^\W\d_]+(?:['’ʼ`][^\W\d_]+)*")


def words(name: str) -> list[str]:
    """The words of a name as the model sees them: NFC, lower case."""
    return [w.lower() for w in _WORD_RE.findall(unicodedata.normalize("NFC", name))]


def grams(word: str) -> list[str]:
    padded = f"^{word}$"
    return [padded[i : i + n] for n in range(1, N_MAX + 1) for i in range(len(padded) - n + 1)]


def tune_person(person: str) -> bool:
    return hashlib.sha256(person.encode()).digest()[0] % 2 == 0


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def positive_names(devset: Path) -> list[str]:
    slavic = {r["person"] for r in _rows(devset / "persons.tsv") if r["slavic_form"] == "yes"}
    return [
        r["name"]
        for r in _rows(devset / "tune.tsv")
        if r["script"] == "Latin" and r["person"] in slavic
    ]


# Conventions that spell with the Turkish alphabet's own letters (ı ş ğ ç ö ü and no
# other): their renderings of the lexicon would teach the statistics that a Turkish
# word (Yıldırım, Kılıç) looks like a Kazakh name. Turkish names are far more common
# in users' files than these spellings, which the endings and the lexicon still find.
TURKISH_LETTER_SCHEMES = frozenset({"kz-2021", "tr-press"})


def lexicon_names() -> list[str]:
    """The lexicon's Cyrillic names in the conventions the lexicon spells them in
    (romanization schemes and press transcriptions: English, German, French, Polish,
    Spanish; translit.names.lexicon.SPELLING_SCHEMES), but for :data:`TURKISH_LETTER_SCHEMES`."""
    from translit.names.lexicon import SPELLING_SCHEMES, lexicon
    from translit.romanization.romanize import romanize
    from translit.romanization.schemes import scheme_ids

    schemes = [
        (lang, sid)
        for lang, sid in SPELLING_SCHEMES
        if sid in scheme_ids(lang) and sid not in TURKISH_LETTER_SCHEMES
    ]
    out = []
    for cyr in lexicon().cyrillic.values():
        out.extend(romanize(cyr, sid, lang=lang) for lang, sid in schemes)
    return out


# Legislatures left out of the other names (they are measured, not learnt from):
# Polish, Czech and Croatian names share their letters and endings with the Polish,
# Czech and Croatian spellings of Russian names; Greek romanization spells the Greek
# forms of the same saints' names as Russian romanization does (Michail,
# Konstantinos); and many members of the Knesset were born in the USSR.
SLAVIC_LATIN = frozenset(
    {"Poland", "Czech_Republic", "Slovakia", "Croatia", "Slovenia", "Greece", "Israel"}
)


def negative_names(devset: Path, slavic_latin: bool = False) -> list[str]:
    return [
        r["name"]
        for r in _rows(devset / "open_world.tsv")
        if r["cyrillic_origin"] == "no"
        and r["script"] == "Latin"
        and tune_person(r["person"])
        and (slavic_latin or r["country"] not in SLAVIC_LATIN)
    ]


def list_words(devset: Path) -> list[str]:
    """The tune part of the other countries' given names and surnames of
    ``name_lists.tsv`` (Faker's person lists; scripts/build_name_lists.py), each word
    once."""
    path = devset / "name_lists.tsv"
    if not path.exists():
        return []
    return sorted({r["word"] for r in _rows(path) if r["part"] == "tune"})


def count(names: list[str]) -> tuple[Counter[str], int]:
    counts: Counter[str] = Counter()
    for name in names:
        for word in words(name):
            counts.update(grams(word))
    return counts, sum(counts.values())


def shared_given_names(negatives: list[str]) -> list[str]:
    """The lexicon's given names that other countries' members are called too (Anna,
    Maria, David, Robert): no evidence of a Cyrillic origin by themselves."""
    from translit.names.fold import fold_token
    from translit.names.lexicon import lexicon

    entries = lexicon().entries()
    seen = {w for name in negatives for w in words(name)}
    out = set()
    for word in seen:
        entry = entries.get(fold_token(word))
        if entry is not None and entry.given:
            out.add(word)
    return sorted(out)


def other_endings(negatives: list[str]) -> list[str]:
    """Words of other countries' names that end like a Cyrillic-origin surname
    (Danish Gjerskov, Bødskov): the ending is no evidence for them."""
    rules = json.loads((ROOT / "data" / "names" / "name_rules.json").read_text(encoding="utf-8"))
    endings = rules["cyrillic_origin_endings"]["endings"]
    pattern = re.compile("(?:" + "|".join(re.escape(e) for e in endings) + ")$")
    return sorted(
        {w for name in negatives for w in words(name) if len(w) >= 5 and pattern.search(w)}
    )


def build(devset: Path) -> dict[str, object]:
    positives = positive_names(devset)
    lexicon = lexicon_names()
    negatives = negative_names(devset)
    listed = list_words(devset)
    pos, pos_total = count(positives + lexicon)
    neg, neg_total = count(negatives + listed)
    vocabulary = len(set(pos) | set(neg))
    ratios = {}
    for gram in set(pos) | set(neg):
        if pos[gram] + neg[gram] < MIN_COUNT:
            continue
        p = (pos[gram] + SMOOTH) / (pos_total + SMOOTH * vocabulary)
        q = (neg[gram] + SMOOTH) / (neg_total + SMOOTH * vocabulary)
        ratio = round(math.log(p / q), 2)
        if ratio:
            ratios[gram] = ratio
    return {
        "description": (
            "Log-likelihood ratios of character 1- to 4-grams (^ and $ mark the ends of a "
            "word): Latin spellings of Cyrillic-origin names against other names. Built by "
            "scripts/build_origin_model.py; do not edit by hand."
        ),
        "sources": [
            "tests/data/devset (everypolitician-data, tune part): Latin spellings of members "
            "of 14 post-Soviet and Balkan legislatures with a Slavic-form name "
            f"({len(positives)} names), and of 40 other legislatures ({len(negatives)} names)",
            f"translit's lexicon of Kazakh and Russian names, romanized ({len(lexicon)} names)",
            "tests/data/devset/name_lists.tsv (Faker's person-name lists of 41 locales, "
            f"tune part): other countries' given names and surnames ({len(listed)} words)",
        ],
        "n_max": N_MAX,
        "shared_given": shared_given_names(negatives + listed),
        "other_endings": other_endings(negatives + listed),
        "ngrams": dict(sorted(ratios.items())),
    }


def build_from_devset(
    doc: str | None,
    out: str,
    build_data: Callable[[Path], dict[str, object]],
    argv: list[str] | None,
) -> tuple[Path, dict[str, object]]:
    """The command line of a script that builds ``data/names/<out>`` from the development
    set: parse ``--devset`` and ``--out``, build, write the JSON atomically."""
    parser = argparse.ArgumentParser(description=(doc or "").splitlines()[0])
    parser.add_argument("--devset", type=Path, default=ROOT / "tests" / "data" / "devset")
    parser.add_argument("--out", type=Path, default=ROOT / "data" / "names" / out)
    args = parser.parse_args(argv)
    if not (args.devset / "tune.tsv").is_file():
        parser.error(f"no development set in {args.devset} (run scripts/build_devset.py)")
    data = build_data(args.devset)
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    tmp = args.out.with_suffix(".tmp")
    tmp.write_text(text + "\n", encoding="utf-8")
    tmp.replace(args.out)
    return args.out, data


def main(argv: list[str] | None = None) -> int:
    out, model = build_from_devset(__doc__, "origin_ngrams.json", build, argv)
    print(f"{out}: {len(model['ngrams'])} n-grams")  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
