"""translit: romanization, name normalization and translation for Kazakh and Russian.

Romanization schemes are data (``data/schemes``), compiled once into fast tables.

>>> import translit
>>> translit.romanize("Қасым-Жомарт Тоқаев", scheme="rferl")
'Qasym-Zhomart Toqaev'
"""

from __future__ import annotations

from translit.errors import (
    InputDataError,
    NotReversibleError,
    SchemeDataError,
    TranslitError,
    UnknownLanguageError,
    UnknownSchemeError,
    UnknownStyleError,
)
from translit.letters import detect_language as _detect
from translit.names.gazetteer import Entity, Gazetteer, load_gazetteer
from translit.names.keys import key
from translit.names.match import MatchResult, match
from translit.names.normalize import (
    NameResult,
    analyze,
    keys_many,
    name_record,
    normalize,
    normalize_many,
    styles,
)
from translit.names.style import Style, get_style
from translit.names.variants import Variant, variants
from translit.romanization.romanize import cyrillize, cyrillize_many, romanize, romanize_many
from translit.romanization.schemes import SchemeInfo, list_schemes
from translit.text.names import NameSpan, Replacement, find_names, normalize_text


def schemes(lang: str | None = None) -> list[SchemeInfo]:
    """All romanization schemes (optionally only those for ``lang``)."""
    return list_schemes(lang)


def detect_language(text: str) -> str:
    """``kk`` if the text has Kazakh-specific letters, ``ru`` if other Cyrillic, else ``und``."""
    from translit.letters import prepare

    return _detect(prepare(text))


__version__ = "0.1.0"

__all__ = [
    "Entity",
    "Gazetteer",
    "InputDataError",
    "MatchResult",
    "NameResult",
    "NameSpan",
    "NotReversibleError",
    "Replacement",
    "SchemeDataError",
    "SchemeInfo",
    "Style",
    "TranslitError",
    "UnknownLanguageError",
    "UnknownSchemeError",
    "UnknownStyleError",
    "Variant",
    "__version__",
    "analyze",
    "cyrillize",
    "cyrillize_many",
    "detect_language",
    "find_names",
    "get_style",
    "key",
    "keys_many",
    "load_gazetteer",
    "match",
    "name_record",
    "normalize",
    "normalize_many",
    "normalize_text",
    "romanize",
    "romanize_many",
    "schemes",
    "styles",
    "variants",
]
