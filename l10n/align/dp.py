"""The banded dynamic programme: the cheapest sequence of beads over two lists of units.

Cells (i, j) mean "the first i source units and the first j target units are aligned".
Only a band of 2w+1 target positions per source position is computed, centred on the
diagonal the texts' lengths give, so time and memory grow with the document's length
times w. When the best path comes near the band's edge, the band is moved to follow that
path and the programme run again (twice at most), then doubled. Costs are computed for a
block of rows at a time with array operations; the rows themselves are then one slice
and one minimum per bead type.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from .anchors import weight
from .costs import BEADS, END_MISMATCH, INSIDE_BREAK, length_cost

_KINDS = tuple(BEADS)  # bead types in a fixed order; the backpointers index it
_INSERT = _KINDS.index((0, 1))
_BLOCK = 2048  # rows whose costs are computed at once
RECENTRE = 2  # times a band is moved onto the path found before it is made wider


@dataclass(frozen=True)
class Problem:
    """Two lists of units to align: lengths, paragraph breaks and anchor bags.
    `*_breaks[p]` says whether a paragraph starts at unit p (p = 0 and p = len: True)."""

    source_lengths: np.ndarray
    target_lengths: np.ndarray
    source_breaks: np.ndarray
    target_breaks: np.ndarray
    source_bags: Sequence[Mapping[str, int]]
    target_bags: Sequence[Mapping[str, int]]
    ratio: float  # English characters per Chinese one (`costs.document_ratio`)
    source_skip: np.ndarray  # the cost of leaving each source unit untranslated (1-0)


@dataclass(frozen=True)
class Step:
    source: int  # source units in the bead
    target: int  # target units in the bead
    cost: float  # the bead's cost beyond its type's own (length, anchors, breaks)


def total(problem: Problem, path: Sequence[Step]) -> float:
    """The whole cost of a path, bead types' own costs included."""
    found, i = 0.0, 0
    for step in path:
        i += step.source
        own = problem.source_skip[i - 1] if not step.target else BEADS[step.source, step.target]
        found += step.cost + own
    return found


def solve(problem: Problem, width: int = 16) -> list[Step]:
    """The cheapest path of beads from (0, 0) to (n, m), in order."""
    n, m = len(problem.source_lengths), len(problem.target_lengths)
    if n == 0 or m == 0:
        return [Step(1, 0, 0.0)] * n + [Step(0, 1, 0.0)] * m
    tables = _Tables(problem)
    lo, recentred = _band(tables, n, m, width), 0
    while True:
        path, near_edge = _banded(problem, tables, width, lo)
        if path is not None and (not near_edge or width > max(n, m)):
            return path
        if path is not None and recentred < RECENTRE:
            lo, recentred = _following(path, m, width), recentred + 1  # the same band, moved
            continue
        width *= 2  # a band as wide as the texts always holds a path
        lo, recentred = _band(tables, n, m, width), 0


def _following(path: list[Step], m: int, width: int) -> np.ndarray:
    """The first target position of each row's band, centred on a path found before."""
    centre, i, j = [0], 0, 0
    for step in path:
        i, j = i + step.source, j + step.target
        centre += [j] * step.source
        if not step.source:
            centre[-1] = j
    return np.maximum.accumulate((np.array(centre) - width).clip(0, max(m - 2 * width, 0)))


class _Tables:
    """Prefix sums and anchor positions, computed once per problem."""

    def __init__(self, problem: Problem) -> None:
        self.ls = np.concatenate(([0.0], np.cumsum(problem.source_lengths)))
        self.lt = np.concatenate(([0.0], np.cumsum(problem.target_lengths)))
        self.bs = problem.source_breaks.astype(np.int32)
        self.bt = problem.target_breaks.astype(np.int32)
        self.cbs, self.cbt = np.cumsum(self.bs), np.cumsum(self.bt)
        wa = [sum(weight(k) * c for k, c in bag.items()) for bag in problem.source_bags]
        wb = [sum(weight(k) * c for k, c in bag.items()) for bag in problem.target_bags]
        self.pa = np.concatenate(([0.0], np.cumsum(wa)))
        self.pb = np.concatenate(([0.0], np.cumsum(wb)))
        found: dict[str, list[int]] = {}
        self.counts: dict[tuple[str, int], int] = {}
        for j, bag in enumerate(problem.target_bags):
            for key, count in bag.items():
                found.setdefault(key, []).append(j)
                self.counts[key, j] = count
        self.positions = {k: np.array(v, dtype=np.int64) for k, v in found.items()}
        self.anchor_points = _anchor_points(problem, self.positions)


def _band(tables: _Tables, n: int, m: int, width: int) -> np.ndarray:
    """The first target position of each row's band, less `width`: the diagonal the texts'
    lengths give, drawn through the anchor points (`_anchor_points`) where there are some."""
    fs = (tables.ls + np.arange(n + 1)) / (tables.ls[-1] + n)
    ft = (tables.lt + np.arange(m + 1)) / (tables.lt[-1] + m)
    points = tables.anchor_points
    if points:  # between two points, the length diagonal of that stretch
        xs = np.array([0, *(i for i, _ in points), n])
        ys = np.array([0, *(j for _, j in points), m])
        fs = np.interp(fs, fs[xs], ft[ys])
    centre = np.searchsorted(ft, fs).clip(0, m)
    return np.maximum.accumulate((centre - width).clip(0, max(m - 2 * width, 0)))


def _anchor_points(problem: Problem, positions: Mapping[str, np.ndarray]) -> list[tuple[int, int]]:
    """(i, j) cells the path surely passes near: an anchor key found once in the source
    (unit i - 1) and once in the translation (unit j - 1), kept only as the longest chain
    that goes forward on both sides (so a stray match does not bend the band)."""
    seen: dict[str, list[int]] = {}
    for i, bag in enumerate(problem.source_bags):
        for key in bag:
            seen.setdefault(key, []).append(i)
    points = sorted(
        (found[0] + 1, int(positions[key][0]) + 1)
        for key, found in seen.items()
        if len(found) == 1 and key in positions and len(positions[key]) == 1
    )
    return _increasing(points)


def _increasing(points: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest chain of points rising strictly in both coordinates."""
    tails: list[int] = []  # tails[k]: index of the last point of the best chain of k + 1
    before = [-1] * len(points)
    ends: list[int] = []  # the j of each tail, for bisection
    for index, (i, j) in enumerate(points):
        k = bisect_left(ends, j)
        if k and points[tails[k - 1]][0] == i:
            continue  # one point a row
        before[index] = tails[k - 1] if k else -1
        if k == len(tails):
            tails.append(index)
            ends.append(j)
        else:
            tails[k], ends[k] = index, j
    chain, index = [], tails[-1] if tails else -1
    while index >= 0:
        chain.append(points[index])
        index = before[index]
    return chain[::-1]


def _banded(
    problem: Problem, tables: _Tables, width: int, lo: np.ndarray
) -> tuple[list[Step] | None, bool]:
    n, m = len(problem.source_lengths), len(problem.target_lengths)
    size = 2 * width + 1
    best = np.full((n + 1, 3 * size), np.inf)  # a band of inf on either side of each row
    back = np.full((n + 1, size), -1, dtype=np.int8)
    steps = np.arange(size)
    pairs = _pairs(problem, tables, lo, size)
    for first in range(0, n + 1, _BLOCK):
        rows = np.arange(first, min(first + _BLOCK, n + 1))
        costs, insert = _costs(problem, tables, pairs, rows, lo, steps, m)
        for offset, i in enumerate(rows):
            row = np.full(size, np.inf)
            if i == 0:
                row[0] = 0.0
            chosen = np.full(size, -1, dtype=np.int8)
            for kind, (a, b) in enumerate(_KINDS):
                if a == 0 or a > i:
                    continue
                shift = lo[i] - lo[i - a] - b
                if shift <= -size or shift >= size:
                    continue
                candidate = best[i - a, size + shift : 2 * size + shift] + costs[kind][offset]
                better = candidate < row
                row = np.where(better, candidate, row)
                chosen[better] = kind
            row, chosen = _insertions(row, chosen, insert[offset], steps)
            best[i, size : 2 * size] = row
            back[i] = chosen
    return _trace(problem, best, back, lo, n, m, size)


def _insertions(row, chosen, insert, steps):
    """Target units inserted along the row: best[k] = min(row[k], best[k-1] + insert[k])."""
    total = np.concatenate(([0.0], np.cumsum(insert[1:])))
    lowered = row - total
    running = np.minimum.accumulate(lowered)
    origin = np.maximum.accumulate(np.where(lowered == running, steps, -1))
    moved = (origin != steps) & (origin >= 0)
    row = np.where(moved, total + running, row)
    chosen = np.where(moved, np.int8(_INSERT), chosen)
    return row, chosen


def _costs(problem, tables, pairs, rows, lo, steps, m):
    """Each bead type's cost for every cell of the rows' bands, and the insertion costs."""
    js = lo[rows][:, None] + steps[None, :]
    valid = js <= m
    jc = np.minimum(js, m)
    i = rows[:, None]
    shared = _matched(pairs, rows, lo, steps.size)
    costs = []
    for a, b in _KINDS:
        if a == 0:
            costs.append(None)
            continue
        r = np.maximum(i - a, 0)
        start = jc - b
        ok = valid & (start >= 0) & (i >= a)
        sc = np.maximum(start, 0)
        prior = problem.source_skip[np.maximum(i - 1, 0)] if b == 0 else BEADS[(a, b)]
        cost = np.broadcast_to(prior, js.shape).astype(float)
        cost = cost + (tables.pa[i] - tables.pa[r]) + (tables.pb[jc] - tables.pb[sc])
        if b:
            cost = cost + length_cost(
                tables.ls[i] - tables.ls[r], tables.lt[jc] - tables.lt[sc], problem.ratio
            )
            cost = cost + END_MISMATCH * (tables.bs[i] != tables.bt[jc])
            if a > 1:
                cost = cost + INSIDE_BREAK * (tables.cbs[i - 1] - tables.cbs[r])
            if b > 1:
                cost = cost + INSIDE_BREAK * (tables.cbt[jc - 1] - tables.cbt[sc])
        if b:
            both = np.minimum(tables.pa[i] - tables.pa[r], tables.pb[jc] - tables.pb[sc])
            cost = cost - 2 * np.minimum(shared[(a, b)], both)
        costs.append(np.where(ok, cost, np.inf))
    previous = np.maximum(jc - 1, 0)
    insert = BEADS[(0, 1)] + tables.pb[jc] - tables.pb[previous]
    return costs, np.where(valid, insert, 0.0)


def _pairs(problem, tables, lo, size):
    """Every (source unit, target unit, weight) sharing an anchor key, with the target
    within reach of the source's rows' bands, as three arrays ordered by source unit."""
    n = len(problem.source_bags)
    units, targets, weights = [], [], []
    for u, bag in enumerate(problem.source_bags):
        if not bag:
            continue
        first, last = lo[u + 1] - 3, lo[min(u + 3, n)] + size
        for key, count in bag.items():
            where = tables.positions.get(key)
            if where is None:
                continue
            start, end = np.searchsorted(where, (first, last))
            for p in where[start:end]:
                units.append(u)
                targets.append(p)
                weights.append(weight(key) * min(count, tables.counts[key, p]))
    return np.array(units, dtype=np.int64), np.array(targets, dtype=np.int64), np.array(weights)


def _matched(pairs, rows, lo, size):
    """(a, b) → the weighted anchor keys that the a source units before each row and each
    cell's b target units before it share: the sum over pairs of units, which counts a key
    once per pair (the caller caps it at either side's total)."""
    matched = {kind: np.zeros((len(rows), size)) for kind in _KINDS if kind[0] and kind[1]}
    units, targets, weights = pairs
    first, last = np.searchsorted(units, (rows[0] - 3, rows[-1]))
    units, targets, weights = units[first:last], targets[first:last], weights[first:last]
    for di in (1, 2, 3):
        i = units + di
        for dj in (1, 2, 3):
            k = targets + dj - lo[np.minimum(i, len(lo) - 1)]
            ok = (i >= rows[0]) & (i <= rows[-1]) & (k >= 0) & (k < size)
            cells = (i[ok] - rows[0], k[ok])
            for kind, table in matched.items():
                if kind[0] >= di and kind[1] >= dj:
                    np.add.at(table, cells, weights[ok])
    return matched


def _trace(problem, best, back, lo, n, m, size):
    k = m - lo[n]
    if not 0 <= k < size or not np.isfinite(best[n, size + k]):
        return None, True
    path, i, near_edge = [], n, False
    while i > 0 or k + lo[i] > 0:
        kind = int(back[i, k])
        a, b = _KINDS[kind]
        j = lo[i] + k
        near_edge |= (k == 0 and lo[i] > 0) or (k == size - 1 and j < m)
        pi, pk = i - a, j - b - lo[i - a]
        prior = problem.source_skip[i - 1] if b == 0 else BEADS[(a, b)]
        path.append(Step(a, b, float(best[i, size + k] - best[pi, size + pk] - prior)))
        i, k = pi, pk
    path.reverse()
    return path, near_edge
