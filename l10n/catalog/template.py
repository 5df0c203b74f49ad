"""Document → template (POT): one entry per distinct segment text, in document order."""

from __future__ import annotations

import re

import polib

from ..document import Document
from .header import Header, template_comment


def new_catalog(header: Header, date: str, comment: str = "") -> polib.POFile:
    catalog = polib.POFile(wrapwidth=0, check_for_duplicates=False)
    catalog.metadata = header.template(date)
    catalog.header = comment
    return catalog


_NOTE = re.compile(r"^\S+ ([0-9a-f]{8}(?:-\d+)?)$")


def segment_id(entry: polib.POEntry) -> str:
    """The id of an entry's first segment, from the `#. <kind> <id>` line of the template."""
    for line in entry.comment.splitlines():
        match = _NOTE.match(line)
        if match:
            return match.group(1)
    return ""


def build_template(document: Document, header: Header, date: str) -> polib.POFile:
    """The POT of a document: msgid = exact segment text, `#:` file:line, `#.` kind and id."""
    template = new_catalog(header, date, template_comment(document.name))
    by_text: dict[str, polib.POEntry] = {}
    for block, segment in document.segments():
        note = f"{block.kind} {segment.id}"
        entry = by_text.get(segment.text)
        if entry is None:
            entry = polib.POEntry(msgid=segment.text, msgstr="", comment=note)
            by_text[segment.text] = entry
            template.append(entry)
        else:
            entry.comment += "\n" + note
        entry.occurrences.append((document.name, str(segment.line)))
    return template
