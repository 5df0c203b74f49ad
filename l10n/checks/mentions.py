"""The numbers an English translation writes, in digits or in words, with what each may read as:
`HK$106.3 billion` → 106300000000, `an hour and a half` → 1 or 1.5, `March` → month 3.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple

from .numerals import (
    FRACTION_WORDS,
    FULL_WIDTH,
    LONE_WORDS,
    MONTH_WORDS,
    MULTIPLIER_WORDS,
    NOUN_MULTIPLIERS,
    ORDINAL_WORDS,
    SMALL_WORDS,
    month,
    rounded,
    tag,
    value,
)

Reading = Decimal | str

_TOKEN = re.compile(
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d|,\d)|\d+(?:\.\d+)?)|(?P<word>[A-Za-z]+)|(?P<sign>\S)"
)
# Scale words after digits; the one-letter ones only after a currency sign (HK$3m, US$2b).
_SCALE_WORDS = {"bn": 10**9, "mn": 10**6, "tn": 10**12, "trn": 10**12, **MULTIPLIER_WORDS}
_CURRENCY_SCALES = {"m": 10**6, "b": 10**9, "k": 10**3}
_CURRENCY = "$£€¥"


@dataclass(frozen=True)
class Mention:
    """A number in the translation: as written, what it may read as, whether it is written
    in digits or `counted` in words (`three`, `fourteenth`: an extra number is reported only
    then), and whether it is part of a name (G20, the Big Four)."""

    text: str
    readings: frozenset[Reading]
    digits: bool
    name: bool = False
    counted: bool = False


class _Token(NamedTuple):
    kind: str  # num, word, sign
    text: str
    start: int
    end: int
    word: str  # a word in lower case, else ""


def _tokens(text: str) -> list[_Token]:
    return [
        _Token(kind, m.group(), m.start(), m.end(), m.group().lower() if kind == "word" else "")
        for m in _TOKEN.finditer(text)
        for kind in (m.lastgroup or "sign",)
    ]


# Words that may start a number (`fold` words aside): others are skipped at once.
_STARTS = frozenset({*SMALL_WORDS, *LONE_WORDS, *MONTH_WORDS})


def _word_at(tokens: list[_Token], at: int) -> str:
    return tokens[at].word if at < len(tokens) else ""


def _half_after(tokens: list[_Token], at: int) -> int | None:
    """Where `and a half` ends when it starts within three words of `at`, else None."""
    for start in range(at, min(at + 4, len(tokens))):
        if tokens[start].word == "and" and [_word_at(tokens, start + k) for k in (1, 2)] == [
            "a",
            "half",
        ]:
            return start + 3
    return None


def _word_number(tokens: list[_Token], at: int) -> tuple[Decimal, int] | None:
    """The value of an English number phrase starting at `at` (`two hundred and five`,
    `twenty-fifth`, `a million`) and where it ends; None when none starts there."""
    total, current, end, seen = 0, 0, at, False
    last = ""
    if _word_at(tokens, at) in ("a", "an", "one") and (
        _word_at(tokens, at + 1) in MULTIPLIER_WORDS
    ):
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
            and _word_at(tokens, end + 1) in SMALL_WORDS
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


def _currency_code(text: str, start: int) -> bool:
    """An amount with a currency code before it: MOP500, RMB 3m, EUR500."""
    match = _CODE_BEFORE.search(text[max(0, start - 5) : start])
    return bool(match) and match.group(1) in _CURRENCY_CODES


def _is_name(text: str, start: int) -> bool:
    """A number that is part of a name such as COVID-19 or G20, not an amount (MOP500)."""
    return bool(re.search(r"[A-Za-z]-?$", text[max(0, start - 2) : start])) and not _currency_code(
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
_DOTTED_TIME = re.compile(r"\b(\d{1,2})\.([0-5]\d)(?=\s*(?:a\.m\.|p\.m\.|am\b|pm\b))")
_PM = re.compile(r"(?::\d\d)?\s*(?:p\.m\.?|pm\b)")
_AM = re.compile(r"(?::\d\d)?\s*(?:a\.m\.?|am\b)")
_BELOW_ZERO = re.compile(r"\s*(?:°c|℃|degrees?(?: celsius)?)?\s*below (?:zero|freezing)")


def _in_every(word: str, numbers: set[Decimal]) -> int:
    """The whole of `3 in 10`, `one out of four` (10, 4), when every number is a share of it."""
    whole = int(word) if word.isdigit() else SMALL_WORDS.get(word, 0)
    if word in ORDINAL_WORDS or not 2 <= whole <= 100 or not numbers:
        return 0
    return whole if all(n < whole and n % 1 == 0 for n in numbers) else 0


def _qualified(
    text: str, tokens: list[_Token], at: int, end: int, readings: set[Reading]
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


def _digits(text: str, tokens: list[_Token], at: int) -> tuple[Mention, int]:
    token = tokens[at]
    number = value(token.text) or Decimal(0)
    end = at + 1
    readings: set[Reading] = {number}
    following = _word_at(tokens, end)
    currency = text[max(0, token.start - 1) : token.start] in tuple(_CURRENCY) or _currency_code(
        text, token.start
    )
    size = _SCALE_WORDS.get(following) or (_CURRENCY_SCALES.get(following) if currency else None)
    if size and not following.endswith("th"):
        readings, end = {number * size}, end + 1
    elif following in NOUN_MULTIPLIERS:
        readings.add(number * NOUN_MULTIPLIERS[following])
    previous = tokens[at - 2] if at >= 2 else None
    if (
        previous is not None
        and previous.kind == "num"
        and len(previous.text) == 4
        and tokens[at - 1].text in "-–/"
        and len(token.text) == 2
    ):
        readings.add(Decimal(previous.text[:2] + token.text))  # 2024-25
    half = _half_after(tokens, end)
    if half is not None:
        readings.add(number + Decimal("0.5"))
    readings, end = _qualified(text, tokens, at, end, readings)
    written = text[token.start : tokens[end - 1].end]
    name = _is_name(text, token.start)
    return Mention(written, frozenset(readings), True, name), end


def _words(text: str, tokens: list[_Token], at: int) -> tuple[Mention | None, int]:
    word = tokens[at].word
    raw = tokens[at].text
    found = _word_number(tokens, at)
    if found is not None:
        number, end = found
        readings: set[Reading] = {number}
    elif word.endswith("fold") and word[:-4] in SMALL_WORDS:
        return Mention(raw, frozenset({Decimal(SMALL_WORDS[word[:-4]])}), False), at + 1
    elif word in MONTH_WORDS and (raw[0].isupper() and (raw.isalpha())) and word != "a":
        return Mention(raw, frozenset({month(Decimal(MONTH_WORDS[word]))}), False), at + 1
    elif word == "clock" and (at == 0 or tokens[at - 1].word != "the"):
        return None, at + 1  # only round the clock: 24 hours
    elif word in LONE_WORDS:
        number, end, readings = LONE_WORDS[word], at + 1, {LONE_WORDS[word]}
        if word == "half" and _word_at(tokens, end) in ("a", "an"):
            size = MULTIPLIER_WORDS.get(_word_at(tokens, end + 1))
            if size:
                return Mention(raw, frozenset({number * size}), False), end + 2
    else:
        return None, at + 1
    following = _word_at(tokens, end)
    if following in NOUN_MULTIPLIERS:
        readings.add(number * NOUN_MULTIPLIERS[following])
        end += 1
    hyphen = end < len(tokens) and tokens[end].text in "-‐"
    fraction = _word_at(tokens, end + 1) if hyphen else following
    if fraction in FRACTION_WORDS:
        readings.add(rounded(number / FRACTION_WORDS[fraction]))
        if word not in ("a", "an") or fraction in ("half", "quarter"):  # a third term
            end += 2 if hyphen else 1
    half = _half_after(tokens, end)
    if half is not None:
        readings.add(number + Decimal("0.5"))
        end = half
        size = MULTIPLIER_WORDS.get(_word_at(tokens, half))
        if size:
            readings.add((number + Decimal("0.5")) * size)
            end += 1
    readings, end = _qualified(text, tokens, at, end, readings)
    written = text[tokens[at].start : tokens[end - 1].end]
    counted = found is not None and _counted(text, tokens, at, number)
    name = counted and _titled(text, tokens[at])
    return Mention(written, frozenset(readings), False, name, counted), end


# Words before a count that make it a way of speaking: `the two sides` (雙方, 中美).
_SPOKEN_BEFORE = re.compile(r"(?:\b(?:the|these|those|all|its|their|our|both)\s+)$", re.I)


def _counted(text: str, tokens: list[_Token], at: int, number: Decimal) -> bool:
    """A count in words that a translation adds only when the source has it: `three`,
    `fourteenth`; not one (`one of`, `no one`), first or second (`at first`, 30 seconds)."""
    word = tokens[at].word
    if word not in SMALL_WORDS or word in ("first", "second") or number < 2:
        return False
    if word in ORDINAL_WORDS and _word_at(tokens, at - 1) in ("a", "an") and at:
        return False  # a third: a share, or another (a third term)
    return not (
        number == 2 and _SPOKEN_BEFORE.search(text[max(0, tokens[at].start - 8) : tokens[at].start])
    )


def _titled(text: str, token: _Token) -> bool:
    """A capitalized number word inside a sentence, part of a name: the Big Four, Group of Seven."""
    if not token.text[:1].isupper():
        return False
    before = text[: token.start].rstrip(" \"'“‘(")
    return bool(before) and before[-1] not in ".!?:;"


def mentions(target: str) -> list[Mention]:
    """Every number the translation writes, in order."""
    text = _DOTTED_TIME.sub(r"\1:\2", target.translate(FULL_WIDTH))  # 10.10 a.m.: 10:10
    tokens = _tokens(text)
    found: list[Mention] = []
    at = 0
    while at < len(tokens):
        kind = tokens[at].kind
        if kind == "num":
            mention, at = _digits(text, tokens, at)
            found.append(mention)
        elif kind == "word" and (tokens[at].word in _STARTS or tokens[at].word.endswith("fold")):
            mention, at = _words(text, tokens, at)
            if mention is not None:
                found.append(mention)
        else:
            at += 1
    return found
