"""Import the Russian schemas of iuliia 0.13 into ``data/schemes/ru/<id>.json``.

iuliia (https://github.com/nalgeon/iuliia, MIT) ships its schemas as JSON in the installed
package. This script reads them from there (``pip install iuliia==0.13``; a dev/bench-only
dependency) and writes them in this project's scheme format (``data/README.md``):

* iuliia's one-letter ``prev_mapping`` keys mean "at the start of a word": they become
  ``start_mapping``; the two-letter keys stay in ``prev_mapping``.
* Values holding the *Cyrillic* ``ё`` (U+0451), a data defect of several iuliia schemas,
  are corrected to Latin ``ë`` (U+00EB), in the mappings and in the samples.
* Output values are NFC-normalized (iuliia writes ``ž`` decomposed in a few schemas).
* ``iso_9_1968_alt`` maps ``и`` to ``y``, colliding with ``ы``; it is corrected to ``i``
  and its sample is re-run through iuliia's own engine with the corrected table.
* Every corrected sample is checked against iuliia's engine running the corrected table,
  and the extra samples (the sample-output table of the reference notes) are checked the
  same way, so a typo in this file cannot slip into the data.
* ``gost-779`` and ``gost-779-alt`` get a Latin-to-Cyrillic ``reverse`` block; its samples
  are the forward samples read backwards, and the script checks they really round-trip.

Usage: ``python scripts/import_iuliia.py [OUT_DIR]`` (default ``data/schemes/ru``).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

IUL_VERSION = "0.13"
IUL_FROM = f"iuliia {IUL_VERSION} schema samples"
IUL_SOURCE = "iuliia {version} package data, schemas/{name}.json (github.com/nalgeon/iuliia)"
CYR_YO = "\u0451"
LAT_YO = "\u00eb"
_CYRILLIC = re.compile("[\u0400-\u04ff]")


@dataclass(frozen=True)
class Meta:
    """What iuliia's file does not say: our short name, the standard and its status."""

    name: str
    standard: str
    status: str  # "actual" or "deprecated", per the iuliia README
    source_extra: str = ""
    yo_standard: str = ""  # the standard that fixes ё -> ë, when iuliia holds Cyrillic ё


IS_RU = "interscript maps/bgnpcgn-rus-Cyrl-Latn-1947.imp; PCGN ROMANIZATION_OF_RUSSIAN.pdf"
IS_ISO9 = "interscript maps/iso-rus-Cyrl-Latn-9-1995.imp"

META: dict[str, Meta] = {
    "ala_lc": Meta(
        "ALA-LC",
        "ALA-LC Romanization Tables: Russian (library cataloguing)",
        "actual",
        yo_standard="ALA-LC (ё = ë)",
    ),
    "ala_lc_alt": Meta(
        "ALA-LC, ASCII",
        "ALA-LC Romanization Tables: Russian, without diacritics and tie bars",
        "actual",
    ),
    "bgn_pcgn": Meta(
        "BGN/PCGN 1947",
        "BGN 1944 / PCGN 1947 romanization of Russian",
        "actual",
        IS_RU,
        yo_standard="BGN/PCGN 1947 (ё = ë, yë)",
    ),
    "bgn_pcgn_alt": Meta(
        "BGN/PCGN 1947, no separators",
        "BGN 1944 / PCGN 1947 romanization of Russian, without the optional middle dots",
        "actual",
        IS_RU,
        yo_standard="BGN/PCGN 1947 (ё = ë, yë)",
    ),
    "bs_2979": Meta(
        "BS 2979:1958",
        "British Standard 2979:1958 (Oxford University Press variant, ы = ȳ)",
        "actual",
        yo_standard="BS 2979:1958 (ё = ë)",
    ),
    "bs_2979_alt": Meta(
        "BS 2979:1958, ASCII",
        "British Standard 2979:1958, without diacritics",
        "actual",
    ),
    "gost_16876": Meta(
        "GOST 16876-71",
        "GOST 16876-71 (also GOST 1983), table 1",
        "deprecated",
        yo_standard="GOST 16876-71 table 1 (ё = ë)",
    ),
    "gost_16876_alt": Meta(
        "GOST 16876-71, table 2",
        "GOST 16876-71 (also GOST 1983), table 2 (letter combinations)",
        "deprecated",
    ),
    "gost_52290": Meta("GOST R 52290-2004", "GOST R 52290-2004 (road signs)", "actual"),
    "gost_52535": Meta(
        "GOST R 52535.1-2006", "GOST R 52535.1-2006 (passports from 2010)", "deprecated"
    ),
    "gost_7034": Meta(
        "GOST R 7.0.34-2014",
        "GOST R 7.0.34-2014 (first of the alternatives it lists for each letter)",
        "actual",
    ),
    "gost_779": Meta(
        "ISO 9 / GOST 7.79-2000 A",
        "ISO 9:1995 = GOST 7.79-2000 System A",
        "actual",
        IS_ISO9,
        yo_standard="ISO 9:1995 (ё = ë)",
    ),
    "gost_779_alt": Meta(
        "GOST 7.79-2000 B",
        "GOST 7.79-2000 System B (letter combinations)",
        "actual",
    ),
    "icao_doc_9303": Meta(
        "ICAO Doc 9303",
        "ICAO Doc 9303 Part 3 (machine-readable travel documents)",
        "actual",
        "interscript maps/icao-rus-Cyrl-Latn-9303.imp",
    ),
    "iso_9_1954": Meta("ISO/R 9:1954", "ISO/R 9:1954", "deprecated"),
    "iso_9_1968": Meta("ISO/R 9:1968", "ISO/R 9:1968", "deprecated"),
    "iso_9_1968_alt": Meta(
        "ISO/R 9:1968, alternative", "ISO/R 9:1968, alternative table", "deprecated"
    ),
    "mosmetro": Meta("Moscow Metro", "Moscow Metro map transliteration", "actual"),
    "mvd_310": Meta(
        "MVD 310-1997",
        "MVD order No. 310 (1997), passports, English variant",
        "deprecated",
    ),
    "mvd_310_fr": Meta(
        "MVD 310-1997, French",
        "MVD order No. 310 (1997), passports, French variant",
        "deprecated",
    ),
    "mvd_782": Meta("MVD 782-2000", "MVD order No. 782 (2000), passports", "deprecated"),
    "scientific": Meta(
        "Scientific",
        "Scientific transliteration (scholarly use)",
        "actual",
        yo_standard="the scientific transliteration (ё = ë)",
    ),
    "telegram": Meta("Telegram", "Telegram's informal chat transliteration", "actual"),
    "ungegn_1987": Meta(
        "UNGEGN 1987",
        "UNGEGN 1987, resolution V/18",
        "actual",
        yo_standard="UNGEGN 1987 V/18 (ё = ë)",
    ),
    "wikipedia": Meta("Wikipedia", "English Wikipedia romanization (modified BGN/PCGN)", "actual"),
    "yandex_maps": Meta("Yandex.Maps", "Yandex.Maps transliteration", "actual"),
    "yandex_money": Meta("Yandex.Money", "Yandex.Money transliteration", "deprecated"),
}

# The sample-output table of the reference notes (§2.5): iuliia 0.13 output for all rows
# but BGN, which is ICU 72.1 Russian-Latin/BGN. Cyrillic ё already corrected to ë there.
EXTRA_WORDS = "Елена Пётр Соловьёв Ильич Дмитрий Красный Юлия подъезд Хрущёв Токаев".split()
EXTRA_TABLE: dict[str, tuple[str, str]] = {
    "bgn_pcgn": (
        "Yelena Pëtr Solovʹyëv Ilʹich Dmitriy Krasnyy Yuliya podʺyezd Khrushchëv Tokayev",
        "ICU 72.1 Russian-Latin/BGN, ʹ ʺ written as iuliia's ’ ”",
    ),
    "wikipedia": (
        "Yelena Pyotr Solovyov Ilyich Dmitry Krasny Yuliya podyezd Khrushchyov Tokayev",
        "iuliia 0.13 output",
    ),
    "icao_doc_9303": (
        "Elena Petr Solovev Ilich Dmitrii Krasnyi Iuliia podieezd Khrushchev Tokaev",
        "iuliia 0.13 output",
    ),
    "mvd_782": (
        "Elena Pyetr Solovyov Ilyich Dmitriy Krasnyy Yuliya podyezd Khrushchev Tokayev",
        "iuliia 0.13 output",
    ),
    "gost_779": (
        "Elena Pëtr Solovʹëv Ilʹič Dmitrij Krasnyj Ûliâ podʺezd Hruŝëv Tokaev",
        "iuliia 0.13 output, ё corrected to ë per ISO 9:1995",
    ),
    "gost_779_alt": (
        "Elena Pyotr Solov`yov Il`ich Dmitrij Krasny`j Yuliya pod``ezd Xrushhyov Tokaev",
        "iuliia 0.13 output",
    ),
    "yandex_maps": (
        "Yelena Pyotr Solovyov Ilich Dmitriy Krasniy Yuliya podyezd Khruschyov Tokayev",
        "iuliia 0.13 output",
    ),
    "mvd_310_fr": (
        "Elena Petr Solovev Ilitch Dmitrii Krasnyi Iouliia podezd Khrouchtchev Tokaev",
        "iuliia 0.13 output",
    ),
}
EXTRA_FROM = "reference notes §2.5 table ({what})"

# Latin -> Cyrillic for GOST 7.79-2000 System B. Longest keys win, so "shh" beats "sh",
# "cz" beats "c" and "y`" beats "y". A "c" (without z) is only written before е и й ы.
REVERSE_779_ALT: dict[str, str] = {
    "a": "а", "b": "б", "v": "в", "g": "г", "d": "д", "e": "е", "yo": "ё", "zh": "ж",
    "z": "з", "i": "и", "j": "й", "k": "к", "l": "л", "m": "м", "n": "н", "o": "о",
    "p": "п", "r": "р", "s": "с", "t": "т", "u": "у", "f": "ф", "x": "х", "cz": "ц",
    "ch": "ч", "sh": "ш", "shh": "щ", "``": "ъ", "y`": "ы", "`": "ь", "e`": "э",
    "yu": "ю", "ya": "я",
    "ce": "це", "ci": "ци", "cj": "цй", "cy`": "цы",
}  # fmt: skip


def iuliia_dir() -> Path:
    """The ``schemas`` folder of the installed iuliia package."""
    try:
        import iuliia  # type: ignore[import-untyped]
    except ImportError:
        sys.exit(f"iuliia is not installed: pip install iuliia=={IUL_VERSION}")
    return Path(iuliia.__file__).parent / "schemas"


def fix_value(value: str) -> str:
    """Replace Cyrillic ё by Latin ë in an output value and NFC-normalize it.

    Any other Cyrillic letter left in an output value is an error.
    """
    fixed = unicodedata.normalize("NFC", value.replace(CYR_YO, LAT_YO))
    if _CYRILLIC.search(fixed):
        raise ValueError(f"Cyrillic left in output value {value!r}")
    return fixed


def fix_map(mapping: dict[str, str] | None) -> dict[str, str]:
    """Copy a mapping with its output values fixed."""
    return {key: fix_value(val) for key, val in (mapping or {}).items()}


def iuliia_translate(raw: dict[str, Any], text: str) -> str:
    """Run iuliia's own engine on ``text`` with the (already corrected) maps in ``raw``."""
    from iuliia.schema import TranslitSchema  # type: ignore[import-untyped]

    schema = TranslitSchema(
        name=raw["name"],
        mapping=raw["mapping"],
        prev_mapping=raw.get("prev_mapping"),
        next_mapping=raw.get("next_mapping"),
        ending_mapping=raw.get("ending_mapping"),
    )
    return str(schema.translate(text))


def reverse_map(mapping: dict[str, str]) -> dict[str, str]:
    """Invert a one-to-one letter table (ISO 9); fail if it is not one-to-one."""
    inverse: dict[str, str] = {}
    for cyr, lat in mapping.items():
        if lat in inverse or not lat:
            raise ValueError(f"not one-to-one at {cyr!r} -> {lat!r}")
        inverse[lat] = cyr
    return inverse


def check_reverse(mapping: dict[str, str], latin: str, cyrillic: str) -> None:
    """Read ``latin`` back with ``mapping`` (longest key first) and compare to ``cyrillic``.

    This is a plain independent reading, lower case only, enough to check that a reverse
    sample is consistent with the reverse table before it goes into the data.
    """
    keys = sorted(mapping, key=len, reverse=True)
    pattern = re.compile("|".join(re.escape(k) for k in keys))
    got = pattern.sub(lambda m: mapping[m.group()], latin.lower())
    if got != cyrillic.lower():
        raise ValueError(f"reverse sample {latin!r} reads back as {got!r}, not {cyrillic!r}")


def convert(name: str, raw: dict[str, Any]) -> dict[str, Any]:
    """Build our scheme document from one iuliia schema."""
    meta = META[name]
    maps = ("mapping", "prev_mapping", "next_mapping", "ending_mapping")
    had_cyr_yo = any(CYR_YO in v for m in maps for v in (raw.get(m) or {}).values())

    mapping = fix_map(raw["mapping"])
    prev_raw = fix_map(raw.get("prev_mapping"))
    start = {k: v for k, v in prev_raw.items() if len(k) == 1}
    prev = {k: v for k, v in prev_raw.items() if len(k) != 1}
    nxt = fix_map(raw.get("next_mapping"))
    ending = fix_map(raw.get("ending_mapping"))
    notes = import_notes(name, raw, maps, bool(start), had_cyr_yo)
    if name == "iso_9_1968_alt":
        correct_iso_9_1968_alt(mapping, notes)
    fixed = {
        "name": name,
        "mapping": mapping,
        "prev_mapping": prev_raw or None,
        "next_mapping": nxt or None,
        "ending_mapping": ending or None,
    }

    samples = checked_samples(name, raw, fixed)
    add_word_list_samples(name, fixed, samples, had_cyr_yo or name == "iso_9_1968_alt")
    if name == "bgn_pcgn":
        notes.append(
            "ь and ъ are ’ ” (U+2019, U+201D) as in iuliia and the PCGN document; ICU 72.1"
            " Russian-Latin/BGN writes ʹ ʺ (U+02B9, U+02BA). iuliia's choice is kept."
        )

    source = IUL_SOURCE.format(version=IUL_VERSION, name=name)
    if meta.source_extra:
        source = f"{source}; {meta.source_extra}"
    outputs = [*mapping.values(), *start.values(), *prev.values(), *nxt.values()]
    outputs.extend(ending.values())
    doc: dict[str, Any] = {
        "id": name.replace("_", "-"),
        "language": "ru",
        "name": meta.name,
        "description": f"{raw['description'].rstrip('.')} (Russian), from iuliia {IUL_VERSION}.",
        "standard": {"name": meta.standard, "source": source, "url": raw["url"]},
        "aliases": ["iso9", "iso-9-1995"] if name == "gost_779" else [],
        "ascii": all(v.isascii() for v in outputs),
        "casing": "default",
        "mapping": mapping,
        "start_mapping": start,
        "prev_mapping": prev,
        "next_mapping": nxt,
        "ending_mapping": ending,
        "rules": [],
        "reverse": None,
        "notes": notes,
        "samples": samples,
    }
    if name in ("gost_779", "gost_779_alt"):
        reverse = build_reverse(name, mapping, samples)
        notes.append(
            f"The reverse block (Latin -> Cyrillic) is ours: {reverse.pop('note')} Its"
            " samples are the forward samples read backwards."
        )
        doc["reverse"] = reverse
    return doc


def import_notes(
    name: str, raw: dict[str, Any], maps: tuple[str, ...], has_start: bool, had_cyr_yo: bool
) -> list[str]:
    """The scheme's notes: where it comes from, iuliia's comments, and what was changed."""
    meta = META[name]
    notes: list[str] = [
        f"Imported from iuliia {IUL_VERSION} schema '{name}' by scripts/import_iuliia.py;"
        f" iuliia lists it as {meta.status}.",
    ]
    notes.extend(raw.get("comments") or [])
    if any(
        not unicodedata.is_normalized("NFC", v) for m in maps for v in (raw.get(m) or {}).values()
    ):
        notes.append(
            "iuliia writes some output letters decomposed (ž as z + U+030C); they are"
            " NFC-normalized here (precomposed), like all text the library handles."
        )
    if has_start:
        notes.append("iuliia's one-letter prev_mapping keys (word start) are start_mapping here.")
    if had_cyr_yo:
        notes.append(
            "iuliia holds the Cyrillic letter ё (U+0451) as the Latin output for ё; corrected"
            f" to Latin ë (U+00EB) per {meta.yo_standard}, in the maps and the samples."
        )
    return notes


def correct_iso_9_1968_alt(mapping: dict[str, str], notes: list[str]) -> None:
    """ISO/R 9:1968's alternative table: iuliia's и -> y corrected to и -> i."""
    if mapping["и"] != "y":
        raise ValueError("iso_9_1968_alt: expected iuliia's и -> y defect")
    mapping["и"] = "i"
    notes.append(
        "iuliia maps и to y, which collides with ы -> y (Ильич -> Ylʹych); corrected to"
        " и -> i as in ISO/R 9:1968, whose alternative table changes only ж х ц ч ш щ"
        " ю я (and й); the sample is iuliia's, re-run through iuliia's engine with the"
        " corrected table."
    )


def checked_samples(name: str, raw: dict[str, Any], fixed: dict[str, Any]) -> list[dict[str, str]]:
    """iuliia's samples, run through iuliia's engine with the corrected table; a sample
    that comes out otherwise must differ only by a correction, which its origin names."""
    meta = META[name]
    samples: list[dict[str, str]] = []
    for source, expected in raw["samples"]:
        got = iuliia_translate(fixed, source)
        origin = IUL_FROM
        if got != expected and unicodedata.normalize("NFC", expected) == got:
            origin = "iuliia sample, NFC-normalized"
        elif got != expected:
            if name == "iso_9_1968_alt":
                origin = "iuliia sample, re-run with и -> i per ISO/R 9:1968 (see notes)"
            elif unicodedata.normalize("NFC", expected.replace(CYR_YO, LAT_YO)) == got:
                origin = f"iuliia sample, ё corrected to ë per {meta.yo_standard}"
            else:
                raise ValueError(f"{name}: sample {source!r} gives {got!r}, not {expected!r}")
        samples.append({"source": source, "expected": got, "from": origin})
    return samples


def add_word_list_samples(
    name: str, fixed: dict[str, Any], samples: list[dict[str, str]], corrected: bool
) -> None:
    """The word list of the reference notes §2.5 as samples (those not samples yet): the
    published table's row where there is one, else iuliia's engine output, checked."""
    if name in EXTRA_TABLE:
        row, what = EXTRA_TABLE[name]
        expected_row = row.split()
        origin = EXTRA_FROM.format(what=what)
    else:
        expected_row = [iuliia_translate(fixed, word) for word in EXTRA_WORDS]
        origin = f"iuliia {IUL_VERSION} engine output on the word list of the reference notes §2.5"
        if corrected:
            origin += ", run with the corrected table (see notes)"
    for source, expected in zip(EXTRA_WORDS, expected_row, strict=True):
        if name == "bgn_pcgn":  # ICU's ʹ ʺ, iuliia's ’ ”
            expected = expected.replace("ʹ", "’").replace("ʺ", "”")
        got = iuliia_translate(fixed, source)
        if got != expected:
            raise ValueError(f"{name}: §2.5 {source!r} gives {got!r}, not {expected!r}")
        if any(s["source"] == source for s in samples):
            continue
        samples.append({"source": source, "expected": expected, "from": origin})


def build_reverse(
    name: str, mapping: dict[str, str], samples: list[dict[str, str]]
) -> dict[str, Any]:
    """Latin -> Cyrillic block for ISO 9 (exact inverse) and System B (letter groups)."""
    if name == "gost_779":
        rev = reverse_map(mapping)
        note = "Exact inverse of the one-to-one ISO 9 table."
    else:
        rev = dict(REVERSE_779_ALT)
        note = (
            "System B read back: longest letter group first (shh, cz, y`, e`, ``, yo, yu, ya,"
            " zh, ch, sh); c without z only occurs before е и й ы, so ce ci cj cy` are read"
            " as це ци цй цы."
        )
    rev_samples = []
    for sample in samples:
        check_reverse(rev, sample["expected"], sample["source"])
        rev_samples.append(
            {
                "source": sample["expected"],
                "expected": sample["source"],
                "from": f"forward sample read backwards ({sample['from']})",
            }
        )
    return {"mapping": rev, "note": note, "samples": rev_samples}


def main(argv: list[str] | None = None) -> int:
    """Write one JSON file per Russian iuliia schema."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", nargs="?", default="data/schemes/ru", type=Path)
    args = parser.parse_args(argv)
    src = iuliia_dir()
    args.out.mkdir(parents=True, exist_ok=True)
    for name in sorted(META):
        raw = json.loads((src / f"{name}.json").read_text(encoding="utf-8"))
        doc = convert(name, raw)
        path = args.out / f"{doc['id']}.json"
        path.write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"{path}: {len(doc['samples'])} samples")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
