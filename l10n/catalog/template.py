"""Document → template (POT): one entry per distinct segment text, in document order."""

from __future__ import annotations

import re
from dataclasses import dataclass

import polib

from .. import __version__
from ..document import Document


@dataclass(frozen=True)
class Header:
    project: str
    source_language: str
    opencc_config: str
    language: str = ""


def header_metadata(header: Header, date: str) -> dict[str, str]:
    team = header.language or "LANGUAGE"
    return {
        "Project-Id-Version": header.project,
        "Report-Msgid-Bugs-To": "",
        "POT-Creation-Date": date,
        "PO-Revision-Date": date,
        "Last-Translator": "",
        "Language-Team": team,
        "Language": header.language,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": "nplurals=2; plural=(n != 1);",
        "X-Generator": f"l10n {__version__}",
        "X-Source-Language": header.source_language,
        "X-OpenCC-Config": header.opencc_config,
    }


def new_catalog(header: Header, date: str, comment: str = "") -> polib.POFile:
    catalog = polib.POFile(wrapwidth=0, check_for_duplicates=False)
    catalog.metadata = header_metadata(header, date)
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
    template = new_catalog(header, date, f"Template for {document.name}.")
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
