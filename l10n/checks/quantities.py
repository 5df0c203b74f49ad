"""The numbers a Chinese source states, each with what a translation may write for it:
`1,063億` → 106.3 billion, `民國114年` → 2025 or 114, `3成` → 30 %, `15時` → 15 or 3 p.m.

Numbers in Arabic digits must be kept. Chinese numerals must be kept when they are plainly a
quantity (`三十五萬`, `兩百`, `二〇二五年`); others (`十九大`, `一些`) only allow the
translation to write their value.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from functools import partial

from ..script import detect_script, is_traditional
from .mentions import Reading
from .numerals import (
    CHINESE_NUMERAL,
    DIGITS,
    FULL_WIDTH,
    MONTHS,
    SCALES,
    SCALES_TRILLION,
    chinese_value,
    grouped,
    month,
    rounded,
    scaled,
    show,
    tag,
    value,
)

_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d|,\d)|\d+(?:\.\d+)?")
_CHAIN = re.compile("(?:[多餘余幾]?[百千萬万億亿兆])+")
# 千 and 兆 before a unit are the SI prefixes kilo and mega (5千米 = 5 km, 100兆瓦 = 100 MW).
_PREFIX_BEFORE = {"千": "米克瓦伏卡焦帕", "兆": "瓦赫字位帕焦歐欧", "百": "貨货姓"}
_RANGE = re.compile(r"\s*(?:至|到|-|–|~|～|－|—)\s*$")
_DATE = re.compile(r"(?<![\d/.])(\d{2,4})([/.-])(\d{1,2})\2(\d{1,2})(?![\d/])")
_MONTH_DAY = re.compile(r"(?<![\d/.:])(\d{1,2})/(\d{1,2})(?![\d/])")
_YEAR_AFTER = re.compile("(?:年代|年|學年|学年)")
# The other Western year a span may be written as: 113學年度 is 2024-25, 民國90年代 the 2000s.
_YEAR_SPANS: dict[str, Callable[[Decimal], Decimal]] = {
    "學年": lambda year: year + 1,
    "学年": lambda year: year + 1,
    "年代": lambda year: year // 10 * 10,
}
_HOUR_AFTER = re.compile(r"(?:[時时]|[點点](?!\d)|:\d\d)")
_APPROXIMATE = "數数幾几"
_MORNING = ("上午", "早上", "凌晨", "清晨", "早晨")
_EVENING = ("下午", "晚上", "晚間", "晚间", "傍晚", "夜間", "夜间", "午後")
_NEGATIVE = re.compile(r"(?:(?:^|[^\dA-Za-z.])[-−－]|零下|負|负)$")


@dataclass(frozen=True)
class Quantity:
    """A number of the source: as written, what it means in a reader's terms, the readings
    a translation's number may have to keep it, and how a translation would write it."""

    label: str
    meaning: str
    accepted: frozenset[Reading]
    expected: tuple[str, ...]
    required: bool = True

    @property
    def plain(self) -> bool:
        return self.label == self.meaning


def _plain(number: Decimal, *more: Reading, required: bool = True) -> Quantity:
    label = show(number)
    return Quantity(label, label, frozenset({number, *more}), (label,), required)


def _large(label: str, number: Decimal, *more: Reading, required: bool = True) -> Quantity:
    ways = tuple(dict.fromkeys((scaled(number), grouped(number))))
    meaning = ways[0] if number >= 10**6 else grouped(number)
    return Quantity(label, meaning, frozenset({number, *more}), ways, required)


def _chain(text: str, at: int) -> tuple[int, int]:
    """(where a multiplier such as 萬, 千萬 or 億 after a number ends, its size)."""
    match = _CHAIN.match(text, at)
    if not match:
        return at, 1
    chars = match.group()
    while chars and chars[-1] in _PREFIX_BEFORE:
        following = text[at + len(chars) : at + len(chars) + 1]
        if not following or following not in _PREFIX_BEFORE[chars[-1]]:
            break
        chars = chars[:-1]
    size = 1
    for ch in chars:
        size *= SCALES_TRILLION.get(ch, 1)
    return at + len(chars), size


def _traditional(source: str, script: str) -> bool:
    if script and script.lower() != "zh":
        return is_traditional(script) or "hant" in script.lower()
    return detect_script(source) == "zh-Hant"


def _year(
    number: Decimal, label: str, roc: bool, traditional: Callable[[], bool], span: str
) -> Quantity:
    """A year: `民國114年` and, in Traditional text, `114年` are ROC years (+1911);
    `98年` may be 1998 (or ROC 98, 2009); `span` is what follows the number (年, 學年…)."""
    if roc or (100 <= number <= 199 and number % 1 == 0 and traditional()):
        western = number + 1911
        return Quantity(
            label,
            show(western),
            frozenset({number, western, _YEAR_SPANS.get(span, lambda year: year)(western)}),
            (
                show(western),
                show(number),
            ),
        )
    if 10 <= number <= 99 and number % 1 == 0:
        more = {1900 + number, 2000 + number}
        if number >= 38 and traditional():
            more.add(number + 1911)
        return _plain(number, *more)
    return _plain(number)


def _hour(number: Decimal, label: str, before: str) -> Quantity:
    """An hour: 15時 is 15:00 or 3 p.m.; 上午9時 is 9 a.m., 晚上10時 10 p.m.; 9時 either."""
    hour = show(number)
    if number % 12 == 0:
        return _plain(number, *(Decimal(n) for n in (0, 12, 24)), tag("am:", Decimal(12)))
    window = re.split("[，。；,;、]", before)[-1]  # 下午2時至4時: 4 p.m. too
    period = max(_MORNING + _EVENING, key=window.rfind)
    morning = period if period in _MORNING and period in window else ""
    evening = period if period in _EVENING and period in window else ""
    label = (
        (period + label if window.endswith(period) else f"{period}…{label}")
        if (morning or evening)
        else label
    )
    if morning:
        accepted = frozenset({number, tag("am:", number)})
        return Quantity(label, f"{hour} a.m.", accepted, (f"{hour} a.m.",))
    if evening and number < 12:
        ways = (f"{hour} p.m.", f"{show(number + 12)}:00")
        return Quantity(label, ways[0], frozenset({number, number + 12}), ways)
    if 12 < number <= 24:
        ways = (f"{hour}:00", f"{show(number - 12)} p.m.")
        return Quantity(label, ways[0], frozenset({number, number - 12}), ways)
    return _plain(number, number + 12, tag("am:", number))


def _digit_quantity(
    text: str,
    start: int,
    end: int,
    number: Decimal,
    dates: tuple[set[int], set[int]],
    traditional: Callable[[], bool],
) -> Quantity:
    """The quantity of an Arabic-digit number with no multiplier after it."""
    label = _NUMBER.match(text, start).group()
    after = text[end : end + 3]
    before = text[max(0, start - 4) : start]
    months, years = dates
    negative = bool(_NEGATIVE.search(text[max(0, start - 3) : start]))
    if start in years or _YEAR_AFTER.match(after):
        roc = "民國" in before or "民国" in before
        suffix = _YEAR_AFTER.match(after)
        label = ("民國" if roc else "") + label + (suffix.group() if suffix else "")
        return _year(number, label, roc, traditional, suffix.group() if suffix else "")
    if (after.startswith("月") or start in months) and 1 <= number <= 12:
        name = MONTHS[int(number) - 1].title()
        accepted = frozenset({number, month(number)})
        return Quantity(label + "月", name, accepted, (name, show(number)))
    if _HOUR_AFTER.match(after) and number <= 24 and not before.endswith(":"):
        return _hour(number, label + after[:1], text[max(0, start - 10) : start])
    if before.endswith(":") and number == 0:
        return _plain(number, required=False)  # the minutes of 15:00
    if negative and after[:1] in "℃度°":
        return Quantity("-" + label, "-" + label, frozenset({-number}), ("-" + label,))
    if after.startswith("%"):
        return _plain(number, tag("%", number), tag("off:", number), rounded(number / 100), -number)
    if after.startswith("‰"):
        tenth = rounded(number / 10)
        return Quantity(
            label + "‰",
            f"{label} per thousand",
            frozenset({tag("‰", number), tenth, tag("%", tenth)}),
            (f"{label} per thousand", f"{show(tenth)}%"),
        )
    if after.startswith("成") and number < 10:
        percent = number * 10
        return Quantity(
            label + "成",
            f"{show(percent)}%",
            frozenset({percent, tag("%", percent)}),
            (f"{show(percent)}%", f"{show(number)} in 10"),
        )
    if after.startswith("折") and number < 100:
        paid = number * 10 if number < 10 else number
        return Quantity(
            label + "折",
            f"{show(100 - paid)}% off",
            frozenset({paid, tag("%", paid), tag("off:", 100 - paid)}),
            (f"{show(100 - paid)}% off", f"{show(paid)}% of the price"),
        )
    if after.startswith("倍"):
        return _plain(number, number + 1, number * 100)
    return _plain(number, -number) if negative else _plain(number)


def _joined(text: str, match: re.Match, following: re.Match | None) -> tuple[Decimal, str] | None:
    """A number written in two parts: 1億2千萬, 2萬8,590, 9秒83 (seconds), 4分之1 (a fraction)."""
    if following is None:
        return None
    start, end = match.span()
    number, second = value(match.group()), value(following.group())
    if number is None or second is None:
        return None
    stop, size = _chain(text, end)
    label = text[start : following.end()]
    if size > 1 and following.start() == stop:
        next_stop, next_size = _chain(text, following.end())
        if next_size < size and (next_size > 1 or (size in (10**4, 10**8) and second < size)):
            return number * size + second * next_size, text[start:next_stop]
    between = text[end : following.start()]
    if between == "秒" and len(following.group()) == 2:
        return number + second / 100, label
    if between == "成" and len(following.group()) == 1:  # 3成5: 35 %
        return number * 10 + second, label
    if between == "分之" and number:
        return rounded(second / number), label
    return None


def _digit_quantities(
    text: str, traditional: Callable[[], bool]
) -> tuple[list[Quantity], list[tuple[int, int]]]:
    """The quantities in Arabic digits, and the spans of text they take."""
    months = {m.start(3) for m in _DATE.finditer(text)}
    months |= {m.start(1) for m in _MONTH_DAY.finditer(text) if 1 <= int(m.group(1)) <= 12}
    dates = (months, {m.start(1) for m in _DATE.finditer(text)})
    found: list[Quantity] = []
    spans: list[tuple[int, int]] = []
    matches = list(_NUMBER.finditer(text))
    skip = -1
    for n, match in enumerate(matches):
        number = value(match.group())
        if n == skip or number is None:
            continue
        start, end = match.span()
        stop, size = _chain(text, end)
        following = matches[n + 1] if n + 1 < len(matches) else None
        joined = _joined(text, match, following)
        if joined is not None and following is not None:
            whole, label = joined
            skip, stop = n + 1, start + len(label)
            if "分之" in label:
                found.append(_plain(whole, whole * 100, tag("%", whole * 100)))
            elif "成" in label:
                found.append(
                    Quantity(
                        label,
                        f"{show(whole)}%",
                        frozenset({whole, tag("%", whole)}),
                        (f"{show(whole)}%",),
                    )
                )
            elif "秒" in label:
                found.append(
                    Quantity(label, f"{show(whole)} seconds", frozenset({whole}), (show(whole),))
                )
            else:
                found.append(_large(label, whole))
        elif size > 1:
            found.append(_large(text[start:stop], number * size))
        elif following is not None and _RANGE.match(text[end : following.start()]):
            shared = _chain(text, following.end())[1]  # 3至5萬: 30,000 to 50,000
            whole = number * shared
            mantissas = {rounded(whole / 1000**k) for k in range(1, 5)}
            if shared > 1:
                found.append(_large(match.group(), whole, number, *mantissas))
            else:  # 1至6月: both months
                unit = following.end()
                found.append(_digit_quantity(text, start, unit, number, dates, traditional))
        else:
            found.append(_digit_quantity(text, start, end, number, dates, traditional))
        spans.append((start, stop))
    return found, spans


def _chinese_quantities(text: str, taken: list[tuple[int, int]]) -> list[Quantity]:
    """Chinese numerals: required when plainly a quantity, else only allowed."""
    found = []
    for match in CHINESE_NUMERAL.finditer(text):
        start, run = match.start(), match.group()
        if any(a <= start < b for a, b in taken):
            continue
        number = chinese_value(run)
        if number is None:
            continue
        after = text[match.end() : match.end() + 2]
        before = text[max(0, start - 3) : start]
        spelled = all(ch in DIGITS for ch in run)  # 一三五七: each digit may be written
        digits = {Decimal(DIGITS[ch]) for ch in run} if spelled else set()
        more: set[Reading] = {*digits, month(number)} if 1 <= number <= 12 else set(digits)
        if 12 < number <= 24 and after[:1] in "時时點点":
            more.add(number - 12)
        if after[:1] == "成":
            more |= {number * 10, tag("%", number * 10)}
        if before.endswith("百分之"):
            more.add(rounded(number / 100))
        if after == "分之":
            continue  # the denominator of a fraction, read with its numerator below
        if before.endswith("分之"):
            fraction = re.search(f"({CHINESE_NUMERAL.pattern})分之$", text[:start])
            whole = chinese_value(fraction.group(1)) if fraction else None
            if whole:
                more |= {rounded(number / whole), rounded(100 * number / whole), whole}
        quantity = (
            run[0] in DIGITS
            and run[0] not in "零〇○"
            and any(ch in SCALES for ch in run)
            and number >= 10
            and (before[-1:] or " ") not in _APPROXIMATE
        ) or (all(ch in DIGITS for ch in run) and len(run) == 4 and after[:1] == "年")
        found.append(_large(run, number, *more, required=quantity and "分之" not in before))
    if "半" in text:
        found.append(_plain(Decimal("0.5"), Decimal(30), Decimal(50), required=False))
    return found


def quantities(source: str, script: str = "") -> list[Quantity]:
    """Every number of the source, in digits or Chinese numerals, in order of kind.

    `script` is the source's language tag (zh-Hant, zh-TW, zh-Hans…) when known: in
    Traditional text a bare `114年` is an ROC year. Without it the segment's own script
    is detected, and only when a bare year needs it."""
    text = source.translate(FULL_WIDTH)
    digits, taken = _digit_quantities(text, partial(_traditional, source, script))
    return digits + _chinese_quantities(text, taken)
