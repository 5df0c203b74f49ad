"""Consistency across catalogs: one source text reviewed with different translations.

`check_consistency` takes the catalogs a check run reads, as (path, language, catalog)
triples in reading order, and compares the reviewed entries of each target language
across all of them, and across the entries of one catalog. The first reviewed
translation of a source text (its msgid, with its msgctxt if it has one) is the
reference; each later reviewed entry whose translation differs from it is one
`inconsistent` finding, on that entry, naming the first.

Translations are compared as written, surrounding whitespace aside: case, punctuation
and inner spacing count. Languages are never compared with each other. Entries that are
not reviewed (machine output, translation-memory matches, fuzzy, untranslated, obsolete)
and whitespace-only translations (reported as `blank`) take no part; nor does an entry
marked `# l10n-ignore: inconsistent`, so the mark on either of two entries silences the pair.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

import polib

from ..catalog.ignores import ignored
from ..catalog.status import EntryStatus, status
from ..catalog.template import segment_id
from .findings import Finding, Severity

INCONSISTENT = "inconsistent"
EXCERPT = 60  # characters of each translation a message shows, around the first difference

_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


class Place(NamedTuple):
    path: str
    line: int
    translation: str  # surrounding whitespace removed


class Reviewed(NamedTuple):
    """A reviewed entry, as far as consistency needs it."""

    language: str
    context: str | None
    source: str
    place: Place
    segment: str


def _key(entry: polib.POEntry) -> tuple[str | None, str]:
    return (entry.msgctxt, entry.msgid)


def reviewed_entries(path: str, language: str, catalog: polib.POFile) -> list[Reviewed]:
    """The entries of one catalog that take part in the comparison, in order."""
    found = []
    for entry in catalog:
        if not entry.msgid or status(entry) is not EntryStatus.REVIEWED:
            continue
        translation = entry.msgstr.strip()
        if not translation or INCONSISTENT in ignored(entry):
            continue
        place = Place(path, entry.linenum, translation)
        found.append(Reviewed(language, *_key(entry), place, segment_id(entry)))
    return found


class Consistency:
    """The comparison, fed catalog by catalog (each in its order): the first reviewed
    translation of a text per language is the reference; each differing one a finding.
    Holds one reference per distinct text, not the catalogs."""

    def __init__(self) -> None:
        self._first: dict[tuple[str, str | None, str], Place] = {}

    def findings(self, entries: Iterable[Reviewed]) -> list[Finding]:
        found = []
        for entry in entries:
            key = (entry.language, entry.context, entry.source)
            there = self._first.setdefault(key, entry.place)
            if there.translation != entry.place.translation:
                found.append(
                    Finding(
                        INCONSISTENT,
                        Severity.WARNING,
                        entry.place.path,
                        _message(entry.place, there),
                        entry.place.line,
                        entry.segment,
                    )
                )
        return found


def check_consistency(catalogs: Iterable[tuple[str, str, polib.POFile]]) -> list[Finding]:
    """`inconsistent` findings for (path, language, catalog) triples, in the order given."""
    return Consistency().findings(
        entry
        for path, language, catalog in catalogs
        for entry in reviewed_entries(path, language, catalog)
    )


def _message(here: Place, there: Place) -> str:
    ours, theirs = _excerpts(here.translation, there.translation)
    return f"reviewed as {ours} here but as {theirs} in {there.path}:{there.line}"


def _excerpts(ours: str, theirs: str) -> tuple[str, str]:
    """Both translations quoted; long ones cut to a window of EXCERPT characters that starts
    a little before the first character where they differ (earlier when the difference is
    near the end), so that the message shows the difference."""
    if len(ours) <= EXCERPT and len(theirs) <= EXCERPT:
        return _quote(ours), _quote(theirs)
    shorter = min(len(ours), len(theirs))
    differ = next((n for n in range(shorter) if ours[n] != theirs[n]), shorter)
    start = max(0, min(differ - EXCERPT // 3, max(len(ours), len(theirs)) - EXCERPT))
    return _quote(_window(ours, start)), _quote(_window(theirs, start))


def _window(text: str, start: int) -> str:
    end = start + EXCERPT
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")


def _quote(text: str) -> str:
    """Text in double quotes, with quotes, backslashes and invisible characters (controls,
    bidi formatting) escaped: a message never carries them."""
    return '"' + "".join(_escape(ch) for ch in text) + '"'


def _escape(ch: str) -> str:
    if ch in _ESCAPES:
        return _ESCAPES[ch]
    if ch.isprintable():
        return ch
    return f"\\u{ord(ch):04x}" if ord(ch) <= 0xFFFF else f"\\U{ord(ch):08x}"
