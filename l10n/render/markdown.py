"""Markdown bilingual edition: interleaved, source block then translation, text escaped,
inline markup of Markdown and HTML sources (bold, links…) kept on both sides. In the
`translation-only` layout, the translation alone.

Every character CommonMark (and GFM's tables and strikethrough) could read as markup is
backslash-escaped, `&` included where it would start a reference, so `&amp;` in a source
stays `&amp;`, not `&`.
"""

import re

from ..document import BlockKind
from ..edition import Edition
from .inline import markdown
from .markers import join_source, join_target

# ASCII punctuation that opens or closes markup anywhere in a line: emphasis, code, links
# and images, autolinks and raw HTML, tables, strikethrough, heading closers; and an `&` that
# starts an entity or numeric character reference (`&amp;`, `&#169;`, `&#xA9;`).
_SPECIAL = re.compile(
    r"([\\`*_\[\]<>|~#]|&(?=#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]*;))"
)
_LINE_START = re.compile(r"^(\s*)([+\-=])")
_ORDERED = re.compile(r"^(\s*\d+)([.)])")


def escape(text: str) -> str:
    """Backslash-escape what Markdown would read as markup."""
    text = _SPECIAL.sub(r"\\\1", text)
    return _ORDERED.sub(r"\1\\\2", _LINE_START.sub(r"\1\\\2", text))


def _shown(text: str, markup) -> str:
    return markdown(text, markup, escape)


class MarkdownRenderer:
    extension = "md"
    by_layout = True

    def __init__(self, layout: str = "side-by-side") -> None:
        self.translation_only = layout == "translation-only"

    def render(self, edition: Edition) -> str:
        parts = []
        for block in edition.blocks:
            source = join_source(block.pairs, escape, _shown)
            target = join_target(block.pairs, escape, _shown)
            if self.translation_only:
                parts.append(_alone(block.kind, target))
            elif block.kind is BlockKind.TITLE:
                parts.append(f"# {source}\n\n## {target}\n")
            elif block.kind in (BlockKind.META, BlockKind.BYLINE):
                parts.append(f"*{source}*\n\n*{target}*\n")
            elif block.kind is BlockKind.LIST_ITEM:
                parts.append(f"- {source}\n\n  {target}\n")
            else:
                parts.append(f"{source}\n\n> {target}\n")
        return "\n".join(parts)


def _alone(kind: BlockKind, target: str) -> str:
    if kind is BlockKind.TITLE:
        return f"# {target}\n"
    if kind is BlockKind.HEADING:
        return f"## {target}\n"
    if kind in (BlockKind.META, BlockKind.BYLINE):
        return f"*{target}*\n"
    if kind is BlockKind.LIST_ITEM:
        return f"- {target}\n"
    if kind is BlockKind.QUOTE:
        return f"> {target}\n"
    return f"{target}\n"


def make_renderer(options) -> MarkdownRenderer:
    """The renderer for the build's options (`stages.build.BuildOptions`)."""
    return MarkdownRenderer(options.layout)
