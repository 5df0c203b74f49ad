"""Markdown bilingual edition: interleaved, source block then translation, text escaped,
inline markup of Markdown and HTML sources (bold, links…) kept on both sides."""

import re

from ..document import BlockKind
from ..edition import Edition
from .inline import markdown
from .markers import join_source, join_target

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
_LINE_START = re.compile(r"^(\s*)([#+\-=])")
_ORDERED = re.compile(r"^(\s*\d+)([.)])")


def escape(text: str) -> str:
    """Backslash-escape what Markdown would read as markup."""
    text = _SPECIAL.sub(r"\\\1", text)
    return _ORDERED.sub(r"\1\\\2", _LINE_START.sub(r"\1\\\2", text))


def _shown(text: str, markup) -> str:
    return markdown(text, markup, escape)


class MarkdownRenderer:
    extension = "md"

    def render(self, edition: Edition) -> str:
        parts = []
        for block in edition.blocks:
            source = join_source(block.pairs, escape, _shown)
            target = join_target(block.pairs, escape, _shown)
            if block.kind is BlockKind.TITLE:
                parts.append(f"# {source}\n\n## {target}\n")
            elif block.kind in (BlockKind.META, BlockKind.BYLINE):
                parts.append(f"*{source}*\n\n*{target}*\n")
            elif block.kind is BlockKind.LIST_ITEM:
                parts.append(f"- {source}\n\n  {target}\n")
            else:
                parts.append(f"{source}\n\n> {target}\n")
        return "\n".join(parts)


def make_renderer(options) -> MarkdownRenderer:
    """The renderer for the build's options (`stages.build.BuildOptions`)."""
    return MarkdownRenderer()
