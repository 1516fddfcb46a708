"""The general parser as it was before the one word model (issue 17), frozen: a
reference that the parser's words, surname and dropped words are checked against.

It builds a name of ``Token`` named tuples from the chunk reader's words, refolds the
words that show no convention by the one the rest of the name shows, and takes the
name's shape (surname, dropped words) from ``parse.name_shape``, the one pure function
of the words' flags that both the parser and this reference use. Not used by the
library; kept unchanged so that a change of the parser shows against it (but for
the rules added since, each said where).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from translit.letters import prepare
from translit.names import lexicon, parse
from translit.names.fold import fold_token
from translit.names.samename import word_key


class Token(NamedTuple):
    """One word of a name, with its position in the prepared text."""

    text: str
    start: int
    end: int
    fold: str
    initial: bool
    flags: int = 0


class ParsedName(NamedTuple):
    """A name split into tokens (titles and patronymics removed)."""

    text: str
    tokens: tuple[Token, ...]
    surname: int | None  # index into tokens
    patronymics: tuple[Token, ...] = ()
    folds: tuple[str, ...] = ()
    initials: tuple[str, ...] = ()


def _parsed_name(
    text: str, tokens: tuple[Token, ...], surname: int | None, patronymics: tuple[Token, ...] = ()
) -> ParsedName:
    folds = tuple([t.fold for t in tokens if not t.initial and t.fold])
    initials = tuple([t.fold for t in tokens if t.initial and t.fold])
    return ParsedName(text, tokens, surname, patronymics, folds, initials)


def _apply_convention(tokens: list[Token], flags: list[int]) -> None:
    any_flags = 0
    for flag in flags:
        any_flags |= flag
    hint = parse.word_convention(any_flags)
    if not hint:
        return
    for i, flag in enumerate(flags):
        if flag & parse.AMBIGUOUS:
            tokens[i] = tokens[i]._replace(fold=word_key(tokens[i].text, hint))


def _apply_ukrainian_h(tokens: list[Token], flags: list[int]) -> None:
    """Added with issue 16: in a name with a Latin form of a Ukrainian or Belarusian
    given name (Volodymyr), each lone h of a word that is no given name, no initial and
    no word the lexicon knows is read as г (Hroysman: Гройсман)."""
    any_flags = 0
    for flag in flags:
        any_flags |= flag
    given = lexicon.uk_be_latin_given()
    pairs = list(zip(tokens, flags, strict=True))
    if not any(f & parse.VARIANT and fold_token(t.text) in given for t, f in pairs):
        return
    hint = parse.word_convention(any_flags)
    skip = parse.VARIANT | parse.GIVEN | parse.CYRILLIC
    for i, (token, flag) in enumerate(pairs):
        lone_h = re.search("(?<![kzcstpdgw])h", token.text.lower())
        if token.initial or flag & skip or not lone_h:
            continue
        if parse.lexicon_entry(token.text, token.fold, flag) is None:
            read = re.sub("(?<![kzcstpdgw])h", "g", token.text.lower())
            tokens[i] = token._replace(fold=word_key(read, hint))


def reference_parse(name: str, fathers: bool = True) -> ParsedName:
    """``parse.parse_body(name, fathers)`` as the general parser gave it (uncached)."""
    text = prepare(name)
    body = parse.strip_titles(text)
    offset = len(text) - len(body)
    tokens: list[Token] = []
    flags: list[int] = []
    pos = 0
    for chunk in body.split():
        pos = body.find(chunk, pos)
        words = parse._chunk_words(chunk)
        base = offset + pos
        for rel, word, fold, initial, flag in words:
            start = base + rel
            tokens.append(Token(word, start, start + len(word), fold, initial, flag))
            flags.append(flag)
        pos += len(chunk)
    if len(tokens) > 1 and any(f & parse.AMBIGUOUS for f in flags):
        _apply_convention(tokens, flags)
    if len(tokens) > 1 and any(f & parse.VARIANT for f in flags):
        _apply_ukrainian_h(tokens, flags)
    full = [i for i, t in enumerate(tokens) if not t.initial]
    comma = body.find(",")
    before = -1
    if comma >= 0:
        before = sum(1 for t in tokens if t.end <= comma + offset)
    surname, drop = parse.name_shape(flags, full, before, fathers)
    if not drop:
        return _parsed_name(text, tuple(tokens), None if surname < 0 else surname)
    kept = [t for i, t in enumerate(tokens) if i not in drop]
    dropped = tuple([t for i, t in enumerate(tokens) if i in drop])
    new_surname = None if surname < 0 else kept.index(tokens[surname])
    return _parsed_name(text, tuple(kept), new_surname, dropped)
