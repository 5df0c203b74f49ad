"""Finding a translation memory's matches for a source text, scored as translators expect.

Classes: `context` (the same text between the same neighbouring segments),
`exact` (the same text: 100; the same apart from width, punctuation,
whitespace or script: 99), `fuzzy` (character edit-distance similarity of the
keys, 0–100; a match that differs only in its numbers scores at most 98 and says
which numbers the new source has).
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz, process

from .keys import key, numbers, numbers_masked
from .store import Store, Unit

CANDIDATES = 100  # neighbours re-scored per lookup (of signatures.SHORTLIST)


@dataclass(frozen=True)
class Match:
    unit: Unit
    score: int  # 0–100
    kind: str  # context, exact or fuzzy
    note: str = ""  # what differs, for the reviewer
    similarity: float = 100.0  # of the keys: among equal scores, the closer comes first

    def describe(self) -> str:
        """`exact 100% (locales/…/x.po:123)`, as the provenance line gives it."""
        note = f"; {self.note}" if self.note else ""
        return f"{self.kind} {self.score}% ({self.unit.origin}){note}"


def _exact(text: str, unit: Unit, contexts: frozenset[str]) -> Match:
    if unit.source == text:
        return Match(unit, 100, "context" if unit.context in contexts else "exact")
    return Match(unit, 99, "exact", "differs in width, punctuation, spacing or script")


def _fuzzy(text: str, normalised: str, theirs: str, ratio: int) -> tuple[int, str]:
    """The score and note of a key that is not the query's."""
    if numbers_masked(normalised) == numbers_masked(theirs):
        return min(ratio, 98), f"numbers differ: the source has {', '.join(numbers(text))}"
    return ratio, ""


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
    matches = [_exact(text, unit, contexts) for unit in store.with_key(normalised, language)]
    masked = numbers_masked(normalised)
    # with no number (or `#`) in the query, only the units of its key share its masked key
    numbered = masked != normalised or "#" in normalised
    candidates = store.with_masked(masked, language) if numbered else []
    candidates += store.sharing_grams(normalised, CANDIDATES, threshold)
    keys = store.keys(candidates, language)
    similar = process.extract(
        normalised, keys, scorer=fuzz.ratio, score_cutoff=threshold - 0.5, limit=None
    )
    scored: list[tuple[int, str, float, int]] = []  # score, note, similarity, id
    for theirs, similarity, unit_id in similar:
        if theirs == normalised:
            continue  # found by its key
        enough = sorted(s for s, _, _, _ in scored)[-limit:] if len(scored) >= limit else []
        if enough and round(similarity) < enough[0]:
            break  # the scores only fall from here, and none can beat the ones kept
        scored.append((*_fuzzy(text, normalised, theirs, round(similarity)), similarity, unit_id))
    units = store.units(unit_id for *_, unit_id in scored) if scored else {}
    matches += [
        Match(units[i], score, "fuzzy", note, similarity)
        for score, note, similarity, i in scored
        if i in units
    ]
    matches = [m for m in matches if m.score >= threshold]
    matches.sort(
        key=lambda m: (-m.score, m.kind != "context", -m.similarity, m.unit.file, m.unit.line)
    )
    return matches[:limit]
