"""The status of a catalog entry, and counts of entries by status: the one definition.

Stats, editions, thresholds and checks all ask `status(entry)`. A status says
where a translation stands for a reviewer: done by a person (reviewed), machine
output nobody has reviewed, carried over from an earlier version of a changed
source (fuzzy with `#| msgid`, or fuzzy with no machine provenance), none, or
kept for a source that is gone (obsolete). A provider that fills entries in
another way (a translation memory, an aligner) adds its status here.

Reviewed % is over distinct entries (one per distinct source text), as gettext's
`msgfmt --statistics`, Poedit and Weblate count: reviewing a sentence once
reviews every occurrence of it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

import polib

from .machine import provenance_lines


class EntryStatus(StrEnum):
    REVIEWED = "reviewed"
    MACHINE = "machine"  # engine output for this very source, not reviewed
    CHANGED = "changed"  # fuzzy: the source changed since it was translated, or marked by hand
    UNTRANSLATED = "untranslated"
    OBSOLETE = "obsolete"

    @property
    def live(self) -> bool:
        """Whether the entry's source is in the document (counted in percentages)."""
        return self is not EntryStatus.OBSOLETE

    @property
    def has_translation(self) -> bool:
        """Whether there is a translation to show, reviewed or not."""
        return self in (EntryStatus.REVIEWED, EntryStatus.MACHINE, EntryStatus.CHANGED)

    @property
    def needs_review(self) -> bool:
        """Translated but not reviewed: what gettext marks `fuzzy`."""
        return self in (EntryStatus.MACHINE, EntryStatus.CHANGED)


def status(entry: polib.POEntry) -> EntryStatus:
    """An entry's status. A fuzzy entry with no translation counts as untranslated, as
    msgfmt counts it."""
    if entry.obsolete:
        return EntryStatus.OBSOLETE
    if not entry.msgstr:
        return EntryStatus.UNTRANSLATED
    if not entry.fuzzy:
        return EntryStatus.REVIEWED
    if entry.previous_msgid is None and provenance_lines(entry):
        return EntryStatus.MACHINE
    return EntryStatus.CHANGED


def is_unreviewed_machine(entry: polib.POEntry) -> bool:
    """Engine output nobody has reviewed, for this source or (carried over with `#| msgid`)
    for an earlier version of it: what `--retranslate-machine` redoes."""
    return status(entry).needs_review and bool(provenance_lines(entry))


def pending(catalog: polib.POFile, *, retranslate_machine: bool = False) -> list[polib.POEntry]:
    """Entries a provider may fill: the empty ones; with `retranslate_machine`, also the
    unreviewed machine output, including output carried over from a changed source.
    Reviewed entries never."""
    return [
        entry
        for entry in catalog
        if not entry.obsolete
        and (not entry.msgstr or (retranslate_machine and is_unreviewed_machine(entry)))
    ]


def translations(catalog: polib.POFile) -> dict[str, tuple[str, EntryStatus]]:
    """msgid → (translation, status) for the live entries with a translation."""
    found = {}
    for entry in catalog:
        entry_status = status(entry)
        if entry_status.has_translation:
            found[entry.msgid] = (entry.msgstr, entry_status)
    return found


@dataclass(frozen=True)
class Count:
    entries: int = 0
    characters: int = 0  # characters of source text

    def __add__(self, other: Count) -> Count:
        return Count(self.entries + other.entries, self.characters + other.characters)


@dataclass(frozen=True)
class Tally:
    """Entries and source characters by status."""

    counts: dict[EntryStatus, Count] = field(
        default_factory=lambda: dict.fromkeys(EntryStatus, Count())
    )

    @classmethod
    def of(cls, items: Iterable[tuple[str, EntryStatus]]) -> Tally:
        """The tally of (source text, status) pairs, each pair one entry."""
        counts = dict.fromkeys(EntryStatus, Count())
        for text, entry_status in items:
            counts[entry_status] = counts[entry_status] + Count(1, len(text))
        return cls(counts)

    def __getitem__(self, entry_status: EntryStatus) -> Count:
        return self.counts[entry_status]

    def __add__(self, other: Tally) -> Tally:
        return Tally({s: self.counts[s] + other.counts[s] for s in EntryStatus})

    @property
    def live(self) -> int:
        return sum(count.entries for s, count in self.counts.items() if s.live)

    @property
    def translated(self) -> int:
        """Live entries with a translation, reviewed or not."""
        return sum(count.entries for s, count in self.counts.items() if s.has_translation)

    @property
    def needs_review(self) -> int:
        return sum(count.entries for s, count in self.counts.items() if s.needs_review)

    def reviewed_percent(self) -> float:
        """Reviewed entries among the live ones, in percent; 100 when there are none."""
        live = self.live
        return 100.0 * self.counts[EntryStatus.REVIEWED].entries / live if live else 100.0


def catalog_tally(catalog: polib.POFile) -> Tally:
    """The tally of a catalog's entries; the header entry is not one."""
    return Tally.of(
        (entry.msgid, status(entry)) for entry in catalog if entry.msgid != "" or entry.obsolete
    )
