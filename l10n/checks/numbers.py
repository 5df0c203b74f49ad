"""Numbers in a zh→en pair: which source numbers a translation must keep, which it may add.

Source numbers are the Arabic-digit ones (full-width digits normalised). A
translation keeps one when it writes the same value, an English word for it
(`six`, `sixth`), a month name for `N月`, or a scaled value for `N萬` / `N億`
(`330萬` → `3.3 million` or `3,300,000`). Numbers a translation adds are
allowed when the source spells them in Chinese numerals (`十九大` → `19th`).
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

_FULL_WIDTH = str.maketrans("０１２３４５６７８９．％，", "0123456789.%,")
_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?![\d,])|\d+(?:\.\d+)?")
_SCALES = {"萬": 10**4, "万": 10**4, "億": 10**8, "亿": 10**8}
_MONTHS = (
    "january february march april may june july august september october november december"
).split()
_CARDINALS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty"
).split()
_ORDINALS = (
    "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
).split()
_TENS = {
    30: "thirty",
    40: "forty",
    50: "fifty",
    60: "sixty",
    70: "seventy",
    80: "eighty",
    90: "ninety",
    100: "hundred",
}
_CHINESE_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "兩": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CHINESE_UNITS = {"十": 10, "百": 100, "千": 1000}
_CHINESE_NUMERAL = re.compile("[零〇一二兩两三四五六七八九十百千]+")


def value(text: str) -> Decimal | None:
    try:
        return Decimal(text.replace(",", "")).normalize()
    except InvalidOperation:
        return None


def numbers(text: str) -> list[tuple[Decimal, int, int]]:
    """(value, start, end) of every Arabic-digit number, full-width digits included."""
    normalised = text.translate(_FULL_WIDTH)
    found = []
    for match in _NUMBER.finditer(normalised):
        number = value(match.group())
        if number is not None:
            found.append((number, match.start(), match.end()))
    return found


def chinese_numeral_values(text: str) -> set[Decimal]:
    """Values spelled in Chinese numerals (十九 → 19), and each digit on its own."""
    values: set[Decimal] = set()
    for match in _CHINESE_NUMERAL.finditer(text):
        run = match.group()
        total, digit = 0, None
        for ch in run:
            if ch in _CHINESE_DIGITS:
                digit = _CHINESE_DIGITS[ch]
                values.add(Decimal(digit))
            else:
                total += (digit if digit is not None else 1) * _CHINESE_UNITS[ch]
                digit = None
        total += digit or 0
        if any(ch in _CHINESE_UNITS for ch in run):
            values.add(Decimal(total))
    return values


def _words(number: Decimal) -> set[str]:
    if number != number.to_integral_value():
        return set()
    n = int(number)
    words = set()
    if 0 <= n <= 20:
        words |= {_CARDINALS[n], _ORDINALS[n]}
    if n in _TENS:
        words.add(_TENS[n])
    return words


def _accepted(number: Decimal, unit: str) -> set[Decimal]:
    accepted = {number}
    if unit in _SCALES:
        scale = _SCALES[unit]
        accepted.add((number * scale).normalize())
        accepted.add((number * scale / 10**6).normalize())  # … million
        accepted.add((number * scale / 10**9).normalize())  # … billion
    return accepted


def _in_name(text: str, start: int) -> bool:
    """A number that is part of a name such as COVID-19 or G20."""
    before = text[max(0, start - 2) : start]
    return bool(re.search(r"[A-Za-z]-?$", before))


def compare(source: str, target: str) -> tuple[list[str], list[str]]:
    """(source numbers missing from the target, target numbers the source lacks)."""
    target_found = numbers(target)
    target_numbers = [n for n, _, _ in target_found]
    names = [n for n, start, _ in target_found if _in_name(target, start)]
    target_words = set(re.findall(r"[a-z]+", target.lower()))
    available = list(target_numbers)
    missing = []
    allowed: set[Decimal] = set(chinese_numeral_values(source))
    normalised = source.translate(_FULL_WIDTH)
    for number, _, end in numbers(source):
        unit = normalised[end : end + 1]
        accepted = _accepted(number, unit)
        allowed |= accepted
        hit = next((n for n in available if n in accepted), None)
        if hit is not None:
            available.remove(hit)
        elif not (_words(number) & target_words or _month(number, unit) in target_words):
            missing.append(_show(number))
    for name in names:
        if name in available:
            available.remove(name)
    extra = [_show(n) for n in available if n not in allowed]
    return missing, extra


def _month(number: Decimal, unit: str) -> str:
    """The English month name for `N月`, else ""."""
    if unit == "月" and number == number.to_integral_value() and 1 <= number <= 12:
        return _MONTHS[int(number) - 1]
    return ""


def _show(number: Decimal) -> str:
    return format(number, "f")
