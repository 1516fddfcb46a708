"""Names in Georgian, Armenian and Greek letters, read as the Cyrillic they render."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import translit
from translit.scripts import as_cyrillic, cyrillic_reading, has_other_script


# Wikidata labels (ka, hy, el) of members of post-Soviet and Balkan legislatures and
# another spelling of the same person (tests/data/devset, everypolitician-data).
@pytest.mark.parametrize(
    ("other", "same_as"),
    [
        ("ფუად მურადოვი", "Fuad Muradov"),  # ka: the nominative -ი after -ov
        ("ზეინაბ ხანლაროვა", "Zeynab Khanlarova"),
        ("როსენ პლევნელიევი", "Rosen Plevneliev"),
        ("Էդուարդ Շարմազանով", "Eduard Sharmazanov"),  # hy
        ("Արսեն Պետրովիչ Միխայլով", "Arsen Mikhaylov"),  # hy: a patronymic dropped
        ("Ρόβναγκ Αμπντουλάγιεφ", "Rovnag Abdoullayev"),  # el: μπ, ντ, γκ, final φ
        ("Γκεόργκι Παρβάνοφ", "GEORGI SEDEFCHOV PARVANOV"),
        ("Ιβάν Βάζοφ", "Ivan Vazov"),
    ],
)
def test_other_scripts_meet_their_latin_and_cyrillic_spellings(other: str, same_as: str) -> None:
    assert translit.key(other) == translit.key(same_as)


@pytest.mark.parametrize(
    ("other", "cyrillic"),
    [
        # Russian-Georgian, Armenian-Russian and Greek transcriptions read back
        # (data/names/other_scripts.json names their sources)
        ("ვლადიმირ ჟირინოვსკი", "Владимир Жириновски"),
        ("Վլադիմիր Ժիրինովսկի", "Владимир Жириновски"),
        ("Ντμίτρι Μεντβέντεφ", "Дмитри Медведев"),
        ("Σεργκέι", "Сергеи"),  # an accent before ι: two vowels
        ("ΒΛΑΝΤΙΜΙΡ", "Владимир"),
    ],
)
def test_as_cyrillic(other: str, cyrillic: str) -> None:
    assert as_cyrillic(other) == cyrillic


@pytest.mark.parametrize(
    "name",
    [
        "Ευάγγελος Βενιζέλος",  # el, ka labels
        "Κυριάκος Μητσοτάκης",
        "ΚΥΡΙΑΚΟΣ ΜΗΤΣΟΤΑΚΗΣ",  # (final sigma in capitals: lowered to ς)
        "Νίκος Χριστοδουλίδης",
        "დავით უსუფაშვილი",
    ],
)
def test_names_of_other_origins_stay_in_their_script(name: str) -> None:
    assert cyrillic_reading(name) == name
    assert translit.normalize(name) == name
    assert translit.analyze(name).method == "kept"


@pytest.mark.parametrize("name", ["Σεργκέι Λαβρόφ", "Ταράς Σεφτσένκο", "Μπόρις Γιέλτσιν"])
def test_a_russian_name_in_greek_has_none_of_the_greek_endings(name: str) -> None:
    # el.wikipedia titles: Russian and Ukrainian names keep their own endings
    assert cyrillic_reading(name) != name


def test_a_russian_name_in_georgian_is_normalized_with_its_input_kept() -> None:
    found = translit.analyze("ვლადიმირ ჟირინოვსკი")
    assert found.input == "ვლადიმირ ჟირინოვსკი"
    assert found.output == translit.normalize("Владимир Жириновский")
    assert found.method != "kept"


@given(st.text(max_size=30))
def test_text_without_those_scripts_is_left_as_it_is(text: str) -> None:
    if not has_other_script(text):
        assert as_cyrillic(text) == text


_MIXED = "აბგვჟშჩხიოԱաՎվԺժՈոՒւΑαΒβΓγΝνΤτΩωάΐ ІіЇїЎў-.,'ʼ Ab"


@given(st.text(alphabet=_MIXED, max_size=16))
def test_analyze_normalize_and_key_agree_on_any_mix(text: str) -> None:
    found = translit.analyze(text)
    assert found.output == translit.normalize(text)
    assert found.key == translit.key(text)
    assert not has_other_script(as_cyrillic(text))  # (one reading reads every word)
