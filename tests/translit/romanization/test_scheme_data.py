"""Checks on the scheme data files beyond their golden samples.

Coverage of the Kazakh alphabet, truthful ``ascii`` flags, clean scripts on each side,
round trips for the reversible schemes (property tests), and that the Russian files are
what ``scripts/import_iuliia.py`` makes of the installed iuliia package.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import json
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import translit
from translit._util.paths import data_path

KAZAKH_LETTERS = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"
RUSSIAN_LETTERS = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
MAP_KEYS = ("mapping", "start_mapping", "prev_mapping", "next_mapping", "ending_mapping")
ROOT = Path(__file__).resolve().parents[3]


def _docs() -> list[tuple[str, dict[str, Any]]]:
    out = []
    for path in sorted(data_path("schemes").glob("*/*.json")):
        out.append((f"{path.parent.name}/{path.stem}", json.loads(path.read_text("utf-8"))))
    return out


DOCS = _docs()
KAZAKH_DOCS = [(name, doc) for name, doc in DOCS if doc["language"] == "kk"]


def _outputs(block: dict[str, Any]) -> list[str]:
    values = [v for key in MAP_KEYS for v in (block.get(key) or {}).values()]
    return values + [rule["out"] for rule in block.get("rules") or []]


def _is_cyrillic(ch: str) -> bool:
    return "\u0400" <= ch <= "\u04ff"


@pytest.mark.parametrize(("name", "doc"), KAZAKH_DOCS, ids=[n for n, _ in KAZAKH_DOCS])
def test_kazakh_scheme_maps_all_42_letters(name: str, doc: dict[str, Any]) -> None:
    assert len(KAZAKH_LETTERS) == 42
    missing = [c for c in KAZAKH_LETTERS if c not in doc["mapping"]]
    assert not missing, f"{name} lacks {missing}"


@pytest.mark.parametrize(("name", "doc"), DOCS, ids=[n for n, _ in DOCS])
def test_ascii_flag_is_truthful(name: str, doc: dict[str, Any]) -> None:
    assert doc["ascii"] == all(out.isascii() for out in _outputs(doc)), name


@pytest.mark.parametrize(("name", "doc"), DOCS, ids=[n for n, _ in DOCS])
def test_scripts_are_clean(name: str, doc: dict[str, Any]) -> None:
    """Forward outputs hold no Cyrillic (iuliia's ё defect); reverse outputs only Cyrillic."""
    for out in _outputs(doc):
        assert not any(_is_cyrillic(c) for c in out), f"{name}: {out!r}"
    for sample in doc["samples"]:
        assert not any(_is_cyrillic(c) for c in sample["expected"]), f"{name}: {sample}"
    reverse = doc.get("reverse")
    if reverse is not None:
        for out in _outputs(reverse):
            assert all(_is_cyrillic(c) for c in out), f"{name} reverse: {out!r}"


@pytest.mark.parametrize(("name", "doc"), DOCS, ids=[n for n, _ in DOCS])
def test_every_file_names_its_standard_and_sources(name: str, doc: dict[str, Any]) -> None:
    assert doc["standard"].get("name") and doc["standard"].get("source"), name
    assert doc["notes"], f"{name}: no notes"
    for sample in [*doc["samples"], *(doc.get("reverse") or {}).get("samples", [])]:
        assert len(sample["from"]) > 10, f"{name}: vague origin {sample}"


# -- round trips ---------------------------------------------------------------------


def _words(alphabet: str) -> st.SearchStrategy[str]:
    return st.text(alphabet=alphabet, min_size=1, max_size=12)


def _round_trip(word: str, scheme: str, lang: str) -> None:
    latin = translit.romanize(word, scheme=scheme, lang=lang)
    assert translit.cyrillize(latin, scheme=scheme, lang=lang) == word, latin
    if word[0] in "ъь":  # ʺ ʹ, ` and friends have no capital: Ъ cannot come back
        return
    title = word[0].upper() + word[1:]
    latin = translit.romanize(title, scheme=scheme, lang=lang)
    assert translit.cyrillize(latin, scheme=scheme, lang=lang) == title, latin


@settings(max_examples=300, deadline=None)
@given(_words(KAZAKH_LETTERS))
def test_iso9_kazakh_round_trips(word: str) -> None:
    _round_trip(word, "iso9", "kk")


@settings(max_examples=300, deadline=None)
@given(_words(RUSSIAN_LETTERS))
def test_iso9_russian_round_trips(word: str) -> None:
    _round_trip(word, "gost-779", "ru")


# System B spells some impossible Russian sequences alike (е+ь and э are both e`), so
# the property is stated over syllables: consonant, optional sign, vowel.
_CONS = "бвгджзйклмнпрстфхцчшщ"
_VOWS = "аеёиоуыэюя"
_syllable = st.tuples(
    st.sampled_from(_CONS), st.sampled_from(["", "ь", "ъ"]), st.sampled_from(_VOWS)
).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.lists(_syllable, min_size=1, max_size=5).map("".join))
def test_gost_779_system_b_round_trips(word: str) -> None:
    _round_trip(word, "gost-779-alt", "ru")


# The official Kazakh alphabets are lossy only in the letters they merge (и/й, х/һ) or
# lack (ё ц ч щ ъ ь э ю я); every other letter must come back.
_KZ_CLEAN = "аәбвгғдежзкқлмнңоөпрстуұүфыі"


@pytest.mark.parametrize("scheme", ["kz-2017", "kz-2018", "kz-2021"])
@settings(max_examples=200, deadline=None)
@given(word=_words(_KZ_CLEAN + "ш"))
def test_kazakh_latin_alphabets_round_trip(scheme: str, word: str) -> None:
    _round_trip(word, scheme, "kk")


# -- the Russian files are the importer's output ----------------------------------------


def _iuliia_version() -> str | None:
    if importlib.util.find_spec("iuliia") is None:
        return None
    return importlib.metadata.version("iuliia")


@pytest.mark.skipif(
    _iuliia_version() not in ("0.13", "0.13.0"), reason="needs iuliia 0.13 (the bench extra)"
)
def test_russian_files_match_importer(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import import_iuliia
    finally:
        sys.path.pop(0)
    assert import_iuliia.main([str(tmp_path)]) == 0
    made = sorted(p.name for p in tmp_path.glob("*.json"))
    assert len(made) == 27  # every Russian iuliia schema (other files in ru/ are not iuliia's)
    for name in made:
        assert (tmp_path / name).read_text("utf-8") == data_path("schemes", "ru", name).read_text(
            "utf-8"
        ), f"data/schemes/ru/{name} differs from the importer's output"
