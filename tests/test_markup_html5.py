"""HTML read as a browser builds it (tests/data/markup/html5_cases.json): malformed sources
where a tokenizer alone (the standard library's, which the reader once used) gets the
structure wrong. Each case gives the segments the reader extracts; headless Chromium
then loads the same source and its DOM must show the same runs of text in the same kinds
of block, and the same alt and title texts. A known gap is a strict xfail."""

from __future__ import annotations

import json
import re

import pytest

from l10n.document import render
from l10n.readers import html

from .browser import Browser, chromium_path
from .conftest import DATA

CASES = json.loads((DATA / "markup" / "html5_cases.json").read_text("utf-8"))
_PLACEHOLDER = re.compile(r"</?\d+/?>")
_SPACE = re.compile(r"\s+")


def _params(gap_fails: bool):
    for case in CASES:
        marks = ()
        if gap_fails and case.get("gap"):
            marks = pytest.mark.xfail(strict=True, reason=case["gap"])
        yield pytest.param(case, id=case["name"], marks=marks)


@pytest.mark.parametrize("case", list(_params(False)))
def test_the_segments_of_malformed_html(case):
    document = html.parse(case["html"], "case.html")
    assert render(document) == case["html"]
    found = [[str(block.kind), segment.text] for block, segment in document.segments()]
    assert found == case["segments"]


# The reader's rules, in the browser: runs of text break at every element that is not
# inline; what is not translated (raw text, code, translate="no") is left out; a run's
# kind is that of its nearest block element that has one, the first title or h1 a title.
RUNS = """((inline, hidden, kinds) => {
  inline = new Set(inline); hidden = new Set(hidden);
  const HTML = 'http://www.w3.org/1999/xhtml';
  const runs = [], attributes = [];
  let run = null, titleSeen = false;
  const isInline = e => e.namespaceURI === HTML && inline.has(e.localName);
  const isHidden = e => hidden.has(e.localName)
    || (e.getAttribute('translate') || '').trim().toLowerCase() === 'no';
  const kindOf = owner => {
    for (let e = owner; e; e = e.parentElement) {
      const name = e.localName;
      if (name === 'title' || name === 'h1') return titleSeen ? 'heading' : 'title';
      if (/^h[2-6]$/.test(name)) return 'heading';
      if (kinds[name]) return kinds[name];
    }
    return 'paragraph';
  };
  const end = () => {
    if (run && run.text.trim()) {
      const kind = kindOf(run.owner);
      if (kind === 'title') titleSeen = true;
      runs.push([kind, run.text]);
    }
    run = null;
  };
  const walk = (node, owner) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) {
        run = run || {owner, text: ''};
        run.text += child.data;
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        if (isInline(child)) {
          for (const name of ['alt', 'title']) {
            const value = child.getAttribute(name);
            if (value !== null && !isHidden(child)) attributes.push(value);
          }
          if (!isHidden(child)) walk(child, owner);
        } else {
          end();
          if (!isHidden(child)) walk(child, child);
          end();
        }
      }
    }
  };
  walk(document, null);
  end();
  return {runs, attributes};
})"""


def _plain(text: str) -> str:
    return _SPACE.sub("", _PLACEHOLDER.sub("", text))


def _ours(text: str) -> tuple[list[list[str]], list[str]]:
    runs, attributes = [], []
    for block in html.parse(text, "case.html").blocks:
        if not block.kind.extracted:
            continue
        shown = "".join(s.text for s in block.segments if not s.markup.attribute)
        if shown:
            runs.append([str(block.kind), _plain(shown)])
        attributes += [_plain(s.text) for s in block.segments if s.markup.attribute]
    return sorted(runs), sorted(attributes)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    if chromium_path() is None:
        pytest.fail("headless Chromium is required: apt-get install chromium")
    session = Browser(tmp_path_factory.mktemp("profile"))
    yield session
    session.close()


@pytest.mark.slow
@pytest.mark.parametrize("case", list(_params(True)))
def test_a_browser_builds_the_same_blocks(case, browser, tmp_path):
    page = tmp_path / "case.html"
    page.write_text("\ufeff" + case["html"], encoding="utf-8")  # the mark says UTF-8
    browser.open(page.as_uri())
    hidden = sorted(html._RAW | {"code"})
    kinds = {name: str(kind) for name, kind in html._KINDS.items()}
    shown = browser.evaluate(f"{RUNS}({sorted(html.INLINE)}, {hidden}, {json.dumps(kinds)})")
    runs = sorted([kind, _plain(text)] for kind, text in shown["runs"])
    attributes = sorted(_plain(_SPACE.sub(" ", a).strip()) for a in shown["attributes"])
    assert (runs, [a for a in attributes if a]) == _ours(case["html"])
