"""Language-code plumbing of each model family, on tiny randomly initialised models.

The models are built here from local files (no download): an NLLB tokenizer with its 200
FLORES codes, an M2M100 tokenizer with ``__xx__`` codes and a multi-target Marian
vocabulary with ``>>xxx<<`` tokens. Both engines must feed the model the same tokens and
force the same first target token; CTranslate2 must decode the same tokens greedily.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from translate.codes import plan_for
from translate.engines.base import DecodeOptions
from translate.errors import UnsupportedLanguageError
from translate.models import resolve_model

pytestmark = pytest.mark.slow

TEXTS = ["Сәлем, әлем.", "Привет, мир!", "Астана 2024"]
LETTERS = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһіabcdefghijklmnopqrstuvwxyz"
CORPUS = "Сәлем әлем. Привет мир! Hello world. Астана Алматы 2024 жаңалықтар новости news.\n"


def _save_model(model: Any, path: Path) -> None:
    model.save_pretrained(path, safe_serialization=True)


def _save_tiny_m2m100(vocab_size: int, path: Path) -> None:
    """A randomly initialised two-layer M2M100/NLLB model (the shared architecture)."""
    import torch
    from transformers import M2M100Config, M2M100ForConditionalGeneration

    torch.manual_seed(0)
    config = M2M100Config(
        vocab_size=vocab_size, d_model=16, encoder_layers=1, decoder_layers=1,
        encoder_attention_heads=2, decoder_attention_heads=2, encoder_ffn_dim=32,
        decoder_ffn_dim=32, max_position_embeddings=64, pad_token_id=1, bos_token_id=0,
        eos_token_id=2, decoder_start_token_id=2,
    )  # fmt: skip
    _save_model(M2M100ForConditionalGeneration(config), path)


def _spm(directory: Path) -> Path:
    import sentencepiece as spm

    directory.mkdir(parents=True, exist_ok=True)
    text = directory / "corpus.txt"
    text.write_text(CORPUS * 3 + " ".join(LETTERS) + "\n", encoding="utf-8")
    spm.SentencePieceTrainer.train(
        input=str(text),
        model_prefix=str(directory / "sp"),
        vocab_size=120,
        model_type="unigram",
        character_coverage=1.0,
        hard_vocab_limit=False,
        minloglevel=2,
    )
    text.unlink()
    return directory / "sp.model"


@pytest.fixture(scope="module")
def nllb_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from transformers import NllbTokenizer

    path = tmp_path_factory.mktemp("nllb")
    vocab = {"<s>": 0, "<pad>": 1, "</s>": 2, "<unk>": 3, "▁": 4}
    for char in LETTERS + LETTERS.upper() + ".,!?0123456789":
        vocab.setdefault(char, len(vocab))
        vocab.setdefault("▁" + char, len(vocab))
    tokenizer = NllbTokenizer(vocab=vocab, merges=[])
    tokenizer.save_pretrained(path)
    _save_tiny_m2m100(len(tokenizer), path)
    return path


@pytest.fixture(scope="module")
def m2m100_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import sentencepiece as spm
    from transformers import M2M100Tokenizer

    path = tmp_path_factory.mktemp("m2m100")
    model_file = _spm(path / "spm")
    processor = spm.SentencePieceProcessor(model_file=str(model_file))
    vocab = {"<s>": 0, "<pad>": 1, "</s>": 2, "<unk>": 3}
    for index in range(processor.get_piece_size()):
        vocab.setdefault(processor.id_to_piece(index), len(vocab))
    (path / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    shutil.move(str(model_file), path / "sentencepiece.bpe.model")
    shutil.rmtree(path / "spm")
    tokenizer = M2M100Tokenizer(
        vocab_file=str(path / "vocab.json"), spm_file=str(path / "sentencepiece.bpe.model")
    )
    tokenizer.save_pretrained(path)
    # the SentencePiece pieces, then 100 language codes, then "madeup" filler words
    codes = tokenizer.lang_code_to_id.values()
    size = max([*tokenizer.get_vocab().values(), *codes]) + 1 + tokenizer.num_madeup_words
    _save_tiny_m2m100(size, path)
    return path


@pytest.fixture(scope="module")
def marian_multi_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import sentencepiece as spm
    import torch
    from transformers import MarianConfig, MarianMTModel, MarianTokenizer

    path = tmp_path_factory.mktemp("marian_multi")
    model_file = _spm(path / "spm")
    processor = spm.SentencePieceProcessor(model_file=str(model_file))
    vocab = {"</s>": 0, "<unk>": 1}
    for index in range(processor.get_piece_size()):
        vocab.setdefault(processor.id_to_piece(index), len(vocab))
    for code in (">>rus<<", ">>ukr<<", ">>bel<<"):
        vocab[code] = len(vocab)
    vocab["<pad>"] = len(vocab)
    (path / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    for name in ("source.spm", "target.spm"):
        shutil.copyfile(model_file, path / name)
    shutil.rmtree(path / "spm")
    tokenizer = MarianTokenizer(
        source_spm=str(path / "source.spm"),
        target_spm=str(path / "target.spm"),
        vocab=str(path / "vocab.json"),
    )
    tokenizer.save_pretrained(path)
    torch.manual_seed(0)
    config = MarianConfig(
        vocab_size=len(vocab), decoder_vocab_size=len(vocab), d_model=16, encoder_layers=1,
        decoder_layers=1, encoder_attention_heads=2, decoder_attention_heads=2,
        encoder_ffn_dim=32, decoder_ffn_dim=32, max_position_embeddings=64,
        activation_function="swish", pad_token_id=vocab["<pad>"], eos_token_id=0,
        decoder_start_token_id=vocab["<pad>"], forced_eos_token_id=0,
    )  # fmt: skip
    model = MarianMTModel(config)
    with torch.no_grad():
        model.get_input_embeddings().weight[vocab["<pad>"]].zero_()
    _save_model(model, path)
    return path


CASES = [
    ("nllb_dir", "nllb", "kk", "en", "kaz_Cyrl", "eng_Latn", ""),
    ("m2m100_dir", "m2m100", "kk", "en", "__kk__", "__en__", ""),
    ("marian_multi_dir", "marian-multi", "en", "ru", None, None, ">>rus<< "),
]


def _engines(directory: Path, tmp_path: Path) -> tuple[Any, Any]:
    from translate.convert import convert_model
    from translate.engines.ct2 import CTranslate2Engine
    from translate.engines.hf import TransformersEngine

    ref = resolve_model(str(directory))
    hf = TransformersEngine(ref, device="cpu")
    converted = resolve_model(str(convert_model(ref, tmp_path / "ct2", "float32")))
    return hf, CTranslate2Engine(converted, device="cpu", compute_type="float32")


@pytest.mark.parametrize(
    ("fixture", "family", "source", "target", "src_token", "tgt_token", "prefix"), CASES
)
def test_language_plumbing(
    request: pytest.FixtureRequest,
    tmp_path: Path,
    fixture: str,
    family: str,
    source: str,
    target: str,
    src_token: str | None,
    tgt_token: str | None,
    prefix: str,
) -> None:
    directory: Path = request.getfixturevalue(fixture)
    ref = resolve_model(str(directory))
    assert ref.family == family
    hf, ct2 = _engines(directory, tmp_path)
    plan = hf.plan(source, target)
    assert (plan.source_token, plan.target_token, plan.text_prefix) == (
        src_token,
        tgt_token,
        prefix,
    )
    hf_tokens = hf.source_tokens(TEXTS, source, target)
    assert hf_tokens == ct2.source_tokens(TEXTS, source, target)
    for tokens in hf_tokens:
        assert tokens[-1] == "</s>"
        first = src_token if src_token is not None else prefix.strip()
        assert tokens[0] == first

    # the forced first target token reaches generate()
    seen: dict[str, Any] = {}
    generate = hf._model.generate

    def spy(**kwargs: Any) -> Any:
        seen.update(kwargs)
        return generate(**kwargs)

    hf._model.generate = spy
    options = DecodeOptions(beam_size=1, max_new_tokens=6)
    hf_out = hf.translate(TEXTS, source, target, options)
    if tgt_token is not None:
        assert seen["forced_bos_token_id"] == hf.tokenizer.convert_tokens_to_ids(tgt_token)
    else:
        assert "forced_bos_token_id" not in seen
    ct2_out = ct2.translate(TEXTS, source, target, options)
    assert [h.tokens for h in hf_out] == [h.tokens for h in ct2_out]


def test_multi_target_marian_refuses_unknown_target(marian_multi_dir: Path) -> None:
    from translate.engines.hf import TransformersEngine

    engine = TransformersEngine(resolve_model(str(marian_multi_dir)), device="cpu")
    with pytest.raises(UnsupportedLanguageError, match=r">>bel<<, >>rus<<, >>ukr<<"):
        engine.plan("en", "de")


def test_nllb_refuses_language_without_code() -> None:
    with pytest.raises(UnsupportedLanguageError, match="kaz_Cyrl"):
        plan_for("nllb", "kk", "en", {"eng_Latn"})


def test_pickle_only_model_is_refused(tmp_path: Path, marian_multi_dir: Path) -> None:
    from translate.errors import ModelLoadError

    unsafe = tmp_path / "unsafe"
    shutil.copytree(marian_multi_dir, unsafe)
    (unsafe / "model.safetensors").rename(unsafe / "pytorch_model.bin")
    with pytest.raises(ModelLoadError, match="safetensors"):
        resolve_model(str(unsafe))
