"""The document model: a source text as ordered blocks of sentence segments.

Pure values, no I/O. A `Document` keeps the exact original text; its blocks
partition that text, so `render(document) == document.text` byte for byte.
Segments are the translatable units, each with its offsets and an id derived
from its content, never from its position. In a plain-text source a segment's text
is exactly `text[start:end]`; in a Markdown or HTML source it is that span as a
translator reads it (entities and escapes decoded, inline markup as numbered
placeholders `<1>…</1>`, `<2/>`), and its `markup` says what each number stands for.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum


class BlockKind(StrEnum):
    BREADCRUMB = "breadcrumb"
    TITLE = "title"
    META = "meta"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list-item"
    BYLINE = "byline"
    BOILERPLATE = "boilerplate"
    BLANK = "blank"
    HEADING = "heading"
    QUOTE = "quote"
    TABLE_CELL = "table-cell"
    CAPTION = "caption"
    CODE = "code"  # code blocks, <script>, <style>: kept, never extracted
    FRONT_MATTER = "front-matter"
    MARKUP = "markup"  # tags, comments, markers and anything marked translate="no"

    @property
    def extracted(self) -> bool:
        """Whether segments of this kind go to translators."""
        return self not in _NOT_EXTRACTED


_NOT_EXTRACTED = frozenset(
    {
        BlockKind.BREADCRUMB,
        BlockKind.BOILERPLATE,
        BlockKind.BLANK,
        BlockKind.CODE,
        BlockKind.FRONT_MATTER,
        BlockKind.MARKUP,
    }
)


@dataclass(frozen=True)
class Placeholder:
    """What placeholder `number` of a segment stands for, as spans of the document text.

    A paired one (`<n>…</n>`) has the span of its opening and of its closing markup
    (None when the source never closes it); a void one (`<n/>`) has only `open`.
    """

    number: int
    open: tuple[int, int]
    close: tuple[int, int] | None = None
    void: bool = False
    # for editions: the element (strong, em, s, a, code, img, br, span…), a link's
    # address and a void element's text (inline code, an alt text, an untranslated name)
    element: str = ""
    href: str = ""
    text: str = ""


@dataclass(frozen=True)
class Markup:
    """How a segment of a marked-up source is written back: its format ("md" or
    "html"), whether it is an attribute value (alt, title), and its placeholders."""

    format: str
    attribute: bool = False
    quote: str = '"'  # the quotation mark around an attribute value, or ""
    placeholders: tuple[Placeholder, ...] = ()


@dataclass(frozen=True)
class Segment:
    """One translatable unit: `text == document.text[start:end]` unless it has `markup`."""

    text: str
    start: int
    end: int
    id: str
    line: int  # 1-based line of `start`, for `#:` references and reports
    markup: Markup | None = None


@dataclass(frozen=True)
class Block:
    """A contiguous span of the document: a line (or part of one) or a run of blank lines."""

    kind: BlockKind
    text: str
    start: int
    segments: tuple[Segment, ...] = ()

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass(frozen=True)
class Document:
    name: str
    text: str
    blocks: tuple[Block, ...]

    def segments(self) -> Iterator[tuple[Block, Segment]]:
        """Every extracted segment with its block, in document order."""
        for block in self.blocks:
            if block.kind.extracted:
                for segment in block.segments:
                    yield block, segment


def render(document: Document) -> str:
    """The document's text, rebuilt from its blocks."""
    return "".join(block.text for block in document.blocks)


def content_hash(text: str) -> str:
    """A short stable hash of a segment's text."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]


def assign_ids(texts: Iterable[str]) -> list[str]:
    """Ids for segment texts in document order: hash, plus `-N` for the N-th repeat."""
    seen: dict[str, int] = {}
    ids = []
    for text in texts:
        count = seen.get(text, 0) + 1
        seen[text] = count
        digest = content_hash(text)
        ids.append(digest if count == 1 else f"{digest}-{count}")
    return ids
