"""The open-world gate: Latin names not of Cyrillic origin pass through untouched."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import translit
from translit.names import lexicon, origin
from translit.names.fold import fold_token

# Names of other origins, each as written in a public list: the examples of the
# open-world names issue, and members of legislatures outside the development set's
# countries (everypolitician-data names.csv, 2015: Norway, Ghana, Malaysia, Chile,
# Nepal, Switzerland, New Zealand).
OTHER = [
    "John Smith",
    "Angela Merkel",
    "Emmanuel Macron",
    "Microsoft Corporation",
    "Jonas Gahr Støre",  # Norway
    "Kwame Nkrumah",  # Ghana (a country's founder, in its lists)
    "Anwar Ibrahim",  # Malaysia
    "Michelle Bachelet",  # Chile
    "Pushpa Kamal Dahal",  # Nepal
    "Christoph Blocher",  # Switzerland
    "Jacinda Ardern",  # New Zealand
    # one word looks Cyrillic (a known surname, an ending), the rest outweighs it
    # (tests/data/devset/open_world.tsv: Norway, Finland, Luxembourg, Malaysia)
    "Karin Hafstad",
    "Liisa Jaakonsaari",
    "Taina Bofferding",
    "Mustapha Abdul Jabar",
    # Turkish names: given names and surnames of Faker's tr_TR lists, tune part
    # (tests/data/devset/name_lists.tsv); written in the Turkish alphabet, they pass
    # through though their letters are those of Kazakh and Azerbaijani Latin spellings
    "Aydınbey Yıldırım",
    "Altuğ Kısakürek",
    "Akgöl Erdoğan",
    "Baltaş Güçlü",
]

# Latin spellings of Cyrillic-origin names, as the press of each language writes them
# (tests/data/names_dev.jsonl gives the source of each).
CYRILLIC_ORIGIN = [
    "Kasym-Schomart Tokajew",
    "Noursoultan Nazarbaïev",
    "Julija Putincevová",
    "Jermiek Konyszbajew",
    "Umirzak Szukiejew",
    "Kairat Satybaldyuly",
    # in Turkish and Kazakh Latin letters, with a surname ending or patronymic word
    # (Turkish Wikipedia titles of Токаев and Байтұрсынұлы; Токаев in the 2021 alphabet)
    "Kasım Cömert Tokayev",
    "Ahmet Baytursınulı",
    "Qasım-Jomart Toqaev",
    # "son of" written apart: Kyrgyz uulu (the en.wikipedia title form of Kyrgyz
    # names without a Russian surname), Azerbaijani oğlu
    "Tynchtyk Abdykalyk uulu",
    "Tünçtük Abdykalyk uulu",
    "Ilham Heydar oğlu Aliyev",
    # surnames with no Russian ending that pymorphy3's dictionary knows (Мкртчян,
    # Давиташвили, Ляшко, Делягин): tests/data/devset/tune.tsv (Armenia en, Georgia en,
    # Ukraine oc) and the English Wikipedia title of Делягин, Михаил Геннадьевич
    "Vahram Mkrtchyan",
    "Koba Davitashvili",
    "Olèh Liashkò",
    "Mikhail Delyagin",
]

# Czech and Slovak names whose words read like Ukrainian ones (Hana as Ганна, Hajduk as
# Гайдук; tests/data/devset/open_world.tsv, Czech Republic and Slovakia)
OTHER += ["Hana Marvanová", "Michal Hašek", "Andrej Hajduk"]


@pytest.mark.parametrize("name", OTHER)
def test_other_names_pass_through(name: str) -> None:
    assert not origin.cyrillic_origin(name)
    result = translit.analyze(name)
    assert (result.output, result.method, result.entity) == (name, "kept", None)
    assert translit.normalize(name, "rferl") == name
    if origin.evidence(name) <= origin.KEY_THRESHOLD:
        assert translit.key(name) == origin.plain_key(name)


def test_a_kept_name_with_some_evidence_has_the_key_of_its_cyrillic_spelling() -> None:
    # tests/data/devset/tune.tsv: one person's English and Russian spellings; the gate
    # keeps the English one as written (no surname ending, Ukrainian given name form)
    name = "Andriy Teteruk"
    assert not origin.cyrillic_origin(name)
    assert origin.evidence(name) > origin.KEY_THRESHOLD
    assert translit.normalize(name) == name
    assert translit.key(name) == translit.key("Андрей Тетерук") != origin.plain_key(name)
    assert translit.analyze(name).key == translit.key(name)


# tests/data/devset/tune.tsv (Wikidata labels of Андрій Парубій): the Danish label marks
# stress with acute accents, which the statistics weigh as Czech or Hungarian letters;
# the name stays as written, yet its key is that of the other spellings.
@pytest.mark.parametrize(
    ("accented", "other"),
    [("Andríj Parubíj", "Andrij Parubij"), ("Andríj Parubíj", "Андрій Парубій")],
)
def test_a_name_kept_only_for_its_stress_marks_has_the_key_of_its_plain_spelling(
    accented: str, other: str
) -> None:
    assert origin.evidence(accented) <= origin.KEY_THRESHOLD
    assert origin.cyrillic_origin(origin.unacute(accented))
    assert translit.normalize(accented) == accented
    assert translit.key(accented) == translit.key(other) != origin.plain_key(accented)


# tests/data/devset/open_world.tsv (Czech Republic, Slovakia, Chile, Iceland): an accent
# that ends a word is an ending (-ová, -ý), not a stress mark, and the other names keep
# their plain key.
@pytest.mark.parametrize(
    "name", ["Marie Stiborová", "Lucie Talmanová", "Sari Essayahová", "Jón Gunnarsson"]
)
def test_other_names_with_acute_accents_keep_their_plain_key(name: str) -> None:
    assert not origin.cyrillic_origin(name)
    assert not origin.folded_key(name)
    assert translit.key(name) == origin.plain_key(name)


@pytest.mark.parametrize(
    ("name", "plain"),
    [
        ("Serguéi Stánishev", "Serguei Stanishev"),
        ("Iúlia Volodýmyrivna", "Iulia Volodymyrivna"),
        ("Marie Stiborová", "Marie Stiborová"),
        ("Jan Novotný", "Jan Novotný"),
        ("Tomáš Páv", "Tomaš Pav"),
        ("Jiří", "Jiří"),
    ],
)
def test_unacute_takes_off_acute_accents_but_on_a_words_last_letter(name: str, plain: str) -> None:
    assert origin.unacute(name) == plain


@given(st.text(alphabet="abcijnosvyáéíóúýÁÍšř -", max_size=20))
def test_unacute_keeps_length_and_only_changes_acute_vowels(name: str) -> None:
    plain = origin.unacute(name)
    assert len(plain) == len(name)
    for a, b in zip(name, plain, strict=True):
        assert a == b or (a in origin.ACUTE_VOWELS and b not in origin.ACUTE_VOWELS)
    assert origin.unacute(plain) == plain


@pytest.mark.parametrize("name", ["John Smith", "Emmanuel Macron", "Jacinda Ardern", "习近平"])
def test_a_name_with_little_evidence_keeps_its_plain_key(name: str) -> None:
    assert origin.evidence(name) <= origin.KEY_THRESHOLD or not origin.folded_key(name)
    assert translit.key(name) == origin.plain_key(name)


@pytest.mark.parametrize("name", CYRILLIC_ORIGIN)
def test_cyrillic_origin_names_are_read(name: str) -> None:
    assert origin.cyrillic_origin(name)
    assert translit.analyze(name).method != "kept"


def test_russian_only_surnames_leave_out_every_fold_of_the_other_names() -> None:
    # scripts/build_known_names.py drops every fold of the other countries' names that
    # the build reads (here: the tune part of the name lists), so that a known surname
    # is never a word those names use (Смит and Миллер are in pymorphy3's dictionary)
    path = Path(__file__).parents[2] / "data" / "devset" / "name_lists.tsv"
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    other = {fold_token(r["word"].lower()) for r in rows if r["part"] == "tune"}
    known = lexicon.russian_only_surnames()
    assert len(known) > 10_000
    assert not known & other
    assert {fold_token(w) for w in ("smith", "miller", "weber")} <= other


@pytest.mark.parametrize("name", ["Қасым-Жомарт Тоқаев", "Джон Смит", "Ангела Меркель"])
def test_cyrillic_script_is_always_of_cyrillic_origin(name: str) -> None:
    assert origin.cyrillic_origin(name)


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("  Jonas  Gahr   Støre ", "gahr jonas store"),
        ("MICHELLE BACHELET", "bachelet michelle"),
        ("Bachelet, Michelle", "bachelet michelle"),
    ],
)
def test_plain_key_folds_case_accents_and_order(name: str, key: str) -> None:
    assert origin.plain_key(name) == key


def test_a_kept_name_has_only_its_whitespace_tidied() -> None:
    assert translit.normalize("  Jacinda \t Ardern ") == "Jacinda Ardern"


def test_places_and_organizations_of_the_gazetteer_are_not_kept() -> None:
    # known by all their words, whatever the statistics say
    assert translit.analyze("Mangystau").entity is not None
    assert translit.analyze("Air Astana").entity is not None


def test_a_famous_surname_alone_is_not_linked() -> None:
    assert translit.analyze("Масимов").entity is None


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(OTHER), st.sampled_from(["en", "rferl", "cyrillic-kk", "kz-2021"]))
def test_kept_names_are_the_same_in_every_style(name: str, style: str) -> None:
    assert translit.normalize(name, style) == name


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz ÄÉöüçşðñ-'", max_size=30))
def test_the_gate_never_fails_and_plain_keys_are_idempotent(name: str) -> None:
    origin.cyrillic_origin(name)
    key = origin.plain_key(name)
    assert origin.plain_key(key) == key
