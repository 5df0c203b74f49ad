"""HTML bilingual edition: a self-contained page, source and translation block by block.

Three layouts: `side-by-side` (aligned columns, one above the other below 700 px),
`interleaved` (each source block followed by its translation) and `translation-only` (the
article in the target language alone). Every sentence is a span (`s-<id>` / `t-<id>`,
`data-pair="<id>"`); the translation is the one tab stop of its pair, and hovering or
focusing either side highlights its counterpart. Every sentence is a bidi isolate
(`dir="auto"`, `unicode-bidi: isolate`), so a bidirectional control in one (an unpaired
U+202E RIGHT-TO-LEFT OVERRIDE, say) cannot reorder the text around it. The page has one
`<h1>`, the title in the target language; the source's title beside it is a paragraph.
All text is escaped (the inline markup of a Markdown or HTML source is shown as a few safe
elements: `render.inline`), and a Content-Security-Policy admits only the page's own inline
style and script (by hash): no external requests.

`article` and `page` are shared with the EPUB, PDF and collection editions.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from ..document import BlockKind
from ..edition import Edition, EditionBlock, Pair, Status
from .css import PAGE as STYLE
from .inline import html as inline_html

SCRIPT = """
(function(){
function toggle(event,on){
var el=event.target&&event.target.closest?event.target.closest("[data-pair]"):null;
if(!el)return;
var all=document.querySelectorAll('[data-pair="'+el.getAttribute("data-pair")+'"]');
for(var i=0;i<all.length;i++){all[i].classList.toggle("hl",on);}
}
document.addEventListener("mouseover",function(e){toggle(e,true);});
document.addEventListener("mouseout",function(e){toggle(e,false);});
document.addEventListener("focusin",function(e){toggle(e,true);});
document.addEventListener("focusout",function(e){toggle(e,false);});
})();
""".strip()

STATUS_TITLES = {
    Status.REVIEWED: "reviewed translation",
    Status.UNREVIEWED: "unreviewed (machine translation or changed source)",
    Status.UNTRANSLATED: "untranslated: the source is shown",
}


@dataclass(frozen=True)
class Flavour:
    """How the markup is written: XHTML (EPUB) or HTML; focusable sentences or not."""

    xhtml: bool = False
    focusable: bool = True
    level: int = 1  # the heading level of the article's title (2 in a collection)
    prefix: str = ""  # before each id: articles of a collection may share sentences

    def lang(self, tag: str) -> str:
        tag = escape(tag)
        return f'lang="{tag}" xml:lang="{tag}"' if self.xhtml else f'lang="{tag}"'

    def inline(self, text: str, markup) -> str:
        shown = inline_html(text, markup)
        return shown.replace("<br>", "<br/>") if self.xhtml else shown


def _digest(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()


def _source_span(pair: Pair, flavour: Flavour) -> str:
    return (
        f'<span class="seg" id="s-{flavour.prefix}{pair.id}" '
        f'data-pair="{flavour.prefix}{pair.id}" dir="auto">'
        f"{flavour.inline(pair.source, pair.markup)}</span>"
    )


def target_span(pair: Pair, source_lang: str, flavour: Flavour, *, paired: bool = True) -> str:
    """A translation as shown: the source, marked and in its language, when untranslated."""
    title = STATUS_TITLES[pair.status]
    tab = ' tabindex="0"' if flavour.focusable and paired else ""
    key = f"{flavour.prefix}{pair.id}"
    ident = f' id="t-{key}" data-pair="{key}"' if paired else f' id="t-{key}"'
    if pair.status is Status.UNTRANSLATED:
        return (
            f'<span class="seg untranslated"{ident} {flavour.lang(source_lang)} '
            f'title="{title}" dir="auto"{tab}>{flavour.inline(pair.source, pair.markup)}</span>'
        )
    return (
        f'<span class="seg {pair.status}"{ident} title="{title}" dir="auto"{tab}>'
        f"{flavour.inline(pair.target, pair.markup)}</span>"
    )


def _wrap(kind: BlockKind, inner: str, *, heading: bool, level: int) -> str:
    """A block's element: the title and headings are headings on the translation's side."""
    if kind is BlockKind.TITLE:
        if heading:
            return f'<h{level} class="doc-title">{inner}</h{level}>'
        return f'<p class="title">{inner}</p>'
    if kind is BlockKind.HEADING:
        sub = min(level + 1, 6)
        return f"<h{sub}>{inner}</h{sub}>" if heading else f'<p class="title">{inner}</p>'
    if kind in (BlockKind.META, BlockKind.BYLINE):
        return f'<p class="{kind}">{inner}</p>'
    return f"<p>{inner}</p>"


def block_html(block: EditionBlock, edition: Edition, layout: str, flavour: Flavour) -> str:
    """One block of the article in a layout."""
    src, tgt = edition.source_language, edition.target_language
    paired = layout != "translation-only"
    target = _wrap(
        block.kind,
        " ".join(target_span(p, src, flavour, paired=paired) for p in block.pairs),
        heading=True,
        level=flavour.level,
    )
    if not paired:
        inner = f'<div class="tgt" {flavour.lang(tgt)}>{target}</div>'
        return f'<div class="block {block.kind}">{inner}</div>'
    source = _wrap(
        block.kind,
        "".join(_source_span(p, flavour) for p in block.pairs),
        heading=False,
        level=flavour.level,
    )
    outer = "row" if layout == "side-by-side" else "block"
    return (
        f'<div class="{outer} {block.kind}">'
        f'<div class="src" {flavour.lang(src)}>{source}</div>'
        f'<div class="tgt" {flavour.lang(tgt)}>{target}</div></div>'
    )


def article(edition: Edition, layout: str, flavour: Flavour = Flavour()) -> str:
    """The article's blocks in a layout (column labels first, side by side)."""
    columns = ""
    if layout == "side-by-side":
        src, tgt = escape(edition.source_language), escape(edition.target_language)
        columns = (
            f'<div class="columns" aria-hidden="true"><div {flavour.lang("en")}>source ({src})'
            f"</div><div {flavour.lang('en')}>translation ({tgt})</div></div>\n"
        )
    body = "\n".join(block_html(block, edition, layout, flavour) for block in edition.blocks)
    return columns + body


def legend_text(edition: Edition) -> str:
    """The article's name and how many segments are in each status."""
    counts = edition.counts()
    keys = " ".join(f'<span class="key">{counts[s]} {escape(str(s))}</span>' for s in Status)
    return f'{escape(edition.name)} · {keys} · <span class="unreviewed">dotted</span> = unreviewed'


def legend(edition: Edition, flavour: Flavour = Flavour()) -> str:
    return f'<header class="legend" {flavour.lang("en")}>{legend_text(edition)}</header>'


def title_of(edition: Edition, layout: str) -> tuple[str, str]:
    """(the title a page or book is known by, its language): the translated title in
    translation-only editions when there is one, else the source's."""
    if layout == "translation-only":
        for block in edition.blocks:
            if block.kind is BlockKind.TITLE and all(p.target for p in block.pairs):
                return " ".join(p.target for p in block.pairs), edition.target_language
    return edition.title, edition.source_language


def page(lang: str, title: tuple[str, str], body: str, *, script: bool = True) -> str:
    """A self-contained HTML page: the stylesheet and script inline, admitted by hash."""
    policy = f"default-src 'none'; style-src '{_digest(STYLE)}'; " + (
        f"script-src '{_digest(SCRIPT)}'; " if script else ""
    )
    text, title_lang = title
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{policy}'
        "base-uri 'none'; form-action 'none'\">\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="l10n">\n'
        f'<title lang="{escape(title_lang)}">{escape(text)}</title>\n'
        f"<style>{STYLE}</style>\n</head>\n<body>\n{body}\n"
        + (f"<script>{SCRIPT}</script>\n" if script else "")
        + "</body>\n</html>\n"
    )


class HtmlRenderer:
    extension = "html"
    by_layout = True

    def __init__(self, layout: str = "side-by-side") -> None:
        self.layout = layout

    def render(self, edition: Edition) -> str:
        body = (
            f'{legend(edition)}\n<main class="{self.layout}">\n'
            f"{article(edition, self.layout)}\n</main>"
        )
        return page(edition.target_language, title_of(edition, self.layout), body)

    def render_collection(self, name: str, editions: Sequence[Edition]) -> str:
        """One page of several articles under the collection's `<h1>`, with a table of
        contents; each article's title is an `<h2>`, its ids prefixed (`d2-…`)."""
        lang = editions[0].target_language
        entries, articles = [], []
        for n, edition in enumerate(editions, 1):
            text, tag = title_of(edition, self.layout)
            entries.append(
                f'<li><a href="#doc-{n}"><span lang="{escape(tag)}">{escape(text)}</span></a></li>'
            )
            flavour = Flavour(level=2, prefix=f"d{n}-")
            articles.append(
                f'<article id="doc-{n}" class="{self.layout}">\n'
                f'<p class="legend" lang="en">{legend_text(edition)}</p>\n'
                f"{article(edition, self.layout, flavour)}\n</article>"
            )
        body = (
            f'<header class="legend"><h1>{escape(name)}</h1></header>\n'
            f'<nav class="toc" aria-label="Contents"><ol>{"".join(entries)}</ol></nav>\n'
            f"<main>\n{chr(10).join(articles)}\n</main>"
        )
        return page(lang, (name, lang), body)


def make_renderer(options) -> HtmlRenderer:
    """The renderer for the build's options (`stages.build.BuildOptions`)."""
    return HtmlRenderer(options.layout)
