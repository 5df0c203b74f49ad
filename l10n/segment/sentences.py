"""Chinese sentence segmentation of one line (docs/segmentation.md R2–R7, R9).

`split_line(line, rules)` returns `(start, end)` spans into the line: trimmed,
non-empty, in order. Paired marks are matched first, so a sentence-final mark
inside a balanced quotation, title or bracket is seen together with its pair.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .rules import PAIRS, QUOTE_OPENERS, STRAIGHT_QUOTE, TITLE_OPENERS, SentenceRules

_CLOSERS = {close: open_ for open_, close in PAIRS.items()}
_PAIR_MARKS = re.compile("[" + re.escape("".join(PAIRS) + "".join(_CLOSERS) + STRAIGHT_QUOTE) + "]")


@lru_cache(maxsize=16)
def _candidates(rules: SentenceRules) -> re.Pattern[str]:
    """Characters where a segment may end: final marks, '.', and openers of pairs."""
    marks = "".join(sorted(rules.final_marks)) + "." + "".join(PAIRS) + STRAIGHT_QUOTE
    return re.compile("[" + re.escape(marks) + "]")


def is_space(ch: str) -> bool:
    """Whitespace as R1 trims it: str.isspace() (U+3000, U+00A0 included) or a BOM."""
    return ch.isspace() or ch == "\ufeff"


def is_han(ch: str) -> bool:
    code = ord(ch)
    return 0x3400 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0x20000 <= code <= 0x3134F


def match_pairs(line: str) -> dict[int, int]:
    """Opening index → closing index for every pair balanced on this line (R5)."""
    stack: list[tuple[str, int]] = []
    pairs: dict[int, int] = {}
    for match in _PAIR_MARKS.finditer(line):
        i, ch = match.start(), match.group()
        if ch == STRAIGHT_QUOTE:
            depth = _find_open(stack, STRAIGHT_QUOTE)
            if depth is None:
                stack.append((ch, i))
            else:
                pairs[stack[depth][1]] = i
                del stack[depth:]
        elif ch in PAIRS:
            stack.append((ch, i))
        elif ch in _CLOSERS:
            depth = _find_open(stack, _CLOSERS[ch])
            if depth is not None:
                pairs[stack[depth][1]] = i
                del stack[depth:]
    return pairs


def _find_open(stack: list[tuple[str, int]], opener: str) -> int | None:
    for depth in range(len(stack) - 1, -1, -1):
        if stack[depth][0] == opener:
            return depth
    return None


class _LineSplitter:
    def __init__(self, line: str, rules: SentenceRules) -> None:
        self.line = line
        self.rules = rules
        self.pairs = match_pairs(line)

    def ends(self) -> list[int]:
        """Positions just after each segment end, in order (the last may be the line end)."""
        line, rules = self.line, self.rules
        ends: list[int] = []
        seg_start = 0
        i = 0
        candidates = _candidates(rules)
        while (match := candidates.search(line, i)) is not None:
            i = match.start()
            ch = line[i]
            if i in self.pairs:
                close = self.pairs[i]
                end = close + 1
                if self._group_ends_segment(i, close, seg_start):
                    end = self._absorb(end)
                    ends.append(end)
                    seg_start = end
                i = end
            elif ch in rules.final_marks:
                run_end = self._final_run_end(i)
                if run_end > i:
                    end = self._absorb(run_end)
                    ends.append(end)
                    seg_start = i = end
                else:
                    i += 1
            elif ch == "." and self._ends_latin_sentence(i):
                end = self._absorb(i + 1)
                ends.append(end)
                seg_start = i = end
            else:
                i += 1
        return ends

    def _final_run_end(self, i: int) -> int:
        """End of the run of final marks at `i`, or `i` when the run does not count (R2)."""
        line, rules = self.line, self.rules
        j = i
        while j < len(line) and line[j] in rules.final_marks:
            j += 1
        following = line[j] if j < len(line) else ""
        if following.isascii() and (following.isalnum() or following == "="):
            while j > i and line[j - 1] in rules.ascii_final_marks:
                j -= 1
        return j

    def _absorb(self, end: int) -> int:
        """Closing marks and further final marks that follow a sentence end (R4)."""
        line, rules = self.line, self.rules
        while (
            end < len(line)
            and end not in self.pairs
            and (line[end] in rules.closing_marks or line[end] in rules.final_marks)
        ):
            if line[end] in rules.final_marks and self._final_run_end(end) == end:
                break
            end += 1
        return end

    def _interior_ends_sentence(self, open_: int, close: int) -> bool:
        """Whether the text inside the pair ends with a sentence-final mark (R5)."""
        k = close
        while k > open_ + 1 and (
            self.line[k - 1] in self.rules.closing_marks or is_space(self.line[k - 1])
        ):
            k -= 1
        return k > open_ + 1 and self.line[k - 1] in self.rules.final_marks

    def _group_ends_segment(self, open_: int, close: int, seg_start: int) -> bool:
        """Whether a balanced pair ends the segment at its closing mark (R5, R6)."""
        opener = self.line[open_]
        if opener in TITLE_OPENERS or not self._interior_ends_sentence(open_, close):
            return False
        if opener in QUOTE_OPENERS:
            following = self.line[close + 1] if close + 1 < len(self.line) else ""
            if following in self.rules.clause_marks or following in self.rules.closing_marks:
                return False
            return not self._attribution_follows(close + 1)
        # a bracket ends a segment only when it opens the segment
        return all(is_space(ch) for ch in self.line[seg_start:open_])

    def _attribution_follows(self, start: int) -> bool:
        """Whether a speech tag that stays with the quotation follows (R6)."""
        line, rules = self.line, self.rules
        end = start
        while end < len(line) and line[end] not in rules.final_marks:
            end += 1
        tail = line[start:end].strip()
        if not tail or len(tail) > rules.attribution_max_chars:
            return False
        if any(ch in rules.clause_marks or ch in QUOTE_OPENERS or ch in "”’」』" for ch in tail):
            return False
        return tail.endswith(rules.speech_verbs)

    def _ends_latin_sentence(self, i: int) -> bool:
        """Whether the ASCII '.' at `i` ends an embedded Latin-script sentence (R2)."""
        line, rules = self.line, self.rules
        if (i + 1 < len(line) and line[i + 1] == ".") or (i > 0 and line[i - 1] == "."):
            return False  # an ellipsis or part of one (R3)
        k = i
        while k > 0 and line[k - 1].isascii() and line[k - 1].isalpha():
            k -= 1
        word = line[k:i]
        if len(word) < 2 or word.lower() in rules.abbreviations:
            return False
        if k > 0 and (line[k - 1] == "." or (line[k - 1].isascii() and line[k - 1].isalnum())):
            return False  # dotted acronym (U.S., Ph.D.) or a token like v2rc
        rest = line[i + 1 :]
        stripped = rest.lstrip()
        if not stripped.strip("\ufeff"):
            return True
        if not is_space(rest[0]):
            return False
        return stripped[0].isupper() or is_han(stripped[0])


def split_line(line: str, rules: SentenceRules) -> list[tuple[int, int]]:
    """Trimmed, non-empty sentence spans of one line (no line break inside)."""
    spans = []
    start = 0
    ends = _LineSplitter(line, rules).ends()
    if not ends or ends[-1] != len(line):
        ends.append(len(line))
    for end in ends:
        span = trim(line, start, end)
        if span is not None:
            spans.append(span)
        start = end
    return spans


def trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span without leading and trailing whitespace (BOM included), or None if empty (R1)."""
    while start < end and is_space(text[start]):
        start += 1
    while end > start and is_space(text[end - 1]):
        end -= 1
    return (start, end) if start < end else None
