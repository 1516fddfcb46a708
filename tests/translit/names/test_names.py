"""Name keys, normalization, matching and variants (names in text: text/test_names.py).

Spellings are attested ones from the sources in ``shared`` reference tables (RFE/RL,
Akorda, DW, Le Vif, Rzeczpospolita, CIDOB, beyazgazete) or produced by the standards.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import translit
from translit.names.keys import readable

DEV_SET = Path(__file__).resolve().parents[2] / "data" / "names_dev.jsonl"

TOKAYEV = [
    "Qasym-Zhomart Toqaev",  # RFE/RL
    "Kassym-Jomart Tokayev",  # Akorda
    "Kasym-Zhomart Tokaev",  # ICAO-like
    "Kasym-Schomart Tokajew",  # DW (German)
    "Kassym-Jomart Tokaïev",  # Le Vif (French)
    "Kasym-Żomart Tokajew",  # Rzeczpospolita (Polish)
    "Kasym-Zhomart Tokáyev",  # CIDOB (Spanish)
    "Kasım-Jomart Tokayev",  # beyazgazete (Turkish)
    "Қасым-Жомарт Тоқаев",
    "Касым-Жомарт Токаев",
    "TOKAYEV KASSYM-JOMART",
    "President Kassym-Jomart Tokayev",
    "Қасым-Жомарт Кемелұлы Тоқаев",
    "Касым-Жомарт Кемелевич Токаев",
]


@pytest.mark.parametrize(
    "partial", ["Tokayev", "Tokayev, K.-J.", "President Tokayev", "г-н Токаев", "Масимов"]
)
def test_bare_surnames_and_initials_gain_no_entity(partial: str) -> None:
    # the open-world names issue: a lone surname (with or without initials) is not
    # linked to a famous bearer of it
    result = translit.analyze(partial)
    assert result.entity is None
    assert result.key != translit.key("Kassym-Jomart Tokayev")


@pytest.mark.parametrize("spelling", TOKAYEV)
def test_key_brings_spellings_together(spelling: str) -> None:
    assert translit.key(spelling) == translit.key("Kassym-Jomart Tokayev")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Tokaev", "Tokarev"),
        ("Nazarbayeva", "Nazarbayev"),
        ("Aktau", "Aktobe"),
        ("Dariga Nazarbayeva", "Aliya Nazarbayeva"),
        ("Иван Петров", "Иван Петрова"),
        ("Oral", "Ural"),
        # a Spanish -j for х is no soft sign: -ски is not -ских (Bulgarian surnames)
        ("Московски", "Московских"),
    ],
)
def test_key_keeps_different_names_apart(a: str, b: str) -> None:
    assert translit.key(a) != translit.key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Nursultan Abishevich Nazarbayev", "Nursultan Nazarbayev"),
        ("Нұрсұлтан Әбішұлы Назарбаев", "Nursultan Nazarbaev"),
        ("Nazarbayev, Nursultan", "Nursultan Nazarbayev"),
        ("Noursoultan Nazarbaïev", "Nursultan Nazarbayev"),
        ("Nursultan Nasarbajew", "Nursultan Nazarbayev"),
        ("Sergey Ivanov", "Sergei Ivanov"),
        ("Иван Петров", "PETROV IVAN"),
        ("Ust-Kamenogorsk", "Öskemen"),
        ("Alma-Ata", "Almaty"),
        ("Manghystau", "Mangystau"),
        ("Zhangaözen", "Zhanaozen"),
        # ISO 9 writes ё as ë and й as j: ë is not a sign of French (j = ж)
        ("Fëdor Dostoevskij", "Fyodor Dostoevsky"),
        ("Pëtr Ajtbaev", "Пётр Айтбаев"),
        # official order Surname Given Patronymic with a surname like a patronymic, and
        # the natural order of the same three words (Verkhovna Rada record; Wikidata)
        ("Сидорович Руслан Михайлович", "Ruslan Sydorovych"),
        ("Руслан Михайлович Сидорович", "Ruslan Sydorovych"),
        # patronymics as Czech, German and Ukrainian write them (Wikidata labels)
        ("Jurij Anatolijovyč Bojko", "Бойко, Юрий Анатольевич"),
        ("Oleksij Petrowytsch Poroschenko", "Порошенко, Алексей Петрович"),
        ("Асланова Рабіят Нурулла кизи", "Асланова, Рабият Нурулла кызы"),
        ("Ханларова Зейнаб Яхъя ҡыҙы", "Ханларова, Зейнаб Яхья кызы"),  # Bashkir (ba label)
        # the Kazakh Wikipedia's Latin (MediaWiki KkConverter, kk-latn): ý is й, w is у
        ("Qaýrat Kelimbetov", "Қайрат Келімбетов"),
        ("Bawırjan Momışulı", "Бауыржан Момышұлы"),
        ("Baýyrjan Momyshuly", "Бауыржан Момышұлы"),  # kz-2018: ý is у
        # a Kyrgyz "son of" after the surname (the father's name) is left out of the key
        # as a patronymic is (Kyrgyz naming: Wikipedia 'Kyrgyz name')
        ("Тынчтык Абдыкалык уулу", "Tynchtyk Abdykalyk"),
        # Latvian -s and Lithuanian -as after a known given name (Wikidata lv, lt labels)
        ("Vladimirs Putins", "Владимир Путин"),
        ("Kairats Kelimbetovs", "Kairat Kelimbetov"),
        ("Nursultanas Nazarbajevas", "Нурсултан Назарбаев"),
        # a Bulgarian father's name after a comma (Russian Wikidata label)
        ("Димитров, Филип Димитров", "Filip Dimitrov"),
    ],
)
def test_key_equal(a: str, b: str) -> None:
    assert translit.key(a) == translit.key(b)


@pytest.mark.parametrize(
    ("name", "style", "expected"),
    [
        ("Kassym-Schomart Tokajew", "en", "Kassym-Jomart Tokayev"),
        ("Kassym-Schomart Tokajew", "rferl", "Qasym-Zhomart Toqaev"),
        ("Kassym-Schomart Tokajew", "official", "Kassym-Jomart Tokayev"),
        ("Kassym-Schomart Tokajew", "cyrillic-kk", "Қасым-Жомарт Тоқаев"),
        ("Kassym-Schomart Tokajew", "cyrillic-ru", "Касым-Жомарт Токаев"),
        # a bare surname is its own surname, rendered: never a given name or an entity
        ("Tokajew", "en", "Tokayev"),
        ("Tokajew", "rferl", "Toqaev"),
        ("Tokajew", "cyrillic-kk", "Тоқаев"),
        ("Масимов", "en", "Masimov"),  # (en-press: с once, as RFE/RL writes Karim Masimov)
        ("Масимов", "official", "Massimov"),  # (state sites double it)
        ("Alma-Ata", "en", "Almaty"),
        ("Бақытжан Төреғожина", "rferl", "Baqytzhan Toreghozhina"),
        ("Бақытжан Төреғожина", "official", "Bakytzhan Toregozhina"),
        # a given name that ends like a surname (-ий) is not the surname beside a word
        # that is no given name (Russian Wikidata label of a member of the Rada)
        ("Валерий Иванович Стрелец", "en", "Valery Strelets"),
        ("Ивайло Московски", "en", "Ivailo Moskovski"),  # not Moskovskikh
        # two words, the second a known given name and the first none: Surname Given
        ("Гройсман Владимир", "en", "Vladimir Groisman"),
        ("Groysman Vladimir", "en", "Vladimir Groisman"),
        # letters of other Cyrillic alphabets are read, not left in a Latin style
        # (Belarusian ў, Bulgarian ъ before a consonant: Wikipedia alphabet tables)
        ("Васіль Іваноў", "rferl", "Vasil Ivanov"),
        ("Петър Агов", "rferl", "Petar Agov"),
        ("Петър Агов", "en", "Petar Agov"),
        # a Ukrainian or Belarusian form of a given name in Cyrillic is rendered as the
        # name (be and uk Wikidata labels give Russians' names so); Latin ones as written
        ("Васіль Іваноў", "en", "Vasily Ivanov"),
        ("Сяргей Станішаў", "en", "Sergey Stanishev"),  # (a form without і or ў)
        ("Воронін Володимир Миколайович", "en", "Vladimir Voronin"),
        ("Mykola Ivanov", "en", "Mykola Ivanov"),
        ("", "en", ""),
        ("12345", "en", "12345"),
    ],
)
def test_normalize(name: str, style: str, expected: str) -> None:
    assert translit.normalize(name, style) == expected


@pytest.mark.parametrize(
    ("surname_first", "given_first"),
    [
        ("Жақсыбеков Шыңғыс", "Шыңғыс Жақсыбеков"),  # registers: Surname Given
        ("Zhaksybekov Shyngys", "Shyngys Zhaksybekov"),
        ("Petrov Ivan", "Ivan Petrov"),
        ("Иванов Иван Иванович", "Иван Иванов"),  # the patronymic is dropped as well
    ],
)
def test_surname_first_order_comes_out_given_first(surname_first: str, given_first: str) -> None:
    assert translit.normalize(surname_first) == translit.normalize(given_first)
    assert translit.normalize(surname_first, "rferl") == translit.normalize(given_first, "rferl")


@pytest.mark.parametrize("name", ["Жапаров Кубатбек", "Japarov Kubatbek", "Абдылдаев Мыктыбек"])
def test_a_given_name_in_bek_comes_first(name: str) -> None:
    # Kyrgyz official lists write Surname Given; a word in -бек the lexicon does not
    # know is a given name (the surnames made of such names end -беков)
    assert translit.normalize(name).split()[0] in {"Kubatbek", "Myktybek"}


@pytest.mark.parametrize(
    "name",
    [
        "Ivan Petrov",  # already given first
        "Zarina Nurlanova",  # Zarina ends like a surname, but is a given name
        "Geroikhan Kystaubaev",  # no ending on the first word: order kept
        "Dimitrov Stoyanov",  # two strong surname endings: order kept
    ],
)
def test_order_is_kept_without_evidence(name: str) -> None:
    result = translit.analyze(name, "en")
    assert result.method != "kept"  # (respelled, and could have been reordered)
    assert result.output.split()[0][:3] == name.split()[0][:3]


def test_analyze_reports_method_and_entity() -> None:
    r = translit.analyze("Kassym-Schomart Tokajew")
    assert r.method == "gazetteer" and r.entity is not None and 0 < r.confidence <= 1
    r = translit.analyze("Angela Merkel")  # (the example of the open-world names issue)
    assert r.method == "kept" and r.entity is None and r.output == "Angela Merkel"
    r = translit.analyze("Бақытжан Төреғожина", "rferl")
    assert r.method == "romanized" and r.entity is None
    r = translit.analyze("😀")
    assert r.method == "kept" and r.output == "😀"  # (no letters: nothing to respell)


@pytest.mark.parametrize("style", ["nope", "", "en ", "EN"])
def test_unknown_style(style: str) -> None:
    translit.normalize("Tokayev", "en")  # a valid style checked just before
    with pytest.raises(translit.UnknownStyleError, match="valid: en"):
        translit.normalize("Tokayev", style)


def test_user_gazetteer_wins(tmp_path: object) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "mine.csv"
    path.write_text(
        "id,type,kk,ru,en\nmy-1,person,Асқар Тоқаев,Аскар Токаев,Askar Tokayev\n", encoding="utf-8"
    )
    gaz = translit.load_gazetteer([path])
    r = translit.analyze("Askar Toqaev", gazetteer=gaz)
    assert r.entity == "my-1" and r.output == "Askar Tokayev"


@pytest.mark.parametrize(
    "name", ["Kassym-Schomart Tokajew", "Kassym-Jomart Tokayev", "Alma-Ata", "Nursultan Nazarbayev"]
)
def test_user_gazetteer_keeps_the_bundled_entries(tmp_path: object, name: str) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "mine.csv"
    path.write_text("id,type,ru,en\nmy-2,person,Зызыкс Кверти,Zyzyks Kverti\n", encoding="utf-8")
    gaz = translit.load_gazetteer([path])
    bundled = translit.analyze(name)
    assert bundled.entity is not None
    assert translit.analyze(name, gazetteer=gaz).entity == bundled.entity
    assert translit.normalize(name, gazetteer=gaz) == bundled.output


def test_gazetteer_copy_keeps_every_index() -> None:
    import dataclasses

    from translit.names.gazetteer import bundled_gazetteer

    base = bundled_gazetteer()
    copy = base.copy()
    for f in dataclasses.fields(base):
        assert getattr(copy, f.name) == getattr(base, f.name), f.name
        assert getattr(copy, f.name) is not getattr(base, f.name), f.name


@pytest.mark.parametrize(
    ("a", "b", "same", "reason"),
    [
        ("Tokaev", "Tokarev", False, "different"),
        ("Nazarbayev", "Nazarbayeva", False, "gender form differs"),
        ("Ivan Petrov", "Petrov, I.", True, "initials agree"),
        ("Ivan Petrov", "Petrov, A.", False, "initials disagree"),
        ("Ivan Petrov", "Petrov", True, "surname-only mention"),
        ("Иван Петров", "Ivan Petrov", True, "key equal"),
        ("Kassym-Jomart Tokayev", "Kassym-Schomart Tokajew", True, "same gazetteer entity"),
        ("Kassym-Jomart Tokayev", "Tokajew", True, "surname-only mention"),
        # the open-world names issue: initials that disagree are different people
        ("A. Nazarbayev", "Nursultan Nazarbayev", False, "initials disagree"),
        ("N. Nazarbayev", "Nursultan Nazarbayev", True, "initials agree"),
        ("Иван Иванович Петров", "Иван Сергеевич Петров", False, "patronymics differ"),
    ],
)
def test_match(a: str, b: str, same: bool, reason: str) -> None:
    result = translit.match(a, b)
    assert result.same is same
    assert reason in result.reason
    assert 0.0 <= result.score <= 1.0


def test_variants_cover_schemes_and_press() -> None:
    found = {v.spelling: v.sources for v in translit.variants("Тоқаев")}
    assert "Toqaev" in found and "Tokayev" in found and "Tokajew" in found
    assert any(s.startswith("ru:de-press") for s in found["Tokajew"])


METHODS = {"gazetteer", "romanized", "reconstructed", "unchanged", "kept"}


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=40))
def test_any_text_gets_one_consistent_result(text: str) -> None:
    """On any text: no exception, and key/normalize say what analyze says. A name kept
    as written (not of Cyrillic origin) is kept again, with the same plain key."""
    result = translit.analyze(text)
    assert result.input == text
    assert translit.normalize(text) == result.output
    assert translit.key(text) == result.key
    assert result.method in METHODS
    assert 0.0 <= result.confidence <= 1.0
    if result.method == "kept":
        again = translit.analyze(result.output)
        assert (again.method, again.key) == ("kept", result.key)


def _linked_dev_names() -> list[str]:
    """The dev set's spellings that the gazetteer links to their entity."""
    rows = [json.loads(line) for line in DEV_SET.read_text(encoding="utf-8").splitlines()]
    ids = {r["entity"]: r["gazetteer_id"] for r in rows if r.get("gazetteer_id")}
    return [
        r["name"]
        for r in rows
        if r["entity"] in ids and translit.analyze(r["name"]).entity == ids[r["entity"]]
    ]


# Styles whose rendering of some linked names no longer links when analyzed again
# (issue 17 note): de-press Bakytschan Sagintajew, Jeraly Tugschanow; es-press Alijan
# Smailov; gost-16876-alt writes й as jj (Sergejj Lavrov, Kostanajj), which reads back
# as ж. (gost-52535's tc for ц, Petr Trotcenko, reads back since the fold reads tc.)
_NOT_FIXED = {"de-press", "es-press", "gost-16876-alt"}
_UNSTABLE = pytest.mark.xfail(
    strict=True, reason="a rendering that does not link again (issue 17 note)"
)


@pytest.mark.parametrize(
    "style",
    [pytest.param(s, marks=_UNSTABLE) if s in _NOT_FIXED else s for s in translit.styles()],
)
def test_a_linked_names_output_is_a_fixed_point(style: str) -> None:
    """normalize's output, analyzed again, links the same entity with the same key and
    renders unchanged, for every linked dev-set spelling in every style.

    This holds for linked names only: an unlinked name's rendering may be read as
    not of Cyrillic origin and kept as written (its key holds: see below)."""
    names = _linked_dev_names()
    assert len(names) > 900  # the 76 gazetteer entities' spellings (bare surnames never link)
    for name in names:
        result = translit.analyze(name, style)
        again = translit.analyze(result.output, style)
        assert (again.entity, again.key, again.output) == (result.entity, result.key, result.output)


# The origin gate reads these renderings as names not of Cyrillic origin, so normalizing
# them again keeps them as written; their key is still made of their folds (their
# evidence is above origin.KEY_THRESHOLD), so it is the key of the name they render.
@pytest.mark.parametrize(
    ("name", "style"),
    [  # spellings from tests/data/devset/tune.tsv (its sources column says where)
        ("Гагик Коляевич Царукян", "official"),  # Gagik Tsarukyan, then Gagik Tsarukian
        ("ГЕОРГИ ЦВЯТКОВ ТЕРЗИЙСКИ", "en"),  # Georgy Tsviatkov Terziski, then Georgy Terziski
    ],
)
def test_an_unlinked_names_output_keeps_its_key(name: str, style: str) -> None:
    output = translit.normalize(name, style)
    assert translit.key(translit.normalize(output, style)) == translit.key(output)


def test_normalize_many_order_and_dedupe() -> None:
    names = ["Tokajew", "", "Tokajew", "Бақытжан Төреғожина"]
    results = translit.normalize_many(names, "rferl")
    assert [r.input for r in results] == names
    assert [r.output for r in results] == [translit.normalize(n, "rferl") for n in names]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # bibliography and passport orders come out as Given Surname, word by word in case
        ("Ivanov, Ivan", "Ivan Ivanov"),
        ("Иванов, Иван", "Ivan Ivanov"),
        ("IVANOV IVAN", "Ivan Ivanov"),
        ("ИВАНОВ ИВАН ИВАНОВИЧ", "Ivan Ivanov"),
        ("ZHARYLQASYMOV RAFIQ", "Rafik Zharylkasymov"),
        ("SHATALOVA YEKATERINA", "Yekaterina Shatalova"),
        ("BALANDIN DMITRIY", "Dmitry Balandin"),
        ("Ivan Ivanov", "Ivan Ivanov"),
    ],
)
def test_normalize_puts_inverted_names_in_natural_order(name: str, expected: str) -> None:
    assert translit.normalize(name) == expected


# The sound symbols of the fold alphabet (translit.fold) and the digraphs keys show.
_SOUND_DIGRAPHS = {"Z": "zh", "S": "sh", "C": "ch", "X": "kh", "T": "ts", "W": "shch"}


@given(st.text(alphabet="abkosZSCXTWY -", max_size=16))
def test_readable_spells_every_sound_symbol_as_its_digraph(fold_key: str) -> None:
    expected = "".join(_SOUND_DIGRAPHS.get(c, c) for c in fold_key)
    assert readable(fold_key) == expected


def test_an_entity_without_an_english_form_is_romanized(tmp_path: object) -> None:
    # the open-world names issue: a user's registry may give only the Kazakh form;
    # the en style romanizes it (the en scheme for Kazakh), never prints Cyrillic
    from pathlib import Path

    path = Path(str(tmp_path)) / "registry.csv"
    path.write_text("id,type,kk\nmy-1,person,Дәурен Зақлибай\n", encoding="utf-8")
    gaz = translit.load_gazetteer([path])
    result = translit.analyze("Дәурен Зақлибай", "en", gazetteer=gaz)
    assert result.entity == "my-1"
    assert result.output == translit.romanize("Дәурен Зақлибай", "official", lang="kk")
    assert not any("\u0400" <= c <= "\u04ff" for c in result.output)


@pytest.mark.parametrize(
    ("name", "words"),
    [
        # open-world lists (everypolitician-data 2015: Austria, Bangladesh): a word of
        # a hyphenated surname is never dropped as a patronymic, and a name with
        # initials is never an organization
        ("Dagmar Belakowitsch-Jenewein", 2),
        ("M.A. Jabbar", 2),
    ],
)
def test_hyphenated_surnames_and_initials_stay_whole(name: str, words: int) -> None:
    result = translit.analyze(name)
    assert result.entity is None and len(result.output.split()) == words
    assert "-" not in result.output.split()[-1][:1]


# The en style writes Kazakh names as the English press does (data/schemes/kk/en-press.json):
# й before a consonant is i, and с between vowels once (the Aigerim, not Aygerim).
@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Айгерім", "Aigerim"),
        ("Aigerim", "Aigerim"),
        ("Қайрат", "Kairat"),
        ("Мұрат Айтенов", "Murat Aitenov"),
        ("Сабит Досанов", "Sabit Dosanov"),
    ],
)
def test_the_en_style_writes_kazakh_names_as_the_english_press(name: str, expected: str) -> None:
    assert translit.normalize(name, "en") == expected


# A Bulgarian or Macedonian surname in -ски, -ска ends like a surname in Cyrillic as in
# Latin: the father's name before it is dropped from both alike (the Bulgarian
# parliament's official record, tests/data/devset tune: ИВАЙЛО АНГЕЛОВ МОСКОВСКИ).
@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [
        ("ИВАЙЛО АНГЕЛОВ МОСКОВСКИ", "Ivailo Angelov Moskovski"),
        ("СТЕФАН АНТОНОВ СОФИЯНСКИ", "Stefan Antonov Sofianski"),
    ],
)
def test_a_fathers_name_goes_in_either_script(cyrillic: str, latin: str) -> None:
    out = translit.normalize(cyrillic)
    assert out == translit.normalize(latin) and len(out.split()) == 2
    assert translit.normalize(out) == out


# Russian Wikipedia writes Bulgarian persons "Surname, Given Father's-name" (tests/data/
# devset, ru labels): after a comma, a word ending like a surname after a given name
# (known, or not ending like a surname itself) is the father's name, dropped as the
# Bulgarian official record's middle word is.
@pytest.mark.parametrize(
    ("ru", "other"),
    [
        ("Сендов, Благовест Христов", "Благовест Сендов"),
        ("Бинев, Славчо Пенчев", "Славчо Бинев"),
        ("Живков, Тодор Иванов", "Тодор Живков"),
    ],
)
def test_a_fathers_name_after_a_comma_is_dropped(ru: str, other: str) -> None:
    assert translit.key(ru) == translit.key(other)
    assert translit.normalize(ru) == translit.normalize(other)


@pytest.mark.parametrize(
    ("name", "output"),
    [
        # the rest is normalized, the bracketed part kept as written after it
        ("Иван Петров (1965)", "Ivan Petrov (1965)"),
        ("Petrov Ivan (born 1960)", "Ivan Petrov (born 1960)"),
        ("Karim Massimov (politician)", "Karim Massimov (politician)"),
        # inside the name, the name is kept as written
        ("Giorgi (Gigi) Tsereteli", "Giorgi (Gigi) Tsereteli"),
        ("Иван (Ваня) Петров", "Иван (Ваня) Петров"),
    ],
)
def test_a_part_in_brackets_is_kept_as_written(name: str, output: str) -> None:
    assert translit.normalize(name) == output
    assert translit.analyze(name).output == output
    assert translit.normalize(output) == output


@pytest.mark.parametrize(
    ("name", "output"),
    [
        # an organization's name is written word for word: no word dropped as a father's
        # name, none moved (it gave AO " Bank Kazakhstana, Partneri Ivanov, O Romashka)
        ('АО "Народный банк Казахстана"', 'AO "Narodny bank Kazakhstana"'),
        ("Иванов и партнеры", "Ivanov i partnery"),
        ("ООО Ромашка", "OOO Romashka"),
        ("ТОО «Азия Авто»", "TOO «Aziya Avto»"),
        # several names in one value, and Latin ones, stay as they were written
        ("Ivan Petrov; Olga Petrova", "Ivan Petrov; Olga Petrova"),
        ("Ivan Petrov & Co", "Ivan Petrov & Co"),
        ('"Ivan" Petrov', '"Ivan" Petrov'),
    ],
)
def test_an_organizations_name_is_written_word_for_word(name: str, output: str) -> None:
    assert translit.normalize(name) == output
    assert translit.analyze(name).output == output
    assert translit.analyze(name).key == translit.key(name)


def test_an_organization_the_gazetteer_knows_is_found_without_its_legal_form() -> None:
    found = translit.analyze("ТОО «Казахтелеком»")
    assert found.entity == translit.analyze("Казахтелеком").entity
    assert found.entity is not None


def test_four_words_hold_no_fathers_name() -> None:
    # a father's name is only read in a name of three: Бойко Методиев Борисов
    assert translit.key("Бойко Методиев Борисов") == translit.key("Бойко Борисов")
    assert translit.key("Ivan Petrov Olga Petrova") != translit.key("Ivan Olga Petrova")


@pytest.mark.parametrize(
    ("name", "output"),
    [
        # a suffix after the name is written as it was (it gave Ivan Petrov Zhr and
        # Fd Ivan Petrov), after the normalized rest
        ("Ivan Petrov Jr.", "Ivan Petrov Jr."),
        ("Ivan Petrov, PhD", "Ivan Petrov, PhD"),
        ("Ivanov Ivan Ivanovich, MP", "Ivan Ivanov, MP"),
        ("Иванов Иван мл.", "Ivan Ivanov мл."),
    ],
)
def test_a_suffix_is_kept_as_written(name: str, output: str) -> None:
    assert translit.normalize(name) == output
    assert translit.normalize(output) == output


def test_a_son_is_not_linked_to_his_father() -> None:
    assert translit.analyze("Karim Massimov, PhD").entity == "kz-person-massimov-karim"
    assert translit.analyze("Karim Massimov Jr.").entity is None
    assert translit.key("Ivan Petrov Jr.") != translit.key("Ivan Petrov")


def test_a_last_initials_dot_is_kept() -> None:
    # it gave I. I Petrov: the dot of the last initial was cut with the name's span
    assert translit.normalize("Petrov, I. I.") == "I. I. Petrov"


# Issue 16 part 4: the en style writes a Kazakh name of the name lists from its Russian
# form, as the English press does (reference notes §1.5 and §3: the state sites and
# foreign desks romanize the Russian form). Each word's spelling is attested in the
# reference notes: Aigerim, Ilyasova (issue 16), Umirzak and Abylkair (Kazinform [O5]),
# Nurtleu (Astana Times [O12]), Bulekpayev (Kazinform [O2]), Dosanov (RFE/RL [R2]).
@pytest.mark.parametrize(
    ("name", "style", "expected"),
    [
        ("Aigerim Ilyasova", "en", "Aigerim Ilyasova"),  # a press spelling stays
        ("Aygerim Iliyassova", "en", "Aigerim Ilyasova"),
        ("Айгерім Ілиясова", "en", "Aigerim Ilyasova"),
        ("Айгерим Ильясова", "en", "Aigerim Ilyasova"),
        ("Umirzak Dosanov", "en", "Umirzak Dosanov"),
        ("Omirzaq Dosanov", "en", "Umirzak Dosanov"),
        ("Abylkair Nurtleu", "en", "Abylkair Nurtleu"),
        ("Aigerim Bulekpayeva", "en", "Aigerim Bulekpayeva"),
        # the state sites' spelling of the Russian form (ss, й as y: official.json)
        ("Aigerim Ilyasova", "official", "Aygerim Ilyassova"),
        # RFE/RL and the Kazakh Latin alphabet write the Kazakh form
        ("Aigerim Ilyasova", "rferl", "Aigerim Iliyasova"),
        ("Aigerim Ilyasova", "kz-2021", "Aigerım Iliiasova"),
        ("Aigerim Ilyasova", "cyrillic-kk", "Айгерім Ілиясова"),
        # a Russian form with дж for ж is not used (data/names/surname_stems.tsv)
        ("Aigerim Zhaksybekova", "en", "Aigerim Zhaksybekova"),
        # names whose spellings fold alike: each spelling in the press (en-press of the
        # Kazakh names' Russian forms, wikipedia of the Russian ones) stays its name
        # (data/names/surname_stems.tsv: Салықов / Салыков, Салихов, Лысов, Лисов;
        # given_ru.tsv: Эрик, Ерик; given_kk.tsv: Әбілқайыр / Абулхаир, Абылқайыр /
        # Абылкаир)
        ("Bakytbay Salykov", "en", "Bakytbay Salykov"),
        ("Bakytbay Salikhov", "en", "Bakytbay Salikhov"),
        ("Asel Kasymova", "en", "Asel Kasymova"),
        ("Asel Kasimova", "en", "Asel Kasimova"),
        ("Асель Касымова", "en", "Asel Kasymova"),
        ("Erik Ivanov", "en", "Erik Ivanov"),
        ("Ерик Иванов", "en", "Yerik Ivanov"),
        ("Ivan Lysov", "en", "Ivan Lysov"),
        ("Ivan Lisov", "en", "Ivan Lisov"),
        ("Abulkhair Nabiyev", "en", "Abulkhair Nabiyev"),
        ("Abylkair Nabiyev", "en", "Abylkair Nabiyev"),
        ("Abulkhair Nabiyev", "rferl", "Abilqaiyr Nabiev"),  # (the Kazakh form, Әбілқайыр)
    ],
)
def test_kazakh_names_in_the_press_form_of_each_style(name: str, style: str, expected: str) -> None:
    assert translit.normalize(name, style) == expected
    assert translit.analyze(name, style).entity is None


# Spellings of one name (ё or е, ья or ия) are no other names: they meet in one form
# (the dev set's Наталья Соколова, Фёдор Достоевский: tests/data/names_dev.jsonl)
@pytest.mark.parametrize(
    "spellings",
    [
        ["Natalya Sokolova", "Nataliya Sokolova", "Наталья Соколова", "Наталия Соколова"],
        ["Fyodor Dostoyevsky", "Fedor Dostoevsky", "Фёдор Достоевский", "Федор Достоевский"],
        ["Semyon Lysov", "Semen Lysov", "Семён Лысов"],
    ],
)
def test_spellings_of_one_name_meet(spellings: list[str]) -> None:
    assert len({translit.normalize(s) for s in spellings}) == 1


def _kazakh_and_russian_names() -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Full names of the bundled name lists: (Kazakh form, Russian form) of a Kazakh
    given name and surname, and of a Russian one (the two forms alike). Given names that
    are also titles (Аким: an akim is a mayor) are left out: "Akim Nurkenov" is read as
    the title and the surname."""
    from translit._util.paths import data_path
    from translit._util.tsv import read_tsv
    from translit.names.parse import titles

    ends = {"ов": ("ов", "ова"), "ев": ("ев", "ева"), "ин": ("ин", "ина")}
    starts = titles().starts
    given: dict[str, list[tuple[str, str, bool]]] = {"kk": [], "ru": []}
    for lang, path in (("kk", "given_kk.tsv"), ("ru", "given_ru.tsv")):
        for _, row in read_tsv(data_path("names", path)):
            kk, ru = row.get("kk") or row["ru"], row["ru"]
            latin = translit.romanize(ru, "wikipedia").lower()
            if ru.lower() not in starts and latin not in starts:
                given[lang].append((kk, ru, row.get("gender") == "f"))
    surnames: dict[str, list[tuple[str, str, str]]] = {"kk": [], "ru": []}
    for _, row in read_tsv(data_path("names", "surname_stems.tsv")):
        if row["suffix"] in ends and row["origin"] in surnames:
            surnames[row["origin"]].append((row["kk_stem"], row["ru_stem"], row["suffix"]))
    names: dict[str, list[tuple[str, str]]] = {"kk": [], "ru": []}
    for lang in ("kk", "ru"):
        for i, (kk, ru, female) in enumerate(given[lang]):
            kk_stem, ru_stem, suffix = surnames[lang][i * 7 % len(surnames[lang])]
            end = ends[suffix][female]
            names[lang].append((f"{kk} {kk_stem}{end}", f"{ru} {ru_stem}{end}"))
    return names["kk"], names["ru"]


_KK_NAMES, _RU_NAMES = _kazakh_and_russian_names()
# a Kazakh or a Russian name, in its Kazakh or Russian Cyrillic form
_CYRILLIC_NAMES = st.tuples(st.sampled_from(_KK_NAMES + _RU_NAMES), st.booleans()).map(
    lambda pair: pair[0][pair[1]]
)
# ... or romanized in a scheme (Latin input of every convention)
_INPUT_SCHEMES = ["en-press", "official", "rferl", "kz-2021", "bgn-pcgn", "icao-doc-9303",
                  "de-press", "fr-press", "wikipedia"]  # fmt: skip
_NAMES = st.one_of(
    _CYRILLIC_NAMES,
    st.tuples(_CYRILLIC_NAMES, st.sampled_from(_INPUT_SCHEMES)).map(
        lambda pair: translit.romanize(pair[0], pair[1], lang="kk")
    ),
)


def test_the_generated_names_are_kazakh_and_russian() -> None:
    assert len(_KK_NAMES) > 1000 and len(_RU_NAMES) > 500
    assert ("Ізбасар Ізбасаров", "Избасар Избасаров") in _KK_NAMES
    assert not any(n.startswith(("Аким ", "Әкім ")) for pair in _KK_NAMES for n in pair)


# The house styles in which normalize is idempotent on its own outputs: en (every input
# goes through the lexicon) and the Cyrillic styles. In the other styles Cyrillic input
# is romanized exactly as written while a Latin one is rebuilt through the lexicon, so
# an output fed back may be rebuilt otherwise (rferl: Агзамова -> Agzamova ->
# Aghzamova): not done (issue 16 part 4 note).
@pytest.mark.parametrize("style", ["en", "cyrillic-kk", "cyrillic-ru"])
@settings(max_examples=300, deadline=None)
@given(name=_NAMES)
def test_normalize_is_idempotent_on_its_own_outputs(style: str, name: str) -> None:
    out = translit.normalize(name, style)
    assert translit.normalize(out, style) == out


@settings(max_examples=300, deadline=None)
@given(pair=st.sampled_from(_KK_NAMES))
def test_an_en_output_fed_back_comes_out_unchanged(pair: tuple[str, str]) -> None:
    """A Kazakh name's Kazakh and Russian Cyrillic forms come out in one en spelling
    (the English press's, from the Russian form), which fed back comes out unchanged.
    (Where the two forms have one key: the lexicon reads Кулян as no spelling of Күлән,
    since another name's spellings fold alike.)"""
    kazakh, russian = pair
    out = translit.normalize(kazakh, "en")
    assert translit.normalize(out, "en") == out
    if translit.key(kazakh) == translit.key(russian):
        assert translit.normalize(russian, "en") == out


@pytest.mark.parametrize(
    ("surname_first", "given_first"),
    [
        # of two words, one with a surname ending no given name has (-ов, -ева) before
        # one without it, or with only a given name's (-ина, -ой), is Surname Given:
        # Bulgarian official lists (DIMITROV BLAGOI, MADZHAROVA SNEZHINA: dev set), even
        # where the lexicon does not know the given name
        ("Kystaubaev Geroikhan", "Geroikhan Kystaubaev"),
        ("DIMITROV BLAGOI", "Blagoi Dimitrov"),
        ("Madzharova Snezhina", "Snezhina Madzharova"),
    ],
)
def test_a_strong_surname_ending_leads(surname_first: str, given_first: str) -> None:
    assert translit.normalize(surname_first) == translit.normalize(given_first)
