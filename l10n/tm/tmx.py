"""TMX files for the translation memory: read units from TMX 1.1–1.4 as other tools write
them (OmegaT, Trados, Okapi, po2tmx), and write TMX 1.4. Inline codes (<bpt>/<ept>,
<ph>, <it>, <ut>) are read as the placeholders of Markdown and HTML sources, and
placeholders are written as inline codes (`l10n/tmx.py`)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable

from ..errors import TMError
from ..placeholders import nesting_problem
from ..tmx import XML_LANG, add_unit, new_tmx, serialise
from .store import Unit

_CODES = {"bpt", "ept", "ph", "it", "ut"}  # markup codes, not text


class _Codes:
    """The placeholder numbers of a translation unit's inline codes, numbered in the order
    of its source and shared by its variants: a code of a translation takes the number of
    the source's code with the same `x` (else the same `i`, else the same text)."""

    def __init__(self) -> None:
        self.numbers: dict[tuple, int] = {}

    def number(self, key: tuple, content: str, form: str) -> int:
        """A code's number: the one it shows when its text is l10n's own placeholder (`form`
        with a number, as l10n writes it), else the source's for the same key, else the
        next free one."""
        own = re.fullmatch(form.replace("N", r"(\d+)"), content)
        if own:
            return int(own.group(1))
        if key not in self.numbers:
            used = set(self.numbers.values())
            self.numbers[key] = next(n for n in range(1, len(used) + 2) if n not in used)
        return self.numbers[key]


def _seg_text(seg: ET.Element, codes: _Codes | None, pairs: bool = True) -> str:
    """The text of a <seg>, its inline codes as placeholders: a <bpt> with its <ept> as
    `<n>…</n>`, any other code (<ph>, <it>, <ut>, a <bpt> without its <ept>) as `<n/>`;
    the text of <hi> is text, that of a code's <sub> is not. Without `codes`, the text
    alone."""
    paired = {e.get("i") for e in seg.iter("bpt")} & {e.get("i") for e in seg.iter("ept")}
    if not pairs:
        paired = set()
    before = dict(codes.numbers) if codes is not None else {}
    opened: dict[str, int] = {}
    seen: dict[tuple, int] = {}
    parts: list[str] = []

    def walk(element: ET.Element) -> None:
        parts.append(element.text or "")
        for child in element:
            i = child.get("i")
            if codes is None and child.tag in _CODES:
                pass
            elif child.tag == "bpt" and i in paired:
                key = ("pair", child.get("x") or f"i{i}")
                opened[i] = codes.number(key, "".join(child.itertext()), "<N>")
                parts.append(f"<{opened[i]}>")
            elif child.tag == "ept" and i in opened:
                parts.append(f"</{opened.pop(i)}>")
            elif child.tag in _CODES:
                content = "".join(child.itertext())
                key = ("void", child.get("x") or f"{child.tag}:{child.get('pos')}:{content}")
                seen[key] = seen.get(key, 0) + 1
                parts.append(f"<{codes.number((*key, seen[key]), content, '<N/>')}/>")
            else:  # <hi>, or what TMX does not define: its text
                walk(child)
            parts.append(child.tail or "")

    walk(seg)
    text = "".join(parts)
    if codes is not None and pairs and nesting_problem(text) is not None:  # crossed pairs
        codes.numbers = before
        return _seg_text(seg, codes, pairs=False)
    return text


def _language(element: ET.Element) -> str:
    return element.get(XML_LANG) or element.get("lang") or ""


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
        variants = [(lang, seg) for lang, seg in variants if lang and seg is not None]
        sources = [
            (lang, seg)
            for lang, seg in variants
            if same_language(lang, source_language)
            and (declared in ("", "*all*") or same_language(lang, declared))
        ]
        if not sources:
            continue
        codes = _Codes()
        source_lang, source = sources[0][0], _seg_text(sources[0][1], codes)
        if not source.strip():
            continue
        for lang, seg in variants:
            if lang != source_lang and not same_language(lang, source_lang):
                text = _seg_text(seg, codes)
                if text.strip():
                    # a translation without codes pairs with the source's text alone
                    own = source
                    if text == _seg_text(seg, None):
                        own = _seg_text(sources[0][1], None)
                    if own.strip():
                        units.append(Unit(own, text, source_lang, lang, label, number))
    return units


def write_tmx(units: Iterable[Unit], source_language: str) -> str:
    """TMX 1.4 of the units, one translation unit each."""
    tmx, _, body = new_tmx(source_language, "l10n translation memory")
    for unit in units:
        sides = ((unit.source_language, unit.source), (unit.target_language, unit.target))
        add_unit(body, sides, {"x-l10n-origin": unit.origin})
    return serialise(tmx)
