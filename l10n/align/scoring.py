"""Strict and lax F1 of an alignment against a gold one, as Bertalign's evaluation (and
Vecalign's before it) defines them.

A bead is a pair of index tuples. Precision is over the test beads (1-0 and 0-1
included) against all gold beads; recall is the same count with the roles swapped and
1-0 / 0-1 beads left out of both. Strict: a bead counts when the other side has exactly
it. Lax: it also counts when it shares a source unit and a target unit with the other
side's pairings (its sources' gold targets meet its targets). Counts add up over
documents before the ratios are taken.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

Beads = Sequence[tuple[tuple[int, ...], tuple[int, ...]]]


@dataclass(frozen=True)
class Counts:
    strict: int = 0
    strict_wrong: int = 0
    lax: int = 0
    lax_wrong: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.strict + other.strict,
            self.strict_wrong + other.strict_wrong,
            self.lax + other.lax,
            self.lax_wrong + other.lax_wrong,
        )


@dataclass(frozen=True)
class Scores:
    precision_strict: float
    recall_strict: float
    f1_strict: float
    precision_lax: float
    recall_lax: float
    f1_lax: float


def _counts(reference: Beads, tested: Beads) -> Counts:
    """How many `tested` beads `reference` has (strict), or overlaps on both sides (lax)."""
    wanted = {(tuple(s), tuple(t)) for s, t in reference if s or t}
    targets_of: dict[int, set[int]] = {}
    for sources, targets in wanted:
        for i in sources:
            targets_of.setdefault(i, set()).update(targets)
    counts = Counts()
    for bead in {(tuple(s), tuple(t)) for s, t in tested if s or t}:
        if bead in wanted:
            counts += Counts(strict=1, lax=1)
        elif any(j in targets_of.get(i, ()) for i in bead[0] for j in bead[1]):
            counts += Counts(strict_wrong=1, lax=1)
        else:
            counts += Counts(strict_wrong=1, lax_wrong=1)
    return counts


def _ratio(right: int, wrong: int) -> float:
    return right / (right + wrong) if right + wrong else 0.0


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def score(pairs: Iterable[tuple[Beads, Beads]]) -> Scores:
    """Scores of (gold, test) alignments taken together."""
    p, r = Counts(), Counts()
    for gold, test in pairs:
        p += _counts(gold, test)
        r += _counts([b for b in test if b[0] and b[1]], [b for b in gold if b[0] and b[1]])
    ps, rs = _ratio(p.strict, p.strict_wrong), _ratio(r.strict, r.strict_wrong)
    pl, rl = _ratio(p.lax, p.lax_wrong), _ratio(r.lax, r.lax_wrong)
    return Scores(ps, rs, _f1(ps, rs), pl, rl, _f1(pl, rl))


def indexed(beads: Iterable[tuple[Sequence[str], Sequence[str]]]) -> Beads:
    """Beads given by their texts (every unit once, in order) as index tuples."""
    found, i, j = [], 0, 0
    for sources, targets in beads:
        found.append((tuple(range(i, i + len(sources))), tuple(range(j, j + len(targets)))))
        i, j = i + len(sources), j + len(targets)
    return found
