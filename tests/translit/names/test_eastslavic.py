"""Ukrainian and Belarusian forms of a name's words read back into its Russian spelling."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from translit.names import eastslavic
from translit.names.eastslavic import (
    belarusian,
    belarusian_cyrillic,
    latin_options,
    latin_reading,
    options,
    russian_reading,
    ukrainian_latin,
)
from translit.names.fold import fold_token
from translit.names.readings import known_name

# Belarusian Wikidata labels (be, be-tarask) of persons of the development set's tune
# part (tests/data/devset/tune.tsv), with the Russian label (ru) of the same person;
# Такаеў, Мядзведзеў: the be.wikipedia titles of К.-Ж. Токаев and Д. А. Медведев.
BELARUSIAN = [
    ("Варонін", "воронин"),  # Уладзімір Варонін (Moldova), ru Воронин
    ("Мядзведзеў", "медведев"),
    ("Валянціна", "валентина"),  # Валянціна Сцяпанаўна Леаненка (Belarus)
    ("Леаненка", "леоненко"),
    ("Старасціна", "старостина"),  # Людміла Віктараўна Старасціна, ru Старостина
    ("Ярашэвіч", "ярошевич"),  # Аляксандар Ярашэвіч (be-tarask), ru Ярошевич
    ("Багдановіч", "богданович"),  # Ларыса Багдановіч, ru Богданович
    ("Цімашэнка", "тимошенко"),  # Юлія Цімашэнка (Ukraine)
    ("Парашэнка", "порошенко"),  # Аляксей Пятровіч Парашэнка (Ukraine)
    ("Андрэйчанка", "андрейченко"),  # Уладзімер Андрэйчанка (be-tarask)
    ("Такаеў", "токаев"),
    ("Валодзін", "володин"),
]


@pytest.mark.parametrize(("word", "russian"), BELARUSIAN)
def test_belarusian_words_read_as_the_russian_name(word: str, russian: str) -> None:
    assert russian_reading(word.lower()) == russian


@pytest.mark.parametrize(("word", "russian"), BELARUSIAN)
def test_the_belarusian_word_and_the_russian_name_fold_alike(word: str, russian: str) -> None:
    from translit import key

    assert key(word) == key(russian.capitalize())


@pytest.mark.parametrize(
    "word",
    [
        "разганаў",  # Разганаў: Розганов is in no dictionary; the word is left as written
        "гаврилюк",  # Ukrainian и: not Belarusian
        "лордкіпанідзе",  # Ukrainian (Georgian -дзе): no reading is a known name
        "мұхамбетқали",  # Kazakh letters
        "иванов",  # Russian
    ],
)
def test_words_without_a_known_belarusian_reading_are_left(word: str) -> None:
    assert russian_reading(word) is None


def test_options_list_the_akanye_and_yakanye_readings() -> None:
    # а may be о, я after a consonant may be е, а after a hard consonant (ч) may be е;
    # дз before a soft vowel is д, and -енка is -енко
    assert options("мядзведзеў") == [
        ["м"], ["я", "е"], ["д"], ["в"], ["е"], ["д"], ["е"], ["в"],
    ]  # fmt: skip
    assert options("андрэйчанка")[-2:] == [["ч"], ["енко"]]
    assert options("шапавал")[1] == ["а", "о", "е"]  # (Шаповал)
    assert options("ала")[0] == ["а", "о"]  # (no consonant before the first letter)


@given(st.text(alphabet="абвгдежзклмнопрстуфхцчшыэюяёйь", max_size=10))
def test_a_word_without_belarusian_letters_is_not_read(word: str) -> None:
    # (no і, ў, дз, э after a consonant, -енка, -анка: Russian, read as it is)
    if not belarusian(word):
        assert russian_reading(word) is None


@given(st.text(alphabet="абвгдзежйіклмнопрстуўфхцчшыьэюя", min_size=1, max_size=9))
def test_a_reading_is_a_known_russian_word(word: str) -> None:
    found = russian_reading(word)
    if found is not None:
        assert known_name(found)
        assert not {"і", "ў"} & set(found)


# Latin labels (en, de, fr, nl) of members of the Verkhovna Rada in the tune part of
# the development set, with the Ukrainian (uk) or Russian (ru) label of the same person;
# Hryzlov, Medvediev: the KMU 2010 romanization of uk.wikipedia's Гризлов, Медведєв.
UKRAINIAN_LATIN = [
    ("Havryliuk", "гаврилюк"),  # Mykhailo Havryliuk, uk Гаврилюк Михайло
    ("Honcharenko", "гончаренко"),  # Oleksiy Honcharenko
    ("Soboliev", "соболев"),  # Yehor Soboliev, uk Соболєв
    ("Sobolyev", "соболев"),
    ("Koshelyeva", "кошелева"),  # Alyona Koshelyeva, ru Кошелёва
    ("Hryzlov", "грызлов"),
    ("Medvediev", "медведев"),
]


@pytest.mark.parametrize(("word", "russian"), UKRAINIAN_LATIN)
def test_ukrainian_latin_words_read_as_the_russian_name(word: str, russian: str) -> None:
    low = word.lower()
    assert latin_reading(low, fold_token(low)) == russian


@pytest.mark.parametrize(
    "word",
    [
        "hasanov",  # h is х here: Хасанов is a known name as it reads
        "harin",  # Харин and Гарин are both names: the common reading stays
        "hammer",  # no Slavic ending
        "hajduk",  # j: Slovak or Polish, not Ukrainian Latin
        "hopko",  # neither Хопко nor Гопко is a known name
        "ivanov",  # nothing Ukrainian
    ],
)
def test_latin_words_without_a_ukrainian_reading_are_left(word: str) -> None:
    assert latin_reading(word, fold_token(word)) is None


def test_latin_options_read_groups_and_endings() -> None:
    assert latin_options("shchyi") == [["щ"], ["ий", "ый", "ой"]]
    assert latin_options("hroisman") == [
        ["г", "х"], ["р"], ["о"], ["й", "и"], ["с"], ["м"], ["а"], ["н"],
    ]  # fmt: skip
    assert latin_options("kiełbasa") is None  # (ł: no reading)


@given(st.text(alphabet="abcdefghijklmnoprstuvwyz", max_size=10))
def test_latin_reading_needs_the_gate(word: str) -> None:
    found = latin_reading(word, fold_token(word))
    if found is not None:
        assert ukrainian_latin(word)
        assert known_name(found)


# Latin spellings of Belarusian forms (en, es, ast labels of members of the Belarusian
# Chamber in the tune part of the development set, with their ru or names:by label;
# Kalesnikava: the en.wikipedia title of Мария Колесникова).
BELARUSIAN_LATIN = [
    ("Starastsina", "старасціна", "старостина"),  # Lyudmila Starastsina
    ("Shylava", "шылава", "шилова"),  # Svyatlana Shylava
    ("Zhurauskaya", "жураўская", "журавская"),  # Valyantsina Zhurauskaya
    ("Leanienka", "леаненка", "леоненко"),  # Walancina Leanienka (ast)
    ("Kalesnikava", "калеснікава", "колесникова"),
]


@pytest.mark.parametrize(("word", "belarusian_form", "russian"), BELARUSIAN_LATIN)
def test_belarusian_latin_words_read_as_the_russian_name(
    word: str, belarusian_form: str, russian: str
) -> None:
    low = word.lower()
    assert belarusian_cyrillic(low) == belarusian_form
    assert latin_reading(low, fold_token(low)) == russian


@pytest.mark.parametrize(
    "word",
    [
        # French ou, German au, Western -ia, eu, a short -au (Catalan), Polish w, and
        # Turkish and Arabic h before -in (open_world.tsv, tune part: other legislatures)
        "noursoultan",
        "paulsen",
        "europe",
        "eugen",
        "cornelia",
        "maria",
        "palau",
        "thomas",
        "wiktar",
        "shahin",
        "husein",
    ],
)
def test_other_latin_words_are_not_read(word: str) -> None:
    assert latin_reading(word, fold_token(word)) is None


# The gates first look for a letter or ending without a regex: they must say what the
# regexes alone say. Each word below matches one branch of the regex; the property
# tests then mix the pieces.
BELARUSIAN_BRANCHES = ["аў", "ріна", "адзе", "бэла", "ажыл", "шыр", "чык", "каенка", "ранка"]
UKRAINIAN_BRANCHES = [
    *[f"hr{end}" for end in ("enko", "uk", "ko", "av", "ava", "ov", "ova", "ev", "eva")],
    *[f"hr{end}" for end in ("iv", "iva", "ski", "skyy", "ska", "ych", "vich", "icz", "ycz")],
    *[f"{start}{end}" for start in ("hr", "liev") for end in ("ets", "ak")],
]
CYRILLIC_PIECES = ["і", "ў", "д", "з", "э", "ы", "ж", "ш", "ч", "е", "а", "нка", "и", "қ", "щ"]
LATIN_PIECES = ["h", "kh", "ie", "ye", "j", "enko", "uk", "ova", "sk", "iy", "ych", "cz", "ets"]


def _belarusian_by_regex(word: str) -> bool:
    return (
        eastslavic._BELARUSIAN_RE.search(word) is not None
        and eastslavic._NOT_BELARUSIAN_RE.search(word) is None
    )


def _ukrainian_by_regex(word: str) -> bool:
    return (
        "j" not in word
        and eastslavic._latin_gate().search(word) is not None
        and eastslavic._SLAVIC_END_RE.search(word) is not None
    )


@pytest.mark.parametrize("word", BELARUSIAN_BRANCHES)
def test_each_branch_of_the_belarusian_gate(word: str) -> None:
    assert _belarusian_by_regex(word)
    assert belarusian(word)


@pytest.mark.parametrize("word", UKRAINIAN_BRANCHES)
def test_each_ending_of_the_ukrainian_latin_gate(word: str) -> None:
    assert _ukrainian_by_regex(word)
    assert ukrainian_latin(word)


@given(st.lists(st.sampled_from(CYRILLIC_PIECES), max_size=6).map("".join))
def test_belarusian_gate_is_its_regexes(word: str) -> None:
    assert belarusian(word) is _belarusian_by_regex(word)


@given(st.lists(st.sampled_from(LATIN_PIECES), max_size=5).map("".join))
def test_ukrainian_latin_gate_is_its_regexes(word: str) -> None:
    assert ukrainian_latin(word) is _ukrainian_by_regex(word)
