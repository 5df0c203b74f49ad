"""`l10n align SOURCE TRANSLATION`: a human translation aligned with its source, sentence by
sentence, as JSON beads or TMX 1.4.

The source is read and segmented as every command reads it; the translation is English
text, split by `align.english`. A translation that plainly belongs to another text is
not aligned (exit 1) unless forced.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, replace
from pathlib import Path

from ..align import Alignment, align
from ..align.english import paragraphs
from ..catalog.aligned import AlignedBead, fill_aligned
from ..document import BlockKind, Document
from ..errors import FINDINGS, CatalogError, InputError, NoModelError, PackageError
from ..files import atomic_write, read_input
from ..mt import make_engine
from ..project import (
    CatalogPlan,
    Source,
    catalog_path,
    document_language,
    load,
    lock,
    read_on_disk,
    relative,
    write_catalogs,
)
from ..settings import Settings, require_language
from ..tmx import add_unit, new_tmx, serialise
from . import StageOptions
from .check import glossary

FORMATS = ("json", "tmx", "po")
_BRACKETED = re.compile(r"[(（〔【\[].*[)）〕】\]]")  # a credit or byline: (完), (編輯:…)
_OPTIONAL_KINDS = frozenset({BlockKind.META, BlockKind.BYLINE})


@dataclass(frozen=True)
class AlignOptions(StageOptions):
    source: Path = Path()
    translation: Path = Path()
    output: Path | None = None  # None: stdout
    format: str = "json"
    force: bool = False  # align a translation that seems to be of another text
    language: str | None = None  # po: the catalog's language (default: the first)
    accept: float | None = None  # po: beads scoring this or more are reviewed
    mt: bool | None = None  # a draft machine translation as a cost: None, when available


@dataclass(frozen=True)
class AlignResult:
    alignment: Alignment
    text: str  # the beads in the format asked for ("" when not aligned)
    written: Path | None
    warnings: tuple[str, ...]
    exit_code: int = 0
    summary: tuple[str, ...] = ()  # what was written into a catalog

    def lines(self) -> list[str]:
        if self.summary:
            return list(self.summary)
        if self.written is not None:
            return [f"{self.written}: {len(self.alignment.beads)} beads"]
        return [self.text.rstrip("\n")] if self.text else []


def decode_translation(data: bytes, label: str) -> str:
    """The text of an English translation, or an InputError saying why it is not one."""
    if not data.strip():
        raise InputError(f"{label} is empty: nothing to align")
    if b"\x00" in data:
        raise InputError(f"{label} is a binary file, not an English text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(
            f"{label} is not UTF-8 text (byte 0x{data[err.start]:02x} at offset {err.start}); "
            "convert it first (iconv -f WINDOWS-1252 -t UTF-8, or the encoding it has)"
        ) from err
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        raise InputError(f"{label} has no words: nothing to align")
    latin = sum(1 for ch in letters if ch < "\u0250")
    if latin < 0.8 * len(letters):
        han = sum(1 for ch in letters if "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff")
        what = "Chinese" if han > 0.5 * len(letters) else "not in the Latin alphabet"
        share = 100 * (len(letters) - latin) // len(letters)
        raise InputError(f"{label} is not English: {share}% of its letters are {what}")
    return text


def source_units(document: Document) -> tuple[list[list[str]], list[bool]]:
    """The document's extracted segments as paragraphs (one per source line), and which
    of them translators often leave out (meta lines, bylines, bracketed credits)."""
    lines: dict[int, list[str]] = {}
    optional = []
    for block, segment in document.segments():
        lines.setdefault(segment.line, []).append(segment.text)
        optional.append(block.kind in _OPTIONAL_KINDS or bool(_BRACKETED.fullmatch(segment.text)))
    return list(lines.values()), optional


def as_json(alignment: Alignment) -> str:
    beads = []
    for bead in alignment.beads:
        source, target = alignment.texts(bead)
        item: dict = {"source": source, "target": target, "score": bead.score}
        if bead.low:
            item["low"] = True
        beads.append(item)
    return json.dumps({"beads": beads}, ensure_ascii=False, indent=1) + "\n"


def as_tmx(alignment: Alignment, source_language: str, name: str) -> str:
    """One unit per bead that pairs both sides; its score and shape as properties."""
    tmx, header, body = new_tmx(source_language, "l10n align")
    ET.SubElement(header, "prop", type="x-l10n-document").text = name
    for bead in alignment.beads:
        if not (bead.source and bead.target):
            continue
        source, target = alignment.texts(bead)
        props = {"x-l10n-bead": f"{len(source)}-{len(target)}", "x-l10n-score": str(bead.score)}
        add_unit(body, ((source_language, "".join(source)), ("en", " ".join(target))), props)
    return serialise(tmx)


def warnings_for(alignment: Alignment) -> list[str]:
    """One line per bead a person should check."""
    found = []
    for number, bead in enumerate(alignment.beads, start=1):
        if not bead.low:
            continue
        source, target = alignment.texts(bead)
        shape = f"{len(source)}-{len(target)}"
        found.append(
            f"bead {number} ({shape}, score {bead.score:.2f}) needs checking: "
            f"{_short(''.join(source)) or '(nothing)'} → {_short(' '.join(target)) or '(nothing)'}"
        )
    return found


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def aligned(settings: Settings, options: AlignOptions) -> tuple[Document, Alignment]:
    """The source document and its alignment with the translation."""
    document = load(Source(options.source, relative(options.source, settings.root)), settings)
    label = str(options.translation)
    text = decode_translation(read_input(options.translation, label), label)
    target = paragraphs(text)
    if not any(target):
        raise InputError(f"{label} has no sentences: nothing to align")
    source, optional = source_units(document)
    if not source:
        raise InputError(f"{options.source}: no segments to align")
    drafts = _drafts(settings, options, [text for paragraph in source for text in paragraph])
    return document, align(source, target, glossary(settings), optional, drafts)


def _drafts(settings: Settings, options: AlignOptions, segments: list[str]) -> list[str]:
    """Draft machine translations of the segments into English, when an engine has a model
    for it (`--mt` requires one, `--no-mt` asks for none; by default, used when there)."""
    if options.mt is False:
        return []
    try:
        engine = make_engine(replace(settings, mt=replace(settings.mt, draft=True)), "en")
        return [t.text for t in engine.translate(segments)]
    except (NoModelError, PackageError) as err:
        if options.mt:
            raise NoModelError(f"--mt: {err}") from err
        return []


def refused(alignment: Alignment, options: AlignOptions) -> AlignResult | None:
    """The result for a translation of another text (exit 1), unless forced."""
    reason = alignment.foreign()
    if reason is None or options.force:
        return None
    message = (
        f"{options.translation} does not look like a translation of {options.source}: "
        f"{reason}; nothing was aligned (--force aligns it anyway)"
    )
    return AlignResult(alignment, "", None, (message,), FINDINGS)


def align_files(settings: Settings, options: AlignOptions) -> AlignResult:
    """`--format json` or `tmx`: the beads, printed or written to `options.output`."""
    document, alignment = aligned(settings, options)
    stop = refused(alignment, options)
    if stop is not None:
        return stop
    if options.format == "tmx":
        text = as_tmx(alignment, document_language(document, settings), document.name)
    else:
        text = as_json(alignment)
    if options.output is not None:
        atomic_write(options.output, text)
    return AlignResult(alignment, text, options.output, tuple(warnings_for(alignment)))


def align_into_catalog(settings: Settings, options: AlignOptions) -> AlignResult:
    """`--format po`: the aligned pairs into the document's catalog (see catalog.aligned)."""
    _, alignment = aligned(settings, options)
    stop = refused(alignment, options)
    if stop is not None:
        return stop
    language = options.language or settings.languages[0]
    require_language(settings, language)
    source = Source(options.source, relative(options.source, settings.root))
    path = catalog_path(source, settings, language)
    label = relative(path, settings.root)
    beads = [AlignedBead(*alignment.texts(bead), bead.score) for bead in alignment.beads]
    with lock(settings):
        on_disk = read_on_disk(path, settings.root, language)
        if on_disk.catalog is None:
            raise CatalogError(f"{label}: no catalog; run `l10n extract` first")
        texts = {e.msgid for e in on_disk.catalog if not e.obsolete}
        stale = [text for bead in beads for text in bead.source if text not in texts]
        if stale:
            raise CatalogError(
                f"{label} is not current for {options.source} ({len(stale)} segment(s) not in "
                "it); run `l10n extract` first"
            )
        filled = fill_aligned(on_disk.catalog, beads, options.translation.name, options.accept)
        write_catalogs([CatalogPlan(on_disk.catalog, on_disk)], settings.root)
    line = (
        f"{label}: {filled.filled} entries filled from {options.translation.name}"
        f" ({filled.reviewed} reviewed), {filled.joined} joined with the segment before"
    )
    if filled.kept:
        line += f"; {filled.kept} reviewed or edited entries left as they were"
    return AlignResult(alignment, "", None, tuple(warnings_for(alignment)), 0, (line,))
