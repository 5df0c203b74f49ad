"""Counts of entries by status, and the one measure of review: reviewed %.

Reviewed % is reviewed entries among the live ones, over distinct source texts
(one entry per distinct text), as gettext's `msgfmt --statistics`, Poedit and
Weblate count: reviewing a sentence once reviews every occurrence of it. The
thresholds of `build` and `check` take it over the current source's segments
(`source_tally`); `stats` over a catalog's entries (`catalog_tally`). The two
agree whenever the catalog is current.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from types import MappingProxyType

import polib

from ..document import content_hash
from .status import EntryStatus, joined_with, status


@dataclass(frozen=True)
class Count:
    entries: int = 0
    characters: int = 0  # characters of source text

    def __add__(self, other: Count) -> Count:
        return Count(self.entries + other.entries, self.characters + other.characters)


@dataclass(frozen=True)
class Tally:
    """Entries and source characters by status."""

    counts: MappingProxyType[EntryStatus, Count] = field(
        default_factory=lambda: MappingProxyType(dict.fromkeys(EntryStatus, Count()))
    )

    def __reduce__(self):  # a mapping proxy does not pickle; a tally crosses processes
        return (_tally, (dict(self.counts),))

    @classmethod
    def of(cls, items: Iterable[tuple[str, EntryStatus]]) -> Tally:
        """The tally of (source text, status) pairs, each pair one entry."""
        counts = dict.fromkeys(EntryStatus, Count())
        for text, entry_status in items:
            counts[entry_status] = counts[entry_status] + Count(1, len(text))
        return cls(MappingProxyType(counts))

    def __getitem__(self, entry_status: EntryStatus) -> Count:
        return self.counts[entry_status]

    def __add__(self, other: Tally) -> Tally:
        return Tally(MappingProxyType({s: self.counts[s] + other.counts[s] for s in EntryStatus}))

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


def _tally(counts: dict[EntryStatus, Count]) -> Tally:
    return Tally(MappingProxyType(counts))


def catalog_tally(catalog: polib.POFile) -> Tally:
    """The tally of a catalog's entries; the header entry is not one."""
    return Tally.of(
        (entry.msgid, status(entry)) for entry in catalog if entry.msgid != "" or entry.obsolete
    )


def source_tally(texts: Iterable[str], catalog: polib.POFile | None) -> Tally:
    """The tally of a source's distinct segment texts (in document order), each with the
    status of its entry in the catalog (untranslated when it has none, or when it is
    joined with a segment that is no longer the one before it)."""
    entries = {e.msgid: e for e in catalog or () if not e.obsolete}
    found, previous = [], None
    for text in dict.fromkeys(texts):
        entry = entries.get(text)
        entry_status = status(entry) if entry is not None else EntryStatus.UNTRANSLATED
        if entry_status is EntryStatus.JOINED and (
            previous is None or joined_with(entry) != content_hash(previous)
        ):
            entry_status = EntryStatus.UNTRANSLATED  # joined with a segment no longer before it
        found.append((text, entry_status))
        previous = text
    return Tally.of(found)
