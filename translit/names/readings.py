"""The likeliest Cyrillic name behind a reading that leaves letters open.

A script that does not write every Russian sound apart gives each of its signs several
possible Russian readings: Japanese ラ is ла or ра, ク is к or ку (Japanese adds a vowel
after a consonant that has none). :func:`likeliest` chooses among the words those
readings spell:

* a name that the lexicon or the Russian dictionary of pymorphy3 knows (a given name,
  surname or patronymic, or two given names written as one) wins (ラリサ is Лариса, not
  Ралиса), the one with the fewest readings outside a sign's usual ones first (Chinese
  维 is ви in the Xinhua table, ве only outside it);
* else the likeliest spelling under a letter model of Russian-form names
  (``data/names/name_letters.json``, built by ``scripts/build_name_letters.py``):
  Witten-Bell interpolated letter n-grams, with ``^`` and ``$`` marking the ends.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import cache
from typing import Final

from translit._util.cache import BoundedCache
from translit._util.paths import data_json
from translit.names.fold import fold_token
from translit.names.lexicon import lexicon
from translit.names.morph import analyzer

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


_MEMORY: Final = 1 << 18  # (log-probabilities remembered, at most)


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
        # the last letters of a context and a next letter -> the letter's log-probability
        # (a search asks for the same ones again and again)
        self._logs: dict[str, float] = {}

    def log(self, context: str, letter: str) -> float:
        """log P(``letter`` | the last letters of ``context``), remembered."""
        # (only the last order - 1 letters count; a shorter tail begins with the start
        # mark, so no two tails and letters make one key)
        key = context[1 - self.order :] + letter
        found = self._logs.get(key)
        if found is None:
            if len(self._logs) >= _MEMORY:
                self._logs.clear()
            found = self._logs[key] = math.log(self.prob(context, letter))
        return found

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


def known_name(word: str) -> bool:
    """Is ``word`` (Cyrillic, lower case) a name the lexicon knows, or a given name,
    surname or patronymic of pymorphy3's Russian dictionary?"""
    return name_rank(word) is not None


#: Kazakh and Kyrgyz letters as the Russian letters of the same names' Russian forms.
_RUSSIAN_LETTERS: Final = str.maketrans("әғқңөұүһі", "агкноуухи")


#: A word -> its :func:`name_rank` (-1: not known). The bundled lexicon and dictionary
#: do not change, and the callers ask again: :func:`likeliest` looks up the spelling it
#: then returns, and the readings of one word share many spellings.
_ranks: Final[BoundedCache[str, int]] = BoundedCache(1 << 14)


def name_rank(word: str) -> int | None:
    """How surely ``word`` (Cyrillic, lower case) is a known name: 0 spelt as the
    lexicon spells a name (Жапаров), or two given names of the lexicon written as one
    (Касымжомарт); 1 a name whose folded spelling the lexicon knows (Запаров, as
    Сапаров), or a given name, surname or patronymic of pymorphy3's Russian dictionary;
    None not known."""
    rank = _ranks.get(word)
    if rank is None:
        rank = _ranks.put(word, _name_rank(word))
    return None if rank < 0 else rank


def _name_rank(word: str) -> int:
    """:func:`name_rank` without its memo, -1 for a word not known."""
    folded = fold_token(word)
    entry = lexicon().entries().get(lexicon().canonical(folded))
    if entry is not None and (entry.cyrillic or entry.given):
        if _spelt(entry.cyrillic, word):
            return 0
        return 0 if _two_given_names(folded) else 1
    if _two_given_names(folded):
        return 0
    return 1 if _morph_name(word) else -1


def given_name(word: str) -> bool:
    """Is ``word`` (Cyrillic, lower case) a given name as the lexicon spells it (Kazakh
    and Kyrgyz letters read as their Russian ones: касым for Қасым)?"""
    entry = lexicon().entries().get(lexicon().canonical(fold_token(word)))
    return entry is not None and entry.given and _spelt(entry.cyrillic, word)


def _spelt(cyrillic: str, word: str) -> bool:
    """Is ``cyrillic`` (a lexicon spelling) ``word`` (lower case)?"""
    return cyrillic.lower().translate(_RUSSIAN_LETTERS) == word


def _morph_name(word: str) -> bool:
    """Is ``word`` a given name, surname or patronymic of pymorphy3's dictionary?"""
    morph = analyzer()
    if not morph.word_is_known(word):  # (a quick lookup; parse would guess at it)
        return False
    for parse in morph.parse(word):
        if parse.is_known and parse.word == word and _NAME_TAGS & parse.tag.grammemes:
            return True
    return False


def russian_surname(word: str) -> bool:
    """Is ``word`` a surname of pymorphy3's Russian dictionary in the nominative
    (Гагарин, Роднина)?"""
    morph = analyzer()
    if not morph.word_is_known(word):
        return False
    return any(
        parse.is_known
        and parse.word == word
        and {"Surn", "nomn"} <= parse.tag.grammemes
        and "plur" not in parse.tag.grammemes
        for parse in morph.parse(word)
    )


def _two_given_names(folded: str) -> bool:
    """Is ``folded`` (a fold) two Kazakh or Kyrgyz given names written as one word?"""
    from translit.names.keys import split_compounds  # (keys reads names: no cycle at import)

    return " " in split_compounds(folded)


def likeliest(
    options: Sequence[Sequence[str]],
    other: float = 0.0,
    usual: Sequence[int] = (),
    spelt: bool = False,
) -> str:
    """The likeliest name spelt by one option of each sign's ``options`` (Cyrillic,
    lower case), in order: a beam search under :func:`letter_model`, then a known name
    (:func:`name_rank`) preferred.

    The first ``usual[i]`` options of sign ``i`` are its usual readings (all of them
    where ``usual`` is empty); each other reading chosen takes ``other`` from the
    log-probability of a spelling, and among the known names within reach the one with
    the fewest other readings wins, then (where ``spelt``) the one spelt as the lexicon
    spells it (:func:`name_rank` 0: Жапаров before Запаров, which it knows as Сапаров),
    then the likeliest. (The scripts that write every consonant, katakana, Chinese and
    Hangul, ask for ``spelt``; Arabic and Hebrew, which leave vowels open, do not: Костов
    and Кустов are one spelling there, and the likelier wins.)"""
    model = letter_model()
    # spelling (after the start mark) -> (log P less the costs, other readings taken)
    beam: dict[str, tuple[float, int]] = {"^": (0.0, 0)}
    for at, choices in enumerate(options):
        free = usual[at] if usual else len(choices)
        grown: dict[str, tuple[float, int]] = {}
        for spelling, (logp, others) in beam.items():
            for i, choice in enumerate(choices):
                longer = spelling + choice
                if longer not in grown:
                    extended = logp + _extension(model, spelling, choice)
                    grown[longer] = (
                        (extended - other, others + 1)
                        if i >= free
                        else (
                            extended,
                            others,
                        )
                    )
        kept = sorted(grown.items(), key=lambda item: (-item[1][0], item[0]))[:BEAM]
        beam = dict(kept)

    # The whole spellings, likeliest first; a known name wins over every unknown one
    # less than KNOWN_BONUS likelier (only those are looked up).
    ranked = sorted(
        [
            (logp + model.log(spelling, "$"), others, spelling[1:])
            for spelling, (logp, others) in beam.items()
        ],
        key=lambda item: (-item[0], item[2]),
    )
    best = ranked[0][0]
    chosen: tuple[int, int, int] | None = None
    for place, (logp, others, word) in enumerate(ranked):
        if logp < best - KNOWN_BONUS:
            break
        rank = name_rank(word) if word else None
        if rank is not None and not spelt:
            rank = 0
        if rank is not None and (chosen is None or (others, rank) < chosen[:2]):
            chosen = (others, rank, place)
            if (others, rank) == (0, 0):
                break  # (none can come before it)
    return ranked[chosen[2] if chosen is not None else 0][2]


def _extension(model: LetterModel, spelling: str, letters: str) -> float:
    """The log-probability of ``letters`` following ``spelling``."""
    total = 0.0
    for letter in letters:
        total += model.log(spelling, letter)
        spelling += letter
    return total
