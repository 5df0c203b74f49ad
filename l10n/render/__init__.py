"""Bilingual renderers: a Protocol and a name → renderer table."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from ..edition import Edition
from ..errors import SettingsError


class Renderer(Protocol):
    extension: str

    def render(self, edition: Edition) -> str: ...


def _html() -> Renderer:
    from .html import HtmlRenderer

    return HtmlRenderer()


def _markdown() -> Renderer:
    from .markdown import MarkdownRenderer

    return MarkdownRenderer()


def _text() -> Renderer:
    from .text import TextRenderer

    return TextRenderer()


RENDERERS: dict[str, Callable[[], Renderer]] = {"html": _html, "md": _markdown, "txt": _text}


def renderer(name: str) -> Renderer:
    try:
        return RENDERERS[name]()
    except KeyError:
        known = ", ".join(RENDERERS)
        raise SettingsError(f"unknown output format {name!r}; choose from: {known}") from None
