"""HTML articles: a full document or a CMS body fragment.

The standard library's `html.parser` tokenizes the source (HTML5 tokenization of tags,
comments, character data, `<script>`/`<style>` as raw text); the reader uses it only to
find where each token starts. Nothing is rebuilt from tokens: every block is a slice of
the source, so rendering the Document gives the source back byte for byte, whatever
the markup (checked by a property test).

Runs of text and inline elements inside a block element (p, h1–h6, li, blockquote, td,
th, caption, figcaption, title…) are inline runs: paired inline elements become `<1>…</1>`,
void ones (`<br>`, `<img>`, `<code>`, a comment, anything with `translate="no"`) `<2/>`;
`alt` and `title` attributes are segments of their own. `<script>`, `<style>`, `<pre>`,
comments between blocks and elements marked `translate="no"` are kept, never extracted.
"""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

from ..document import BlockKind, Document
from ..files import decode_source
from ..segment.rules import Rules
from .inline import ATTR, CLOSE, OPEN, TEXT, VOID, BlockDraft, Unit, assemble, segments

INLINE = frozenset(
    "a abbr b bdi bdo big button cite code data del dfn em font i ins kbd label mark q rp rt "
    "ruby s samp small span strike strong sub sup time tt u var img br wbr".split()
)
VOID_ELEMENTS = frozenset("area base br col embed hr img input link meta source track wbr".split())
_RAW = frozenset({"script", "style", "pre", "textarea", "template", "svg", "math", "xmp"})
_CODE = frozenset({"script", "style", "pre", "xmp"})
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


class _Events(HTMLParser):
    """(kind, tag, attributes, start offset) of every token, in order."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
        self.events: list[tuple[str, str, dict[str, str | None], int]] = []

    def _at(self) -> int:
        line, column = self.getpos()
        return self.starts[line - 1] + column

    def handle_starttag(self, tag, attrs):
        self.events.append(("start", tag, dict(attrs), self._at()))

    def handle_startendtag(self, tag, attrs):
        self.events.append(("startend", tag, dict(attrs), self._at()))

    def handle_endtag(self, tag):
        self.events.append(("end", tag, {}, self._at()))

    def handle_data(self, data):
        self.events.append(("data", "", {}, self._at()))

    def handle_comment(self, data):
        self.events.append(("comment", "", {}, self._at()))

    def handle_decl(self, decl):
        self.events.append(("decl", "", {}, self._at()))

    def handle_pi(self, data):
        self.events.append(("decl", "", {}, self._at()))

    def unknown_decl(self, data):
        self.events.append(("decl", "", {}, self._at()))


def events(text: str) -> list[tuple[str, str, dict[str, str | None], int, int]]:
    """The tokens of an HTML text with their spans; together they cover it."""
    parser = _Events(text)
    parser.feed(text)
    parser.close()
    found = [e for e in parser.events]
    spans = []
    for k, (kind, tag, attrs, start) in enumerate(found):
        end = found[k + 1][3] if k + 1 < len(found) else len(text)
        if end > start:
            spans.append((kind, tag, attrs, start, end))
    return spans


def root_lang(text: str) -> tuple[int, int, str] | None:
    """Where the `<html>` start tag's lang value goes: (start, end, quote) of the value, or
    an empty span just after `<html` with quote "" when it has none; None for a fragment."""
    for kind, tag, _, start, end in events(text):
        if kind in ("start", "startend") and tag == "html":
            raw = text[start:end]
            match = _LANG.search(raw)
            if match is None:
                return start + 5, start + 5, ""
            group = next(g for g in (1, 2, 3) if match.group(g) is not None)
            quote = "" if group == 3 else raw[match.start(group) - 1]
            return start + match.start(group), start + match.end(group), quote
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


def _attribute_units(text: str, start: int, end: int) -> list[Unit]:
    units = []
    for match in _ATTRIBUTE.finditer(text, start, end):
        group = next(g for g in (2, 3, 4) if match.group(g) is not None)
        quote = "" if group == 4 else text[match.start(group) - 1]
        value = match.group(group)
        decoded = _SPACE.sub(" ", unescape(value))  # a msgid never holds a line break
        units.append(Unit(ATTR, match.start(group), match.end(group), decoded, quote=quote))
    return units


def _untranslated(tag: str, attrs: dict[str, str | None]) -> bool:
    return (attrs.get("translate") or "").strip().lower() == "no" or tag in _RAW | {"code"}


class _Reader:
    def __init__(self, text: str, rules: Rules) -> None:
        self.text, self.rules = text, rules
        self.blocks: list[BlockDraft] = []
        self.run: list[Unit] = []
        self.inline: list[tuple[str, int]] = []  # open inline elements of the run: (tag, key)
        self.containers: list[str] = []
        self.key = 0
        self.title_seen = False

    def kind(self) -> BlockKind:
        for tag in reversed(self.containers):
            if tag in ("title", "h1"):
                if not self.title_seen:
                    return BlockKind.TITLE
                return BlockKind.HEADING
            if re.fullmatch(r"h[2-6]", tag):
                return BlockKind.HEADING
            if tag in _KINDS:
                return _KINDS[tag]
        return BlockKind.PARAGRAPH

    def flush(self) -> None:
        run, self.run, self.inline = self.run, [], []
        useful = [u for u in run if u.kind != TEXT or u.text.strip()]
        has_text = any(u.kind == TEXT for u in useful)
        if not has_text and not any(u.kind == ATTR for u in useful):
            return
        kind = self.kind()
        if kind is BlockKind.TITLE:
            self.title_seen = True
        first = min(u.start for u in useful)
        last = max(u.end for u in useful if u.kind != ATTR)
        drafts = segments(run, self.rules, "html")
        self.blocks.append(BlockDraft(kind, first, max(last, first), drafts))

    def read(self) -> list[BlockDraft]:
        text = self.text
        tokens = events(text)
        i = 0
        while i < len(tokens):
            kind, tag, attrs, start, end = tokens[i]
            if kind in ("start", "startend") and _untranslated(tag, attrs):
                j = i if kind == "startend" or tag in VOID_ELEMENTS else self._closing(tokens, i)
                stop = tokens[j][4]
                if tag in INLINE:
                    shown = _SPACE.sub(" ", unescape(_TAGS.sub("", text[end : tokens[j][3]])))
                    element = "code" if tag == "code" else "span"
                    self.run.append(Unit(VOID, start, stop, shown.strip(), element=element))
                else:
                    self.flush()
                    if tag in _CODE:
                        self.blocks.append(BlockDraft(BlockKind.CODE, start, stop))
                i = j + 1
                continue
            if kind == "data":
                self.run.extend(_text_units(text, start, end))
            elif kind == "comment" or kind == "decl":
                if self.run and any(u.kind == TEXT and u.text.strip() for u in self.run):
                    self.run.append(Unit(VOID, start, end))
                else:
                    self.flush()
            elif tag in INLINE:
                self._inline(kind, tag, attrs, start, end)
            elif kind == "start":
                self.flush()
                if tag not in VOID_ELEMENTS:
                    self.containers.append(tag)
            elif kind == "end":
                self.flush()
                if tag in self.containers:
                    while self.containers.pop() != tag:
                        pass
            else:
                self.flush()
            i += 1
        self.flush()
        return self.blocks

    def _inline(self, kind: str, tag: str, attrs: dict, start: int, end: int) -> None:
        if kind == "end":
            for depth in range(len(self.inline) - 1, -1, -1):
                if self.inline[depth][0] == tag:
                    self.run.append(Unit(CLOSE, start, end, key=self.inline[depth][1]))
                    del self.inline[depth]
                    return
            self.run.append(Unit(VOID, start, end))
            return
        if kind == "startend" or tag in VOID_ELEMENTS:
            shown = _SPACE.sub(" ", attrs.get("alt") or "").strip() if tag == "img" else ""
            self.run.append(Unit(VOID, start, end, shown, element=tag))
        else:
            self.key += 1
            self.inline.append((tag, self.key))
            href = attrs.get("href") or "" if tag == "a" else ""
            self.run.append(Unit(OPEN, start, end, key=self.key, element=tag, href=href))
        self.run.extend(_attribute_units(self.text, start, end))

    @staticmethod
    def _closing(tokens, i: int) -> int:
        """The index of the end tag closing the element opened at `tokens[i]`, or the last."""
        tag = tokens[i][1]
        depth = 0
        for j in range(i, len(tokens)):
            kind, name = tokens[j][0], tokens[j][1]
            if name == tag and kind == "start":
                depth += 1
            elif name == tag and kind == "end":
                depth -= 1
                if depth == 0:
                    return j
        return len(tokens) - 1


def read(data: bytes, name: str, rules: Rules) -> Document:
    return parse(decode_source(data, name), name, rules)


def parse(text: str, name: str = "", rules: Rules | None = None) -> Document:
    return assemble(name, text, _Reader(text, rules or Rules()).read())
