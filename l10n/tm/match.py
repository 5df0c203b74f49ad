"""Finding a translation memory's matches for a source text, scored as translators expect.

Classes: `context` (the same text between the same neighbouring segments),
`exact` (the same text: 100; the same apart from width, punctuation,
whitespace or script: 99), `fuzzy` (character edit-distance similarity of the
keys, 0–100; a match that differs only in its numbers scores at most 98 and says
which numbers the new source has).
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz

from .keys import key, numbers, numbers_masked
from .store import Store, Unit

CANDIDATES = 200  # trigram neighbours re-scored per lookup


@dataclass(frozen=True)
class Match:
    unit: Unit
    score: int  # 0–100
    kind: str  # context, exact or fuzzy
    note: str = ""  # what differs, for the reviewer

    def describe(self) -> str:
        """`exact 100% (locales/…/x.po:123)`, as the provenance line gives it."""
        note = f"; {self.note}" if self.note else ""
        return f"{self.kind} {self.score}% ({self.unit.origin}){note}"


def _scored(text: str, normalised: str, unit: Unit, contexts: frozenset[str]) -> Match:
    if unit.source == text:
        return Match(unit, 100, "context" if unit.context in contexts else "exact")
    theirs = unit.key or key(unit.source)
    if theirs == normalised:
        return Match(unit, 99, "exact", "differs in width, punctuation, spacing or script")
    ratio = round(fuzz.ratio(normalised, theirs))
    if numbers_masked(normalised) == numbers_masked(theirs):
        wanted = ", ".join(numbers(text))
        return Match(unit, min(ratio, 98), "fuzzy", f"numbers differ: the source has {wanted}")
    return Match(unit, ratio, "fuzzy")


def lookup(
    store: Store,
    text: str,
    language: str,
    *,
    threshold: int = 75,
    limit: int = 5,
    contexts: frozenset[str] = frozenset(),
) -> list[Match]:
    """The best matches for `text` into `language`, at or above `threshold`, best first
    (a context match before an exact one; ties: the earliest file and line). `contexts`
    are the neighbours' keys of the places the text occurs."""
    normalised = key(text)
    units = {
        (u.file, u.line, u.source): u
        for u in (
            *store.with_key(normalised, language),
            *store.with_masked(numbers_masked(normalised), language),
            *store.sharing_grams(normalised, language, CANDIDATES),
        )
    }
    matches = [_scored(text, normalised, unit, contexts) for unit in units.values()]
    matches = [m for m in matches if m.score >= threshold]
    matches.sort(key=lambda m: (-m.score, m.kind != "context", m.unit.file, m.unit.line))
    return matches[:limit]
