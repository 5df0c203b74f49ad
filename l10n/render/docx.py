"""DOCX edition (python-docx): the editors' working copy.

Side by side, a two-column table (source | translation) with a repeated header row, one row
per block; interleaved, each source paragraph followed by its translation; translation-only,
the translation alone. Word's own styles carry the structure (Title, Heading 2, Quote,
Subtitle for meta lines and bylines, List Bullet); paragraphs say their language (East Asian
for the source). Unreviewed output is in the character style `Unreviewed` (dotted
underline) with a Word comment giving its status and provenance; untranslated segments show
the source in the character style `Untranslated`.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from ..document import BlockKind
from ..edition import Edition, EditionBlock, Pair, Status
from ..errors import ExtraError
from .inline import plain

_PARAGRAPH_STYLES = {
    BlockKind.TITLE: "Title",
    BlockKind.HEADING: "Heading 2",
    BlockKind.QUOTE: "Quote",
    BlockKind.META: "Subtitle",
    BlockKind.BYLINE: "Subtitle",
    BlockKind.LIST_ITEM: "List Bullet",
    BlockKind.CAPTION: "Caption",
}
CJK_FONT = "Noto Serif CJK TC"
AUTHOR = "l10n"


def _import():
    try:
        import docx
        from docx.enum.style import WD_STYLE_TYPE
        from docx.enum.text import WD_UNDERLINE
        from docx.oxml.ns import qn
        from docx.shared import Pt, RGBColor
    except ImportError:
        raise ExtraError(
            "the docx format needs python-docx: pip install 'l10n[editions]'"
        ) from None
    return docx, WD_STYLE_TYPE, WD_UNDERLINE, qn, RGBColor, Pt


class DocxRenderer:
    extension = "docx"
    by_layout = True

    def __init__(self, layout: str) -> None:
        self.layout = layout
        self.modules = _import()

    def _styles(self, document) -> None:
        _, kind, underline, qn, rgb, Pt = self.modules
        styles = document.styles
        unreviewed = styles.add_style("Unreviewed", kind.CHARACTER)
        unreviewed.font.underline = underline.DOTTED
        unreviewed.font.color.rgb = rgb(0x5A, 0x3E, 0x00)
        untranslated = styles.add_style("Untranslated", kind.CHARACTER)
        untranslated.font.italic = True
        untranslated.font.color.rgb = rgb(0x6E, 0x4F, 0x12)
        fonts = styles["Normal"].element.get_or_add_rPr().get_or_add_rFonts()
        fonts.set(qn("w:eastAsia"), CJK_FONT)
        styles["Title"].font.size = Pt(20)
        for name in ("Title", "Subtitle", "Heading 2", "Quote"):
            styles[name].element.get_or_add_rPr().get_or_add_rFonts().set(
                qn("w:eastAsia"), CJK_FONT
            )

    def _run(self, paragraph, text: str, tag: str, *, east_asian: bool, style=None):
        """A run of text that says its language (East Asian for a Chinese source)."""
        from docx.oxml import OxmlElement

        qn = self.modules[3]
        run = paragraph.add_run(text, style=style)
        lang = OxmlElement("w:lang")
        lang.set(qn("w:eastAsia" if east_asian else "w:val"), tag)
        run._r.get_or_add_rPr().append(lang)
        return run

    def _paragraph(self, container, kind: BlockKind):
        return container.add_paragraph(style=_PARAGRAPH_STYLES.get(kind))

    def _sources(self, paragraph, pairs: Sequence[Pair], src: str) -> None:
        for pair in pairs:
            self._run(paragraph, plain(pair.source, pair.markup), src, east_asian=True)

    def _targets(self, document, paragraph, pairs: Sequence[Pair], src: str, tgt: str) -> None:
        for n, pair in enumerate(pairs):
            if n:
                paragraph.add_run(" ")
            if pair.status is Status.UNTRANSLATED:
                text = plain(pair.source, pair.markup)
                self._run(paragraph, text, src, east_asian=True, style="Untranslated")
                continue
            run = self._run(paragraph, plain(pair.target, pair.markup), tgt, east_asian=False)
            if pair.status is Status.UNREVIEWED:
                run.style = "Unreviewed"
                document.add_comment(run, pair.note or "status: unreviewed", AUTHOR, "l10n")

    def _block(self, document, table, block: EditionBlock, edition: Edition) -> None:
        src, tgt = edition.source_language, edition.target_language
        if self.layout == "side-by-side":
            left, right = table.add_row().cells
            source = left.paragraphs[0]
            source.style = _PARAGRAPH_STYLES.get(block.kind, "Normal")
            target = right.paragraphs[0]
            target.style = _PARAGRAPH_STYLES.get(block.kind, "Normal")
        elif self.layout == "interleaved":
            source = self._paragraph(document, block.kind)
            target = self._paragraph(document, block.kind)
        else:
            source, target = None, self._paragraph(document, block.kind)
        if source is not None:
            self._sources(source, block.pairs, src)
        self._targets(document, target, block.pairs, src, tgt)

    def _body(self, document, edition: Edition) -> None:
        table = None
        if self.layout == "side-by-side":
            table = document.add_table(rows=1, cols=2)
            table.style = "Table Grid"
            header = table.rows[0]
            header.cells[0].text = f"Source ({edition.source_language})"
            header.cells[1].text = f"Translation ({edition.target_language})"
            qn = self.modules[3]
            from docx.oxml import OxmlElement

            repeat = OxmlElement("w:tblHeader")
            repeat.set(qn("w:val"), "true")
            header._tr.get_or_add_trPr().append(repeat)
        for block in edition.blocks:
            self._block(document, table, block, edition)

    def _save(self, document) -> bytes:
        buffer = io.BytesIO()
        document.save(buffer)
        return buffer.getvalue()

    def render(self, edition: Edition) -> bytes:
        document = self.modules[0].Document()
        self._styles(document)
        document.core_properties.title = edition.title
        document.core_properties.language = edition.target_language
        self._body(document, edition)
        return self._save(document)

    def render_collection(self, name: str, editions: Sequence[Edition]) -> bytes:
        document = self.modules[0].Document()
        self._styles(document)
        document.core_properties.title = name
        for n, edition in enumerate(editions):
            if n:
                document.add_page_break()
            self._body(document, edition)
        return self._save(document)


def make_renderer(options) -> DocxRenderer:
    """The renderer for the build's options (`stages.build.BuildOptions`)."""
    return DocxRenderer(options.layout)
