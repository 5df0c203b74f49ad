"""The document model: exact round trip, substring segments, content ids."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from l10n.document import BlockKind, assign_ids, render
from l10n.segment import parse
from l10n.segment.sentences import is_space

from .conftest import SEED

PIECES = st.sampled_from(
    [
        "。",
        "！",
        "？",
        "!",
        "?",
        "，",
        "、",
        "；",
        "：",
        ",",
        ".",
        "...",
        "……",
        "——",
        "“",
        "”",
        "「",
        "」",
        "『",
        "』",
        "《",
        "》",
        "（",
        "）",
        "(",
        ")",
        '"',
        "'",
        "\n",
        "\r\n",
        "\r",
        "\ufeff",
        "\xa0",
        "\u3000",
        " ",
        "\t",
        "",
        "他说",
        "會議指出",
        "2019年",
        "11.3%",
        "U.S.",
        "No. 5",
        "The end. ",
        "(鄒邇戈)",
        "微信掃碼",
        "今日四川 > 正文",
        "來源:中國網",
        "——抓好",
        "\xa0\n",
    ]
)
TEXTS = st.one_of(
    st.lists(PIECES, max_size=40).map("".join),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=200),
)


def _check_invariants(text: str) -> None:
    document = parse(text)
    assert render(document) == text
    position = 0
    for block in document.blocks:
        assert block.start == position
        position = block.end
        for segment in block.segments:
            assert text[segment.start : segment.end] == segment.text
            assert block.start <= segment.start < segment.end <= block.end
            assert "\n" not in segment.text and "\r" not in segment.text
            assert not is_space(segment.text[0]) and not is_space(segment.text[-1])
    assert position == len(text)


@settings(max_examples=1000, deadline=None)
@given(TEXTS)
def test_round_trip_and_segment_invariants(text):
    _check_invariants(text)


def test_seed_round_trips_byte_for_byte():
    data = SEED.read_bytes()
    text = data.decode("utf-8")
    document = parse(text)
    assert render(document).encode("utf-8") == data
    _check_invariants(text)


def test_crlf_bom_and_blank_lines_survive():
    text = "\ufeff標題\r\n\r\n\xa0\r\n第一句。第二句。\r\n\u3000\n"
    document = parse(text)
    assert render(document) == text
    assert [s.text for _, s in document.segments()] == ["標題", "第一句。", "第二句。"]
    assert [b.kind for b in document.blocks if b.kind is BlockKind.BLANK]


def test_ids_come_from_content_not_position():
    first = parse("標題\n\n甲說了話。乙也說了。\n")
    moved = parse("標題\n\n新插入的一段。\n\n甲說了話。乙也說了。\n")
    ids = {s.text: s.id for _, s in first.segments()}
    assert all(ids[s.text] == s.id for _, s in moved.segments() if s.text in ids)


def test_repeated_text_gets_an_occurrence_number():
    ids = assign_ids(["好。", "不好。", "好。"])
    assert ids[0] != ids[1]
    assert ids[2] == f"{ids[0]}-2"
