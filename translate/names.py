"""Names in translations: house-style rendering, retention checks and repair.

Source names come from a *name finder* (``translit.find_names``: gazetteer entries and name
patterns) and are rendered by a *renderer* (``translit.normalize(name, style)``). After
translation each name is looked for in the output:

- ``kept``: the house-style rendering is already there;
- ``restyled``: the model wrote a variant (``Tokayev`` for ``--style rferl``), replaced by
  the house-style rendering (``Toqaev``);
- ``repaired``: the model translated (part of) the name as a word (``Жомарт`` ->
  ``Generous``); the word, recognised as the model's own translation of the name part,
  is replaced by the rendering;
- ``partial``: some parts were found, the rest is missing (flagged);
- ``missing``: nothing of the name is in the output (flagged).

Two things keep the checks (and the retention rate) robust to what a name finder may
return:

- an inflected mention (``Тоқаевтың``, ``Токаева``) rendered with its ending
  (``Toqaevtyng``) matches the model's uninflected form (``Tokayev``), and the
  rendering written into the text is cut back to that stem (``Toqaev``);
- words a finder took into a name that are not part of it (``Қасым-Жомарт Тоқаев
  Астанада``: the last word is "in Astana") are recognised when the model translated
  them as ordinary words elsewhere in the sentence: they are dropped from the name
  (``NameOutcome.dropped``) instead of making it ``partial``.

The retention rate is the share of source names present in the final text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from translit.names.samename import inflected_stem, like_or_inflected, likeness


class NameSpanLike(Protocol):
    """What a name finder returns for each name (``translit.NameSpan``)."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...

    @property
    def text(self) -> str: ...

    @property
    def entity(self) -> str | None: ...


NameFinder = Callable[[str], Sequence[NameSpanLike]]
Renderer = Callable[[NameSpanLike, str], str]

FOUND = ("kept", "restyled")
RETAINED = ("kept", "restyled", "repaired")

_TOKEN = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*", re.UNICODE)
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")


@dataclass(frozen=True)
class NameOutcome:
    """What happened to one source name."""

    source: str
    entity: str | None
    rendering: str
    status: str  # kept | restyled | repaired | partial | missing
    found: str | None  # what the model wrote, if anything was found
    dropped: str | None = None  # source words found not to be part of the name

    @property
    def retained(self) -> bool:
        return self.status in RETAINED

    @property
    def found_in_output(self) -> bool:
        """Whether the model's raw output had the name (before any repair)."""
        return self.status in FOUND


def default_finder() -> NameFinder | None:
    """``translit.find_names`` when the installed translit provides it."""
    import translit

    finder = getattr(translit, "find_names", None)
    return finder if callable(finder) else None


def default_renderer() -> Renderer | None:
    """Render a mention in a style with translit (keeps its shape: a surname stays one word;
    an inflected mention such as ``Тоқаевтың`` is rendered in its dictionary form).

    Uses ``translit.text.names.render_mention`` for spans found by ``translit.find_names``,
    else ``translit.normalize`` on the span's text; None when translit has neither.
    """
    import translit

    normalize = getattr(translit, "normalize", None)
    try:
        from translit.names.gazetteer import bundled_gazetteer
        from translit.text.names import NameSpan, render_mention
    except ImportError:
        if not callable(normalize):
            return None
        return lambda span, style: str(normalize(span.text, style))

    def render(span: NameSpanLike, style: str) -> str:
        if isinstance(span, NameSpan):
            return render_mention(span, style, bundled_gazetteer())
        return str(translit.normalize(span.text, style))

    return render


def check_style(style: str) -> None:
    """Raise translit's error for an unknown house style (when translit can tell)."""
    try:
        from translit.names.style import get_style
    except ImportError:
        return
    get_style(style)


def _matches(written: str, part: str) -> bool:
    return like_or_inflected(part, written)


def _fitted(parts: Sequence[str], written: Sequence[str]) -> str:
    """The rendering, each inflected part cut to the stem the model wrote."""
    out = []
    for part, word in zip(parts, written, strict=True):
        stem = inflected_stem(part, word)
        better = stem is not None and likeness(stem, word) > likeness(part, word)
        out.append(stem if better and stem is not None else part)
    return " ".join(out)


@dataclass(frozen=True)
class _Token:
    start: int
    end: int  # end of the name part (a possessive ending is excluded)
    text: str


def _tokens(text: str) -> list[_Token]:
    out: list[_Token] = []
    for match in _TOKEN.finditer(text):
        word = match.group()
        possessive = _POSSESSIVE.search(word)
        core = word[: possessive.start()] if possessive and possessive.start() > 0 else word
        out.append(_Token(match.start(), match.start() + len(core), core))
    return out


@dataclass(frozen=True)
class _Edit:
    start: int
    end: int
    replacement: str


class SpanLayer(Protocol):
    """What the pipeline asks of a name layer (names, or glossary terms and names)."""

    def find(self, text: str, lang: str = "und") -> list[NameSpanLike]: ...

    def glosses_needed(self, translation: str, names: Sequence[NameSpanLike]) -> list[str]: ...

    def apply(
        self,
        translation: str,
        names: Sequence[NameSpanLike],
        glosses: Mapping[str, str] | None = None,
    ) -> tuple[str, list[NameOutcome]]: ...


class NameLayer:
    """Finds names in sources and enforces their rendering in translations."""

    def __init__(self, finder: NameFinder, renderer: Renderer, style: str) -> None:
        self._finder = finder
        self._renderer = renderer
        self.style = style

    def find(self, text: str, lang: str = "und") -> list[NameSpanLike]:
        """Names in a source sentence (of language ``lang``), in order, without overlaps."""
        spans = sorted(self._finder(text), key=lambda s: (s.start, -s.end))
        kept: list[NameSpanLike] = []
        for span in spans:
            if kept and span.start < kept[-1].end:
                continue
            kept.append(span)
        return kept

    def render(self, span: NameSpanLike) -> str:
        """The house-style rendering of a source name."""
        return self._renderer(span, self.style)

    def glosses_needed(self, translation: str, names: Sequence[NameSpanLike]) -> list[str]:
        """Source names (and their parts) that were not found as names in ``translation``.

        The caller translates each on its own; :meth:`apply` then recognises those
        translations in the output (a name translated as a word).
        """
        needed: list[str] = []
        claimed: list[tuple[int, int]] = []
        tokens = _tokens(translation)
        for span in names:
            rendering = self.render(span)
            parts = rendering.split()
            match = _best_window(tokens, parts, claimed)
            if match is not None and match[1] - match[0] == len(parts):
                claimed.append((tokens[match[0]].start, tokens[match[1] - 1].end))
                continue
            needed.append(span.text)
            source_parts = span.text.split()
            if len(source_parts) == len(parts) and len(parts) > 1:
                needed.extend(source_parts)
        return list(dict.fromkeys(needed))

    def apply(
        self,
        translation: str,
        names: Sequence[NameSpanLike],
        glosses: Mapping[str, str] | None = None,
    ) -> tuple[str, list[NameOutcome]]:
        """Render every name of the source in house style in ``translation``."""
        glosses = glosses or {}
        tokens = _tokens(translation)
        claimed: list[tuple[int, int]] = []
        edits: list[_Edit] = []
        results: list[NameOutcome] = []
        for span in names:
            rendering = self.render(span)
            parts = rendering.split()
            result, edit = self._one(span, rendering, parts, translation, tokens, claimed, glosses)
            results.append(result)
            if edit is not None:
                edits.append(edit)
                claimed.append((edit.start, edit.end))
        out = translation
        for edit in sorted(edits, key=lambda e: e.start, reverse=True):
            out = out[: edit.start] + edit.replacement + out[edit.end :]
        return out, results

    def _one(
        self,
        span: NameSpanLike,
        rendering: str,
        parts: list[str],
        translation: str,
        tokens: list[_Token],
        claimed: list[tuple[int, int]],
        glosses: Mapping[str, str],
    ) -> tuple[NameOutcome, _Edit | None]:
        result = _result(span, rendering)
        window = _best_window(tokens, parts, claimed)
        if window is not None:
            first, last = window
            start, end = tokens[first].start, tokens[last - 1].end
            written = translation[start:end]
            words = [t.text for t in tokens[first:last]]
            if last - first == len(parts):
                fitted = _fitted(parts, words)
                status = "kept" if written == fitted else "restyled"
                return result(status, written), _Edit(start, end, fitted)
            # some parts found: look for the missing ones translated as words next to them
            repaired = _extend_with_glosses(span, parts, tokens, window, translation, glosses)
            if repaired is not None:
                r_start, r_end = repaired
                return (
                    result("repaired", translation[r_start:r_end]),
                    _Edit(r_start, r_end, rendering),
                )
            # or translated as ordinary words elsewhere: not part of the name after all
            trimmed = _overcaptured(span, parts, words, translation, (start, end), glosses)
            if trimmed is not None:
                offset, dropped = trimmed
                fitted = _fitted(parts[offset : offset + len(words)], words)
                name = " ".join(span.text.split()[offset : offset + len(words)])
                status = "kept" if written == fitted else "restyled"
                return (
                    NameOutcome(name, span.entity, fitted, status, written, dropped),
                    _Edit(start, end, fitted),
                )
            return result("partial", " ".join(words)), None
        gloss = glosses.get(span.text)
        if gloss and _plausible_gloss(gloss, len(parts), translation):
            located = _find_phrase(translation, gloss, claimed)
            if located is not None:
                g_start, g_end = located
                return (
                    result("repaired", translation[g_start:g_end]),
                    _Edit(g_start, g_end, rendering),
                )
        return result("missing", None), None


def _result(span: NameSpanLike, rendering: str) -> Callable[[str, str | None], NameOutcome]:
    def make(status: str, found: str | None) -> NameOutcome:
        return NameOutcome(span.text, span.entity, rendering, status, found)

    return make


def _overlaps(start: int, end: int, claimed: Sequence[tuple[int, int]]) -> bool:
    return any(start < c_end and c_start < end for c_start, c_end in claimed)


def _best_window(
    tokens: list[_Token], parts: list[str], claimed: Sequence[tuple[int, int]]
) -> tuple[int, int] | None:
    """Token range ``[first, last)`` matching the most consecutive name parts."""
    best: tuple[int, int] | None = None
    best_size = 0
    for part_start in range(len(parts)):
        for i in range(len(tokens)):
            size = 0
            while (
                part_start + size < len(parts)
                and i + size < len(tokens)
                and _matches(tokens[i + size].text, parts[part_start + size])
            ):
                size += 1
            if size > best_size and not _overlaps(
                tokens[i].start, tokens[i + size - 1].end, claimed
            ):
                best, best_size = (i, i + size), size
    if best is None:
        return None
    return best


def _extend_with_glosses(
    span: NameSpanLike,
    parts: list[str],
    tokens: list[_Token],
    window: tuple[int, int],
    translation: str,
    glosses: Mapping[str, str],
) -> tuple[int, int] | None:
    """Character range of the whole name when the missing parts are next to the found ones."""
    source_parts = span.text.split()
    if len(source_parts) != len(parts):
        return None
    first, last = window
    found = [t.text for t in tokens[first:last]]
    # which part index does the window start at?
    for offset in range(len(parts) - len(found) + 1):
        if all(_matches(f, parts[offset + k]) for k, f in enumerate(found)):
            break
    else:
        return None
    start, end = tokens[first].start, tokens[last - 1].end
    for missing in range(offset - 1, -1, -1):  # parts before the window, nearest first
        gloss = glosses.get(source_parts[missing], "").strip(" .,;:!?")
        if not gloss or not _plausible_gloss(gloss, 1, translation):
            return None
        before = translation[:start].rstrip()
        if not before.lower().endswith(gloss.lower()):
            return None
        start = len(before) - len(gloss)
    for missing in range(offset + len(found), len(parts)):
        gloss = glosses.get(source_parts[missing], "").strip(" .,;:!?")
        if not gloss or not _plausible_gloss(gloss, 1, translation):
            return None
        after = translation[end:]
        stripped = after.lstrip()
        if not stripped.lower().startswith(gloss.lower()):
            return None
        end += len(after) - len(stripped) + len(gloss)
    return start, end


def _overcaptured(
    span: NameSpanLike,
    parts: list[str],
    words: list[str],
    translation: str,
    window: tuple[int, int],
    glosses: Mapping[str, str],
) -> tuple[int, str] | None:
    """``(offset of the found parts, dropped source words)`` when every source word
    outside the found parts was translated as ordinary words elsewhere in the sentence."""
    source_parts = span.text.split()
    if len(source_parts) != len(parts):
        return None
    for offset in range(len(parts) - len(words) + 1):
        if all(_matches(w, parts[offset + k]) for k, w in enumerate(words)):
            break
    else:
        return None
    outside = source_parts[:offset] + source_parts[offset + len(words) :]
    for word in outside:
        gloss = glosses.get(word, "").strip(" .,;:!?")
        if not gloss or not _plausible_gloss(gloss, 1, translation):
            return None
        if _find_phrase(translation, gloss, [window]) is None:
            return None
    return offset, " ".join(outside)


def _plausible_gloss(gloss: str, parts: int, translation: str) -> bool:
    """Whether a model's translation of a name (part) can stand for it in a sentence.

    A name translated as words gives about as many words as it has parts; a long answer
    (a model making up a sentence) must not be taken for the name, nor may it cover most
    of the translation.
    """
    words = len(gloss.split())
    return 0 < words <= max(2, 2 * parts) and len(gloss) <= 0.6 * len(translation)


def _find_phrase(
    text: str, phrase: str, claimed: Sequence[tuple[int, int]]
) -> tuple[int, int] | None:
    phrase = phrase.strip(" .,;:!?")
    if not phrase:
        return None
    pattern = re.compile(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", re.IGNORECASE)
    for match in pattern.finditer(text):
        if not _overlaps(match.start(), match.end(), claimed):
            return match.start(), match.end()
    return None
