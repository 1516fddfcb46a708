"""Splitting a personal or place name into tokens: titles, initials, patronymics, surname.

The rules (titles in many languages, patronymic and surname endings) are data:
``data/names/name_rules.json``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any, Final

from translit._paths import data_path
from translit.fold import fold_token
from translit.lexicon import lexicon
from translit.text import prepare

_LETTER: Final = r"(?:[^\W\d_]|[\u0300-\u036f])"
_TOKEN_RE: Final = re.compile(f"{_LETTER}+(?:['’ʼ`]{_LETTER}+)*(?:['’ʼ`])?(\\.)?")


@dataclass(frozen=True)
class Token:
    """One word of a name, with its position in the prepared text."""

    text: str
    start: int
    end: int
    fold: str
    initial: bool


@dataclass(frozen=True)
class ParsedName:
    """A name split into tokens (titles and patronymics removed)."""

    text: str
    tokens: tuple[Token, ...]
    surname: int | None  # index into tokens
    patronymics: tuple[Token, ...] = ()

    @property
    def folds(self) -> tuple[str, ...]:
        return tuple(t.fold for t in self.tokens if not t.initial and t.fold)

    @property
    def initials(self) -> tuple[str, ...]:
        return tuple(t.fold for t in self.tokens if t.initial and t.fold)

    @property
    def surname_fold(self) -> str | None:
        if self.surname is None:
            return None
        return self.tokens[self.surname].fold


@cache
def _rules() -> dict[str, Any]:
    path = data_path("names", "name_rules.json")
    if not path.is_file():
        return {}
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


@cache
def _title_re() -> re.Pattern[str] | None:
    titles: set[str] = set()
    for words in (_rules().get("titles") or {}).values():
        if isinstance(words, list):
            titles.update(w.strip().lower() for w in words if isinstance(w, str) and w.strip())
    if not titles:
        return None
    alts = "|".join(re.escape(t.rstrip(".")) for t in sorted(titles, key=len, reverse=True))
    return re.compile(f"^(?:\\s*(?:{alts})(?:\\.|(?=[\\s,])))+[\\s,]*", re.IGNORECASE)


@cache
def _patronymic_endings() -> tuple[tuple[str, ...], frozenset[str]]:
    """(endings of joined patronymics, standalone patronymic words), lower case."""
    rules = _rules()
    endings: set[str] = set()
    words: set[str] = set()
    ru = rules.get("russian_patronymics") or {}
    for key in ("m", "f", "latin_m", "latin_f"):
        endings.update(e for e in ru.get(key, []) if len(e) >= 4)
    kk = rules.get("kazakh_patronymics") or {}
    for gender in ("m", "f"):
        for forms in (kk.get(gender) or {}).values():
            endings.update(forms)
            words.update(forms)
    return tuple(sorted(endings, key=len, reverse=True)), frozenset(words)


@cache
def _surname_endings() -> tuple[str, ...]:
    out: set[str] = set()
    for item in _rules().get("surname_endings") or []:
        for key in ("m", "f", "latin_m", "latin_f"):
            value = item.get(key)
            values = value if isinstance(value, list) else [value]
            out.update(v for v in values if isinstance(v, str) and len(v) >= 2)
    kk = _rules().get("kazakh_patronymics") or {}
    for gender in ("m", "f"):
        for forms in (kk.get(gender) or {}).values():
            out.update(forms)
    return tuple(sorted(out, key=len, reverse=True))


def strip_titles(text: str) -> str:
    """Remove leading titles and honorifics (President, Mr, г-н, мырза, Herr ...)."""
    pattern = _title_re()
    if pattern is None:
        return text
    stripped = pattern.sub("", text, count=1)
    return stripped if stripped.strip() else text


@lru_cache(maxsize=1 << 16)
def parse_name(name: str) -> ParsedName:
    """Split ``name`` into tokens; drop titles and (with the rest present) patronymics."""
    text = prepare(name)
    canon = lexicon().canonical
    body = strip_titles(text)
    offset = len(text) - len(body)
    tokens: list[Token] = []
    for m in _TOKEN_RE.finditer(body):
        word = m.group()
        dotted = m.group(1) is not None
        if dotted:
            word = word[:-1]
        letters = len(word.strip("'’ʼ`"))
        initial = letters == 1 or (dotted and letters <= 4 and word[:1].isupper())
        start = offset + m.start()
        fold = canon(fold_token(word))
        tokens.append(Token(word, start, start + len(word), fold, initial))
    comma = body.find(",")
    surname = _guess_surname(tokens, comma + offset if comma >= 0 else None)
    tokens, surname, patronymics = _drop_patronymics(tokens, surname)
    return ParsedName(text=text, tokens=tuple(tokens), surname=surname, patronymics=patronymics)


def _has_surname_ending(word: str) -> bool:
    low = word.lower()
    return any(low.endswith(e) and len(low) > len(e) + 1 for e in _surname_endings())


def _guess_surname(tokens: list[Token], comma: int | None) -> int | None:
    full = [i for i, t in enumerate(tokens) if not t.initial]
    if not full:
        return None
    if comma is not None:
        before = [i for i in full if tokens[i].end <= comma]
        if before:
            return before[-1]
    if len(full) == 1:
        return full[0]
    caps = [i for i in full if tokens[i].text.isupper() and len(tokens[i].text) > 1]
    if caps and len(caps) < len(full):
        return caps[0]  # passport style: SURNAME Given
    with_ending = [i for i in full if _has_surname_ending(tokens[i].text)]
    if len(with_ending) == 1:
        return with_ending[0]
    return full[-1]


def _drop_patronymics(
    tokens: list[Token], surname: int | None
) -> tuple[list[Token], int | None, tuple[Token, ...]]:
    endings, words = _patronymic_endings()
    full = [i for i, t in enumerate(tokens) if not t.initial]
    if len(full) < 3:
        return tokens, surname, ()
    drop: set[int] = set()
    for pos, i in enumerate(full):
        if i == surname:
            continue
        low = tokens[i].text.lower()
        if low in words and pos > 0:
            drop.update((i, full[pos - 1]))
        elif any(low.endswith(e) and len(low) > len(e) + 1 for e in endings):
            drop.add(i)
    if not drop or len(full) - len(drop) < 2:
        return tokens, surname, ()
    kept = [t for i, t in enumerate(tokens) if i not in drop]
    dropped = tuple(t for i, t in enumerate(tokens) if i in drop)
    new_surname = None
    if surname is not None:
        new_surname = kept.index(tokens[surname])
    return kept, new_surname, dropped
