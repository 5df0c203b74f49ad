"""Inline-markup placeholders as segments carry them: `<1>…</1>` for a pair of markup
(bold, a link), `<2/>` for a void element (a line break, an image), as the Markdown and
HTML readers write them. What one looks like, which a text holds, and whether its pairs
open and close in order.
"""

from __future__ import annotations

import re
from collections import Counter

PLACEHOLDER = re.compile(r"<(/?)(\d+)(/?)>")  # groups: "/" of a closing tag, number, "/" of a void


def placeholders(text: str) -> Counter[str]:
    """The placeholders of a text, each as often as it occurs."""
    return Counter(match.group() for match in PLACEHOLDER.finditer(text))


def nesting_problem(text: str) -> str | None:
    """What is wrong with how a text's paired placeholders open and close, or None."""
    stack: list[str] = []
    for match in PLACEHOLDER.finditer(text):
        closing, number, void = match.groups()
        if void:
            continue
        if not closing:
            stack.append(number)
        elif not stack or stack[-1] != number:
            return f"{match.group()} closes what is not open there"
        else:
            stack.pop()
    return f"<{stack[-1]}> is not closed" if stack else None
