"""The likeliest Cyrillic name behind a reading that leaves letters open.

A script that does not write every Russian sound apart gives each of its signs several
possible Russian readings: Japanese ラ is ла or ра, ク is к or ку (Japanese adds a vowel
after a consonant that has none). :func:`likeliest` chooses among the words those
readings spell:

* a name that the lexicon or the Russian dictionary of pymorphy3 knows (a given name,
  surname or patronymic) wins (ラリサ is Лариса, not Ралиса);
* else the likeliest spelling under a letter model of Russian-form names
  (``data/names/name_letters.json``, built by ``scripts/build_name_letters.py``):
  Witten-Bell interpolated letter n-grams, with ``^`` and ``$`` marking the ends.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import cache
from typing import Any, Final

from translit._util.paths import data_json
from translit.names.fold import fold_token
from translit.names.lexicon import lexicon

#: How many partial spellings the search keeps after each sign.
BEAM: Final = 64
#: What a known name adds to the log-probability of its spelling (about four letters'
#: worth: a known name beats an unknown one unless it is far less likely).
KNOWN_BONUS: Final = 8.0
_NAME_TAGS: Final = frozenset({"Name", "Surn", "Patr"})
#: The least mean log-probability per letter (end mark included) of a plausible
#: Russian-form name: the readings of other names in katakana, Chinese, Hangul, Arabic
#: and Hebrew letters (open_world.tsv) mostly fall below it, and few of Cyrillic names
#: (the dev set's tune half: 18 of 128 readings that meet their other spellings).
PLAUSIBLE: Final = -3.0


class LetterModel:
    """Letter n-grams of Russian-form names, interpolated Witten-Bell."""

    def __init__(self, counts: dict[str, int], order: int) -> None:
        self.counts = counts
        self.order = order
        # per context: the count of its continuations and of distinct next letters
        self.total: dict[str, int] = {}
        self.types: dict[str, int] = {}
        for run, count in counts.items():
            context = run[:-1]
            self.total[context] = self.total.get(context, 0) + count
            self.types[context] = self.types.get(context, 0) + 1
        self.alphabet = max(self.types.get("", 1), 1)

    def prob(self, context: str, letter: str) -> float:
        """P(``letter`` | the last letters of ``context``)."""
        p = 1.0 / self.alphabet
        for k in range(min(len(context), self.order - 1) + 1):
            history = context[len(context) - k :]
            total = self.total.get(history, 0)
            if not total:
                break
            weight = total / (total + self.types[history])
            p = weight * self.counts.get(history + letter, 0) / total + (1 - weight) * p
        return p

    def log_prob(self, word: str, whole: bool = True) -> float:
        """The log-probability of ``word`` (lower case) as a name, or as the start of
        one when not ``whole``."""
        padded = f"^{word}$" if whole else f"^{word}"
        return sum([math.log(self.prob(padded[:i], padded[i])) for i in range(1, len(padded))])


@cache
def letter_model() -> LetterModel:
    data = data_json("names", "name_letters.json")
    return LetterModel(data["counts"], int(data["order"]))


def plausible(word: str) -> bool:
    """Is ``word`` (Cyrillic, lower case) likely enough under :func:`letter_model` to
    be a Russian-form name (Нурсултан, Путина; not Нтниаев)?"""
    return letter_model().log_prob(word) / (len(word) + 1) >= PLAUSIBLE


@cache
def _morph() -> Any:  # (pymorphy3.MorphAnalyzer, imported when first needed)
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


def known_name(word: str) -> bool:
    """Is ``word`` (Cyrillic, lower case) a name the lexicon knows, or a given name,
    surname or patronymic of pymorphy3's Russian dictionary?"""
    entry = lexicon().entries().get(lexicon().canonical(fold_token(word)))
    if entry is not None and (entry.cyrillic or entry.given):
        return True
    morph = _morph()
    if not morph.word_is_known(word):  # (a quick lookup; parse would guess at it)
        return False
    for parse in morph.parse(word):
        if parse.is_known and parse.word == word and _NAME_TAGS & parse.tag.grammemes:
            return True
    return False


def likeliest(options: Sequence[Sequence[str]]) -> str:
    """The likeliest name spelt by one option of each sign's ``options`` (Cyrillic,
    lower case), in order: a beam search under :func:`letter_model`, then a known name
    (:func:`known_name`) preferred."""
    model = letter_model()
    beam: dict[str, float] = {"^": 0.0}  # spelling (after the start mark) -> log P
    for choices in options:
        grown: dict[str, float] = {}
        for spelling, logp in beam.items():
            for choice in choices:
                longer = spelling + choice
                if longer not in grown:
                    grown[longer] = logp + _extension(model, spelling, choice)
        kept = sorted(grown.items(), key=lambda item: (-item[1], item[0]))[:BEAM]
        beam = dict(kept)

    # The whole spellings, likeliest first; a known name wins over every unknown one
    # less than KNOWN_BONUS likelier (only those are looked up).
    ranked = sorted(
        [
            (logp + math.log(model.prob(spelling, "$")), spelling[1:])
            for spelling, logp in beam.items()
        ],
        key=lambda item: (-item[0], item[1]),
    )
    best = ranked[0][0]
    for logp, word in ranked:
        if logp < best - KNOWN_BONUS:
            break
        if word and known_name(word):
            return word
    return ranked[0][1]


def _extension(model: LetterModel, spelling: str, letters: str) -> float:
    """The log-probability of ``letters`` following ``spelling``."""
    total = 0.0
    for letter in letters:
        total += math.log(model.prob(spelling, letter))
        spelling += letter
    return total
