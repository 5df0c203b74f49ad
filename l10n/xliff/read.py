"""An XLIFF 1.2 document → its files and units, as a CAT tool saved them."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass

from ..errors import XliffError
from . import NS, q

_INLINE_CODES = {q(tag) for tag in ("bpt", "ept", "ph", "it", "x", "bx", "ex")}


@dataclass(frozen=True)
class ReadUnit:
    id: str
    source: str
    target: str | None  # None: no <target>
    state: str
    approved: bool
    translate: bool
    translator_note: str | None  # None: no translator note


@dataclass(frozen=True)
class ReadFile:
    original: str
    target_language: str
    units: tuple[ReadUnit, ...]


def _text(element: ET.Element) -> str:
    """The text of a <source> or <target>: its characters and those of <mrk>; <g id="1">
    and <x id="2"/> as the placeholders `<1>…</1>` and `<2/>` they stand for; other
    inline codes left out."""
    parts = [element.text or ""]
    for child in element:
        identifier = child.get("id", "")
        if child.tag == q("g") and identifier.isdigit():
            parts.append(f"<{identifier}>{_text(child)}</{identifier}>")
        elif child.tag == q("x") and identifier.isdigit():
            parts.append(f"<{identifier}/>")
        elif child.tag not in _INLINE_CODES:
            parts.append(_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _unit(element: ET.Element, label: str) -> ReadUnit:
    identifier = element.get("id")
    source = element.find(q("source"))
    if not identifier or source is None:
        raise XliffError(f"{label}: a <trans-unit> without an id or a <source>")
    target = element.find(q("target"))
    notes = [n for n in element.findall(q("note")) if n.get("from") == "translator"]
    return ReadUnit(
        identifier,
        _text(source),
        None if target is None else _text(target),
        (target.get("state", "") if target is not None else ""),
        element.get("approved") == "yes",
        element.get("translate", "yes") != "no",
        "\n".join(_text(n) for n in notes) if notes else None,
    )


def read_xliff(data: bytes, label: str) -> list[ReadFile]:
    """The files of an XLIFF 1.2 document and their translation units."""
    try:
        root = ET.fromstring(data)
    except ET.ParseError as err:
        raise XliffError(f"{label}: not an XLIFF file: {err}") from err
    if root.tag != q("xliff"):
        raise XliffError(f"{label}: not an XLIFF 1.2 file (no <xliff> in {NS})")
    files = []
    for file in root.findall(q("file")):
        original = file.get("original")
        if not original:
            raise XliffError(f"{label}: a <file> without an `original` attribute")
        units = tuple(_unit(u, label) for u in file.iter(q("trans-unit")))
        files.append(ReadFile(original, file.get("target-language", ""), units))
    if not files:
        raise XliffError(f"{label}: no <file> in the XLIFF document")
    return files
