"""Every golden sample of every scheme file (forward and reverse) in one parametrized test.

The samples come from the standards and reference implementations each file cites.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import translit
from translit._util.paths import data_path

SCHEME_FILES = sorted(data_path("schemes").glob("*/*.json"))


def _samples() -> list[object]:
    cases = []
    for path in SCHEME_FILES:
        doc = json.loads(path.read_text(encoding="utf-8"))
        lang, sid = path.parent.name, path.stem
        for i, s in enumerate(doc.get("samples", [])):
            cases.append(pytest.param(lang, sid, False, s, id=f"{lang}/{sid}/{i}"))
        for i, s in enumerate((doc.get("reverse") or {}).get("samples", [])):
            cases.append(pytest.param(lang, sid, True, s, id=f"{lang}/{sid}/reverse/{i}"))
    return cases


@pytest.mark.parametrize(("lang", "scheme", "reverse", "sample"), _samples())
def test_sample(lang: str, scheme: str, reverse: bool, sample: dict[str, str]) -> None:
    if reverse:
        got = translit.cyrillize(sample["source"], scheme=scheme, lang=lang)
    else:
        got = translit.romanize(sample["source"], scheme=scheme, lang=lang)
    assert got == sample["expected"], sample.get("from")


def test_every_scheme_has_samples() -> None:
    assert SCHEME_FILES, "no scheme files found"
    for path in SCHEME_FILES:
        doc = json.loads(path.read_text(encoding="utf-8"))
        assert len(doc["samples"]) >= 3, path
        if doc.get("reverse"):
            assert doc["reverse"].get("samples"), f"{path}: reverse without samples"


def test_scheme_files_are_loadable() -> None:
    ids = {(i.language, i.id) for i in translit.schemes()}
    assert ids == {(p.parent.name, p.stem) for p in SCHEME_FILES}


KAZAKH_IDS = {"bgn-pcgn", "kz-2021", "kz-2018", "kz-2017", "iso9", "ala-lc", "odni", "rferl"}
KAZAKH_IDS |= {"official"}
RUSSIAN_IDS = {
    "ala-lc", "ala-lc-alt", "bgn-pcgn", "bgn-pcgn-alt", "bs-2979", "bs-2979-alt",
    "gost-16876", "gost-16876-alt", "gost-52290", "gost-52535", "gost-7034", "gost-779",
    "gost-779-alt", "icao-doc-9303", "iso-9-1954", "iso-9-1968", "iso-9-1968-alt",
    "mosmetro", "mvd-310", "mvd-310-fr", "mvd-782", "scientific", "telegram",
    "ungegn-1987", "wikipedia", "yandex-maps", "yandex-money",
}  # fmt: skip


def test_required_schemes_exist() -> None:
    have = {(i.language, i.id) for i in translit.schemes()}
    assert {("kk", i) for i in KAZAKH_IDS} <= have
    assert {("ru", i) for i in RUSSIAN_IDS} <= have
    assert len(RUSSIAN_IDS) == 27


def test_scheme_files_path_is_checkout_data() -> None:
    assert Path(data_path("schemes")).is_dir()
