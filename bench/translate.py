"""Translation speed and memory: a naive loop vs the translit engines.

A Marian model with the shape of ``Helsinki-NLP/opus-mt-tc-big-zle-en`` (transformer-big:
d_model 1024, 6+6 layers, 16 heads, FFN 4096, ReLU, vocabulary 61,017; about 240M
parameters) is built with random weights and a local SentencePiece model (trained on the
demo corpus; the vocabulary is padded to the real size, so the embedding and output layers
cost what they cost in the real model). 500 sentences are translated with a fixed output
length (``min = max`` new tokens, so random weights cannot stop early) and the same beam
size in three ways, each in its own process so that peak memory is its own:

(a) ``naive``: what a user writes first: one call per sentence (a transformers
    ``pipeline("translation")`` where the installed transformers has it, else the same
    tokenize/generate/decode calls one sentence at a time);
(b) ``transformers``: translit's transformers engine, length-sorted batches;
(c) ``ctranslate2``: translit's CTranslate2 engine, int8 on CPU (float16 on a GPU), with
    the pipeline's batch bound on CPU (at most 96 hypotheses: 24 sentences at beam 4),
    each batch split between two workers that share the weights.

Goals on a 2-core CPU: (b) >= 3x (a); (c) >= 4x (b) with at most a third of its memory.

Usage::

    .venv/bin/python bench/translate.py                  # all three, prints a table
    .venv/bin/python bench/translate.py --device cuda    # on a GPU (float16)
    .venv/bin/python bench/translate.py --names rferl    # name retention, demo corpus
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SHAPE = {  # Helsinki-NLP/opus-mt-tc-big-zle-en, config.json
    "vocab_size": 61017,
    "d_model": 1024,
    "layers": 6,
    "heads": 16,
    "ffn": 4096,
    "activation": "relu",
    "max_positions": 1024,
}


def corpus_sentences(count: int) -> list[str]:
    """``count`` distinct news-style sentences made from the demo corpus."""
    lines = (ROOT / "data/models/demo/corpus.tsv").read_text(encoding="utf-8").splitlines()
    sources = [line.split("\t")[1] for line in lines[2:]]
    sources = [s for s in sources if len(s.split()) >= 4]
    out: list[str] = []
    round_ = 0
    while len(out) < count:
        for source in sources:
            out.append(source if round_ == 0 else f"{source} ({round_})")
            if len(out) == count:
                break
        round_ += 1
    return out


def build_model(directory: Path) -> Path:
    """The random-weight transformer-big Marian model (built once, then reused)."""
    model_dir = directory / "marian-big"
    if (model_dir / "model.safetensors").is_file():
        return model_dir
    import sentencepiece as spm
    import torch
    from transformers import MarianConfig, MarianMTModel, MarianTokenizer

    model_dir.mkdir(parents=True, exist_ok=True)
    text = directory / "spm.txt"
    lines = (ROOT / "data/models/demo/corpus.tsv").read_text(encoding="utf-8").splitlines()[2:]
    text.write_text(
        "\n".join(f"{line.split(chr(9))[1]}\n{line.split(chr(9))[2]}" for line in lines),
        encoding="utf-8",
    )
    spm.SentencePieceTrainer.train(
        input=str(text), model_prefix=str(directory / "spm"), vocab_size=1000,
        model_type="unigram", character_coverage=1.0, eos_id=0, unk_id=1, bos_id=-1,
        pad_id=-1, hard_vocab_limit=False, minloglevel=2,
    )  # fmt: skip
    processor = spm.SentencePieceProcessor(model_file=str(directory / "spm.model"))
    vocab = {processor.id_to_piece(i): i for i in range(processor.get_piece_size())}
    size = SHAPE["vocab_size"]
    filler = 0
    while len(vocab) < size - 1:  # pad to the real vocabulary size with unused pieces
        vocab.setdefault(f"▁unused{filler}", len(vocab))
        filler += 1
    vocab["<pad>"] = size - 1
    (model_dir / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), "utf-8")
    for name in ("source.spm", "target.spm"):
        shutil.copyfile(directory / "spm.model", model_dir / name)
    MarianTokenizer(
        source_spm=str(model_dir / "source.spm"),
        target_spm=str(model_dir / "target.spm"),
        vocab=str(model_dir / "vocab.json"),
    ).save_pretrained(model_dir)
    torch.manual_seed(0)
    config = MarianConfig(
        vocab_size=size, decoder_vocab_size=size, d_model=SHAPE["d_model"],
        encoder_layers=SHAPE["layers"], decoder_layers=SHAPE["layers"],
        encoder_attention_heads=SHAPE["heads"], decoder_attention_heads=SHAPE["heads"],
        encoder_ffn_dim=SHAPE["ffn"], decoder_ffn_dim=SHAPE["ffn"],
        activation_function=SHAPE["activation"], max_position_embeddings=SHAPE["max_positions"],
        pad_token_id=size - 1, eos_token_id=0, decoder_start_token_id=size - 1,
        forced_eos_token_id=0, scale_embedding=True, share_encoder_decoder_embeddings=True,
    )  # fmt: skip
    model = MarianMTModel(config)
    with torch.no_grad():
        model.get_input_embeddings().weight[size - 1].zero_()
    model.generation_config.num_beams = 4  # as in the real model's configuration
    model.save_pretrained(model_dir, safe_serialization=True)
    return model_dir


def convert(model_dir: Path, quantization: str) -> Path:
    target = model_dir.parent / f"marian-big-ct2-{quantization}"
    if (target / "model.bin").is_file():
        return target
    from translate.convert import convert_model
    from translate.models import resolve_model

    return convert_model(resolve_model(str(model_dir)), target, quantization, force=True)


# -- one mode, in its own process --------------------------------------------------------


def run_mode(args: argparse.Namespace) -> dict[str, Any]:
    sentences = corpus_sentences(args.sentences)
    started = time.perf_counter()
    if args.mode == "naive":
        load, outputs = _naive(args, sentences)
    else:
        load, outputs = _engine(args, sentences)
    total = time.perf_counter() - started
    translate_seconds = total - load
    tokens = sum(outputs)
    return {
        "mode": args.mode,
        "sentences": len(sentences),
        "load_s": round(load, 2),
        "translate_s": round(translate_seconds, 2),
        "sentences_per_s": round(len(sentences) / translate_seconds, 3),
        "tokens_per_s": round(tokens / translate_seconds, 1),
        "output_tokens": tokens,
        "peak_rss_mb": round(peak_rss_mb(), 1),
    }


def peak_rss_mb() -> float:
    """This process's peak resident memory (VmHWM; ru_maxrss would include the parent's
    pages held at fork time, as Linux keeps the larger of the two across exec)."""
    status = Path("/proc/self/status")
    if status.is_file():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _naive(args: argparse.Namespace, sentences: list[str]) -> tuple[float, list[int]]:
    import torch
    import transformers
    from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

    started = time.perf_counter()
    tokenizer = AutoTokenizer.from_pretrained(args.model)
    model = AutoModelForSeq2SeqLM.from_pretrained(args.model).to(args.device).eval()
    generate = {"min_new_tokens": args.output_tokens, "max_new_tokens": args.output_tokens,
                "num_beams": args.beam}  # fmt: skip
    translator = None
    try:
        translator = transformers.pipeline(
            "translation", model=model, tokenizer=tokenizer, device=args.device
        )
    except (KeyError, ValueError):  # transformers 5 has no translation pipeline
        translator = None
    load = time.perf_counter() - started
    counts: list[int] = []
    for sentence in sentences:
        if translator is not None:
            out = translator(sentence, **generate)
            counts.append(len(tokenizer(out[0]["translation_text"]).input_ids))
            continue
        with torch.inference_mode():
            encoded = tokenizer(sentence, return_tensors="pt").to(args.device)
            generated = model.generate(**encoded, **generate)
            tokenizer.decode(generated[0], skip_special_tokens=True)
            counts.append(int(generated.shape[1]) - 1)
    return load, counts


def _engine(args: argparse.Namespace, sentences: list[str]) -> tuple[float, list[int]]:
    from translate.engines.base import DecodeOptions, open_engine
    from translate.models import resolve_model
    from translate.pipeline import batch_size_for, length_sorted_batches

    started = time.perf_counter()
    ref = resolve_model(args.model)
    engine_name = "ctranslate2" if args.mode == "ctranslate2" else "transformers"
    engine = open_engine(ref, engine_name, args.device, args.precision)
    load = time.perf_counter() - started
    options = DecodeOptions(
        beam_size=args.beam, max_new_tokens=args.output_tokens, min_new_tokens=args.output_tokens
    )
    lengths = engine.count_tokens(sentences, "ru", "en")
    counts: list[int] = []
    size = batch_size_for(engine.info, args.beam, args.batch_size)  # as the pipeline does
    for indices in length_sorted_batches(lengths, size, 100_000):
        hyps = engine.translate([sentences[i] for i in indices], "ru", "en", options)
        counts += [len(h.tokens) for h in hyps]
    return load, counts


# -- names ----------------------------------------------------------------------------------


def name_retention(style: str) -> dict[str, Any]:
    """Entity retention on the demo corpus with translit's own name finder (gazetteer).

    Every Kazakh and Russian sentence of ``data/models/demo/corpus.tsv`` is translated by
    the demo model; each name the finder sees in the source is looked for in the output
    (see ``translate.names``). The rate is also given apart for names the finder knows
    (gazetteer) and names it guessed, and, independently of the finder, for the people of
    the corpus templates (``corpus/templates.json``): a sentence naming one counts as kept
    when the output has the person's house-style rendering (``translit.normalize``).
    """
    from collections import Counter

    import translit
    from translate.document import names_summary
    from translate.names import NameLayer, default_finder, default_renderer
    from translate.pipeline import Pipeline, Settings

    finder, renderer = default_finder(), default_renderer()
    if finder is None or renderer is None:
        raise SystemExit("this translit has no name finder")
    demo = ROOT / "data/models/demo"
    lines = (demo / "corpus.tsv").read_text(encoding="utf-8").splitlines()
    sources = [line.split("\t")[1] for line in lines[2:]]
    pipeline = Pipeline(
        Settings(model="demo", use_memory=False),
        names=NameLayer(finder, renderer, style),
        notify=lambda _: None,
    )
    run = pipeline.run(sources)
    names = [(s.source, n) for s in run.sentences for n in s.names]
    statuses = Counter(n.status for _, n in names)
    total = len(names)
    summary = names_summary(run)
    persons = json.loads((demo / "corpus/templates.json").read_text(encoding="utf-8"))["persons"]
    gold_total = gold_kept = 0
    for source, output in zip(sources, run.outputs, strict=True):
        for person in persons:
            for lang in ("kk", "ru"):
                if person[lang] in source:
                    gold_total += 1
                    gold_kept += str(translit.normalize(person[lang], style)) in output
    return {
        "style": style,
        "sentences": len(sources),
        "names": total,
        "found_in_model_output": sum(n.found_in_output for _, n in names),
        "retained_after_repair": sum(n.retained for _, n in names),
        "retention_rate": summary["retention_rate"],
        "retention_rate_known": summary["retention_rate_known"],
        "retention_rate_guessed": summary["retention_rate_guessed"],
        "known_names": summary["known"],
        "words_dropped_from_names": summary["words_dropped_from_names"],
        "template_people": gold_total,
        "template_people_kept": gold_kept,
        "by_status": dict(sorted(statuses.items())),
        "examples": [
            {"sentence": sentence, "name": n.source, "rendering": n.rendering,
             "status": n.status, "model_wrote": n.found, "dropped": n.dropped}
            for sentence, n in names
            if n.status not in ("kept", "restyled") or n.dropped
        ][:16],
    }  # fmt: skip


# -- driver ---------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mode", choices=["naive", "transformers", "ctranslate2"])
    parser.add_argument("--model", help=argparse.SUPPRESS)
    parser.add_argument("--precision", help=argparse.SUPPRESS)
    parser.add_argument("--sentences", type=int, default=500)
    parser.add_argument("--output-tokens", type=int, default=20)
    parser.add_argument("--beam", type=int, default=4)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--device", default="cpu", choices=["cpu", "cuda"])
    parser.add_argument("--workdir", type=Path, default=ROOT / "bench" / "out" / "translate")
    parser.add_argument("--skip", action="append", default=[], help="mode to skip")
    parser.add_argument(
        "--repeat",
        type=int,
        default=3,
        help="runs of each engine mode, the fastest kept (the naive loop runs once)",
    )
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument(
        "--names", metavar="STYLE", help="measure name retention on the demo corpus instead"
    )
    args = parser.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    if args.names is not None:
        print(json.dumps(name_retention(args.names), ensure_ascii=False, indent=1))
        return 0
    if args.mode is not None:
        print(json.dumps(run_mode(args)))
        return 0

    args.workdir.mkdir(parents=True, exist_ok=True)
    print("building the transformer-big Marian model (random weights) ...", file=sys.stderr)
    model_dir = build_model(args.workdir)
    gpu = args.device == "cuda"
    ct2_precision = "float16" if gpu else "int8"
    torch_precision = "float16" if gpu else "float32"
    print(f"converting to CTranslate2 {ct2_precision} ...", file=sys.stderr)
    ct2_dir = convert(model_dir, ct2_precision)
    plans = [
        ("naive", model_dir, torch_precision),
        ("transformers", model_dir, torch_precision),
        ("ctranslate2", ct2_dir, ct2_precision),
    ]
    results: dict[str, dict[str, Any]] = {}
    for mode, path, precision in plans:
        if mode in args.skip:
            continue
        runs = 1 if mode == "naive" else max(1, args.repeat)
        for run in range(runs):
            print(f"running {mode} ({run + 1}/{runs}) ...", file=sys.stderr)
            command = [
                sys.executable, __file__, "--mode", mode, "--model", str(path),
                "--precision", precision, "--sentences", str(args.sentences),
                "--output-tokens", str(args.output_tokens), "--beam", str(args.beam),
                "--batch-size", str(args.batch_size), "--device", args.device,
            ]  # fmt: skip
            done = subprocess.run(command, capture_output=True, text=True, check=False)
            if done.returncode != 0:
                print(done.stderr, file=sys.stderr)
                return done.returncode
            result = json.loads(done.stdout.strip().splitlines()[-1])
            result["precision"] = precision
            result["runs"] = runs
            best = results.get(mode)
            if best is None or result["sentences_per_s"] > best["sentences_per_s"]:
                results[mode] = result
    report(results, args)
    if args.json is not None:
        args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    return 0


def report(results: dict[str, dict[str, Any]], args: argparse.Namespace) -> None:
    from translate.pipeline import CT2_CPU_HYPOTHESES

    print(
        f"fastest of {args.repeat} runs for the engines, one run for the naive loop; "
        f"{args.sentences} sentences, {args.output_tokens} output tokens each, beam "
        f"{args.beam}, batch {args.batch_size} (CTranslate2 on CPU: at most "
        f"{CT2_CPU_HYPOTHESES // args.beam}), device {args.device}, {os.cpu_count()} CPU cores, "
        f"load average {os.getloadavg()[0]:.2f}"
    )
    print(
        f"{'mode':<14}{'precision':<10}{'sent/s':>9}{'tokens/s':>10}{'load s':>8}{'peak RSS':>11}"
    )
    for mode, r in results.items():
        print(
            f"{mode:<14}{r['precision']:<10}{r['sentences_per_s']:>9.2f}{r['tokens_per_s']:>10.1f}"
            f"{r['load_s']:>8.1f}{r['peak_rss_mb']:>8.0f} MB"
        )
    a, b, c = (results.get(m) for m in ("naive", "transformers", "ctranslate2"))
    if a and b:
        ratio = b["sentences_per_s"] / a["sentences_per_s"]
        print(f"(b)/(a) speed: {ratio:.2f}x  (goal >= 3x: {'met' if ratio >= 3 else 'NOT met'})")
    if b and c:
        ratio = c["sentences_per_s"] / b["sentences_per_s"]
        memory = c["peak_rss_mb"] / b["peak_rss_mb"]
        print(f"(c)/(b) speed: {ratio:.2f}x  (goal >= 4x: {'met' if ratio >= 4 else 'NOT met'})")
        print(
            f"(c)/(b) peak memory: {memory:.2f}  "
            f"(goal <= 0.33: {'met' if memory <= 1 / 3 else 'NOT met'})"
        )


if __name__ == "__main__":
    raise SystemExit(main())
