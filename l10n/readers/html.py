"""HTML articles: a full document or a CMS body fragment.

The structure is the HTML5 parser's (`html5.py`: html5lib, the standard's algorithm,
as a browser builds it): which element a run of text ends up in, which end tags the
parser implied, what it fostered out of a table or reopened after misnested formatting.
Each token keeps its span of the source, and nothing is rebuilt from tokens: every block
is a slice of the source, so rendering the Document gives the source back byte for byte,
whatever the markup (checked by a property test).

The text and inline elements (phrasing content: a, b, em, span, code, img, br…) whose
nearest other element is the same block element (p, h1–h6, li, blockquote, td, th,
caption, figcaption, title, div, body…), one after another in the source, are an inline
run: paired inline elements become `<1>…</1>`,
void ones (`<br>`, `<img>`, `<code>`, a comment, anything with `translate="no"`) `<2/>`;
`alt` and `title` attributes are segments of their own; a tag the parser ignored, or
an end tag closing nothing opened in the run, is a void one too, so that it is kept.
`<script>`, `<style>`, `<pre>`, comments between blocks and elements marked
`translate="no"` (with all they hold in the tree) are kept, never extracted.
"""

from __future__ import annotations

import re
from html import unescape

from ..document import BlockKind, Document
from ..files import decode_source
from ..segment.rules import Rules
from . import html5
from .inline import ATTR, CLOSE, OPEN, TEXT, VOID, BlockDraft, Unit, assemble, segments

INLINE = frozenset(
    "a abbr b bdi bdo big button cite code data del dfn em font i ins kbd label mark q rp rt "
    "ruby s samp small span strike strong sub sup time tt u var img br wbr".split()
)
VOID_ELEMENTS = frozenset("area base br col embed hr img input link meta source track wbr".split())
# held as they are: raw text, preformatted text, what a browser does not show as text
_RAW = frozenset(
    "script style pre textarea template svg math xmp plaintext iframe noembed noframes".split()
)
_CODE = frozenset({"script", "style", "pre", "xmp", "plaintext"})
_KINDS = {
    "li": BlockKind.LIST_ITEM,
    "dt": BlockKind.LIST_ITEM,
    "dd": BlockKind.LIST_ITEM,
    "blockquote": BlockKind.QUOTE,
    "td": BlockKind.TABLE_CELL,
    "th": BlockKind.TABLE_CELL,
    "caption": BlockKind.CAPTION,
    "figcaption": BlockKind.CAPTION,
}
_ATTRIBUTE = re.compile(
    r"""[\s/"'](alt|title)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", re.I
)
_LANG = re.compile(r"""[\s/"']lang\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", re.I)
_ENTITY = re.compile(r"&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]*;?)")
_SPACE = re.compile(r"[ \t\n\r\f]+")
_TAGS = re.compile(r"<[^>]*>")


def root_lang(text: str) -> tuple[int, int, str] | None:
    """Where the `<html>` start tag's lang value goes: (start, end, quote) of the value, or
    an empty span just after `<html` with quote "" when it has none; None for a fragment."""
    for token in html5.parse(text):
        if token.kind == "start" and token.name == "html":
            raw = text[token.start : token.end]
            match = _LANG.search(raw)
            if match is None:
                return token.start + 5, token.start + 5, ""
            group = next(g for g in (1, 2, 3) if match.group(g) is not None)
            quote = "" if group == 3 else raw[match.start(group) - 1]
            return token.start + match.start(group), token.start + match.end(group), quote
    return None


def _text_units(text: str, start: int, end: int) -> list[Unit]:
    units = []
    i = start
    while i < end:
        space = _SPACE.match(text, i, end)
        if space:
            units.append(Unit(TEXT, i, space.end(), " "))
            i = space.end()
            continue
        if text[i] == "&":
            entity = _ENTITY.match(text, i, end)
            if entity:
                decoded = _SPACE.sub(" ", unescape(entity.group()))  # `&#10;` too
                units.append(Unit(TEXT, i, entity.end(), decoded))
                i = entity.end()
                continue
        units.append(Unit(TEXT, i, i + 1, text[i]))
        i += 1
    return units


def _attribute_units(text: str, token: html5.Token) -> list[Unit]:
    """The alt and title values of a start tag, as the parser decoded them (the first of
    a repeated attribute counts)."""
    units = []
    seen = set()
    for match in _ATTRIBUTE.finditer(text, token.start, token.end):
        name = match.group(1).lower()
        value = token.attrs.get(name)
        if name in seen or not isinstance(value, str):
            continue
        seen.add(name)
        group = next(g for g in (2, 3, 4) if match.group(g) is not None)
        quote = "" if group == 4 else text[match.start(group) - 1]
        decoded = _SPACE.sub(" ", value)  # a msgid never holds a line break
        units.append(Unit(ATTR, match.start(group), match.end(group), decoded, quote=quote))
    return units


def _untranslated(node: html5.Node) -> bool:
    if node.name in _RAW or node.name == "code":
        return True
    value = node.attributes.get("translate")
    return isinstance(value, str) and value.strip().lower() == "no"


def _outermost(node: html5.Node | None, known: dict[int, html5.Node | None]):
    """The outermost element not translated around a node (or the node), or None."""
    path = []
    while node is not None and not isinstance(node, html5.Document) and id(node) not in known:
        path.append(node)
        node = node.parent
    around = known.get(id(node)) if node is not None else None
    for element in reversed(path):
        if around is None and _untranslated(element):
            around = element
        known[id(element)] = around
    return around


def _inline(node: html5.Node | None) -> bool:
    return node is not None and node.name in INLINE and node.namespace is None


def _block(node: html5.Node | None) -> html5.Node | None:
    """The element whose inline content a node is part of: its nearest non-inline one."""
    return next((n for n in html5.ancestors(node) if not _inline(n)), None)


class _Reader:
    def __init__(self, text: str, rules: Rules) -> None:
        self.text, self.rules = text, rules
        self.blocks: list[BlockDraft] = []
        self.run: list[Unit] = []
        self.owner: html5.Node | None = None  # the element whose inline content the run is
        self.keys: dict[int, int] = {}  # id of an inline element opened in the run → its key
        self.key = 0
        self.title_seen = False

    def kind(self, owner: html5.Node | None) -> BlockKind:
        for node in html5.ancestors(owner):
            if node.name in ("title", "h1"):
                return BlockKind.HEADING if self.title_seen else BlockKind.TITLE
            if re.fullmatch(r"h[2-6]", node.name):
                return BlockKind.HEADING
            if node.name in _KINDS:
                return _KINDS[node.name]
        return BlockKind.PARAGRAPH

    def flush(self) -> None:
        run, owner = self.run, self.owner
        self.run, self.owner, self.keys = [], None, {}
        useful = [u for u in run if u.kind != TEXT or u.text.strip()]
        has_text = any(u.kind == TEXT for u in useful)
        if not has_text and not any(u.kind == ATTR for u in useful):
            return
        kind = self.kind(owner)
        if kind is BlockKind.TITLE:
            self.title_seen = True
        first = min(u.start for u in useful)
        last = max(u.end for u in useful if u.kind != ATTR)
        drafts = segments(run, self.rules, "html")
        self.blocks.append(BlockDraft(kind, first, max(last, first), drafts))

    def read(self) -> list[BlockDraft]:
        tokens = html5.parse(self.text)
        outer: dict[int, html5.Node | None] = {}  # id of a node → its outermost untranslated
        last: dict[int, int] = {}  # id of an untranslated element → its last token's index
        for k, token in enumerate(tokens):
            hidden = _outermost(token.node, outer)
            if hidden is not None:
                last[id(hidden)] = k
        i = 0
        while i < len(tokens):
            token, node = tokens[i], tokens[i].node
            hidden = _outermost(node, outer)
            if token.kind == "start" and hidden is not None and hidden is node:
                j = max(last[id(node)], i)  # the element and all it holds are kept as they are
                self._kept(token, node, tokens[j].end)
                i = j + 1
                continue
            if hidden is not None or node is None:
                self._other(token)
            elif token.kind == "text":
                self._join(_block(node))
                self.run.extend(_text_units(self.text, token.start, token.end))
            elif _inline(node):
                self._tag(token, node)
            elif token.kind in ("start", "end"):
                self.flush()  # a block element opens or closes
            else:
                self._other(token)
            i += 1
        self.flush()
        return self.blocks

    def _kept(self, token: html5.Token, node: html5.Node, stop: int) -> None:
        """An element with all it holds kept as it is: one void placeholder inline, a code
        or markup block otherwise."""
        if _inline(node):
            self._join(_block(node))
            shown = _SPACE.sub(" ", unescape(_TAGS.sub("", self.text[token.end : stop])))
            element = "code" if node.name == "code" else "span"
            self.run.append(Unit(VOID, token.start, stop, shown.strip(), element=element))
        else:
            self.flush()
            if node.name in _CODE:
                self.blocks.append(BlockDraft(BlockKind.CODE, token.start, stop))

    def _join(self, owner: html5.Node | None) -> None:
        """Inline content of `owner` comes next: a new run, unless the run is its own."""
        if self.owner is not None and owner is not self.owner:
            self.flush()
        self.owner = owner

    def _other(self, token: html5.Token) -> None:
        """A token that is no text or inline element of the run (a comment, a tag the
        parser ignored, what an untranslated element holds): kept as it is."""
        if self.run:
            self.run.append(Unit(VOID, token.start, token.end))

    def _tag(self, token: html5.Token, node: html5.Node) -> None:
        start, end = token.start, token.end
        if token.kind == "end":
            key = self.keys.pop(id(node), None)
            if key is None:
                self._other(token)
            else:
                self.run.append(Unit(CLOSE, start, end, key=key))
            return
        if self.owner is None:
            self.owner = _block(node)
        if node.name in VOID_ELEMENTS:
            alt = token.attrs.get("alt") or "" if node.name == "img" else ""
            self.run.append(Unit(VOID, start, end, _SPACE.sub(" ", alt).strip(), element=node.name))
        else:
            self.key += 1
            self.keys[id(node)] = self.key
            href = token.attrs.get("href") or "" if node.name == "a" else ""
            self.run.append(Unit(OPEN, start, end, key=self.key, element=node.name, href=href))
        self.run.extend(_attribute_units(self.text, token))


def read(data: bytes, name: str, rules: Rules) -> Document:
    return parse(decode_source(data, name), name, rules)


def parse(text: str, name: str = "", rules: Rules | None = None) -> Document:
    return assemble(name, text, _Reader(text, rules or Rules()).read())
