"""Bilingual renderers: a Protocol and a format name → factory table.

A factory takes the build's options (`stages.build.BuildOptions`) and returns a
renderer; a renderer turns an Edition into the file's content, text or bytes
(a binary format such as EPUB returns bytes). Heavy imports stay inside the
factory's module.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from ..errors import SettingsError

if TYPE_CHECKING:
    from ..edition import Edition
    from ..stages.build import BuildOptions

LAYOUTS = ("side-by-side", "interleaved")


class Renderer(Protocol):
    extension: str

    def render(self, edition: Edition) -> str | bytes: ...


def _html(options: BuildOptions) -> Renderer:
    from .html import HtmlRenderer

    return HtmlRenderer(options.layout)


def _markdown(options: BuildOptions) -> Renderer:
    from .markdown import MarkdownRenderer

    return MarkdownRenderer()


def _text(options: BuildOptions) -> Renderer:
    from .text import TextRenderer

    return TextRenderer()


def _tmx(options: BuildOptions) -> Renderer:
    from .tmx import TmxRenderer

    return TmxRenderer(options.include_machine, options.created)


def _json(options: BuildOptions) -> Renderer:
    from .jsonfile import JsonRenderer

    return JsonRenderer()


RENDERERS: dict[str, Callable[[BuildOptions], Renderer]] = {
    "html": _html,
    "md": _markdown,
    "txt": _text,
    "tmx": _tmx,
    "json": _json,
}


def renderer(name: str, options: BuildOptions) -> Renderer:
    """The renderer of a format for these build options."""
    if options.layout not in LAYOUTS:
        raise SettingsError(f"unknown layout {options.layout!r}; choose from: {', '.join(LAYOUTS)}")
    try:
        factory = RENDERERS[name]
    except KeyError:
        known = ", ".join(RENDERERS)
        raise SettingsError(f"unknown output format {name!r}; choose from: {known}") from None
    return factory(options)
