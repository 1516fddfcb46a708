"""Language-code plumbing per model family.

- ``marian``: one direction per model, no codes;
- ``marian-multi``: the target is chosen with a ``>>xxx<<`` token in front of the source;
- ``nllb``: FLORES-200 codes (``kaz_Cyrl``): source code first, target code forced as the
  first generated token;
- ``m2m100``: ``__kk__`` codes, same arrangement as NLLB;
- ``madlad``: a ``<2xx>`` prefix in front of the source text (T5).

The same :class:`LanguagePlan` feeds both engines, so they see identical token sequences.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from translate.errors import UnsupportedLanguageError
from translate.registry import language


@dataclass(frozen=True)
class LanguagePlan:
    """How to ask a model for one direction."""

    text_prefix: str = ""  # prepended to the source text (marian-multi, madlad)
    source_token: str | None = None  # language token before the source pieces (nllb, m2m100)
    target_token: str | None = None  # forced first target token (nllb, m2m100)
    tokenizer_src_lang: str | None = None  # value for the HF tokenizer's ``src_lang``


def plan_for(family: str, source: str, target: str, vocabulary: Collection[str]) -> LanguagePlan:
    """The plan for ``source -> target``; checks that the codes exist in ``vocabulary``."""
    if family == "marian":
        return LanguagePlan()
    if family == "marian-multi":
        lang = language(target)
        for token in (f">>{lang.iso3}<<", f">>{target}<<", f">>{lang.flores}<<"):
            if token in vocabulary:
                return LanguagePlan(text_prefix=token + " ")
        raise _unsupported(family, target, sorted(t for t in vocabulary if t.startswith(">>")))
    if family == "nllb":
        src, tgt = language(source).flores, language(target).flores
        _require(family, src, source, vocabulary)
        _require(family, tgt, target, vocabulary)
        return LanguagePlan(source_token=src, target_token=tgt, tokenizer_src_lang=src)
    if family == "m2m100":
        src, tgt = f"__{source}__", f"__{target}__"
        _require(family, src, source, vocabulary)
        _require(family, tgt, target, vocabulary)
        return LanguagePlan(source_token=src, target_token=tgt, tokenizer_src_lang=source)
    if family == "madlad":
        tag = f"<2{target}>"
        _require(family, tag, target, vocabulary)
        return LanguagePlan(text_prefix=tag + " ")
    raise UnsupportedLanguageError(f"unknown model family {family!r}")


def _require(family: str, token: str, code: str, vocabulary: Collection[str]) -> None:
    if token not in vocabulary:
        raise UnsupportedLanguageError(
            f"the {family} model has no language token {token!r} for {code!r}"
        )


def _unsupported(family: str, code: str, available: list[str]) -> UnsupportedLanguageError:
    shown = ", ".join(available[:12]) + (" ..." if len(available) > 12 else "")
    return UnsupportedLanguageError(
        f"the {family} model cannot translate into {code!r} (its targets: {shown or 'none'})"
    )
