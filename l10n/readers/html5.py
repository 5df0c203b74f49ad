"""The HTML5 parsing algorithm over a source, with the source span of every token.

html5lib tokenizes and builds the tree as the HTML standard says (implied end tags, a
`<p>` closed by a `<div>`, misnested formatting, text fostered out of a `<table>`,
entities, raw-text elements), as a browser does. Its tokenizer is given a stream that
counts what it has read, so that every token gets the span of the source it comes from;
the tree builder keeps, for each element, the token that opened it and the one that
closed it, and for each run of text the element it ended up in. The result is the
tokens in source order, which together cover the source, each tied to the tree.

A carriage return is read as a space before a line feed (or as a line feed alone), and
a byte-order mark as a space, so that offsets in what html5lib reads are offsets in the
source: the structure is the same, and every piece of text the reader keeps is sliced
from the source itself.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from typing import Any

from html5lib import HTMLParser
from html5lib import _inputstream as inputstream  # the tokenizer's stream, to count offsets
from html5lib import _tokenizer as tokenizer  # its token queue, to give tokens their spans
from html5lib.constants import EOF, namespaces, tableInsertModeElements, tokenTypes
from html5lib.treebuilders import base

_TEXT = (tokenTypes["Characters"], tokenTypes["SpaceCharacters"])
_KIND = {
    tokenTypes["StartTag"]: "start",
    tokenTypes["EndTag"]: "end",
    tokenTypes["Characters"]: "text",
    tokenTypes["SpaceCharacters"]: "text",
    tokenTypes["Comment"]: "comment",
    tokenTypes["Doctype"]: "doctype",
}


class Node(base.Node):
    """An element (or the document) of the tree, with the spans of the tokens that opened
    and closed it (None when the parser implied it)."""

    def __init__(self, name: str, namespace: str | None = None) -> None:
        super().__init__(name)
        self.namespace = namespace
        self.opened: tuple[int, int] | None = None
        self.closed: tuple[int, int] | None = None

    @property
    def nameTuple(self) -> tuple[str, str]:
        return (self.namespace or namespaces["html"], self.name)

    def appendChild(self, node) -> None:
        node.parent = self
        self.childNodes.append(node)

    def insertBefore(self, node, refNode) -> None:
        node.parent = self
        self.childNodes.insert(self.childNodes.index(refNode), node)

    def removeChild(self, node) -> None:
        self.childNodes.remove(node)
        node.parent = None

    def insertText(self, data, insertBefore=None) -> None:
        raise AssertionError("text is inserted by the tree builder")

    def cloneNode(self) -> Node:
        clone = type(self)(self.name, self.namespace)
        clone.attributes = dict(self.attributes)
        return clone

    def hasContent(self) -> bool:
        return bool(self.childNodes)


class _Leaf(Node):
    def __init__(self, *args: Any) -> None:
        super().__init__(str(args[0]) if args else "")


class Document(Node):
    def __init__(self) -> None:
        super().__init__("#document")


class _Open(list):
    """The stack of open elements: an element popped while its own end tag is processed
    was closed by that tag."""

    def __init__(self, builder: _Builder) -> None:
        super().__init__()
        self.builder = builder

    def pop(self, index: Any = -1):
        element = super().pop(index)
        self.builder.popped(element)
        return element

    def remove(self, element) -> None:
        super().remove(element)
        self.builder.popped(element)


class _Builder(base.TreeBuilder):
    documentClass = Document
    elementClass = Node
    commentClass = _Leaf
    doctypeClass = _Leaf
    fragmentClass = Document

    def reset(self) -> None:
        super().reset()
        self.openElements = _Open(self)
        self.current: dict | None = None  # the token being processed
        self.pending: list[dict] = []  # text tokens not yet inserted

    def popped(self, element: Node) -> None:
        token = self.current
        if (
            token is not None
            and token["type"] == tokenTypes["EndTag"]
            and token["name"] == element.name
            and "node" not in token
        ):
            token["node"] = element
            element.closed = token.get("span")

    def createElement(self, token):
        element = super().createElement(token)
        return self._opened(element, token)

    def insertElementNormal(self, token):
        return self._opened(super().insertElementNormal(token), token)

    @staticmethod
    def _opened(element: Node, token: dict) -> Node:
        if "span" in token:  # a token of the source, not one the parser implied
            element.opened = token["span"]
            token["node"] = element
        return element

    def insertText(self, data, parent=None) -> None:
        if parent is None:
            parent = self.openElements[-1]
        before = None
        if self.insertFromTable and self.openElements[-1].name in tableInsertModeElements:
            parent, before = self.getTableMisnestedNodePosition()  # fostered out of a table
        text = _Leaf("#text")
        text.value = data
        if before is None:
            parent.appendChild(text)
        else:
            parent.insertBefore(text, before)
        for token in self.pending:
            token["node"] = text
        self.pending.clear()


class _Stream(inputstream.HTMLUnicodeInputStream):
    """html5lib's stream, counting the characters read before the current chunk."""

    def reset(self) -> None:
        super().reset()
        self.before = 0

    def readChunk(self, chunkSize=None):
        self.before += self.chunkSize
        return super().readChunk(chunkSize)

    def unget(self, char) -> None:
        if char is not EOF and self.chunkOffset == 0:
            self.before -= 1  # the character goes back in front of the chunk
        super().unget(char)

    def offset(self) -> int:
        return self.before + self.chunkOffset


class _Tokenizer(tokenizer.HTMLTokenizer):
    """Tokens with the span of the source each comes from: what the tokenizer read to
    make it (the tokens made in one step share it: the first gets it)."""

    def __init__(self, stream, parser=None, **kwargs) -> None:
        super().__init__(stream, parser=parser, **kwargs)
        self.stream = _Stream(stream)
        self.tokens: list[dict] = []

    def __iter__(self):
        self.tokenQueue = deque()
        builder = self.parser.tree
        position = 0
        previous_text = True
        while self.state():
            end = self.stream.offset()
            self.stream.errors.clear()
            while self.tokenQueue:
                token = self.tokenQueue.popleft()
                if token["type"] not in _KIND:
                    continue  # a parse error
                token["span"] = (position, end)
                position = end
                self.tokens.append(token)
                if not previous_text:
                    builder.pending.clear()  # text the parser dropped (or flushed)
                previous_text = token["type"] in _TEXT
                if previous_text:
                    builder.pending.append(token)
                builder.current = token
                yield token


class _Parser(HTMLParser):
    def _parse(self, stream, innerHTML=False, container="div", scripting=False, **kwargs):
        self.innerHTMLMode = innerHTML
        self.container = container
        self.scripting = scripting
        self.tokenizer = _Tokenizer(stream, parser=self, **kwargs)
        self.reset()
        self.mainLoop()


@dataclass(frozen=True)
class Token:
    """A token of the source: `start`/`end` tags, `text`, `comment`, `doctype`, or `other`
    (what makes no token: a tag cut short by the end of the file, `</>`). `node` is the
    element a start tag opened or an end tag closed, or the element a text is in; None
    when the parser ignored the token."""

    kind: str
    name: str
    attrs: dict[str, str]
    start: int
    end: int
    node: Node | None = None


def _readable(text: str) -> str:
    """The text as html5lib may read it with the same offsets (see the module's doc)."""
    text = text.replace("\r\n", " \n").replace("\r", "\n")
    return " " + text[1:] if text.startswith("\ufeff") else text


def parse(text: str) -> list[Token]:
    """The tokens of an HTML text, in order; their spans partition the text."""
    parser = _Parser(tree=_Builder, namespaceHTMLElements=False)
    parser.parse(_readable(text))
    found: list[Token] = []
    position = 0
    for token in parser.tokenizer.tokens:
        start, end = token["span"]
        if start > position:
            found.append(Token("other", "", {}, position, start))
        if end > start:
            kind = _KIND[token["type"]]
            attrs = token.get("data") if kind == "start" else {}
            name = token.get("name") or ""
            node = token.get("node")
            if kind == "text" and node is not None:
                node = node.parent  # where the text ended up (the parser may move it)
            found.append(Token(kind, name, dict(attrs or {}), start, end, node))
            position = end
    if position < len(text):
        found.append(Token("other", "", {}, position, len(text)))
    return found


def ancestors(node: Node | None):
    """The node and the elements around it, innermost first."""
    while node is not None and not isinstance(node, Document):
        yield node
        node = node.parent
