"""Aligned pairs (`l10n align --format po`) into a document's catalog.

Each bead's English fills the entry of its first source segment, `fuzzy` with an
`aligned: score 0.93 (file)` provenance line, or reviewed when the bead scores at
least `accept`; the bead's other source segments are marked as translated together
with the segment before them (`catalog.joins`). Only entries that are empty or hold
unreviewed provider output are filled: reviewed entries and a person's carried-over
work are never touched, and a bead whose first segment is such an entry is left out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import polib

from .joins import mark_joined
from .provenance import fill, provenance_line
from .status import ALIGNED, EntryStatus, status

FILLABLE = frozenset(
    {
        EntryStatus.UNTRANSLATED,
        EntryStatus.MACHINE,
        EntryStatus.TM,
        EntryStatus.ALIGNED,
        EntryStatus.JOINED,
    }
)


@dataclass(frozen=True)
class AlignedBead:
    source: Sequence[str]  # the segments' texts, in order
    target: Sequence[str]  # the English sentences
    score: float


@dataclass(frozen=True)
class Filled:
    filled: int  # entries given a translation
    reviewed: int  # of them, accepted as reviewed
    joined: int  # entries marked as translated with the segment before
    kept: int  # beads left out: their entry was reviewed or a person's


def fill_aligned(
    catalog: polib.POFile, beads: Sequence[AlignedBead], origin: str, accept: float | None
) -> Filled:
    """Fill `catalog` (in place) from the beads, in document order; the first bead of a
    text that occurs more than once wins."""
    entries = {e.msgid: e for e in catalog if e.msgid and not e.obsolete}
    done: set[str] = set()
    filled = reviewed = joined = kept = 0
    for bead in beads:
        if not bead.source or not bead.target:
            continue
        first = entries.get(bead.source[0])
        if first is None or first.msgid in done or status(first) not in FILLABLE:
            kept += first is not None and first.msgid not in done
            continue
        shape = f", {len(bead.source)} segments as one" if len(bead.source) > 1 else ""
        line = provenance_line(ALIGNED, f"score {bead.score:.2f}{shape} ({origin})")
        accepted = accept is not None and bead.score >= accept
        fill([first], {first.msgid: (" ".join(bead.target), line, accepted)})
        done.add(first.msgid)
        filled += 1
        reviewed += accepted
        for before, text in zip(bead.source, bead.source[1:], strict=False):
            entry = entries.get(text)
            if entry is not None and text not in done and status(entry) in FILLABLE:
                mark_joined(entry, before)
                done.add(text)
                joined += 1
    return Filled(filled, reviewed, joined, kept)
