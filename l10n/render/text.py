"""Plain-text bilingual edition: each source block followed by its translation; in the
`translation-only` layout, the translation alone."""

from ..edition import Edition
from .markers import join_source, join_target


class TextRenderer:
    extension = "txt"
    by_layout = True

    def __init__(self, layout: str = "side-by-side") -> None:
        self.translation_only = layout == "translation-only"

    def render(self, edition: Edition) -> str:
        parts = []
        for block in edition.blocks:
            if self.translation_only:
                parts.append(f"{join_target(block.pairs)}\n")
            else:
                parts.append(f"{join_source(block.pairs)}\n{join_target(block.pairs)}\n")
        return "\n".join(parts)


def make_renderer(options) -> TextRenderer:
    """The renderer for the build's options (`stages.build.BuildOptions`)."""
    return TextRenderer(options.layout)
