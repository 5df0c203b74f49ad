"""HTML bilingual edition: a self-contained page, source and translation block by block.

Two layouts: `side-by-side` (aligned columns) and `interleaved` (each source block
followed by its translation). Every sentence is a focusable span (`s-<id>` /
`t-<id>`, `data-pair="<id>"`); hovering or focusing one highlights its
counterpart. Every sentence is a bidi isolate (`dir="auto"`, `unicode-bidi: isolate`), so
a bidirectional control in one (an unpaired U+202E RIGHT-TO-LEFT OVERRIDE, say) cannot
reorder the text around it. All text is escaped (the inline markup of a Markdown or HTML
source is shown as a few safe elements: `render.inline`), and a Content-Security-Policy
admits only the page's own inline style and script (by hash): no external requests.
"""

from __future__ import annotations

import base64
import hashlib
from html import escape

from ..document import BlockKind
from ..edition import Edition, EditionBlock, Pair, Status
from .inline import html as inline_html

STYLE = """
body{font-family:system-ui,"Noto Sans CJK TC","Noto Sans",sans-serif;margin:2rem auto;
max-width:72rem;padding:0 1rem;line-height:1.65;color:#1d1d1f;background:#fff}
header.legend{font-size:.8rem;color:#666;border-bottom:1px solid #ddd;margin-bottom:1.5rem;
padding-bottom:.5rem}
.legend .key{margin-right:1rem}
.columns,.row{display:grid;grid-template-columns:1fr 1fr;gap:2.5rem}
.columns{font-size:.75rem;text-transform:uppercase;letter-spacing:.05em;color:#888}
.row{margin:0 0 1rem}
.row>div,.block>div{min-width:0;overflow-wrap:anywhere}
.block{margin:0 0 1.5rem}
.block>.tgt{margin-top:.35rem;padding-left:.8rem;border-left:3px solid #e3e3e3}
h1{font-size:1.45rem;line-height:1.35;margin:.2rem 0}
p{margin:0}
.meta,.byline{color:#555;font-size:.9rem}
.list-item p{padding-left:.5rem}
.seg{unicode-bidi:isolate;border-radius:2px;outline:none}
.seg.hl{background:#ffe9a8}
.unreviewed{text-decoration:underline dotted #9a9a9a;text-underline-offset:.2em}
.untranslated{color:#7a5a1e}
.untranslated::before{content:"untranslated";font:600 .6rem system-ui,sans-serif;
text-transform:uppercase;color:#a0701b;border:1px solid #d8b877;border-radius:3px;
padding:0 .2rem;margin-right:.3rem;vertical-align:.15em}
@media print{
body{max-width:none;margin:0;padding:0;font-size:10pt;line-height:1.45}
.row,.columns{grid-template-columns:1fr 1fr;gap:1.2rem}
.row,.block{break-inside:avoid}
.seg.hl{background:none}
header.legend{border:0}
}
""".strip()

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

_STATUS_TITLES = {
    Status.REVIEWED: "reviewed translation",
    Status.UNREVIEWED: "unreviewed (machine translation or changed source)",
    Status.UNTRANSLATED: "untranslated: the source is shown",
}


def _digest(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()


def _source_span(pair: Pair) -> str:
    return (
        f'<span class="seg" id="s-{pair.id}" data-pair="{pair.id}" dir="auto" tabindex="0">'
        f"{inline_html(pair.source, pair.markup)}</span>"
    )


def _target_span(pair: Pair, source_lang: str) -> str:
    title = _STATUS_TITLES[pair.status]
    if pair.status is Status.UNTRANSLATED:
        return (
            f'<span class="seg untranslated" id="t-{pair.id}" data-pair="{pair.id}" '
            f'lang="{escape(source_lang)}" title="{title}" dir="auto" tabindex="0">'
            f"{inline_html(pair.source, pair.markup)}</span>"
        )
    return (
        f'<span class="seg {pair.status}" id="t-{pair.id}" data-pair="{pair.id}" '
        f'title="{title}" dir="auto" tabindex="0">{inline_html(pair.target, pair.markup)}</span>'
    )


def _wrap(kind: BlockKind, inner: str) -> str:
    if kind is BlockKind.TITLE:
        return f"<h1>{inner}</h1>"
    if kind in (BlockKind.META, BlockKind.BYLINE):
        return f'<p class="{kind}">{inner}</p>'
    return f"<p>{inner}</p>"


class HtmlRenderer:
    extension = "html"

    def __init__(self, layout: str = "side-by-side") -> None:
        self.layout = layout

    def _block(self, block: EditionBlock, src: str, tgt: str) -> str:
        source = _wrap(block.kind, "".join(_source_span(p) for p in block.pairs))
        target = _wrap(block.kind, " ".join(_target_span(p, src) for p in block.pairs))
        outer = "row" if self.layout == "side-by-side" else "block"
        return (
            f'<div class="{outer} {block.kind}">'
            f'<div class="src" lang="{src}">{source}</div>'
            f'<div class="tgt" lang="{tgt}">{target}</div></div>'
        )

    def render(self, edition: Edition) -> str:
        src = escape(edition.source_language)
        tgt = escape(edition.target_language)
        counts = edition.counts()
        keys = " ".join(f'<span class="key">{counts[s]} {escape(str(s))}</span>' for s in Status)
        columns = (
            f'<div class="columns"><div lang="en">source ({src})</div>'
            f'<div lang="en">translation ({tgt})</div></div>\n'
            if self.layout == "side-by-side"
            else ""
        )
        body = "\n".join(self._block(block, src, tgt) for block in edition.blocks)
        policy = (
            f"default-src 'none'; style-src '{_digest(STYLE)}'; "
            f"script-src '{_digest(SCRIPT)}'; base-uri 'none'; form-action 'none'"
        )
        return (
            f'<!DOCTYPE html>\n<html lang="{tgt}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<meta name="generator" content="l10n">\n'
            f"<title>{escape(edition.title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
            f'<header class="legend">{escape(edition.name)} · {keys} · '
            f'<span class="unreviewed">dotted</span> = unreviewed</header>\n'
            f'<main class="{self.layout}">\n{columns}{body}\n</main>\n'
            f"<script>{SCRIPT}</script>\n</body>\n</html>\n"
        )


def make_renderer(options) -> HtmlRenderer:
    """The renderer for the build's options (`stages.build.BuildOptions`)."""
    return HtmlRenderer(options.layout)
