"""Checks that compare a translation with its source's structure: the URLs and e-mail
addresses it must keep, its brackets and quotations, and its inline-markup
placeholders (`<1>…</1>`, `<2/>`, as the Markdown and HTML readers write them).

Each takes (source, translation) and returns messages, like the checks of `content`.
"""

from __future__ import annotations

import re
from collections import Counter

from ..placeholders import PLACEHOLDER, nesting_problem, placeholders

# A URL runs until a space, a CJK character or full-width punctuation; a dot, comma,
# colon, semicolon, question or exclamation mark or an unpaired closing bracket at its
# end is the sentence's, not the URL's.
# (Boundaries are ASCII ones: to `\b`, a Chinese character before `https` is a letter.)
_URL = re.compile(
    r"(?:(?<![A-Za-z0-9+.-])[a-zA-Z][a-zA-Z0-9+.-]*://|(?<![A-Za-z0-9./])www\.)"
    r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+"
)
_EMAIL = re.compile(
    r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
    r"(?![A-Za-z0-9-])"
)
_TRAILING = ".,:;!?'"

# Round brackets and quotations, as each side writes them. Chinese book-title marks
# (《》) become italics or quotation marks in English, so they are not compared.
_ROUND_ZH, _ROUND_EN = "(（", "("
_QUOTES_ZH = "「『“"
_QUOTES_EN_CURLY = "“"


def _unpaired_close(url: str) -> bool:
    return url[-1] == ")" and url.count("(") < url.count(")")


def _trimmed(url: str) -> str:
    while url and (url[-1] in _TRAILING or url[-1] == "(" or _unpaired_close(url)):
        url = url[:-1]
    return url


def addresses(text: str) -> Counter[str]:
    """The URLs and e-mail addresses of a text, each as often as it occurs."""
    found: Counter[str] = Counter()
    for match in _URL.finditer(text):
        found[_trimmed(match.group())] += 1
    for match in _EMAIL.finditer(text):
        if not any(match.group() in url for url in found):
            found[match.group()] += 1
    return found


def prose(text: str) -> str:
    """A text without what is copied as it is, not translated: URLs, e-mail addresses and
    markup placeholders (so that `202503` in a URL or `<1>` is no number to translate)."""
    return PLACEHOLDER.sub("", _EMAIL.sub("", _URL.sub("", text)))


def check_urls(source: str, target: str) -> list[str]:
    missing = addresses(source) - addresses(target)
    return [
        f"{address} of the source is missing from the translation"
        + (f" ({count} times)" if count > 1 else "")
        for address, count in missing.items()
    ]


def _quotations_en(text: str) -> int:
    return sum(text.count(mark) for mark in _QUOTES_EN_CURLY) + text.count('"') // 2


def check_bracket_structure(source: str, target: str) -> list[str]:
    """Fewer than half the bracketed asides or quotations of the source: something was
    left out or run into the sentence. A warning, and only below half, because
    translators rightly drop or merge some (`“網上辦”“一次辦”` as “online” or “in a
    single visit”)."""
    messages = []
    for what, wanted, found in (
        ("bracketed part(s)", sum(map(source.count, _ROUND_ZH)), target.count(_ROUND_EN)),
        ("quotation(s)", sum(map(source.count, _QUOTES_ZH)), _quotations_en(target)),
    ):
        if 2 * found < wanted:
            messages.append(f"the source has {wanted} {what}, the translation {found}")
    return messages


def check_placeholders(source: str, target: str) -> list[str]:
    wanted, found = placeholders(source), placeholders(target)
    if not wanted and not found:
        return []
    messages = [
        f"placeholder {tag} of the source is missing from the translation"
        for tag in sorted(wanted - found)
    ]
    messages += [f"placeholder {tag} is not in the source" for tag in sorted(found - wanted)]
    if not messages:
        problem = nesting_problem(target)
        if problem:
            messages.append(f"placeholders in the translation: {problem}")
    return messages
