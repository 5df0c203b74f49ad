"""Block structure of the seed article under the repository's settings."""

from __future__ import annotations

import pytest

from l10n.document import BlockKind
from l10n.segment import parse
from l10n.settings import load

from .conftest import ROOT, SEED


@pytest.fixture(scope="module")
def seed():
    settings = load(ROOT)
    return parse(SEED.read_text(encoding="utf-8"), "seed", settings.rules)


def kinds_of(document, kind):
    return [b for b in document.blocks if b.kind is kind]


def extracted_texts(document):
    return [s.text for _, s in document.segments()]


def test_breadcrumb_and_furniture_are_not_extracted(seed):
    texts = extracted_texts(seed)
    assert [b.text.strip() for b in kinds_of(seed, BlockKind.BREADCRUMB)] == ["今日四川 > 正文"]
    furniture = [b.text.strip() for b in kinds_of(seed, BlockKind.BOILERPLATE)]
    assert furniture == ["∥\xa0推薦專題", "微信掃碼", "網頁右上角按鈕分享"]
    for text in ("今日四川 > 正文", "推薦專題", "微信掃碼", "網頁右上角按鈕分享"):
        assert not any(text in t for t in texts)


def test_title_and_meta_are_single_segment_blocks(seed):
    (title,) = kinds_of(seed, BlockKind.TITLE)
    assert [s.text for s in title.segments] == [
        "四川省公安局處長會議召開 安排部署2020年全省公安工作"
    ]
    (meta,) = kinds_of(seed, BlockKind.META)
    assert len(meta.segments) == 1
    assert meta.segments[0].text.startswith("來源:中國網")
    assert meta.segments[0].text.endswith("編輯:劉映紅")


def test_dash_paragraphs_are_list_items(seed):
    items = kinds_of(seed, BlockKind.LIST_ITEM)
    assert len(items) == 3
    assert all(item.segments[0].text.startswith("——") for item in items)


def test_byline_is_its_own_segment_and_block(seed):
    (byline,) = kinds_of(seed, BlockKind.BYLINE)
    assert [s.text for s in byline.segments] == ["(鄒邇戈)"]
    assert "(鄒邇戈)" in extracted_texts(seed)
    assert not any("(鄒邇戈)" in t and t != "(鄒邇戈)" for t in extracted_texts(seed))


def test_nbsp_only_lines_are_blank(seed):
    for block in seed.blocks:
        if block.text.strip("\xa0 \n") == "":
            assert block.kind is BlockKind.BLANK
            assert block.segments == ()


def test_no_segment_starts_with_a_closing_mark(seed):
    assert not any(t[0] in "”」』）)" for t in extracted_texts(seed))


@pytest.mark.parametrize(
    "first_line, kind, segments",
    [
        ("四川省公安局處長會議召開 安排部署2020年全省公安工作", BlockKind.TITLE, 1),
        ("戰疫情，我們準備好了嗎？", BlockKind.TITLE, 1),
        ("市政府發布通知。通知說：“明天放假！”他問：“真的嗎？”", BlockKind.PARAGRAPH, 3),
        ("會議在成都召開。", BlockKind.PARAGRAPH, 1),
    ],
)
def test_a_first_line_with_a_full_stop_is_no_headline(first_line, kind, segments):
    document = parse(first_line + "\n\n正文第一句。\n", "doc", load(ROOT).rules)
    assert document.blocks[0].kind is kind
    assert len(document.blocks[0].segments) == segments
