"""Machine output in catalogs: which entries an engine may fill, and how they are marked.

An engine fills only empty entries (and, on request, fuzzy entries it filled
itself); each filled entry is `fuzzy`, with its provenance in an extracted
comment line that starts with PROVENANCE. Reviewed entries are never touched.
Provenance follows output carried over to a changed source only while nobody
has reviewed it: a reviewed translation carried over is a translator's work.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import polib

PROVENANCE = "machine translation: "


def provenance_lines(entry: polib.POEntry) -> list[str]:
    """The provenance of an entry's translation. An obsolete entry keeps it in its translator
    comment, because gettext writes no extracted comments for obsolete entries."""
    text = entry.tcomment if entry.obsolete else entry.comment
    return [line for line in (text or "").splitlines() if line.startswith(PROVENANCE)]


def without_provenance(comment: str) -> str:
    return "\n".join(line for line in comment.splitlines() if not line.startswith(PROVENANCE))


def is_unreviewed_machine(entry: polib.POEntry) -> bool:
    """Fuzzy output of an engine that nobody has reviewed yet, for this source or (carried
    over with `#| msgid`) for an earlier version of it."""
    return entry.fuzzy and bool(provenance_lines(entry))


def is_machine(entry: polib.POEntry) -> bool:
    """Unreviewed engine output for this very source."""
    return is_unreviewed_machine(entry) and entry.previous_msgid is None


def pending(catalog: polib.POFile, *, retranslate_machine: bool = False) -> list[polib.POEntry]:
    """Entries an engine may fill: the empty ones; with `retranslate_machine`, also the
    unreviewed machine output, including output carried over from a changed source."""
    return [
        entry
        for entry in catalog
        if not entry.obsolete
        and (not entry.msgstr or (retranslate_machine and is_unreviewed_machine(entry)))
    ]


def unique_texts(entries: Iterable[polib.POEntry]) -> list[str]:
    """Distinct msgids in first-seen order: each source text goes to the engine once."""
    return list(dict.fromkeys(entry.msgid for entry in entries))


def fill(entries: Iterable[polib.POEntry], translated: Mapping[str, tuple[str, str]]) -> int:
    """Put machine output, msgid → (text, provenance), into entries as fuzzy with its
    provenance; returns how many were filled. An empty output leaves its entry empty."""
    count = 0
    for entry in entries:
        text, provenance = translated.get(entry.msgid, ("", ""))
        if not text:
            continue
        entry.msgstr = text
        entry.previous_msgid = None  # the output is for this source, not an earlier one
        if "fuzzy" not in entry.flags:
            entry.flags.append("fuzzy")
        kept = [line for line in entry.comment.splitlines() if not line.startswith(PROVENANCE)]
        entry.comment = "\n".join([*kept, PROVENANCE + provenance])
        count += 1
    return count
