"""Status markers shared by the text-based renderers."""

from collections.abc import Callable, Sequence

from ..edition import Pair, Status
from .inline import plain

UNTRANSLATED = "[untranslated]"
UNREVIEWED = "[unreviewed]"


def _same(text: str) -> str:
    return text


def marked_target(pair: Pair, escape: Callable[[str], str] = _same) -> str:
    """The target side of a pair in text form: the source, marked, when untranslated."""
    source, target = plain(pair.source, pair.markup), plain(pair.target, pair.markup)
    if pair.status is Status.UNTRANSLATED:
        return f"{UNTRANSLATED} {escape(source)}"
    if pair.status is Status.UNREVIEWED:
        return f"{escape(target)} {UNREVIEWED}"
    return escape(target)


def join_source(pairs: Sequence[Pair], escape: Callable[[str], str] = _same) -> str:
    return escape("".join(plain(pair.source, pair.markup) for pair in pairs))


def join_target(pairs: Sequence[Pair], escape: Callable[[str], str] = _same) -> str:
    return " ".join(marked_target(pair, escape) for pair in pairs)
