"""Catalogs → an XLIFF 1.2 document (strict schema), one <file> per catalog."""

from __future__ import annotations

import hashlib
import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import polib

from .. import __version__
from ..catalog.ignores import IGNORE
from ..catalog.status import STATE, EntryStatus, provenance_kind, provenance_lines, status
from ..catalog.template import segment_id
from ..errors import XliffError
from ..placeholders import PLACEHOLDER
from ..tmx import NOT_XML
from . import DATATYPE, NS, XML_NS, q

_SPACE = f"{{{XML_NS}}}space"


@dataclass(frozen=True)
class Proposal:
    """A translation memory's match offered to the translator (<alt-trans>)."""

    source: str
    target: str
    quality: int  # 0–100
    origin: str


@dataclass(frozen=True)
class XliffFile:
    """One catalog to export, with the languages and the memory's matches for its entries
    (msgid → proposals)."""

    original: str  # the catalog's path in the project
    source_language: str
    target_language: str
    catalog: polib.POFile
    proposals: Mapping[str, Sequence[Proposal]] = field(default_factory=dict)


def unit_id(entry: polib.POEntry) -> str:
    """A unit's id: its segment id, or (obsolete entries, which have none) a digest of
    its source."""
    if not entry.obsolete and segment_id(entry):
        return segment_id(entry)
    prefix = "obsolete-" if entry.obsolete else "text-"
    return prefix + hashlib.sha1(entry.msgid.encode("utf-8")).hexdigest()[:12]


def unit_ids(catalog: polib.POFile) -> dict[str, polib.POEntry]:
    """Each entry of a catalog under the id its unit has in an export, in catalog order."""
    found: dict[str, polib.POEntry] = {}
    for entry in catalog:
        if entry.msgid:
            identifier = unit_id(entry)
            while identifier in found:  # one text per id, whatever happens
                identifier += "-"
            found[identifier] = entry
    return found


def translator_lines(entry: polib.POEntry) -> list[str]:
    """The translator's own comment lines, without the ones l10n keeps there."""
    return [
        line
        for line in (entry.tcomment or "").splitlines()
        if not line.startswith((STATE, IGNORE)) and not provenance_kind(line)
    ]


def _fill(element: ET.Element, text: str, where: str) -> None:
    """`text` as the content of a <source> or <target>: the placeholders of a Markdown or
    HTML source (`<1>…</1>`, `<2/>`) as XLIFF's own inline elements, <g id="1"> and
    <x id="2"/>, which CAT tools show as tags to keep; as plain text when they do not nest."""
    stack, parent, last = [element], element, None
    position = 0

    def add(chunk: str) -> None:
        chunk = _xml_text(chunk, where)
        if last is None or last not in list(parent):
            parent.text = (parent.text or "") + chunk
        else:
            last.tail = (last.tail or "") + chunk

    for match in PLACEHOLDER.finditer(text):
        add(text[position : match.start()])
        closing, number, void = match.groups()
        if void:
            last = ET.SubElement(parent, q("x"), id=number)
        elif closing:
            if len(stack) < 2 or stack[-1].get("id") != number:
                break  # crossed or unopened: the whole text as text
            last = stack.pop()
            parent = stack[-1]
        else:
            child = ET.SubElement(parent, q("g"), id=number)
            stack.append(child)
            parent, last = child, None
        position = match.end()
    else:
        add(text[position:])
        if len(stack) == 1:
            return
    for child in list(element):
        element.remove(child)
    element.text = _xml_text(text, where)


def _xml_text(text: str, where: str) -> str:
    bad = NOT_XML.search(text)
    if bad:
        raise XliffError(
            f"{where}: U+{ord(bad.group()):04X} cannot be written in XML; "
            "remove it from the catalog first"
        )
    return text


def _state(entry: polib.POEntry, entry_status: EntryStatus) -> dict[str, str]:
    if entry_status is EntryStatus.REVIEWED:
        return {"state": "final"}
    if entry_status is EntryStatus.UNTRANSLATED:
        return {"state": "needs-translation"}
    attributes = {"state": "needs-review-translation"}
    if entry_status is EntryStatus.MACHINE:
        attributes["state-qualifier"] = "mt-suggestion"
    elif entry_status is EntryStatus.TM:
        exact = any(" exact " in f" {line} " for line in provenance_lines(entry))
        attributes["state-qualifier"] = "exact-match" if exact else "fuzzy-match"
    return attributes


def _note(unit: ET.Element, text: str, source: str, annotates: str = "general") -> None:
    note = ET.SubElement(unit, q("note"), {"from": source, "annotates": annotates})
    note.text = text


def _unit(body: ET.Element, identifier: str, entry: polib.POEntry, file: XliffFile) -> None:
    where = f"{file.original}:{entry.linenum}"
    entry_status = status(entry)
    attributes = {
        "id": identifier,
        "resname": identifier,
        "approved": "yes" if entry_status is EntryStatus.REVIEWED else "no",
        _SPACE: "preserve",
    }
    if entry.obsolete or entry_status is EntryStatus.JOINED:
        attributes["translate"] = "no"
    unit = ET.SubElement(body, q("trans-unit"), attributes)
    _fill(ET.SubElement(unit, q("source")), entry.msgid, where)
    done = entry.obsolete or entry_status is EntryStatus.JOINED
    state = {"state": "final"} if done else _state(entry, entry_status)
    _fill(ET.SubElement(unit, q("target"), state), entry.msgstr, where)
    if entry.obsolete:
        _note(unit, "obsolete: no longer in the source document; kept for reuse", "l10n")
    if entry_status is EntryStatus.JOINED:
        _note(unit, "joined: translated together with the segment before", "l10n")
    for line in (entry.comment or "").splitlines():
        if not provenance_kind(line):
            _note(unit, _xml_text(line, where), "developer", "source")
    for line in provenance_lines(entry):
        _note(unit, _xml_text(line, where), "l10n", "target")
    for line in (entry.tcomment or "").splitlines():
        if line.startswith(IGNORE):
            _note(unit, _xml_text(line, where), "l10n")
    translator = translator_lines(entry)
    if translator:
        _note(unit, _xml_text("\n".join(translator), where), "translator")
    for path, line in entry.occurrences:
        group = ET.SubElement(unit, q("context-group"), purpose="location")
        ET.SubElement(group, q("context"), {"context-type": "sourcefile"}).text = path
        if line:
            ET.SubElement(group, q("context"), {"context-type": "linenumber"}).text = line
    if entry.previous_msgid is not None and entry.msgstr:
        alt = ET.SubElement(unit, q("alt-trans"), alttranstype="previous-version")
        ET.SubElement(alt, q("source")).text = _xml_text(entry.previous_msgid, where)
        ET.SubElement(alt, q("target")).text = _xml_text(entry.msgstr, where)
    for proposal in () if entry.obsolete else file.proposals.get(entry.msgid, ()):
        alt = ET.SubElement(
            unit,
            q("alt-trans"),
            {
                "alttranstype": "proposal",
                "match-quality": str(proposal.quality),
                "origin": proposal.origin,
            },
        )
        ET.SubElement(alt, q("source")).text = _xml_text(proposal.source, where)
        ET.SubElement(alt, q("target")).text = _xml_text(proposal.target, where)


def write_xliff(files: Sequence[XliffFile]) -> bytes:
    """The XLIFF 1.2 document of these catalogs (UTF-8)."""
    ET.register_namespace("", NS)
    root = ET.Element(q("xliff"), version="1.2")
    for file in files:
        element = ET.SubElement(
            root,
            q("file"),
            {
                "original": file.original,
                "source-language": file.source_language,
                "target-language": file.target_language,
                "datatype": DATATYPE,
                "tool-id": "l10n",
            },
        )
        header = ET.SubElement(element, q("header"))
        ET.SubElement(
            header, q("tool"), {"tool-id": "l10n", "tool-name": "l10n", "tool-version": __version__}
        )
        body = ET.SubElement(element, q("body"))
        for identifier, entry in unit_ids(file.catalog).items():
            _unit(body, identifier, entry, file)
    _indent(root)
    text = ET.tostring(root, encoding="unicode")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + text + "\n").encode("utf-8")


_TEXTS = {q("source"), q("target"), q("note"), q("context")}  # content: never indented


def _indent(element: ET.Element, level: int = 0) -> None:
    """Two spaces a level, as ET.indent does, but no whitespace inside the elements
    whose content is text (a <source> may hold <g> and <x>)."""
    if element.tag in _TEXTS or not len(element):
        return
    inner = "\n" + "  " * (level + 1)
    element.text = inner
    for child in element:
        _indent(child, level + 1)
        child.tail = inner
    child.tail = "\n" + "  " * level
