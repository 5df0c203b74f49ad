"""Match keys: the form of a sentence that a translation memory compares.

Full- and half-width forms are folded (NFKC), Chinese punctuation is read as its
ASCII counterpart, whitespace is dropped, and the script is made Simplified, so
that a zh-Hans memory serves a zh-Hant source and the other way round. Numbers
are kept; `numbers_masked` hides them, to tell a match that differs only in its
numbers.
"""

from __future__ import annotations

import re
import unicodedata

from ..script import convert

_PUNCTUATION = str.maketrans(
    {
        "。": ".",
        "、": ",",
        "「": '"',
        "」": '"',
        "『": '"',
        "』": '"',
        "“": '"',
        "”": '"',
        "‘": "'",
        "’": "'",
        "《": "<",
        "》": ">",
        "〈": "<",
        "〉": ">",
        "【": "[",
        "】": "]",
        "〔": "(",
        "〕": ")",
        "—": "-",
        "－": "-",
        "…": "...",
        "·": ".",
        "・": ".",
    }
)
_SPACE = re.compile(r"\s+")
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def key(text: str) -> str:
    """The normalised form of a source text (Simplified script, ASCII punctuation)."""
    folded = unicodedata.normalize("NFKC", text).translate(_PUNCTUATION)
    return convert(_SPACE.sub("", folded), "t2s")


def numbers_masked(normalised: str) -> str:
    """A key with each number replaced by `#`."""
    return NUMBER.sub("#", normalised)


def numbers(text: str) -> list[str]:
    """The numbers of a text, as written (after width folding)."""
    return NUMBER.findall(unicodedata.normalize("NFKC", text))


def context_key(before: str, after: str) -> str:
    """The key of a segment's neighbours (the segments before and after it, "" at an end):
    a match whose neighbours are the same is a context match."""
    return f"{key(before)}\x1f{key(after)}"
