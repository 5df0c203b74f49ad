"""The numbers a source writes in Chinese characters, each as a `Quantity`: counts with
their measure word (三名, 五年), ordinals (第十四屆), clock hours (下午三時), tenths (三成),
fractions (三分之一), multiples (兩倍, 翻一番), ROC years (民國一一三年) and halves (半年).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from decimal import Decimal

from .amounts import PERIODS, Quantity, hour, large, plain, share, tenths, words, year
from .loose import halves, order, orders, ranks
from .mentions import Reading
from .numerals import (
    CHINESE_NUMERAL,
    CONVERSIONS,
    COUNT_IDIOMS,
    DIGITS,
    MEASURE_WORDS,
    MONTHS,
    SCALES,
    chinese_value,
    month,
    ordinal,
    rounded,
    show,
    tag,
)

_HOUR_NOT = "間间期代候刻尚光機机段空常事差"
_HOUR_SURE = "半正許许整分"
_NOT_TENTHS = "員员為为功立本果交長长就績绩不"
_ONE_AS_WORD = frozenset("同唯統统單单每逐")
# 上一期, 下一屆, 這一次: the previous, the next, this one; not after a verb (剩下一名: one left).
_POINTING = frozenset("上下這这那此該该另")
_VERB_BEFORE = frozenset("加剩留創创寫写拿定落錄录接記记立打考選选排撥拨")
# A day the clause names, which a one-day duration (停課一天) may be left to: tomorrow.
_NAMED_DAYS = (
    "今天",
    "明天",
    "後天",
    "后天",
    "今日",
    "明日",
    "翌日",
    "當天",
    "当天",
    "當日",
    "当日",
)
# Units of time that are counted like measure words: 兩小時, 十分鐘.
_TIME_UNITS = ("小時", "小时", "分鐘", "分钟", "秒鐘", "秒钟")
_WEEKDAY = ("星期", "禮拜", "礼拜", "週", "周")


def _fraction(text: str, start: int, run: str, number: Decimal) -> list[Quantity]:
    """X分之Y: 三分之一 is a third (0.3333, 33.33 %); 百分之五 is 5 %."""
    denominator = re.search(f"({CHINESE_NUMERAL.pattern})分之$", text[:start])
    whole = chinese_value(denominator.group(1)) if denominator else None
    if not whole or not denominator:
        return []
    label = f"{denominator.group()}{run}"
    if whole == 100:
        more = (tag("%", number), rounded(number / 100))
        return [
            Quantity(label, f"{show(number)}%", frozenset({number, *more}), (f"{show(number)}%",))
        ]
    return share(label, number, whole)


def _starts(text: str, chars: Iterable[str]) -> bool:
    """Whether the text starts with one of the characters (an empty text does not)."""
    return bool(text) and text[0] in chars


def _hour_at(text: str, start: int, number: Decimal, after: str) -> bool:
    """三時, 下午三點: a clock hour, not 一時 (for a while) or 兩點 (two points)."""
    if number > 24 or not _starts(after, "時时點点") or _starts(after[1:], _HOUR_NOT):
        return False
    window = re.split("[，。；,;、]", text[max(0, start - 8) : start])[-1]
    if any(period in window for period in PERIODS) or _starts(after[1:], _HOUR_SURE):
        return True
    return _starts(after, "時时") and number >= 2


# Before X倍, a verb of increase: 增加兩倍 is read as 2 or 3 times; otherwise X times.
_INCREASE = re.compile(
    "(?:增加|增長|增长|成長|成长|提高|提升|上升|上漲|上涨|增|漲|涨|升|多出?|高出|超出|翻)了?(?:近|約|约|逾|超過|超过|多達|多达|達|达)?$"
)


def _inside(text: str, at: int, idiom: str) -> bool:
    """Whether the character at `at` is part of `idiom` where it stands (三番兩次)."""
    found = text.find(idiom, max(0, at - len(idiom) + 1))
    return 0 <= found <= at < found + len(idiom)


def _one_as_word(text: str, start: int, unit: str, clause: str) -> bool:
    """一 that is no count: 同一年 (the same year), 唯一 (only), 每一 (every), 上一期 (the
    previous), 每兩年一次 and 每3分鐘一班 (a rate), 一起 (together), 明天停課一天 (the
    day named)."""
    before = text[max(0, start - 2) : start]
    if before[-1:] in _ONE_AS_WORD or unit == "起":
        return True
    if before[-1:] in _POINTING and before[:1] not in _VERB_BEFORE:
        return True
    if "每" in clause:  # 每兩年一次, 每3分鐘一班: a rate, said by `every`, `biennial`
        return True
    sentence = re.split("[。；;!?！？]", text[:start])[-1]
    return unit in "天日" and any(day in sentence for day in _NAMED_DAYS)


def _count(
    text: str, start: int, end: int, run: str, number: Decimal, after: str
) -> Quantity | None:
    """三名, 兩架, 五年, 十月一日: a count with its measure word, a month or a day."""
    unit = after[1:2] if _starts(after, "多餘余") else after[:1]
    unit = next((name for name in _TIME_UNITS if after.startswith(name)), unit)
    if after[:1] == "旬" and 1 <= number <= 10:  # 七旬老翁: a man in his seventies
        decade = number * 10
        return Quantity(run + "旬", f"{show(decade)}s", frozenset({decade}), (f"{show(decade)}s",))
    if after.startswith("甲子"):  # 一甲子: sixty years, a 60th anniversary
        years = number * 60
        return Quantity(run + "甲子", f"{show(years)} years", frozenset({years}), (show(years),))
    if (unit not in MEASURE_WORDS and unit not in _TIME_UNITS) or number >= 100:
        return None
    if any(_inside(text, start, idiom) for idiom in COUNT_IDIOMS):
        return None
    clause = re.split("[，。；：,;:]", text[:start])[-1]
    if run == "一" and _one_as_word(text, start, unit, clause):
        return None
    if unit == "人" and (clause.endswith(("們", "们")) or re.search("[與与和及、].", clause)):
        return None  # 甲與乙兩人, 他們兩人: the two named, often left unsaid
    label = run + after[: after.index(unit) + len(unit)]
    if unit in "周週" and after[1:2] == "年":
        label += "年"  # 八十周年: the 80th anniversary
    if unit == "月" and 1 <= number <= 12 and after[:1] == "月":
        name = MONTHS[int(number) - 1].title()
        return Quantity(label, name, frozenset({number, month(number)}), (name, show(number)))
    accepted: set[Reading] = {number}
    if len(run) == 2 and all(ch in DIGITS for ch in run):  # 三四名: three or four
        accepted |= {Decimal(DIGITS[ch]) for ch in run}
    if _starts(after, "多餘余幾几") and number % 10 == 0:  # 十多名: 11 to 19, a dozen or so
        accepted |= {number + k for k in range(1, 10)}
    half = text[end + len(label) - len(run) : end + len(label) - len(run) + 2]
    if "半" in half:  # 一年半, 兩個半月
        accepted.add(number + Decimal("0.5"))
    rest = text[end : end + 4]
    for name, factor in CONVERSIONS.items():
        if rest.startswith(name) or rest.startswith(name, 1):
            accepted |= {n * factor for n in accepted if isinstance(n, Decimal)}
    if unit in "天日" and number % 7 == 0:
        accepted.add(number / 7)  # 七天: a week, 十四天: two weeks
    months = rest.startswith(("個月", "个月")) or (label[-1:] in "個个" and rest[:1] == "月")
    if months and number % 12 == 0:
        accepted.add(number / 12)  # 十二個月: a year
    day = re.search(f"(\\d{{1,2}}|{CHINESE_NUMERAL.pattern})月$", text[:start])
    if unit in "日號号" and day:
        named = chinese_value(day.group(1)) if not day.group(1).isdigit() else Decimal(day.group(1))
        if named and 1 <= named <= 12 and number <= 31:
            context = f"{day.group()}{label} = {MONTHS[int(named) - 1].title()} {show(number)}"
            return Quantity(
                label, show(number), frozenset(accepted), (show(number),), True, context
            )
    return Quantity(label, show(number), frozenset(accepted), words(number))


_TWO_DAYS = re.compile("(?:今明|明後|明后|昨今|前昨)$")  # the two days a count then names


def _stated(
    text: str, match: re.Match, number: Decimal, traditional: Callable[[], bool]
) -> list[Quantity] | None:
    """A Chinese numeral that is plainly a quantity, with what a translation may write."""
    start, end, run = match.start(), match.end(), match.group()
    after, before = text[end : end + 3], text[max(0, start - 4) : start]
    approximate = bool(before) and before[-1] in "數数幾几"
    if before.endswith("分之"):
        return _fraction(text, start, run, number)
    if number == 2 and _TWO_DAYS.search(before) and _starts(after, "天日"):
        return [plain(number, required=False)]  # 今明兩天: today and tomorrow, the days named
    if (ordered := order(text, start, run, number)) is not None:
        return [ordered]
    if before.endswith("第"):
        if run == "二" and _starts(after, "天日"):
            return None
        unit = after[:1] if after[:1] in MEASURE_WORDS else ""
        meaning, ranked = ordinal(number), frozenset({number, tag("rank:", number)})
        if number == 1:  # 第一: first, often said otherwise (top, leading), so only allowed
            return [Quantity(f"第{run}{unit}", meaning, ranked, (meaning,), required=False)]
        return [Quantity(f"第{run}{unit}", meaning, ranked, words(number, True))]
    if _hour_at(text, start, number, after):
        found = [hour(number, run + after[0], text[max(0, start - 10) : start])]
        if after[1:2] == "半":  # 八時半: half past eight, 8:30
            half = frozenset({Decimal(30), Decimal("0.5")})
            found.append(Quantity(run + after[:2], "half past", half, (":30", "half past")))
        return found
    if after[:1] == "分" and before.endswith(tuple("時时點点")) and after[1:2] != "之":
        return [plain(number, label=run + "分")]
    if (
        after[:1] == "成"
        and not _starts(after[1:], _NOT_TENTHS)
        and number <= 10
        and not approximate
    ):
        tenth = Decimal(DIGITS.get(after[1:2], 0)) / 10 + (
            Decimal("0.5") if after[1:2] == "半" else 0
        )
        return [tenths(text[start : end + 1 + bool(tenth)], number + tenth)]
    if after[:1] == "倍" and not approximate:
        if not _INCREASE.search(before):  # 是去年的兩倍: twice, up 100 %
            accepted = {number, 100 * (number - 1), tag("%", 100 * (number - 1))}
            label = f"{show(number)} times"
            return [Quantity(run + "倍", label, frozenset(accepted), (label,))]
        accepted = {number + 1, 100 * number, tag("%", 100 * number)}  # 增加兩倍: read either way
        if number != 1:
            accepted.add(number)
        times = show(number + 1) if number == 1 else f"{show(number)} or {show(number + 1)}"
        return [Quantity(run + "倍", f"{times} times", frozenset(accepted), (f"{times} times",))]
    if re.search("翻了?$", before) and after[:1] == "番":
        times = 2 ** int(number)
        accepted = {
            Decimal(times),
            Decimal(100 * (times - 1)),
            tag("%", Decimal(100 * (times - 1))),
        }
        return [
            Quantity(
                f"翻{run}番" if before.endswith("翻") else f"翻了{run}番",
                f"{times} times",
                frozenset(accepted),
                (f"{times} times",),
            )
        ]
    if run == "一" and after[:1] == "半" and after[1:2] not in MEASURE_WORDS:
        half = frozenset({Decimal("0.5"), Decimal(50), tag("%", Decimal(50))})
        return [Quantity("一半", "half", half, ("half", "50%"))]
    span = next((s for s in ("學年", "学年", "年代", "年") if after.startswith(s)), "")
    if span and number % 1 == 0:
        roc = "民國" in before or "民国" in before
        if roc or (100 <= number <= 199 and run[0] in DIGITS and traditional()):  # not 百年
            label = ("民國" if roc else "") + run + span
            following = text[end + len(span) : end + len(span) + 2]
            return [year(number, label, roc, traditional, span, following=following)]
        if len(run) == 4 and all(ch in DIGITS for ch in run):
            return [Quantity(run + "年", show(number), frozenset({number}), (show(number),))]
    if approximate or before.endswith(_WEEKDAY):
        return None
    counted = _count(text, start, end, run, number, after)
    return [counted] if counted else None


def _allowed(run: str, number: Decimal, before: str, after: str) -> Quantity:
    """A numeral that is not plainly a quantity: required only when large (三十五萬, 十四),
    else a translation may write its value (十九大, 一些)."""
    spelled_out = all(ch in DIGITS for ch in run)  # 一三五七: each digit may be written
    digits = {Decimal(DIGITS[ch]) for ch in run} if spelled_out else set()
    if not spelled_out and re.search("[一二兩两三四五六七八九]{2}", run):  # 十四五: 14th, five
        parts = chinese_value(run[:-1])
        return plain(Decimal(DIGITS[run[-1]]), *([parts] if parts else []), required=False)
    more: set[Reading] = {*digits, month(number)} if 1 <= number <= 12 else set(digits)
    if len(run) >= 3 and all(ch in SCALES for ch in run):  # 十百千萬工程: each may be written
        more |= {Decimal(SCALES[ch]) for ch in run if ch in SCALES}
    if 12 < number <= 24 and _starts(after, "時时點点"):
        more.add(number - 12)
    if after[:1] == "成":
        more |= {number * 10, tag("%", number * 10)}
    required = (
        (
            (run[0] in DIGITS and run[0] not in "零〇○")
            or (
                (len(run) == 2 or (run[0] == "十" and len(run) > 2))  # 十萬, 十二萬
                and not _starts(after, "大長长假黃黄國国")
            )
        )
        and any(ch in SCALES for ch in run)
        and number >= 10
        and (before[-1:] or " ") not in "數数幾几"
    )
    return large(run, number, *more, *(() if required else orders(run, number)), required=required)


def chinese_quantities(
    text: str, taken: list[tuple[int, int]], traditional: Callable[[], bool]
) -> list[Quantity]:
    """The numbers a source writes in Chinese characters: required when plainly a quantity
    (三名, 第十四屆, 下午三時, 三成, 三分之一, 一倍), else only allowed."""
    found: list[Quantity] = []
    covered = 0
    for match in CHINESE_NUMERAL.finditer(text):
        start, run = match.start(), match.group()
        if start < covered or any(a <= start < b for a, b in taken):
            continue
        number = chinese_value(run)
        after = text[match.end() : match.end() + 3]
        if number is None or after.startswith("分之"):
            continue  # the denominator of a fraction is read with its numerator
        stated = _stated(text, match, number, traditional)
        if stated is None:
            stated = [_allowed(run, number, text[max(0, start - 3) : start], after)]
        found += stated
        if after[:1] == "成" and _starts(after[1:], DIGITS):
            covered = match.end() + 2  # 三成五: the 五 is read with the 三
    found += halves(text) + ranks(text)
    return found
