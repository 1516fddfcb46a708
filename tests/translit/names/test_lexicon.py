"""The lexicon's one-lookup entries agree with its tables."""

from __future__ import annotations

import pytest

import translit
from translit.names.fold import fold_token
from translit.names.lexicon import lexicon, press_spellings, russian_form
from translit.names.parse import _chunk_words, plain_words


def test_entries_agree_with_the_tables() -> None:
    lex = lexicon()
    entries = lex.entries()
    kazakh = lex.kazakh_folds()
    assert set(entries) == {*lex.overrides, *lex.cyrillic, *lex.given, *lex.variants}
    for fold, entry in entries.items():
        assert entry.canonical == lex.canonical(fold)
        assert entry.given == (lex.canonical(fold) in lex.given)
        assert entry.cyrillic == lex.cyrillic.get(fold, "")
        assert entry.kazakh == (fold in kazakh)
        assert entry.variant == (fold in lex.variants)
        assert entry.russian == lex.russian.get(fold, "")
    assert lex.entries() is entries  # built once


def test_variants_are_other_languages_forms_of_given_names() -> None:
    # data/names/given_equivalents.tsv: no variant is another name of the lexicon
    lex = lexicon()
    assert lex.variants
    for fold, canonical in lex.variants.items():
        assert canonical in lex.given
        assert fold not in lex.cyrillic and fold not in lex.overrides


@pytest.mark.parametrize(
    ("variant", "russian"),
    [
        # Wikidata labels (uk, be, en) of members of the Verkhovna Rada and the
        # Belarusian Chamber (everypolitician-data sources/morph/wikidata.csv)
        ("Олександр", "Александр"),
        ("Аляксандр", "Александр"),
        ("Oleksandr", "Aleksandr"),
        ("Volodymyr", "Vladimir"),
        ("Уладзімір", "Владимир"),
        ("Mykola", "Nikolai"),
        ("Siarhei", "Sergei"),
        ("Tetiana", "Tatiana"),
        ("Olha", "Olga"),
        # French forms (fr.wikipedia titles: Alexandre Loukachenko, Maxime Gorki)
        ("Alexandre", "Александр"),
        ("Maxime", "Максим"),
    ],
)
def test_given_name_variants_share_the_key(variant: str, russian: str) -> None:
    from translit import key

    assert key(variant + " Petrenko") == key(russian + " Petrenko")


@pytest.mark.parametrize("variant", ["Oleksandr Petrenko", "Mykola Azarov", "Aliaksandr Ivanou"])
def test_variants_keep_their_spelling(variant: str) -> None:
    # one key, but a Ukrainian or Belarusian given name is not respelled in Russian
    from translit import normalize

    assert normalize(variant).split()[0] == variant.split()[0]


@pytest.mark.parametrize("name", ["Tokajew Kassym", "NAZARBAYEV NURSULTAN", "Zzyzx Qwerty"])
def test_plain_words_carry_the_entry_of_their_fold(name: str) -> None:
    entries = lexicon().entries()
    found = plain_words(name)
    assert found is not None
    for word in found.words:
        assert word.entry is entries.get(word.fold)
        ((_, _, fold, _, _),) = _chunk_words(word.word)
        assert fold == word.fold


@pytest.mark.parametrize(
    ("tarask", "russian"),
    [
        # be-tarask labels of Belarusian deputies (tests/data/devset/tune.tsv)
        ("Уладзімер", "Владимир"),
        ("Аляксандар", "Александр"),
    ],
)
def test_classical_belarusian_forms_are_variants(tarask: str, russian: str) -> None:
    lex = lexicon()
    assert lex.canonical(fold_token(tarask)) == lex.canonical(fold_token(russian))


# German press writes ж and ш alike as sch (de-press scheme: Жуков = Schukow): that
# spelling makes a name only in a word that shows the German convention.
@pytest.mark.parametrize(
    ("german", "russian"),
    [("Georgi Schukow", "Георгий Жуков"), ("Sadyr Schaparow", "Садыр Жапаров")],
)
def test_german_sch_reads_zh_in_german_spellings(german: str, russian: str) -> None:
    assert translit.key(german) == translit.key(russian)


@pytest.mark.parametrize(
    ("english", "other"),
    [("Mukhtar Shakhanuly", "Мұхтар Жақанұлы"), ("Georgi Shukov", "Георгий Жуков")],
)
def test_english_sh_is_not_read_as_zh(english: str, other: str) -> None:
    assert translit.key(english) != translit.key(other)
    assert "Zh" not in translit.normalize(english)


# A romanization of a lexicon name that folds like another real surname (one of
# pymorphy3's dictionary) does not make that surname a spelling of the name: Буковский is
# no Быковский, Сабуров no Сабиров (their spellings met in one key and were respelled).
@pytest.mark.parametrize(
    ("name", "other"),
    [
        ("Vladimir Bukovsky", "Владимир Быковский"),
        ("Ekaterina Rubakina", "Екатерина Рыбакина"),
        ("Ivan Saburov", "Иван Сабиров"),
        ("Yury Varov", "Юрий Уваров"),
    ],
)
def test_another_real_surname_is_not_respelled(name: str, other: str) -> None:
    assert translit.key(name) != translit.key(other)
    assert translit.normalize(name).split()[-1][:3] == name.split()[-1][:3]


@pytest.mark.parametrize(
    ("forms", "russian"),
    [
        (["Ілиясова", "Ильясова"], "Ильясова"),  # (data/names/surname_stems.tsv)
        (["Өмірзақ", "Умирзак"], "Умирзак"),  # (given_kk.tsv)
        (["Тоқаев", "Токаев"], "Токаев"),
        (["Иван"], ""),  # a Russian name: its form is Russian already
        (["Болат", "Болат"], ""),  # written alike
        (["Ыбырайымов", "Ибраимов"], "Ибраимов"),  # (no Kazakh letters in either)
        (["Нұрлан", "Нұрлан"], ""),  # no form without Kazakh letters
        # a Soviet-era дж for the Kazakh ж is none
        (["Жақыпов", "Джакупов"], ""),
        (["Қожанов", "Ходжанов"], ""),
    ],
)
def test_the_russian_form_of_a_kazakh_name(forms: list[str], russian: str) -> None:
    assert russian_form(forms) == russian


@pytest.mark.parametrize(
    ("word", "cyrillic", "russian"),
    [
        ("Ilyasova", "Ілиясова", "Ильясова"),
        ("Aigerim", "Айгерім", "Айгерим"),
        ("Tileuberdi", "Тілеуберді", "Тлеуберди"),
        ("Zhakypov", "Жақыпов", ""),  # (the name lists give Джакупов)
        ("Ivanov", "Иванов", ""),
    ],
)
def test_a_kazakh_name_of_the_lists_keeps_its_russian_form(
    word: str, cyrillic: str, russian: str
) -> None:
    entry = lexicon().entries()[fold_token(word)]
    assert (entry.cyrillic, entry.russian) == (cyrillic, russian)


def test_russian_forms_come_from_the_name_lists_only() -> None:
    # The gazetteer pairs a person's Kazakh and Russian words, which may be forms of his
    # own (data/gazetteer/people.jsonl): Қабылұлы / Кабулович, Асқарұлы / Аскарович,
    # Қырымбек / Крымбек.
    lex = lexicon()
    for word in ("Қабылұлы", "Асқарұлы", "Қырымбек"):
        fold = fold_token(word)
        assert lex.cyrillic.get(fold) == word and fold not in lex.russian
    assert 2000 < len(lex.russian) < len(lex.cyrillic)


@pytest.mark.parametrize(
    ("word", "cyrillic"),
    [
        # names whose spellings fold alike (data/names/surname_stems.tsv, given_ru.tsv):
        # a word is the name it spells in the press, else the fold's first name
        ("Salykov", "Салықов"),
        ("Salikhov", "Салихов"),
        ("Салыков", "Салықов"),  # (the Russian form of Салықов)
        ("Salikov", "Салихов"),
        ("Erik", "Эрик"),
        ("Yerik", "Ерик"),
        # one name's spellings are no other names (ё, е; ья, ия): its first form
        ("Gorbachyov", "Горбачев"),
        ("Горбачёв", "Горбачев"),
        ("Natalya", "Наталия"),
    ],
)
def test_a_word_is_the_name_it_spells(word: str, cyrillic: str) -> None:
    plain = plain_words(word)
    assert plain is not None and plain.words[0].entry is not None
    entry = plain.words[0].entry
    assert entry.cyrillic == cyrillic
    assert entry.canonical == lexicon().canonical(fold_token(word))  # (one key)


def test_the_other_names_of_a_fold_are_told_apart_by_their_spellings() -> None:
    lex = lexicon()
    assert 50 < len(lex.others) < 1000
    for fold, others in lex.others.items():
        entry = lex.entries()[fold]
        assert [o.cyrillic for o in entry.others] == list(others)
        seen = press_spellings(entry.cyrillic, entry.russian)
        names = {entry.cyrillic.lower().replace("ё", "е")}
        for other in entry.others:
            assert other.cyrillic.lower().replace("ё", "е") not in names
            names.add(other.cyrillic.lower().replace("ё", "е"))
            assert other.canonical == fold and not other.others
            spellings = press_spellings(other.cyrillic, other.russian)
            assert not spellings & seen, other.cyrillic
            seen |= spellings
