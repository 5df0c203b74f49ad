"""Marked-up text → sentence segments with placeholders, shared by the Markdown and HTML readers.

A reader turns each run of inline content (a paragraph, a heading, a table cell) into
`Unit`s over the document text: text (one decoded character or entity, with the raw
span it comes from), the opening and closing markup of a paired element (bold, a link),
a void element (a line break, an image, inline code, anything marked not to translate),
and attribute values that are segments of their own (an image's alt, a link's title).

Sentences are found on the decoded text alone, by our Chinese rules; each sentence then
takes the markup around it, numbered per segment: `<1>…</1>` for a pair, `<2/>` for a
void. A pair that crosses a sentence end is closed at the end of one segment and opened
again at the start of the next, so every segment holds balanced tags. `assemble` makes
the Document: the readers' blocks, with what lies between them kept as markup.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from ..document import Block, BlockKind, Document, Markup, Placeholder, Segment, assign_ids
from ..segment.rules import Rules
from ..segment.sentences import split_line

TEXT, OPEN, CLOSE, VOID, ATTR = "text", "open", "close", "void", "attr"


@dataclass(frozen=True)
class Unit:
    kind: str
    start: int
    end: int
    text: str = ""  # decoded text (TEXT, ATTR)
    key: int = 0  # which element a pair's OPEN and CLOSE belong to
    quote: str = '"'  # ATTR: the value's quotation mark
    element: str = ""  # OPEN, VOID: what it is, for editions (strong, a, code, img, br…)
    href: str = ""  # OPEN of a link: its address


@dataclass(frozen=True)
class Draft:
    """A segment before its id is known."""

    text: str
    start: int
    end: int
    markup: Markup


@dataclass
class BlockDraft:
    kind: BlockKind
    start: int
    end: int
    segments: list[Draft] = field(default_factory=list)


def _assign(units: list[Unit], spans: list[tuple[int, int]], offsets: list[int]) -> list[int]:
    """The sentence index of each unit, or -1 for text between sentences."""
    owner = [-1] * len(units)
    starts = [s for s, _ in spans]
    for k, unit in enumerate(units):
        if unit.kind == TEXT and unit.text:
            i = bisect.bisect_right(starts, offsets[k]) - 1
            if i >= 0 and offsets[k] < spans[i][1]:
                owner[k] = i
    result = list(owner)
    previous = [-1] * len(units)
    last = -1
    for k in range(len(units)):
        previous[k] = last
        if owner[k] >= 0:
            last = owner[k]
    following = [-1] * len(units)
    nxt = -1
    for k in range(len(units) - 1, -1, -1):
        following[k] = nxt
        if owner[k] >= 0:
            nxt = owner[k]
    for k, unit in enumerate(units):
        if owner[k] >= 0 or unit.kind in (TEXT, ATTR):
            continue
        before, after = previous[k], following[k]
        if before < 0 or after < 0 or before == after:
            result[k] = after if before < 0 else before
            continue
        # between two sentences: a trailing run of openings goes with the next one
        rest = units[k:]
        j = 0
        while (
            j < len(rest)
            and owner[k + j] < 0
            and (
                rest[j].kind in (OPEN, ATTR) or (rest[j].kind == TEXT and not rest[j].text.strip())
            )
        ):
            j += 1
        result[k] = after if j < len(rest) and owner[k + j] == after else before
    return result


def _nested(units: list[Unit]) -> list[Unit]:
    """The units with pairs that cross another one (`<b><i></b></i>`) or close what is not
    open made void, so that the remaining pairs nest."""
    stack: list[int] = []
    crossed: set[int] = set()
    for unit in units:
        if unit.kind == OPEN:
            stack.append(unit.key)
        elif unit.kind == CLOSE:
            if stack and stack[-1] == unit.key:
                stack.pop()
            elif unit.key in stack:
                stack.remove(unit.key)
                crossed.add(unit.key)
            else:
                crossed.add(unit.key)
    return [
        Unit(VOID, u.start, u.end) if u.kind in (OPEN, CLOSE) and u.key in crossed else u
        for u in units
    ]


class _Numbering:
    """Placeholder numbers of one segment, in order of appearance."""

    def __init__(self, opens: dict[int, Unit], closes: dict[int, tuple[int, int]]):
        self.opens, self.closes = opens, closes
        self.numbers: dict[int, int] = {}
        self.found: list[Placeholder] = []

    def number(self, key: int, *, void: Unit | None = None) -> int:
        n = len(self.found) + 1
        if void is not None:
            span = (void.start, void.end)
            self.found.append(Placeholder(n, span, None, True, void.element, "", void.text))
        else:
            self.numbers[key] = n
            unit = self.opens[key]
            span = (unit.start, unit.end)
            placeholder = Placeholder(n, span, self.closes.get(key), False, unit.element, unit.href)
            self.found.append(placeholder)
        return n


def segments(units: list[Unit], rules: Rules, fmt: str) -> list[Draft]:
    """The sentence segments of a run of units, then its attribute segments."""
    units = _nested(units)
    offsets, plain = [], []
    length = 0
    for unit in units:
        offsets.append(length)
        if unit.kind == TEXT:
            plain.append(unit.text)
            length += len(unit.text)
    spans = split_line("".join(plain), rules.sentence)
    owner = _assign(units, spans, offsets)
    closes = {u.key: (u.start, u.end) for u in units if u.kind == CLOSE}
    opens = {u.key: u for u in units if u.kind == OPEN}
    drafts = []
    carried: list[int] = []  # keys of pairs open at the end of the previous segment
    for i in range(len(spans)):
        members = [k for k, o in enumerate(owner) if o == i]
        if not members:
            continue
        first, last = members[0], members[-1]
        numbering = _Numbering(opens, closes)
        number, numbers, placeholders = numbering.number, numbering.numbers, numbering.found
        out = []
        stack = list(carried)
        for key in stack:
            out.append(f"<{number(key)}>")
        for unit in units[first : last + 1]:
            if unit.kind == TEXT:
                out.append(unit.text)
            elif unit.kind == OPEN:
                out.append(f"<{number(unit.key)}>")
                stack.append(unit.key)
            elif unit.kind == CLOSE and unit.key in stack:
                out.append(f"</{numbers[unit.key]}>")
                stack.remove(unit.key)
            elif unit.kind == VOID:
                out.append(f"<{number(0, void=unit)}/>")
        carried = list(stack)
        out.extend(f"</{numbers[key]}>" for key in reversed(stack))
        # a unit of several characters (`\\` and a space) may bring whitespace at an end
        text = "".join(out).strip().strip("\ufeff")
        if not text:
            continue
        markup = Markup(fmt, placeholders=tuple(placeholders))
        drafts.append(Draft(text, units[first].start, units[last].end, markup))
    for unit in units:
        if unit.kind == ATTR and unit.text.strip():
            lead = len(unit.text) - len(unit.text.lstrip())
            trail = len(unit.text) - len(unit.text.rstrip())
            if unit.end - unit.start == len(unit.text):  # raw = decoded: trim the span too
                start, end = unit.start + lead, unit.end - trail
            else:
                start, end = unit.start, unit.end
            drafts.append(Draft(unit.text.strip(), start, end, Markup(fmt, True, unit.quote)))
    return drafts


def line_of(line_starts: list[int], offset: int) -> int:
    return bisect.bisect_right(line_starts, offset)


def assemble(name: str, text: str, blocks: list[BlockDraft]) -> Document:
    """The Document of the readers' blocks (in order, not overlapping); what lies between
    them becomes a markup block, so the blocks partition the text."""
    line_starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    ordered: list[BlockDraft] = []
    position = 0
    for block in sorted(blocks, key=lambda b: b.start):
        if block.start < position or block.end <= block.start:
            continue
        if block.start > position:
            ordered.append(BlockDraft(BlockKind.MARKUP, position, block.start))
        ordered.append(block)
        position = block.end
    if position < len(text):
        ordered.append(BlockDraft(BlockKind.MARKUP, position, len(text)))
    extracted = [d.text for b in ordered if b.kind.extracted for d in b.segments]
    ids = iter(assign_ids(extracted))
    result = []
    for block in ordered:
        segs = tuple(
            Segment(
                d.text,
                d.start,
                d.end,
                next(ids) if block.kind.extracted else "",
                line_of(line_starts, d.start),
                d.markup,
            )
            for d in block.segments
        )
        result.append(Block(block.kind, text[block.start : block.end], block.start, segs))
    return Document(name, text, tuple(result))
