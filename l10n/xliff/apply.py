"""A translator's work in an XLIFF file → the catalog it was exported from.

Only what the XLIFF changed is changed: a translation edited or approved, a
translator's note. An empty target never erases a translation. A unit whose source
is not the catalog's any more (the article changed since the export) is refused,
with a message saying which and why; the others are applied.
"""

from __future__ import annotations

from dataclasses import dataclass

import polib

from ..catalog.provenance import without_provenance
from ..catalog.status import EntryStatus, status
from . import REVIEWED_STATES
from .read import ReadFile, ReadUnit
from .write import translator_lines, unit_ids


@dataclass(frozen=True)
class Applied:
    updated: int  # entries changed
    reviewed: int  # of them, now reviewed
    refused: tuple[str, ...]  # one message per refused unit


def _excerpt(text: str, size: int = 30) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


def _set_note(entry: polib.POEntry, note: str) -> bool:
    if note.splitlines() == translator_lines(entry):
        return False
    ours = [line for line in (entry.tcomment or "").splitlines()]
    kept = [line for line in ours if line not in translator_lines(entry)]
    entry.tcomment = "\n".join([*note.splitlines(), *kept])
    return True


def _apply(entry: polib.POEntry, unit: ReadUnit) -> tuple[bool, bool]:
    """(changed, now reviewed) for one unit's work on its entry."""
    changed = unit.translator_note is not None and _set_note(entry, unit.translator_note)
    target = unit.target
    if not target:
        return changed, False
    approved = unit.approved or unit.state in REVIEWED_STATES
    was_reviewed = status(entry) is EntryStatus.REVIEWED
    if target != entry.msgstr:
        entry.msgstr = target
        entry.previous_msgid = None  # a translation of this very source
        entry.tcomment = without_provenance(entry.tcomment)  # a person's text now
        changed = True
    elif approved == was_reviewed:
        return changed, False
    fuzzy = [flag for flag in entry.flags if flag != "fuzzy"]
    entry.flags = fuzzy if approved else [*fuzzy, "fuzzy"]
    if approved:
        entry.previous_msgid = None
    return True, approved


def apply_units(catalog: polib.POFile, file: ReadFile) -> Applied:
    """Put the work of an XLIFF <file> into its catalog (changed in place)."""
    entries = unit_ids(catalog)
    updated = reviewed = 0
    refused = []
    for unit in file.units:
        if not unit.translate:
            continue
        entry = entries.get(unit.id)
        if entry is None or entry.obsolete:
            refused.append(
                f"{file.original}: unit {unit.id} ({_excerpt(unit.source)}) is not in the "
                "catalog any more: the article changed since the export; export again"
            )
            continue
        if unit.source != entry.msgid:
            refused.append(
                f"{file.original}: unit {unit.id}: its source changed since the export "
                f"({_excerpt(unit.source)} → {_excerpt(entry.msgid)}); export again"
            )
            continue
        changed, now_reviewed = _apply(entry, unit)
        updated += changed
        reviewed += now_reviewed
    return Applied(updated, reviewed, tuple(refused))
