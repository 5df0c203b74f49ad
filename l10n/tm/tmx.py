"""TMX files for the translation memory: read units from TMX 1.1–1.4 as other tools write
them (OmegaT, Trados, Okapi, po2tmx), and write TMX 1.4."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable

from ..errors import TMError
from ..tmx import XML_LANG, add_unit, new_tmx, serialise
from .store import Unit

_INLINE_CODES = {"bpt", "ept", "ph", "it", "ut"}  # markup codes, not text


def _language(element: ET.Element) -> str:
    return element.get(XML_LANG) or element.get("lang") or ""


def _text(seg: ET.Element) -> str:
    """The text of a <seg>: its characters and those of <hi>/<sub>, not inline codes."""
    parts = [seg.text or ""]
    for child in seg:
        if child.tag not in _INLINE_CODES:
            parts.append(_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def same_language(tag: str, wanted: str) -> bool:
    """`en-US` serves `en`; a Chinese tag serves any Chinese source (scripts are keyed)."""
    a, b = tag.lower().replace("_", "-"), wanted.lower().replace("_", "-")
    if a.split("-")[0] == b.split("-")[0] == "zh":
        return True
    return a == b or a.split("-")[0] == b.split("-")[0]


def read_tmx(data: bytes, label: str, source_language: str) -> list[Unit]:
    """The units of a TMX file whose source side is in `source_language` (any Chinese
    script for Chinese): one unit per target language of each translation unit."""
    try:
        root = ET.fromstring(data)
    except ET.ParseError as err:
        raise TMError(f"{label}: not a TMX file: {err}") from err
    if root.tag != "tmx" or root.find("body") is None:
        raise TMError(f"{label}: not a TMX file (no <tmx> with a <body>)")
    header = root.find("header")
    declared = header.get("srclang", "") if header is not None else ""
    units = []
    for number, tu in enumerate(root.iter("tu"), start=1):
        variants = [(_language(tuv), tuv.find("seg")) for tuv in tu.findall("tuv")]
        texts = [(lang, _text(seg)) for lang, seg in variants if lang and seg is not None]
        sources = [
            (lang, text)
            for lang, text in texts
            if same_language(lang, source_language)
            and (declared in ("", "*all*") or same_language(lang, declared))
        ]
        if not sources or not sources[0][1].strip():
            continue
        source_lang, source = sources[0]
        for lang, text in texts:
            if lang != source_lang and text.strip() and not same_language(lang, source_lang):
                units.append(Unit(source, text, source_lang, lang, label, number))
    return units


def write_tmx(units: Iterable[Unit], source_language: str) -> str:
    """TMX 1.4 of the units, one translation unit each."""
    tmx, _, body = new_tmx(source_language, "l10n translation memory")
    for unit in units:
        sides = ((unit.source_language, unit.source), (unit.target_language, unit.target))
        add_unit(body, sides, {"x-l10n-origin": unit.origin})
    return serialise(tmx)
