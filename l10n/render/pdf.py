"""PDF edition: the HTML edition set for print by WeasyPrint.

A4 pages with the article's title in the page header and `page / pages` in the footer; the
Noto CJK fonts (Debian's `fonts-noto-cjk`) named for both languages, embedded as subsets
by WeasyPrint. Side by side, each block is a row of two cells that may break across pages,
so a long paragraph never leaves the bottom of a page blank. A collection starts each
article on a new page after a table of contents.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from ..edition import Edition
from ..errors import ExtraError
from .css import PDF as STYLE
from .html import Flavour, article, legend, title_of


def _document(lang: str, title: tuple[str, str], body: str) -> str:
    text, title_lang = title
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
        f'<title lang="{escape(title_lang)}">{escape(text)}</title>\n'
        f"<style>{STYLE}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )


class PdfRenderer:
    extension = "pdf"
    by_layout = True

    def __init__(self, layout: str) -> None:
        try:
            from weasyprint import HTML
        except (ImportError, OSError):  # OSError: WeasyPrint is there, Pango is not
            raise ExtraError(
                "the pdf format needs WeasyPrint and Pango: pip install 'l10n[editions]'"
            ) from None
        self.layout = layout
        self.html = HTML

    def _pdf(self, page: str) -> bytes:
        return self.html(string=page).write_pdf()

    def page(self, edition: Edition) -> str:
        """The HTML WeasyPrint sets (tests and previews look at it)."""
        flavour = Flavour(focusable=False)
        body = f"{legend(edition)}\n<main>\n{article(edition, self.layout, flavour)}\n</main>"
        return _document(edition.target_language, title_of(edition, self.layout), body)

    def render(self, edition: Edition) -> bytes:
        return self._pdf(self.page(edition))

    def collection_page(self, name: str, editions: Sequence[Edition]) -> str:
        lang = editions[0].target_language
        entries = []
        articles = []
        for n, edition in enumerate(editions, 1):
            text, tag = title_of(edition, self.layout)
            entries.append(
                f'<li><a href="#doc-{n}"><span lang="{escape(tag)}">{escape(text)}</span></a></li>'
            )
            flavour = Flavour(focusable=False, level=2, prefix=f"d{n}-")
            articles.append(
                f'<article id="doc-{n}">\n{legend(edition)}\n'
                f"{article(edition, self.layout, flavour)}\n</article>"
            )
        body = (
            f'<header><h1 class="doc-title">{escape(name)}</h1></header>\n'
            f'<nav class="toc"><h2 lang="en">Contents</h2><ol>{"".join(entries)}</ol></nav>\n'
            f"<main>\n{chr(10).join(articles)}\n</main>"
        )
        return _document(lang, (name, lang), body)

    def render_collection(self, name: str, editions: Sequence[Edition]) -> bytes:
        return self._pdf(self.collection_page(name, editions))


def make_renderer(options) -> PdfRenderer:
    """The renderer for the build's options (`stages.build.BuildOptions`)."""
    return PdfRenderer(options.layout)
