"""Is a Latin-script name a transcription of a Cyrillic-origin name?

translit respells, reorders and links only names that came from Cyrillic (Russian,
Kazakh, Kyrgyz, Ukrainian ...); every other name (English, German, Turkish,
Chinese, companies) is passed through as written. The decision weighs, per word:

* character statistics: a naive Bayes model of character 1- to 4-grams learnt from
  real Latin spellings of Cyrillic-origin names and of other names
  (``data/names/origin_ngrams.json``, built by ``scripts/build_origin_model.py``);
* surname and patronymic endings (``cyrillic_origin_endings`` in name_rules.json);
* the lexicon: a known Kazakh or Russian surname, another language's form of a
  known given name (Ihor), and, weighed with the rest, a given name that other
  countries do not use (Nursultan, Dmitriy; not Anna or David);
* the surnames of pymorphy3's Russian dictionary that other countries' names do not
  spell (``data/names/known_names.json``, built by ``scripts/build_known_names.py``):
  such a surname counts as the lexicon's do (Delyagin, Anisim).

A name in Cyrillic script is always of Cyrillic origin.
"""

from __future__ import annotations

import math
import re
import unicodedata
from functools import cache
from typing import Any, Final

from mypy_extensions import mypyc_attr

from translit._util.cache import BoundedCache
from translit._util.paths import data_json
from translit.letters import has_cyrillic
from translit.names.fold import fold_token
from translit.names.lexicon import LexiconEntry, lexicon, russian_only_surname
from translit.names.parse import VARIANT, chunk_plain, patronymic_words

#: The name's words' summed evidence above which it is of Cyrillic origin: the
#: smallest that keeps 99.8% of both open-world sets' tune parts (the other
#: legislatures, and name_lists.tsv's given name + surname pairs) as written.
THRESHOLD: Final = 8.0
#: The evidence above which a name that is passed through as written (at or below
#: :data:`THRESHOLD`) still gets the match key of a Cyrillic-origin name, made of its
#: words' folds, not the plain key (translit/names/keys.py): a Russian name that the
#: statistics doubt (Sergei Shoigu, Alexei Kudrin) still meets its other spellings.
#: Measured on the development set's tune half (bench/names.py --devset): key recall
#: 0.439 -> 0.467; other countries' names merged by key: 2 -> 4 pairs of 19,279 names
#: (Hasan Malek = Hassan Malek), none of the name lists' 11,521.
KEY_THRESHOLD: Final = -20.0
#: What a surname ending (-ov, -enko, -skiy) adds to its word's statistics (at least 0)
#: unless they are below :data:`_ENDING_VETO`; and a surname the lexicon knows, unless
#: they are below :data:`_LEXICON_VETO`. Neither decides alone: the other words of
#: the name may outweigh them (Karin Hafstad, Thor Listau, Salim Turky).
ENDING_BONUS: Final = 40.0
LEXICON_BONUS: Final = 15.0
_ENDING_VETO: Final = -16.0
#: A surname ending or a known surname on a word whose statistics are above this
#: decides alone (on the dev set's tune half, no word above it is outweighed).
_DECIDES: Final = 20.0
_LEXICON_VETO: Final = -4.0
#: A given name of the lexicon that other countries do not use counts when the word's
#: statistics are above this.
_GIVEN_MIN: Final = 2.0
#: What such a given name adds to the name's statistics (alone it decides nothing:
#: Karin, Aida and Severin are Western names too).
_GIVEN_BONUS: Final = 6.0
_MIN_LETTERS: Final = 5
_WORD_RE: Final = re.compile(r"[^\W\d_]+(?:['’ʼ`][^\W\d_]+)*")
_CACHE_LIMIT: Final = 1 << 17
# a whitespace chunk of a name, as written -> its evidence (one lookup for a chunk
# seen before, not the name parser's and then one of its own)
_chunks: Final[BoundedCache[str, Evidence]] = BoundedCache(_CACHE_LIMIT)
# a name with accents that the key keeps as written -> is its spelling without acute
# accents of Cyrillic origin (see folded_key)
_stress_marked: Final[BoundedCache[str, bool]] = BoundedCache(_CACHE_LIMIT)


@cache
def _data() -> dict[str, Any]:
    return data_json("names", "origin_ngrams.json")


@cache
def _model() -> tuple[dict[str, float], int]:
    data = _data()
    return dict(data["ngrams"]), int(data["n_max"])


@cache
def _shared_given() -> frozenset[str]:
    return frozenset(_data()["shared_given"])


@cache
def _other_endings() -> frozenset[str]:
    return frozenset(_data()["other_endings"])


@cache
def _endings() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(endings that count unless the statistics veto them, unmistakable endings), for
    ``str.endswith``."""
    rules = data_json("names", "name_rules.json")
    found = rules["cyrillic_origin_endings"]
    return tuple(found["endings"]), tuple(found["unmistakable"])


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


# lower case, fold, lexicon entry, a variant
_Word = tuple[str, str, "LexiconEntry | None", bool]


@mypyc_attr(acyclic=True)
class Evidence:
    """What one whitespace chunk of a Latin name says of its origin, found lazily:
    ``strong`` (2: a word that decides by itself, see :func:`_kind` and
    :data:`_DECIDES`; 1: none; 0: no words), and the summed evidence of its words,
    needed only when no chunk of the name decides (NaN until then)."""

    __slots__ = ("parts", "strong", "weight")

    def __init__(self, words: list[_Word]) -> None:
        # (each word with its kind and, where the kind needed it, its statistics:
        # computed once, here or for the sum)
        self.parts: list[tuple[str, LexiconEntry | None, bool, int, float]] = []
        self.strong = 1 if words else 0
        self.weight = math.nan
        for word, fold, entry, variant in words:
            kind = _kind(word, fold, entry)
            score = word_score(word) if kind in (_ENDING, _LEXICON) else math.nan
            if kind == _UNMISTAKABLE or score > _DECIDES:  # (NaN > x is False)
                self.strong = 2
                return
            self.parts.append((word, entry, variant, kind, score))

    def total(self) -> float:
        if math.isnan(self.weight):
            self.weight = sum([_weight(*part) for part in self.parts])
        return self.weight


# What a word's ending or lexicon entry says (see _kind).
_NONE: Final = 0
_LEXICON: Final = 1  # a surname the lexicon knows
_ENDING: Final = 2  # a surname ending (other countries' words with it excepted)
_UNMISTAKABLE: Final = 3  # a patronymic, -ұлы, Czech -ovová: decides whatever else


def _kind(word: str, fold: str, entry: LexiconEntry | None) -> int:
    """What one word (lower case; ``fold``: its fold) shows by its ending, its lexicon
    entry or the Russian dictionary's surnames (``lexicon.russian_only_surname``). A surname
    ending or a known surname on a word whose statistics are above :data:`_DECIDES`
    decides alone (no other word of a real name outweighs that: the gate then skips
    the other words' statistics)."""
    if len(word) < _MIN_LETTERS:
        # (a "son of" word written apart is unmistakable though short: uulu, kyzy, oğlu)
        return _UNMISTAKABLE if word in patronymic_words() else _NONE
    endings, unmistakable = _endings()
    if word.endswith(unmistakable):
        return _UNMISTAKABLE
    if word.endswith(endings) and word not in _other_endings():
        return _ENDING  # (unless other countries' names end so too: Gjerskov, Bødskov)
    if entry is not None and not entry.given and entry.cyrillic:
        return _LEXICON
    if russian_only_surname(fold):
        return _LEXICON
    return _NONE


def _weight(word: str, entry: LexiconEntry | None, variant: bool, kind: int, score: float) -> float:
    """A word's evidence: its statistics (``score``, NaN if not computed yet), raised
    for a surname ending or a surname the lexicon knows (see :data:`ENDING_BONUS`), or
    for a given name that other countries do not use (or another language's form of
    one, Ihor): alone it decides nothing."""
    if math.isnan(score):
        score = word_score(word)
    if kind == _ENDING and score > _ENDING_VETO:
        return max(score, 0.0) + ENDING_BONUS
    if kind == _LEXICON and score > _LEXICON_VETO:
        return max(score, 0.0) + LEXICON_BONUS
    # (a variant carries no entry on the parser's words: it is rendered as written)
    if (variant or (entry is not None and entry.given)) and word not in _shared_given():
        if variant or score > _GIVEN_MIN:
            return score + _GIVEN_BONUS
    return score


def _chunk(chunk: str) -> Evidence:
    """The evidence of a whitespace chunk of a Latin name, remembered."""
    found = _chunks.data.get(chunk)  # (the dict read directly: a hot loop)
    if found is None:
        found = _chunks.put(chunk, _shared(Evidence(_chunk_words(chunk))))
    return found


def _chunk_words(chunk: str) -> list[_Word]:
    """The words of a whitespace chunk of a Latin name with their lexicon entries. A
    plain chunk is read through the name parser, which remembers it for the key and
    the normalization that follow: its words' lexicon entries come with it."""
    plain = chunk_plain(chunk)
    if plain is not None:
        words = plain.parts if plain.parts is not None else (plain,)
        return [(w.word.lower(), w.fold, w.entry, bool(w.flags & VARIANT)) for w in words]
    entries = lexicon().entries()
    read = []
    for match in _WORD_RE.finditer(chunk):
        low = match.group().lower()
        fold = fold_token(low)
        entry = entries.get(lexicon().canonical(fold))
        read.append((low, fold, entry, entry is not None and entry.variant))
    return read


def _shared(evidence: Evidence) -> Evidence:
    """``evidence``, or the one shared evidence of every chunk that decides by itself
    (its words are never read again: one object, always in the processor's caches)."""
    return _STRONG if evidence.strong == 2 else evidence


_STRONG: Final = Evidence([])
_STRONG.strong = 2


def cyrillic_origin(name: str) -> bool:
    """Is ``name`` of Cyrillic origin: written in Cyrillic, or a Latin spelling with
    an unmistakable ending (a patronymic), or whose words' evidence (character
    statistics, surname endings, known surnames and given names) sums above
    :data:`THRESHOLD`? A name with no letters is not. (The evidence of the words is
    weighed only when no word of the name decides.)"""
    found = evidence(name)
    if found == math.inf:
        return True
    if found <= THRESHOLD:
        return False
    return name.isascii() or not _turkish(name)


def folded_key(name: str) -> bool:
    """Does ``name``, passed through as written, still get a key made of its folds: a
    name in Latin letters whose evidence is above :data:`KEY_THRESHOLD`, or whose
    spelling without acute accents (see :data:`ACUTE_VOWELS`) is of Cyrillic origin
    (Andríj Parubíj, Andrij Parubij)? (Names in other scripts that stay as written keep
    their plain key.)"""
    if not _latin(name):
        return False
    if evidence(name) > KEY_THRESHOLD:
        return True
    if name.isascii():
        return False
    found = _stress_marked.data.get(name)  # (the dict read directly: a hot loop)
    if found is None:
        plain = unacute(name)
        found = _stress_marked.put(name, plain is not name and evidence(plain) > THRESHOLD)
    return found


#: Vowels with an acute accent: a stress mark in the Spanish, Portuguese, Catalan,
#: Danish, Czech and Slovak spellings of Russian and Ukrainian names (Serguéi, Iúlia,
#: Andríj Parubíj), a length mark in Czech, Slovak, Hungarian and Icelandic names. The
#: statistics learn the accented letters as other countries' (each weighs in all the
#: n-grams around it: Andríj Parubíj -29, Andrij Parubij +8), so they keep such names
#: as written, rightly; but a name that only its accents keep from being read as of
#: Cyrillic origin still gets the folded key. (Taking the accents off for the gate
#: itself, or weighing each once, lets Czech, Slovak and Hungarian names through:
#: kept 0.76 -> 0.62, 0.79 -> 0.66, 0.97 -> 0.93 on the dev set's open world; weighing
#: the plain spelling against KEY_THRESHOLD merges Víbekka with Vibeka.)
ACUTE_VOWELS: Final = "áéíóúýÁÉÍÓÚÝ"
_UNACUTE: Final = dict(zip(ACUTE_VOWELS, "aeiouyAEIOUY", strict=True))
# (an accent on the last letter of a word stays: Czech and Slovak -ová, -ý, -á are
# endings, not stress marks; Stiborová is not Stiborova)
_ACUTE_RE: Final = re.compile(f"[{ACUTE_VOWELS}](?=[^\\W\\d_])")


def unacute(name: str) -> str:
    """``name`` without the acute accents of :data:`ACUTE_VOWELS` but on the last
    letter of a word (the same object if there are none)."""
    if name.isascii():
        return name
    plain = _ACUTE_RE.sub(_plain_vowel, name)
    return name if plain == name else plain


def _plain_vowel(match: re.Match[str]) -> str:
    return _UNACUTE[match.group()]


def _latin(name: str) -> bool:
    """Is every letter of ``name`` a Latin one (with its accents)?"""
    return name.isascii() or all(
        not c.isalpha() or c < "\u0250" or "\u1e00" <= c < "\u1f00" for c in name
    )


def evidence(name: str) -> float:
    """The summed evidence of the words of ``name`` that it is of Cyrillic origin (see
    :func:`cyrillic_origin`): infinite for a name in Cyrillic or with a word that
    decides, minus infinity for a name with no letters."""
    if not name.isascii() and has_cyrillic(name):
        return math.inf
    found = []
    for chunk in name.split():
        words = _chunk(chunk)
        if words.strong == 2:
            return math.inf
        if words.strong:
            found.append(words)
    return sum([e.total() for e in found]) if found else -math.inf


# Letters of the Turkish alphabet that no other Latin alphabet of Europe writes (ö and
# ü are German, Hungarian, Estonian and Mongolian letters too), and letters that the
# Kazakh, Azerbaijani and Uzbek Latin alphabets write and Turkish does not.
_TURKISH_RE: Final = re.compile("[çğışİÇĞŞ]")
_OTHER_TURKIC_RE: Final = re.compile("[äəñqūxwýáóúǵńÄƏÑQŪXWÝÁÓÚǴŃ]")


def _turkish(name: str) -> bool:
    """Is ``name`` written in the Turkish alphabet: some letter only it (among the
    alphabets translit reads) writes, and none of the other Turkic alphabets'? Such a
    name is Turkish unless an ending or the lexicon decides (Kasım Cömert Tokayev)."""
    return _TURKISH_RE.search(name) is not None and _OTHER_TURKIC_RE.search(name) is None


# Latin letters that Unicode does not decompose into a base letter and an accent.
_UNACCENTED: Final = str.maketrans(
    {"ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "đ": "d", "ð": "d", "þ": "th", "ł": "l", "ı": "i"}
)


def plain_key(name: str) -> str:
    """The match key of a name that is not of Cyrillic origin: its words in lower
    case without accents, in alphabetical order."""
    words = []
    for match in _WORD_RE.finditer(name):
        word = match.group().casefold().translate(_UNACCENTED)
        if not word.isascii():  # (an ASCII word has no accent to take off)
            # (only the accents of Latin, Greek and Cyrillic letters: the voicing mark
            # of ジ is part of the sign, and Hangul syllables stay whole)
            decomposed = unicodedata.normalize("NFKD", word)
            word = "".join([c for c in decomposed if not "\u0300" <= c <= "\u036f"])
            if not word.isascii():
                word = unicodedata.normalize("NFC", word)
        words.append(word)
    return " ".join(sorted(words))


def tidy(name: str) -> str:
    """``name`` with its whitespace tidied: what normalization gives a name that is
    not of Cyrillic origin."""
    return " ".join(name.split())
