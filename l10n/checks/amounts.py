"""A number of the source as a translation may write it: the `Quantity` and its kinds
(a plain number, a large one with its English scale, tenths, a share, a year that may be
ROC, a clock hour, a count in words).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal

from .mentions import Reading
from .numerals import METRIC, grouped, ordinal, rounded, scaled, show, spelled, tag

# The other Western year a span may be written as: 113學年度 is 2024-25, 民國90年代 the 2000s.
_YEAR_SPANS: dict[str, Callable[[Decimal], Decimal]] = {
    "學年": lambda year: year + 1,
    "学年": lambda year: year + 1,
    "年代": lambda year: year // 10 * 10,
}
# After an ROC year's 年, what makes it plainly a date: 113年底, 113年初, 113年3月, 113年起.
_SURELY_A_YEAR = ("底", "初", "中", "度", "起", "月", "上半", "下半", "第", "全年")
_MORNING = ("上午", "早上", "凌晨", "清晨", "早晨")
_EVENING = ("下午", "晚上", "晚間", "晚间", "傍晚", "夜間", "夜间", "午後", "今晚", "昨晚")
PERIODS = _MORNING + _EVENING


@dataclass(frozen=True)
class Quantity:
    """A number of the source: as written, what it means in a reader's terms, the readings
    a translation's number may have to keep it, and how a translation would write it;
    `context` is where it stands (`8月1日 = August 1`) when that tells occurrences apart;
    `near`, values a translation may round, converted to another unit (700億斤: 35 million
    tonnes); `article`, whether `a` or `an` may stand for it (not for a score, 3比1)."""

    label: str
    meaning: str
    accepted: frozenset[Reading]
    expected: tuple[str, ...]
    required: bool = True
    context: str = field(default="", compare=False)
    near: frozenset[Decimal] = field(default=frozenset(), compare=False)
    article: bool = field(default=True, compare=False)

    @property
    def plain(self) -> bool:
        return self.label == self.meaning


def plain(number: Decimal, *more: Reading, required: bool = True, label: str = "") -> Quantity:
    label = label or show(number)
    return Quantity(label, label, frozenset({number, *more}), (label,), required)


def roundings(number: Decimal) -> set[Decimal]:
    """A large value as a translation may round it, to fewer significant digits, within half a
    per cent: 949,746億 may be 94.97 or 95 trillion, not 94.9 (cut) or 90 trillion."""
    if number < 10**4 or number % 1:
        return set()
    digits = len(number.normalize().as_tuple().digits)
    found = set()
    for kept in range(2, digits):
        step = Decimal(10) ** (number.adjusted() - kept + 1)
        near = (number / step).quantize(Decimal(1), ROUND_HALF_UP) * step
        if abs(near - number) * 200 <= number:
            found.add(near.normalize())
    return found


def large(label: str, number: Decimal, *more: Reading, required: bool = True) -> Quantity:
    ways = tuple(dict.fromkeys((scaled(number), grouped(number))))
    meaning = ways[0] if number >= 10**6 else grouped(number)
    accepted = frozenset({number, *more, *roundings(number)})
    return Quantity(label, meaning, accepted, ways, required)


def tenths(label: str, number: Decimal) -> Quantity:
    """成, tenths: 3成 is 30 %, 3 in 10; 1成半 is 15 %; 跌兩成 may be 20 % below."""
    percent = number * 10
    ways = (f"{show(percent)}%", f"{show(number)} in 10")
    share = rounded(number / 10)  # 五成: half, 兩成: a fifth or one in five, 2.5成: a quarter
    thirds = {rounded(Decimal(number // 3) / 3)} if number in (3, 7) else set()  # about a third
    return Quantity(
        label,
        ways[0],
        frozenset({percent, tag("%", percent), tag("off:", percent), share, *thirds}),
        ways[: 2 - bool(number % 1)],
    )


def year(
    number: Decimal,
    label: str,
    roc: bool,
    traditional: Callable[[], bool],
    span: str,
    written: str = "",
    following: str = "",
) -> Quantity:
    """A year: `民國114年` and, in Traditional text, `114年` are ROC years (+1911), kept as
    they are only when the translation says so (ROC 114);
    `98年` may be 1998 (or ROC 98, 2009); `span` is what follows the number (年, 學年…);
    `written` the number as the source writes it, `following` the text after the span."""
    if roc or (100 <= number <= 199 and number % 1 == 0 and traditional()):
        western = number + 1911
        spanned = _YEAR_SPANS.get(span, lambda year: year)(western)
        # Plainly a year (民國, 學年, 113年底, 113年3月): kept as it is only when the translation
        # marks it (ROC 113, a case number 113-Su-1523); else (120年歷史) it may be a count
        # of years, kept as such (120 years, a 120-year history), never as a bare 113.
        sure = roc or span in ("學年", "学年") or following.startswith(_SURELY_A_YEAR)
        kept = tag("roc:", number) if sure else tag("years:", number)
        return Quantity(
            label,
            show(western),
            frozenset({kept, tag("roc:", number), western, spanned}),
            (show(western), f"ROC {show(number)}"),
        )
    if 10 <= number <= 99 and number % 1 == 0:
        more = {1900 + number, 2000 + number}
        if number >= 38 and traditional():
            more.add(number + 1911)
        return plain(number, *more, label=written)
    return plain(number, label=written)


def hour(number: Decimal, label: str, before: str) -> Quantity:
    """An hour: 15時 is 15:00 or 3 p.m.; 上午9時 is 9 a.m., 晚上10時 10 p.m.; 9時 either."""
    shown = show(number)
    if number % 12 == 0 and label[:1].isdigit():
        return plain(number, *(Decimal(n) for n in (0, 12, 24)), tag("am:", Decimal(12)))
    window = re.split("[，。；,;、]", before)[-1]  # 下午2時至4時: 4 p.m. too
    period = max(PERIODS, key=window.rfind)
    morning = period if period in _MORNING and period in window else ""
    evening = period if period in _EVENING and period in window else ""
    label = (
        (period + label if window.endswith(period) else f"{period}…{label}")
        if (morning or evening)
        else label
    )
    if morning:
        accepted = frozenset({number, tag("am:", number)})
        return Quantity(label, f"{shown} a.m.", accepted, (f"{shown} a.m.",))
    if evening and number < 12:
        ways = (f"{shown} p.m.", f"{show(number + 12)}:00")
        return Quantity(label, ways[0], frozenset({number, number + 12}), ways)
    if 12 < number <= 24:
        ways = (f"{shown}:00", f"{show(number - 12)} p.m.")
        return Quantity(label, ways[0], frozenset({number, number - 12}), ways)
    accepted = frozenset({number, number + 12, tag("am:", number)})
    if label[:1].isdigit():
        return plain(number, *accepted)
    ways = (f"{shown} a.m.", f"{shown} p.m.")
    return Quantity(label, f"{shown} o'clock", accepted, ways)


def words(number: Decimal, nth: bool = False) -> tuple[str, ...]:
    """How a translation writes a small count: `3`, `three`; `3rd`, `third`."""
    written = ordinal(number) if nth else show(number)
    return tuple(dict.fromkeys(w for w in (written, spelled(number, nth)) if w))


def share(label: str, number: Decimal, whole: Decimal) -> list[Quantity]:
    """A fraction, 三分之一 or 3分之1: a third, 0.3333, 33 % (rounded as one writes it),
    `one in three`; its parts alone are allowed (a third, one in three)."""
    ratio, percent = rounded(number / whole), 100 * number / whole
    shares = {rounded(percent), percent.quantize(Decimal(1)), percent.quantize(Decimal("0.1"))}
    accepted = {ratio, *shares, *(tag("%", share.normalize()) for share in shares)}
    words = (f"{show(number)}/{show(whole)}", f"{show(percent.quantize(Decimal('0.1')))}%")
    return [
        Quantity(label, words[0], frozenset(accepted), words),
        plain(whole, number, required=False),
    ]


def converted(quantity: Quantity, after: str) -> Quantity:
    """A quantity with the metric values its unit converts to (`after` is the text after
    it): 700億斤 may be 35 million tonnes, 17.9億畝 about 119 million hectares."""
    for unit, factors in METRIC:
        if after.startswith(unit):
            values = [n for n in quantity.accepted if isinstance(n, Decimal) and n > 0]
            return replace(quantity, near=frozenset(n * f for n in values for f in factors))
    return quantity


def points(number: Decimal, label: str, basis: bool) -> Quantity:
    """Rate points: 0.25厘 or 0.25個百分點 is 0.25 percentage point, 25 basis points;
    10個基點 is 10 basis points, 0.1 percentage point."""
    point, bps = (number / 100, number) if basis else (number, number * 100)
    ways = (f"{show(point)} percentage point", f"{show(bps)} basis points")
    accepted = frozenset({point, bps, tag("%", point)})
    return Quantity(label, ways[basis], accepted, ways if not basis else ways[::-1])


def coins(number: Decimal, label: str) -> Quantity:
    """Tenths of a currency unit: 8角 or 8毛 is 80 cents, 0.8 of a dollar or yuan."""
    ways = (f"{show(number * 10)} cents", show(number / 10))
    return Quantity(label, ways[0], frozenset({number, number * 10, number / 10}), ways)
