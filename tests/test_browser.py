"""The side-by-side edition of the seed in a real browser (headless Chromium)."""

from __future__ import annotations

import polib
import pytest

from .browser import Browser, chromium_path
from .conftest import PO, ROOT, SEED_NAME, l10n

HOSTILE_SCRIPT = '<script>document.title="pwned";window.pwned=1</script>'
HOSTILE_IMAGE = '"><img src=x onerror="window.pwned=2">'


@pytest.fixture
def browser(tmp_path):
    if chromium_path() is None:
        pytest.fail("headless Chromium is required: apt-get install chromium")
    session = Browser(tmp_path / "profile")
    yield session
    session.close()


def _translate_by_hand(project):
    """A test catalog: reviewed, unreviewed and untranslated entries, two of them hostile."""
    catalog = polib.pofile(str(project / PO))
    for n, entry in enumerate(catalog):
        if n % 3 == 2:
            continue
        entry.msgstr = f"English sentence number {n}."
        if n % 3 == 1:
            entry.flags.append("fuzzy")
    catalog[0].msgstr = HOSTILE_SCRIPT
    catalog[3].msgstr = HOSTILE_IMAGE
    catalog.save()


@pytest.mark.slow
def test_side_by_side_page_in_chromium(project, browser):
    assert l10n("extract").exit_code == 0
    _translate_by_hand(project)
    result = l10n("build", "--format", "html", "--layout", "side-by-side")
    assert result.exit_code == 0, result.stderr
    page = project / "dist" / f"{SEED_NAME}.en.html"
    browser.open(page.as_uri())

    columns = browser.evaluate("""(() => {
        const visible = sel => [...document.querySelectorAll(sel)].filter(e => {
            const r = e.getBoundingClientRect();
            return r.width > 0 && r.height > 0 && e.textContent.trim().length > 0;
        });
        const src = visible('.src .seg'), tgt = visible('.tgt .seg');
        return {src: src.length, tgt: tgt.length,
                srcRight: Math.max(...src.map(e => e.getBoundingClientRect().right)),
                tgtLeft: Math.min(...tgt.map(e => e.getBoundingClientRect().left))};
    })()""")
    assert columns["src"] == columns["tgt"] == 32
    assert columns["tgtLeft"] > columns["srcRight"]  # two columns, side by side

    target_id = browser.evaluate("document.querySelectorAll('.src .seg')[5].dataset.pair")
    box = browser.evaluate(f"""(() => {{
        const el = document.getElementById('s-{target_id}');
        el.scrollIntoView({{block: 'center'}});
        const r = el.getClientRects()[0];
        return {{x: r.left + r.width / 2, y: r.top + r.height / 2}};
    }})()""")
    before = browser.evaluate(f"document.getElementById('t-{target_id}').className")
    browser.hover(box["x"], box["y"])
    after = browser.evaluate(f"""(() => {{
        const t = document.getElementById('t-{target_id}');
        return {{cls: t.className, bg: getComputedStyle(t).backgroundColor}};
    }})()""")
    assert "hl" not in before.split()
    assert "hl" in after["cls"].split()
    assert after["bg"] not in ("rgba(0, 0, 0, 0)", "transparent")

    assert browser.evaluate("typeof window.pwned") == "undefined"
    assert browser.evaluate("document.title") != "pwned"
    assert browser.evaluate("document.querySelectorAll('img').length") == 0
    assert browser.evaluate("document.querySelectorAll('script').length") == 1
    shown = browser.evaluate(
        "document.getElementById('t-' + document.querySelectorAll("
        "'.src .seg')[0].dataset.pair).textContent"
    )
    assert shown == HOSTILE_SCRIPT

    for folder in (project / "dist", ROOT / "dist"):
        browser.screenshot(folder / f"{SEED_NAME}.en.side-by-side.png")
    assert (project / "dist" / f"{SEED_NAME}.en.side-by-side.png").stat().st_size > 10_000
