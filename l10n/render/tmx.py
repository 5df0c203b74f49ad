"""TMX 1.4 of the translated segments: reviewed pairs, and on request unreviewed ones.

Each distinct source text gives one translation unit; unreviewed units carry
`<prop type="x-l10n-status">unreviewed</prop>`. Characters XML 1.0 forbids are dropped.
Placeholders are TMX inline elements (`<bpt>`/`<ept>`, `<ph>`), typed by the element
each stands for.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from ..edition import Edition, Status
from ..tmx import add_unit, element_type, new_tmx, serialise


class TmxRenderer:
    extension = "tmx"

    def __init__(self, include_machine: bool = False, created: str = "") -> None:
        self.include_machine = include_machine
        self.created = created

    def render(self, edition: Edition) -> str:
        tmx, header, body = new_tmx(edition.source_language, "gettext PO")
        if self.created:
            header.set("creationdate", self.created)
        ET.SubElement(header, "prop", type="x-l10n-document").text = edition.name
        wanted = {Status.REVIEWED, Status.UNREVIEWED} if self.include_machine else {Status.REVIEWED}
        seen: set[str] = set()
        for pair in edition.pairs():
            if pair.status not in wanted or pair.source in seen:
                continue
            seen.add(pair.source)
            sides = (
                (edition.source_language, pair.source),
                (edition.target_language, pair.target),
            )
            places = pair.markup.placeholders if pair.markup else ()
            types = {p.number: element_type(p.element) for p in places}
            add_unit(body, sides, {"x-l10n-status": str(pair.status)}, pair.id, types)
        return serialise(tmx)


def make_renderer(options) -> TmxRenderer:
    """The renderer for the build's options (`stages.build.BuildOptions`)."""
    return TmxRenderer(options.include_machine, options.created)
