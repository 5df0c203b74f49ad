"""The HTML edition for people, in headless Chromium: phones and desktops, axe-core,
keyboard, print; the first pages of each format as screenshots in dist/screenshots/."""

from __future__ import annotations

import base64
import zipfile

import pytest

from .browser import Browser, chromium_path
from .conftest import ROOT, SEED_NAME, l10n_ok
from .editions import ARTICLES, SCREENSHOTS, bottom_gaps, reviewed_project

AXE = ROOT / ".tools" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
LAYOUTS = ("side-by-side", "interleaved", "translation-only")

# Per row: does the translation sit beside its source (two columns) or below it?
COLUMNS = """(() => [...document.querySelectorAll('.row')].map(row => {
    const s = row.querySelector('.src').getBoundingClientRect();
    const t = row.querySelector('.tgt').getBoundingClientRect();
    return {beside: t.left >= s.right - 1, below: t.top >= s.bottom - 1};
}))()"""

# WCAG contrast of the unreviewed underline against the page
UNDERLINE = """(() => {
    const el = document.querySelector('.seg.unreviewed');
    const rgb = c => c.match(/\\d+(\\.\\d+)?/g).slice(0, 3).map(Number);
    const lum = c => {
        const [r, g, b] = rgb(c).map(v => v / 255).map(
            v => v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4));
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const line = lum(getComputedStyle(el).textDecorationColor);
    const page = lum(getComputedStyle(document.body).backgroundColor);
    return (Math.max(line, page) + 0.05) / (Math.min(line, page) + 0.05);
})()"""

# The elements Tab stops at, in order
TAB_STOPS = """(() => [...document.querySelectorAll(
    'a[href],button,input,select,textarea,[tabindex]')]
    .filter(e => e.tabIndex >= 0 && !e.disabled).length)()"""


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    """The seed and two small articles (reviewed, machine and untranslated entries) built in
    every layout, and as a collection."""
    with reviewed_project(tmp_path_factory.mktemp("people")) as folder:
        l10n_ok("build", "--format", "html,epub", "--layout", ",".join(LAYOUTS), "-o", "out")
        l10n_ok("build", "--collection", "Week 23", "--format", "html", "-o", "out")
    return folder / "out"


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    if chromium_path() is None:
        pytest.fail("headless Chromium is required: apt-get install chromium")
    session = Browser(tmp_path_factory.mktemp("profile"))
    session.call("Page.setBypassCSP", enabled=True)  # lets axe-core in; the page's CSP stays
    yield session
    session.close()


def _width(browser, width: int) -> None:
    browser.call(
        "Emulation.setDeviceMetricsOverride",
        width=width,
        height=900,
        deviceScaleFactor=1,
        mobile=width < 700,
    )


def _axe(browser) -> list[dict]:
    if not AXE.is_file():
        pytest.fail("axe-core is required: scripts/system-deps installs it with npm")
    browser.evaluate(AXE.read_text("utf-8"))
    result = browser.call(
        "Runtime.evaluate",
        expression="axe.run(document, {resultTypes: ['violations']}).then(r => r.violations"
        ".map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' '))"
        ".slice(0, 3)})))",
        awaitPromise=True,
        returnByValue=True,
    )
    return result["result"]["value"]


@pytest.mark.slow
@pytest.mark.parametrize("width", [1400, 390])
def test_side_by_side_at_desktop_and_phone_widths(pages, browser, width):
    _width(browser, width)
    browser.open((pages / f"{SEED_NAME}.en.side-by-side.html").as_uri())
    rows = browser.evaluate(COLUMNS)
    assert len(rows) == 11  # the seed's blocks
    if width == 1400:
        assert all(r["beside"] for r in rows)
    else:  # no two columns: each translation below its source, interleaved
        assert not any(r["beside"] for r in rows) and all(r["below"] for r in rows)
        assert browser.evaluate("document.documentElement.scrollWidth") <= width
    browser.screenshot(SCREENSHOTS / f"html-side-by-side-{width}.png")
    _width(browser, 1280)


@pytest.mark.slow
@pytest.mark.parametrize("layout", LAYOUTS)
def test_axe_core_finds_no_violation(pages, browser, layout):
    stem = ARTICLES[0].stem  # reviewed, unreviewed and untranslated sentences
    for width in (1400, 390):
        _width(browser, width)
        browser.open((pages / f"{stem}.en.{layout}.html").as_uri())
        assert _axe(browser) == [], (layout, width)
    _width(browser, 1280)
    assert browser.evaluate("document.querySelectorAll('h1').length") == 1
    assert browser.evaluate("document.title") and browser.evaluate(
        "document.querySelector('title').lang"
    ) == ("en" if layout == "translation-only" else "zh-Hant")
    if layout != "translation-only":
        assert browser.evaluate(UNDERLINE) >= 3.0
        pairs = browser.evaluate("document.querySelectorAll('.tgt .seg').length")
        assert browser.evaluate(TAB_STOPS) == pairs  # one tab stop per pair
    else:
        assert browser.evaluate("document.querySelectorAll('.src').length") == 0


@pytest.mark.slow
def test_axe_core_finds_no_violation_in_a_collection(pages, browser):
    browser.open((pages / "Week 23.en.html").as_uri())
    assert _axe(browser) == []
    assert browser.evaluate("document.querySelectorAll('h1').length") == 1
    assert browser.evaluate("document.querySelectorAll('nav li a').length") == 3
    # axe-core does see what the issue measured on main: the #888 column labels at 12 px
    browser.evaluate(
        "document.querySelector('main').insertAdjacentHTML('afterbegin', "
        "'<p style=\"color:#888;font-size:12px\">source (zh-Hant)</p>')"
    )
    assert [v["id"] for v in _axe(browser)] == ["color-contrast"]


@pytest.mark.slow
def test_print_to_pdf_leaves_no_blank_page_ends(pages, browser, tmp_path):
    browser.open((pages / f"{SEED_NAME}.en.side-by-side.html").as_uri())
    printed = browser.call(
        "Page.printToPDF", paperWidth=8.27, paperHeight=11.69, marginBottom=0.4, marginTop=0.4
    )
    pdf = tmp_path / "printed.pdf"
    pdf.write_bytes(base64.b64decode(printed["data"]))
    gaps = bottom_gaps(pdf, footer_pt=0.4 * 72)
    assert len(gaps) >= 2 and max(gaps) < 30, gaps


@pytest.mark.slow
def test_first_page_of_the_epub_in_a_reader_sized_window(pages, browser, tmp_path):
    with zipfile.ZipFile(pages / f"{SEED_NAME}.en.side-by-side.epub") as epub:
        epub.extractall(tmp_path / "book")
    _width(browser, 800)
    browser.open((tmp_path / "book" / "EPUB" / "c1.xhtml").as_uri())
    rows = browser.evaluate(COLUMNS)
    assert rows and all(r["beside"] for r in rows)  # two columns on a wide reader
    browser.call(
        "Emulation.setDeviceMetricsOverride",
        width=800,
        height=1100,
        deviceScaleFactor=1,
        mobile=False,
    )
    data = browser.call("Page.captureScreenshot", format="png")["data"]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    (SCREENSHOTS / "epub-c1.png").write_bytes(base64.b64decode(data))
    _width(browser, 1280)
