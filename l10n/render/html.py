"""HTML bilingual edition: a self-contained page, source beside translation, block by block.

Every text is escaped; the source column carries the source `lang`, the target
column the target `lang`. Sentences are spans with ids (`s-…` / `t-…`); status
is a class and a title on each target sentence.
"""

from __future__ import annotations

from html import escape

from ..document import BlockKind
from ..edition import Edition, Pair, Status

_STYLE = """
body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:70rem;padding:0 1rem;
line-height:1.6;color:#222}
.row{display:grid;grid-template-columns:1fr 1fr;gap:2rem;margin:0 0 1rem}
.row>div{min-width:0}
.title{font-size:1.5rem;font-weight:700}
.meta,.byline{color:#555;font-size:.9rem}
.list-item{padding-left:1rem}
.untranslated{color:#8a4b00;background:#fff4e0}
.untranslated::before{content:"untranslated";font-size:.7rem;margin-right:.3rem;
padding:0 .25rem;border:1px solid #c98a2b;border-radius:3px}
.unreviewed{border-bottom:1px dashed #999}
.seg:hover,.seg:focus{background:#e6f0ff}
.legend{font-size:.8rem;color:#666;margin-bottom:1.5rem}
@media print{body{margin:0;max-width:none}.row{break-inside:avoid}}
"""


def _source_span(pair: Pair) -> str:
    return f'<span class="seg" id="s-{pair.id}" tabindex="0">{escape(pair.source)}</span>'


def _target_span(pair: Pair, source_lang: str) -> str:
    if pair.status is Status.UNTRANSLATED:
        return (
            f'<span class="seg untranslated" id="t-{pair.id}" lang="{source_lang}" '
            f'title="untranslated: source shown" tabindex="0">{escape(pair.source)}</span>'
        )
    title = "machine or changed source: not reviewed" if pair.status is Status.UNREVIEWED else ""
    title_attr = f' title="{title}"' if title else ""
    return (
        f'<span class="seg {pair.status}" id="t-{pair.id}"{title_attr} tabindex="0">'
        f"{escape(pair.target)}</span>"
    )


class HtmlRenderer:
    extension = "html"

    def render(self, edition: Edition) -> str:
        src = escape(edition.source_language)
        tgt = escape(edition.target_language)
        title = next((b for b in edition.blocks if b.kind is BlockKind.TITLE), None)
        page_title = "".join(p.source for p in title.pairs) if title else edition.name
        counts = edition.counts()
        legend = ", ".join(f"{counts[s]} {s}" for s in Status)
        rows = []
        for block in edition.blocks:
            source = "".join(_source_span(p) for p in block.pairs)
            target = " ".join(_target_span(p, src) for p in block.pairs)
            rows.append(
                f'<div class="row {block.kind}">'
                f'<div class="src" lang="{src}">{source}</div>'
                f'<div class="tgt" lang="{tgt}">{target}</div></div>'
            )
        body = "\n".join(rows)
        return (
            f'<!DOCTYPE html>\n<html lang="{tgt}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{escape(page_title)}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n"
            f'<p class="legend">{escape(edition.name)}: {legend}</p>\n'
            f"<main>\n{body}\n</main>\n</body>\n</html>\n"
        )
