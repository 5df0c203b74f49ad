"""A hostile HTML source and hostile translations: nothing becomes live in a translated
document or a bilingual edition beyond what the source itself had."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import polib

from .conftest import l10n_ok
from .test_browser import browser  # noqa: F401 (a fixture)

SOURCE = """<!DOCTYPE html>
<html><head><title>標題</title></head><body>
<p>文字&lt;script&gt;alert(1)&lt;/script&gt;說明。<img src=x onerror="alert(1)" alt="圖"></p>
<p>再見<img src=z onerror="alert(9)">。</p>
<p>請點<a href="javascript:alert(2)" title="提示">連結</a>。</p>
<script>alert("source")</script>
</body></html>
"""

HOSTILE = {
    "標題": "Title</title><script>alert(3)</script>",
    "文字<script>alert(1)</script>說明。<1/>": (
        'Text <script>alert(4)</script><img src=y onerror="alert(5)">.<1/>'
    ),
    "再見<1/>。": "Bye <1/><1/>.",  # the image twice: not used
    "圖": '" onerror="alert(6)',
    "請點<1>連結</1>。": 'Click <1>here</1> or <a href="javascript:alert(7)">there</a>.',
    "提示": '"><script>alert(8)</script>',
}


class _Live(HTMLParser):
    """What a browser would run: script elements, event handler attributes, javascript: URLs."""

    def __init__(self) -> None:
        super().__init__()
        self.scripts = self.handlers = self.javascript = 0

    def handle_starttag(self, tag, attrs):
        self.scripts += tag == "script"
        for name, value in attrs:
            self.handlers += name.startswith("on")
            self.javascript += (value or "").strip().lower().startswith("javascript:")


def live(text: str) -> tuple[int, int, int]:
    parser = _Live()
    parser.feed(text)
    parser.close()
    return parser.scripts, parser.handlers, parser.javascript


def _build(project: Path, formats: str, *extra: str) -> Path:
    (project / "seeds" / "hostile.html").write_text(SOURCE, encoding="utf-8")
    l10n_ok("extract", "seeds/hostile.html")
    po_path = project / "locales" / "en" / "LC_MESSAGES" / "hostile.po"
    catalog = polib.pofile(str(po_path))
    assert {e.msgid for e in catalog} == set(HOSTILE)
    for entry in catalog:
        entry.msgstr = HOSTILE[entry.msgid]
    catalog.save(str(po_path))
    l10n_ok("build", "seeds/hostile.html", "--format", formats, *extra)
    return project / "dist"


def test_a_translated_document_runs_no_more_than_its_source(project):
    dist = _build(project, "source")
    written = (dist / "hostile.en.html").read_text("utf-8")
    assert live(SOURCE) == (1, 2, 1)
    assert live(written) == live(SOURCE)
    assert "Text &lt;script&gt;alert(4)&lt;/script&gt;&lt;img" in written
    assert 'alt="&quot; onerror=&quot;alert(6)"' in written
    assert written.count("<img") == 2  # the duplicated placeholder was refused
    assert '<p>再見<img src=z onerror="alert(9)">。</p>' in written
    assert '<html lang="en">' in written


def test_a_bilingual_edition_runs_only_its_own_script(project):
    dist = _build(project, "html", "--include-machine")
    page = (dist / "hostile.en.html").read_text("utf-8")
    assert live(page) == (1, 0, 0)  # the page's own script, under its CSP hash


def test_in_a_browser_only_the_sources_own_code_runs(project, browser):  # noqa: F811
    """Headless Chromium opens the translated document and the bilingual edition with
    `alert` recorded: the hostile translations' alerts (3 to 8) never run."""
    import time

    translated = _build(project, "source", "--include-machine") / "hostile.en.html"
    edition = project / "editions" / "hostile.en.html"
    l10n_ok(
        "build", "seeds/hostile.html", "--format", "html", "--include-machine", "-o", "editions"
    )
    browser.call(
        "Page.addScriptToEvaluateOnNewDocument",
        source="window.__alerts = []; window.alert = (x) => window.__alerts.push(String(x));",
    )
    seen = {}
    for path in (translated, edition):
        browser.open(path.as_uri())
        time.sleep(0.5)  # the images' error events
        seen[path.parent.name] = set(browser.evaluate("window.__alerts") or [])
    hostile = {"3", "4", "5", "6", "7", "8"}
    assert all(not (alerts & hostile) for alerts in seen.values()), seen
    assert {"source", "1", "9"} <= seen["dist"], seen  # the source's own code does run
    assert seen["editions"] == set(), seen  # the edition runs none of the source's


def test_the_markdown_edition_links_nowhere_unsafe(project):
    dist = _build(project, "md", "--include-machine")
    text = (dist / "hostile.en.md").read_text("utf-8")
    assert "](" not in text  # no link: the source's is javascript:, the translations' are text
    assert not re.search(r"(?<!\\)<", text)  # every tag of a translation is escaped text
