"""Segments translated together: a translator's one sentence for two source segments.

When a human translation renders two (or three) consecutive segments as one English
sentence, the first segment's entry holds the sentence and each following one is
left empty with a translator comment `# l10n-joined: <hash> (…)`, where `<hash>` is
the content hash of the segment just before it (`document.content_hash`). Such an
entry is JOINED: not untranslated, not a unit of work of its own; editions show the
segments as one pair, checks compare the sentence with the segments together, and
the translation memory holds them as one unit. The mark is a translator comment,
which every gettext tool keeps; `extract` drops it when the segment before is no
longer the one it names (the article changed), so the entry is to translate again.
"""

from __future__ import annotations

from collections.abc import Sequence

import polib

from ..document import content_hash
from .provenance import without_provenance
from .status import JOINED, joined_with

NOTE = "(translated together with the segment before)"


def mark_joined(entry: polib.POEntry, previous: str) -> None:
    """Make `entry` the continuation of the segment whose text is `previous`."""
    entry.msgstr = ""
    entry.previous_msgid = None
    entry.flags = [flag for flag in entry.flags if flag != "fuzzy"]
    own = [
        line
        for line in without_provenance(entry.tcomment).splitlines()
        if not line.startswith(JOINED)
    ]
    entry.tcomment = "\n".join([*own, f"{JOINED} {content_hash(previous)} {NOTE}"])


def joined_sources(entries: Sequence[polib.POEntry]) -> dict[str, str]:
    """msgid → the source its translation covers, for each entry that the entries after it
    (in document order) join: its text and theirs, run together."""
    found: dict[str, str] = {}
    live = [entry for entry in entries if entry.msgid and not entry.obsolete]
    for index, entry in enumerate(live):
        covered, previous = entry.msgid, entry.msgid
        for following in live[index + 1 :]:
            if joined_with(following) != content_hash(previous):
                break
            covered += following.msgid
            previous = following.msgid
        if covered != entry.msgid:
            found.setdefault(entry.msgid, covered)
    return found


def clear_stale(entries: Sequence[polib.POEntry]) -> None:
    """Drop the joined mark of an entry whose segment before (in document order) is not
    the one the mark names: it is to translate again."""
    previous = None
    for entry in entries:
        if entry.obsolete or not entry.msgid:
            continue
        wanted = joined_with(entry)
        if wanted is not None and (previous is None or wanted != content_hash(previous)):
            entry.tcomment = "\n".join(
                line for line in entry.tcomment.splitlines() if not line.startswith(JOINED)
            )
        previous = entry.msgid
