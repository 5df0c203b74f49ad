"""Character signatures of match keys: which characters a key has, as 128 bits (each
character sets one bit, chosen by a hash of its code point), kept by the index in blocks
of consecutive unit ids and held in memory by a lookup, so that the trigram neighbours
of a query are narrowed down to the few whose keys are worth reading. Pure: no SQL here.

Trigram postings see only the few rarest trigrams of a query; the signature sees all of
a key's characters, and the share of them a key has in common with the query tracks the
similarity (`fuzz.ratio`) far better among units that share the same rare trigrams.
"""

from __future__ import annotations

import numpy as np

WORDS = 2  # 64-bit words of a signature
SIGNATURE = np.dtype(("<u8", WORDS))
BLOCK = 4096  # unit ids per stored block
SHORTLIST = 1000  # trigram neighbours whose signatures a lookup compares
_BITS = 64 * WORDS
_SHIFT = 32 - (_BITS.bit_length() - 1)  # the top bits of a 32-bit product pick the bit


def signature(normalised: str) -> bytes:
    """The signature of a key, as the index stores it (WORDS little-endian words)."""
    value = 0
    for character in set(normalised):
        value |= 1 << ((ord(character) * 0x9E3779B1 & 0xFFFFFFFF) >> _SHIFT)
    return value.to_bytes(8 * WORDS, "little")


def empty_block() -> np.ndarray:
    return np.zeros((BLOCK, WORDS), np.uint64)


def closest(signatures: np.ndarray, query: bytes, limit: int) -> np.ndarray:
    """The positions of the `limit` signatures with the largest share of bits in common
    with the query's (common / (the query's + their own)), the highest first; ties keep
    their order."""
    mine = np.frombuffer(query, SIGNATURE.base)
    common = np.bitwise_count(signatures & mine).sum(axis=1, dtype=np.int32)
    total = np.bitwise_count(signatures).sum(axis=1, dtype=np.int32) + int(
        np.bitwise_count(mine).sum()
    )
    share = common / np.maximum(total, 1)
    return np.argsort(-share, kind="stable")[:limit]
