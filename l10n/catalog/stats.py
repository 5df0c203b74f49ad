"""Counts of a catalog's entries by state, with segment and character counts."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields

import polib

from .machine import is_machine


@dataclass(frozen=True)
class Count:
    entries: int = 0
    characters: int = 0  # characters of source text

    def __add__(self, other: Count) -> Count:
        return Count(self.entries + other.entries, self.characters + other.characters)


@dataclass(frozen=True)
class Stats:
    reviewed: Count = Count()
    fuzzy_machine: Count = Count()  # engine output nobody has reviewed
    fuzzy_changed: Count = Count()  # the source changed since it was translated
    untranslated: Count = Count()
    obsolete: Count = Count()

    def __add__(self, other: Stats) -> Stats:
        return Stats(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(Stats)))

    @property
    def live(self) -> int:
        return self.reviewed.entries + self.fuzzy + self.untranslated.entries

    @property
    def fuzzy(self) -> int:
        return self.fuzzy_machine.entries + self.fuzzy_changed.entries

    def reviewed_percent(self) -> float:
        return 100.0 * self.reviewed.entries / self.live if self.live else 100.0

    def as_dict(self) -> dict:
        return {**asdict(self), "live": self.live, "reviewed_percent": self.reviewed_percent()}


def state(entry: polib.POEntry) -> str:
    """reviewed, fuzzy_machine, fuzzy_changed, untranslated or obsolete (as msgfmt counts)."""
    if entry.obsolete:
        return "obsolete"
    if entry.fuzzy and entry.msgstr:
        return "fuzzy_machine" if is_machine(entry) else "fuzzy_changed"
    if entry.msgstr and not entry.fuzzy:
        return "reviewed"
    return "untranslated"


def catalog_stats(catalog: polib.POFile) -> Stats:
    counts = {f.name: Count() for f in fields(Stats)}
    for entry in catalog:
        if entry.msgid == "" and not entry.obsolete:
            continue
        key = state(entry)
        counts[key] = counts[key] + Count(1, len(entry.msgid))
    return Stats(**counts)
