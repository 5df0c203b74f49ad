"""The status of a catalog entry, and counts of entries by status: the one definition.

Stats, editions, thresholds and checks all ask `status(entry)`. A status says
where a translation stands for a reviewer: done by a person (reviewed), output
of a provider nobody has reviewed (machine), carried over from an earlier
version of a changed source (fuzzy with `#| msgid`, or fuzzy with no provenance),
none, or kept for a source that is gone (obsolete).

Which provider filled an entry is told by a provenance line, `<kind>: <detail>`,
kept in its translator comment as `# l10n: <kind>: <detail>` (the one part of an
entry that msgmerge, msgcat, msgattrib, Translate Toolkit and babel all keep;
older catalogs had it as an extracted comment `#.`, which is still read);
PROVENANCE_KINDS gives each kind the status of its unreviewed output. A provider
whose output deserves a status of its own (a translation-memory match, an aligned
pair) adds a member to EntryStatus and its kind here.
"""

from __future__ import annotations

from enum import StrEnum

import polib


class EntryStatus(StrEnum):
    REVIEWED = "reviewed"
    MACHINE = "machine"  # engine output for this very source, not reviewed
    TM = "tm"  # a translation memory's match for this very source, not reviewed
    ALIGNED = "aligned"  # a pair found by `l10n align` in a human translation, not reviewed
    CHANGED = "changed"  # fuzzy: the source changed since it was translated, or marked by hand
    JOINED = "joined"  # translated together with the segment before it (`catalog.joins`)
    UNTRANSLATED = "untranslated"
    OBSOLETE = "obsolete"

    @property
    def live(self) -> bool:
        """Whether the entry counts in percentages: its source is in the document, and it
        is a unit of work of its own (a joined entry is its neighbour's)."""
        return self not in (EntryStatus.OBSOLETE, EntryStatus.JOINED)

    @property
    def has_translation(self) -> bool:
        """Whether there is a translation to show, reviewed or not."""
        return self in (
            EntryStatus.REVIEWED,
            EntryStatus.MACHINE,
            EntryStatus.TM,
            EntryStatus.ALIGNED,
            EntryStatus.CHANGED,
        )

    @property
    def needs_review(self) -> bool:
        """Translated but not reviewed: what gettext marks `fuzzy`."""
        return self in (
            EntryStatus.MACHINE,
            EntryStatus.TM,
            EntryStatus.ALIGNED,
            EntryStatus.CHANGED,
        )


MACHINE_TRANSLATION = "machine translation"
TM = "tm"
ALIGNED = "aligned"
# provenance kind → the status of an unreviewed entry it filled
PROVENANCE_KINDS: dict[str, EntryStatus] = {
    MACHINE_TRANSLATION: EntryStatus.MACHINE,
    TM: EntryStatus.TM,
    ALIGNED: EntryStatus.ALIGNED,
}
JOINED = "l10n-joined:"  # `# l10n-joined: <hash of the segment before>`: see catalog.joins


def joined_with(entry: polib.POEntry) -> str | None:
    """The content hash of the segment an untranslated entry was translated together
    with (the one before it), or None."""
    if entry.msgstr or entry.obsolete:
        return None
    for line in (entry.tcomment or "").splitlines():
        if line.startswith(JOINED):
            words = line[len(JOINED) :].split()
            return words[0] if words else None
    return None


def provenance_kind(line: str) -> str | None:
    """The kind of a provenance line (`machine translation: …`), None for another line."""
    kind, colon, _ = line.partition(": ")
    return kind if colon and kind in PROVENANCE_KINDS else None


STATE = "l10n: "  # the prefix of a provenance line in a translator comment


def provenance_lines(entry: polib.POEntry) -> list[str]:
    """The provenance of an entry's translation, `<kind>: <detail>` lines: from its
    translator comment, and from the places older catalogs kept it (the extracted
    comment; an obsolete entry's translator comment, unprefixed)."""
    found = []
    for line in (entry.tcomment or "").splitlines():
        bare = line.removeprefix(STATE)
        if provenance_kind(bare) and (bare != line or entry.obsolete):
            found.append(bare)
    if not entry.obsolete:
        found += [line for line in (entry.comment or "").splitlines() if provenance_kind(line)]
    return found


def status(entry: polib.POEntry) -> EntryStatus:
    """An entry's status. A fuzzy entry with no translation counts as untranslated, as
    msgfmt counts it."""
    if entry.obsolete:
        return EntryStatus.OBSOLETE
    if not entry.msgstr:
        return EntryStatus.JOINED if joined_with(entry) else EntryStatus.UNTRANSLATED
    if not entry.fuzzy:
        return EntryStatus.REVIEWED
    lines = provenance_lines(entry)
    if entry.previous_msgid is None and lines:
        return PROVENANCE_KINDS[provenance_kind(lines[-1]) or MACHINE_TRANSLATION]
    return EntryStatus.CHANGED


def is_unreviewed_machine(entry: polib.POEntry) -> bool:
    """Engine output nobody has reviewed, for this source or (carried over with `#| msgid`)
    for an earlier version of it: what `--retranslate-machine` redoes."""
    return status(entry).needs_review and any(
        provenance_kind(line) == MACHINE_TRANSLATION for line in provenance_lines(entry)
    )


def pending(catalog: polib.POFile, *, retranslate_machine: bool = False) -> list[polib.POEntry]:
    """Entries a provider may fill: the empty ones (not those translated together with the
    segment before them); with `retranslate_machine`, also the
    unreviewed machine output, including output carried over from a changed source.
    Reviewed entries never."""
    return [
        entry
        for entry in catalog
        if not entry.obsolete
        and (
            (not entry.msgstr and joined_with(entry) is None)
            or (retranslate_machine and is_unreviewed_machine(entry))
        )
    ]


def translations(catalog: polib.POFile) -> dict[str, tuple[str, EntryStatus]]:
    """msgid → (translation, status) for the live entries with a translation; for a
    joined entry, (the content hash of the segment it was translated with, JOINED)."""
    found = {}
    for entry in catalog:
        entry_status = status(entry)
        if entry_status.has_translation:
            found[entry.msgid] = (entry.msgstr, entry_status)
        elif entry_status is EntryStatus.JOINED:
            found[entry.msgid] = (joined_with(entry) or "", entry_status)
    return found
