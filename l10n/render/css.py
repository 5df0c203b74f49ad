"""The editions' stylesheets: the HTML page (screen, phones and print), EPUB and PDF.

Colours are chosen for contrast on white: text and badges at least 4.5:1, the dotted
underline that marks unreviewed output at least 3:1 (WCAG 2.1, 1.4.3 and 1.4.11). Fonts
are named, never embedded: the reader's or printer's own CJK font is used.
"""

FONTS = (
    'system-ui,"Noto Sans CJK TC","Noto Sans CJK SC","Noto Sans TC","Noto Sans SC",'
    '"Source Han Sans TC","PingFang TC","Microsoft JhengHei","Noto Sans",sans-serif'
)

# What every layout shares, on screen and in print.
_COMMON = """
h1{font-size:1.45rem;line-height:1.35;margin:.2rem 0}
h2{font-size:1.15rem;line-height:1.35;margin:.2rem 0}
p{margin:0}
p.title{font-size:1.45rem;line-height:1.35;margin:.2rem 0;font-weight:700}
.meta,.byline{color:#555;font-size:.9rem}
.list-item p{padding-left:.5rem}
.seg{border-radius:2px}
.unreviewed{text-decoration:underline dotted #767676;text-underline-offset:.2em}
.untranslated{color:#6e4f12}
.untranslated::before{content:"untranslated";
font-weight:600;font-size:.7em;font-family:system-ui,sans-serif;text-transform:uppercase;
color:#7a4e00;border:1px solid #b08a3e;border-radius:3px;
padding:0 .2rem;margin-right:.3rem;vertical-align:.1em}
""".strip()

# The self-contained HTML page. Side by side becomes interleaved below 700 px.
PAGE = (
    f"""
body{{font-family:{FONTS};margin:2rem auto;max-width:72rem;padding:0 1rem;line-height:1.65;
color:#1d1d1f;background:#fff}}
header.legend,p.legend{{font-size:.8rem;color:#595959;border-bottom:1px solid #ddd;
margin-bottom:1.5rem;padding-bottom:.5rem}}
.legend .key{{margin-right:1rem}}
.columns,.row{{display:grid;grid-template-columns:1fr 1fr;gap:2.5rem}}
.columns{{font-size:.75rem;text-transform:uppercase;letter-spacing:.05em;color:#595959}}
.row{{margin:0 0 1rem}}
.row>div,.block>div{{min-width:0;overflow-wrap:anywhere}}
.block{{margin:0 0 1.5rem}}
.block>.tgt+.tgt,.block>.src+.tgt{{margin-top:.35rem;padding-left:.8rem;
border-left:3px solid #e3e3e3}}
.seg:focus{{outline:2px solid #1a5fb4;outline-offset:1px}}
.seg{{unicode-bidi:isolate}}
.seg.hl{{background:#ffe9a8}}
nav.toc ol{{padding-left:1.2rem}}
article+article{{margin-top:3rem;border-top:1px solid #ddd;padding-top:1.5rem}}
{_COMMON}
@media (max-width:700px){{
body{{margin:1rem auto;padding:0 .75rem}}
.columns{{display:none}}
.row{{grid-template-columns:1fr;gap:.35rem;margin:0 0 1.5rem}}
.row>.tgt{{padding-left:.8rem;border-left:3px solid #e3e3e3}}
h1,p.title{{font-size:1.25rem}}
}}
@media print{{
body{{max-width:none;margin:0;padding:0;font-size:10pt;line-height:1.45}}
.row,.columns{{grid-template-columns:1fr 1fr;gap:1.2rem}}
.row>.tgt{{padding-left:0;border-left:0}}
.columns{{display:grid}}
.seg.hl{{background:none}}
.seg:focus{{outline:none}}
header.legend{{border:0}}
}}
"""
).strip()

# EPUB: paired blocks that sit side by side on a wide reader and one above the other on a
# narrow one; reading systems apply their own margins and fonts.
EPUB = (
    f"""
body{{font-family:{FONTS};line-height:1.6}}
.row,.block{{margin:0 0 1em}}
.row>.tgt,.block>.tgt{{margin-top:.3em;padding-left:.6em;border-left:2px solid #ccc}}
nav ol{{list-style:none;padding-left:0}}
header.legend{{font-size:.8em;color:#595959;margin-bottom:1em}}
.columns{{display:none}}
{_COMMON}
@media (min-width:40em){{
.row{{display:table;width:100%;table-layout:fixed}}
.row>div{{display:table-cell;width:50%;vertical-align:top;padding-right:1em}}
.row>.tgt{{margin-top:0;padding-left:1em}}
.columns{{display:table;width:100%;table-layout:fixed;font-size:.75em;color:#595959;
text-transform:uppercase;margin-bottom:.5em}}
.columns>div{{display:table-cell;width:50%}}
}}
"""
).strip()

# PDF (WeasyPrint): A4, the title in the page header, page numbers in the footer; rows
# may break across pages, so no page ends in blank space for a long paragraph.
PDF = (
    f"""
@page{{size:A4;margin:22mm 18mm 20mm;
@top-center{{content:string(doctitle);font-size:8pt;color:#555}}
@bottom-center{{content:counter(page) " / " counter(pages);font-size:8pt;color:#555}}}}
html{{font-family:"Noto Serif CJK TC","Noto Sans CJK TC","Noto Sans CJK SC",serif;
font-size:10pt;line-height:1.5;color:#111}}
.doc-title{{string-set:doctitle content(text)}}
header.legend{{font-size:8pt;color:#555;margin-bottom:1em}}
.legend .key{{margin-right:.8em}}
.columns{{display:none}}
.row{{display:table;width:100%;table-layout:fixed;margin:0 0 .6em}}
.row>div{{display:table-cell;width:50%;vertical-align:top}}
.row>.src{{padding-right:.7em}}
.row>.tgt{{padding-left:.7em}}
.block{{margin:0 0 .8em}}
.block>.src+.tgt{{margin-top:.25em;padding-left:.6em;border-left:2px solid #ccc}}
nav.toc{{break-after:page}}
article+article{{break-before:page}}
{_COMMON}
"""
).strip()
