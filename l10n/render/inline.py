"""Inline markup placeholders in bilingual editions.

A segment of a Markdown or HTML source holds `<1>…</1>` and `<2/>`; its `Markup` says what
each stands for. The HTML edition shows them as a small fixed set of safe elements (bold,
italics, strikethrough, code, line breaks, and links to http(s) and mailto addresses only),
never the source's own tags or attributes; the Markdown edition as the same in Markdown
(`**`, `*`, `~~`, backticks, `[text](address)`); the text edition shows the text without
them.
A text whose placeholders are not all known and balanced is shown as plain text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape

from ..document import Markup, Placeholder
from ..placeholders import PLACEHOLDER, nesting_problem

_SAFE_LINK = re.compile(r"(?:https?://|mailto:)[^\s\x00-\x1f\x7f]*\Z", re.I)
_PAIRED = {
    "strong": "strong",
    "b": "strong",
    "em": "em",
    "i": "em",
    "s": "s",
    "del": "s",
    "strike": "s",
    "u": "u",
    "sub": "sub",
    "sup": "sup",
    "mark": "mark",
    "q": "q",
    "cite": "cite",
}


def _usable(text: str, markup: Markup | None) -> dict[int, Placeholder] | None:
    """The placeholders by number when every tag of the text is one of them, of its kind,
    and paired ones nest; else None."""
    if markup is None or not markup.placeholders:
        return None
    known = {p.number: p for p in markup.placeholders}
    for match in PLACEHOLDER.finditer(text):
        placeholder = known.get(int(match.group(2)))
        if placeholder is None or placeholder.void != bool(match.group(3)):
            return None
    return known if nesting_problem(text) is None else None


def _void_text(placeholder: Placeholder) -> str:
    return " " if placeholder.element == "br" else placeholder.text


def plain(text: str, markup: Markup | None) -> str:
    """The text without its placeholders; a void one shows its text (code, an alt text)."""
    if markup is None:
        return text
    known = {p.number: p for p in markup.placeholders}

    def shown(match: re.Match[str]) -> str:
        placeholder = known.get(int(match.group(2)))
        if placeholder is None or not placeholder.void or not match.group(3):
            return ""
        return _void_text(placeholder)

    return PLACEHOLDER.sub(shown, text)


def _open(placeholder: Placeholder) -> tuple[str, str]:
    if placeholder.element == "a" and _SAFE_LINK.match(placeholder.href.strip()):
        href = escape(placeholder.href.strip(), quote=True)
        return f'<a href="{href}" rel="noopener noreferrer nofollow">', "</a>"
    tag = _PAIRED.get(placeholder.element, "span")
    return f"<{tag}>", f"</{tag}>"


def _void(placeholder: Placeholder) -> str:
    if placeholder.element == "br":
        return "<br>"
    if placeholder.element == "code":
        return f"<code>{escape(placeholder.text)}</code>"
    return f'<span class="kept">{escape(placeholder.text)}</span>' if placeholder.text else ""


def _rendered(
    text: str,
    known: dict[int, Placeholder],
    escape: Callable[[str], str],
    opening: Callable[[Placeholder], tuple[str, str]],
    void: Callable[[Placeholder], str],
) -> str:
    """The text with its (usable) placeholders replaced: a paired one by the opening and
    closing `opening` gives, a void one by what `void` gives; the text between escaped."""
    out = []
    closers: dict[int, str] = {}
    position = 0
    for match in PLACEHOLDER.finditer(text):
        out.append(escape(text[position : match.start()]))
        closing, number, is_void = match.groups()
        placeholder = known[int(number)]
        if is_void:
            out.append(void(placeholder))
        elif closing:
            out.append(closers.pop(int(number), ""))
        else:
            opener, closers[int(number)] = opening(placeholder)
            out.append(opener)
        position = match.end()
    out.append(escape(text[position:]))
    return "".join(out)


def html(text: str, markup: Markup | None) -> str:
    """The text as escaped HTML, its placeholders as safe inline elements."""
    known = _usable(text, markup)
    if known is None:
        return escape(plain(text, markup))
    return _rendered(text, known, escape, _open, _void)


_MARKDOWN_PAIRED = {
    "strong": "**",
    "b": "**",
    "em": "*",
    "i": "*",
    "s": "~~",
    "del": "~~",
    "strike": "~~",
}


def _markdown_open(placeholder: Placeholder) -> tuple[str, str]:
    if placeholder.element == "a" and _SAFE_LINK.match(placeholder.href.strip()):
        address = placeholder.href.strip()
        for character, code in (
            ("(", "%28"),
            (")", "%29"),
            (" ", "%20"),
            ("<", "%3C"),
            (">", "%3E"),
        ):
            address = address.replace(character, code)
        return "[", f"]({address})"
    mark = _MARKDOWN_PAIRED.get(placeholder.element, "")
    return mark, mark


def _markdown_void(placeholder: Placeholder, escape: Callable[[str], str]) -> str:
    if placeholder.element == "br":
        return " "
    if placeholder.element == "code" and placeholder.text:
        fence = "`" * (max((len(run) for run in re.findall("`+", placeholder.text)), default=0) + 1)
        pad = " " if placeholder.text.startswith("`") or placeholder.text.endswith("`") else ""
        return f"{fence}{pad}{placeholder.text}{pad}{fence}"
    return escape(placeholder.text)


def markdown(text: str, markup: Markup | None, escape: Callable[[str], str]) -> str:
    """The text as escaped Markdown, its placeholders as Markdown's own inline markup."""
    known = _usable(text, markup)
    if known is None:
        return escape(plain(text, markup))
    return _rendered(
        text, known, escape, _markdown_open, lambda found: _markdown_void(found, escape)
    )
