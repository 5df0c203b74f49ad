"""Match analysis, as translators bill: each segment of a run in the band of its best match.

Bands (OmegaT's and Trados's): repetitions (a source text already counted in this
run), context (the same text between the same neighbours), exact (100–99: the
same text, or the same apart from width, punctuation, spacing or script), 95–99,
85–94, 75–84, 50–74, no match. A catalog's own reviewed entries are not matches
for it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from .match import lookup
from .store import Store

BANDS = ("repetitions", "context", "exact", "95-99", "85-94", "75-84", "50-74", "no match")
_FLOORS = ((95, "95-99"), (85, "85-94"), (75, "75-84"), (50, "50-74"))


@dataclass(frozen=True)
class Segment:
    text: str
    occurrences: int = 1  # times the text occurs in its document
    context: str = ""  # the key of its neighbours (`keys.context_key`)


@dataclass
class Bands:
    """Segments and source characters per band."""

    segments: dict[str, int] = field(default_factory=lambda: dict.fromkeys(BANDS, 0))
    characters: dict[str, int] = field(default_factory=lambda: dict.fromkeys(BANDS, 0))

    def add(self, band: str, text: str, count: int = 1) -> None:
        self.segments[band] += count
        self.characters[band] += count * len(text)

    def __add__(self, other: Bands) -> Bands:
        total = Bands()
        for band in BANDS:
            total.segments[band] = self.segments[band] + other.segments[band]
            total.characters[band] = self.characters[band] + other.characters[band]
        return total


def band_of(store: Store, segment: Segment, language: str, own_file: str) -> str:
    """The band of a segment's best match in files other than `own_file`."""
    contexts = frozenset({segment.context})
    matches = lookup(store, segment.text, language, threshold=50, limit=50, contexts=contexts)
    best = next((m for m in matches if m.unit.file != own_file), None)
    if best is None:
        return "no match"
    if best.kind in ("context", "exact"):
        return best.kind
    return next(band for floor, band in _FLOORS if best.score >= floor)


def analyse(
    store: Store, catalogs: Iterable[tuple[str, str, list[Segment]]]
) -> list[tuple[str, Bands]]:
    """(catalog, bands) for each (catalog label, language, segments in document order)."""
    seen: set[tuple[str, str]] = set()
    rows = []
    for label, language, segments in catalogs:
        bands = Bands()
        for segment in segments:
            if (language, segment.text) in seen:
                bands.add("repetitions", segment.text, segment.occurrences)
                continue
            seen.add((language, segment.text))
            bands.add(band_of(store, segment, language, label), segment.text)
            if segment.occurrences > 1:
                bands.add("repetitions", segment.text, segment.occurrences - 1)
        rows.append((label, bands))
    return rows
