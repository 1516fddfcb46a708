"""A romanization scheme: its data (validated at load) and its compiled form.

A scheme file (see ``data/README.md``) is parsed into a :class:`Scheme`; each direction
(Cyrillic -> Latin, and Latin -> Cyrillic where defined) is compiled once into a
:class:`Transliterator`: a ``str.translate`` table for plain letters plus one
precompiled regular expression for everything that depends on context (word start,
previous or next letter, word endings) or spans several letters.
"""

from __future__ import annotations

import codecs
import json
import re
import string
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from translit._util.cache import BoundedCache
from translit.errors import SchemeDataError
from translit.letters import DEFAULT_CASING, TURKIC_CASING, Casing, prepare_inert

if TYPE_CHECKING:
    from _codecs import _EncodingMap

_MAP_KEYS: Final = ("mapping", "start_mapping", "prev_mapping", "next_mapping", "ending_mapping")
_REQUIRED: Final = ("id", "language", "name", "description", "standard", "mapping", "samples")
_KNOWN: Final = frozenset(
    (*_REQUIRED, *_MAP_KEYS, "aliases", "ascii", "casing", "rules", "reverse", "notes", "url")
)
_MARKS: Final = "\u0300-\u036f"  # combining diacritics (ISO 9 a̋, u̇)
_WORD_START: Final = "^"
_WORD_END: Final = "$"
#: ASCII characters a clean text may hold besides letters (no digits: they belong to
#: all-caps words like ҚР2; no letters: they would call for look-alike repair).
_CLEAN_ASCII: Final = " " + "".join(c for c in string.punctuation if c != "_")
#: Context-regex outputs remembered (by match and neighbours) before the memo is emptied.
_SUBS_LIMIT: Final = 4096
_UNDEFINED: Final = "\ufffe"  # an unmapped byte in a charmap decoding table

_Bad = Callable[[str], SchemeDataError]
"""Makes the error for a problem of the scheme being loaded (it names the file)."""


@dataclass(frozen=True)
class Sample:
    """A golden pair from a standard or a reference implementation."""

    source: str
    expected: str
    origin: str


@dataclass(frozen=True)
class Rule:
    """A context rule: ``cur`` becomes ``out`` between ``prev`` and ``next`` letters.

    ``prev``/``next`` are sets of letters (``None``: any); :data:`_WORD_START` /
    :data:`_WORD_END` stand for the word boundary.
    """

    cur: str
    out: str
    prev: frozenset[str] | None = None
    next: frozenset[str] | None = None


@dataclass(frozen=True)
class Direction:
    """The letter maps of one direction of a scheme (all keys lower case)."""

    mapping: Mapping[str, str]
    start: Mapping[str, str] = field(default_factory=dict)
    prev: Mapping[str, str] = field(default_factory=dict)
    next: Mapping[str, str] = field(default_factory=dict)
    ending: Mapping[str, str] = field(default_factory=dict)
    rules: tuple[Rule, ...] = ()
    samples: tuple[Sample, ...] = ()


@dataclass(frozen=True)
class Scheme:
    """A romanization scheme as described by its data file."""

    id: str
    language: str
    name: str
    description: str
    standard: Mapping[str, str]
    forward: Direction
    reverse: Direction | None = None
    aliases: tuple[str, ...] = ()
    ascii: bool = False
    turkic: bool = False
    notes: tuple[str, ...] = ()
    path: Path | None = None

    @property
    def reversible(self) -> bool:
        return self.reverse is not None

    @property
    def samples(self) -> tuple[Sample, ...]:
        return self.forward.samples

    @property
    def casing(self) -> Casing:
        return TURKIC_CASING if self.turkic else DEFAULT_CASING


# ---------------------------------------------------------------------------
# Loading and validation


def load_scheme(path: Path) -> Scheme:
    """Read and validate one scheme file; errors name the file and the problem."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SchemeDataError(f"{path}: cannot read scheme: {exc}") from None
    return parse_scheme(raw, path)


def parse_scheme(raw: Any, path: Path | None = None) -> Scheme:
    """Validate a decoded scheme document and build a :class:`Scheme`."""
    where = str(path) if path is not None else "<scheme>"

    def bad(problem: str) -> SchemeDataError:
        return SchemeDataError(f"{where}: {problem}")

    _check_fields(raw, bad)
    if path is not None:
        _check_location(raw, path, bad)
    standard = raw["standard"]
    if not isinstance(standard, dict) or not isinstance(standard.get("name"), str):
        raise bad("'standard' must be an object with at least a 'name'")
    casing = raw.get("casing", "default")
    if casing not in ("default", "turkic"):
        raise bad(f"'casing' must be 'default' or 'turkic', not {casing!r}")
    aliases = _parse_aliases(raw, bad)
    notes = _parse_notes(raw, bad)
    forward = _parse_direction(raw, "", bad)
    reverse = _parse_reverse(raw, bad)
    scheme = Scheme(
        id=raw["id"],
        language=raw["language"],
        name=raw["name"],
        description=raw["description"],
        standard={str(k): str(v) for k, v in standard.items()},
        forward=forward,
        reverse=reverse,
        aliases=tuple(aliases),
        ascii=bool(raw.get("ascii", False)),
        turkic=casing == "turkic",
        notes=tuple(str(n) for n in notes),
        path=path,
    )
    _check_alphabets(scheme, bad)
    return scheme


def _check_fields(raw: Any, bad: _Bad) -> None:
    """A JSON object with every required field, no unknown one, and its names as text."""
    if not isinstance(raw, dict):
        raise bad("top level must be a JSON object")
    missing = [k for k in _REQUIRED if k not in raw]
    if missing:
        raise bad(f"missing field(s): {', '.join(missing)}")
    unknown = sorted(set(raw) - _KNOWN)
    if unknown:
        raise bad(f"unknown field(s): {', '.join(unknown)}")
    for key in ("id", "language", "name", "description"):
        if not isinstance(raw[key], str) or not raw[key]:
            raise bad(f"'{key}' must be a non-empty string")


def _check_location(raw: dict[str, Any], path: Path, bad: _Bad) -> None:
    """A scheme file is ``LANGUAGE/ID.json``."""
    if raw["id"] != path.stem:
        raise bad(f"id '{raw['id']}' does not match the file name '{path.stem}'")
    if raw["language"] != path.parent.name:
        raise bad(f"language '{raw['language']}' does not match folder '{path.parent.name}'")


def _parse_aliases(raw: dict[str, Any], bad: _Bad) -> list[str]:
    aliases = raw.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise bad("'aliases' must be a list of strings")
    return aliases


def _parse_notes(raw: dict[str, Any], bad: _Bad) -> list[Any]:
    """The notes, a list (one note may be given as a string)."""
    notes = raw.get("notes", [])
    if isinstance(notes, str):
        notes = [notes]
    if not isinstance(notes, list):
        raise bad("'notes' must be a list of strings")
    return notes


def _parse_reverse(raw: dict[str, Any], bad: _Bad) -> Direction | None:
    """The Latin -> Cyrillic direction, where the scheme defines one."""
    if raw.get("reverse") is None:
        return None
    if not isinstance(raw["reverse"], dict):
        raise bad("'reverse' must be an object or null")
    return _parse_direction(raw["reverse"], "reverse.", bad)


def _parse_direction(raw: dict[str, Any], prefix: str, bad: _Bad) -> Direction:
    maps = _parse_maps(raw, prefix, bad)
    rules = _parse_rules(raw, prefix, bad)
    samples = _parse_samples(raw, prefix, bad)
    return Direction(
        mapping=maps["mapping"],
        start=maps["start_mapping"],
        prev=maps["prev_mapping"],
        next=maps["next_mapping"],
        ending=maps["ending_mapping"],
        rules=tuple(rules),
        samples=tuple(samples),
    )


def _parse_maps(raw: dict[str, Any], prefix: str, bad: _Bad) -> dict[str, dict[str, str]]:
    """The letter maps of a direction, by key (a missing or null one is empty)."""
    maps: dict[str, dict[str, str]] = {}
    for key in _MAP_KEYS:
        value = raw.get(key, {})
        if value is None:
            value = {}
        if not isinstance(value, dict):
            raise bad(f"'{prefix}{key}' must be an object")
        _check_map_entries(value, prefix + key, bad)
        maps[key] = value
    if not maps["mapping"]:
        raise bad(f"'{prefix}mapping' is empty")
    for key in ("prev_mapping", "next_mapping"):
        for k in maps[key]:
            if len(k) < 2:
                raise bad(f"'{prefix}{key}': key {k!r} needs a context letter and a letter")
    return maps


def _check_map_entries(value: dict[Any, Any], label: str, bad: _Bad) -> None:
    """Keys and values are text, keys not empty; a key is not the capital of another."""
    for k, v in value.items():
        if not isinstance(k, str) or not k or not isinstance(v, str):
            raise bad(f"'{label}': bad entry {k!r}: {v!r}")
        if k != k.lower() and k.lower() in value:
            raise bad(f"'{label}': key {k!r} must be lower case")


def _parse_rules(raw: dict[str, Any], prefix: str, bad: _Bad) -> list[Rule]:
    rules = []
    for i, item in enumerate(raw.get("rules", []) or []):
        if not isinstance(item, dict) or not isinstance(item.get("cur"), str):
            raise bad(f"'{prefix}rules[{i}]' needs 'cur' and 'out' strings")
        if not isinstance(item.get("out"), str) or not item["cur"]:
            raise bad(f"'{prefix}rules[{i}]' needs 'cur' and 'out' strings")
        prev, nxt = item.get("prev"), item.get("next")
        if prev is None and nxt is None:
            raise bad(f"'{prefix}rules[{i}]' needs 'prev' or 'next'")
        rules.append(
            Rule(
                cur=item["cur"],
                out=item["out"],
                prev=_context_set(prev, _WORD_START),
                next=_context_set(nxt, _WORD_END),
            )
        )
    return rules


def _parse_samples(raw: dict[str, Any], prefix: str, bad: _Bad) -> list[Sample]:
    """The golden pairs: objects, or ``[source, expected, from]`` lists."""
    samples = []
    for i, item in enumerate(raw.get("samples", []) or []):
        if isinstance(item, list) and len(item) in (2, 3):
            item = dict(zip(("source", "expected", "from"), item, strict=False))
        if not isinstance(item, dict) or not all(
            isinstance(item.get(k), str) for k in ("source", "expected")
        ):
            raise bad(f"'{prefix}samples[{i}]' needs 'source' and 'expected' strings")
        if not isinstance(item.get("from"), str) or not item["from"]:
            raise bad(f"'{prefix}samples[{i}]' must say where it comes from ('from')")
        samples.append(Sample(item["source"], item["expected"], item["from"]))
    return samples


def _context_set(value: Any, boundary: str) -> frozenset[str] | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value:
        raise SchemeDataError(f"bad context {value!r}")
    return frozenset(value.lower())


def _check_alphabets(scheme: Scheme, bad: _Bad) -> None:
    """Outputs must not contain single-letter source keys (they would be mapped twice)."""
    for label, direction in (("", scheme.forward), ("reverse.", scheme.reverse)):
        if direction is None:
            continue
        keys = {k for k in direction.mapping if len(k) == 1}
        keys |= {scheme.casing.upper(k) for k in keys}
        outputs = [
            *direction.mapping.values(),
            *direction.start.values(),
            *direction.prev.values(),
            *direction.next.values(),
            *direction.ending.values(),
            *(r.out for r in direction.rules),
        ]
        clash = sorted({c for out in outputs for c in out if c in keys})
        if clash:
            raise bad(f"'{label}mapping': output letters {clash} are also source letters")


# ---------------------------------------------------------------------------
# Compilation


class Transliterator:
    """One direction of a scheme, compiled for speed.

    ``apply(text)`` runs three C-level passes: all-caps words (rare), one regex
    substitution for context-dependent letters and letter sequences, and a final
    ``str.translate`` for everything else.
    """

    def __init__(self, direction: Direction, casing: Casing) -> None:
        self.casing = casing
        d = direction
        self._mapping = dict(d.mapping)
        self._start = dict(d.start)
        self._prev = dict(d.prev)
        self._next = dict(d.next)
        self._ending = dict(d.ending)
        self._rules: dict[str, list[Rule]] = {}
        for rule in d.rules:
            self._rules.setdefault(rule.cur, []).append(rule)

        table: dict[int, str] = {}
        for key, value in d.mapping.items():
            if len(key) != 1:
                continue
            table[ord(key)] = value
            up = casing.upper(key)
            if len(up) == 1 and up != key:
                table[ord(up)] = casing.title(value)
        self._table = table

        self._regex = self._build_regex()
        self._subs: BoundedCache[tuple[str | None, str, str, str], str] = BoundedCache(_SUBS_LIMIT)
        source = {c for k in d.mapping for c in k}
        upper = "".join(sorted({casing.upper(c) for c in source if casing.upper(c) != c}))
        self._caps_re = (
            re.compile(
                # a capital not preceded by a word character (the lookbehind after the class lets
                # the regex engine scan for the class first), then capitals, digits and marks
                f"[{_cls(upper)}](?<!\\w.)[{_cls(upper)}\\d{_MARKS}]*[{_cls(upper)}][\\d{_MARKS}]*"
                f"(?![\\w{_MARKS}])"
            )
            if upper
            else None
        )
        # Clean text (see apply_clean): no two capitals in a row, only inert characters.
        self._pairs = re.compile(f"[{_cls(upper)}]{{2}}") if upper else None
        inert = prepare_inert(_CLEAN_ASCII + "".join(sorted(source | set(upper))))
        self._inert = re.compile(f"[{_cls(inert)}]*")
        self._codec = _charmap(inert, table)
        # after context rules ran on clean text: its characters plus any rule output
        context_out = [*d.start.values(), *d.prev.values(), *d.next.values(), *d.ending.values()]
        context_out += [*(r.out for r in d.rules), *d.mapping.values()]
        context_out += [casing.upper(out) for out in context_out]
        wide = "".join(map(chr, range(128))) + inert + "".join(sorted(set("".join(context_out))))
        self._wide_codec = _charmap("".join(dict.fromkeys(wide)), table)
        maps = (d.mapping, d.start, d.prev, d.next, d.ending)
        strings = [s for m in maps for kv in m.items() for s in kv]
        strings += [s for r in d.rules for s in (r.cur, r.out)]
        #: Does a text's output split on spaces just like the text (no key or output has one)?
        self.keeps_spaces = not any(" " in s for s in strings)

    # -- regex construction -------------------------------------------------

    def _ci_parts(self, text: str) -> list[str]:
        """Regexes matching each character of ``text`` in any case."""
        parts = []
        for ch in text:
            variants = self.casing.variants(ch)
            parts.append(re.escape(ch) if len(variants) == 1 else f"[{_cls(variants)}]")
        return parts

    def _chars(self, letters: frozenset[str] | set[str]) -> str:
        return _cls("".join(self.casing.variants(c) for c in sorted(letters)))

    def _alt(self, token: str, before: str | None = None, after: str = "") -> str:
        """One alternative of the context regex: ``token`` after ``before``, before ``after``.

        ``before`` is a one-character class the preceding character must match, ``^``
        (not preceded by a word character), or ``^`` plus a class (either). The whole
        regex starts with a class of every token's first character, so the engine
        scans for those quickly; each alternative then checks that first character and
        what precedes it with lookbehinds of fixed width.
        """
        first, *rest = self._ci_parts(token)
        if before is None:
            lead = f"(?<={first})"
        elif before == _WORD_START:
            lead = f"(?<!\\w.)(?<={first})"
        elif before.startswith(_WORD_START):
            lead = f"(?:(?<!\\w.)|(?<={before[1:]}.))(?<={first})"
        else:
            lead = f"(?<={before}{first})"
        return lead + "".join(rest) + after

    def _build_regex(self) -> re.Pattern[str] | None:
        endings = [
            self._alt(e, "\\w", "(?!\\w)") for e in sorted(self._ending, key=len, reverse=True)
        ]
        # Context alternatives per token: where (and only where) a context may apply.
        contexts: dict[str, list[str]] = {}
        for token, rules in self._rules.items():
            for rule in rules:
                contexts.setdefault(token, []).append(self._rule_pattern(rule))
        for token in self._start:
            contexts.setdefault(token, []).append(self._alt(token, _WORD_START))
        prev_by_token: dict[str, set[str]] = {}
        for key in self._prev:
            prev_by_token.setdefault(key[1:], set()).add(key[0])
        for token, prevs in prev_by_token.items():
            contexts.setdefault(token, []).append(self._alt(token, f"[{self._chars(prevs)}]"))
        next_by_token: dict[str, set[str]] = {}
        for key in self._next:
            next_by_token.setdefault(key[:-1], set()).add(key[-1])
        for token, nexts in next_by_token.items():
            after = f"(?=[{self._chars(nexts)}])"
            contexts.setdefault(token, []).append(self._alt(token, None, after))
        items: list[tuple[int, int, str]] = []
        for token, pats in contexts.items():
            items.extend((len(token), 1, p) for p in pats)
        for key in self._mapping:
            if len(key) > 1:
                items.append((len(key), 0, self._alt(key)))
        items.sort(key=lambda item: (-item[0], -item[1]))
        tokens = [p for _, _, p in items]
        if not endings and not tokens:
            return None
        firsts = {*self._ending, *contexts, *(k for k in self._mapping if len(k) > 1)}
        parts = []
        if endings:
            parts.append(f"(?P<E>{'|'.join(endings)})")
        if tokens:
            parts.append(f"(?P<T>{'|'.join(tokens)})")
        return re.compile(f"[{self._chars({t[0] for t in firsts})}](?:{'|'.join(parts)})")

    def _rule_pattern(self, rule: Rule) -> str:
        before = None
        if rule.prev is not None:
            letters = rule.prev - {_WORD_START}
            before = _WORD_START if _WORD_START in rule.prev else ""
            if letters:
                before += f"[{self._chars(letters)}]"
        after = ""
        if rule.next is not None:
            alts = []
            if _WORD_END in rule.next:
                alts.append("(?!\\w)")
            if rule.next - {_WORD_END}:
                alts.append(f"(?=[{self._chars(rule.next - {_WORD_END})}])")
            after = f"(?:{'|'.join(alts)})"
        return self._alt(rule.cur, before, after)

    # -- application --------------------------------------------------------

    def _resolve(self, token: str, text: str, start: int, end: int) -> str:
        lower = self.casing.lower
        prev = lower(text[start - 1]) if start > 0 else ""
        nxt = lower(text[end]) if end < len(text) else ""
        at_start = prev == "" or not _is_word_char(prev)
        at_end = nxt == "" or not _is_word_char(nxt)
        for rule in self._rules.get(token, ()):
            if rule.prev is not None and not (
                (at_start and _WORD_START in rule.prev) or prev in rule.prev
            ):
                continue
            if rule.next is not None and not (
                (at_end and _WORD_END in rule.next) or nxt in rule.next
            ):
                continue
            return rule.out
        if at_start and token in self._start:
            return self._start[token]
        out = self._prev.get(prev + token) if prev else None
        if out is None and nxt:
            out = self._next.get(token + nxt)
        if out is None:
            out = self._mapping.get(token, token)
        return out

    def _sub(self, m: re.Match[str]) -> str:
        """The output for one match; it depends only on the match and its two neighbours."""
        text = m.string
        start, end = m.span()
        key = (m.lastgroup, m.group(), text[start - 1 : start], text[end : end + 1])
        out = self._subs.data.get(key)  # (the dict read directly: a hot loop)
        if out is None:
            out = self._subs.put(key, self._sub_uncached(m))
        return out

    def _sub_uncached(self, m: re.Match[str]) -> str:
        src = m.group()
        token = self.casing.lower(src)
        if m.lastgroup == "E":
            out = self._ending[token]
        else:
            out = self._resolve(token, m.string, m.start(), m.end())
        if src[0] != token[0]:  # source starts with a capital
            if len(src) > 1 and src[1:] != token[1:]:
                return self.casing.upper(out)
            return self.casing.title(out)
        return out

    def _lower_word(self, text: str) -> str:
        if self._regex is not None:
            text = self._regex.sub(self._sub, text)
        return text.translate(self._table)

    def _caps(self, m: re.Match[str]) -> str:
        return self.casing.upper(self._lower_word(self.casing.lower(m.group())))

    def is_clean(self, text: str) -> bool:
        """Is ``text`` clean (see :meth:`apply_clean`)?"""
        pairs = self._pairs
        if pairs is not None and not text.istitle() and pairs.search(text) is not None:
            return False
        if self._codec is None:
            return self._inert.fullmatch(text) is not None
        try:
            codecs.charmap_encode(text, None, self._codec[0])
        except UnicodeEncodeError:
            return False
        return True

    def apply_clean(self, text: str) -> str | None:
        """``apply(text)`` if ``text`` is clean, else ``None``.

        Clean text needs no :func:`~translit.letters.prepare` and has no all-caps word: it
        holds only this direction's letters, spaces and ASCII punctuation (no digits),
        and no two capitals in a row. For it the caps pass is skipped and, when no
        context rule applies either, one encode/decode pair does the letters.
        """
        pairs = self._pairs
        if pairs is not None and not text.istitle() and pairs.search(text) is not None:
            return None
        codec = self._codec
        if codec is None:
            if self._inert.fullmatch(text) is None:
                return None
            data = b""
        else:
            try:
                data = codecs.charmap_encode(text, None, codec[0])[0]
            except UnicodeEncodeError:
                return None
        if self._regex is not None:
            done = self._regex.sub(self._sub, text)
            if done is not text:  # (sub gives back the very text when nothing matched)
                wide = self._wide_codec
                if wide is not None:
                    try:
                        data = codecs.charmap_encode(done, None, wide[0])[0]
                    except UnicodeEncodeError:  # not expected: every output is coded
                        return done.translate(self._table)
                    return codecs.charmap_decode(data, None, wide[1])[0]
                return done.translate(self._table)
        if codec is None:
            return text.translate(self._table)
        return codecs.charmap_decode(data, None, codec[1])[0]

    def apply(self, text: str) -> str:
        """Transliterate ``text`` (already prepared: NFC, look-alikes repaired)."""
        caps = self._caps_re
        if caps is not None and caps.search(text) is not None:
            text = caps.sub(self._caps, text)
        if self._regex is not None:
            text = self._regex.sub(self._sub, text)
        return text.translate(self._table)


def _charmap(
    inert: str, table: Mapping[int, str]
) -> tuple[dict[int, int] | _EncodingMap, tuple[str | None, ...]] | None:
    """A one-byte code for the ``inert`` characters and its decoding straight into output.

    Encoding a text with the first (C-level, strict) fails on any other character;
    decoding the bytes with the second gives ``text.translate(table)``, about twice as
    fast for non-Latin-1 text (``str.translate`` makes an int object per character).
    ``None`` when the characters do not fit in 256 bytes.
    """
    ascii_part = [c for c in inert if c.isascii()]
    other = [c for c in inert if not c.isascii()]
    if len(other) > 128:
        return None
    # NUL codes itself (it is inert too): charmap_build makes a fast EncodingMap only
    # from a table that starts with NUL, a slow dict otherwise.
    chars = ["\0", *[_UNDEFINED] * 255]
    for c in ascii_part:
        chars[ord(c)] = c
    chars[128 : 128 + len(other)] = other
    decoding = tuple(None if c == _UNDEFINED else table.get(ord(c), c) for c in chars)
    return codecs.charmap_build("".join(chars)), decoding


def _cls(chars: str) -> str:
    """Escape characters for use inside a regex character class."""
    return "".join("\\" + c if c in "\\]^-[" else c for c in chars)


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"
