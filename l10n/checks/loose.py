"""Numbers a source states loosely: halves (半, 半年), pairs (雙方), ranks in words (冠軍)
and orders of magnitude (數百, 逾千: hundreds, more than a thousand).
"""

from __future__ import annotations

import re
from decimal import Decimal

from .amounts import Quantity, plain
from .mentions import Reading
from .numerals import HALF_NAMES, HALF_UNITS, NUMERAL_CHARS, SCALES, grouped, ordinal, tag

# Before a bare multiplier, what makes it an order of magnitude: 數百 (hundreds), 上千
# (a thousand or more), 逾萬, 近億; after it, 餘 or 多 (千餘, 百多).
_ORDER_BEFORE = "數数幾几上逾近過过超破約约"
# English names of orders of magnitude, as `tens of thousands` reads.
ORDER_NAMES = {
    10**2: "hundreds",
    10**3: "thousands",
    10**4: "tens of thousands",
    10**5: "hundreds of thousands",
    10**6: "millions",
    10**7: "tens of millions",
    10**8: "hundreds of millions",
    10**9: "billions",
    10**10: "tens of billions",
    10**11: "hundreds of billions",
    10**12: "trillions",
}
# Idioms of many, not a number: 成千上萬 (thousands upon thousands).
_MANY = ("成千上萬", "成千上万", "成百上千", "千千萬萬", "千千万万")


def order(text: str, start: int, run: str, number: Decimal) -> Quantity | None:
    """數百, 逾千, 上萬, 數十萬: a required order of magnitude, kept as `hundreds`, `several
    thousand` or `more than 1,000`; the words around it (數, 逾) say only how near."""
    before, after = text[start - 1 : start], text[start + len(run) : start + len(run) + 2]
    if not all(ch in SCALES for ch in run) or number not in ORDER_NAMES:
        return None
    if not (before and before in _ORDER_BEFORE) and not (after[:1] and after[:1] in "餘余多"):
        return None
    if after.startswith(("分之", "倍", "貨", "货", "姓")) or any(
        idiom in text[max(0, start - 3) : start + 4] for idiom in _MANY
    ):
        return None
    name = ORDER_NAMES[int(number)]
    near = before if before and before in _ORDER_BEFORE else ""
    more = after[:1] if after[:1] and after[:1] in "餘余多" else ""
    meaning = name if near and near in "數数幾几" else f"about {grouped(number)}"
    accepted = frozenset({number, tag("order:", number)})
    ways = (name,) if meaning == name else (name, grouped(number))
    return Quantity(near + run + more, meaning, accepted, ways)


def orders(run: str, number: Decimal) -> set[Reading]:
    """The orders of magnitude a numeral that is no quantity allows: a bare multiplier is a
    figure of many (千家萬戶: millions of households, 成千上萬: thousands), any order."""
    if all(ch in SCALES for ch in run):
        return {tag("order:", Decimal(size)) for size in ORDER_NAMES}
    found = {tag("order:", Decimal(SCALES[ch])) for ch in run if ch in SCALES}
    return found | ({tag("order:", number)} if number in ORDER_NAMES else set())


# Ranks named in words (冠軍: first place, 亞軍: second): they allow the ordinal.
_RANKS = {
    "冠": 1,
    "金牌": 1,
    "榜首": 1,
    "首獎": 1,
    "首奖": 1,
    "頭獎": 1,
    "头奖": 1,
    "亞軍": 2,
    "亚军": 2,
    "銀牌": 2,
    "银牌": 2,
    "季軍": 3,
    "季军": 3,
    "銅牌": 3,
    "铜牌": 3,
    "殿軍": 4,
    "殿军": 4,
}


def ranks(text: str) -> list[Quantity]:
    return [
        Quantity(name, ordinal(Decimal(n)), frozenset({tag("rank:", Decimal(n))}), (), False)
        for name, n in _RANKS.items()
        if name in text
    ]


def halves(text: str) -> list[Quantity]:
    """半: half, 30 minutes, 50 %; 半年 six months; 半數 (half of them) is required;
    雙 and 倆 allow two (雙方: the two sides, 雙向: two-way)."""
    pair = [plain(Decimal(2), required=False)] if re.search("[雙双倆俩]", text) else []
    if "半" not in text:
        return pair
    more: set[Reading] = {Decimal(30)}
    found = [*pair]
    for m in re.finditer("半", text):
        if m.start() and text[m.start() - 1] in "成":
            continue  # 兩成半: 25 %, read with its tenths
        more |= {Decimal(50), tag("%", Decimal(50))}  # 減半: cut by 50%
        units = [unit for unit in HALF_UNITS if text.startswith(unit, m.end())]
        for unit in units:
            more |= {Decimal(v) for v in HALF_UNITS[unit]}
        alone = not re.search(f"[上下前後后大多個个{NUMERAL_CHARS}]$", text[: m.start()])
        if units and alone:  # 半小時, 半年: half an hour, six months
            accepted = frozenset({Decimal("0.5"), *(Decimal(v) for v in HALF_UNITS[units[0]])})
            name = HALF_NAMES.get(units[0], "an hour")
            found.append(Quantity(f"半{units[0]}", f"half {name}", accepted, ("half",)))
    found.append(plain(Decimal("0.5"), *more, required=False))
    for m in re.finditer("半數|半数", text):
        if not re.search("[過过超逾]$", text[: m.start()]) and not text.startswith("以上", m.end()):
            half = frozenset({Decimal("0.5"), Decimal(50), tag("%", Decimal(50))})
            found.append(Quantity(m.group(), "half", half, ("half", "50%")))
    return found
