"""`l10n stats`: each catalog's entries and source characters by status, and the total.

JSON (version 1): {"version", "catalogs": [{"path", <status>: {"entries",
"characters"}, …, "live", "reviewed_percent"}], "total": {…}}, with the
statuses named reviewed, fuzzy_machine, tm, aligned, fuzzy_changed, joined,
untranslated, obsolete ("live" leaves out obsolete and joined entries).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from ..catalog import EntryStatus, Tally, catalog_tally
from ..project import catalogs, discover, lock, relative
from ..settings import Settings
from ..tm.analysis import BANDS, Bands, Segment, analyse
from ..tm.database import open_store
from ..tm.index import index_path, neighbour_keys, update
from . import StageOptions

JSON_VERSION = 1
# JSON names that differ from the status's own (gettext calls both of these fuzzy).
JSON_NAMES = {EntryStatus.MACHINE: "fuzzy_machine", EntryStatus.CHANGED: "fuzzy_changed"}


@dataclass(frozen=True)
class StatsOptions(StageOptions):
    matches: bool = False  # also analyse the segments against the translation memory


@dataclass(frozen=True)
class StatsResult:
    rows: tuple[tuple[str, Tally], ...]  # (catalog path, its tally), for existing catalogs
    bands: tuple[tuple[str, Bands], ...] = ()  # with --matches: segments by match band

    @property
    def total(self) -> Tally:
        return sum((tally for _, tally in self.rows), Tally())

    @property
    def band_total(self) -> Bands:
        return sum((bands for _, bands in self.bands), Bands())

    @property
    def warning(self) -> str:
        return "" if self.rows else "no catalogs for these sources yet; run `l10n extract`"

    def as_json(self) -> str:
        document = {
            "version": JSON_VERSION,
            "catalogs": [{"path": path, **_fields(tally)} for path, tally in self.rows],
            "total": _fields(self.total),
        }
        if self.bands:
            document["matches"] = {
                "bands": list(BANDS),
                "catalogs": [{"path": path, **_band_fields(b)} for path, b in self.bands],
                "total": _band_fields(self.band_total),
            }
        return json.dumps(document, ensure_ascii=False, indent=2)

    def matches_table(self) -> str:
        """Segments (source characters) per match band, per catalog and in total."""
        rows = [*self.bands, ("total", self.band_total)]
        cells = [[f"{b.segments[n]} ({b.characters[n]})" for n in BANDS] for _, b in rows]
        widths = [max(len(n), *(len(row[i]) for row in cells)) for i, n in enumerate(BANDS)]
        width = max(len(path) for path, _ in [("catalog", None), *rows])
        lines = [
            f"{'catalog':<{width}} "
            + " ".join(f"{n:>{w}}" for n, w in zip(BANDS, widths, strict=True))
        ]
        for (path, _), row in zip(rows, cells, strict=True):
            figures = " ".join(f"{c:>{w}}" for c, w in zip(row, widths, strict=True))
            lines.append(f"{path:<{width}} {figures}")
        lines.append("translation-memory matches: segments (source characters)")
        return "\n".join(lines)

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


def _band_fields(bands: Bands) -> dict:
    return {
        name: {"segments": bands.segments[name], "characters": bands.characters[name]}
        for name in BANDS
    }


def stats(settings: Settings, options: StatsOptions) -> StatsResult:
    """The tally of every existing catalog of the sources; with `matches`, their segments
    analysed against the translation memory."""
    sources = discover(settings, options.files)
    found = [f for f in catalogs(sources, settings, required=False) if f.catalog is not None]
    rows = tuple((relative(f.path, settings.root), catalog_tally(f.catalog)) for f in found)
    if not options.matches:
        return StatsResult(rows)
    segments = [
        (
            relative(f.path, settings.root),
            f.language,
            [
                Segment(e.msgid, max(len(e.occurrences), 1), contexts[e.msgid])
                for e in f.catalog
                if e.msgid and not e.obsolete
            ],
        )
        for f in found
        for contexts in [neighbour_keys(f.catalog)]
    ]
    with lock(settings), open_store(index_path(settings)) as store:
        update(store, settings)
        bands = tuple(analyse(store, segments))
    return StatsResult(rows, bands)
