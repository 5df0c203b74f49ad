"""The numbers an English translation writes, in digits or in words, with what each may read as:
`HK$106.3 billion` → 106300000000, `an hour and a half` → 1 or 1.5, `March` → month 3.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from .english import (
    DOTTED_TIME,
    Reading,
    Token,
    currency_code,
    half_after,
    is_name,
    order_phrase,
    qualified,
    tokenize,
    word_at,
    word_number,
)
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

    @property
    def article(self) -> bool:
        return self.text.lower() in ("a", "an")


# Words that may start a number (`fold` words aside): others are skipped at once.
_STARTS = frozenset({*SMALL_WORDS, *LONE_WORDS, *MONTH_WORDS})


# Words that mark a year as the Republic of China's (ROC 113, Minguo 113).
_ROC_BEFORE = re.compile(r"\b(?:ROC|R\.O\.C\.|Minguo|Republic(?: of China)?)(?: year)?\s*$")
_YEARS_AFTER = re.compile(r"(?:-|\s+)years?\b", re.I)


def _digits(text: str, tokens: list[Token], at: int) -> tuple[Mention, int]:
    token = tokens[at]
    number = value(token.text) or Decimal(0)
    end = at + 1
    readings: set[Reading] = {number}
    following = word_at(tokens, end)
    currency = text[max(0, token.start - 1) : token.start] in tuple(_CURRENCY) or currency_code(
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
    half = half_after(tokens, end)
    if half is not None:
        readings.add(number + Decimal("0.5"))
    if _ROC_BEFORE.search(text[max(0, token.start - 30) : token.start]) or re.match(
        r"-[A-Za-z]", text[token.end : token.end + 2]
    ):
        readings.add(tag("roc:", number))  # ROC 113, a case number 113-Su-1523
    if _YEARS_AFTER.match(text, token.end):
        readings.add(tag("years:", number))  # 120 years, a 120-year history
    readings, end = qualified(text, tokens, at, end, readings)
    written = text[token.start : tokens[end - 1].end]
    name = is_name(text, token.start)
    return Mention(written, frozenset(readings), True, name), end


def _words(text: str, tokens: list[Token], at: int) -> tuple[Mention | None, int]:
    word = tokens[at].word
    raw = tokens[at].text
    found = word_number(tokens, at)
    multiplying = False
    if found is not None:
        number, end = found
        readings: set[Reading] = {number}
    elif word.endswith("fold") and word[:-4] in SMALL_WORDS:
        return Mention(raw, frozenset({Decimal(SMALL_WORDS[word[:-4]])}), False), at + 1
    elif word in MONTH_WORDS and (raw[0].isupper() and (raw.isalpha())) and word != "a":
        readings = frozenset({month(Decimal(MONTH_WORDS[word]))})
        return Mention(raw, readings, False, counted=True), at + 1
    elif word == "clock" and _words_before(tokens, at, 2) not in (
        ["round", "the"],
        ["around", "the"],
    ):
        return None, at + 1  # only round the clock, round-the-clock: 24 hours
    elif word in LONE_WORDS:
        number, end, readings = LONE_WORDS[word], at + 1, {LONE_WORDS[word]}
        multiplying = word in _MULTIPLYING
        if word == "half" and word_at(tokens, end) in ("a", "an"):
            size = MULTIPLIER_WORDS.get(word_at(tokens, end + 1))
            if size:
                return Mention(raw, frozenset({number * size}), False), end + 2
    else:
        return None, at + 1
    following = word_at(tokens, end)
    if following in NOUN_MULTIPLIERS:
        readings.add(number * NOUN_MULTIPLIERS[following])
        end += 1
    hyphen = end < len(tokens) and tokens[end].text in "-‐"
    fraction = word_at(tokens, end + 1) if hyphen else following
    share = False
    if fraction in FRACTION_WORDS:
        ratio = rounded(number / FRACTION_WORDS[fraction])
        readings.add(ratio)
        after = word_at(tokens, end + (2 if hyphen else 1))
        share = (  # not the first three quarters of the year
            after == "of"
            and fraction not in ("half", "halves")
            and word not in ORDINAL_WORDS
            and word_at(tokens, at - 1) not in _PERIOD_BEFORE
            and word_at(tokens, end + (3 if hyphen else 2)) not in ("a", "an")
        )
        if word not in ("a", "an") or fraction in ("half", "quarter") or share:  # a third term
            end += 2 if hyphen else 1
        if share:  # a third of them, two-thirds of: the share alone
            readings = {ratio}
    half = half_after(tokens, end)
    if half is not None:
        readings.add(number + Decimal("0.5"))
        end = half
        size = MULTIPLIER_WORDS.get(word_at(tokens, half))
        if size:
            readings.add((number + Decimal("0.5")) * size)
            end += 1
    readings, end = qualified(text, tokens, at, end, readings)
    written = text[tokens[at].start : tokens[end - 1].end]
    if word in ORDINAL_WORDS and word_at(tokens, end) in _PLACES:
        readings = {tag("rank:", number)}  # first place: a rank, not a count
    counted = (found is not None and _counted(text, tokens, at, number)) or share or multiplying
    name = counted and _titled(text, tokens[at])
    return Mention(written, frozenset(readings), False, name, counted), end


# Words before a count that make it a way of speaking: `the two sides` (雙方, 中美), when
# the parties named follow.
_SPOKEN_BEFORE = re.compile(r"(?:\b(?:the|these|those|all|its|their|our|both)\s+)$", re.I)
_PARTIES = frozenset(
    "sides countries nations leaders governments parties presidents premiers ministers mayors "
    "economies powers regions cities places territories companies firms banks teams militaries "
    "armies forces men women candidates players governments".split()
)
_AFTER_PARTIES = frozenset(
    "met said agreed held signed spoke will would have had are were also both of and in at on "
    "to later then".split()
)
# Multiplying words a translation adds only when the source has the multiple: twice, tripled.
_MULTIPLYING = frozenset(
    "twice double doubled doubling doubles thrice triple tripled tripling triples treble "
    "trebled quadruple quadrupled quadrupling".split()
)
# Words before `three quarters` that make them periods: the first three quarters.
_PERIOD_BEFORE = ORDINAL_WORDS | {"last", "past", "next", "previous", "latest", "final"}
# A rank in a contest, which even `first` counts: first place, second prize.
_PLACES = frozenset("place prize runner position spot".split())
# What `second` ranks when it counts: the second quarter, the second round (not 30 seconds).
_RANKED = frozenset(
    "quarter round phase stage leg wave batch session semester reading tier set game "
    "match innings".split()
)


def _parties(tokens: list[Token], at: int) -> bool:
    """After `the two`: the parties named before (sides, leaders), or a verb (`the two met`),
    so `two` is a way of speaking; not `the two suspects`."""
    word = word_at(tokens, at)
    return word in _PARTIES or word in _AFTER_PARTIES or word.endswith("ed") or not word


def _words_before(tokens: list[Token], at: int, count: int) -> list[str]:
    """The `count` words before `at`, hyphens skipped: round-the-clock → [round, the]."""
    words = [t.word for t in tokens[max(0, at - 2 * count) : at] if t.word]
    return words[-count:]


def _counted(text: str, tokens: list[Token], at: int, number: Decimal) -> bool:
    """A count in words that a translation adds only when the source has it: `three`,
    `fourteenth`; not one (`one of`, `no one`), first or second (`at first`, 30 seconds)
    unless they rank (first place, the second round)."""
    word = tokens[at].word
    following = word_at(tokens, at + 2 if word_at(tokens, at + 1) == "" else at + 1)
    if word in ORDINAL_WORDS and word_at(tokens, at - 1) in ("a", "an") and at:
        return False  # a third: a share, or another (a third term)
    if word in ("first", "second"):
        return following in _PLACES or (word == "second" and following in _RANKED)
    if word not in SMALL_WORDS or number < 2:
        return False
    spoken = _SPOKEN_BEFORE.search(text[max(0, tokens[at].start - 8) : tokens[at].start])
    return not (number == 2 and spoken and _parties(tokens, at + 1))


def _titled(text: str, token: Token) -> bool:
    """A capitalized number word inside a sentence, part of a name: the Big Four, Group of Seven."""
    if not token.text[:1].isupper():
        return False
    before = text[: token.start].rstrip(" \"'“‘(")
    return bool(before) and before[-1] not in ".!?:;"


# Units of a duration written `year-long`: one of them (為期一年).
_LONG = frozenset("hour day night week month season year".split())


def _phrase(text: str, tokens: list[Token], at: int) -> tuple[Mention, int] | None:
    """A number said by a phrase, and where it ends: `every other` (day) is every two, a
    `year-long` one year, `tens of thousands` an order of magnitude."""
    word, following = tokens[at].word, word_at(tokens, at + 1)
    if found := order_phrase(tokens, at):
        size, end = found
        written = text[tokens[at].start : tokens[end - 1].end]
        return Mention(written, frozenset({tag("order:", size)}), False, counted=True), end
    if word in ("runner", "runners") and following == "" and word_at(tokens, at + 2) == "up":
        written = text[tokens[at].start : tokens[at + 2].end]  # runner-up: second place
        return Mention(written, frozenset({tag("rank:", Decimal(2))}), False), at + 3
    if word == "every" and following == "other":
        number, end = 2, at + 2
    elif word in _LONG and following == "" and word_at(tokens, at + 2) == "long":
        number, end = 1, at + 3
    else:
        return None
    written = text[tokens[at].start : tokens[end - 1].end]
    return Mention(written, frozenset({Decimal(number)}), False), end


def mentions(target: str) -> list[Mention]:
    """Every number the translation writes, in order."""
    text = DOTTED_TIME.sub(r"\1:\2", target.translate(FULL_WIDTH))  # 10.10 a.m.: 10:10
    tokens = tokenize(text)
    found: list[Mention] = []
    at = 0
    while at < len(tokens):
        kind = tokens[at].kind
        if kind == "num":
            mention, at = _digits(text, tokens, at)
            found.append(mention)
        elif phrase := _phrase(text, tokens, at):
            found.append(phrase[0])
            at = phrase[1]
        elif kind == "word" and (tokens[at].word in _STARTS or tokens[at].word.endswith("fold")):
            mention, at = _words(text, tokens, at)
            if mention is not None:
                found.append(mention)
        else:
            at += 1
    return found
