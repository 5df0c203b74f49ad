"""Machine translation throughput: our engine vs the way argostranslate 1.11 calls CTranslate2.

Same model (the real shape of the Argos zh→en package: Transformer-base, 6+6
layers, d_model 512, 8 heads, FFN 2048, 65,001-token shared vocabulary, int8,
random weights), same segments (the seed's), same fixed max_decoding_length,
same run. argostranslate's way: one `translate_batch` per paragraph with
`max_batch_size=32` tokens and beam 4. Ours: every segment in one call, through
the engine's own decoding step with its default settings (beam 4, or beam 1 for
draft, each with its own batching).
Each mode runs in its own process so that its peak memory can be reported.

Random weights never emit `</s>`, so every segment decodes exactly
max_decoding_length tokens. The ratio depends on that length (CTranslate2's
beam search copies the whole decoder cache at every step, so our cost per
token grows with the length while argostranslate's stays flat), so the
benchmark runs at several lengths and prints the lengths of the committed
reference translations beside them.

Each mode runs --repeat times, interleaved with the others; the table gives the
median time, the range, the ratio of median throughputs, and the rate of multiply-adds
(the work a mode must do, counted from the model's shape: see `multiply_adds`). A second
table splits our runs into phases (medians): loading the model (outside the timed run),
tokenizing, encoding (a pass of one decoding step, run after the timed one) and the
decoding steps (the rest), with the CPU seconds of the timed run. A last table gives the
ceiling of each ratio on this machine: the time our work would take at the rate of the
encoding pass, whose large matrix products are the fastest this CPU runs.

`--device cuda` runs every mode on the first CUDA GPU (ours with its default GPU
compute type, argostranslate's way with "auto"); without one it stops with one line.

Usage: python bench/mt.py [--lengths 32,64,128] [--repeat 3] [--device cpu|cuda]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from l10n.mt.argos import ArgosSettings  # noqa: E402
from l10n.mt.argos.engine import ArgosEngine  # noqa: E402
from l10n.mt.argos.packages import install_file  # noqa: E402
from l10n.segment import parse  # noqa: E402
from l10n.settings import load  # noqa: E402
from tests.synthetic import TRANSFORMER_BASE, build_package  # noqa: E402

SEED = ROOT / "seeds" / "sichuan-police-conference-2020.txt"
MODES = ("argostranslate", "ours", "draft")


def paragraphs() -> list[list[str]]:
    document = parse(SEED.read_text(encoding="utf-8"), "seed", load(ROOT).rules)
    return [
        [s.text for s in b.segments] for b in document.blocks if b.kind.extracted and b.segments
    ]


def run_mode(package_dir: Path, mode: str, max_length: int, device: str) -> dict:
    from l10n.mt.argos.packages import read_package

    package = read_package(package_dir)
    beam = 1 if mode == "draft" else 4
    settings = ArgosSettings(beam_size=beam, max_decoding_length=max_length, device=device)
    engine = ArgosEngine(package, settings, "t2s")
    groups = paragraphs()
    loading = time.perf_counter()
    if mode != "argostranslate":
        engine.translator()
    else:
        import ctranslate2

        # argostranslate 1.11's Translator: inter_threads 1, intra_threads 0 (its defaults)
        translator = ctranslate2.Translator(
            str(package.model),
            device=device,
            compute_type="int8" if device == "cpu" else "auto",
            inter_threads=1,
            intra_threads=0,
        )
    phases = {"load": time.perf_counter() - loading}
    start, cpu = time.perf_counter(), time.process_time()
    if mode == "argostranslate":
        generated = sources = 0
        for group in groups:
            tokens = engine.tokenize(group)
            sources += sum(map(len, tokens))
            results = translator.translate_batch(
                tokens,
                replace_unknowns=True,
                max_batch_size=32,
                batch_type="tokens",
                beam_size=4,
                num_hypotheses=1,
                length_penalty=0.2,
                return_scores=True,
                max_decoding_length=max_length,
            )
            generated += sum(len(r.hypotheses[0]) for r in results)
    else:
        texts = [t for group in groups for t in group]
        tokens = engine.tokenize(texts)
        sources = sum(map(len, tokens))
        phases["tokenize"] = time.perf_counter() - start
        generated = sum(map(len, engine.decode(tokens, [max_length] * len(texts))))
    seconds = time.perf_counter() - start
    phases["cpu"] = time.process_time() - cpu
    if mode != "argostranslate":
        encoding = time.perf_counter()
        engine.decode(tokens, [1] * len(texts))
        phases["encode"] = time.perf_counter() - encoding
        phases["steps"] = seconds - phases["tokenize"] - phases["encode"]
        phases["encode_gmac"] = multiply_adds(sources, len(texts), beam)
    return {
        "mode": mode,
        "seconds": seconds,
        "tokens": generated,
        "gmac": multiply_adds(sources, generated, beam),
        "peak_mb": peak_mb(),
        "phases": phases,
    }


def multiply_adds(source_tokens: int, output_tokens: int, beam: int) -> float:
    """The multiply-adds of a run of the Transformer-base shape, in billions: the encoder
    over the source tokens; the cross-attention keys and values of each beam's copy of the
    encoder's output; and at each decoding step of each of the `beam` hypotheses, the
    decoder's layers and the output projection over the whole vocabulary (`output_tokens`
    counts the best hypothesis's tokens; the others of its beam cost as much). Attention
    scores and softmax, a few per cent at these lengths, are left out."""
    d, ffn, shape = TRANSFORMER_BASE.d_model, TRANSFORMER_BASE.ffn, TRANSFORMER_BASE
    encoder = source_tokens * shape.encoder_layers * (4 * d * d + 2 * d * ffn)
    memory = beam * source_tokens * shape.decoder_layers * 2 * d * d
    step = shape.decoder_layers * (6 * d * d + 2 * d * ffn) + d * shape.vocab_size
    return (encoder + memory + beam * output_tokens * step) / 1e9


def peak_mb() -> float:
    """This process's peak resident memory. (Not ru_maxrss: a child process inherits its
    parent's figure through fork, so every mode would report the parent's peak.)"""
    status = Path("/proc/self/status").read_text(encoding="ascii")
    kilobytes = next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:"))
    return int(kilobytes) / 1024


def reference_lengths() -> str:
    """Words per segment in the committed, reviewed English catalog."""
    from l10n.project import catalogs, discover

    settings = load(ROOT)
    words = [
        len(entry.msgstr.split())
        for found in catalogs(discover(settings), settings, required=True)
        for entry in found.catalog or ()
        if entry.msgstr and not entry.obsolete
    ]
    return (
        f"reference translations: {len(words)} segments, words per segment "
        f"median {statistics.median(words):g}, mean {statistics.mean(words):.0f}, "
        f"max {max(words)}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lengths", default="32,64,128", help="max_decoding_length values")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each mode, interleaved")
    parser.add_argument("--device", default="cpu", choices=("cpu", "cuda"))
    parser.add_argument("--mode", help=argparse.SUPPRESS)
    parser.add_argument("--package", help=argparse.SUPPRESS)
    args = parser.parse_args()
    lengths = [int(value) for value in args.lengths.split(",")]
    if args.mode:
        print(json.dumps(run_mode(Path(args.package), args.mode, lengths[0], args.device)))
        return
    if args.device == "cuda":
        import ctranslate2

        if ctranslate2.get_cuda_device_count() == 0:
            print("bench/mt.py: --device cuda: CTranslate2 finds no CUDA GPU here", file=sys.stderr)
            sys.exit(2)
    with tempfile.TemporaryDirectory() as tmp:
        archive = build_package(
            Path(tmp) / "base.argosmodel",
            SEED.read_text(encoding="utf-8"),
            shape=TRANSFORMER_BASE,
            vocabulary_size=TRANSFORMER_BASE.vocab_size,
        )
        package = install_file(archive, Path(tmp) / "packages")
        groups = paragraphs()
        print(
            f"model: Transformer-base shape, 65,001 vocabulary, int8, "
            f"{package.size() / 1e6:.0f} MB; {len(groups)} paragraphs, "
            f"{sum(map(len, groups))} segments"
        )
        print(reference_lengths())
        print(f"device: {args.device}; load average {' '.join(load_average())} before")
        print(
            f"{'length':>6} {'mode':<15} {'tokens':>6} {'median':>9} {'range':>13} "
            f"{'tokens/s':>9} {'ratio':>6} {'GMAC':>6} {'GMAC/s':>6} {'peak':>8}"
        )
        phases = []
        ceilings: dict[int, float] = {}  # length → argostranslate's median seconds
        for length in lengths:
            runs: dict[str, list[dict]] = {mode: [] for mode in MODES}
            for _ in range(args.repeat):  # interleaved, so that drifts in load hit every mode
                for mode in MODES:
                    command = [sys.executable, __file__, "--mode", mode]
                    command += ["--package", str(package.path), "--lengths", str(length)]
                    command += ["--device", args.device]
                    out = subprocess.run(command, check=True, capture_output=True, text=True)
                    runs[mode].append(json.loads(out.stdout))
            rates = {
                mode: statistics.median(r["tokens"] / r["seconds"] for r in rows)
                for mode, rows in runs.items()
            }
            for mode, rows in runs.items():
                seconds = [r["seconds"] for r in rows]
                spread = f"{min(seconds):.2f}–{max(seconds):.2f} s"
                print(
                    f"{length:>6} {mode:<15} {rows[0]['tokens']:>6} "
                    f"{statistics.median(seconds):>7.2f} s {spread:>13} {rates[mode]:>9.0f} "
                    f"{rates[mode] / rates['argostranslate']:>5.1f}x "
                    f"{rows[0]['gmac']:>6.0f} {rows[0]['gmac'] / statistics.median(seconds):>6.0f} "
                    f"{max(r['peak_mb'] for r in rows):>5.0f} MB"
                )
            phases.extend((length, mode, rows) for mode, rows in runs.items() if mode != MODES[0])
            ceilings[length] = statistics.median(r["seconds"] for r in runs[MODES[0]])
        print_phases(phases)
        print_ceilings(phases, ceilings)
        print(f"load average {' '.join(load_average())} after")


def print_phases(phases: list[tuple[int, str, list[dict]]]) -> None:
    """Where our time goes, medians in seconds (the steps per decoding step in ms)."""
    print(
        f"{'length':>6} {'mode':<6} {'load':>6} {'tokenize':>8} {'encode':>7} "
        f"{'steps':>7} {'ms/step':>7} {'wall':>7} {'cpu':>7}"
    )
    for length, mode, rows in phases:
        median = {
            key: statistics.median(r["phases"][key] for r in rows) for key in rows[0]["phases"]
        }
        wall = statistics.median(r["seconds"] for r in rows)
        print(
            f"{length:>6} {mode:<6} {median['load']:>6.2f} {median['tokenize']:>8.2f} "
            f"{median['encode']:>7.2f} {median['steps']:>7.2f} "
            f"{1000 * median['steps'] / max(length - 1, 1):>7.1f} {wall:>7.2f} "
            f"{median['cpu']:>7.2f}"
        )


def print_ceilings(phases: list[tuple[int, str, list[dict]]], argos: dict[int, float]) -> None:
    """The best ratio our work allows here: its multiply-adds at the best rate of any
    encoding pass at that length (the largest matrix products of a run, the fastest this
    CPU does them; padding, not counted, only lowers that rate)."""
    best: dict[int, float] = {}
    for length, _, rows in phases:
        for r in rows:
            rate = r["phases"]["encode_gmac"] / r["phases"]["encode"]
            best[length] = max(best.get(length, 0.0), rate)
    print(f"{'length':>6} {'mode':<6} {'GMAC':>6} {'at GMAC/s':>9} {'floor':>7} {'ceiling':>7}")
    for length, mode, rows in phases:
        floor = rows[0]["gmac"] / best[length]
        print(
            f"{length:>6} {mode:<6} {rows[0]['gmac']:>6.0f} {best[length]:>9.0f} "
            f"{floor:>5.2f} s {argos[length] / floor:>6.1f}x"
        )


def load_average() -> list[str]:
    return Path("/proc/loadavg").read_text(encoding="ascii").split()[:3]


if __name__ == "__main__":
    main()
