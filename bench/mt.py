"""Machine translation throughput: our engine vs the way argostranslate 1.11 calls CTranslate2.

Same model (the real shape of the Argos zh→en package: Transformer-base, 6+6
layers, d_model 512, 8 heads, FFN 2048, 65,001-token shared vocabulary, int8,
random weights), same segments (the seed's), same fixed max_decoding_length,
same run. argostranslate's way: one `translate_batch` per paragraph with
`max_batch_size=32` tokens and beam 4. Ours: every segment in one call.
Each mode runs in its own process so that its peak memory can be reported.

Usage: python bench/mt.py [--max-decoding-length 128]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from l10n.mt import MTSettings  # noqa: E402
from l10n.mt.argos import ArgosEngine  # noqa: E402
from l10n.mt.packages import install_file  # noqa: E402
from l10n.mt.synthetic import TRANSFORMER_BASE, build_package  # noqa: E402
from l10n.segment import parse  # noqa: E402
from l10n.settings import load  # noqa: E402

SEED = ROOT / "seeds" / "sichuan-police-conference-2020.txt"


def paragraphs() -> list[list[str]]:
    document = parse(SEED.read_text(encoding="utf-8"), "seed", load(ROOT).rules)
    return [
        [s.text for s in b.segments] for b in document.blocks if b.kind.extracted and b.segments
    ]


def run_mode(package_dir: Path, mode: str, max_length: int) -> dict:
    from l10n.mt.packages import read_package

    package = read_package(package_dir)
    beam = 1 if mode == "draft" else 4
    engine = ArgosEngine(package, MTSettings(beam_size=beam, max_decoding_length=max_length), "t2s")
    translator, _ = engine._load()
    groups = paragraphs()
    if mode == "argostranslate":
        import ctranslate2

        # argostranslate 1.11's Translator: inter_threads 1, intra_threads 0 (its defaults)
        del translator
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
        tokens = engine.tokenize(texts)
        results = translator.translate_batch(
            tokens,
            max_batch_size=engine.mt.max_batch_size,
            batch_type=engine.mt.batch_type,
            beam_size=beam,
            max_decoding_length=max_length,
            replace_unknowns=True,
        )
        generated = sum(len(r.hypotheses[0]) for r in results)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"mode": mode, "seconds": seconds, "tokens": generated, "peak_mb": peak}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-decoding-length", type=int, default=128)
    parser.add_argument("--mode", help=argparse.SUPPRESS)
    parser.add_argument("--package", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.mode:
        print(json.dumps(run_mode(Path(args.package), args.mode, args.max_decoding_length)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        archive = build_package(
            Path(tmp) / "base.argosmodel",
            SEED.read_text(encoding="utf-8"),
            shape=TRANSFORMER_BASE,
            vocabulary_size=TRANSFORMER_BASE.vocab_size,
        )
        package = install_file(archive, Path(tmp) / "packages")
        print(
            f"model: Transformer-base shape, 65,001 vocabulary, int8, "
            f"{package.size() / 1e6:.0f} MB; max_decoding_length {args.max_decoding_length}"
        )
        rows = {}
        for mode in ("argostranslate", "ours", "draft"):
            out = subprocess.run(
                [
                    sys.executable,
                    __file__,
                    "--mode",
                    mode,
                    "--package",
                    str(package.path),
                    "--max-decoding-length",
                    str(args.max_decoding_length),
                ],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            rows[mode] = json.loads(out)
    base = rows["argostranslate"]["tokens"] / rows["argostranslate"]["seconds"]
    for mode, row in rows.items():
        rate = row["tokens"] / row["seconds"]
        print(
            f"{mode:<15} {row['tokens']:>6} tokens {row['seconds']:>7.2f} s "
            f"{rate:>8.0f} tokens/s  x{rate / base:5.1f}  peak {row['peak_mb']:.0f} MB"
        )


if __name__ == "__main__":
    main()
