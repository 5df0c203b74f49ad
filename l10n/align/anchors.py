"""Anchors: what a sentence and its translation share whatever the wording.

Each unit (a Chinese segment, an English sentence) gets a bag of keys:
- numbers, read as the `numbers` check reads them (full-width digits, `330萬` is
  3,300,000, `3月` is March; Chinese numerals of ten and more, `十九大` is 19), and on
  the English side digits, `3.3 million`, month names and number words;
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
from collections.abc import Collection, Mapping, Sequence
from decimal import Decimal

from ..checks.mentions import mentions
from ..checks.numerals import (
    FRACTION_WORDS,
    LONE_WORDS,
    MONTH_WORDS,
    MULTIPLIER_WORDS,
    NOUN_MULTIPLIERS,
    ORDINAL_WORDS,
    SMALL_WORDS,
)
from ..checks.quantities import quantities

Bag = Mapping[str, int]

# key kind → the cost, in nats, of one key on one side without its partner on the other
WEIGHTS = {"n": 2.0, "l": 2.0, "g": 1.5, "q": 0.7, "b": 0.5}

_LATIN = re.compile(r"[A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*")
_WORD = re.compile(r"[A-Za-z]+")
_QUOTES_ZH = re.compile("[“「『]")
_BRACKETS = re.compile("[(（]")


def _key(reading: Decimal | str) -> str:
    return "n:" + (format(reading.normalize(), "f") if isinstance(reading, Decimal) else reading)


def source_keys(
    text: str, glossary: Mapping[str, str], known: Collection[str] = ()
) -> Counter[str]:
    """One key per number (of the readings a translation may write, `114年` as 2025 or
    114, the one the translation's `known` keys have, if any), name, term and mark."""
    keys: Counter[str] = Counter()
    for quantity in quantities(text):
        if not quantity.required and not any(
            isinstance(r, Decimal) and r >= 10 for r in quantity.accepted
        ):
            continue  # 四川 is no 4, but 十九大 is 19
        readings = sorted(_key(reading) for reading in quantity.accepted if reading != 1)
        if readings:
            keys[next((key for key in readings if key in known), readings[0])] = 1
    for token in _LATIN.findall(text):
        keys["l:" + token] = 1
    for term, rendering in glossary.items():
        if term in text:
            keys["g:" + rendering.lower()] = 1
    keys["q"] = len(_QUOTES_ZH.findall(text))
    keys["b"] = len(_BRACKETS.findall(text))
    return +keys


_NUMBER_WORDS = frozenset(
    {
        *SMALL_WORDS,
        *ORDINAL_WORDS,
        *MULTIPLIER_WORDS,
        *LONE_WORDS,
        *MONTH_WORDS,
        *NOUN_MULTIPLIERS,
        *FRACTION_WORDS,
    }
) - {"a", "an", "one"}


def _may_hold_numbers(text: str) -> bool:
    """Whether a sentence has a digit or a number word (`fifties`, `threefold` too): the
    others need no reading for numbers, which is the slow part of the keys."""
    if any(ch.isdigit() for ch in text):
        return True
    for word in _WORD.findall(text.lower()):
        stems = (word, word[:-1], word[:-3] + "y", word[:-4])  # sevens, fifties, threefold
        if any(stem in _NUMBER_WORDS for stem in stems):
            return True
    return False


def target_keys(text: str, renderings: Sequence[str]) -> Counter[str]:
    keys: Counter[str] = Counter()
    for mention in mentions(text) if _may_hold_numbers(text) else ():
        if mention.name:
            continue
        for reading in mention.readings:
            if reading != 1:  # one (一年, "a year", "1-3-5-7") is everywhere: no anchor
                keys[_key(reading)] = 1
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
