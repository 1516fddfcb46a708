"""Is a Latin-script name a transcription of a Cyrillic-origin name?

translit respells, reorders and links only names that came from Cyrillic (Russian,
Kazakh, Kyrgyz, Ukrainian ...); every other name (English, German, Turkish,
Chinese, companies) is passed through as written. The decision weighs, per word:

* character statistics: a naive Bayes model of character 1- to 4-grams learnt from
  real Latin spellings of Cyrillic-origin names and of other names
  (``data/names/origin_ngrams.json``, built by ``scripts/build_origin_model.py``);
* surname and patronymic endings (``cyrillic_origin_endings`` in name_rules.json);
* the lexicon: a known Kazakh or Russian surname, or a given name that other
  countries do not use (Nursultan, Dmitriy; not Anna or David).

A name in Cyrillic script is always of Cyrillic origin.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cache
from typing import Any, Final

from translit._paths import data_path
from translit.fold import fold_token
from translit.lexicon import lexicon
from translit.text import has_cyrillic

#: The name's words' summed statistics above which it is of Cyrillic origin.
THRESHOLD: Final = 4.0
#: An ending counts unless the word's statistics are below this.
_ENDING_VETO: Final = -8.0
#: A known surname counts unless the word's statistics are below this.
_LEXICON_VETO: Final = -4.0
#: A given name of the lexicon that other countries do not use counts when the word's
#: statistics are above this.
_GIVEN_MIN: Final = 2.0
_MIN_LETTERS: Final = 5
_WORD_RE: Final = re.compile(r"[^\W\d_]+(?:['’ʼ`][^\W\d_]+)*")
_CACHE_LIMIT: Final = 1 << 17
# word (lower case) -> (statistics score, strong evidence)
_words: Final[dict[str, tuple[float, bool]]] = {}


@cache
def _data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        data_path("names", "origin_ngrams.json").read_text(encoding="utf-8")
    )
    return data


@cache
def _model() -> tuple[dict[str, float], int]:
    data = _data()
    return dict(data["ngrams"]), int(data["n_max"])


@cache
def _shared_given() -> frozenset[str]:
    return frozenset(_data()["shared_given"])


@cache
def _endings_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(endings that count unless the statistics veto them, unmistakable endings)."""
    rules = json.loads(data_path("names", "name_rules.json").read_text(encoding="utf-8"))
    found = rules["cyrillic_origin_endings"]
    return _ending_re(found["endings"]), _ending_re(found["unmistakable"])


def _ending_re(endings: list[str]) -> re.Pattern[str]:
    ordered = sorted(endings, key=len, reverse=True)
    return re.compile("(?:" + "|".join(re.escape(e) for e in ordered) + ")$")


def word_score(word: str) -> float:
    """The log-likelihood ratio of ``word`` (lower case): above 0 it looks more like
    a Latin spelling of a Cyrillic-origin name than like another name."""
    grams, n_max = _model()
    padded = f"^{word}$"
    size = len(padded)
    total = 0.0
    for n in range(1, n_max + 1):
        for i in range(size - n + 1):
            total += grams.get(padded[i : i + n], 0.0)
    return total


def _word(word: str) -> tuple[float, bool]:
    found = _words.get(word)
    if found is None:
        score = word_score(word)
        strong = False
        if len(word) >= _MIN_LETTERS:
            endings, unmistakable = _endings_res()
            strong = unmistakable.search(word) is not None or (
                score > _ENDING_VETO and endings.search(word) is not None
            )
        if not strong:
            entry = lexicon().entries().get(fold_token(word))
            if entry is None:
                pass
            elif entry.given:
                # (another language's form of a name, Ihor or Uladzimir, is Slavic
                # whatever the statistics say)
                strong = word not in _shared_given() and (entry.variant or score > _GIVEN_MIN)
            else:
                strong = (
                    len(word) >= _MIN_LETTERS and bool(entry.cyrillic) and score > _LEXICON_VETO
                )
        if len(_words) >= _CACHE_LIMIT:
            _words.clear()
        found = _words[word] = (score, strong)
    return found


def cyrillic_origin(name: str) -> bool:
    """Is ``name`` of Cyrillic origin: written in Cyrillic, or a Latin spelling whose
    words carry a surname ending or a known surname, or whose character statistics
    sum above :data:`THRESHOLD`? A name with no letters is not."""
    if has_cyrillic(name):
        return True
    total = 0.0
    seen = False
    for match in _WORD_RE.finditer(name):
        seen = True
        score, strong = _word(match.group().lower())
        if strong:
            return True
        total += score
    return seen and total > THRESHOLD


# Latin letters that Unicode does not decompose into a base letter and an accent.
_UNACCENTED: Final = str.maketrans(
    {"ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "đ": "d", "ð": "d", "þ": "th", "ł": "l", "ı": "i"}
)


def plain_key(name: str) -> str:
    """The match key of a name that is not of Cyrillic origin: its words in lower
    case without accents, in alphabetical order."""
    words = []
    for match in _WORD_RE.finditer(name):
        decomposed = unicodedata.normalize("NFKD", match.group().casefold().translate(_UNACCENTED))
        words.append("".join(c for c in decomposed if not unicodedata.combining(c)))
    return " ".join(sorted(words))


def tidy(name: str) -> str:
    """``name`` with its whitespace tidied: what normalization gives a name that is
    not of Cyrillic origin."""
    return " ".join(name.split())
