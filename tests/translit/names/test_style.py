"""Style: house styles as values, got by name with a clear error."""

from __future__ import annotations

from collections.abc import Callable

import pytest

import translit
from translit.errors import UnknownStyleError, UsageError
from translit.names.style import Style, get_style, style_ids


@pytest.mark.parametrize(
    ("name", "form", "schemes", "english", "kazakh_first", "own_forms"),
    [
        ("en", "", {"kk": "en-press", "ru": "wikipedia"}, True, False, True),
        ("rferl", "", {"kk": "rferl", "ru": "rferl"}, False, True, False),
        ("official", "", {"kk": "official", "ru": "official"}, False, True, True),
        ("kz-2021", "", {"kk": "kz-2021", "ru": "kz-2021"}, False, True, False),
        ("wikipedia", "", {"kk": "wikipedia", "ru": "wikipedia"}, False, False, False),
        ("cyrillic-kk", "kk", {}, False, False, True),
        ("cyrillic-ru", "ru", {}, False, False, True),
    ],
)
def test_a_style_by_name(
    name: str,
    form: str,
    schemes: dict[str, str],
    english: bool,
    kazakh_first: bool,
    own_forms: bool,
) -> None:
    style = get_style(name)
    assert style.id == name
    assert style.language_form == form
    assert style.cyrillic == bool(form)
    assert style.schemes == schemes
    assert style.english is english
    assert style.kazakh_first is kazakh_first
    assert style.own_forms is own_forms
    assert style.official_forms is (name == "official")
    assert style.keeps_place_names is (name == "rferl")


# Which styles write a Kazakh name from its Russian form (issue 16 part 4): the English
# press and the Kazakh state sites do (reference notes §1.5: "romanized from its
# Russian-form spelling"), and foreign desks get Kazakh names in their Russian form (§3);
# RFE/RL (§1.4), the Kazakh Latin alphabets and the letter standards write the Kazakh form.
@pytest.mark.parametrize(
    ("name", "russian_forms"),
    [
        ("en", True),
        ("official", True),
        ("en-press", True),
        ("de-press", True),
        ("fr-press", True),
        ("pl-press", True),
        ("tr-press", True),
        ("es-press", True),
        ("rferl", False),
        ("kz-2021", False),
        ("kz-2018", False),
        ("bgn-pcgn", False),
        ("iso9", False),
        ("wikipedia", False),
        ("cyrillic-kk", False),
        ("cyrillic-ru", False),
    ],
)
def test_the_styles_that_write_a_kazakh_names_russian_form(name: str, russian_forms: bool) -> None:
    assert get_style(name).russian_forms is russian_forms


def test_one_value_per_style_and_a_style_is_its_own_style() -> None:
    style = get_style("rferl")
    assert get_style("rferl") is style
    assert get_style(style) is style


@pytest.mark.parametrize("name", ["nope", "", "EN", "cyrillic"])
def test_an_unknown_style_is_a_usage_error_listing_the_known_ones(name: str) -> None:
    with pytest.raises(UnknownStyleError) as caught:
        get_style(name)
    assert isinstance(caught.value, UsageError)
    message = str(caught.value)
    assert message.startswith(f"unknown style {name!r}; valid: en, ")
    assert "rferl" in message and message.endswith("cyrillic-kk, cyrillic-ru")


def test_every_style_has_a_value_and_the_list_is_styles() -> None:
    assert style_ids() == translit.styles()
    assert style_ids()[0] == "en" and style_ids()[-2:] == ["cyrillic-kk", "cyrillic-ru"]
    assert all(isinstance(get_style(s), Style) for s in style_ids())


@pytest.mark.parametrize(
    ("style", "cyr", "lang", "out"),
    [
        ("en", "Тоқаев", "kk", "Tokayev"),
        ("en", "Щербаков", "ru", "Shcherbakov"),
        ("rferl", "Тоқаев", "kk", "Toqaev"),
        ("cyrillic-kk", "Тоқаев", "kk", "Тоқаев"),
        ("cyrillic-ru", "Тоқаев", "kk", "Токаев"),
    ],
)
def test_render_writes_cyrillic_in_the_style(style: str, cyr: str, lang: str, out: str) -> None:
    assert get_style(style).render(cyr, lang) == out


@pytest.mark.parametrize("name", ["en", "rferl", "official", "kz-2021", "cyrillic-ru"])
def test_the_api_takes_a_style_value_as_its_name(name: str) -> None:
    names = ["Қасым-Жомарт Тоқаев", "Schomart Tokajew", "Петров, Иван", "Aigerim Zhaksybekova"]
    style = get_style(name)
    for n in names:
        assert translit.analyze(n, style) == translit.analyze(n, name)
        assert translit.normalize(n, style) == translit.normalize(n, name)
    text = "Вчера Тоқаев встретился с Путиным."
    assert translit.normalize_text(text, style) == translit.normalize_text(text, name)
    assert translit.normalize_many(names, style) == translit.normalize_many(names, name)


@pytest.mark.parametrize(
    "call",
    [
        lambda: translit.normalize("Ivan Petrov", "nope"),
        lambda: translit.analyze("", "nope"),
        lambda: translit.normalize_many([], "nope"),
        lambda: translit.normalize_text("Тоқаев", "nope"),
    ],
)
def test_every_entry_point_rejects_an_unknown_style(call: Callable[[], object]) -> None:
    with pytest.raises(UnknownStyleError, match="unknown style 'nope'"):
        call()
