"""Status markers shared by the text-based renderers."""

from collections.abc import Callable, Sequence

from ..document import Markup
from ..edition import Pair, Status
from .inline import plain

UNTRANSLATED = "[untranslated]"
UNREVIEWED = "[unreviewed]"

Shown = Callable[[str, Markup | None], str]  # a segment's text (with placeholders) as shown


def _same(text: str) -> str:
    return text


def _shown(escape: Callable[[str], str], shown: Shown | None) -> Shown:
    return shown or (lambda text, markup: escape(plain(text, markup)))


def marked_target(
    pair: Pair, escape: Callable[[str], str] = _same, shown: Shown | None = None
) -> str:
    """The target side of a pair in text form: the source, marked, when untranslated.
    `shown` renders a text with its placeholders (by default: escaped, without them)."""
    show = _shown(escape, shown)
    if pair.status is Status.UNTRANSLATED:
        return f"{UNTRANSLATED} {show(pair.source, pair.markup)}"
    if pair.status is Status.UNREVIEWED:
        return f"{show(pair.target, pair.markup)} {UNREVIEWED}"
    return show(pair.target, pair.markup)


def join_source(
    pairs: Sequence[Pair], escape: Callable[[str], str] = _same, shown: Shown | None = None
) -> str:
    show = _shown(escape, shown)
    return "".join(show(pair.source, pair.markup) for pair in pairs)


def join_target(
    pairs: Sequence[Pair], escape: Callable[[str], str] = _same, shown: Shown | None = None
) -> str:
    return " ".join(marked_target(pair, escape, shown) for pair in pairs)
