"""zh→en content checks of one catalog entry, each with a stable code and a severity.

A check takes (source, translation, context) and returns messages; `check_entry`
runs them all on an entry and turns the messages into findings. A translator
comment `# l10n-ignore: numbers, han-left` silences checks for that entry
(`catalog.ignores`).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import polib

from ..catalog.ignores import ignored
from ..catalog.status import status
from ..catalog.template import segment_id
from .findings import Finding, Severity
from .numbers import compare, extra_messages, missing_messages
from .parity import check_bracket_structure, check_placeholders, check_urls, prose

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+")
_PAIRS = {"(": ")", "[": "]", "{": "}", "“": "”", "（": "）", "「": "」", "《": "》", "【": "】"}
_CLOSING = {close: open_ for open_, close in _PAIRS.items()}
_TOKENS = re.compile(r"\w+|[^\w\s]")

# zh→en length ratio: translation characters per source character, spaces included.
# Calibrated on the reviewed seed catalog (formal news prose): 1.7 to 6.2, median 4.8.
# Below RATIO_MIN the English cannot carry the content (something was dropped); above
# RATIO_MAX something was added or repeated. Segments shorter than RATIO_MIN_SOURCE
# characters (titles, bylines, names) vary too much to judge.
RATIO_MIN, RATIO_MAX, RATIO_MIN_SOURCE = 1.2, 8.0, 12


@dataclass(frozen=True)
class Context:
    glossary: Mapping[str, str]
    script: str = ""  # the source's language tag (zh-Hant, zh-TW…), when known


def check_han(source: str, target: str, context: Context) -> list[str]:
    runs = _HAN.findall(target)
    if not runs:
        return []
    han = sum(len(run) for run in runs)
    if target.strip() == source.strip() or han > 0.5 * len(target.replace(" ", "")):
        return []  # reported as copied-source
    return [f"Han characters left in the translation: {'、'.join(runs[:5])}"]


def check_copied(source: str, target: str, context: Context) -> list[str]:
    han = sum(len(run) for run in _HAN.findall(target))
    if target.strip() == source.strip() and _HAN.search(source):
        return ["the translation is a copy of the source"]
    if han and han > 0.5 * len(target.replace(" ", "")):
        return ["the translation is mostly Chinese: a copy, or not translated"]
    return []


def _times(count: int) -> str:
    return f" ({count} times)" if count > 1 else ""


def check_numbers(source: str, target: str, context: Context) -> list[str]:
    return missing_messages(compare(prose(source), prose(target), context.script))


def check_extra_numbers(source: str, target: str, context: Context) -> list[str]:
    return extra_messages(compare(prose(source), prose(target), context.script))


def check_brackets(source: str, target: str, context: Context) -> list[str]:
    stack: list[str] = []
    for ch in target:
        if ch in _PAIRS:
            stack.append(ch)
        elif ch in _CLOSING:
            if not stack or stack[-1] != _CLOSING[ch]:
                return [f"unbalanced {ch!r} in the translation"]
            stack.pop()
    if stack:
        return [f"unclosed {stack[-1]!r} in the translation"]
    if target.count('"') % 2:
        return ["odd number of straight quotes in the translation"]
    return []


def check_length(source: str, target: str, context: Context) -> list[str]:
    source, target = prose(source), prose(target)  # URLs: as long on both sides
    size = len(source.strip())
    if size < RATIO_MIN_SOURCE or not target.strip():
        return []
    ratio = len(target.strip()) / size
    if ratio < RATIO_MIN:
        return [f"translation is short for its source ({ratio:.1f} characters per character)"]
    if ratio > RATIO_MAX:
        return [f"translation is long for its source ({ratio:.1f} characters per character)"]
    return []


def check_blank(source: str, target: str, context: Context) -> list[str]:
    return ["the translation is only whitespace"] if target and not target.strip() else []


def check_repetition(source: str, target: str, context: Context) -> list[str]:
    tokens = [t.lower() for t in _TOKENS.findall(target)]
    for size, times in ((1, 4), (2, 3), (3, 3), (4, 3)):
        for start in range(len(tokens) - size * times + 1):
            gram = tokens[start : start + size]
            if all(tokens[start + k * size : start + (k + 1) * size] == gram for k in range(times)):
                if size == 1 and not gram[0].isalnum():
                    continue  # runs of punctuation such as "..." are not loops
                return [f"repetition loop: {' '.join(gram)!r} repeated {times}+ times"]
    match = re.search(r"(\S{1,12}?)\1{5,}", target)
    if match and not match.group(1).isdigit() and match.group(1) not in ".-=*_":
        return [f"repetition loop: {match.group(1)!r} repeated"]
    return []


# Bidirectional formatting characters (Unicode Bidirectional Algorithm, UAX #9). An opener
# without its closer reverses or re-embeds the text after it; in zh→en text none belongs.
_EMBEDDINGS = frozenset("\u202a\u202b\u202d\u202e")  # LRE RLE LRO RLO, closed by PDF
_ISOLATES = frozenset("\u2066\u2067\u2068")  # LRI RLI FSI, closed by PDI
_PDF, _PDI = "\u202c", "\u2069"
_MARKS = frozenset("\u200e\u200f\u061c")  # LRM RLM ALM: unpaired by nature
_BIDI = _EMBEDDINGS | _ISOLATES | _MARKS | {_PDF, _PDI}
# A paragraph separator ends every embedding and isolate (UAX #9, X8).
_PARAGRAPH = frozenset("\n\r\x1c\x1d\x1e\x85\u2029")


def _bidi_name(ch: str) -> str:
    return f"U+{ord(ch):04X} {unicodedata.name(ch)}"


def _unpaired_bidi(text: str) -> list[tuple[str, str]]:
    """(character, what is wrong) for each bidi opener without its closer and each closer
    without its opener, matched as the Unicode Bidirectional Algorithm does: a PDI closes
    the innermost open isolate and every embedding opened inside it; a PDF closes only an
    embedding opened inside the current isolate."""
    problems: list[tuple[str, str]] = []
    stack: list[str] = []

    def unclosed(openers: list[str]) -> None:
        for opener in openers:
            closer = _PDI if opener in _ISOLATES else _PDF
            problems.append((opener, f"without a {_bidi_name(closer)} to end it"))

    for ch in text:
        if ch in _EMBEDDINGS or ch in _ISOLATES:
            stack.append(ch)
        elif ch == _PDF:
            if stack and stack[-1] in _EMBEDDINGS:
                stack.pop()
            else:
                problems.append((ch, "that ends nothing"))
        elif ch == _PDI:
            isolate = max((n for n, c in enumerate(stack) if c in _ISOLATES), default=None)
            if isolate is None:
                problems.append((ch, "that ends nothing"))
            else:
                unclosed(stack[isolate + 1 :])
                del stack[isolate:]
        elif ch in _PARAGRAPH:
            unclosed(stack)
            stack.clear()
    unclosed(stack)
    return problems


def check_bidi(source: str, target: str, context: Context) -> list[str]:
    """Bidi controls unpaired in the source or the translation, or in the translation only:
    an unpaired U+202E RIGHT-TO-LEFT OVERRIDE shows the text after it backwards."""
    messages = []
    unpaired: dict[str, set[str]] = {}  # where → the characters reported there
    for text, where in ((source, "the source"), (target, "the translation")):
        for (ch, problem), count in Counter(_unpaired_bidi(text)).items():
            messages.append(f"unpaired {_bidi_name(ch)} in {where}, {problem}{_times(count)}")
            unpaired.setdefault(where, set()).add(ch)
    reported = unpaired.get("the translation", set())
    theirs = Counter(ch for ch in source if ch in _BIDI)
    ours = Counter(ch for ch in target if ch in _BIDI and ch not in reported)
    extra = [
        _bidi_name(ch) + (f" ({n} times, {theirs[ch]} in the source)" if theirs[ch] else _times(n))
        for ch, n in ours.items()
        if n > theirs[ch]
    ]
    if extra:
        messages.append(f"bidi control {', '.join(extra)} in the translation, not in the source")
    return messages


def check_glossary(source: str, target: str, context: Context) -> list[str]:
    lowered = target.lower()
    return [
        f"glossary: {term!r} should be translated as {wanted!r}"
        for term, wanted in context.glossary.items()
        if term in source and wanted.lower() not in lowered
    ]


@dataclass(frozen=True)
class Check:
    severity: Severity
    run: Callable[[str, str, Context], list[str]]
    about: str


CHECKS: dict[str, Check] = {
    "copied-source": Check(Severity.ERROR, check_copied, "the source copied as translation"),
    "han-left": Check(Severity.ERROR, check_han, "Han characters left in the English"),
    "numbers": Check(Severity.ERROR, check_numbers, "source numbers kept in the translation"),
    "numbers-extra": Check(Severity.WARNING, check_extra_numbers, "numbers the source lacks"),
    "brackets": Check(Severity.ERROR, check_brackets, "brackets and quotes balanced"),
    "length-ratio": Check(Severity.WARNING, check_length, "zh→en length ratio in range"),
    "blank": Check(Severity.ERROR, check_blank, "whitespace-only translation"),
    "repetition": Check(Severity.ERROR, check_repetition, "repetition loops (MT failure)"),
    "glossary": Check(Severity.ERROR, check_glossary, "glossary terms translated as agreed"),
    "bidi-control": Check(Severity.ERROR, check_bidi, "bidi controls unpaired or not in source"),
    "urls": Check(Severity.ERROR, lambda s, t, _: check_urls(s, t), "source URLs and e-mails kept"),
    "bracket-structure": Check(
        Severity.WARNING,
        lambda s, t, _: check_bracket_structure(s, t),
        "the source's bracketed parts and quotations kept",
    ),
    "placeholders": Check(
        Severity.ERROR, lambda s, t, _: check_placeholders(s, t), "inline markup placeholders kept"
    ),
}


def check_entry(
    entry: polib.POEntry, path: str, context: Context, source: str | None = None
) -> list[Finding]:
    """The findings of every check on an entry; `source` is what its translation covers
    when that is more than its msgid (segments translated together, `catalog.joins`)."""
    if not entry.msgid or not status(entry).has_translation:
        return []
    skip = ignored(entry)
    findings = []
    for code, check in CHECKS.items():
        if code in skip:
            continue
        for message in check.run(source or entry.msgid, entry.msgstr, context):
            findings.append(
                Finding(code, check.severity, path, message, entry.linenum, segment_id(entry))
            )
    return findings
