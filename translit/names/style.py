"""House styles: how a name is written in the output, as one value.

A style is ``en`` (the English press: an entity's English form, else a readable
romanization per language), a romanization scheme (its id or alias: ``rferl``,
``official``, ``kz-2021`` ...), or one of the two Cyrillic styles (``cyrillic-kk``
keeps Kazakh letters, ``cyrillic-ru`` writes them as Russian ones). :func:`get_style`
gives the :class:`Style` of a name, or a :class:`~translit.errors.UnknownStyleError`
that lists the known ones.
"""

from __future__ import annotations

from typing import Final

from mypy_extensions import mypyc_attr

from translit.errors import UnknownStyleError
from translit.letters import KK_TO_RU
from translit.names.fold import as_russian_letters
from translit.romanization.romanize import romanize, romanize_word
from translit.romanization.schemes import scheme_ids

#: The schemes of the ``en`` style (the English press's readable romanization), by
#: language: for a name the gazetteer does not know, or an entity with no English form.
_EN_SCHEMES: Final = {"kk": "en-press", "ru": "wikipedia"}
#: The styles besides ``en`` that romanize a Kazakh name of the name lists from its
#: Russian form (see ``Style.russian_forms``): the English of Kazakh state sites
#: (``official``, and ``en-press``, the en style's Kazakh scheme, which follows it), and
#: the foreign press, whose desks get Kazakh names in their Russian form (Tokajew,
#: Koulibaïev: docs/styles.md). Every other scheme writes the Kazakh form (RFE/RL's
#: Toqaev, the Kazakh Latin alphabets, BGN/PCGN and ISO 9 of Kazakh).
_RUSSIAN_FORM_STYLES: Final = frozenset(
    {"official", "en-press", "de-press", "fr-press", "pl-press", "tr-press", "es-press"}
)
#: The Cyrillic styles and the language whose letters each writes.
_CYRILLIC: Final = {"cyrillic-kk": "kk", "cyrillic-ru": "ru"}


@mypyc_attr(acyclic=True)
class Style:
    """One house style (use :func:`get_style`; the fields are read-only by convention).

    ``id``: its name. ``language_form``: ``kk`` or ``ru`` for a Cyrillic style (the
    letters it writes), else ``""``. ``schemes``: the romanization scheme per
    language (``kk``, ``ru``) of a Latin style. ``english``: the ``en`` style, which
    writes an entity's English form and respells every word, Cyrillic ones too, so
    that every script of a name meets in one form. ``kazakh_first``: an entity is
    romanized from its Kazakh form before its Russian one (the scheme is Kazakh).
    ``official_forms``: an entity's official forms come first (``official``).
    ``keeps_place_names``: a place or organization keeps its English form
    (RFE/RL writes Almaty, Aktau). ``own_forms``: the style gives every entity a form
    of its own (its English or official form, or its Cyrillic one). ``russian_forms``:
    a Kazakh name of the name lists is romanized from its Russian form (Ильясова, not
    Ілиясова: Aigerim Ilyasova), as the English and foreign press and the Kazakh state
    sites write Kazakh names: ``en``, ``official``, ``en-press`` and the foreign press
    styles (``de-press`` ...), see ``_RUSSIAN_FORM_STYLES``."""

    __slots__ = (
        "english",
        "id",
        "kazakh_first",
        "keeps_place_names",
        "language_form",
        "official_forms",
        "own_forms",
        "russian_forms",
        "schemes",
    )

    def __init__(self, style_id: str, language_form: str, schemes: dict[str, str]) -> None:
        self.id = style_id
        self.language_form = language_form
        self.schemes = schemes
        self.english = style_id == "en"
        self.official_forms = style_id == "official"
        self.keeps_place_names = style_id == "rferl"
        self.kazakh_first = not language_form and not self.english and style_id in scheme_ids("kk")
        self.own_forms = self.english or self.official_forms or bool(language_form)
        self.russian_forms = self.english or style_id in _RUSSIAN_FORM_STYLES

    @property
    def cyrillic(self) -> bool:
        """Does the style write Cyrillic (``cyrillic-kk``, ``cyrillic-ru``)?"""
        return bool(self.language_form)

    def render(self, cyr: str, lang: str) -> str:
        """Cyrillic text of language ``lang`` (``kk`` or ``ru``) written in this style."""
        form = self.language_form
        if form:
            return cyr if form == "kk" else cyr.translate(KK_TO_RU)
        # (letters of other Cyrillic alphabets read as Russian ones: Іваноў, Петър)
        return romanize(as_russian_letters(cyr), self.schemes[lang], lang=lang)

    def render_word(self, cyr: str, lang: str) -> str:
        """:meth:`render` of one word of a Latin style (remembered per scheme)."""
        return romanize_word(cyr, self.schemes[lang], lang)

    def __repr__(self) -> str:
        return f"Style({self.id!r})"


def _make(style_id: str) -> Style:
    if style_id == "en":
        return Style("en", "", dict(_EN_SCHEMES))
    form = _CYRILLIC.get(style_id, "")
    return Style(style_id, form, {} if form else {"kk": style_id, "ru": style_id})


def style_ids() -> list[str]:
    """Every house style: ``en``, the scheme ids (and aliases), and the two Cyrillic styles."""
    return ["en", *sorted(set(scheme_ids())), *_CYRILLIC]


# style id -> Style, every style (filled on the first call of get_style)
_STYLES: Final[dict[str, Style]] = {}


def get_style(style: str | Style) -> Style:
    """The :class:`Style` named ``style`` (a :class:`Style` is returned as it is).

    Raises :class:`~translit.errors.UnknownStyleError` (a usage error) naming the
    known styles."""
    if isinstance(style, Style):
        return style
    found = _STYLES.get(style)
    if found is None:
        if not _STYLES:
            _STYLES.update({sid: _make(sid) for sid in style_ids()})
            found = _STYLES.get(style)
        if found is None:
            raise UnknownStyleError(f"unknown style {style!r}; valid: {', '.join(style_ids())}")
    return found
