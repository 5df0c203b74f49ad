"""Bilingual editions: every segment once, in order, beside its translation; text escaped."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from l10n.document import BlockKind
from l10n.edition import Status, align
from l10n.render import renderer
from l10n.segment import parse
from l10n.settings import load

from .conftest import ROOT, SEED


class Spans(HTMLParser):
    """Collects the text of every `span.seg` with its id, class and its column's lang."""

    def __init__(self) -> None:
        super().__init__()
        self.spans: list[dict] = []
        self.columns: list[dict] = []
        self.current: dict | None = None
        self.scripts = 0
        self.images = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.scripts += tag == "script"
        self.images += tag == "img"
        if tag == "div" and attrs.get("class") in ("src", "tgt"):
            self.columns.append(attrs)
        if tag == "span" and "seg" in (attrs.get("class") or "").split():
            column = self.columns[-1]
            self.current = {
                "column": column["class"],
                "lang": attrs.get("lang", column["lang"]),
                **{k: v for k, v in attrs.items() if k != "lang"},
                "text": "",
            }
            self.spans.append(self.current)

    def handle_endtag(self, tag):
        if tag == "span":
            self.current = None
        elif tag == "div" and self.columns:
            self.columns.pop()

    def handle_data(self, data):
        if self.current is not None:
            self.current["text"] += data


@pytest.fixture(scope="module")
def seed():
    return parse(SEED.read_text(encoding="utf-8"), "seed", load(ROOT).rules)


def translations_for(document, every=3):
    """Every `every`-th segment reviewed, the next fuzzy, the rest untranslated."""
    result = {}
    for n, (_, segment) in enumerate(document.segments()):
        if n % every == 0:
            result[segment.text] = (f"EN{n}", False)
        elif n % every == 1:
            result[segment.text] = (f"EN{n}", True)
    return result


def test_statuses(seed):
    edition = align(seed, translations_for(seed), "zh-Hant", "en")
    counts = edition.counts()
    assert sum(counts.values()) == 32
    assert counts[Status.REVIEWED] == 11 and counts[Status.UNREVIEWED] == 11


def test_html_has_every_segment_once_in_order_beside_its_translation(seed):
    translated = translations_for(seed)
    edition = align(seed, translated, "zh-Hant", "en")
    page = renderer("html").render(edition)
    spans = Spans()
    spans.feed(page)
    sources = [s for s in spans.spans if s["id"].startswith("s-")]
    targets = [s for s in spans.spans if s["id"].startswith("t-")]
    expected = [segment for _, segment in seed.segments()]
    assert [s["text"] for s in sources] == [s.text for s in expected]
    assert [s["id"][2:] for s in targets] == [s.id for s in expected]
    assert all(s["lang"] == "zh-Hant" for s in sources)
    for target, segment in zip(targets, expected, strict=True):
        if segment.text in translated:
            text, fuzzy = translated[segment.text]
            assert target["text"] == text and target["lang"] == "en"
            assert ("unreviewed" in target["class"]) == fuzzy
        else:
            assert target["text"] == segment.text and "untranslated" in target["class"]
    assert "微信掃碼" not in page and "正文" not in page.split("<main>")[1]


def test_html_escapes_everything():
    document = parse("標題<b>\n\n他說<script>alert(1)</script>。\n")
    hostile = {
        "標題<b>": ('"><img src=x onerror=alert(1)>', False),
        "他說<script>alert(1)</script>。": ("<script>alert(2)</script>", True),
    }
    page = renderer("html").render(align(document, hostile, "zh-Hant", "en"))
    spans = Spans()
    spans.feed(page)
    assert spans.scripts == 0 and spans.images == 0
    assert [s["text"] for s in spans.spans if s["id"].startswith("t-")] == [
        '"><img src=x onerror=alert(1)>',
        "<script>alert(2)</script>",
    ]


@pytest.mark.parametrize("name", ["md", "txt"])
def test_text_editions_mark_status_and_keep_order(seed, name):
    translated = translations_for(seed)
    edition = align(seed, translated, "zh-Hant", "en")
    output = renderer(name).render(edition)
    position = 0
    for _, segment in seed.segments():
        plain = segment.text if name == "txt" else segment.text.replace("(", "(")
        found = output.find(plain.replace("*", "\\*"), position)
        assert found >= position, segment.text
        position = found
    assert output.count("[unreviewed]") == 11
    assert output.count("[untranslated]") == 10
    assert "微信掃碼" not in output


def test_markdown_escapes_markup():
    document = parse("標題\n\n# 不是標題 *強調* [link](x) <b>。\n")
    output = renderer("md").render(align(document, {}, "zh-Hant", "en"))
    assert "\\# 不是標題 \\*強調\\* \\[link\\](x) \\<b\\>。" in output


def test_title_block_is_a_heading(seed):
    edition = align(seed, {}, "zh-Hant", "en")
    assert edition.blocks[0].kind is BlockKind.TITLE
    assert renderer("md").render(edition).startswith("# 四川省公安局處長會議召開")
