"""`l10n stats`: each catalog's entries and source characters by status, and the total.

JSON (version 1): {"version", "catalogs": [{"path", <status>: {"entries",
"characters"}, …, "live", "reviewed_percent"}], "total": {…}}, with the
statuses named reviewed, fuzzy_machine, fuzzy_changed, untranslated, obsolete.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from ..catalog import EntryStatus, Tally, catalog_tally
from ..project import catalogs, discover, relative
from ..settings import Settings
from . import StageOptions

JSON_VERSION = 1
# JSON names that differ from the status's own (gettext calls both of these fuzzy).
JSON_NAMES = {EntryStatus.MACHINE: "fuzzy_machine", EntryStatus.CHANGED: "fuzzy_changed"}


@dataclass(frozen=True)
class StatsOptions(StageOptions):
    pass


@dataclass(frozen=True)
class StatsResult:
    rows: tuple[tuple[str, Tally], ...]  # (catalog path, its tally), for existing catalogs

    @property
    def total(self) -> Tally:
        return sum((tally for _, tally in self.rows), Tally())

    @property
    def warning(self) -> str:
        return "" if self.rows else "no catalogs for these sources yet; run `l10n extract`"

    def as_json(self) -> str:
        document = {
            "version": JSON_VERSION,
            "catalogs": [{"path": path, **_fields(tally)} for path, tally in self.rows],
            "total": _fields(self.total),
        }
        return json.dumps(document, ensure_ascii=False, indent=2)

    def as_table(self) -> str:
        """Entries (source characters) per status, in columns as wide as their figures."""
        rows = [*self.rows, ("total", self.total)]
        cells = [
            [f"{tally[s].entries} ({tally[s].characters})" for s in EntryStatus]
            for _, tally in rows
        ]
        widths = [
            max(len(str(s)), *(len(row[i]) for row in cells)) for i, s in enumerate(EntryStatus)
        ]
        width = max(len(path) for path, _ in [("catalog", None), *rows])
        headings = " ".join(f"{s:>{w}}" for s, w in zip(EntryStatus, widths, strict=True))
        lines = [f"{'catalog':<{width}} {headings} reviewed%"]
        for (path, tally), row in zip(rows, cells, strict=True):
            figures = " ".join(f"{c:>{w}}" for c, w in zip(row, widths, strict=True))
            lines.append(f"{path:<{width}} {figures} {tally.reviewed_percent():>8.1f}%")
        lines.append("counts are entries (source characters)")
        return "\n".join(lines)


def _fields(tally: Tally) -> dict:
    counts = {
        JSON_NAMES.get(s, str(s)): {"entries": tally[s].entries, "characters": tally[s].characters}
        for s in EntryStatus
    }
    return {**counts, "live": tally.live, "reviewed_percent": tally.reviewed_percent()}


def stats(settings: Settings, options: StatsOptions) -> StatsResult:
    """The tally of every existing catalog of the sources."""
    sources = discover(settings, options.files)
    return StatsResult(
        tuple(
            (relative(found.path, settings.root), catalog_tally(found.catalog))
            for found in catalogs(sources, settings, required=False)
            if found.catalog is not None
        )
    )
