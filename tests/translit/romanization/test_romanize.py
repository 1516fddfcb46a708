"""The public romanization API, with property tests over every scheme."""

from __future__ import annotations

import string
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import translit
from translit.letters import KAZAKH, KAZAKH_LOWER, RUSSIAN, prepare
from translit.romanization.romanize import clear_caches, romanize_uncached, romanize_word
from translit.romanization.schemes import resolve, transliterator

ALL = [(i.language, i.id) for i in translit.schemes()]
ASCII_SCHEMES = [(i.language, i.id) for i in translit.schemes() if i.ascii]
REVERSIBLE = [(i.language, i.id) for i in translit.schemes() if i.reversible]

cyrillic_text = st.text(alphabet=KAZAKH + " -.,'0123456789", max_size=40)
russian_text = st.text(alphabet=RUSSIAN + " -.,0123456789", max_size=40)
latin_text = st.text(alphabet=string.ascii_letters + string.digits + " -.,'", max_size=40)


@pytest.mark.parametrize(
    ("text", "scheme", "expected"),
    [
        ("Қасым-Жомарт Тоқаев", "rferl", "Qasym-Zhomart Toqaev"),
        ("Жаңа", "bgn-pcgn", "Zhanga"),
        ("ЖАҢА", "bgn-pcgn", "ZHANGA"),
        ("Нұрсұлтан Назарбаев", "rferl", "Nursultan Nazarbaev"),
        ("Нұрсұлтан Назарбаев", "official", "Nursultan Nazarbayev"),
        ("Токаев", "wikipedia", "Tokayev"),
        ("Токаев", "icao-doc-9303", "Tokaev"),
    ],
)
def test_romanize_examples(text: str, scheme: str, expected: str) -> None:
    assert translit.romanize(text, scheme=scheme) == expected


def test_language_detection_picks_the_scheme_table() -> None:
    # bgn-pcgn exists for both: Russian BGN writes -ayev, Kazakh BGN -aev.
    assert translit.romanize("Токаев", "bgn-pcgn") == "Tokayev"
    assert translit.romanize("Тоқаев", "bgn-pcgn") == "Toqaev"
    assert translit.romanize("Токаев", "bgn-pcgn", lang="kk") == "Tokaev"


def test_kazakh_only_scheme_covers_russian_text() -> None:
    assert translit.romanize("Щукин", "rferl") == translit.romanize("Щукин", "rferl", lang="kk")


def test_russian_only_scheme_on_kazakh_text_fills_missing_letters() -> None:
    out = translit.romanize("Тоқаев", "wikipedia")
    assert out.isascii() and out.startswith("To")


def test_lookalikes_are_repaired_before_romanizing() -> None:
    assert translit.romanize("Нұрсултaн", "rferl") == "Nursultan"


def test_unknown_scheme_lists_valid_ones() -> None:
    with pytest.raises(translit.UnknownSchemeError, match=r"valid: .*rferl"):
        translit.romanize("Тоқаев", "nope")
    with pytest.raises(translit.UnknownSchemeError):
        translit.romanize("ascii only", "nope")


def test_unknown_language_lists_valid_ones() -> None:
    with pytest.raises(translit.UnknownLanguageError, match="kk, ru"):
        translit.romanize("Тоқаев", "rferl", lang="xx")


def test_not_reversible() -> None:
    with pytest.raises(translit.NotReversibleError, match=r"reversible schemes: .*iso9"):
        translit.cyrillize("Toqaev", "rferl")


def test_iso9_alias_of_gost_779() -> None:
    assert translit.romanize("Щёлково", "iso9", lang="ru") == translit.romanize(
        "Щёлково", "gost-779", lang="ru"
    )


def test_romanize_many_matches_romanize_and_keeps_order() -> None:
    names = ["Тоқаев", "Токаев", "Tokayev", "", "Тоқаев", "Назарбаев"] * 3
    assert translit.romanize_many(names, "bgn-pcgn") == [
        translit.romanize(n, "bgn-pcgn") for n in names
    ]


@pytest.mark.parametrize(("lang", "scheme"), ALL)
@settings(max_examples=40, deadline=None)
@given(text=st.one_of(st.text(max_size=30), cyrillic_text))
def test_any_unicode_romanizes_like_the_reference_and_fully(
    lang: str, scheme: str, text: str
) -> None:
    """On any text: no exception, the cached path gives what the uncached reference
    gives, and no letter of the language's alphabet is left in the output."""
    out = translit.romanize(text, scheme=scheme, lang=lang)
    assert out == romanize_uncached(text, scheme, lang)
    assert not set(out) & set(KAZAKH if lang == "kk" else RUSSIAN)


@pytest.mark.parametrize(("lang", "scheme"), ALL)
@settings(max_examples=25, deadline=None)
@given(text=latin_text)
def test_latin_and_digits_pass_through(lang: str, scheme: str, text: str) -> None:
    assert translit.romanize(text, scheme=scheme, lang=lang) == text


@pytest.mark.parametrize(("lang", "scheme"), ASCII_SCHEMES)
@settings(max_examples=40, deadline=None)
@given(text=cyrillic_text)
def test_ascii_schemes_give_ascii(lang: str, scheme: str, text: str) -> None:
    if lang == "ru":  # Russian schemes are defined on the Russian alphabet
        text = text.translate(str.maketrans("", "", "әғқңөұүһіӘҒҚҢӨҰҮҺІ"))
    assert translit.romanize(text, scheme=scheme, lang=lang).isascii()


@pytest.mark.parametrize("lang", ["kk", "ru"])
@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_iso9_round_trips(lang: str, data: st.DataObject) -> None:
    text = data.draw(cyrillic_text if lang == "kk" else russian_text)
    text = text.replace("Ъ", "ъ").replace("Ь", "ь")  # ISO 9's ʺ ʹ have no capitals
    latin = translit.romanize(text, "iso9", lang=lang)
    assert translit.cyrillize(latin, "iso9", lang=lang) == text


@pytest.mark.parametrize(("lang", "scheme"), REVERSIBLE)
@settings(max_examples=25, deadline=None)
@given(text=st.one_of(st.text(max_size=30), latin_text))
def test_reverse_reads_every_letter_it_maps(lang: str, scheme: str, text: str) -> None:
    """On any text: no exception, and no letter that the reverse table maps on its own
    (in either case) is left in the output; other characters may pass through."""
    out = translit.cyrillize(text, scheme, lang=lang)
    reverse = resolve(scheme, lang)[0].reverse
    assert reverse is not None
    letters = {k for k in reverse.mapping if len(k) == 1}
    assert not set(out) & (letters | {k.upper() for k in letters})


def test_reversible_set() -> None:
    got = {(lang, sid) for lang, sid in REVERSIBLE}
    assert {("kk", "iso9"), ("kk", "kz-2021"), ("kk", "kz-2018"), ("kk", "kz-2017")} <= got
    assert {("ru", "gost-779"), ("ru", "gost-779-alt")} <= got


_CACHE_ALPHABET = KAZAKH + " -.,'\n\taioeyxAIOEXZ\u0301\u0306\u0308ЁЙ1"


@pytest.mark.parametrize("scheme", ["bgn-pcgn", "rferl", "kz-2021", "wikipedia", "scientific"])
@pytest.mark.parametrize("lang", [None, "kk", "ru"])
@settings(max_examples=120, deadline=None)
@given(texts=st.lists(st.text(alphabet=_CACHE_ALPHABET, max_size=25), max_size=6))
def test_cached_romanize_equals_uncached(scheme: str, lang: str | None, texts: list[str]) -> None:
    """The per-text and per-word caches never change a result (repeats hit the caches)."""
    expected = [romanize_uncached(t, scheme, lang) for t in texts]
    assert translit.romanize_many(texts + texts, scheme, lang) == expected + expected
    assert [translit.romanize(t, scheme, lang) for t in texts] == expected


def test_clear_caches_keeps_results() -> None:
    before = translit.romanize("Қасым-Жомарт Тоқаев", "rferl")
    clear_caches()
    assert translit.romanize("Қасым-Жомарт Тоқаев", "rferl") == before == "Qasym-Zhomart Toqaev"


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(ALL),
    st.text(alphabet=KAZAKH + "-'", min_size=1, max_size=10).map(
        lambda w: w.upper() if len(w) % 3 == 0 else w.capitalize()
    ),
)
def test_romanize_word_is_the_romanization_of_the_word(case: tuple[str, str], word: str) -> None:
    lang, scheme = case
    expected = romanize_uncached(word, scheme, lang)
    assert romanize_word(word, scheme, lang) == expected
    assert romanize_word(word, scheme, lang) == expected  # remembered
    clear_caches()
    assert romanize_word(word, scheme, lang) == expected


# Name-like texts: mostly title-case words (the clean fast path), some all-caps, lower,
# hyphenated or with a look-alike, drawn from a small pool so that words and texts repeat.
_word = st.text(alphabet=KAZAKH_LOWER, min_size=1, max_size=7)
_shaped = st.tuples(_word, st.sampled_from([str.title, str.title, str.upper, str.lower])).map(
    lambda pair: pair[1](pair[0])
)
_name_word = st.one_of(
    _shaped, st.builds("{}-{}".format, _shaped, _shaped), _shaped.map(lambda w: w + "a")
)
_names = st.lists(_name_word, min_size=1, max_size=3).map(" ".join)


@pytest.mark.parametrize(("lang", "scheme"), ALL)
@settings(max_examples=60, deadline=None)
@given(text=_names)
def test_clean_path_equals_general_path(lang: str, scheme: str, text: str) -> None:
    tr = transliterator(scheme, lang)
    out = tr.apply_clean(text)
    assert out is None or out == tr.apply(prepare(text))


@pytest.mark.parametrize(("lang", "scheme"), ALL)
def test_title_case_names_take_the_clean_path(lang: str, scheme: str) -> None:
    name = "Бақытжан Сағынтаев" if lang == "kk" else "Пётр Щербаков"
    assert transliterator(scheme, lang).apply_clean(name) is not None


@pytest.mark.parametrize("scheme", ["bgn-pcgn", "official", "kz-2021", "odni", "wikipedia"])
@pytest.mark.parametrize("lang", [None, "kk", "ru"])
@settings(max_examples=60, deadline=None)
@given(pool=st.lists(_names, min_size=1, max_size=12), picks=st.lists(st.integers(0, 99)))
def test_cached_names_equal_uncached(
    scheme: str, lang: str | None, pool: list[str], picks: list[int]
) -> None:
    """Every cache state (cold, warm, text cache paused or full) keeps results unchanged.

    Tiny limits make the caches fill, clear, pause and resume within one example.
    """
    texts = pool + [pool[i % len(pool)] for i in picks]
    expected = [romanize_uncached(t, scheme, lang) for t in texts]
    module = sys.modules["translit.romanization.romanize"]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(module, "_PROBE", 2)
        patch.setattr(module, "_CACHE_LIMIT", 8)
        patch.setattr(module, "_COLD_SAMPLE", 2)
        clear_caches()
        assert [translit.romanize(t, scheme, lang) for t in texts] == expected
        assert translit.romanize_many(texts, scheme, lang) == expected
    clear_caches()
