"""Template + old catalog → new catalog, with GNU msgmerge semantics.

Same source: translation, flags and translator comments kept. Changed source:
the translated old entry msgmerge proposes (`fuzzy.proposals`: the most similar
msgid, live or obsolete) gives its translation as fuzzy, with the old source in
`#| msgid` (msgmerge keeps a fuzzy entry's own `#| msgid` instead). New source:
empty. Removed source: obsolete (`#~`) if it had a translation, and revived if the
source returns.
"""

from __future__ import annotations

import polib

from .header import catalog_fields
from .ignores import moved_to_comment
from .joins import clear_stale
from .provenance import with_provenance, without_provenance
from .status import provenance_lines


def update(
    old: polib.POFile | None,
    template: polib.POFile,
    *,
    fuzzy_matching: bool = True,
    comment: str = "",
    language: str = "",
) -> polib.POFile:
    """The catalog for `template`, carrying over the work in `old` (None: a new catalog).
    `comment` heads a new catalog; `language`, when given, is written in the header."""
    new = polib.POFile(wrapwidth=0, check_for_duplicates=False)
    new.header = old.header if old is not None and old.header else comment
    new.metadata = catalog_fields(
        template.metadata, old.metadata if old is not None else None, language
    )
    previous = list(old) if old is not None else []
    exact = {e.msgid: e for e in previous if e.obsolete}
    exact.update({e.msgid: e for e in previous if not e.obsolete})
    current = {t.msgid for t in template}
    used: set[str] = set()
    changed = [t.msgid for t in template if t.msgid not in exact] if fuzzy_matching else []
    near_of = _proposals(changed, previous)
    for source in template:
        match = exact.get(source.msgid)
        entry = polib.POEntry(
            msgid=source.msgid,
            msgstr="",
            comment=source.comment,
            occurrences=list(source.occurrences),
        )
        if match is not None:
            used.add(match.msgid)
            entry.msgstr = match.msgstr
            entry.flags, entry.tcomment = moved_to_comment(
                list(match.flags), without_provenance(match.tcomment)
            )
            entry.previous_msgid = match.previous_msgid
            _carry_provenance(entry, match)
        elif (near := near_of.get(source.msgid)) is not None:
            used.add(near.msgid)
            entry.msgstr = near.msgstr
            entry.flags, entry.tcomment = moved_to_comment(
                [*[f for f in near.flags if f != "fuzzy"], "fuzzy"],
                without_provenance(near.tcomment),
            )
            entry.previous_msgid = near.msgid
            if near.fuzzy:  # reviewed work carried over is a translator's, not an engine's
                _carry_provenance(entry, near)
        new.append(entry)
    for entry in previous:
        if entry.msgid in used or entry.msgid in current or not entry.msgstr:
            continue
        flags, tcomment = moved_to_comment(list(entry.flags), entry.tcomment)
        gone = polib.POEntry(
            msgid=entry.msgid,
            msgstr=entry.msgstr,
            flags=flags,
            tcomment=with_provenance(tcomment, provenance_lines(entry)),
            previous_msgid=entry.previous_msgid,
            obsolete=True,
        )
        new.append(gone)
    clear_stale([entry for entry in new if not entry.obsolete])
    return new


def _carry_provenance(entry: polib.POEntry, old: polib.POEntry) -> None:
    """Keep the note of which engine produced a translation that is carried over."""
    lines = provenance_lines(old)
    if lines and old.msgstr:
        entry.tcomment = with_provenance(entry.tcomment, lines)


def _proposals(changed: list[str], previous: list[polib.POEntry]) -> dict[str, polib.POEntry]:
    """`fuzzy.proposals`, imported (with numpy) only when a source changed."""
    if not changed or not previous:
        return {}
    from .fuzzy import proposals

    return proposals(changed, previous)
