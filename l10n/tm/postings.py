"""Trigram postings, as the translation memory's index keeps and reads them: each posting
a unit id with the length of the unit's key in its low byte, so that a lookup ranks
candidates without reading them. Which trigrams a lookup reads (`informative`), how the
postings read are counted (`counted`) and ranked (`ranked`). Pure: no SQL here.
"""

from __future__ import annotations

import numpy as np

POSTING = np.dtype("<u8")  # unit id << 8 | key length (at most 255)
LENGTH_BITS = 8
POSTINGS_BUDGET = 40_000  # trigram postings a fuzzy lookup reads (at least a trigram a part)
PARTS = 6  # stretches of the query, each with its share of the budget
FIRST_CAP = 40_000  # the most postings the rarest trigram of a stretch may have


def trigrams(normalised: str) -> dict[str, None]:
    """The distinct trigrams of a key, in order."""
    return dict.fromkeys(normalised[i : i + 3] for i in range(len(normalised) - 2))


def posting(unit_id: int, length: int) -> int:
    """The posting of a unit whose key has `length` characters."""
    return unit_id << LENGTH_BITS | min(length, 2**LENGTH_BITS - 1)


def informative(grams: list[str], counts: dict[str, int]) -> list[str]:
    """The trigrams a lookup reads: the query is cut into PARTS stretches, and in each
    its trigrams are taken rarest first (by their unit counts) until their units add up
    to its share of POSTINGS_BUDGET."""
    known = [gram for gram in grams if counts.get(gram, 0) > 0]
    chosen = []
    for part in range(PARTS):
        stretch = known[part * len(known) // PARTS : (part + 1) * len(known) // PARTS]
        budget = POSTINGS_BUDGET // PARTS
        for taken, gram in enumerate(sorted(stretch, key=counts.__getitem__)):
            if counts[gram] > (budget if taken else FIRST_CAP):
                break
            chosen.append(gram)
            budget -= counts[gram]
    return chosen


def counted(postings: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct postings and how often each occurs (sorted as 32-bit numbers while the
    unit ids allow it: twice as fast)."""
    if len(postings) and postings.max() < 2**32:
        postings = postings.astype(np.uint32)
    ordered = np.sort(postings)
    starts = np.flatnonzero(np.concatenate(([True], ordered[1:] != ordered[:-1])))
    return ordered[starts], np.diff(np.append(starts, len(ordered)))


def ranked(
    postings: np.ndarray, shared: np.ndarray, length: int, grams: int, threshold: int, limit: int
) -> list[int]:
    """The ids of the `limit` most promising units, given each one's posting (its id and
    key length) and how many of the query's `grams` it shares.

    A similarity (`fuzz.ratio`, 2·common / total length) of `threshold` % (rounded) needs the
    shorter key to be at least t/(200 − t) of the longer one; the rest are ranked by an
    estimate of that similarity: the characters in common taken as the query's share
    covered by the trigrams the unit holds (shared/grams × the query's length), at most the
    unit's length, over the total length. (Scaling the shorter length by the share instead
    would count a unit that holds a part of the query twice against it: once for the
    trigrams it lacks, once for being shorter.) Ties go to the earliest unit."""
    lowest = threshold - 0.5  # scores are rounded
    ratio = lowest / (200 - lowest)
    several = shared > 1
    if np.count_nonzero(several) > limit:
        # a unit sharing one trigram estimates at most 1/grams · 1/(1 + ratio): when `limit`
        # units sharing more estimate higher, the ones sharing one cannot make the list
        ids, estimate = _estimated(postings[several], shared[several], length, grams, ratio)
        best = _best(ids, estimate, limit)
        if len(best) == limit and estimate[best[-1]] > 1.001 / (grams * (1 + ratio)):
            return [int(unit_id) for unit_id in ids[best]]
    ids, estimate = _estimated(postings, shared, length, grams, ratio)
    return [int(unit_id) for unit_id in ids[_best(ids, estimate, limit)]]


def _estimated(
    postings: np.ndarray, shared: np.ndarray, length: int, grams: int, ratio: float
) -> tuple[np.ndarray, np.ndarray]:
    """Each unit's id and estimated similarity (-1 where its length rules it out)."""
    ids = postings >> LENGTH_BITS
    lengths = (postings & (2**LENGTH_BITS - 1)).astype(np.float32)
    lengths[lengths == 2**LENGTH_BITS - 1] = max(length, 2**LENGTH_BITS - 1)  # that or more
    query = np.float32(length)
    possible = np.minimum(lengths, query) >= np.float32(ratio) * np.maximum(lengths, query) - 1e-4
    covered = shared.astype(np.float32) * np.float32(length / grams)
    estimate = np.minimum(covered, lengths) / (lengths + query)
    estimate[~possible] = -1.0
    return ids, estimate


def _best(ids: np.ndarray, estimate: np.ndarray, limit: int) -> np.ndarray:
    """The positions of the `limit` highest estimates (not -1), highest first; of equal
    estimates, the earliest units' (the lowest ids)."""
    kept = np.arange(len(estimate))
    if len(estimate) > limit:
        edge = estimate[np.argpartition(-estimate, limit - 1)[limit - 1]]  # the limit-th
        above = np.flatnonzero(estimate > edge)
        tied = np.flatnonzero(estimate == edge)
        tied = tied[np.argsort(ids[tied], kind="stable")[: limit - len(above)]]
        kept = np.concatenate((above, tied))
    order = kept[np.lexsort((ids[kept], -estimate[kept]))]
    return order[estimate[order] >= 0]
