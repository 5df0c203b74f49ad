"""Numbers in a zh→en pair: which source numbers a translation must keep, which it may add.

Each number of the source (`quantities`) is paired with at most one number of the
translation (`mentions`) that reads as it does — `1,063億` with `106.3 billion`,
`114年` with `2025`, `6` with `six` — as a maximum matching, so a number the source
states twice must be written twice. A number the translation writes in digits is extra
when nothing in the source reads as it does.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from .mentions import Mention, mentions
from .quantities import Quantity, quantities


@dataclass(frozen=True)
class Comparison:
    """The source's required numbers, those the translation lacks, and its extra ones."""

    stated: tuple[Quantity, ...]
    missing: tuple[Quantity, ...]
    extra: tuple[Mention, ...]


def _close(value: Decimal, near: frozenset[Decimal]) -> bool:
    """A converted value as a translation rounds it: within half a per cent."""
    return any(abs(value - n) <= n / 200 for n in near)


def reads_as(quantity: Quantity, mention: Mention) -> bool:
    """Whether a number of the translation may stand for the source's number."""
    if mention.article and not quantity.article:
        return False
    if quantity.accepted & mention.readings:
        return True
    return bool(quantity.near) and any(
        _close(r, quantity.near) for r in mention.readings if isinstance(r, Decimal)
    )


def _matching(required: list[Quantity], found: list[Mention]) -> dict[int, int]:
    """A maximum matching, mention index → quantity index (augmenting paths); a quantity
    takes a mention of its own kind first (a month name, a percentage), then digits, then
    counts in words, then words such as `a`, so that the number left over is the one a
    reader would call extra."""

    def rank(quantity: Quantity, m: int) -> tuple[bool, bool, bool]:
        marked = any(isinstance(r, str) for r in quantity.accepted & found[m].readings)
        return (not marked, not found[m].digits, not found[m].counted)

    edges = [
        sorted(
            (m for m, mention in enumerate(found) if reads_as(quantity, mention)),
            key=lambda m, q=quantity: rank(q, m),
        )
        for quantity in required
    ]
    owner: dict[int, int] = {}

    def assign(q: int, seen: set[int]) -> bool:
        for m in edges[q]:
            if m not in seen:
                seen.add(m)
                if m not in owner or assign(owner[m], seen):
                    owner[m] = q
                    return True
        return False

    for q in range(len(required)):
        assign(q, set())
    return owner


def _months(readings: frozenset) -> bool:
    return all(isinstance(r, str) and r.startswith("month:") for r in readings)


def _allowed(
    mention: Mention, free: list[Quantity], loose: list[Quantity], stated: list[Quantity]
) -> bool:
    """Whether a number of the translation that stands for no required one may still be
    there: a required number's other reading, or a number the source only allows (雙方:
    two). A month name only counts when the source names months; a share in per cent
    (6%) only when a number the source allows is a share too (半: 50%)."""
    if _months(mention.readings) and not any(
        _months(frozenset({r})) for q in stated for r in q.accepted
    ):
        return True
    if any(reads_as(q, mention) for q in free):
        return True
    percent = {r for r in mention.readings if isinstance(r, str) and r.startswith("%")}
    readings = percent or mention.readings
    return any(q.accepted & readings or (not percent and reads_as(q, mention)) for q in loose)


def compare(source: str, target: str, script: str = "") -> Comparison:
    """The source's numbers against the translation's; `script` is the source's
    language tag when known (zh-Hant: a bare `114年` is an ROC year)."""
    stated = quantities(source, script)
    required = [q for q in stated if q.required]
    found = mentions(target)
    owner = _matching(required, found)
    kept = set(owner.values())
    # A number the translation writes once more than the source is extra (5 to 11 for
    # 11月5日至10日): what is left to allow it is the source's numbers not yet written.
    free = [q for n, q in enumerate(required) if n not in kept]
    loose = [q for q in stated if not q.required]
    extra = tuple(
        mention
        for m, mention in enumerate(found)
        if m not in owner and (mention.digits or mention.counted) and not mention.name
        if not _allowed(mention, free, loose, stated)
        if not (m - 1 in owner and reads_as(required[owner[m - 1]], mention))  # 2024-25
    )
    missing = tuple(q for n, q in enumerate(required) if n not in kept)
    return Comparison(tuple(required), missing, extra)


def _times(count: int) -> str:
    return f" ({count} times)" if count > 1 else ""


def _once(count: int) -> str:
    return "once" if count == 1 else f"{count} times"


def _where(quantities: list[Quantity]) -> str:
    """Where a number stands when its occurrences differ: ` (in 1人 and 8月1日 = August 1)`."""
    places = list(dict.fromkeys(q.context for q in quantities if q.context))
    return f" (in {', '.join(places[:-1])} and {places[-1]})" if len(places) > 1 else ""


def missing_messages(comparison: Comparison) -> list[str]:
    """One message per distinct missing number, in the reader's terms."""
    stated: dict[str, list[Quantity]] = {}
    for quantity in comparison.stated:
        stated.setdefault(quantity.label, []).append(quantity)
    messages = []
    for quantity, count in Counter(comparison.missing).items():
        times = len(stated[quantity.label])
        if count < times:
            where = (
                f"number {quantity.label} is in the source {_once(times)}, "
                f"in the translation {_once(times - count)}"
            )
            if not quantity.plain:
                where += f": {quantity.label} = {quantity.meaning}"
            messages.append(where + _where(stated[quantity.label]))
        elif quantity.plain:
            messages.append(
                f"number {quantity.label} of the source is missing from the translation"
                f"{_times(count)}"
            )
        else:
            messages.append(
                f"{quantity.label} = {quantity.meaning}: expected "
                f"{' or '.join(quantity.expected)} in the translation{_times(count)}"
            )
    return messages


_CLOCK = re.compile(r"\d\s*(?:[ap]\.m\.|[ap]m\b)|\b(?:noon|midnight)\b", re.I)


def _kind(text: str, readings: frozenset) -> str:
    return "time" if _CLOCK.search(text) else "month" if _months(readings) else "number"


def extra_messages(comparison: Comparison) -> list[str]:
    """One message per distinct extra number, with the source's unmatched ones."""
    hint = ", ".join(
        dict.fromkeys(
            q.label if q.plain else f"{q.label} = {q.meaning}" for q in comparison.missing
        )
    )
    return [
        f"{_kind(text, readings)} {text} is in the translation"
        f"{_times(count)} but not in the source" + (f" (the source has {hint})" if hint else "")
        for (text, readings), count in Counter(
            (m.text, m.readings) for m in comparison.extra
        ).items()
    ]
