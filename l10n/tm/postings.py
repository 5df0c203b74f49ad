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
    shorter key to be at least t/(200 − t) of the longer one; the rest are ranked by
    shared/grams × 2·min/(sum of lengths), an estimate of that similarity, and ties go
    to the earliest unit."""
    ids = postings >> LENGTH_BITS
    lengths = (postings & (2**LENGTH_BITS - 1)).astype(np.float32)
    lengths[lengths == 2**LENGTH_BITS - 1] = max(length, 2**LENGTH_BITS - 1)  # that or more
    shortest = np.minimum(lengths, np.float32(length))
    lowest = threshold - 0.5  # scores are rounded
    ratio = lowest / (200 - lowest)
    possible = shortest >= np.float32(ratio) * np.maximum(lengths, np.float32(length)) - 1e-4
    estimate = shared.astype(np.float32) * shortest / (lengths + np.float32(length))
    estimate[~possible] = -1.0
    if len(estimate) > limit:
        kept = np.argpartition(-estimate, limit)[:limit]
        ids, estimate = ids[kept], estimate[kept]
    order = np.lexsort((ids, -estimate))
    return [int(unit_id) for unit_id in ids[order[estimate[order] >= 0]]]
