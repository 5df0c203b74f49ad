"""Bilingual editions: every segment once, in order, beside its translation; text escaped."""

from __future__ import annotations

from datetime import UTC, datetime
from html.parser import HTMLParser

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from l10n.catalog import EntryStatus
from l10n.document import BlockKind
from l10n.edition import Status, align
from l10n.render import renderer
from l10n.segment import parse
from l10n.settings import load
from l10n.stages.build import BuildOptions

from .conftest import ROOT, SEED


class Spans(HTMLParser):
    """Collects every `span.seg` (id, class, text) with its column and effective lang."""

    def __init__(self) -> None:
        super().__init__()
        self.spans: list[dict] = []
        self.divs: list[dict] = []
        self.current: dict | None = None
        self.scripts = 0
        self.images = 0
        self.headings: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.scripts += tag == "script"
        self.images += tag == "img"
        if tag == "div":
            self.divs.append(attrs)
        if tag == "span" and "seg" in (attrs.get("class") or "").split():
            column = next(d for d in reversed(self.divs) if d.get("class") in ("src", "tgt"))
            self.current = {
                **attrs,
                "column": column["class"],
                "lang": attrs.get("lang", column.get("lang")),
                "text": "",
            }
            self.spans.append(self.current)

    def handle_endtag(self, tag):
        if tag == "span":
            self.current = None
        elif tag == "div":
            self.divs.pop()

    def handle_data(self, data):
        if self.current is not None:
            self.current["text"] += data


REVIEWED, MACHINE = EntryStatus.REVIEWED, EntryStatus.MACHINE
OPTIONS = BuildOptions(layout="side-by-side")


@pytest.fixture(scope="module")
def seed():
    return parse(SEED.read_text(encoding="utf-8"), "seed", load(ROOT).rules)


def translations_for(document, every=3):
    """Every `every`-th segment reviewed, the next fuzzy, the rest untranslated."""
    result = {}
    for n, (_, segment) in enumerate(document.segments()):
        if n % every == 0:
            result[segment.text] = (f"EN{n}", REVIEWED)
        elif n % every == 1:
            result[segment.text] = (f"EN{n}", MACHINE)
    return result


def test_statuses(seed):
    edition = align(seed, translations_for(seed), "zh-Hant", "en")
    counts = edition.counts()
    assert sum(counts.values()) == 32
    assert counts[Status.REVIEWED] == 11 and counts[Status.UNREVIEWED] == 11


def test_html_has_every_segment_once_in_order_beside_its_translation(seed):
    translated = translations_for(seed)
    edition = align(seed, translated, "zh-Hant", "en")
    page = renderer("html", OPTIONS).render(edition)
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
            text, status = translated[segment.text]
            assert target["text"] == text and target["lang"] == "en"
            assert ("unreviewed" in target["class"]) == status.needs_review
        else:
            assert target["text"] == segment.text and "untranslated" in target["class"]
    assert "微信掃碼" not in page and "正文" not in page.split("<main")[1]


def test_html_escapes_everything():
    document = parse("標題<b>\n\n他說<script>alert(1)</script>。\n")
    hostile = {
        "標題<b>": ('"><img src=x onerror=alert(1)>', REVIEWED),
        "他說<script>alert(1)</script>。": ("<script>alert(2)</script>", MACHINE),
    }
    page = renderer("html", OPTIONS).render(align(document, hostile, "zh-Hant", "en"))
    spans = Spans()
    spans.feed(page)
    assert spans.scripts == 1 and spans.images == 0  # the page's own script only
    assert [s["text"] for s in spans.spans if s["id"].startswith("t-")] == [
        '"><img src=x onerror=alert(1)>',
        "<script>alert(2)</script>",
    ]


@pytest.mark.parametrize("name", ["md", "txt"])
def test_text_editions_mark_status_and_keep_order(seed, name):
    translated = translations_for(seed)
    edition = align(seed, translated, "zh-Hant", "en")
    output = renderer(name, OPTIONS).render(edition)
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
    output = renderer("md", OPTIONS).render(align(document, {}, "zh-Hant", "en"))
    assert "\\# 不是標題 \\*強調\\* \\[link\\](x) \\<b\\>。" in output


def test_title_block_is_a_heading(seed):
    edition = align(seed, {}, "zh-Hant", "en")
    assert edition.blocks[0].kind is BlockKind.TITLE
    assert renderer("md", OPTIONS).render(edition).startswith("# 四川省公安局處長會議召開")


def test_interleaved_layout_keeps_order_and_pairs(seed):
    edition = align(seed, translations_for(seed), "zh-Hant", "en")
    spans = Spans()
    spans.feed(renderer("html", BuildOptions(layout="interleaved")).render(edition))
    ids = [s["id"] for s in spans.spans]
    expected = [segment.id for _, segment in seed.segments()]
    assert [i[2:] for i in ids if i.startswith("s-")] == expected
    assert [i[2:] for i in ids if i.startswith("t-")] == expected


def test_only_reviewed_withholds_machine_output(seed):
    edition = align(seed, translations_for(seed), "zh-Hant", "en", only_reviewed=True)
    counts = edition.counts()
    assert counts[Status.UNREVIEWED] == 0 and counts[Status.REVIEWED] == 11
    assert all(p.target == "" for p in edition.pairs() if p.status is Status.UNTRANSLATED)


def test_source_script_conversion_changes_only_the_shown_source(seed):
    from l10n.script import convert

    edition = align(seed, {}, "zh-Hans", "en", show_source=lambda t: convert(t, "t2s"))
    original = [segment for _, segment in seed.segments()]
    assert [p.id for p in edition.pairs()] == [s.id for s in original]
    assert edition.pairs()[0].source == "四川省公安局处长会议召开 安排部署2020年全省公安工作"


def test_tmx_is_valid_xml_with_the_translated_pairs(seed):
    import xml.etree.ElementTree as ET

    translated = translations_for(seed)
    edition = align(seed, translated, "zh-Hant", "en")
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    created = datetime(2026, 11, 26, tzinfo=UTC)
    for include_machine, wanted in ((False, {REVIEWED}), (True, {REVIEWED, MACHINE})):
        options = BuildOptions(layout="side-by-side", include_machine=include_machine, now=created)
        root = ET.fromstring(renderer("tmx", options).render(edition).encode("utf-8"))
        assert root.tag == "tmx" and root.get("version") == "1.4"
        header = root.find("header")
        assert header.get("srclang") == "zh-Hant" and header.get("creationtool") == "l10n"
        assert header.get("creationdate") == "20261126T000000Z"
        pairs = []
        for unit in root.iter("tu"):
            variants = {tuv.get(lang): tuv.findtext("seg") for tuv in unit.findall("tuv")}
            status = unit.findtext("prop[@type='x-l10n-status']")
            pairs.append((variants["zh-Hant"], variants["en"], status))
        expected = [
            (source, target, "unreviewed" if status.needs_review else "reviewed")
            for source, (target, status) in translated.items()
            if status in wanted
        ]
        assert pairs == expected


def test_json_edition_structure(seed):
    import json

    edition = align(seed, translations_for(seed), "zh-Hant", "en")
    data = json.loads(renderer("json", OPTIONS).render(edition))
    assert data["version"] == 1 and data["source_language"] == "zh-Hant"
    segments = [s for block in data["blocks"] for s in block["segments"]]
    assert [s["id"] for s in segments] == [segment.id for _, segment in seed.segments()]
    assert {s["status"] for s in segments} == {"reviewed", "unreviewed", "untranslated"}
    assert data["counts"] == {"reviewed": 11, "unreviewed": 11, "untranslated": 10}
    assert data["blocks"][0]["kind"] == "title"


def test_html_isolates_every_segment_from_its_neighbours_bidi_controls():
    """Fault 13: a bidi control (an unpaired U+202E, say) stays inside its own segment. Every
    `.seg` span is an isolate with its own direction; the browser test checks the effect."""
    from l10n.render.html import STYLE

    document = parse("標題\n\n他說。她也說。\n")
    translated = {"他說。": ("He \u202esaid.", REVIEWED), "她也說。": ("She said too.", MACHINE)}
    page = renderer("html", OPTIONS).render(align(document, translated, "zh-Hant", "en"))
    spans = Spans()
    spans.feed(page)
    assert len(spans.spans) == 6  # source and target of the title and both sentences
    assert all(span.get("dir") == "auto" for span in spans.spans)
    assert "He \u202esaid." in [span["text"] for span in spans.spans]  # shown, not dropped
    assert ".seg{unicode-bidi:isolate}" in STYLE.replace(" ", "")
    assert f"<style>{STYLE}</style>" in page  # the style the Content-Security-Policy hashes


MARKDOWN_ALPHABET = [*"&amp;copy#<>*_[]()!`~|\\-+=.1)x 中文:\"'{}", "&#169;", "\t"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(MARKDOWN_ALPHABET), min_size=1, max_size=12).map("".join))
def test_markdown_escape_leaves_nothing_for_commonmark_to_interpret(text):
    """Whatever ASCII punctuation a sentence holds, CommonMark (with GFM tables and
    strikethrough) reads the escaped text back as that very text, in one paragraph."""
    from html import unescape

    from markdown_it import MarkdownIt

    from l10n.render.markdown import escape

    text = text.strip()
    assume(text)
    rendered = MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(escape(text))
    assert rendered.startswith("<p>") and rendered.endswith("</p>\n"), rendered
    assert unescape(rendered[3:-5]) == text


def test_markdown_keeps_entities_as_text():
    document = parse("標題\n\n他說&amp;她說&copy;。\n")
    output = renderer("md", OPTIONS).render(align(document, {}, "zh-Hant", "en"))
    assert "他說\\&amp;她說\\&copy;。" in output
