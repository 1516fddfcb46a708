"""Checks on a model's output: nothing silently lost, nothing made up.

Each check returns flag names; :func:`needs_retry` says which flags justify decoding
again with safer settings. The flags end up in the report (``--report FILE``).

- ``too_short``: far shorter than the source (a dropped clause or sentence);
- ``too_long``: far longer than the source (hallucination); for a short source (a table
  header) the bound is relative: more than 2.5 times as many characters and twice as
  many words (plus two) as the source;
- ``sentence_lost``: the source holds more sentences than the output (a sentence the
  model left out; the report lists it as lost);
- ``repetition``: a repeated word n-gram that the source does not repeat;
- ``numbers_changed``: a number of the source is missing from the output
  (``1,5`` = ``1.5`` and ``1 500`` = ``1,500`` count as the same number);
- ``url_missing``: a URL or e-mail of the source is not in the output (repaired by
  appending it in parentheses, and flagged);
- ``placeholder_lost``: a placeholder of inline markup (``{1}``, see
  :mod:`translate.inline`) is not in the output (the markup is then put at the end of
  the sentence, flagged ``markup_moved``);
- ``placeholder_added``: a placeholder the source does not have (``{1}`` in the
  translation of a sentence without markup: the model is out of its depth);
- ``truncated``: decoding stopped at the length cap;
- ``untranslated``: source-script text left in a target of another script;
- ``empty``: no output at all.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from translate.inline import PLACEHOLDER_RE
from translate.segment import URL_RE, count_sentences

RETRY_FLAGS = frozenset(
    {"empty", "too_short", "too_long", "repetition", "truncated", "numbers_changed",
     "placeholder_lost", "placeholder_added", "sentence_lost"}
)  # fmt: skip

_NUMBER = re.compile(r"\b\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)*")
_WORDS = re.compile(r"\w+", re.UNICODE)
_CYRILLIC_WORD = re.compile(r"\b[\u0400-\u04FF]{3,}")


def _decimal(integer: str, fraction: str) -> str:
    fraction = fraction.rstrip("0")
    return f"{int(integer)}.{fraction}" if fraction else str(int(integer))


def number_candidates(raw: str) -> frozenset[str]:
    """The values a written number may stand for, in a canonical form.

    ``1 500`` and ``1500`` -> ``1500``; ``1,5`` and ``1.5`` -> ``1.5``; ``1,500`` may be
    ``1500`` (English) or ``1.5`` (Russian decimal comma), so it gives both.
    """
    digits = re.sub(r"[ \u00a0\u202f]", "", raw)
    grouped = re.fullmatch(r"(\d{1,3})([,.])(\d{3})((?:\2\d{3})*)", digits)
    if grouped is not None:
        whole = digits.replace(grouped.group(2), "")
        first, _, rest = digits.partition(grouped.group(2))
        candidates = {str(int(whole))}
        if not grouped.group(4):
            candidates.add(_decimal(first, rest))
        return frozenset(candidates)
    decimal = re.fullmatch(r"(\d+)[,.](\d+)", digits)
    if decimal is not None:
        return frozenset({_decimal(decimal.group(1), decimal.group(2))})
    if digits.isdigit():
        return frozenset({str(int(digits)) if len(digits) > 1 else digits})
    return frozenset({digits})


def numbers(text: str) -> list[frozenset[str]]:
    """Candidate values of every number in ``text`` (not in URLs or placeholders)."""
    text = PLACEHOLDER_RE.sub(" ", URL_RE.sub(" ", text))
    return [number_candidates(m.group()) for m in _NUMBER.finditer(text)]


def missing_numbers(source: str, target: str) -> list[str]:
    """Numbers of the source that the target does not contain (as many times)."""
    available = numbers(target)
    missing: list[str] = []
    for wanted in numbers(source):
        for index, candidates in enumerate(available):
            if wanted & candidates:
                del available[index]
                break
        else:
            missing.append(min(wanted))
    return missing


def missing_urls(source: str, target: str) -> list[str]:
    """URLs and e-mail addresses of the source that are not in the target, verbatim."""
    return [m.group() for m in URL_RE.finditer(source) if m.group() not in target]


def lost_placeholders(source: str, target: str) -> list[str]:
    """Placeholders (``{1}``) of the source that the target does not have."""
    kept = {m.group(1) for m in PLACEHOLDER_RE.finditer(target)}
    return [m.group() for m in PLACEHOLDER_RE.finditer(source) if m.group(1) not in kept]


def added_placeholders(source: str, target: str) -> list[str]:
    """Placeholders (``{1}``) in the target that the source does not have (made up)."""
    known = {m.group(1) for m in PLACEHOLDER_RE.finditer(source)}
    return [m.group() for m in PLACEHOLDER_RE.finditer(target) if m.group(1) not in known]


def repeated_ngram(text: str, source: str) -> bool:
    """Degenerate repetition in ``text`` that ``source`` does not have.

    A word three times in a row, a 2- to 4-word sequence twice in a row (``the state of
    the state of``), or any sequence of three or more words three times anywhere.
    """
    words = [w.lower() for w in _WORDS.findall(text)]
    return _has_repeats(words) and not _has_repeats([w.lower() for w in _WORDS.findall(source)])


def _has_repeats(words: list[str]) -> bool:
    for i in range(len(words) - 2):
        if words[i] == words[i + 1] == words[i + 2]:
            return True
    for n in (2, 3, 4):
        for i in range(len(words) - 2 * n + 1):
            if words[i : i + n] == words[i + n : i + 2 * n]:
                return True
    for n in (3, 4):
        grams = Counter(tuple(words[i : i + n]) for i in range(len(words) - n + 1))
        if grams and max(grams.values()) >= 3:
            return True
    return False


def check(
    source: str,
    target: str,
    *,
    target_script: str = "Latn",
    truncated: bool = False,
) -> list[str]:
    """All flags for one translated chunk (empty list when it looks complete)."""
    flags: list[str] = []
    src, out = source.strip(), target.strip()
    if not out:
        return ["empty"]
    letters = sum(ch.isalpha() for ch in src)
    if letters >= 20 and len(out) < 0.3 * len(src):
        flags.append("too_short")
    if too_long(src, out):
        flags.append("too_long")
    if count_sentences(out) < count_sentences(src):
        flags.append("sentence_lost")
    if repeated_ngram(out, src):
        flags.append("repetition")
    if truncated:
        flags.append("truncated")
    if missing_numbers(src, out):
        flags.append("numbers_changed")
    if missing_urls(src, out):
        flags.append("url_missing")
    if lost_placeholders(src, out):
        flags.append("placeholder_lost")
    if added_placeholders(src, out):
        flags.append("placeholder_added")
    if target_script != "Cyrl" and _CYRILLIC_WORD.search(out):
        flags.append("untranslated")
    return flags


#: Sources shorter than this (characters) are checked with the relative bound.
SHORT_SOURCE = 40


def too_long(source: str, target: str) -> bool:
    """Whether ``target`` is far longer than ``source`` (a hallucination).

    Three times the source's length plus 20 characters; for a short source that margin
    would allow a whole made-up sentence (a 9-character table header becoming 42
    characters), so there more than 2.5 times the characters and more than twice the
    words plus two is too long (``ҚР`` -> ``Republic of Kazakhstan`` is fine).
    """
    if len(target) > 3 * len(source) + 20:
        return True
    if len(source) >= SHORT_SOURCE:
        return False
    words = len(_WORDS.findall(source))
    return len(target) > 2.5 * len(source) and len(_WORDS.findall(target)) > 2 * words + 2


def needs_retry(flags: Iterable[str]) -> bool:
    """Whether these flags justify decoding again with safer settings."""
    return any(flag in RETRY_FLAGS for flag in flags)


def severity(flags: Iterable[str]) -> int:
    """A score to pick the better of two outputs (lower is better)."""
    weights = {
        "empty": 100,
        "too_short": 20,
        "repetition": 20,
        "too_long": 20,
        "sentence_lost": 20,
        "truncated": 10,
        "numbers_changed": 5,
        "url_missing": 3,
        "placeholder_lost": 3,
        "placeholder_added": 5,
        "untranslated": 3,
    }
    return sum(weights.get(flag, 1) for flag in flags)


def restore_urls(source: str, target: str) -> str:
    """Append, in parentheses, the source URLs that the target lost."""
    lost = missing_urls(source, target)
    if not lost:
        return target
    stripped = target.rstrip()
    return stripped + " (" + ", ".join(lost) + ")" + target[len(stripped) :]
