"""The numbers a Chinese source states, each with what a translation may write for it:
`1,063億` → 106.3 billion, `民國114年` → 2025 or 114, `3成` → 30 %, `15時` → 15 or 3 p.m.

Numbers in Arabic digits must be kept. Chinese numerals must be kept when they are plainly a
quantity (`三十五萬`, `兩百`, `二〇二五年`); others (`十九大`, `一些`) only allow the
translation to write their value.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from functools import partial

from ..script import detect_script, is_traditional
from .amounts import (
    Quantity,
    coins,
    converted,
    hour,
    large,
    plain,
    points,
    share,
    tenths,
    year,
)
from .characters import chinese_quantities
from .numerals import (
    BASIS_POINTS,
    CONVERSIONS,
    FULL_WIDTH,
    MONTHS,
    RATE_POINTS,
    SCALES_TRILLION,
    TENTH_COINS,
    chinese_value,
    month,
    rounded,
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
_HOUR_AFTER = re.compile(r"(?:[時时]|[點点](?!\d)|:\d\d)")
_APPROXIMATE = "數数幾几"
_MONTH_BEFORE = re.compile(r"(\d{1,2}|[一二三四五六七八九十]{1,3})月$")
_RELATIVE_DAY = re.compile(r"[今昨明前後后][天日晚]\s*[（(]$")
_HAN_AFTER = re.compile(r"[\u4e00-\u9fff]")
_NOT_TENTHS = ("員", "员", "為", "为", "功", "立", "本", "果", "交", "長", "长", "就", "績", "绩")
_NEGATIVE = re.compile(r"(?:(?:^|[^\dA-Za-z.])[-−－]|零下|負|负)$")


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


def _digit_quantity(
    text: str,
    start: int,
    end: int,
    number: Decimal,
    dates: tuple[set[int], set[int]],
    traditional: Callable[[], bool],
) -> Quantity:
    """The quantity of an Arabic-digit number with no multiplier after it."""
    label = written = _NUMBER.match(text, start).group()
    after = text[end : end + 3]
    before = text[max(0, start - 4) : start]
    months, years = dates
    negative = bool(_NEGATIVE.search(text[max(0, start - 3) : start]))
    if start in years or _YEAR_AFTER.match(after):
        roc = "民國" in before or "民国" in before
        suffix = _YEAR_AFTER.match(after)
        label = ("民國" if roc else "") + label + (suffix.group() if suffix else "")
        span = suffix.group() if suffix else ""
        following = text[end + len(span) : end + len(span) + 2]
        return year(number, label, roc, traditional, span, written, following)
    if (after.startswith("月") or start in months) and 1 <= number <= 12:
        name = MONTHS[int(number) - 1].title()
        accepted = frozenset({number, month(number)})
        return Quantity(label + "月", name, accepted, (name, show(number)))
    if _HOUR_AFTER.match(after) and number <= 24 and not before.endswith(":"):
        return hour(number, label + after[:1], text[max(0, start - 10) : start])
    if before.endswith(":") and number == 0:
        return plain(number, required=False)  # the minutes of 15:00
    if after[:1] in "日號号" and after[1:2] in "）)" and _RELATIVE_DAY.search(before):
        return plain(number, required=False)  # 今天（15日）: the date restates "today"
    if after[:1] in "日號号" and (day := _MONTH_BEFORE.search(text, 0, start)) and number <= 31:
        named = chinese_value(day.group(1)) if not day.group(1).isdigit() else value(day.group(1))
        if named and 1 <= named <= 12:
            context = f"{day.group()}{label}{after[0]} = {MONTHS[int(named) - 1].title()} {label}"
            return replace(plain(number, label=written), context=context)
    if negative and after[:1] in "℃度°":
        return Quantity("-" + label, "-" + label, frozenset({-number}), ("-" + label,))
    if after.startswith("%"):
        more = (tag("%", number), tag("off:", number), rounded(number / 100), -number)
        return plain(number, *more, label=written)
    if after.startswith("‰"):
        tenth = rounded(number / 10)
        return Quantity(
            label + "‰",
            f"{label} per thousand",
            frozenset({tag("‰", number), tenth, tag("%", tenth)}),
            (f"{label} per thousand", f"{show(tenth)}%"),
        )
    if after.startswith("成") and not after.startswith(_NOT_TENTHS, 1) and number < 10:
        half = after[1:2] == "半"  # 1成半: 15 %
        return tenths(label + after[: 1 + half], number + (Decimal("0.5") if half else 0))
    if after.startswith("折") and number < 100:
        paid = number * 10 if number < 10 else number
        return Quantity(
            label + "折",
            f"{show(100 - paid)}% off",
            frozenset({paid, tag("%", paid), tag("off:", 100 - paid)}),
            (f"{show(100 - paid)}% off", f"{show(paid)}% of the price"),
        )
    if after.startswith("倍"):
        return plain(number, number + 1, number * 100, label=written)
    unit = text[end : end + 4]
    rate = next((p for p in RATE_POINTS + BASIS_POINTS if unit.startswith(p)), "")
    if rate and not unit.startswith(("厘米", "釐米")):
        return points(number, written + rate, rate in BASIS_POINTS)
    if after[:1] in TENTH_COINS and after[:2] != "毛利":
        return coins(number, written + after[0])
    context = written + after[:1] if _HAN_AFTER.match(after) else ""  # 1人
    more = [number * factor for unit, factor in CONVERSIONS.items() if after.startswith(unit)]
    stated = plain(number, *more, *([-number] if negative else []), label=written)
    return replace(stated, context=context)


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
    coin = text[following.end() : following.end() + 1]
    if between in ("元", "塊", "块") and len(following.group()) == 1 and coin in TENTH_COINS:
        return number + second / 10, label + coin  # 1元5角: 1.50
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
            if "分之" in label:  # 4分之1: a quarter, 25 %; a fourth, one in four
                found += share(label, value(following.group()) or whole, number)
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
                found.append(large(label, whole))
        elif size > 1:
            found.append(large(text[start:stop], number * size))
        elif following is not None and _RANGE.match(text[end : following.start()]):
            shared = _chain(text, following.end())[1]  # 3至5萬: 30,000 to 50,000
            whole = number * shared
            mantissas = {rounded(whole / 1000**k) for k in range(1, 5)}
            if shared > 1:
                found.append(large(match.group(), whole, number, *mantissas))
            else:  # 1至6月: both months
                unit = following.end()
                found.append(_digit_quantity(text, start, unit, number, dates, traditional))
        else:
            found.append(_digit_quantity(text, start, end, number, dates, traditional))
        spans.append((start, stop))
        found[-1] = converted(found[-1], text[stop : stop + 2])
        if "比" in (text[start - 1 : start], text[stop : stop + 1]):  # a score, 3比1: 3-1
            found[-1] = replace(found[-1], article=False)
        if text[start - 1 : start] == "第":  # 第2名: second place, a rank
            found[-1] = replace(found[-1], accepted=found[-1].accepted | {tag("rank:", number)})
    return found, spans


def quantities(source: str, script: str = "") -> list[Quantity]:
    """Every number of the source, in digits or Chinese numerals, in order of kind.

    `script` is the source's language tag (zh-Hant, zh-TW, zh-Hans…) when known: in
    Traditional text a bare `114年` is an ROC year. Without it the segment's own script
    is detected, and only when a bare year needs it."""
    text = source.translate(FULL_WIDTH)
    traditional = partial(_traditional, source, script)
    digits, taken = _digit_quantities(text, traditional)
    return digits + chinese_quantities(text, taken, traditional)
