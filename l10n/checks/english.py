"""Reading English text around numbers: its tokens, numbers in words (`two hundred and
five`, `twenty-fifth`), currency codes before an amount (MOP500), and what the words after a
number make of it (per cent, per thousand, a.m. and p.m., minus, `3 in 10`).
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import NamedTuple

from .numerals import MULTIPLIER_WORDS, ORDINAL_WORDS, SMALL_WORDS, rounded, tag

Reading = Decimal | str

_TOKEN = re.compile(
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d|,\d)|\d+(?:\.\d+)?)|(?P<word>[A-Za-z]+)|(?P<sign>\S)"
)
# Scale words after digits; the one-letter ones only after a currency sign (HK$3m, US$2b).


class Token(NamedTuple):
    kind: str  # num, word, sign
    text: str
    start: int
    end: int
    word: str  # a word in lower case, else ""


def tokenize(text: str) -> list[Token]:
    return [
        Token(kind, m.group(), m.start(), m.end(), m.group().lower() if kind == "word" else "")
        for m in _TOKEN.finditer(text)
        for kind in (m.lastgroup or "sign",)
    ]


def word_at(tokens: list[Token], at: int) -> str:
    return tokens[at].word if at < len(tokens) else ""


def half_after(tokens: list[Token], at: int) -> int | None:
    """Where `and a half` ends when it starts within three words of `at`, else None."""
    for start in range(at, min(at + 4, len(tokens))):
        if tokens[start].word == "and" and [word_at(tokens, start + k) for k in (1, 2)] == [
            "a",
            "half",
        ]:
            return start + 3
    return None


def word_number(tokens: list[Token], at: int) -> tuple[Decimal, int] | None:
    """The value of an English number phrase starting at `at` (`two hundred and five`,
    `twenty-fifth`, `a million`) and where it ends; None when none starts there."""
    total, current, end, seen = 0, 0, at, False
    last = ""
    if word_at(tokens, at) in ("a", "an", "one") and (word_at(tokens, at + 1) in MULTIPLIER_WORDS):
        current, end, seen, last = 1, at + 1, True, "small"
    while end < len(tokens):
        word = tokens[end].word
        if word in SMALL_WORDS:
            tens_then_unit = current % 100 >= 20 and current % 10 == 0 and SMALL_WORDS[word] < 10
            if last == "small" and not tens_then_unit:
                break
            current += SMALL_WORDS[word]
            seen, last, end = True, "small", end + 1
            if word in ORDINAL_WORDS:
                break
        elif word in MULTIPLIER_WORDS and seen:
            size = MULTIPLIER_WORDS[word]
            if size == 100:
                current = (current or 1) * 100
            else:
                total, current = total + (current or 1) * size, 0
            last, end = "multiplier", end + 1
        elif (
            seen
            and word_at(tokens, end + 1) in SMALL_WORDS
            and ((word == "and" and last == "multiplier") or tokens[end].text in "-‐")
        ):
            end += 1
        else:
            break
    return (Decimal(total + current), end) if seen else None


# ISO 4217 codes (and common forms) written before an amount: MOP500, RMB3m, US$ is a sign.
_CURRENCY_CODES = frozenset(
    "MOP RMB CNY HKD HK USD US EUR GBP JPY TWD NTD NT SGD AUD CAD CHF KRW MYR THB INR NZD "
    "PHP IDR VND Rmb Yuan".split()
)
_CODE_BEFORE = re.compile(r"(?<![A-Za-z])([A-Za-z]{2,4})\s?$")


def currency_code(text: str, start: int) -> bool:
    """An amount with a currency code before it: MOP500, RMB 3m, EUR500."""
    match = _CODE_BEFORE.search(text[max(0, start - 5) : start])
    return bool(match) and match.group(1) in _CURRENCY_CODES


def is_name(text: str, start: int) -> bool:
    """A number that is part of a name such as COVID-19 or G20, not an amount (MOP500)."""
    return bool(re.search(r"[A-Za-z]-?$", text[max(0, start - 2) : start])) and not currency_code(
        text, start
    )


_PERCENT = re.compile(r"\s*(?:%|per ?cent\b|percent\b)")
_OFF = re.compile(r"\s+(?:\w+\s+)?(?:off|discount|below|cheaper)\b")
_PER_THOUSAND = re.compile(r"\s*(?:‰|per (?:thousand|mille|mil|1,?000)\b)")
_IN_TEN = re.compile(
    r"\s*(?:in|out of) (?:every )?(\d+|[a-z]+)\b"
    r"(?!\s+(?:years?|months?|weeks?|days?|hours?|minutes?|decades?))"
)
# A clock time written with a dot, as Hong Kong's government writes it (10.10 a.m.).
DOTTED_TIME = re.compile(r"\b(\d{1,2})\.([0-5]\d)(?=\s*(?:a\.m\.|p\.m\.|am\b|pm\b))")
_PM = re.compile(r"(?::\d\d)?\s*(?:p\.m\.?|pm\b)")
_AM = re.compile(r"(?::\d\d)?\s*(?:a\.m\.?|am\b)")
_BELOW_ZERO = re.compile(r"\s*(?:°c|℃|degrees?(?: celsius)?)?\s*below (?:zero|freezing)")


def _in_every(word: str, numbers: set[Decimal]) -> int:
    """The whole of `3 in 10`, `one out of four` (10, 4), when every number is a share of it."""
    whole = int(word) if word.isdigit() else SMALL_WORDS.get(word, 0)
    if word in ORDINAL_WORDS or not 2 <= whole <= 100 or not numbers:
        return 0
    return whole if all(n < whole and n % 1 == 0 for n in numbers) else 0


def qualified(
    text: str, tokens: list[Token], at: int, end: int, readings: set[Reading]
) -> tuple[set[Reading], int]:
    """The readings as the words around a number qualify them: per cent (`%40`, and `off:40`
    for 40 % off), per thousand (`‰8.6`), p.m. and a.m. hours, minus, `3 in 10` (30)."""
    after = tokens[end - 1].end
    rest = text[after : after + 40].lower()
    before = text[max(0, tokens[at].start - 6) : tokens[at].start].lower()
    numbers = {r for r in readings if isinstance(r, Decimal)}
    consumed = after
    if match := _PERCENT.match(rest):
        off = _OFF.match(rest, match.end())
        readings = (
            {tag("off:", n) for n in numbers} if off else readings | {tag("%", n) for n in numbers}
        )
    elif match := _PER_THOUSAND.match(rest):
        readings |= {tag("‰", n) for n in numbers}
        consumed = after + match.end()
    elif (match := _IN_TEN.match(rest)) and (whole := _in_every(match.group(1), numbers)):
        readings |= {rounded(n / whole) for n in numbers}  # one in three: 0.3333
        readings |= {n * 100 / whole for n in numbers if 100 % whole == 0}  # 3 in 10: 30
        consumed = after + match.end() if whole == 10 else after  # `three` stays a number
    elif not re.search(r"\d:$", before):  # not the minutes of 3:30
        if match := _PM.match(rest):
            readings = {n + 12 if n < 12 else n for n in numbers}
            consumed = after + (0 if ":" in match.group() else match.end())
        elif match := _AM.match(rest):
            readings = {tag("am:", n) for n in numbers}
            consumed = after + (0 if ":" in match.group() else match.end())
    if re.search(r"(?:(?:^|[^\dA-Za-z-])[-−]|minus )$", before) or _BELOW_ZERO.match(rest):
        readings |= {-n for n in numbers}
    while end < len(tokens) and tokens[end].start < consumed:
        end += 1
    return readings, end


# Orders of magnitude in words: hundreds, tens of thousands, several hundred, a few million.
_ORDERS = {"tens": 10, "hundreds": 100, "thousands": 10**3, "millions": 10**6, "billions": 10**9}
_SOME = ("several", "few")


def order_phrase(tokens: list[Token], at: int) -> tuple[Decimal, int] | None:
    """An order of magnitude said in words starting at `at` (`hundreds of thousands`: 10⁵,
    `several thousand`: 10³) and where it ends; not `tens` alone, nor a number before it."""
    word = word_at(tokens, at)
    if word in _ORDERS and not (at and tokens[at - 1].kind == "num"):
        size, end = _ORDERS[word], at + 1
        while word_at(tokens, end) == "of" and word_at(tokens, end + 1) in _ORDERS:
            size, end = size * _ORDERS[word_at(tokens, end + 1)], end + 2
        return None if size < 100 else (Decimal(size), end)
    end = at + 2 if word == "a" and word_at(tokens, at + 1) == "few" else at + 1
    if word not in _SOME and end == at + 1:
        return None
    size = 1
    while word_at(tokens, end) in MULTIPLIER_WORDS and not word_at(tokens, end).endswith("th"):
        size, end = size * MULTIPLIER_WORDS[word_at(tokens, end)], end + 1
    return (Decimal(size), end) if size > 1 else None
