"""The old entry `msgmerge` proposes for a source it has no translation of, found through an
index of character 4-grams, so that the cost grows with the sources to match.

GNU msgmerge (its fuzzy index, gettext ≥ 0.15) weighs a translated old entry by the
similarity of the two msgids as `fstrcmp` measures it, on their UTF-8 bytes: 2·common /
(sum of the lengths), `common` the longest common subsequence; plus 0.00001 for an entry
without a context. An entry is proposed when its weight is above 0.6. The entries weighed are
those sharing a 4-gram of characters with the source, in order of how many of the source's
4-grams (each occurrence counted) they hold, ties to the earlier entry, and the first of the
best weight wins. A source of fewer than 4 characters is weighed against the entries of at most
28 bytes whose length is within 3/7 to 7/3 of its own, shortest first.

Here the 4-grams of every source to match are looked up at once (numpy), counted as the
translation memory counts its trigram postings (`tm.postings.counted`); each candidate's
lengths bound its similarity (2·shorter / sum) before its ratio is computed (rapidfuzz's
bit-parallel Indel distance), and the candidates most likely to be best are weighed first, so
that the bound rules out most of the others.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import polib
from rapidfuzz.distance import Indel
from rapidfuzz.process import cdist

from ..tm.postings import counted

THRESHOLD = 0.6  # msgmerge's FUZZY_THRESHOLD: a proposal weighs more than this
BONUS = 0.00001  # for an old entry without a context (the sources here have none)
SPAN = 2 / THRESHOLD - 1  # lengths within 1/SPAN…SPAN of each other can reach THRESHOLD
GRAM = 4
SHORT_BYTES = int((GRAM - 1) * 4 * SPAN)  # the longest entry a short source is weighed with
FIRST = 8  # candidates in the first batch weighed (each next batch is 4 times larger)
_NO_CHAR = 2**16 - 1  # a rank no character of a chunk of sources has


def _bytes(text: str) -> str:
    """The UTF-8 bytes of a text, one character each (what rapidfuzz compares)."""
    return text.encode("utf-8").decode("latin-1")


class _Pool:
    """The old entries that can be proposed, with what weighing them needs."""

    def __init__(self, entries: Sequence[polib.POEntry]) -> None:
        self.entries = list(entries)
        self.keys = np.array([_bytes(entry.msgid) for entry in self.entries], dtype=object)
        self.lengths = np.array([len(key) for key in self.keys], dtype=np.int64)
        self.bonus = np.array([BONUS if e.msgctxt is None else 0.0 for e in self.entries])
        self.msgids = [entry.msgid for entry in self.entries]

    def best(self, source: str, ids: np.ndarray) -> polib.POEntry | None:
        """The first entry of the highest weight above THRESHOLD among `ids` (in the order
        msgmerge weighs them), or None."""
        key = _bytes(source)
        total = self.lengths[ids] + len(key)
        bound = 2 * np.minimum(self.lengths[ids], len(key)) / total + self.bonus[ids]
        possible = bound > THRESHOLD
        ids, total, bound = ids[possible], total[possible], bound[possible]
        if not len(ids):
            return None
        weights = np.full(len(ids), -1.0)
        best, start, size = THRESHOLD, 0, FIRST
        while start < len(ids):  # in growing batches; each raises the bar for the next
            batch = np.flatnonzero(bound[start : start + size] > best) + start
            if len(batch):
                weights[batch] = self._weights(key, ids[batch], total[batch], best)
                best = max(best, float(weights[batch].max()))
            start, size = start + size, size * 4
        top = int(np.argmax(weights))  # the first of the highest
        return self.entries[ids[top]] if weights[top] > THRESHOLD else None

    def _weights(
        self, key: str, ids: np.ndarray, total: np.ndarray, best: float = 0.0
    ) -> np.ndarray:
        """fstrcmp's similarity plus the context bonus, computed as msgmerge does (doubles);
        an entry that cannot weigh more than `best` may get any lower weight."""
        most = int(total.max() * (1 - best + 2 * BONUS)) + 1  # the distance none may exceed
        distances = cdist([key], self.keys[ids], scorer=Indel.distance, score_cutoff=most)[0]
        return (total - distances) / total + self.bonus[ids]


def proposals(sources: Sequence[str], entries: Sequence[polib.POEntry]) -> dict[str, polib.POEntry]:
    """Each source → the old entry msgmerge proposes for it, among the translated `entries`
    (live and obsolete, in file order); a source with no proposal is left out."""
    pool = _Pool([entry for entry in entries if entry.msgstr])
    found: dict[str, polib.POEntry] = {}
    if not pool.entries:
        return found
    distinct = list(dict.fromkeys(sources))
    for chunk in _chunks([source for source in distinct if len(source) >= GRAM]):
        for source, ids in _candidates(chunk, pool.msgids):
            match = pool.best(source, ids)
            if match is not None:
                found[source] = match
    for source in distinct:
        if 0 < len(source) < GRAM:
            match = pool.best(source, _short_candidates(source, pool.lengths))
            if match is not None:
                found[source] = match
    return found


def _short_candidates(source: str, lengths: np.ndarray) -> np.ndarray:
    """The entries a source of fewer than GRAM characters is weighed with, in order."""
    size = len(_bytes(source))
    low, high = math.ceil(size / SPAN), int(size * SPAN)
    ids = np.flatnonzero((lengths >= low) & (lengths <= min(high, SHORT_BYTES)))
    return ids[np.argsort(lengths[ids], kind="stable")]


def _chunks(sources: list[str]) -> list[list[str]]:
    """The sources in groups of fewer than 2**16 - 1 distinct characters (ranked in 16 bits)."""
    groups: list[list[str]] = [[]]
    chars: set[str] = set()
    for source in sources:
        if len(chars) + len(set(source) - chars) >= _NO_CHAR and groups[-1]:
            groups.append([])
            chars = set()
        chars.update(source)
        groups[-1].append(source)
    return [group for group in groups if group]


def _grams(texts: Sequence[str], alphabet: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The 4-grams of the texts made only of `alphabet`'s characters (sorted code points), as
    64-bit keys, with the index of the text each one is in."""
    lengths = np.array([len(text) for text in texts], dtype=np.int64)
    codes = np.frombuffer("\n".join(texts).encode("utf-32-le"), dtype=np.uint32)
    ranks = np.searchsorted(alphabet, codes).clip(max=len(alphabet) - 1)
    ranks = np.where(alphabet[ranks] == codes, ranks, _NO_CHAR).astype(np.uint64)
    owner = np.repeat(np.arange(len(texts)), lengths + 1)[: len(codes)]
    starts = np.concatenate(([0], np.cumsum(lengths + 1)[:-1]))
    windows = len(codes) - GRAM + 1
    if windows <= 0:
        return np.empty(0, np.uint64), np.empty(0, np.int64)
    inside = (np.arange(windows) - starts[owner[:windows]]) <= lengths[owner[:windows]] - GRAM
    keys = np.zeros(windows, dtype=np.uint64)
    known = inside.copy()
    for offset in range(GRAM):
        part = ranks[offset : offset + windows]
        known &= part != _NO_CHAR
        keys = keys << np.uint64(16) | part
    return keys[known], owner[:windows][known]


def _candidates(sources: list[str], msgids: list[str]) -> list[tuple[str, np.ndarray]]:
    """Each source with the old entries sharing a 4-gram with it, most shared first."""
    alphabet = np.array(sorted({ord(char) for source in sources for char in source}), np.uint32)
    query_keys, query_owner = _grams(sources, alphabet)
    old_keys, old_owner = _grams(msgids, alphabet)
    distinct = np.unique(query_keys)
    wanted = np.isin(old_keys, distinct)
    old_keys, old_owner = old_keys[wanted], old_owner[wanted]
    order = np.lexsort((old_owner, old_keys))
    old_keys, old_owner = old_keys[order], old_owner[order]
    if len(old_keys):  # an entry is in a 4-gram's postings once, however often it has it
        first = np.concatenate(([True], (np.diff(old_keys) != 0) | (np.diff(old_owner) != 0)))
        old_keys, old_owner = old_keys[first], old_owner[first]
    begins = np.searchsorted(old_keys, query_keys, side="left")
    ends = np.searchsorted(old_keys, query_keys, side="right")
    bounds = np.searchsorted(query_owner, np.arange(len(sources) + 1))
    found = []
    for index, source in enumerate(sources):
        lo, hi = bounds[index], bounds[index + 1]
        spans = zip(begins[lo:hi], ends[lo:hi], strict=True)
        postings = [old_owner[begin:end] for begin, end in spans if end > begin]
        if not postings:
            continue
        ids, shared = counted(np.concatenate(postings))
        found.append((source, ids[np.lexsort((ids, -shared.astype(np.int64)))].astype(np.int64)))
    return found
