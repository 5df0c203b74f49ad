"""Number expressions as values: Chinese numerals (`三十五萬`, `二〇二五`), English number
words (`one and a half`, `a dozen`, `twenty-fifth`), and values shown in a reader's terms.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

FULL_WIDTH = str.maketrans("０１２３４５６７８９．％，：／", "0123456789.%,:/")

# Chinese multipliers after a number: 3千萬 = 3 × 10⁷, 2.5萬億 = 2.5 × 10¹².
SCALES = {"十": 10, "百": 100, "千": 1000, "萬": 10**4, "万": 10**4, "億": 10**8, "亿": 10**8}
SCALES_TRILLION = {**SCALES, "兆": 10**12}
DIGITS = {
    "零": 0,
    "〇": 0,
    "○": 0,
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
NUMERAL_CHARS = "零〇○一二兩两三四五六七八九十廿卅百千萬万億亿"
# A run of Chinese numerals; `多` inside (十多萬, more than 100,000) and `點` before a digit.
CHINESE_NUMERAL = re.compile(
    f"[{NUMERAL_CHARS}](?:[{NUMERAL_CHARS}]|[多餘余](?=[十百千萬万億亿])|[點点](?=[一二三四五六七八九零〇]))*"
)
_TENS_CHARS = {"廿": 20, "卅": 30}

_ENGLISH_SCALES = (
    (10**15, "quadrillion"),
    (10**12, "trillion"),
    (10**9, "billion"),
    (10**6, "million"),
    (10**3, "thousand"),
)
_UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
_UNIT_ORDINALS = (
    "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth"
).split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_TEN_ORDINALS = (
    "twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth".split()
)
SMALL_WORDS: dict[str, int] = {
    **{w: n for n, w in enumerate(_UNITS)},
    **{w: n for n, w in enumerate(_UNIT_ORDINALS)},
    **{w: 20 + 10 * n for n, w in enumerate(_TENS)},
    **{w: 20 + 10 * n for n, w in enumerate(_TEN_ORDINALS)},
}
ORDINAL_WORDS = frozenset(_UNIT_ORDINALS + _TEN_ORDINALS)
MULTIPLIER_WORDS = {
    "hundred": 100,
    "hundredth": 100,
    "thousand": 10**3,
    "thousandth": 10**3,
    "million": 10**6,
    "millionth": 10**6,
    "billion": 10**9,
    "quadrillion": 10**15,
    "trillion": 10**12,
}
# Words that stand for a number on their own.
LONE_WORDS: dict[str, Decimal] = {
    "a": Decimal(1),
    "an": Decimal(1),
    "once": Decimal(1),
    "another": Decimal(1),
    "single": Decimal(1),
    "twice": Decimal(2),
    "both": Decimal(2),
    "double": Decimal(2),
    "doubled": Decimal(2),
    "doubling": Decimal(2),
    "doubles": Decimal(2),
    "biennial": Decimal(2),  # every two years
    "biennially": Decimal(2),
    "fortnightly": Decimal(2),
    "pair": Decimal(2),
    "couple": Decimal(2),
    "thrice": Decimal(3),
    "triple": Decimal(3),
    "tripled": Decimal(3),
    "tripling": Decimal(3),
    "triples": Decimal(3),
    "treble": Decimal(3),
    "trebled": Decimal(3),
    "quadruple": Decimal(4),
    "quadrupled": Decimal(4),
    "quadrupling": Decimal(4),
    "halving": Decimal("0.5"),
    "halved": Decimal("0.5"),
    "dozen": Decimal(12),
    "week": Decimal(1),  # week-long, for 七天
    "fortnight": Decimal(2),  # in weeks: 十四天
    **{f"{word[:-1]}ies": Decimal(20 + 10 * n) for n, word in enumerate(_TENS)},  # fifties
    **{
        f"{word}{'es' if word.endswith('x') else 's'}": Decimal(n)
        for n, word in enumerate(_UNITS[2:10], 2)
    },
    "clock": Decimal(24),  # round the clock
    "decade": Decimal(10),
    "century": Decimal(100),
    "half": Decimal("0.5"),
    "quarter": Decimal("0.25"),
    "noon": Decimal(12),
    "midday": Decimal(12),
    "midnight": Decimal(0),
    "nil": Decimal(0),  # a score, two-nil
}
# Nouns that multiply the number before them: two dozen, three decades.
NOUN_MULTIPLIERS = {
    "dozen": 12,
    "dozens": 12,
    "decade": 10,
    "decades": 10,
    "century": 100,
    "centuries": 100,
    "fold": 1,
}
FRACTION_WORDS = {
    "half": 2,
    "halves": 2,
    "third": 3,
    "thirds": 3,
    "quarter": 4,
    "quarters": 4,
    "fifth": 5,
    "fifths": 5,
    "sixth": 6,
    "sixths": 6,
    "seventh": 7,
    "sevenths": 7,
    "eighth": 8,
    "eighths": 8,
    "ninth": 9,
    "ninths": 9,
    "tenth": 10,
    "tenths": 10,
}
MONTHS = (
    "january february march april may june july august september october november december"
).split()
MONTH_WORDS = {
    **{name: n for n, name in enumerate(MONTHS, 1)},
    **{name[:3]: n for n, name in enumerate(MONTHS, 1)},
    "sept": 9,
}


def value(text: str) -> Decimal | None:
    """The value of an Arabic-digit number, thousand separators allowed."""
    try:
        return Decimal(text.replace(",", "")).normalize()
    except InvalidOperation:
        return None


def rounded(number: Decimal) -> Decimal:
    """A value as compared: fractions such as 1/3 to four decimal places."""
    return number.quantize(Decimal("0.0001")).normalize() if number % 1 else number.normalize()


def tag(kind: str, number: Decimal) -> str:
    """A reading with a unit, as compared: `%40` (per cent), `off:40` (40 % off), `‰8.6`."""
    return f"{kind}{show(number)}"


def month(number: Decimal) -> str:
    """The reading of a month number, `month:3`, as month names are read."""
    return f"month:{int(number)}"


def chinese_value(run: str) -> Decimal | None:
    """The value of a run of Chinese numerals: 三十五萬 → 350000, 二〇二五 → 2025,
    一百零五 → 105, 三點五億 → 350000000; None when a decimal point has no digits after it."""
    run = re.sub("[多餘余]", "", run)
    if "點" in run or "点" in run:
        whole, _, fraction = re.split("([點点])", run, maxsplit=1)
        digits = "".join(str(DIGITS[ch]) for ch in fraction if ch in DIGITS)
        tail = "".join(ch for ch in fraction if ch not in DIGITS)
        base = chinese_value(whole) if whole else Decimal(0)
        if base is None or not digits:
            return None
        number = base + Decimal("0." + digits)
        for ch in tail:
            number *= SCALES[ch]
        return number.normalize()
    if all(ch in DIGITS for ch in run):
        return Decimal("".join(str(DIGITS[ch]) for ch in run))
    for chars, size in (("億亿", 10**8), ("萬万", 10**4)):
        # the last one: 一億億 is 10¹⁶, 三萬億 3 × 10¹², 一萬萬 10⁸
        at = next((n for n in range(len(run) - 1, -1, -1) if run[n] in chars), None)
        if at is not None:
            left = chinese_value(run[:at]) if at else Decimal(1)
            right = chinese_value(run[at + 1 :].lstrip("零〇")) if run[at + 1 :] else Decimal(0)
            if left is None or right is None:
                return None
            return left * size + right
    total, digit = 0, None
    for ch in run:
        if ch in DIGITS:
            digit = DIGITS[ch]
        elif ch in _TENS_CHARS:
            total += _TENS_CHARS[ch]
        else:
            total += (1 if digit is None else digit) * SCALES[ch]
            digit = None
    return Decimal(total + (digit or 0))


def grouped(number: Decimal) -> str:
    """1063000000 → `1,063,000,000`; decimals kept: 3.5 → `3.5`."""
    whole = int(number)
    fraction = format(number - whole, "f").lstrip("0") if number != whole else ""
    return f"{whole:,}{fraction}"


def scaled(number: Decimal) -> str:
    """A large value as English writes it: 106300000000 → `106.3 billion`,
    35000 → `35 thousand`; below a thousand, the number itself."""
    for size, word in _ENGLISH_SCALES:
        if number >= size:
            return f"{format((number / size).normalize(), 'f')} {word}"
    return show(number)


def show(number: Decimal) -> str:
    return format(number.normalize(), "f")


def spelled(number: Decimal, ordinal: bool = False) -> str:
    """A whole number below 100 in English words: 14 → `fourteen`, `fourteenth`."""
    whole = int(number)
    if whole >= 100 or whole != number:
        return ""
    units, tens = (_UNIT_ORDINALS, _TEN_ORDINALS) if ordinal else (_UNITS, _TENS)
    if whole < 20:
        return units[whole]
    if whole % 10 == 0:
        return tens[whole // 10 - 2]
    return f"{_TENS[whole // 10 - 2]}-{units[whole % 10]}"


# Measure words after a count of people or things (三名, 兩架, 五宗), and time units.
MEASURE_WORDS = frozenset(
    "名人個个位宗架輛辆間间所項项次屆届年天日月週周歲岁家件隻只條条座艘枚頭头場场輪轮期號号"
    "層层台本篇份張张批支種种類类票班餐粒顆颗棵株組组隊队款套封盞盏趟遍處处口起"
)
# Runs before a measure word that are idioms, not counts (一年一度: annual).
COUNT_IDIOMS = (
    "三番兩次",
    "三番两次",
    "三番五次",
    "如一日",
    "一口",
    "一年一度",
    "一天到晚",
    "一日千里",
    "一次過",
    "一次性",
    "一個人",
    "一人一",
    "一頭霧",
    "三起三落",
)
# Other units a translation may convert to: 1.5小時 is 90 minutes, 一週 seven days.
CONVERSIONS = {
    "小時": 60,
    "小时": 60,
    "週": 7,
    "周": 7,
    "星期": 7,
    "年": 12,
    "天": 24,
    "個月": 30,
    "个月": 30,
}


# Units a translation converts into metric ones, rounding: 斤 is half a kilogram (a tonne is
# 2,000 斤), 畝 a fifteenth of a hectare. Longer names first.
METRIC = (
    ("公斤", (Decimal("0.001"),)),
    ("千克", (Decimal("0.001"),)),
    ("斤", (Decimal("0.5"), Decimal("0.0005"))),
    ("畝", (Decimal(1) / 15,)),
    ("亩", (Decimal(1) / 15,)),
)
# Rate points: 0.25厘 (Hong Kong) and 0.25個百分點 are 25 basis points; 10個基點 is 0.1 point.
RATE_POINTS = ("厘", "釐", "個百分點", "个百分点", "百分點", "百分点")
BASIS_POINTS = ("個基點", "个基点", "基點", "基点")
# Subunits of a currency: 8角 or 8毛 is 80 cents, 0.8 of the unit.
TENTH_COINS = "角毛"


def ordinal(number: Decimal) -> str:
    """14 → `14th`, 22 → `22nd`."""
    whole = int(number)
    suffix = "th" if 10 <= whole % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(whole % 10, "th")
    return f"{whole}{suffix}"


# 半 before a unit: 半小時 is 30 minutes, 半年 six months, 半個月 15 days or two weeks.
HALF_UNITS = {
    "小時": (30,),
    "小时": (30,),
    "個小時": (30,),
    "个小时": (30,),
    "年": (6,),
    "個月": (15, 2),
    "个月": (15, 2),
    "天": (12,),
}
HALF_NAMES = {"年": "a year", "個月": "a month", "个月": "a month", "天": "a day"}
