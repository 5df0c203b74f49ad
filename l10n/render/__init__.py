"""Bilingual renderers: a Protocol, render options, and a name → factory table."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from ..edition import Edition
from ..errors import SettingsError

LAYOUTS = ("side-by-side", "interleaved")


@dataclass(frozen=True)
class RenderOptions:
    layout: str = "side-by-side"  # html
    include_machine: bool = False  # tmx: also unreviewed (fuzzy) pairs
    created: str = ""  # tmx creationdate, e.g. 20261126T063000Z


class Renderer(Protocol):
    extension: str

    def render(self, edition: Edition) -> str: ...


def _html(options: RenderOptions) -> Renderer:
    from .html import HtmlRenderer

    return HtmlRenderer(options.layout)


def _markdown(options: RenderOptions) -> Renderer:
    from .markdown import MarkdownRenderer

    return MarkdownRenderer()


def _text(options: RenderOptions) -> Renderer:
    from .text import TextRenderer

    return TextRenderer()


def _tmx(options: RenderOptions) -> Renderer:
    from .tmx import TmxRenderer

    return TmxRenderer(options.include_machine, options.created)


def _json(options: RenderOptions) -> Renderer:
    from .jsonfile import JsonRenderer

    return JsonRenderer()


RENDERERS: dict[str, Callable[[RenderOptions], Renderer]] = {
    "html": _html,
    "md": _markdown,
    "txt": _text,
    "tmx": _tmx,
    "json": _json,
}


def renderer(name: str, options: RenderOptions | None = None) -> Renderer:
    options = options or RenderOptions()
    if options.layout not in LAYOUTS:
        raise SettingsError(f"unknown layout {options.layout!r}; choose from: {', '.join(LAYOUTS)}")
    try:
        factory = RENDERERS[name]
    except KeyError:
        known = ", ".join(RENDERERS)
        raise SettingsError(f"unknown output format {name!r}; choose from: {known}") from None
    return factory(options)
