"""The translated document in the source's own format (`--format source`).

The source text with each translated segment replaced by its translation and nothing
else changed: markup, URLs, attributes, code, scripts, styles and front matter stay byte
for byte as in the source. A translation's placeholders are restored to the source's
markup they stand for (a pair crossing a sentence end is written around each part); its
text is escaped for where it goes (HTML text or attribute value, Markdown). A translation
whose placeholders do not match its source's (missing, added, renumbered, unbalanced)
is not used: the source segment stays, and `l10n check` names the tag. So the document
holds no markup that the source does not hold. An HTML document gets the target
language as the `lang` of its `<html>` element.

Reviewed translations only, unless the build includes machine output (`--include-machine`).
"""

from __future__ import annotations

import re
from html import escape as html_escape
from pathlib import PurePath

from ..checks.parity import check_placeholders
from ..document import Document, Segment
from ..edition import Edition, Status
from ..placeholders import PLACEHOLDER
from ..readers.html import root_lang
from .markdown import escape as markdown_escape

_MARKDOWN_TEXT = re.compile(r"&")


def _text(segment: Segment, text: str) -> str:
    markup = segment.markup
    if markup is None:
        return text
    if markup.format == "html":
        if not markup.attribute:
            return html_escape(text, quote=False)
        value = html_escape(text, quote=True)
        return f'"{value}"' if markup.quote == "" else value
    if markup.attribute:
        if markup.quote == "":  # an image's alt text, between brackets
            return re.sub(r"([\\\[\]])", r"\\\1", text)
        closer = ")" if markup.quote == "(" else markup.quote
        return re.sub(r"([\\" + re.escape(closer) + "])", r"\\\1", text)
    return _MARKDOWN_TEXT.sub(r"\\&", markdown_escape(text))


class _Writer:
    def __init__(self, document: Document, targets: dict[str, str]) -> None:
        self.text = document.text
        self.targets = targets
        self.segments = sorted(
            (s for block in document.blocks for s in block.segments if s.id in targets),
            key=lambda s: (s.start, -s.end),
        )

    def span(self, start: int, end: int, *, outside: Segment | None = None, extra=()) -> str:
        """The text of [start, end) with the translated segments inside it replaced."""
        items = [(s.start, s.end, s) for s in self.segments if start <= s.start and s.end <= end]
        items = [item for item in items if item[2] is not outside]
        items = sorted([*items, *extra], key=lambda item: (item[0], -item[1]))
        out: list[str] = []
        position = start
        previous_end, previous = -1, ""
        for s, e, what in items:
            if s < position:
                continue  # inside one already written
            out.append(self.text[position:s])
            if isinstance(what, str):
                out.append(what)
            else:
                written = self.segment(what)
                if s == previous_end and previous[-1:].strip() and written[:1].strip():
                    out.append(" ")  # sentences written one after another, as in Chinese
                out.append(written)
                previous_end, previous = e, written
            position = e
        out.append(self.text[position:end])
        return "".join(out)

    def segment(self, segment: Segment) -> str:
        translation = self.targets[segment.id]
        markup = segment.markup
        if markup is None or markup.attribute:
            return _text(segment, translation)
        if check_placeholders(segment.text, translation):
            return self.span(segment.start, segment.end, outside=segment)
        placeholders = {p.number: p for p in markup.placeholders}
        out = []
        position = 0
        for match in PLACEHOLDER.finditer(translation):
            out.append(_text(segment, translation[position : match.start()]))
            closing, number, void = match.groups()
            p = placeholders[int(number)]
            if void or p.void:
                out.append(self.span(*p.open))
            elif closing:
                out.append(self.span(*p.close) if p.close else "")
            else:
                out.append(self.span(*p.open))
            position = match.end()
        out.append(_text(segment, translation[position:]))
        return "".join(out)


def translated(document: Document, targets: dict[str, str], language: str) -> str:
    """The document with the segments of these ids (id → translation) translated."""
    writer = _Writer(document, targets)
    extra = []
    if PurePath(document.name).suffix.lower() in (".html", ".htm"):
        lang = root_lang(document.text)
        if lang is not None:
            start, end, quote = lang
            value = html_escape(language, quote=True)
            if start == end:
                value = f' lang="{value}"'
            elif quote == "":
                value = f'"{value}"'
            extra.append((start, end, value))
    return writer.span(0, len(document.text), extra=extra)


class SourceRenderer:
    extension = "txt"

    def __init__(self, include_machine: bool = False) -> None:
        self.include_machine = include_machine

    def extension_for(self, edition: Edition) -> str:
        suffix = PurePath(edition.name).suffix.lstrip(".")
        return suffix or self.extension

    def render(self, edition: Edition) -> str:
        if edition.document is None:
            raise ValueError(f"{edition.name}: the edition does not carry its source document")
        shown = {Status.REVIEWED} | ({Status.UNREVIEWED} if self.include_machine else set())
        targets = {pair.id: pair.target for pair in edition.pairs() if pair.status in shown}
        return translated(edition.document, targets, edition.target_language)


def make_renderer(options) -> SourceRenderer:
    """The renderer for the build's options (`stages.build.BuildOptions`)."""
    return SourceRenderer(include_machine=options.include_machine)
