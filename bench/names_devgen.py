"""Regenerate the ``scheme:*`` rows of the name-matching development set.

The attested rows of ``tests/data/names_dev.jsonl`` are written by hand, each with its
source. This script adds *generated* rows: the Cyrillic rows of each entity romanized by
documented standards, marked ``"kind": "scheme:<id>"``. It is independent of the
``translit`` package on purpose (so the bench does not grade the library against its own
output): Russian schemes come from iuliia and ICU, the press conventions and the Kazakh
Latin alphabets from the letter tables in ``/work/shared/reference/romanization.md``
(sections 1.2, 1.3 and 3.1), implemented here.

    python bench/names_devgen.py [tests/data/names_dev.jsonl]

Needs the ``bench`` extra (iuliia, pyicu). Rerunning replaces all ``scheme:*`` rows.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

DEV_SET = Path(__file__).resolve().parent.parent / "tests" / "data" / "names_dev.jsonl"

VOWELS = set("аеёиоуыэюяәөұүі")
KAZAKH_ONLY = set("әғқңөұүһі")
_WORD = re.compile(r"[^\W\d_]+")

Context = tuple[str, str, str, int]  # previous letter, letter, next letter, index in word


# ---------------------------------------------------------------- press conventions (RU)


def _de_duden(prev: str, cur: str, nxt: str, i: int, word: str) -> str:
    """German (Duden), romanization.md §3.1."""
    base = dict(
        zip(
            "абвгдежзийклмнопрстуфхцчшщъыьэюя",
            "a b w g d e sch s i i k l m n o p r s t u f ch z tsch sch schtsch - y - e ju ja".split(
                " "
            ),
            strict=True,
        )
    )
    if cur == "е":
        return "je" if i == 0 or prev in VOWELS or prev in "ъь" else "e"
    if cur == "ё":
        return "o" if prev in "жчшщ" else "jo"
    if cur == "й":
        if i == len(word) - 1 and prev in "иы":
            return ""
        return "j" if nxt in VOWELS else "i"
    if cur == "и" and prev == "ь":
        return "ji"
    out = base.get(cur, cur)
    return "" if out == "-" else out


def _pl_pwn(prev: str, cur: str, nxt: str, i: int, word: str) -> str:
    """Polish (PWN), romanization.md §3.1."""
    base = dict(
        zip(
            "абвгджзйкмнопрстуфхцчшщъыэ",
            "a b w g d ż z j k m n o p r s t u f ch c cz sz szcz - y e".split(" "),
            strict=True,
        )
    )
    iotated = {"е": ("je", "e", "ie"), "ё": ("jo", "o", "io"), "ю": ("ju", "u", "iu")}
    iotated["я"] = ("ja", "a", "ia")
    if cur in iotated:
        initial, hard, soft = iotated[cur]
        if i == 0 or prev in VOWELS or prev in "ъь":
            return initial
        hard_after = "жлцчшщ" if cur == "е" else "жлчшщ"
        return hard if prev in hard_after else soft
    if cur == "л":
        return "l" if nxt and nxt in "еёиьюя" else "ł"
    if cur == "и":
        if prev == "ь":
            return "ji"
        return "y" if prev in "жцш" else "i"
    if cur == "ь":
        return ""
    out = base.get(cur, cur)
    return "" if out == "-" else out


def _fr_press(prev: str, cur: str, nxt: str, i: int, word: str) -> str:
    """French (fr.wiktionary convention), romanization.md §3.1.

    Two choices of ours where the table is silent: ё after ж ч ш щ is written ``e``
    (the French press works from the ё-less spelling: Gorbatchev, Khrouchtchev), and
    after ь the iotated vowels lose their ``i`` because ь itself is written ``i``
    (Vassiliev).
    """
    base = dict(
        zip(
            "абвджзклмнопрстуфхцчшщъыэюя",
            "a b v d j z k l m n o p r s t ou f kh ts tch ch chtch - y e iou ia".split(" "),
            strict=True,
        )
    )
    last = i == len(word) - 1
    if cur == "г":
        return "gu" if nxt in ("е", "и", "ы") else "g"
    if cur == "е":
        if prev == "ь":
            return "e"
        if i == 0:
            return "ie"
        return "ïe" if prev in VOWELS else "e"
    if cur == "ё":
        if prev == "ь":
            return "o"
        return "e" if prev in "жчшщ" else "io"
    if cur in "юя" and prev == "ь":
        return "ou" if cur == "ю" else "a"
    if cur == "и":
        return "ï" if prev in VOWELS else "i"
    if cur == "й":
        if last and prev in "иы":
            return ""
        return "ï"
    if cur == "ь":
        return "i" if nxt in ("е", "ё", "ю", "я") else ""
    if cur == "с" and prev in VOWELS and nxt in VOWELS:
        return "ss"
    if cur == "н" and last and prev in "иы":
        return "ne"
    out = base.get(cur, cur)
    return "" if out == "-" else out


def _es_un(prev: str, cur: str, nxt: str, i: int, word: str) -> str:
    """Spanish (UN Geneva RU-ES 2016), romanization.md §3.1, without stress accents."""
    base = dict(
        zip(
            "абвджзиклмнопрстуфхцчшщъыьэю",
            "a b v d zh z i k l m n o p r s t u f j ts ch sh sch - y - e yu".split(" "),
            strict=True,
        )
    )
    last = i == len(word) - 1
    if cur == "г":
        return "gu" if nxt in ("е", "и") else "g"
    if cur == "е":
        return "ye" if i == 0 or prev in VOWELS or prev in "ъь" else "e"
    if cur == "ё":
        return "o" if prev in "жчшщ" else "yo"
    if cur == "й":
        if last and prev in "иы":
            return ""
        return "y" if last and prev in "аеоу" else "i"
    if cur == "я":
        return "a" if last and prev == "и" else "ya"
    out = base.get(cur, cur)
    return "" if out == "-" else out


# ---------------------------------------------------------------- Kazakh Latin alphabets

_KZ2021 = dict(
    zip(
        "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя",
        (
            "a ä b v g ğ d e io j z i i k q l m n ñ o ö p r s t u ū ü "
            "f h h ts tş ş şş - y ı - e iu ia"
        ).split(" "),
        strict=True,
    )
)
_KZ2018 = dict(
    zip(
        "аәбвгғдежзийкқлмнңоөпрстуұүфхһчшыіэ",
        "a á b v g ǵ d e j z ı ı k q l m n ń o ó p r s t ý u ú f h h ch sh y i e".split(" "),
        strict=True,
    )
)
_ODNI = dict(
    zip(
        "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя",
        (
            "a a b v g gh d e yo zh z i y k q l m n ng o o p r s t u u u "
            "f kh h ts ch sh shch - y i - e yu ya"
        ).split(" "),
        strict=True,
    )
)


def _table(table: dict[str, str]) -> Callable[[str, str, str, int, str], str]:
    def apply(prev: str, cur: str, nxt: str, i: int, word: str) -> str:
        out = table.get(cur, cur)
        return "" if out == "-" else out

    return apply


# ---------------------------------------------------------------- driver


def _romanize_words(
    text: str, letter: Callable[[str, str, str, int, str], str], upper: dict[str, str]
) -> str:
    """Apply a per-letter function word by word, transferring capitals from the source."""

    def one(match: re.Match[str]) -> str:
        src = match.group(0)
        low = src.lower()  # neighbours outside the word are " ", never "" (which is `in` any str)
        parts = [
            letter(low[i - 1] if i else " ", c, low[i + 1] if i + 1 < len(low) else " ", i, low)
            for i, c in enumerate(low)
        ]
        out = "".join(parts)
        if not out:
            return out
        if len(src) > 1 and src.isupper():
            return "".join(upper.get(c, c.upper()) for c in out)
        if src[0].isupper():
            head = parts[0] if parts[0] else out[0]
            first = upper.get(head[0], head[0].upper())
            return first + out[1:]
        return out

    return _WORD.sub(one, text)


def _collapse_odni(text: str) -> str:
    """ODNI: doubled digraph letters collapse (шш -> sh)."""
    return re.sub(r"(sh|zh|kh|gh|ch|ts)\1", r"\1", text, flags=re.IGNORECASE)


def _iuliia(schema: str) -> Callable[[str], str]:
    def apply(text: str) -> str:
        import iuliia

        out = str(getattr(iuliia, schema).translate(text))
        return out.replace("ё", "ë").replace("Ё", "Ë")  # iuliia 0.13 data defect (§2.1)

    return apply


def _icu(rule_id: str, premap: dict[str, str]) -> Callable[[str], str]:
    def apply(text: str) -> str:
        import icu

        for k, v in premap.items():
            text = text.replace(k, v)
        out = str(icu.Transliterator.createInstance(rule_id).transliterate(text))
        return unicodedata.normalize("NFC", out.replace("·", ""))

    return apply


def _words(
    letter: Callable[[str, str, str, int, str], str], upper: dict[str, str] | None = None
) -> Callable[[str], str]:
    return lambda text: _romanize_words(text, letter, upper or {})


Scheme = tuple[str, str, str, Callable[[str], str], str]  # id, source lang, out lang, fn, name

SCHEMES: list[Scheme] = [
    (
        "icao-9303",
        "ru",
        "en",
        _iuliia("ICAO_DOC_9303"),
        "ICAO Doc 9303 (iuliia 0.13 icao_doc_9303)",
    ),
    (
        "bgn-pcgn",
        "ru",
        "en",
        _icu("Russian-Latin/BGN", {}),
        "BGN/PCGN 1947 (ICU 72 Russian-Latin/BGN)",
    ),
    (
        "wikipedia",
        "ru",
        "en",
        _iuliia("WIKIPEDIA"),
        "English Wikipedia romanization (iuliia 0.13 wikipedia)",
    ),
    (
        "iso9",
        "ru",
        "und",
        _iuliia("GOST_779"),
        "ISO 9:1995 / GOST 7.79 System A (iuliia 0.13 gost_779)",
    ),
    (
        "mvd-310-fr",
        "ru",
        "fr",
        _iuliia("MVD_310_FR"),
        "MVD 310 French passport variant (iuliia 0.13 mvd_310_fr)",
    ),
    (
        "de-duden",
        "ru",
        "de",
        _words(_de_duden),
        "German Duden transcription (romanization.md §3.1)",
    ),
    ("pl-pwn", "ru", "pl", _words(_pl_pwn), "Polish PWN transcription (romanization.md §3.1)"),
    (
        "fr-press",
        "ru",
        "fr",
        _words(_fr_press),
        "French transcription, fr.wiktionary convention (romanization.md §3.1)",
    ),
    (
        "es-un",
        "ru",
        "es",
        _words(_es_un),
        "Spanish UN Geneva RU-ES 2016, without stress accents (romanization.md §3.1)",
    ),
    (
        "bgn-pcgn-kk",
        "kk",
        "en",
        _icu("Kazakh-Latin/BGN", {"й": "y", "Й": "Y", "ё": "yo", "Ё": "Yo"}),
        "BGN/PCGN 1979 Kazakh (ICU 72 Kazakh-Latin/BGN, й/ё fixed, optional dots omitted)",
    ),
    (
        "kz-2021",
        "kk",
        "kk",
        _words(_table(_KZ2021), {"i": "İ", "ı": "I"}),
        "Kazakh Latin alphabet 2021 (romanization.md §1.2-1.3)",
    ),
    (
        "kz-2018",
        "kk",
        "kk",
        _words(_table(_KZ2018), {"ı": "I", "i": "I"}),
        "Kazakh Latin alphabet 2018 (romanization.md §1.2-1.3)",
    ),
    (
        "odni-kk",
        "kk",
        "en",
        lambda t: _collapse_odni(_words(_table(_ODNI))(t)),
        "ODNI ICS-630-01 Kazakh (romanization.md §1.3)",
    ),
]

# Entities with many attested spellings get only the schemes that press usage rarely
# shows (catalogue, passport and Kazakh Latin forms), so that generated rows do not
# outweigh attested ones.
WELL_ATTESTED_SCHEMES = {"icao-9303", "iso9", "bgn-pcgn-kk", "kz-2021"}
WELL_ATTESTED = 3  # attested Latin full-form spellings
KZ2018_LETTERS = set(_KZ2018)


def generate(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The ``scheme:*`` rows for the attested rows given (which must hold no scheme rows)."""
    owner = {r["name"]: r["entity"] for r in rows}
    entities: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        entities.setdefault(r["entity"], []).append(r)
    out: list[dict[str, Any]] = []
    for eid, erows in entities.items():
        meta = next(r for r in erows if r.get("canonical"))
        attested_latin = [
            r for r in erows if r["kind"] not in ("cyrillic", "derived") and r["form"] == "full"
        ]
        well_attested = len(attested_latin) >= WELL_ATTESTED
        cyr = [r for r in erows if r["kind"] == "cyrillic" and r["lang"] in ("kk", "ru")]
        has_ru = any(r["lang"] == "ru" for r in cyr)
        for scheme_id, src_lang, out_lang, fn, std in SCHEMES:
            if well_attested and scheme_id not in WELL_ATTESTED_SCHEMES:
                continue
            for r in cyr:
                text = r["name"]
                plain_kk = not (set(text.lower()) & KAZAKH_ONLY)
                usable = r["lang"] == src_lang or (
                    src_lang == "ru" and not has_ru and r["lang"] == "kk" and plain_kk
                )
                if not usable or r["form"] == "inverted":
                    continue
                if scheme_id == "kz-2018" and not set(text.lower()) <= KZ2018_LETTERS | set(" -"):
                    continue  # the 2018 alphabet has no letter for ё ц щ ъ ь ю я
                name = unicodedata.normalize("NFC", fn(text))
                forms = [(name, r["form"])]
                if scheme_id == "icao-9303" and meta["type"] == "person" and r["form"] == "full":
                    *given, surname = name.split()
                    forms.append((" ".join([surname, *given]).upper(), "passport"))
                for value, form in forms:
                    if owner.setdefault(value, eid) != eid:
                        print(
                            f"skipped {value!r}: already a name of {owner[value]}", file=sys.stderr
                        )
                        continue
                    if any(o["name"] == value for o in erows + out if o["entity"] == eid):
                        continue
                    out.append(
                        {
                            "entity": eid,
                            "name": value,
                            "lang": out_lang,
                            "kind": f"scheme:{scheme_id}",
                            "form": form,
                            "source": f"generated by standard {std} from '{text}'",
                        }
                    )
    return out


def main(argv: list[str]) -> None:
    path = Path(argv[0]) if argv else DEV_SET
    with path.open(encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    kept = [r for r in rows if not r["kind"].startswith("scheme:")]
    new = generate(kept)
    order = {eid: i for i, eid in enumerate(dict.fromkeys(r["entity"] for r in kept))}
    merged = sorted(kept + new, key=lambda r: order[r["entity"]])  # stable: attested first
    with path.open("w", encoding="utf-8") as f:
        for r in merged:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{path}: {len(kept)} attested/derived rows, {len(new)} generated rows")


if __name__ == "__main__":
    main(sys.argv[1:])
