"""Build tests/data/devset/name_lists.tsv: given names and surnames of countries whose
names are not of Cyrillic origin, for the origin gate (translit/names/origin.py) to learn
from (tune part) and to be measured on (measure part).

Source: the person-name lists of the Faker package (PyPI ``faker``, version pinned
below; MIT licence), ``faker/providers/person/<locale>/__init__.py``, attributes
``first_names*`` and ``last_names``. They are lists of common names of each country,
written as that country writes them: Turkish names with ı ğ ş, Indian names as the
English press spells them, Yoruba, Swahili, Irish names. No legislature or company list
held back for evaluation is read.

Only Latin-script locales of countries whose names are not of Cyrillic origin are taken:
not Russian, Ukrainian, Bulgarian, Macedonian, Azerbaijani or Uzbek (Cyrillic origin), nor
Polish, Czech, Slovak, Croatian, Slovene and the Baltic languages (their names share their
letters and endings with their spellings of Russian names; the legislature lists of the
development set measure them). A word is one row per locale: ``word``, ``kind`` (given or
surname), ``locale``, ``part`` (tune or measure: the first byte of SHA-256 of the word in
lower case is even for tune, so a word shared by two locales is in one part), ``source``
(the list's attribute in ``faker/providers/person/<locale>/__init__.py`` of Faker
40.63.0).

Usage (needs ``pip install faker==40.63.0``):
    python scripts/build_name_lists.py [--out tests/data/devset/name_lists.tsv]
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import importlib
import io
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FAKER_VERSION = "40.63.0"
LOCALES = (
    "en_US", "en_GB", "en_IE", "en_NZ", "en_IN", "en_KE", "en_NG", "en_PK",
    "yo_NG", "ig_NG", "ha_NG", "sw", "tw_GH", "zu_ZA", "ga_IE",
    "de_DE", "de_AT", "de_CH", "fr_FR", "fr_CA", "fr_BE", "es_ES", "es_MX", "es_AR",
    "es_CO", "es_CL", "it_IT", "nl_NL", "nl_BE", "sv_SE", "no_NO", "da_DK", "fi_FI",
    "is_IS", "pt_BR", "pt_PT", "ro_RO", "hu_HU", "tr_TR", "id_ID", "vi_VN",
)  # fmt: skip
_GIVEN = ("first_names", "first_names_male", "first_names_female")
COLUMNS = ("word", "kind", "locale", "part", "source")


def tune_word(word: str) -> bool:
    return hashlib.sha256(word.lower().encode()).digest()[0] % 2 == 0


def _names(value: object) -> list[str]:
    """The names of a Faker list (a tuple, or a dict of names to weights)."""
    items = list(value) if isinstance(value, (dict, list, tuple)) else []
    return [x for x in items if isinstance(x, str)]


def _latin(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return bool(letters) and all("LATIN" in unicodedata.name(c, "") for c in letters)


def rows() -> list[dict[str, str]]:
    import faker

    if faker.VERSION != FAKER_VERSION:
        raise SystemExit(f"needs faker=={FAKER_VERSION} (found {faker.VERSION})")
    out: list[dict[str, str]] = []
    for locale in LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for kind, attributes in (("given", _GIVEN), ("surname", ("last_names",))):
            seen: set[str] = set()
            for attribute in attributes:
                for name in _names(getattr(provider, attribute, ())):
                    word = " ".join(unicodedata.normalize("NFC", name).split())
                    if not word or word in seen or not _latin(word):
                        continue
                    seen.add(word)
                    part = "tune" if tune_word(word) else "measure"
                    out.append(
                        {"word": word, "kind": kind, "locale": locale, "part": part,
                         "source": attribute}
                    )  # fmt: skip
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out", type=Path, default=ROOT / "tests" / "data" / "devset" / "name_lists.tsv"
    )
    args = parser.parse_args(argv)
    found = rows()
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, COLUMNS, delimiter="\t", lineterminator="\n")
    writer.writeheader()
    writer.writerows(found)
    tmp = args.out.with_suffix(".tmp")
    tmp.write_text(buffer.getvalue(), encoding="utf-8")
    tmp.replace(args.out)
    print(f"{args.out}: {len(found)} words of {len(LOCALES)} locales", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
