"""Bilingual renderers: a Protocol and a format name → factory table.

Each format is a module named in RENDERERS whose `make_renderer(options)` takes
the build's options (`stages.build.BuildOptions`) and returns a renderer; a
renderer turns an Edition into the file's content, text or bytes (a binary
format such as EPUB returns bytes). Heavy imports stay inside the module.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Protocol

from ..errors import SettingsError

if TYPE_CHECKING:
    from ..edition import Edition
    from ..stages.build import BuildOptions

LAYOUTS = ("side-by-side", "interleaved")


class Renderer(Protocol):
    extension: str  # a renderer may instead name it per edition: `extension_for(edition)`

    def render(self, edition: Edition) -> str | bytes: ...


# format name → the module whose `make_renderer(options)` builds its renderer
RENDERERS: dict[str, str] = {
    "html": "l10n.render.html",
    "md": "l10n.render.markdown",
    "txt": "l10n.render.text",
    "tmx": "l10n.render.tmx",
    "json": "l10n.render.jsonfile",
    "source": "l10n.render.source",  # the translated document in the source's format
}


def renderer(name: str, options: BuildOptions) -> Renderer:
    """The renderer of a format for these build options."""
    if options.layout not in LAYOUTS:
        raise SettingsError(f"unknown layout {options.layout!r}; choose from: {', '.join(LAYOUTS)}")
    try:
        module = RENDERERS[name]
    except KeyError:
        known = ", ".join(RENDERERS)
        raise SettingsError(f"unknown output format {name!r}; choose from: {known}") from None
    return importlib.import_module(module).make_renderer(options)
