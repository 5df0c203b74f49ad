"""Writing TMX 1.4: the header, translation units, and the XML text, for editions and the
translation memory alike. Characters XML 1.0 forbids are dropped.

The placeholders of Markdown and HTML sources are TMX's inline elements: `<1>…</1>` is
`<bpt i="1" x="1">&lt;1&gt;</bpt>…<ept i="1">&lt;/1&gt;</ept>` and `<2/>` is
`<ph x="2">&lt;2/&gt;</ph>`; `i` pairs a `<bpt>` with its `<ept>`, `x` ties a code of the
translation to the source's, and the code's text is the placeholder as it is (a tool
that shows inline codes by their text shows `<1>`). `type` says what the placeholder
stands for where that is known (bold, italic, link, image, lb…). Text whose tags do
not nest, or that repeat one, stays text."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping

from . import __version__
from .placeholders import PLACEHOLDER, nesting_problem, placeholders

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# what a placeholder's element is, as TMX 1.4 names it (its own values, else "x-…")
TYPES = {
    "strong": "bold",
    "b": "bold",
    "em": "italic",
    "i": "italic",
    "u": "ulined",
    "a": "link",
    "font": "font",
    "img": "image",
    "br": "lb",
}


def new_tmx(source_language: str, o_tmf: str) -> tuple[ET.Element, ET.Element, ET.Element]:
    """(the <tmx> root, its <header>, its <body>) of a TMX 1.4 document by l10n."""
    tmx = ET.Element("tmx", version="1.4")
    header = ET.SubElement(
        tmx,
        "header",
        creationtool="l10n",
        creationtoolversion=__version__,
        datatype="plaintext",
        segtype="sentence",
        adminlang="en",
        srclang=source_language,
        **{"o-tmf": o_tmf},
    )
    return tmx, header, ET.SubElement(tmx, "body")


def element_type(element: str) -> str:
    """The TMX `type` of a placeholder's element (strong, a, img…), or "" when unknown."""
    return TYPES.get(element, f"x-{element}" if element.isalnum() else "")


def fill_seg(seg: ET.Element, text: str, types: Mapping[int, str] | None = None) -> None:
    """The content of a <seg>: the text, its placeholders as inline elements (with the
    `type` of each number in `types`, when given)."""
    text = NOT_XML.sub("", text)
    tags = placeholders(text)
    if not tags or max(tags.values()) > 1 or nesting_problem(text) is not None:
        seg.text = text
        return
    types = types or {}
    seg.text = ""
    last: ET.Element | None = None
    position = 0
    for match in PLACEHOLDER.finditer(text):
        piece = text[position : match.start()]
        if last is None:
            seg.text += piece
        else:
            last.tail = (last.tail or "") + piece
        closing, number, void = match.groups()
        kind = types.get(int(number), "")
        if void:
            last = ET.SubElement(seg, "ph", x=number, **({"type": kind} if kind else {}))
        elif closing:
            last = ET.SubElement(seg, "ept", i=number)
        else:
            attributes = {"i": number, "x": number, **({"type": kind} if kind else {})}
            last = ET.SubElement(seg, "bpt", attributes)
        last.text = match.group()
        position = match.end()
    if last is None:
        seg.text += text[position:]
    else:
        last.tail = (last.tail or "") + text[position:]


def add_unit(
    body: ET.Element,
    sides: Iterable[tuple[str, str]],
    props: Mapping[str, str],
    tuid: str | None = None,
    types: Mapping[int, str] | None = None,
) -> None:
    """A <tu> with its properties and one <tuv> per (language, text) side."""
    unit = ET.SubElement(body, "tu", tuid=tuid) if tuid else ET.SubElement(body, "tu")
    for kind, value in props.items():
        ET.SubElement(unit, "prop", type=kind).text = value
    for language, text in sides:
        variant = ET.SubElement(unit, "tuv", {XML_LANG: language})
        fill_seg(ET.SubElement(variant, "seg"), text, types)


def _indent(element: ET.Element, level: int = 0) -> None:
    """ET.indent, but a <seg>'s mixed content is left as it is."""
    if element.tag == "seg" or not len(element):
        return
    inner = "\n" + "  " * (level + 1)
    if not (element.text or "").strip():
        element.text = inner
    for child in element:
        _indent(child, level + 1)
        if not (child.tail or "").strip():
            child.tail = inner
    element[-1].tail = "\n" + "  " * level


def serialise(tmx: ET.Element) -> str:
    _indent(tmx)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(tmx, "unicode") + "\n"
