"""Bilingual renderers: a Protocol and a format name → factory table.

Each format is a module named in RENDERERS whose `make_renderer(options)` takes
the build's options (`stages.build.BuildOptions`) and returns a renderer; a
renderer turns an Edition into the file's content, text or bytes (a binary
format such as EPUB returns bytes). Heavy imports stay inside the module.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Protocol

from ..errors import SettingsError

if TYPE_CHECKING:
    from ..edition import Edition
    from ..stages.build import BuildOptions

LAYOUTS = ("side-by-side", "interleaved", "translation-only")


class Renderer(Protocol):
    extension: str  # a renderer may instead name it per edition: `extension_for(edition)`
    # (optional) `by_layout = True`: its output depends on the layout, so a build of several
    # layouts writes one file per layout; other formats are written once.

    def render(self, edition: Edition) -> str | bytes: ...


# format name → the module whose `make_renderer(options)` builds its renderer
RENDERERS: dict[str, str] = {
    "html": "l10n.render.html",
    "md": "l10n.render.markdown",
    "txt": "l10n.render.text",
    "tmx": "l10n.render.tmx",
    "json": "l10n.render.jsonfile",
    "source": "l10n.render.source",  # the translated document in the source's format
    "epub": "l10n.render.epub",
    "docx": "l10n.render.docx",
    "pdf": "l10n.render.pdf",
}


def layouts(value: str) -> tuple[str, ...]:
    """The layouts of a `--layout` value, one or several separated by commas."""
    named = tuple(dict.fromkeys(part.strip() for part in value.split(",") if part.strip()))
    for layout in named or (value,):
        if layout not in LAYOUTS:
            known = ", ".join(LAYOUTS)
            raise SettingsError(f"unknown layout {layout!r}; choose from: {known}")
    return named


def renderer(name: str, options: BuildOptions) -> Renderer:
    """The renderer of a format for these build options (one layout)."""
    if options.layout not in LAYOUTS:
        raise SettingsError(f"unknown layout {options.layout!r}; choose from: {', '.join(LAYOUTS)}")
    try:
        module = RENDERERS[name]
    except KeyError:
        known = ", ".join(RENDERERS)
        raise SettingsError(f"unknown output format {name!r}; choose from: {known}") from None
    return importlib.import_module(module).make_renderer(options)


def renderers(names: Sequence[str], options: BuildOptions) -> list[tuple[Renderer, str]]:
    """(renderer, infix of the file name) for each format and layout of the options. With
    several layouts, a format whose output depends on the layout is written once per layout
    (`x.en.interleaved.html`); with one, and for the other formats, there is no infix."""
    assert options.layout is not None
    several = layouts(options.layout)
    made: list[tuple[Renderer, str]] = []
    for name in names:
        first = renderer(name, replace(options, layout=several[0]))
        if len(several) == 1 or not getattr(first, "by_layout", False):
            made.append((first, ""))
            continue
        made.append((first, f".{several[0]}"))
        made += [(renderer(name, replace(options, layout=x)), f".{x}") for x in several[1:]]
    return made
