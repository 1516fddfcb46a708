"""Tokenizers for the CTranslate2 engine that do not import torch or transformers.

They reproduce what the transformers tokenizers do for each family (tests compare the
two token for token), using only ``sentencepiece`` (Marian, M2M100) or the Rust
``tokenizers`` library with the model's ``tokenizer.json`` (NLLB, T5/MADLAD).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from translate.codes import LanguagePlan
from translate.errors import ModelLoadError

_CLEANUPS = (
    (" .", "."),
    (" ?", "?"),
    (" !", "!"),
    (" ,", ","),
    (" ' ", "'"),
    (" n't", "n't"),
    (" 'm", "'m"),
    (" 's", "'s"),
    (" 've", "'ve"),
    (" 're", "'re"),
)


def _clean_up_spaces(text: str) -> str:
    """What transformers' ``clean_up_tokenization_spaces`` does."""
    for before, after in _CLEANUPS:
        text = text.replace(before, after)
    return text


class LightTokenizer:
    """Source text -> model tokens, and target tokens -> text, for one model directory."""

    def __init__(self, path: Path, family: str) -> None:
        self.family = family
        self._path = path
        config = _read_json(path / "tokenizer_config.json")
        self._cleanup = bool(config.get("clean_up_tokenization_spaces", False))
        self.eos = str(config.get("eos_token") or "</s>")
        self.unk = str(config.get("unk_token") or "<unk>")
        self._fast: Any = None
        self._spm_source: Any = None
        self._spm_target: Any = None
        self._vocab: dict[str, int] = {}
        if family in ("marian", "marian-multi"):
            self._load_marian(path)
        elif (path / "tokenizer.json").is_file():
            from tokenizers import Tokenizer

            self._fast = Tokenizer.from_file(str(path / "tokenizer.json"))
            self._vocab = dict(self._fast.get_vocab(with_added_tokens=True))
        else:
            self._load_spm_vocab(path)
        self.special = frozenset(
            t
            for t in (self.eos, self.unk, "<pad>", "<s>", "</s>", "<unk>", "<mask>")
            if t is not None
        )

    # -- loading -----------------------------------------------------------------------

    def _load_marian(self, path: Path) -> None:
        import sentencepiece as spm

        for name in ("source.spm", "target.spm", "vocab.json"):
            if not (path / name).is_file():
                raise ModelLoadError(f"{path}: {name} is missing (copy the tokenizer files)")
        self._spm_source = spm.SentencePieceProcessor(model_file=str(path / "source.spm"))
        self._spm_target = spm.SentencePieceProcessor(model_file=str(path / "target.spm"))
        self._vocab = _read_json(path / "vocab.json")

    def _load_spm_vocab(self, path: Path) -> None:
        import sentencepiece as spm

        model = next(
            (path / n for n in ("sentencepiece.bpe.model", "spiece.model") if (path / n).is_file()),
            None,
        )
        if model is None:
            raise ModelLoadError(f"{path}: no tokenizer.json or SentencePiece model found")
        self._spm_source = self._spm_target = spm.SentencePieceProcessor(model_file=str(model))
        self._vocab = _read_json(path / "vocab.json")

    # -- public ------------------------------------------------------------------------

    @property
    def vocabulary(self) -> frozenset[str]:
        return frozenset(self._vocab)

    def encode(self, text: str, plan: LanguagePlan) -> list[str]:
        """Source tokens, language tokens and end token included."""
        text = plan.text_prefix + text
        prefix: list[str] = []
        if self.family in ("marian", "marian-multi") and text.startswith(">>"):
            end = text.find("<<")
            if end != -1:  # as MarianTokenizer.remove_language_code
                prefix, text = [text[: end + 2]], text[end + 2 :]
        if self._fast is not None:
            pieces = list(self._fast.encode(text, add_special_tokens=False).tokens)
        else:
            pieces = list(self._spm_source.encode(text, out_type=str))
        pieces = prefix + pieces
        if self._vocab:
            pieces = [p if p in self._vocab else self.unk for p in pieces]
        head = [plan.source_token] if plan.source_token is not None else []
        return head + pieces + [self.eos]

    def decode(self, tokens: list[str], plan: LanguagePlan) -> str:
        """Text of target tokens (special and language tokens are dropped)."""
        pieces = [t for t in tokens if t not in self.special and t != plan.target_token]
        if self._fast is not None:
            ids = [self._fast.token_to_id(t) for t in pieces]
            text = str(self._fast.decode([i for i in ids if i is not None]))
        else:
            text = str(self._spm_target.decode_pieces(pieces)).replace("▁", " ")
        if self._cleanup:
            text = _clean_up_spaces(text)
        return text.strip()


def _read_json(path: Path) -> dict[str, Any]:
    if not path.is_file():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return data if isinstance(data, dict) else {}
