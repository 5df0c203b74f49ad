"""EPUB, DOCX and PDF editions and collections, checked with the tools publishers use:
epubcheck, python-docx, LibreOffice, poppler (pdftotext, pdffonts, pdftoppm)."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from xml.etree import ElementTree as ET

import polib
import pytest

from l10n.segment import parse
from l10n.settings import load

from .conftest import PO, ROOT, SEED, SEED_NAME, l10n, l10n_ok
from .editions import (
    ARTICLES,
    bottom_gaps,
    english_sentences,
    epubcheck_command,
    first_page_png,
    normalised,
    pdftotext,
    require,
    reviewed_project,
    right_column,
)

XHTML = "{http://www.w3.org/1999/xhtml}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
COLLECTION = "Week 23"


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    """A project of the seed (its reviewed catalog) and two short articles in every review
    state, with its editions built: every source as EPUB, DOCX and PDF side by side, DOCX
    interleaved and translation-only, and the collection of all three as EPUB and PDF."""
    with reviewed_project(tmp_path_factory.mktemp("book")) as folder:
        l10n_ok("build", "--format", "epub,docx,pdf", "-o", "out")
        l10n_ok(
            "build", "--format", "docx", "--layout", "interleaved,translation-only", "-o", "more"
        )
        l10n_ok("build", "--collection", COLLECTION, "--format", "epub,pdf,html", "-o", "week")
        yield folder


def _documents():
    rules = load(ROOT).rules
    paths = [SEED, *ARTICLES]
    return {p.stem: parse(p.read_text("utf-8"), p.stem, rules) for p in paths}


def test_epubcheck_is_clean_on_an_edition_and_a_collection(book):
    books = [book / "out" / f"{SEED_NAME}.en.epub", book / "week" / f"{COLLECTION}.en.epub"]
    runs = [
        subprocess.Popen(epubcheck_command(p), stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        for p in books
    ]
    for path, run in zip(books, runs, strict=True):
        output = run.communicate(timeout=180)[0].decode()
        assert "Messages: 0 fatals / 0 errors / 0 warnings / 0 infos" in output, output
        assert run.returncode == 0, (path, output)


def test_epub_languages_navigation_and_fonts(book):
    with zipfile.ZipFile(book / "week" / f"{COLLECTION}.en.epub") as epub:
        names = epub.namelist()
        assert names[0] == "mimetype" and epub.getinfo("mimetype").compress_type == 0
        opf = epub.read("EPUB/package.opf").decode()
        chapters = [epub.read(f"EPUB/c{n}.xhtml") for n in (1, 2, 3)]
        nav = epub.read("EPUB/nav.xhtml").decode()
        style = epub.read("EPUB/style.css").decode()
    assert re.findall(r"<dc:language>(.*?)</dc:language>", opf) == ["en", "zh-Hant"]
    assert 'epub:type="toc"' in nav and nav.count("<li>") == 3
    assert not any(n.endswith((".otf", ".ttf", ".ttc", ".woff", ".woff2")) for n in names)
    assert "Noto Sans CJK TC" in style and "@font-face" not in style
    documents = _documents()
    seen = []
    for chapter in chapters:
        root = ET.fromstring(chapter)
        for block in root.iter(f"{XHTML}div"):
            if block.get("class") in ("src", "tgt"):
                assert block.get(XML_LANG) in ("zh-Hant", "en") and block.get("lang")
        seen += [s.get("id")[2:] for s in root.iter(f"{XHTML}span") if s.get("id", "")[:2] == "s-"]
    expected = [seg.id for doc in documents.values() for _, seg in doc.segments()]
    assert sorted(seen) == sorted(expected) and len(seen) == len(expected)


def _cells(table):
    return [(row.cells[0].text, row.cells[1].text) for row in table.rows[1:]]


def test_docx_reads_back_every_segment_in_order_with_its_translation(book):
    import docx

    from l10n.catalog import translations

    for name, document in _documents().items():
        po = book / "locales/en/LC_MESSAGES" / f"{name}.po"
        translated = translations(polib.pofile(str(po)))
        word = docx.Document(str(book / "out" / f"{name}.en.docx"))
        rows = _cells(word.tables[0])
        blocks = [b for b in document.blocks if b.kind.extracted and b.segments]
        assert [left for left, _ in rows] == ["".join(s.text for s in b.segments) for b in blocks]
        for (_, right), block in zip(rows, blocks, strict=True):
            shown = [translated.get(s.text, (s.text, None))[0] for s in block.segments]
            assert right == " ".join(shown)
        assert len(word.tables) == 1
    # the article with machine output: each unreviewed run is styled and commented
    word = docx.Document(str(book / "out" / f"{ARTICLES[0].stem}.en.docx"))
    runs = [r for row in word.tables[0].rows for p in row.cells[1].paragraphs for r in p.runs]
    unreviewed = [r for r in runs if r.style.name == "Unreviewed"]
    untranslated = [r for r in runs if r.style.name == "Untranslated"]
    comments = list(word.comments)
    assert unreviewed and untranslated and len(comments) == len(unreviewed)
    assert all(
        c.text == "status: machine; machine translation: argos translate-zh_en 1.9 (beam 4)"
        for c in comments
    )
    assert word.tables[0].rows[1].cells[1].paragraphs[0].style.name == "Title"


def test_docx_interleaved_and_translation_only(book):
    import docx

    stem = ARTICLES[1].stem
    interleaved = docx.Document(str(book / "more" / f"{stem}.en.interleaved.docx"))
    alone = docx.Document(str(book / "more" / f"{stem}.en.translation-only.docx"))
    texts = [p.text for p in interleaved.paragraphs if p.text]
    assert texts[0] == "市立圖書館延長開放時間 週五開到午夜"
    assert texts[1].startswith("English 0 of")
    assert [p.style.name for p in interleaved.paragraphs[:2]] == ["Title", "Title"]
    only = [p.text for p in alone.paragraphs if p.text]
    assert only == texts[1::2]
    assert not alone.tables


@pytest.mark.slow
def test_libreoffice_renders_the_docx(book, tmp_path):
    soffice = require("soffice")
    source = book / "out" / f"{ARTICLES[0].stem}.en.docx"
    subprocess.run(
        [
            *(
                soffice,
                "--headless",
                "--norestore",
                f"-env:UserInstallation={tmp_path.as_uri()}/lo",
            ),
            *("--convert-to", "pdf", "--outdir", str(tmp_path), str(source)),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = tmp_path / f"{ARTICLES[0].stem}.en.pdf"
    text = normalised(pdftotext(pdf))
    assert "港口渡輪新航線下月啟" in text and "English 0 of" in text  # two columns, wrapped
    assert "來源:港灣日報" in text and "Translation (en)" in text
    png = first_page_png(pdf, "docx-libreoffice")
    assert png.stat().st_size > 10_000


def test_pdf_has_every_reviewed_sentence_fonts_embedded_and_no_blank_page_ends(book):
    pdf = book / "out" / f"{SEED_NAME}.en.pdf"
    text = right_column(pdf, (22 / 25.4 * 72, 20 / 25.4 * 72))  # the page margins
    sentences = english_sentences(book / PO)
    assert len(sentences) == 32
    missing = [s for s in sentences if normalised(s) not in text]
    assert missing == []
    fonts = subprocess.run(
        [require("pdffonts"), str(pdf)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts), fonts  # emb
    assert any("Noto-Serif-CJK" in line or "NotoSerifCJK" in line for line in fonts)
    # the page header holds the title; the footer the page numbers
    first = pdftotext(pdf, "-f", "1", "-l", "1")
    assert first.lstrip().startswith("Sichuan holds conference")
    assert re.search(r"^1 ?/ ?7$", first, re.M)
    gaps = bottom_gaps(pdf, footer_pt=20 / 25.4 * 72)
    assert len(gaps) >= 3 and max(gaps) < 30, gaps  # under two lines: rows break across pages
    first_page_png(pdf, "pdf-weasyprint")


def test_collection_pdf_and_html_have_a_table_of_contents(book):
    text = normalised(pdftotext(book / "week" / f"{COLLECTION}.en.pdf", "-l", "1"))
    titles = ["港口渡輪新航線下月啟用", "市立圖書館延長開放時間", "四川省公安局處長會議召開"]
    assert "Contents 1. " in text and [text.find(t) for t in titles] == sorted(
        text.find(t) for t in titles
    )
    assert text.startswith(f"{COLLECTION} {COLLECTION} Contents")  # page header, then <h1>
    page = (book / "week" / f"{COLLECTION}.en.html").read_text("utf-8")
    assert page.count("<h1>") == 1 and page.count('<h2 class="doc-title">') == 3
    assert re.findall(r'<li><a href="#doc-(\d)">', page) == ["1", "2", "3"]
    ids = re.findall(r' id="([^"]+)"', page)
    assert len(ids) == len(set(ids))  # articles sharing a sentence keep unique ids


def test_a_collection_refuses_a_format_that_holds_one_article(book, monkeypatch):
    monkeypatch.chdir(book)
    result = l10n("build", "--collection", "x", "--format", "md")
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert "a collection is built as epub, pdf, html, docx" in result.stderr


@pytest.mark.parametrize(("fmt", "module"), [("docx", "docx"), ("pdf", "weasyprint")])
def test_without_the_extra_a_format_says_what_to_install(project, monkeypatch, fmt, module):
    assert l10n("extract").exit_code == 0
    monkeypatch.setitem(sys.modules, module, None)  # as if not installed
    result = l10n("build", "--format", fmt)
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "pip install 'l10n[editions]'" in result.stderr
    assert "Traceback" not in result.stderr and not (project / "dist").exists()
