"""Pairwise name comparison: a score in [0, 1], a verdict and the reason."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from translit.names.gazetteer import Gazetteer, bundled_gazetteer
from translit.names.keys import key_of
from translit.names.parse import Name, Word, parse_name
from translit.names.samename import same_consonants, spelling_likeness

SAME_THRESHOLD = 0.85


@dataclass(frozen=True)
class MatchResult:
    """How two names compare."""

    a: str
    b: str
    score: float
    same: bool
    reason: str
    key_a: str
    key_b: str

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _gender_pair(x: str, y: str) -> bool:
    """Surnames that differ only by the feminine ending (Nazarbaev / Nazarbaeva)."""
    short, long_ = sorted((x, y), key=len)
    return long_ == short + "a" or (long_.endswith("aia") and long_[:-3] + "ii" == short)


def _compare(pa: Name, pb: Name) -> tuple[float, str]:
    fa, fb = set(pa.folds), set(pb.folds)
    sa, sb = pa.surname_fold, pb.surname_fold
    if sa and sb and sa != sb and _gender_pair(sa, sb):
        return 0.3, "gender form differs"
    if sa and sb and sa == sb:
        ga, gb = fa - {sa}, fb - {sb}
        if not ga or not gb:
            initials = pa.initials if not ga else pb.initials
            given = gb if not ga else ga
            if (
                initials
                and given
                and not all(any(g.startswith(i) for g in given) for i in initials)
            ):
                return 0.2, "initials disagree"
            if initials and given:
                return 0.9, "initials agree"
            return 0.75, "surname-only mention"
        if ga == gb:
            return 1.0, "key equal"
        if ga & gb:
            return 0.8, "surname and a given name agree"
        return 0.3, "same surname, different given names"
    ka, kb = " ".join(sorted(fa)), " ".join(sorted(fb))
    ratio = round(spelling_likeness(ka, kb), 3)
    if ratio >= SAME_THRESHOLD and same_consonants(ka, kb):
        return ratio, "similar spelling (vowels differ)"
    return min(ratio, SAME_THRESHOLD - 0.05), "different names"


def _folds(words: tuple[Word, ...]) -> list[str]:
    return sorted(w.fold for w in words)


def match(a: str, b: str, gazetteer: Gazetteer | None = None) -> MatchResult:
    """Compare two names: same person/place or not, with a score and the reason."""
    gaz = gazetteer if gazetteer is not None else bundled_gazetteer()
    pa, pb = parse_name(a), parse_name(b)
    ka, ha = key_of(pa, gaz)
    kb, hb = key_of(pb, gaz)
    ea = ha[0].id if ha is not None else None
    eb = hb[0].id if hb is not None else None
    if ea is not None and eb is not None:
        if ea == eb:
            return MatchResult(a, b, 1.0, True, f"same gazetteer entity {ea}", ka, kb)
        return MatchResult(a, b, 0.0, False, f"different gazetteer entities {ea} / {eb}", ka, kb)
    if pa.dropped and pb.dropped and _folds(pa.dropped) != _folds(pb.dropped):
        # namesakes: the same given name and surname, different fathers
        return MatchResult(a, b, 0.3, False, "patronymics differ", ka, kb)
    if ka and ka == kb:
        return MatchResult(a, b, 1.0, True, "key equal", ka, kb)
    if not pa.folds or not pb.folds:
        return MatchResult(a, b, 0.0, False, "nothing to compare", ka, kb)
    score, reason = _compare(pa, pb)
    return MatchResult(
        a, b, score, score >= SAME_THRESHOLD or reason in ("surname-only mention",), reason, ka, kb
    )
