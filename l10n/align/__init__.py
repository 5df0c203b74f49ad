"""Sentence alignment of a Chinese article with its English translation. Pure: no I/O.

`align(source, target, glossary)` takes both sides as paragraphs of sentences and
returns beads: runs of source segments paired with runs of English sentences (1-1,
1-2, 2-1, 2-2, 1-3, 3-1, or 1-0 / 0-1 for what one side lacks), every unit once and
in order, each with a score in [0, 1]. Paragraph breaks are part of the cost (a pair
should end a paragraph on both sides or on neither), so paragraphs are aligned where
the blank-line structure agrees and a merged or split paragraph costs one mismatch.
A draft machine translation of the source could add a similarity cost per bead
(Bleualign's idea); `costs` is where it would go.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np

from .anchors import draft_keys, shared, source_keys, target_keys
from .costs import BEADS, RATIO, SKIP_OPTIONAL, chinese_length, document_ratio, paired_ratio
from .dp import Problem, Step, solve, total

LOW = 0.5  # beads scored below this are listed for a person to check
_SCALE = 9.0  # a bead costing c nats beyond its type's own scores exp(-c / 9)
# A translation of another text: its numbers and names are not the source's (of 16 pairings
# of the gold articles, translations share 82–100 % of their source's, others 8–33 %), its
# length is not a translation's, or its pairs cost far more than a translation's.
MIN_AGREEMENT, AGREEMENT_KEYS = 0.5, 4
RATIO_BOUNDS = (1.5, 12.0)
FOREIGN_COST = 6.0
_PASSES = 3  # alignments at most after the first, each with the ratio of the one before
# The ratio search starts at the ratio of the whole texts and, when that is more than 15 %
# off the calibrated RATIO (an untranslated stretch lowers it), at RATIO too; the cheaper
# path wins.


@dataclass(frozen=True)
class Bead:
    source: tuple[int, ...]  # indices into the source units
    target: tuple[int, ...]  # indices into the target units
    score: float

    @property
    def low(self) -> bool:
        return self.score < LOW


@dataclass(frozen=True)
class Alignment:
    source: tuple[str, ...]
    target: tuple[str, ...]
    beads: tuple[Bead, ...]
    mean_cost: float  # per bead pairing both sides, beyond the bead type's own cost
    ratio: float  # English characters per Chinese one, over the whole texts
    anchors: tuple[int, int]  # the source's numbers and names: found in the target, all

    def foreign(self) -> str | None:
        """Why the translation plainly belongs to another text, or None."""
        found, total = self.anchors
        if total >= AGREEMENT_KEYS and found < MIN_AGREEMENT * total:
            return f"it has {found} of the source's {total} numbers and Latin-script names"
        low, high = RATIO_BOUNDS
        if not low <= self.ratio <= high:
            return f"it has {self.ratio:.1f} English characters per Chinese one"
        if self.mean_cost > FOREIGN_COST:
            return f"its sentences pair badly (mean cost {self.mean_cost:.1f})"
        return None

    def texts(self, bead: Bead) -> tuple[list[str], list[str]]:
        return [self.source[i] for i in bead.source], [self.target[j] for j in bead.target]


def _breaks(paragraphs: Sequence[Sequence[str]]) -> np.ndarray:
    flags = [True]
    for paragraph in paragraphs:
        flags.extend([False] * (len(paragraph) - 1) + [True] if paragraph else [])
    return np.array(flags, dtype=bool)


def align(
    source: Sequence[Sequence[str]],
    target: Sequence[Sequence[str]],
    glossary: Mapping[str, str] | None = None,
    optional: Sequence[bool] = (),
    drafts: Sequence[str] = (),
) -> Alignment:
    """Align source paragraphs of segments with target paragraphs of sentences.
    `optional` marks the source segments (in order) that translators often leave out:
    meta lines, bylines, credits. `drafts`, when given, are machine translations of the
    source segments (in order): the content words a draft shares with a sentence are
    anchors too."""
    glossary = glossary or {}
    sources = tuple(s for paragraph in source for s in paragraph)
    targets = tuple(t for paragraph in target for t in paragraph)
    renderings = sorted({r.lower() for t, r in glossary.items() if any(t in s for s in sources)})
    all_source = [source_keys(s, glossary) for s in sources]
    for bag, draft in zip(all_source, drafts, strict=False):
        bag.update(draft_keys(draft))
    all_target = [target_keys(t, renderings, bool(drafts)) for t in targets]
    source_bags, target_bags = shared(all_source, all_target)
    source_lengths = np.array([chinese_length(s) for s in sources], dtype=float)
    target_lengths = np.array([len(t) for t in targets], dtype=float)
    problem = Problem(
        source_lengths,
        target_lengths,
        _breaks(source),
        _breaks(target),
        source_bags,
        target_bags,
        RATIO,  # replaced by each start of the ratio search
        np.array([SKIP_OPTIONAL if flag else BEADS[(1, 0)] for flag in _padded(optional, sources)]),
    )
    whole = document_ratio(source_lengths.sum(), target_lengths.sum())
    starts = {RATIO, whole} if abs(whole - RATIO) > 0.15 * RATIO else {whole}
    steps = min((_refined(replace(problem, ratio=r)) for r in starts), key=lambda p: p[0])[1]
    beads, i, j, pair_costs = [], 0, 0, []
    for step in steps:
        beads.append(
            Bead(
                tuple(range(i, i + step.source)),
                tuple(range(j, j + step.target)),
                round(math.exp(-max(step.cost, 0.0) / _SCALE), 3),
            )
        )
        if step.source and step.target:
            pair_costs.append(step.cost)
        i, j = i + step.source, j + step.target
    mean = sum(pair_costs) / len(pair_costs) if pair_costs else math.inf
    ratio = target_lengths.sum() / max(source_lengths.sum(), 1.0)
    return Alignment(
        sources, targets, tuple(beads), mean, ratio, _agreement(all_source, all_target)
    )


def _refined(problem: Problem) -> tuple[float, list[Step]]:
    """The path at the problem's ratio, then at the translator's own ratio over the pairs
    found while it differs by more than 15 %; with its whole cost."""
    steps = solve(problem)
    for _ in range(_PASSES):
        paired = paired_ratio(steps, problem.source_lengths, problem.target_lengths)
        if abs(paired - problem.ratio) <= 0.15 * problem.ratio:
            break
        problem = replace(problem, ratio=paired)
        steps = solve(problem)
    return total(problem, steps), steps


def _padded(flags: Sequence[bool], units: Sequence[str]) -> list[bool]:
    return [k < len(flags) and bool(flags[k]) for k in range(len(units))]


def _agreement(sources, targets) -> tuple[int, int]:
    """How many of the source's number and Latin-name keys the target has, of how many."""
    wanted = {k for bag in sources for k in bag if k[:2] in ("n:", "l:")}
    return len(wanted & {k for bag in targets for k in bag}), len(wanted)
