"""English text → paragraphs of sentences, the target side of an alignment.

Paragraphs are separated by blank lines; in a text without blank lines each line is
one. Inside a paragraph, lines that wrap prose are joined; a line that reads as a
title, a byline or a dateline (short, no sentence end) is a sentence of its own.
Sentences end at `.`, `!`, `?` (with the closing quotes and brackets after them)
before a capital, a digit or an opening quote, except after titles (Mr., Dr.),
`No.` before a number, initials (J. F. Kennedy) and dotted abbreviations (U.S.,
Co.) unless a sentence plainly starts after them. Decimals (3.5) never end one.
Sentences are substrings of their lines, trimmed.
"""

from __future__ import annotations

import re

# Never end a sentence: titles before a name, and abbreviations that head a phrase.
_TITLES = frozenset(
    "Mr Mrs Ms Dr Prof Sr Jr St Gen Gov Sen Rep Lt Col Capt Sgt Maj Adm Rev Hon Pres Supt "
    "Insp Cpl Pvt Messrs Mme Mlle vs Ave Blvd Rd Mt Ft Fig Figs Vol Vols pp ed eds approx "
    "dept est Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec e.g i.e cf al".split()
)
# End a sentence only when a sentence plainly starts after them (a common first word).
_TRAILING = frozenset("Inc Ltd Co Corp Bros Plc LLC etc a.m p.m".split())
_STARTERS = frozenset(
    "The A An In On At It Its He She They We I You This That These Those There But And Or "
    "So Yet However Meanwhile According After Before As When While Since Although Though "
    "If Also His Her Their Our My For By With From To Of Under Over During Last Next Then "
    "Officials Police Some Many Most All Both Each Such What Who Why How Where Other".split()
)
_END = re.compile(r"[.!?]+[\"'”’)\]]*")
_OPENING = "\"'“‘([«"
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
_INITIAL = re.compile(r"(?:^|[\s(])(?:[A-Z]\.\s?)*[A-Z]$")
_FINAL = re.compile(r"[.!?][\"'”’)\]]*$")
_WRAP_MIN = 40  # a line this long, without a sentence end, is prose that wraps


def paragraphs(text: str) -> tuple[tuple[str, ...], ...]:
    """The text's paragraphs, each a tuple of its sentences; empty paragraphs left out."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff").split("\n")
    if any(not line.strip() for line in lines[1:-1]):
        blocks: list[list[str]] = [[]]
        for line in lines:
            if line.strip():
                blocks[-1].append(line.strip())
            elif blocks[-1]:
                blocks.append([])
    else:
        blocks = [[line.strip()] for line in lines if line.strip()]
    found = []
    for block in blocks:
        sentences = [s for line in _logical_lines(block) for s in sentences_of(line)]
        if sentences:
            found.append(tuple(sentences))
    return tuple(found)


def _logical_lines(block: list[str]) -> list[str]:
    """A block's lines with prose wrapped over several lines joined by a space."""
    joined: list[str] = []
    wrapping = False
    for line in block:
        if wrapping and joined:
            joined[-1] = f"{joined[-1]} {line}"
        else:
            joined.append(line)
        wrapping = len(line) >= _WRAP_MIN and not _FINAL.search(line) and not line.endswith(":")
    return joined


def sentences_of(line: str) -> list[str]:
    """The sentences of one logical line (a title or a byline line is one, since the
    dots a title holds are abbreviations: `U.S. Envoy Meets Dr. Li`)."""
    line = line.strip()
    found, start = [], 0
    for match in _END.finditer(line):
        end = match.end()
        if _boundary(line, match.start(), end):
            found.append(line[start:end].strip())
            start = end
    found.append(line[start:].strip())
    return [s for s in found if s]


def _boundary(line: str, dot: int, end: int) -> bool:
    rest = line[end:]
    if not rest.strip():
        return False  # the line's end is its last sentence's end anyway
    if not rest[:1].isspace():
        return False  # 3.5, U.S.-China, "Go!"said
    following = rest.lstrip()
    first = following[:1]
    if first in _OPENING:
        first = following[1:2]
    if not (first.isupper() or first.isdigit()):
        return False  # "Why?" she asked.
    if line[dot] != ".":
        return True  # ! and ?
    if line[dot + 1 : dot + 2] == ".":
        return _starts_sentence(following)  # an ellipsis ends a sentence only plainly
    word = _WORD_BEFORE.search(line[:dot])
    if word is None:
        return True  # after a number or a bracket: "rose by 3%. The"
    token = word.group(1)
    if token in _TITLES or token.lower() in {"e.g", "i.e"}:
        return False
    if token in {"No", "Nos", "no", "Art", "Sec"} and first.isdigit():
        return False
    if _INITIAL.search(line[:dot]) or "." in token or token in _TRAILING:
        return _starts_sentence(following)  # J. F. Kennedy, U.S. Senate, Co. Ltd
    return True


def _starts_sentence(text: str) -> bool:
    first = re.match(r"[\"'“‘(]*([A-Za-z]+)", text)
    return bool(first) and first.group(1) in _STARTERS
