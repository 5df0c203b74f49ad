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


# Fault 13: a bidi control in one translation must not reorder any other text on the page.
RLO, RLI = "\u202e", "\u2067"  # RIGHT-TO-LEFT OVERRIDE, RIGHT-TO-LEFT ISOLATE, both unpaired
NEXT_SENTENCE = "The next one reads left to right."

# Per character of an element's text: its box, through a Range over that one character.
CHARACTER_BOXES = """((id) => {
    const el = document.getElementById(id);
    const text = el.firstChild, out = [];
    for (let i = 0; i < text.length; i++) {
        const range = document.createRange();
        range.setStart(text, i);
        range.setEnd(text, i + 1);
        const r = range.getBoundingClientRect();
        out.push({ch: text.data[i], left: r.left, right: r.right, top: r.top, bottom: r.bottom});
    }
    const box = el.getBoundingClientRect();
    return {chars: out, left: box.left, right: box.right, top: box.top};
})"""


def _bidi_page(tmp_path, layout: str, control: str):
    """The seed's edition with short translations. In its shortest block of two or more
    sentences, the last but one translation carries an unpaired `control`. Returns the page
    and the ids of that sentence and of the next, the paragraph's last."""
    from l10n.catalog import EntryStatus
    from l10n.edition import align
    from l10n.render import renderer
    from l10n.segment import parse
    from l10n.settings import load
    from l10n.stages.build import BuildOptions

    from .conftest import SEED

    document = parse(SEED.read_text(encoding="utf-8"), "seed", load(ROOT).rules)
    translations = {
        segment.text: (f"Sentence {n}.", EntryStatus.REVIEWED)
        for n, (_, segment) in enumerate(document.segments())
    }
    blocks = [b for b in align(document, {}, "zh-Hant", "en").blocks if len(b.pairs) >= 2]
    block = min(blocks, key=lambda b: len(b.pairs))  # a short paragraph: one line
    first, second = block.pairs[-2], block.pairs[-1]  # the next one ends the paragraph
    translations[first.source] = (f"Before {control}the control.", EntryStatus.REVIEWED)
    translations[second.source] = (NEXT_SENTENCE, EntryStatus.REVIEWED)
    edition = align(document, translations, "zh-Hant", "en")
    page = tmp_path / f"bidi-{layout}-{ord(control):04x}.html"
    page.write_text(renderer("html", BuildOptions(layout=layout)).render(edition), "utf-8")
    return page, first.id, second.id


def _reading_order_errors(boxes: list[dict]) -> list[str]:
    """Characters (spaces aside) placed left of their predecessor on the same line."""
    errors = []
    previous = None
    for n, box in enumerate(boxes):
        if box["ch"].isspace() or box["right"] <= box["left"]:
            continue
        same_line = previous is not None and abs(box["top"] - previous["top"]) < 2
        if same_line and box["left"] < previous["left"]:
            errors.append(f"{n}:{box['ch']!r} left of {previous['ch']!r}")
        previous = box
    return errors


@pytest.mark.slow
@pytest.mark.parametrize("control", [RLO, RLI], ids=["RLO", "RLI"])
@pytest.mark.parametrize("layout", ["side-by-side", "interleaved"])
def test_a_bidi_control_in_one_translation_leaves_the_next_sentence_alone(
    tmp_path, browser, layout, control
):
    page, first, second = _bidi_page(tmp_path, layout, control)
    browser.open(page.as_uri())
    # The page's own stylesheet applies: its hash is still the one the CSP admits.
    legend = "getComputedStyle(document.querySelector('header.legend')).borderBottomStyle"
    assert browser.evaluate(legend) == "solid"
    browser.evaluate(f"document.getElementById('t-{first}').scrollIntoView({{block: 'center'}})")
    with_control = browser.evaluate(f"{CHARACTER_BOXES}('t-{first}')")
    after = browser.evaluate(f"{CHARACTER_BOXES}('t-{second}')")
    assert "".join(c["ch"] for c in after["chars"]) == NEXT_SENTENCE
    assert len({round(c["top"]) for c in after["chars"]}) == 1, "expected one line"
    # Every character of the next sentence is placed in reading order, left to right ...
    assert _reading_order_errors(after["chars"]) == []
    # ... and the sentence comes after the one with the control, not before or inside it.
    assert abs(after["top"] - with_control["top"]) < 2, "expected both sentences on one line"
    assert after["left"] >= with_control["right"] - 1
