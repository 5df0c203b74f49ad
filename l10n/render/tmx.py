"""TMX 1.4 of the translated segments: reviewed pairs, and on request unreviewed ones.

Each distinct source text gives one translation unit; unreviewed units carry
`<prop type="x-l10n-status">unreviewed</prop>`. Characters XML 1.0 forbids are dropped.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from .. import __version__
from ..edition import Edition, Status

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _xml_text(text: str) -> str:
    return _NOT_XML.sub("", text)


class TmxRenderer:
    extension = "tmx"

    def __init__(self, include_machine: bool = False, created: str = "") -> None:
        self.include_machine = include_machine
        self.created = created

    def render(self, edition: Edition) -> str:
        tmx = ET.Element("tmx", version="1.4")
        header = ET.SubElement(
            tmx,
            "header",
            creationtool="l10n",
            creationtoolversion=__version__,
            datatype="plaintext",
            segtype="sentence",
            adminlang="en",
            srclang=edition.source_language,
            **{"o-tmf": "gettext PO"},
        )
        if self.created:
            header.set("creationdate", self.created)
        ET.SubElement(header, "prop", type="x-l10n-document").text = edition.name
        body = ET.SubElement(tmx, "body")
        wanted = {Status.REVIEWED, Status.UNREVIEWED} if self.include_machine else {Status.REVIEWED}
        seen: set[str] = set()
        for pair in edition.pairs():
            if pair.status not in wanted or pair.source in seen:
                continue
            seen.add(pair.source)
            unit = ET.SubElement(body, "tu", tuid=pair.id)
            ET.SubElement(unit, "prop", type="x-l10n-status").text = str(pair.status)
            for language, text in (
                (edition.source_language, pair.source),
                (edition.target_language, pair.target),
            ):
                variant = ET.SubElement(unit, "tuv", {_XML_LANG: language})
                ET.SubElement(variant, "seg").text = _xml_text(text)
        ET.indent(tmx)
        return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(tmx, "unicode") + "\n"


def make_renderer(options) -> TmxRenderer:
    """The renderer for the build's options (`stages.build.BuildOptions`)."""
    return TmxRenderer(options.include_machine, options.created)
