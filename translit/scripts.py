"""Names written in Georgian, Armenian or Greek letters, read as the Cyrillic they render.

Wikidata labels a Russian, Kazakh or Kyrgyz person in tens of languages; the Georgian,
Armenian and Greek ones transcribe the Russian form of the name letter by letter
(``ვლადიმირ ჟირინოვსკი``, ``Վլադիմիր Ժիրինովսկի``, ``Βλαντιμίρ Ζιρινόφσκι``). Read
back into Russian letters (``data/names/other_scripts.json``), such a name meets its
other spellings in :func:`translit.key` and is rendered in the house style by
:func:`translit.normalize`. Arabic, Hebrew and CJK transcriptions drop vowels or
respell syllables, and are left as they are.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cache, partial
from typing import Any, Final

from translit import origin
from translit._util.paths import data_path
from translit.fold import cyrillic_to_latin

_GREEK_SPLIT_RE: Final = re.compile("([άέόή])(?=[ιυ])")
# A run of one script's letters: a word of it.
_RUNS: Final = (
    ("georgian", re.compile("[\u10d0-\u10ff]+")),
    ("armenian", re.compile("[\u0531-\u0587]+")),
    ("greek", re.compile("[\u0370-\u03ff\u1f00-\u1fff]+")),
)


class _Table:
    """One script's reading: word-start and word-end forms, groups, letters."""

    __slots__ = ("end", "end_groups", "groups", "letters", "own_endings", "start")

    def __init__(self, data: dict[str, Any]) -> None:
        self.start: dict[str, str] = data.get("start", {})
        self.end: dict[str, str] = data.get("end", {})
        self.end_groups: dict[str, str] = data.get("end_groups", {})
        self.groups = sorted(data.get("groups", {}).items(), key=lambda kv: -len(kv[0]))
        self.letters: dict[str, str] = data["letters"]
        # (final sigma as σ: lowering capitals gives either, by the implementation)
        self.own_endings: tuple[str, ...] = tuple(
            [e.replace("ς", "σ") for e in data.get("own_endings", ())]
        )

    def read(self, word: str) -> str:
        """``word`` (lower case, unaccented) in Russian letters."""
        tail = ""
        for group, russian in self.end_groups.items():
            if word.endswith(group) and len(word) > len(group) + 1:
                word, tail = word[: -len(group)], russian
                break
        out = []
        at = 0
        if word[:1] in self.start:
            out.append(self.start[word[0]])
            at = 1
        last = len(word) - 1
        while at < len(word):
            if at == last and word[at] in self.end:
                out.append(self.end[word[at]])
                break
            for group, russian in self.groups:
                if word.startswith(group, at):
                    out.append(russian)
                    at += len(group)
                    break
            else:
                out.append(self.letters.get(word[at], ""))  # (no letter of a name: dropped)
                at += 1
        out.append(tail)
        return "".join(out)


@cache
def _tables() -> dict[str, _Table]:
    data = json.loads(data_path("names", "other_scripts.json").read_text(encoding="utf-8"))
    return {script: _Table(data[script]) for script in ("georgian", "armenian", "greek")}


def _lowered(script: str, word: str) -> str:
    """``word`` in lower case as the script's table reads it."""
    low = word.lower()
    if script == "greek":
        # (a vowel with the accent before ι or υ is no digraph: Σεργκέι; then the
        # accents and diaereses off)
        low = _GREEK_SPLIT_RE.sub("\\1\0", unicodedata.normalize("NFC", low))
        low = "".join(c for c in unicodedata.normalize("NFD", low) if not unicodedata.combining(c))
    return low


def _cyrillic_word(script: str, word: str) -> str:
    read = _tables()[script].read(_lowered(script, word)).replace("\0", "")
    # Georgian has no capitals: each word of a name starts with one
    return read.capitalize() if script == "georgian" or word[:1].isupper() else read


def has_other_script(name: str) -> bool:
    """Does ``name`` hold Georgian (Mkhedruli), Armenian or Greek (and Greek with
    accents) letters?"""
    if name.isascii():
        return False
    # (every name is asked: compiled, ord(name[i]) reads a code point without making a
    # string, which costs less than starting a regex search)
    for i in range(len(name)):
        code = ord(name[i])
        if code < 0x370 or 0x400 <= code < 0x531:
            continue  # (Latin and Cyrillic: most letters of names)
        if code < 0x400 or code <= 0x587 or 0x10D0 <= code <= 0x10FF or 0x1F00 <= code <= 0x1FFF:
            return True
    return False


def cyrillic_reading(name: str) -> str:
    """``name`` as :func:`as_cyrillic` reads it where that reading is of Cyrillic
    origin (:func:`translit.origin.cyrillic_origin` of its Latin letters: a Russian
    name in Greek letters), else ``name`` as it is (a Greek or Georgian name in its own
    script, which translit leaves alone)."""
    if _own_ending(name):
        return name
    read = as_cyrillic(name)
    latin = " ".join([cyrillic_to_latin(w) for w in read.split()])
    return read if origin.cyrillic_origin(latin) else name


def _own_ending(name: str) -> bool:
    """Has a word of ``name`` an ending of its script's own names (Greek -ος)?"""
    for script, run in _RUNS:
        endings = _tables()[script].own_endings
        if endings:
            for match in run.finditer(name):
                low = _lowered(script, match.group()).replace("\0", "").replace("ς", "σ")
                if low.endswith(endings):
                    return True
    return False


def as_cyrillic(name: str) -> str:
    """``name`` with its Georgian, Armenian and Greek words in the Russian letters they
    transcribe (other characters as they are): ``ვლადიმირ პუტინი`` as ``Владимир
    Путини``."""
    for script, run in _RUNS:
        if run.search(name) is not None:
            name = run.sub(partial(_cyrillic_match, script), name)
    return name


def _cyrillic_match(script: str, match: re.Match[str]) -> str:
    return _cyrillic_word(script, match.group())
