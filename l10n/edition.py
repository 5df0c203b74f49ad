"""A bilingual edition: a document's extracted blocks, each segment beside its translation.

Pure: built from a Document and a msgid → (msgstr, entry status) mapping;
renderers in `l10n.render` turn it into files. (How far review has come is
measured once, for build and check alike: `catalog.tally.source_tally`.)
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

import polib

from .catalog.status import EntryStatus, provenance_lines, status
from .document import BlockKind, Document, Markup, content_hash
from .placeholders import PLACEHOLDER


class Status(StrEnum):
    """How a segment's translation is shown."""

    REVIEWED = "reviewed"
    UNREVIEWED = "unreviewed"  # fuzzy: machine output or a changed source
    UNTRANSLATED = "untranslated"


def shown(entry_status: EntryStatus, *, only_reviewed: bool = False) -> Status:
    """How a translation of this status is shown; `only_reviewed` withholds unreviewed ones."""
    if not entry_status.has_translation or (entry_status.needs_review and only_reviewed):
        return Status.UNTRANSLATED
    return Status.UNREVIEWED if entry_status.needs_review else Status.REVIEWED


@dataclass(frozen=True)
class Pair:
    id: str
    source: str
    target: str  # the translation, or "" when untranslated
    status: Status
    # what the placeholders (`<1>…</1>`, `<2/>`) of a Markdown or HTML source stand for
    markup: Markup | None = field(default=None, compare=False)
    # for an unreviewed translation: its entry's status and provenance (`review_notes`)
    note: str = field(default="", compare=False)


@dataclass(frozen=True)
class EditionBlock:
    kind: BlockKind
    pairs: tuple[Pair, ...]


@dataclass(frozen=True)
class Edition:
    name: str
    source_language: str
    target_language: str
    blocks: tuple[EditionBlock, ...]
    # the source itself, for renderers that write the document in its own format
    document: Document | None = field(default=None, compare=False, repr=False)

    def pairs(self) -> list[Pair]:
        return [pair for block in self.blocks for pair in block.pairs]

    def counts(self) -> dict[Status, int]:
        counts = dict.fromkeys(Status, 0)
        for pair in self.pairs():
            counts[pair.status] += 1
        return counts

    @property
    def title(self) -> str:
        for block in self.blocks:
            if block.kind is BlockKind.TITLE:  # without inline markup placeholders
                return "".join(
                    PLACEHOLDER.sub("", p.source) if p.markup else p.source for p in block.pairs
                )
        return self.name


def _same(text: str) -> str:
    return text


def review_notes(catalog: polib.POFile) -> dict[str, str]:
    """msgid → what an editor is told of an unreviewed translation: the entry's status and
    the provenance lines of its translator comment (`status: machine; machine translation:
    argos …`)."""
    notes = {}
    for entry in catalog:
        entry_status = status(entry)
        if entry_status.needs_review:
            notes[entry.msgid] = "; ".join([f"status: {entry_status}", *provenance_lines(entry)])
    return notes


def align(
    document: Document,
    translated: Mapping[str, tuple[str, EntryStatus]],
    source_language: str,
    target_language: str,
    *,
    only_reviewed: bool = False,
    show_source: Callable[[str], str] = _same,
    notes: Mapping[str, str] | None = None,
) -> Edition:
    """Pair every extracted segment with its translation and review status.

    `only_reviewed` withholds unreviewed (fuzzy) translations: those segments show the
    source, marked untranslated. A segment translated together with the one before it
    (`catalog.joins`) is shown in one pair with it. `show_source` gives the source as
    shown (e.g. converted to another script); ids and statuses still come from the
    original text. `notes` (msgid → text, `review_notes`) go with unreviewed pairs.
    """
    blocks = []
    for block in document.blocks:
        if not block.kind.extracted or not block.segments:
            continue
        pairs: list[Pair] = []
        previous = None
        for segment in block.segments:
            target, entry_status = translated.get(segment.text, ("", EntryStatus.UNTRANSLATED))
            if entry_status is EntryStatus.JOINED:
                if pairs and previous is not None and target == content_hash(previous):
                    last = pairs[-1]  # one pair: the segments together, one translation
                    pairs[-1] = Pair(
                        last.id, last.source + show_source(segment.text), last.target, last.status
                    )  # (the markup of a join is the first segment's: only text sources join)
                    previous = segment.text
                    continue
                entry_status = EntryStatus.UNTRANSLATED  # joined with another segment
            previous = segment.text
            status = shown(entry_status, only_reviewed=only_reviewed)
            if status is Status.UNTRANSLATED:
                target = ""
            source = show_source(segment.text)
            note = (notes or {}).get(segment.text, "") if status is Status.UNREVIEWED else ""
            pairs.append(Pair(segment.id, source, target, status, segment.markup, note))
        blocks.append(EditionBlock(block.kind, tuple(pairs)))
    return Edition(document.name, source_language, target_language, tuple(blocks), document)
