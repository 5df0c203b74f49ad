"""Machine output in catalogs: how entries an engine fills are marked.

Each filled entry is `fuzzy`, with its provenance in an extracted comment line
that starts with PROVENANCE (which entries may be filled: `status.pending`).
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


def fill(entries: Iterable[polib.POEntry], translated: Mapping[str, tuple[str, str]]) -> int:
    """Put provided translations, msgid → (text, provenance line), into entries as fuzzy with
    that line (replacing an older one); returns how many were filled. An empty text leaves
    its entry empty."""
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
        entry.comment = "\n".join([*kept, provenance])
        count += 1
    return count
