"""Writing TMX 1.4: the header, translation units, and the XML text, for editions and the
translation memory alike. Characters XML 1.0 forbids are dropped."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping

from . import __version__

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


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


def add_unit(
    body: ET.Element,
    sides: Iterable[tuple[str, str]],
    props: Mapping[str, str],
    tuid: str | None = None,
) -> None:
    """A <tu> with its properties and one <tuv> per (language, text) side."""
    unit = ET.SubElement(body, "tu", tuid=tuid) if tuid else ET.SubElement(body, "tu")
    for kind, value in props.items():
        ET.SubElement(unit, "prop", type=kind).text = value
    for language, text in sides:
        variant = ET.SubElement(unit, "tuv", {XML_LANG: language})
        ET.SubElement(variant, "seg").text = NOT_XML.sub("", text)


def serialise(tmx: ET.Element) -> str:
    ET.indent(tmx)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(tmx, "unicode") + "\n"
