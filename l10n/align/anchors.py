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
from collections.abc import Mapping, Sequence
from decimal import Decimal

from ..checks.numbers import chinese_numeral_values, numbers

Bag = Mapping[str, int]

# key kind → the cost, in nats, of one key on one side without its partner on the other
WEIGHTS = {"n": 2.0, "l": 2.0, "g": 1.5, "q": 0.7, "b": 0.5}

_SCALES = {"萬": 10**4, "万": 10**4, "億": 10**8, "亿": 10**8}
_ENGLISH_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
_MONTHS = (
    "january february march april may june july august september october november december"
).split()
_WORDS = (
    "_ _ two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty"
).split()
_ORDINALS = (
    "_ _ second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
).split()
_NUMBERED = {w: f"n:{n}" for words in (_WORDS, _ORDINALS) for n, w in enumerate(words) if n >= 2}
_NUMBERED.update({month: f"n:month{n}" for n, month in enumerate(_MONTHS, start=1)})
_LATIN = re.compile(r"[A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*")
_WORD = re.compile(r"[A-Za-z]+")
_QUOTES_ZH = re.compile("[“「『]")
_BRACKETS = re.compile("[(（]")


def _show(number: Decimal) -> str:
    return "n:" + format(number.normalize(), "f")


def source_keys(text: str, glossary: Mapping[str, str]) -> Counter[str]:
    keys: Counter[str] = Counter()
    normalised = text.translate(str.maketrans("０１２３４５６７８９．", "0123456789."))
    for number, _, end in numbers(text):
        unit = normalised[end : end + 1]
        if unit == "月" and number == number.to_integral_value() and 1 <= number <= 12:
            keys[f"n:month{int(number)}"] = 1
        else:
            keys[_show(number * _SCALES.get(unit, 1))] = 1
    for number in chinese_numeral_values(text):
        if number >= 10:
            keys[_show(number)] = 1
    for token in _LATIN.findall(text):
        keys["l:" + token] = 1
    for term, rendering in glossary.items():
        if term in text:
            keys["g:" + rendering.lower()] = 1
    keys["q"] = len(_QUOTES_ZH.findall(text))
    keys["b"] = len(_BRACKETS.findall(text))
    return +keys


def target_keys(text: str, renderings: Sequence[str]) -> Counter[str]:
    keys: Counter[str] = Counter()
    for number, _, end in numbers(text):
        scale = re.match(r"\s*(thousand|million|billion|trillion)\b", text[end : end + 12])
        keys[_show(number * (_ENGLISH_SCALES[scale.group(1)] if scale else 1))] = 1
    lowered = text.lower()
    for word in _NUMBERED.keys() & set(_WORD.findall(lowered)):
        keys[_NUMBERED[word]] = 1
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
