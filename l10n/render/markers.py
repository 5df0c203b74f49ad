"""Status markers shared by the text-based renderers."""

from ..edition import Pair, Status

UNTRANSLATED = "[untranslated]"
UNREVIEWED = "[unreviewed]"


def marked_target(pair: Pair) -> str:
    """The target side of a pair in text form: the source, marked, when untranslated."""
    if pair.status is Status.UNTRANSLATED:
        return f"{UNTRANSLATED} {pair.source}"
    if pair.status is Status.UNREVIEWED:
        return f"{pair.target} {UNREVIEWED}"
    return pair.target


def join_source(pairs) -> str:
    return "".join(pair.source for pair in pairs)


def join_target(pairs) -> str:
    return " ".join(marked_target(pair) for pair in pairs)
