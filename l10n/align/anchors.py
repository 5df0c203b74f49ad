"""Anchors: what a sentence and its translation share whatever the wording.

Each unit (a Chinese segment, an English sentence) gets a bag of keys:
- numbers, in a light reading of the numeral tables the `numbers` check uses
  (full-width digits, `330萬` is 3,300,000, `3月` is March; Chinese numerals of ten and
  more, `十九大` is 19), and on the English side digits, `3.3 million`, month names and
  number words from two on (one, `一年` and "a year", is everywhere: no anchor);
- Latin-script tokens (`COVID-19`, `5G`, `APEC`, `Nature Energy`), as they are written
  (`Energy` in a journal's name is no anchor for the word `energy`);
- glossary terms: the agreed rendering, when the term is in the source;
- quotation marks and brackets, one key per pair.
Only keys found on both sides of a document count (`shared`), so a number word that
translates nothing, or a Chinese numeral inside a word (`一帶一路`), costs nothing.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from decimal import Decimal

from ..checks.numerals import (
    CHINESE_NUMERAL,
    FULL_WIDTH,
    MONTH_WORDS,
    MULTIPLIER_WORDS,
    SMALL_WORDS,
    chinese_value,
    value,
)

Bag = Mapping[str, int]

# key kind → the cost, in nats, of one key on one side without its partner on the other
WEIGHTS = {"n": 2.0, "l": 2.0, "g": 1.5, "q": 0.7, "b": 0.5, "m": 0.5}
# Words a draft machine translation shares with the English say little when they are
# these; the others are anchors of kind "m" (Bleualign's idea, as bags of words).
_STOPWORDS = frozenset(
    """about after also been being between both could does during each from have into
    more most much other over said same should since some such than that their them then
    there these they this those through under until very were what when where which while
    will with would year years""".split()
)

_LATIN = re.compile(r"[A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*")
_WORD = re.compile(r"[A-Za-z]+")
_QUOTES_ZH = re.compile("[“「『]")
_BRACKETS = re.compile("[(（]")


_DIGITS = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")
_SCALES_ZH = {"萬": 10**4, "万": 10**4, "億": 10**8, "亿": 10**8}
_SCALE_EN = re.compile(r"\s*(" + "|".join(MULTIPLIER_WORDS) + r")\b")


def _key(number: Decimal) -> str:
    return "n:" + format(number.normalize(), "f")


def _numbers_zh(text: str) -> set[str]:
    """Number keys of a Chinese segment: digits with their 萬/億 scale, months (`3月`),
    and values in Chinese numerals of ten and more (`十九大`: 19; 四川 is no 4). A light
    reading: the `numbers` check reads far more, and costs far more."""
    text = text.translate(FULL_WIDTH)
    keys = set()
    for match in _DIGITS.finditer(text):
        number = value(match.group())
        unit = text[match.end() : match.end() + 1]
        if number is None or number == 1:
            continue
        if unit == "月" and number == number.to_integral_value() and 1 <= number <= 12:
            keys.add(f"n:month{int(number)}")
        else:
            keys.add(_key(number * _SCALES_ZH.get(unit, 1)))
    for match in CHINESE_NUMERAL.finditer(text):
        number = chinese_value(match.group())
        if number is not None and number >= 10:
            keys.add(_key(number))
    return keys


def _numbers_en(text: str) -> set[str]:
    """Number keys of an English sentence: digits with their scale word, number words
    from two on, and month names."""
    keys = set()
    for match in _DIGITS.finditer(text):
        number = value(match.group())
        if number is None or number == 1:
            continue
        scale = _SCALE_EN.match(text, match.end())
        keys.add(_key(number * (MULTIPLIER_WORDS[scale.group(1)] if scale else 1)))
    for word in _WORD.findall(text):
        lowered = word.lower()
        if SMALL_WORDS.get(lowered, 0) >= 2:
            keys.add(_key(Decimal(SMALL_WORDS[lowered])))
        elif lowered in MONTH_WORDS and word[0].isupper() and lowered != "may":
            keys.add(f"n:month{MONTH_WORDS[lowered]}")
    return keys


def source_keys(text: str, glossary: Mapping[str, str]) -> Counter[str]:
    keys: Counter[str] = Counter(_numbers_zh(text))
    for token in _LATIN.findall(text):
        keys["l:" + token] = 1
    for term, rendering in glossary.items():
        if term in text:
            keys["g:" + rendering.lower()] = 1
    keys["q"] = len(_QUOTES_ZH.findall(text))
    keys["b"] = len(_BRACKETS.findall(text))
    return +keys


def draft_keys(draft: str) -> Counter[str]:
    """The content words of an English text (a draft translation of a segment, or a
    sentence of the translation), as anchors of kind "m"."""
    return Counter(
        {
            "m:" + word: 1
            for word in (w.lower() for w in _WORD.findall(draft))
            if len(word) >= 4 and word not in _STOPWORDS
        }
    )


def target_keys(text: str, renderings: Sequence[str], drafts: bool = False) -> Counter[str]:
    keys: Counter[str] = Counter(_numbers_en(text))
    if drafts:
        keys.update(draft_keys(text))
    lowered = text.lower()
    for token in _LATIN.findall(text):
        keys["l:" + token] = 1
    for rendering in renderings:
        if rendering in lowered:
            keys["g:" + rendering] = 1
    keys["q"] = text.count("“") + text.count('"') // 2
    keys["b"] = text.count("(")
    return +keys


def shared(sources: Sequence[Bag], targets: Sequence[Bag]) -> tuple[list[Bag], list[Bag]]:
    """The bags with only the keys found on both sides somewhere."""
    both = {k for bag in sources for k in bag} & {k for bag in targets for k in bag}
    return (
        [{k: n for k, n in bag.items() if k in both} for bag in sources],
        [{k: n for k, n in bag.items() if k in both} for bag in targets],
    )


def weight(key: str) -> float:
    return WEIGHTS[key.split(":", 1)[0]]
