"""Markdown and HTML readers: exact round trip, balanced placeholders, what is extracted."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from l10n.document import render
from l10n.placeholders import nesting_problem, placeholders
from l10n.readers import html, markdown

MD_PIECES = st.sampled_from(
    [
        "今天天氣很好。",
        "他說：「走吧！」",
        "真的嗎？",
        "第二句",
        "Hello world. ",
        " ",
        "  ",
        "\n",
        "\n\n",
        "\r\n",
        "\t",
        "# ",
        "## ",
        "- ",
        "1. ",
        "> ",
        "  - ",
        "**",
        "*",
        "_",
        "__",
        "~~",
        "`",
        "``",
        "[連結](http://x.com)",
        '[連結](http://x.com "標題")',
        "[",
        "](",
        ")",
        '![圖](a.png "說明")',
        "![",
        "<http://a.b>",
        "<b>",
        "</b>",
        "<br>",
        '<span translate="no">',
        "</span>",
        "<!-- l10n: skip -->\n",
        "<!-- c -->",
        "&amp;",
        "&nbsp;",
        "&#x4e2d;",
        "&#10;",
        "\\*",
        "\\",
        "| a | b |\n|---|---|\n| 甲 | 乙 |\n",
        "```\ncode\n```\n",
        "    indented code\n",
        "---\n",
        "===\n",
        "\u00a0",
        "\u3000",
    ]
)

HTML_PIECES = st.sampled_from(
    [
        "今天天氣很好。",
        "他說：「走吧！」",
        "真的嗎？",
        "Hello world. ",
        " ",
        "\n",
        "\r\n",
        "<p>",
        "</p>",
        "<h1>",
        "</h1>",
        "<h2 id=x>",
        "<li>",
        "</li>",
        "<ul>",
        "</ul>",
        "<b>",
        "</b>",
        '<a href="http://x.com" title="標題">',
        "</a>",
        '<span translate="no">不譯</span>',
        "<span>",
        "</span>",
        "<br>",
        "<br/>",
        '<img src="a.png" alt="圖說">',
        "<img alt=未引>",
        "<code>x</code>",
        "<script>var a = '<p>';</script>",
        "<style>p{}</style>",
        "<!-- 註 -->",
        "<!DOCTYPE html>",
        "<td>",
        "<table>",
        "&amp;",
        "&nbsp;",
        "&lt;",
        "&#20013;",
        "&#10;",
        '<img alt="多\n行">',
        "&bogus;",
        "&",
        "<",
        ">",
        "</",
        '"',
        "<pre>a\n b</pre>",
        "<div translate='no'><p>不</p></div>",
        "<title>題</title>",
    ]
)


def _check(document) -> None:
    assert render(document) == document.text
    last_end = 0
    for block in document.blocks:
        for segment in block.segments:
            assert segment.text and segment.text == segment.text.strip()
            assert "\n" not in segment.text
            assert block.start <= segment.start < segment.end <= block.end
            if not segment.markup.attribute:
                assert segment.start >= last_end
                last_end = segment.end
                assert nesting_problem(segment.text) is None, segment.text
                numbers = {p.number for p in segment.markup.placeholders}
                found = {int(t.strip("</>")) for t in placeholders(segment.text)}
                assert found == numbers


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(MD_PIECES, max_size=40).map("".join))
def test_markdown_round_trip(text: str) -> None:
    _check(markdown.parse(text, "x.md"))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(HTML_PIECES, max_size=40).map("".join))
def test_html_round_trip(text: str) -> None:
    _check(html.parse(text, "x.html"))


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=80))
def test_any_text_round_trips(text: str) -> None:
    assert render(markdown.parse(text)) == text
    assert render(html.parse(text)) == text


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(MD_PIECES, max_size=30).map("".join))
def test_markdown_written_back_untranslated_is_the_source(text: str) -> None:
    from l10n.render.source import translated

    document = markdown.parse(text, "x.md")
    assert translated(document, {}, "en") == text
    own = {segment.id: segment.text for _, segment in document.segments()}
    translated(document, own, "en")  # every placeholder restores


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(HTML_PIECES, max_size=30).map("".join))
def test_html_written_back_keeps_the_sources_scripts(text: str) -> None:
    from l10n.render.source import translated

    document = html.parse(text, "x.html")
    assert translated(document, {}, "en") == text  # no <html> element among the pieces
    own = {segment.id: segment.text for _, segment in document.segments()}
    assert translated(document, own, "en").count("<script") == text.count("<script")


SKIPPED = """前言。

<!-- l10n: skip -->
- 不翻一。
- 不翻二。

品牌<span translate="no">天府<b>通</b></span>不譯<b>粗</b>。

<!-- l10n: skip -->

| 表 | 格 |
|---|---|
| 甲 | 乙 |

結尾。
"""


def test_a_markdown_skip_marker_and_translate_no_keep_text_out_of_the_catalog() -> None:
    document = markdown.parse(SKIPPED, "x.md")
    assert render(document) == SKIPPED
    found = [segment.text for _, segment in document.segments()]
    assert found == ["前言。", "品牌<1/>不譯<2>粗</2>。", "結尾。"]


def test_html_translate_no_and_code_are_void_placeholders() -> None:
    text = '<p>他用<code>l10n</code>和<span translate="no">天府通</span>，<b>很好</b>。</p>'
    document = html.parse(text, "x.html")
    (segment,) = [s for _, s in document.segments()]
    assert segment.text == "他用<1/>和<2/>，<3>很好</3>。"
    assert [(p.element, p.text) for p in segment.markup.placeholders] == [
        ("code", "l10n"),
        ("span", "天府通"),
        ("b", ""),
    ]
