"""Build the demo translation model shipped in ``data/models/demo/``.

Steps (all offline, CPU only):

1. expand the hand-written corpus and the sentence templates of
   ``data/models/demo/corpus/`` into ``data/models/demo/corpus.tsv`` (generated: do not edit);
2. train one SentencePiece model on both sides (used as ``source.spm`` and ``target.spm``);
3. train a tiny Marian model (transformers ``MarianMTModel``) on the corpus until greedy
   decoding reproduces every training target exactly (the registry makes greedy the demo
   model's default; beam search on such an over-fitted model is recorded, not required);
4. save it as safetensors with its tokenizer files and a model card.

The model is a test fixture and a demonstration, not a translator: it knows only its
training sentences (Kazakh and Russian news-style sentences with names, places, dates and
numbers, and their English translations). A few pairs are deliberate errors, marked in the
corpus, so that tests can check that the tool catches names translated as words, dropped
names, truncated output and dropped markup placeholders. Phrases on their own (the
glosses used to place inline markup) and sentences with markup placeholders (``{1}``) let
the tests check documents with bold words, links and code spans.

Usage::

    .venv/bin/python scripts/build_demo_model.py            # corpus + spm + training
    .venv/bin/python scripts/build_demo_model.py --corpus-only
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEMO_DIR = ROOT / "data" / "models" / "demo"
CORPUS_DIR = DEMO_DIR / "corpus"
CORPUS_FILE = DEMO_DIR / "corpus.tsv"

_SLOT = re.compile(r"\{([a-z_]+)(?:\.([a-z_]+))?\}")


@dataclass(frozen=True)
class Pair:
    """One sentence pair of the corpus."""

    lang: str
    source: str
    target: str
    origin: str


# -- corpus -----------------------------------------------------------------------------


def read_handwritten(path: Path) -> list[Pair]:
    """Read ``lang<TAB>source<TAB>target`` lines, skipping comments and the header."""
    pairs: list[Pair] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#") or line.startswith("lang\t"):
            continue
        fields = line.split("\t")
        if len(fields) != 3 or not all(f.strip() == f and f for f in fields):
            raise SystemExit(f"{path}:{number}: expected 3 tab-separated, trimmed fields")
        pairs.append(Pair(fields[0], fields[1], fields[2], f"handwritten:{number}"))
    return pairs


def _fill(template: str, values: dict[str, dict[str, str]]) -> str:
    def replace(match: re.Match[str]) -> str:
        slot, form = match.group(1), match.group(2)
        table = values[slot]
        return table[form if form is not None else "value"]

    return _SLOT.sub(replace, template)


def expand_templates(spec: dict[str, Any]) -> list[Pair]:
    """Expand every template ``samples_per_template`` times per language, seeded."""
    rng = random.Random(int(spec["seed"]))
    pairs: list[Pair] = []
    for template in spec["templates"]:
        seen: set[str] = set()
        attempts = 0
        while len(seen) < int(spec["samples_per_template"]) and attempts < 10_000:
            attempts += 1
            person = dict(rng.choice(spec["persons"]))
            for form, by_gender in spec["verb_forms"].items():
                person[form] = by_gender[person["gender"]]
            city = rng.choice(spec["cities"])
            month = rng.choice(spec["months"])
            day, year = str(rng.randint(1, 28)), str(rng.choice(spec["years"]))
            date_values = {"day": {"value": day}, "year": {"value": year}, "month": month}
            date = {lang: _fill(fmt, date_values) for lang, fmt in spec["dates"].items()}
            number = str(rng.choice(template["n"])) if template["n"] else ""
            values = {"person": person, "city": city, "date": date, "n": {"value": number}}
            english = _fill(template["en"], values)
            if english in seen:
                continue
            seen.add(english)
            for lang in ("kk", "ru"):
                source = _fill(template[lang], values)
                pairs.append(Pair(lang, source, english, f"template:{template['id']}"))
    return pairs


def build_corpus() -> list[Pair]:
    """Hand-written pairs plus expanded templates, without duplicate sources."""
    pairs = read_handwritten(CORPUS_DIR / "handwritten.tsv")
    spec = json.loads((CORPUS_DIR / "templates.json").read_text(encoding="utf-8"))
    pairs += expand_templates(spec)
    unique: dict[str, Pair] = {}
    for pair in pairs:
        previous = unique.get(pair.source)
        if previous is not None and previous.target != pair.target:
            raise SystemExit(f"conflicting translations for {pair.source!r}")
        unique.setdefault(pair.source, pair)
    return list(unique.values())


def write_corpus(pairs: list[Pair], path: Path) -> None:
    lines = [
        "# Generated by scripts/build_demo_model.py from corpus/handwritten.tsv and "
        "corpus/templates.json: do not edit.",
        "lang\tsource\ttarget\torigin",
    ]
    lines += [f"{p.lang}\t{p.source}\t{p.target}\t{p.origin}" for p in pairs]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


# -- tokenizer --------------------------------------------------------------------------


def normalize_source(text: str, lang: str) -> str:
    """The punctuation normalization the translate package applies to Marian input."""
    from sacremoses import MosesPunctNormalizer

    return str(MosesPunctNormalizer(lang=lang).normalize(text))


def train_sentencepiece(pairs: list[Pair], out_dir: Path, vocab_size: int) -> list[str]:
    """Train one unigram model on both sides; return its pieces (``</s>``=0, ``<unk>``=1)."""
    import sentencepiece as spm

    with tempfile.TemporaryDirectory() as tmp:
        text_file = Path(tmp) / "text.txt"
        lines = [normalize_source(p.source, p.lang) for p in pairs] + [p.target for p in pairs]
        text_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
        prefix = Path(tmp) / "spm"
        spm.SentencePieceTrainer.train(
            input=str(text_file),
            model_prefix=str(prefix),
            vocab_size=vocab_size,
            model_type="unigram",
            character_coverage=1.0,
            eos_id=0,
            unk_id=1,
            bos_id=-1,
            pad_id=-1,
            hard_vocab_limit=False,
            num_threads=2,
            minloglevel=2,
        )
        for name in ("source.spm", "target.spm"):
            shutil.copyfile(f"{prefix}.model", out_dir / name)
    processor = spm.SentencePieceProcessor(model_file=str(out_dir / "source.spm"))
    return [processor.id_to_piece(i) for i in range(processor.get_piece_size())]


# -- model ------------------------------------------------------------------------------


@dataclass(frozen=True)
class TrainSettings:
    """Hyper-parameters of the demo model."""

    d_model: int = 128
    layers: int = 2
    heads: int = 4
    ffn: int = 512
    vocab_size: int = 1200
    batch_size: int = 32
    learning_rate: float = 1.5e-3
    warmup_steps: int = 150
    max_epochs: int = 500
    check_every: int = 25
    seed: int = 0


def make_model(vocab: dict[str, int], settings: TrainSettings) -> Any:
    from transformers import MarianConfig, MarianMTModel

    pad_id = vocab["<pad>"]
    config = MarianConfig(
        vocab_size=len(vocab),
        decoder_vocab_size=len(vocab),
        d_model=settings.d_model,
        encoder_layers=settings.layers,
        decoder_layers=settings.layers,
        encoder_attention_heads=settings.heads,
        decoder_attention_heads=settings.heads,
        encoder_ffn_dim=settings.ffn,
        decoder_ffn_dim=settings.ffn,
        max_position_embeddings=256,
        activation_function="swish",
        dropout=0.1,
        attention_dropout=0.0,
        activation_dropout=0.0,
        scale_embedding=True,
        share_encoder_decoder_embeddings=True,
        tie_word_embeddings=True,
        pad_token_id=pad_id,
        eos_token_id=vocab["</s>"],
        decoder_start_token_id=pad_id,
        forced_eos_token_id=vocab["</s>"],
    )
    return MarianMTModel(config)


def _zero_pad_row(model: Any, pad_id: int) -> None:
    """Keep the decoder-start (pad) embedding at zero, as in converted Marian models."""
    import torch

    with torch.no_grad():
        model.get_input_embeddings().weight[pad_id].zero_()


def decode_all(
    model: Any, tokenizer: Any, sources: list[str], beams: int, batch: int = 64
) -> list[str]:
    import torch

    model.eval()
    outputs: list[str] = []
    with torch.inference_mode():
        for start in range(0, len(sources), batch):
            chunk = sources[start : start + batch]
            encoded = tokenizer(chunk, return_tensors="pt", padding=True)
            generated = model.generate(
                **encoded,
                num_beams=beams,
                early_stopping=True,  # as CTranslate2 and the translate package decode
                do_sample=False,
                max_new_tokens=96,
                bad_words_ids=[[tokenizer.pad_token_id]],
            )
            outputs += tokenizer.batch_decode(
                generated, skip_special_tokens=True, use_source_tokenizer=False
            )
    return outputs


def train(pairs: list[Pair], out_dir: Path, settings: TrainSettings) -> dict[str, Any]:
    import torch
    from transformers import MarianTokenizer

    torch.manual_seed(settings.seed)
    random.seed(settings.seed)
    torch.set_num_threads(2)

    pieces = train_sentencepiece(pairs, out_dir, settings.vocab_size)
    vocab = {piece: index for index, piece in enumerate(pieces)}
    vocab["<pad>"] = len(vocab)
    (out_dir / "vocab.json").write_text(
        json.dumps(vocab, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    tokenizer = MarianTokenizer(
        source_spm=str(out_dir / "source.spm"),
        target_spm=str(out_dir / "target.spm"),
        vocab=str(out_dir / "vocab.json"),
        target_lang="en",
        model_max_length=256,
    )
    sources = [normalize_source(p.source, p.lang) for p in pairs]
    targets = [p.target for p in pairs]
    pad_id = vocab["<pad>"]
    model = make_model(vocab, settings)
    _zero_pad_row(model, pad_id)

    source_ids = [tokenizer(s).input_ids for s in sources]
    target_ids = [tokenizer(text_target=t).input_ids for t in targets]
    optimizer = torch.optim.AdamW(model.parameters(), lr=settings.learning_rate, weight_decay=0.0)

    steps_per_epoch = -(-len(pairs) // settings.batch_size)
    total_steps = steps_per_epoch * settings.max_epochs

    def lr_at(step: int) -> float:
        # linear warm-up, then linear decay to a tenth of the peak at max_epochs
        if step < settings.warmup_steps:
            return (step + 1) / settings.warmup_steps
        return max(0.1, 1.0 - 0.9 * step / total_steps)

    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lr_at)
    order = list(range(len(pairs)))
    started = time.perf_counter()
    step = 0
    history: list[dict[str, Any]] = []
    for epoch in range(1, settings.max_epochs + 1):
        model.train()
        random.shuffle(order)
        total = 0.0
        for start in range(0, len(order), settings.batch_size):
            batch = order[start : start + settings.batch_size]
            src = _pad([source_ids[i] for i in batch], pad_id)
            tgt = _pad([target_ids[i] for i in batch], -100)
            attention = (src != pad_id).long()
            loss = model(input_ids=src, attention_mask=attention, labels=tgt).loss
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            scheduler.step()
            optimizer.zero_grad()
            _zero_pad_row(model, pad_id)
            total += float(loss.detach())
            step += 1
        if epoch % settings.check_every == 0:
            greedy = decode_all(model, tokenizer, sources, beams=1)
            exact = sum(g == t for g, t in zip(greedy, targets, strict=True))
            elapsed = time.perf_counter() - started
            history.append({"epoch": epoch, "loss": total, "greedy_exact": exact})
            print(
                f"epoch {epoch}: loss {total:.3f}, greedy exact {exact}/{len(targets)}, "
                f"{elapsed:.0f}s",
                file=sys.stderr,
            )
            # stop at the second exact check in a row: the margins are then comfortable
            # (int8 CTranslate2 decoding must reproduce the corpus too)
            if exact == len(targets) and history[-2:-1] and history[-2]["greedy_exact"] == exact:
                break
    else:
        raise SystemExit("the model did not reproduce its training data; raise max_epochs")

    beam = decode_all(model, tokenizer, sources, beams=4)
    beam_exact = sum(b == t for b, t in zip(beam, targets, strict=True))
    print(f"beam-4 exact {beam_exact}/{len(targets)}", file=sys.stderr)
    model.eval()
    model.generation_config.num_beams = 1
    model.generation_config.max_length = 256
    model.generation_config.bad_words_ids = [[pad_id]]
    model.save_pretrained(out_dir, safe_serialization=True)
    tokenizer.save_pretrained(out_dir)
    return {
        "epochs": epoch,
        "steps": step,
        "seconds": round(time.perf_counter() - started, 1),
        "pairs": len(pairs),
        "vocab_size": len(vocab),
        "parameters": sum(p.numel() for p in model.parameters()),
        "beam4_exact": beam_exact,
        "history": history,
    }


def _pad(rows: list[list[int]], value: int) -> Any:
    import torch

    width = max(len(r) for r in rows)
    return torch.tensor([r + [value] * (width - len(r)) for r in rows], dtype=torch.long)


def write_card(out_dir: Path, stats: dict[str, Any], settings: TrainSettings) -> None:
    """Write the model card (``README.md``) and ``training.json``."""
    card = f"""# demo: a tiny Kazakh/Russian -> English Marian model (test fixture)

Built by `scripts/build_demo_model.py`; do not edit the model files by hand. It knows only
its training corpus, `corpus.tsv`: {stats["pairs"]} sentence pairs written for this
project (news-style Kazakh and Russian sentences with names, places, dates and numbers,
and their English translations). It is for tests and for showing the tool end to end,
offline; it is not a translator. A few pairs are deliberate errors (marked in
`corpus/handwritten.tsv`) so that the tool's checks have something to catch.

- Architecture: Marian (transformers `MarianMTModel`): d_model {settings.d_model},
  {settings.layers} encoder and {settings.layers} decoder layers, {settings.heads} heads,
  FFN {settings.ffn}, swish, shared embeddings; {stats["parameters"]:,} parameters,
  stored as safetensors.
- Tokenizer: one SentencePiece unigram model (`source.spm` = `target.spm`); vocabulary
  of {stats["vocab_size"]} entries including `</s>`, `<unk>` and `<pad>`.
- Input normalization: Moses punctuation normalization (sacremoses), as at inference.
- Training: AdamW, learning rate {settings.learning_rate}, batch {settings.batch_size},
  seed {settings.seed}; stopped after {stats["epochs"]} epochs ({stats["steps"]} steps,
  {stats["seconds"]} s on 2 CPU cores) once greedy decoding had reproduced every training
  target exactly at two checks in a row.
- Beam search: beam-4 decoding (with early stopping, as CTranslate2 does) reproduces
  {stats["beam4_exact"]} of {stats["pairs"]} targets, so the registry makes greedy
  decoding (`--beam 1`) this model's default.
- Licence: MIT, like the project.
"""
    (out_dir / "README.md").write_text(card, encoding="utf-8")
    (out_dir / "training.json").write_text(json.dumps(stats, indent=1) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEMO_DIR, help="model directory")
    parser.add_argument("--corpus-only", action="store_true", help="only write corpus.tsv")
    parser.add_argument(
        "--card-only", action="store_true", help="only rewrite README.md from training.json"
    )
    parser.add_argument("--max-epochs", type=int, default=TrainSettings.max_epochs)
    parser.add_argument("--seed", type=int, default=TrainSettings.seed)
    args = parser.parse_args(argv)

    if args.card_only:
        stats = json.loads((args.out / "training.json").read_text(encoding="utf-8"))
        write_card(args.out, stats, TrainSettings(seed=args.seed))
        return 0
    pairs = build_corpus()
    write_corpus(pairs, CORPUS_FILE)
    print(f"corpus: {len(pairs)} pairs -> {CORPUS_FILE}", file=sys.stderr)
    if args.corpus_only:
        return 0
    settings = TrainSettings(max_epochs=args.max_epochs, seed=args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    stats = train(pairs, args.out, settings)
    write_card(args.out, stats, settings)
    print(json.dumps({k: v for k, v in stats.items() if k != "history"}), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
