"""Provider output in catalogs: how filled entries are marked, and the marks removed.

Each filled entry is `fuzzy`, with one provenance line `<kind>: <detail>` in its
translator comment, as `# l10n: <kind>: <detail>` (the kinds and what they mean:
`status.PROVENANCE_KINDS`; which entries may be filled: `status.pending`). The line
follows output carried over to a changed source only while nobody has reviewed it: a
reviewed translation carried over is a translator's work.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import polib

from .status import STATE, provenance_kind


def provenance_line(kind: str, detail: str) -> str:
    """The comment line that says which provider filled an entry, and how."""
    if provenance_kind(f"{kind}: ") is None:
        raise ValueError(f"unknown provenance kind {kind!r} (see status.PROVENANCE_KINDS)")
    return f"{kind}: {detail}"


def without_provenance(comment: str) -> str:
    """A comment without provenance lines, in the current form or an older one."""
    return "\n".join(
        line
        for line in (comment or "").splitlines()
        if not provenance_kind(line.removeprefix(STATE))
    )


def with_provenance(tcomment: str, lines: Iterable[str]) -> str:
    """A translator comment whose provenance is `lines` (`<kind>: <detail>`), after the
    translator's own lines."""
    own = without_provenance(tcomment).splitlines()
    return "\n".join([*own, *(STATE + line for line in lines)])


def fill(entries: Iterable[polib.POEntry], translated: Mapping[str, tuple[str, str, bool]]) -> int:
    """Put provided translations, msgid → (text, provenance line, accepted), into entries
    with that line (replacing an older one): fuzzy, unless accepted as reviewed. Returns how
    many were filled; an empty text leaves its entry empty."""
    count = 0
    for entry in entries:
        text, provenance, accepted = translated.get(entry.msgid, ("", "", False))
        if not text:
            continue
        entry.msgstr = text
        entry.previous_msgid = None  # the output is for this source, not an earlier one
        if accepted:
            entry.flags = [flag for flag in entry.flags if flag != "fuzzy"]
        elif "fuzzy" not in entry.flags:
            entry.flags.append("fuzzy")
        entry.comment = without_provenance(entry.comment)
        entry.tcomment = with_provenance(entry.tcomment, [provenance])
        count += 1
    return count
