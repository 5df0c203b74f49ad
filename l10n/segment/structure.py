"""Text → Document: lines become blocks of a kind, extracted blocks get sentence segments.

Each non-blank line is a block (docs/segmentation.md R1, R8); runs of blank lines
(whitespace, NBSP, U+3000, BOM) are one blank block; a bracketed byline that closes
a paragraph becomes a block of its own (R7). Block texts keep their line terminators,
so the blocks partition the text exactly. Page furniture (the built-in patterns, which
match whole lines, plus the `boilerplate` setting's) is kept but never extracted and never
counts as content: the title is the first line of content.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..document import Block, BlockKind, Document, Segment, assign_ids
from .rules import Rules, StructureRules
from .sentences import split_line, trim

# LF, CRLF and CR (R1), and the other separators that str.splitlines() and
# gettext readers treat as line ends, so that no segment ever contains one.
_BREAKS = "\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_LINE = re.compile(rf"[^{_BREAKS}]*(?:\r\n|[{_BREAKS}])|[^{_BREAKS}]+\Z")


@dataclass(frozen=True)
class _Draft:
    """A block before segment ids are known: spans are absolute offsets."""

    kind: BlockKind
    start: int
    end: int
    line: int
    spans: tuple[tuple[int, int], ...]


class _Classifier:
    def __init__(self, rules: StructureRules) -> None:
        self.rules = rules
        # built-in furniture matches whole lines; the setting's patterns are searched
        self.builtin = [re.compile(p) for p in rules.builtin_boilerplate]
        self.boilerplate = [re.compile(p) for p in rules.boilerplate]
        self.breadcrumb = re.compile(rules.breadcrumb)
        self.meta = re.compile(rules.meta)
        self.list_item = re.compile(rules.list_item)
        self.byline = re.compile(rules.byline)
        self.seen_content = False

    def kind(self, content: str) -> BlockKind:
        first = not self.seen_content
        if any(p.fullmatch(content) for p in self.builtin) or any(
            p.search(content) for p in self.boilerplate
        ):  # furniture is never content, so never the title either
            return BlockKind.BOILERPLATE
        if first and self.breadcrumb.search(content):
            return BlockKind.BREADCRUMB
        self.seen_content = True
        if self.meta.search(content):
            return BlockKind.META
        if self.list_item.search(content):
            return BlockKind.LIST_ITEM
        if self.byline.search(content):
            return BlockKind.BYLINE
        # A headline has no full stop; a first line with one is the opening paragraph.
        if first and len(content) <= self.rules.title_max_chars and "。" not in content:
            return BlockKind.TITLE
        return BlockKind.PARAGRAPH


def lines(text: str) -> list[tuple[int, str]]:
    """(offset, line with its terminator) for every line of the text."""
    return [(m.start(), m.group()) for m in _LINE.finditer(text) if m.group()]


def _line_drafts(offset: int, number: int, raw: str, classifier: _Classifier, rules: Rules):
    body = raw.rstrip(_BREAKS)
    span = trim(body, 0, len(body))
    if span is None:  # a line of whitespace only has no segment (R1)
        return [_Draft(BlockKind.BLANK, offset, offset + len(raw), number, ())]
    content = body[span[0] : span[1]]
    kind = classifier.kind(content)
    if kind in (BlockKind.TITLE, BlockKind.META, BlockKind.BYLINE):
        spans = [span]
    else:
        spans = split_line(body, rules.sentence)
    absolute = tuple((offset + s, offset + e) for s, e in spans)
    if kind is BlockKind.PARAGRAPH and len(spans) > 1:  # a byline after a sentence end (R7)
        s, e = spans[-1]
        if classifier.byline.search(body[s:e]):
            return [
                _Draft(kind, offset, offset + s, number, absolute[:-1]),
                _Draft(BlockKind.BYLINE, offset + s, offset + len(raw), number, absolute[-1:]),
            ]
    return [_Draft(kind, offset, offset + len(raw), number, absolute)]


def _merge_blanks(drafts: list[_Draft]) -> list[_Draft]:
    merged: list[_Draft] = []
    for draft in drafts:
        if merged and draft.kind is BlockKind.BLANK and merged[-1].kind is BlockKind.BLANK:
            merged[-1] = _Draft(BlockKind.BLANK, merged[-1].start, draft.end, merged[-1].line, ())
        else:
            merged.append(draft)
    return merged


def parse(text: str, name: str = "", rules: Rules | None = None) -> Document:
    """Split a text into blocks and sentence segments; `render(parse(t)) == t`."""
    rules = rules or Rules()
    classifier = _Classifier(rules.structure)
    drafts: list[_Draft] = []
    for number, (offset, raw) in enumerate(lines(text), start=1):
        drafts.extend(_line_drafts(offset, number, raw, classifier, rules))
    drafts = _merge_blanks(drafts)
    extracted = [text[s:e] for d in drafts if d.kind.extracted for s, e in d.spans]
    ids = iter(assign_ids(extracted))
    blocks = []
    for d in drafts:
        segments = tuple(
            Segment(text[s:e], s, e, next(ids) if d.kind.extracted else "", d.line)
            for s, e in d.spans
        )
        blocks.append(Block(d.kind, text[d.start : d.end], d.start, segments))
    return Document(name, text, tuple(blocks))
