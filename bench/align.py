"""`l10n.align` on long documents: wall time for 1,000, 10,000 and 100,000 source segments,
and how it grows.

The document is the four gold articles of `tests/data/align/` repeated until it has N
source segments, with their English translations (1-2, 2-1, 1-0 and 0-1 beads
included, paragraph structure kept), each copy's numbers changed so that no two copies
look alike to the anchors. Times `align` (splitting done beforehand), best of three
below 100,000 segments; checks the result against the repeated gold beads.
"""

from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from l10n.align import align  # noqa: E402
from l10n.align.english import paragraphs  # noqa: E402
from l10n.align.scoring import indexed, score  # noqa: E402
from l10n.segment import parse  # noqa: E402
from l10n.settings import load  # noqa: E402
from l10n.stages.align import source_units  # noqa: E402

GOLD = ROOT / "tests" / "data" / "align"


def articles():
    rules = load(ROOT).rules
    found = []
    for folder in sorted(GOLD.iterdir()):
        document = parse((folder / "source.txt").read_text("utf-8"), folder.name, rules)
        source, optional = source_units(document)
        target = paragraphs((folder / "translation.txt").read_text("utf-8"))
        beads = json.loads((folder / "gold.json").read_text("utf-8"))["beads"]
        found.append((source, optional, target, [(b["source"], b["target"]) for b in beads]))
    return found


def _renumber(text: str, copy: int) -> str:
    return re.sub(r"\d+", lambda m: str(int(m.group()) + copy), text)


def document(size: int):
    source, optional, target, beads, copy = [], [], [], [], 0
    pieces = articles()
    while sum(map(len, source)) < size:
        for paragraphs_of, flags, english, gold in pieces:
            source += [[_renumber(s, copy) for s in p] for p in paragraphs_of]
            target += [[_renumber(t, copy) for t in p] for p in english]
            optional += flags
            beads += gold
        copy += 1
    return source, optional, target, beads


def main() -> None:
    print(f"{'segments':>9} {'sentences':>9} {'seconds':>8} {'µs/segment':>10} {'strict F1':>9}")
    for size in (1_000, 10_000, 100_000):
        source, optional, target, beads = document(size)
        runs = []
        for _ in range(3 if size < 100_000 else 1):
            start = time.perf_counter()
            alignment = align(source, target, {}, optional)
            runs.append(time.perf_counter() - start)
        n, m = sum(map(len, source)), sum(map(len, target))
        found = [(b.source, b.target) for b in alignment.beads]
        f1 = score([(indexed(beads), found)]).f1_strict
        best = min(runs)
        print(f"{n:>9,} {m:>9,} {best:>8.2f} {best / n * 1e6:>10.1f} {f1:>9.3f}")


if __name__ == "__main__":
    main()
