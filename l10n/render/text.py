"""Plain-text bilingual edition: each source block followed by its translation."""

from ..edition import Edition
from .markers import join_source, join_target


class TextRenderer:
    extension = "txt"

    def render(self, edition: Edition) -> str:
        parts = []
        for block in edition.blocks:
            parts.append(f"{join_source(block.pairs)}\n{join_target(block.pairs)}\n")
        return "\n".join(parts)


def make_renderer(options) -> TextRenderer:
    """The renderer for the build's options (`stages.build.BuildOptions`)."""
    return TextRenderer()
