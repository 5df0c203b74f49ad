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
median time, the range, and the ratio of median throughputs.

Usage: python bench/mt.py [--lengths 32,64,128] [--repeat 3]
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


def run_mode(package_dir: Path, mode: str, max_length: int) -> dict:
    from l10n.mt.argos.packages import read_package

    package = read_package(package_dir)
    beam = 1 if mode == "draft" else 4
    engine = ArgosEngine(
        package, ArgosSettings(beam_size=beam, max_decoding_length=max_length), "t2s"
    )
    groups = paragraphs()
    if mode != "argostranslate":
        translator = engine.translator()
    else:
        import ctranslate2

        # argostranslate 1.11's Translator: inter_threads 1, intra_threads 0 (its defaults)
        translator = ctranslate2.Translator(
            str(package.model),
            device="cpu",
            compute_type="int8",
            inter_threads=1,
            intra_threads=0,
        )
    start = time.perf_counter()
    if mode == "argostranslate":
        generated = 0
        for group in groups:
            tokens = engine.tokenize(group)
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
        generated = sum(map(len, engine.decode(engine.tokenize(texts), [max_length] * len(texts))))
    seconds = time.perf_counter() - start
    return {"mode": mode, "seconds": seconds, "tokens": generated, "peak_mb": peak_mb()}


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
    parser.add_argument("--mode", help=argparse.SUPPRESS)
    parser.add_argument("--package", help=argparse.SUPPRESS)
    args = parser.parse_args()
    lengths = [int(value) for value in args.lengths.split(",")]
    if args.mode:
        print(json.dumps(run_mode(Path(args.package), args.mode, lengths[0])))
        return
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
        print(
            f"{'length':>6} {'mode':<15} {'tokens':>6} {'median':>9} {'range':>13} "
            f"{'tokens/s':>9} {'ratio':>6} {'peak':>8}"
        )
        for length in lengths:
            runs: dict[str, list[dict]] = {mode: [] for mode in MODES}
            for _ in range(args.repeat):  # interleaved, so that drifts in load hit every mode
                for mode in MODES:
                    command = [sys.executable, __file__, "--mode", mode]
                    command += ["--package", str(package.path), "--lengths", str(length)]
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
                    f"{max(r['peak_mb'] for r in rows):>5.0f} MB"
                )


if __name__ == "__main__":
    main()
