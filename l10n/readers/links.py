"""Markdown link and image syntax, scanned in an inline run's content: where a label's
`]` is, where `](destination "title")` ends and where its title is, and backslash
escapes. Used by the Markdown reader to give each piece of markup its exact span."""

from __future__ import annotations

import re


class Lost(Exception):
    """The inline content could not be found again in the source."""


def skip_space(s: str, i: int) -> int:
    while i < len(s) and s[i] in " \t\n":
        i += 1
    return i


def bracket_end(s: str, i: int) -> int:
    """The index of the `]` closing the label that starts after `s[i]`."""
    depth = 0
    while i < len(s):
        ch = s[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    raise Lost


def link_tail(s: str, i: int) -> tuple[int, tuple[int, int] | None]:
    """From the `]` at i: the end of `](dest "title")`, `][ref]` or `]`, and the title's span."""
    if s[i] != "]":
        raise Lost
    i += 1
    if i < len(s) and s[i] == "(":
        i = skip_space(s, i + 1)
        if i < len(s) and s[i] == "<":
            while i < len(s) and s[i] != ">":
                i += 2 if s[i] == "\\" else 1
            i += 1
        else:
            depth = 0
            while i < len(s) and not s[i].isspace() and not (s[i] == ")" and depth == 0):
                if s[i] == "\\":
                    i += 1
                elif s[i] == "(":
                    depth += 1
                elif s[i] == ")":
                    depth -= 1
                i += 1
        i = skip_space(s, i)
        title = None
        if i < len(s) and s[i] in "\"'(":
            closer = ")" if s[i] == "(" else s[i]
            j = i + 1
            while j < len(s) and s[j] != closer:
                j += 2 if s[j] == "\\" else 1
            title = (i + 1, j)
            i = skip_space(s, j + 1)
        if i >= len(s) or s[i] != ")":
            raise Lost
        return i + 1, title
    if i < len(s) and s[i] == "[":
        return s.index("]", i) + 1, None
    return i, None


def unescape(s: str) -> str:
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", s)
