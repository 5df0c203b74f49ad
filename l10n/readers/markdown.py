"""Markdown articles (CommonMark, GFM tables and strikethrough, YAML front matter).

`markdown-it-py` finds the structure; each inline run (heading, paragraph, list item,
quote, table cell) is found again in the source, character by character, so every piece
of inline markup has its exact span: emphasis, strong, strikethrough and links become
paired placeholders, inline code, images, hard breaks and autolinks void ones, and an
image's alt text and a link's title are segments of their own. Front matter, code
blocks and HTML blocks are kept and never extracted. The blocks partition the source,
so rendering the Document gives it back byte for byte.
"""

from __future__ import annotations

import re
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..document import BlockKind, Document
from ..files import decode_source
from ..segment.rules import Rules
from .inline import ATTR, CLOSE, OPEN, TEXT, VOID, BlockDraft, Unit, assemble, segments
from .links import Lost as _Lost
from .links import bracket_end as _bracket_end
from .links import link_tail as _link_tail
from .links import unescape as _unescape

_FRONT_MATTER = re.compile(
    r"\A(?:\ufeff)?---[ \t]*\r?\n(?:.*?\r?\n)??(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S
)
# container and block markers before a run's first character: quotes, list items, headings
_PREFIX = re.compile(
    r"(?:[ \t]*(?:>|[-+*](?=[ \t])|\d{1,9}[.)](?=[ \t]|$)|#{1,6}(?=[ \t]|$)))*[ \t]*", re.M
)
_PAIRED = {"strong_open": "strong", "em_open": "em", "s_open": "s", "link_open": "link"}
_CLOSING = {"strong_close", "em_close", "s_close", "link_close"}
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)[^>]*?(/?)>\Z", re.S)
_VOID_TAGS = {"br", "img", "wbr", "hr", "input"}
_SKIP = re.compile(r"\s*<!--\s*l10n:\s*skip\s*-->\s*")
_LEAVES = {"fence", "code_block", "html_block", "hr"}
_BREAK = re.compile(r"[ \t]*\n[ \t]*")
_NOT_TRANSLATED = re.compile(r"""\btranslate\s*=\s*["']?no\b""", re.I)


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    md.disable("text_join")  # keep escapes and entities as tokens of their own
    return md


def _kind(stack: list[str], tag: str, first_heading: bool) -> BlockKind:
    if tag in ("th", "td"):
        return BlockKind.TABLE_CELL
    if tag.startswith("h") and tag[1:].isdigit():
        return BlockKind.TITLE if tag == "h1" and first_heading else BlockKind.HEADING
    if "list_item" in stack:
        return BlockKind.LIST_ITEM
    if "blockquote" in stack:
        return BlockKind.QUOTE
    return BlockKind.PARAGRAPH


class _Locator:
    """Finds an inline token's content in the source: content offset → source offset."""

    def __init__(self, text: str) -> None:
        self.text = text

    def map(self, content: str, start: int) -> list[int]:
        text = self.text
        j = _PREFIX.match(text, start).end()
        where = []
        skippable = " \t|\u3000\u00a0"  # before the first character: a cell's bar, spaces
        for ch in content:
            if ch == "\n":
                while j < len(text) and text[j] in " \t\r":
                    j += 1
                if j >= len(text) or text[j] != "\n":
                    raise _Lost
                where.append(j)
                j += 1
                skippable = " \t>\u3000\u00a0"  # a continuation line's quote markers, indentation
                continue
            if skippable:
                while j < len(text) and text[j] != ch and text[j] in skippable:
                    j += 1
                skippable = ""
            if j >= len(text) or text[j] != ch:
                raise _Lost
            where.append(j)
            j += 1
        where.append(j)
        return where


class _Inline:
    """The units of one inline token."""

    def __init__(self, content: str, where: list[int], children: list[Token], keys) -> None:
        self.content, self.where, self.children, self.keys = content, where, children, keys
        self.units: list[Unit] = []
        self.c = 0

    def _span(self, a: int, b: int) -> tuple[int, int]:
        return self.where[a], self.where[b - 1] + 1 if b > a else self.where[a]

    def _expect(self, literal: str) -> int:
        if not self.content.startswith(literal, self.c):
            raise _Lost
        start = self.c
        self.c += len(literal)
        return start

    def _text(self, decoded: str) -> None:
        for k, ch in enumerate(decoded):
            at = self.c + k
            self.units.append(Unit(TEXT, self.where[at], self.where[at] + 1, ch))
        self.c += len(decoded)

    def _attr(self, a: int, b: int, quote: str) -> None:
        """An alt text or title; one over several lines is one segment, its line breaks
        (with a continuation line's markers) read as a space."""
        if b > a:
            start, end = self._span(a, b)
            text = _BREAK.sub(" ", _unescape(self.content[a:b]))
            self.units.append(Unit(ATTR, start, end, text, quote=quote))

    def _untranslated(self, tok: Token, i: int) -> int:
        """An inline HTML element marked translate="no", up to its end tag, as one void unit;
        the index of the next child."""
        content, children = self.content, self.children
        start = self._expect(tok.content)
        tag = _TAG.match(tok.content)
        if tag and not tag.group(1) and not tag.group(3):
            name = tag.group(2).lower()
            edges = re.compile(rf"<(/?){re.escape(name)}(?=[\s/>])[^>]*>", re.I)
            depth = 1
            for match in edges.finditer(content, self.c):
                depth += -1 if match.group(1) else 1
                if depth == 0:
                    self.c = match.end()
                    break
            else:
                raise _Lost
            depth, i = 1, i + 1  # the children up to the end tag are consumed with it
            while i < len(children) and depth:
                edge = (
                    edges.fullmatch(children[i].content)
                    if children[i].type == "html_inline"
                    else None
                )
                if edge:
                    depth += -1 if edge.group(1) else 1
                i += 1
            if depth:
                raise _Lost
        else:
            i += 1
        shown = re.sub(r"\s+", " ", re.sub(r"<[^>]*>", "", content[start : self.c])).strip()
        self.units.append(Unit(VOID, *self._span(start, self.c), shown, element="span"))
        return i

    def run(self) -> list[Unit]:
        content = self.content
        stack: dict[str, list[int]] = {}
        html_stack: list[tuple[str, int]] = []
        children = self.children
        i = 0
        while i < len(children):
            tok = children[i]
            kind = tok.type
            if kind == "text":
                if tok.content:
                    found = content.find(tok.content, self.c)
                    if found < 0 or content[self.c : found].strip(" \t"):
                        raise _Lost
                    self._text(content[self.c : found])
                    self._text(tok.content)
            elif kind == "text_special":
                start = self._expect(tok.markup)
                s, e = self._span(start, self.c)
                decoded = re.sub(r"[\n\r]", " ", tok.content)  # `&#10;` too
                self.units.append(Unit(TEXT, s, e, decoded))
            elif kind in _PAIRED and not (kind == "link_open" and tok.markup == "autolink"):
                key = next(self.keys)
                stack.setdefault(_PAIRED[kind], []).append(key)
                start = self._expect("[" if kind == "link_open" else tok.markup)
                s, e = self._span(start, self.c)
                element = {"strong": "strong", "em": "em", "s": "s", "link": "a"}[_PAIRED[kind]]
                href = str(tok.attrs.get("href", ""))
                self.units.append(Unit(OPEN, s, e, key=key, element=element, href=href))
            elif kind == "link_open":  # an autolink: <http://…>, one void
                start = self._expect("<")
                end = content.index(">", self.c) + 1
                while children[i].type != "link_close":
                    i += 1
                self.c = end
                s, e = self._span(start, end)
                self.units.append(Unit(VOID, s, e, content[start + 1 : end - 1], element="code"))
            elif kind in _CLOSING:
                name = kind[: -len("_close")]
                key = stack[name].pop()
                start = self.c
                if name == "link":
                    self.c, title = _link_tail(content, self.c)
                else:
                    self._expect(tok.markup)
                    title = None
                s, e = self._span(start, self.c)
                self.units.append(Unit(CLOSE, s, e, key=key))
                if title is not None:
                    self._attr(*title, quote=content[title[0] - 1])
            elif kind == "image":
                start = self._expect("![")
                alt_end = _bracket_end(content, start + 1)
                self.c, title = _link_tail(content, alt_end)
                s, e = self._span(start, self.c)
                alt = _BREAK.sub(" ", _unescape(content[start + 2 : alt_end]))
                self.units.append(Unit(VOID, s, e, alt, element="img"))
                self._attr(start + 2, alt_end, quote="")
                if title is not None:
                    self._attr(*title, quote=content[title[0] - 1])
            elif kind == "code_inline":
                start = self._expect(tok.markup)
                pattern = re.compile(r"(?<!`)" + re.escape(tok.markup) + r"(?!`)")
                match = pattern.search(content, self.c)
                if match is None:
                    raise _Lost
                self.c = match.end()
                code = Unit(VOID, *self._span(start, self.c), tok.content, element="code")
                self.units.append(code)
            elif kind in ("softbreak", "hardbreak"):
                newline = content.index("\n", self.c)
                if kind == "hardbreak":  # with the next line's indentation
                    start = self.c
                    self.c = newline + 1
                    s = self.where[start]
                    e = self.where[self.c] if self.c < len(content) else self.where[newline] + 1
                    self.units.append(Unit(VOID, s, e, element="br"))
                else:
                    self._text(content[self.c : newline])
                    s = self.where[newline]
                    self.c = newline + 1
                    while self.c < len(content) and content[self.c] in " \t":
                        self.c += 1  # the next line's leading spaces go with the break
                    e = self.where[self.c] if self.c < len(content) else s + 1
                    self.units.append(Unit(TEXT, s, e, " "))
            elif kind == "html_inline" and _NOT_TRANSLATED.search(tok.content):
                i = self._untranslated(tok, i)
                continue
            elif kind == "html_inline":
                start = self._expect(tok.content)
                span = self._span(start, self.c)
                tag = _TAG.match(tok.content)
                if tag and not tag.group(3) and tag.group(2).lower() not in _VOID_TAGS:
                    name = tag.group(2).lower()
                    if not tag.group(1):
                        key = next(self.keys)
                        html_stack.append((name, key))
                        self.units.append(Unit(OPEN, *span, key=key, element=name))
                        i += 1
                        continue
                    if html_stack and html_stack[-1][0] == name:
                        self.units.append(Unit(CLOSE, *span, key=html_stack.pop()[1]))
                        i += 1
                        continue
                br = tag is not None and tag.group(2).lower() == "br"
                self.units.append(Unit(VOID, *span, element="br" if br else ""))
            else:
                raise _Lost
            i += 1
        return self.units


def _inline_units(text: str, token: Token, start: int, keys) -> tuple[list[Unit], int]:
    where = _Locator(text).map(token.content, start)
    units = _Inline(token.content, where, token.children or [], keys).run()
    return units, where[-1]


def read(data: bytes, name: str, rules: Rules) -> Document:
    return parse(decode_source(data, name), name, rules)


def parse(text: str, name: str = "", rules: Rules | None = None) -> Document:
    rules = rules or Rules()
    blocks: list[BlockDraft] = []
    offset = 0
    front = _FRONT_MATTER.match(text)
    if front:
        blocks.append(BlockDraft(BlockKind.FRONT_MATTER, 0, front.end()))
        offset = front.end()
    body = text[offset:]
    line_starts = [offset] + [offset + i + 1 for i, ch in enumerate(body) if ch == "\n"]

    def line_start(n: int) -> int:
        return line_starts[n] if n < len(line_starts) else len(text)

    tokens = _parser().parse(body.replace("\r\n", "\n").replace("\r", "\n"))
    keys = iter(range(1, 1 << 30))
    skip_next, skipping = False, None  # after a skip marker: the depth of the block skipped
    stack: list[str] = []
    position = offset
    first_heading = True
    for index, token in enumerate(tokens):
        if skip_next and (token.nesting == 1 or token.type in _LEAVES):
            skip_next = False
            skipping = len(stack) if token.nesting == 1 else None
        if token.nesting == 1:
            stack.append(token.type[: -len("_open")])
        elif token.nesting == -1 and stack:
            stack.pop()
            if skipping is not None and len(stack) <= skipping:
                skipping = None
                continue
        if token.type == "html_block" and _SKIP.fullmatch(token.content):
            skip_next = True
        if skipping is not None:
            continue
        if token.type in ("fence", "code_block", "html_block") and token.map:
            a, b = line_start(token.map[0]), line_start(token.map[1])
            kind = BlockKind.MARKUP if token.type == "html_block" else BlockKind.CODE
            blocks.append(BlockDraft(kind, max(a, position), b))
            position = max(position, b)
        if token.type != "inline" or not token.map:
            continue
        opener = tokens[index - 1] if index else None
        tag = opener.tag if opener is not None and opener.nesting == 1 else ""
        kind = _kind(stack, tag, first_heading)
        if kind is BlockKind.TITLE:
            first_heading = False
        start = max(position, line_start(token.map[0]))
        if not token.content.strip():
            continue
        try:
            units, end = _inline_units(text, token, start, keys)
        except (_Lost, KeyError, IndexError, ValueError):
            a, b = start, line_start(token.map[1])
            raw = text[a:b].rstrip("\r\n")
            units = [Unit(TEXT, a + k, a + k + 1, ch) for k, ch in enumerate(raw) if ch != "\r"]
            units = [u if u.text != "\n" else Unit(TEXT, u.start, u.end, " ") for u in units]
            end = a + len(raw)
        first = min((u.start for u in units), default=start)
        blocks.append(BlockDraft(kind, first, end, segments(units, rules, "md")))
        position = end
    return assemble(name, text, blocks)
