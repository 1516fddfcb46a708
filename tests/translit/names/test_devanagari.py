"""Russian names in Devanagari read back into Cyrillic (translit/names/devanagari.py)."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import translit
from translit.names import devanagari
from translit.names.scripts import as_cyrillic, cyrillic_reading, has_other_script

# The hi, mr and ne Wikidata labels of persons of the development set
# (tests/data/devset/tune.tsv) and hi.wikipedia article titles, with the Russian name.
READINGS = [
    ("व्लादिमीर पुतिन", "Владимир Путин"),  # hi.wikipedia
    ("यूलिया तिमोशेंको", "Юлия Тимошенко"),  # hi
    ("यूलिया टिमशेंको", "Юлия Тимошенко"),  # hi: म with its а unwritten (schwa)
    ("व्हासिल कोलारोव्ह", "Васил Коларов"),  # mr: в as व्ह
    ("गेओर्गी पार्व्हानोव्ह", "Георги Парванов"),  # mr
]


@pytest.mark.parametrize(("name", "russian"), READINGS)
def test_russian_names_read_back(name: str, russian: str) -> None:
    assert has_other_script(name)
    assert as_cyrillic(name) == russian
    assert translit.key(name) == translit.key(russian)


@pytest.mark.parametrize(
    ("word", "syllables"),
    [
        ("पुतिन", [{"пу"}, {"ти"}, {"н"}]),  # the last consonant has no а
        ("युलिया", [{"ю", "йу"}, {"ли"}, {"я", "йа"}]),  # य with a vowel: iotated too
        ("मोदी", [{"мо"}, {"ди"}]),
        ("व्हासिल", [{"ва"}, {"си"}, {"л"}]),  # व्ह: one letter
    ],
)
def test_options_per_syllable(word: str, syllables: list[set[str]]) -> None:
    found = devanagari.options(word)
    assert found is not None
    assert [set(o) for o in found] == syllables


def test_a_consonant_inside_a_word_may_carry_a_or_o_or_none() -> None:
    found = devanagari.options("टिमशेंको")
    assert found is not None
    assert set(found[1]) == {"ма", "мо", "м"}


def test_a_sign_the_table_does_not_read_gives_none() -> None:
    assert devanagari.options("पुतिन१") is None  # (a Devanagari digit)


@pytest.mark.parametrize("name", ["नरेन्द्र मोदी", "अमिताभ बच्चन"])
def test_indian_names_stay_as_written(name: str) -> None:
    # (no Russian surname ending nor a surname the lexicon knows: left alone)
    assert cyrillic_reading(name) == name
    assert translit.normalize(name) == name


_CONSONANTS = "कखगजटडतदनपबमयरलवशसह"
_SIGNS = ["", "ा", "ि", "ी", "ु", "ू", "े", "ो", "्"]


@given(st.lists(st.tuples(st.sampled_from(_CONSONANTS), st.sampled_from(_SIGNS)), min_size=1))
def test_every_syllable_has_readings(syllables: list[tuple[str, str]]) -> None:
    word = "".join(c + sign for c, sign in syllables)
    assume(not any(group in word for group in devanagari.groups()))  # (one letter each)
    found = devanagari.options(word)
    assert found is not None and len(found) == len(syllables) and all(found)


# The ta, ml, bn, te and pa labels of persons of the development set
# (tests/data/devset/tune.tsv) and Wikipedia titles in those languages.
@pytest.mark.parametrize(
    ("name", "russian"),
    [
        ("யூலியா திமொஷென்கோ", "Юлия Тимошенко"),  # ta
        ("யூரி ககாரின்", "Юрий Гагарин"),  # ta: க is к and г
        ("യൂലിയാ റ്റിമോഷെങ്കൊ", "Юлия Тимошенко"),  # ml: റ്റ is т
        ("യൂറി ഗഗാറിൻ", "Юрий Гагарин"),  # ml: ൻ, a chillu
        ("ভ্লাদিমির পুতিন", "Владимир Путин"),  # bn: ভ is в
        ("వ్లాదిమిర్ పుతిన్", "Владимир Путин"),  # te
        ("ਇਵਾਨ ਵਾਜ਼ਵ", "Иван Вазов"),  # pa
    ],
)
def test_other_indic_scripts_read_through_devanagari(name: str, russian: str) -> None:
    assert has_other_script(name)
    assert translit.key(name) == translit.key(russian)


def test_the_southern_scripts_keep_a_last_consonants_vowel() -> None:
    tamil = devanagari.from_indic("காக")  # (கா, then a bare க: with its а)
    found = devanagari.options(tamil, devanagari.southern("காக"))
    assert found is not None and "га" in found[-1] and "г" in found[-1]
    assert devanagari.options("कका") is not None
    assert not devanagari.southern("ভ্লাদিমির")
