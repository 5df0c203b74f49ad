"""Keeping the translation memory's index up to date with its sources of truth.

The truth is every reviewed entry of the project's catalogs in its languages
(`<locales>/<lang>/LC_MESSAGES/*.po`) and the TMX files the `tm` setting names.
An entry that is a copy of a memory unit (it carries a `tm:` provenance line,
reviewed or not) is not a unit of its own: the original is.
Each file's digest is kept: only files that changed are read again, and files
that are gone are forgotten; every file is read again when the settings its units
depend on changed (`shaping`). Deleting the index and updating gives the same units.
"""

from __future__ import annotations

import json
import os
import re
import time
from dataclasses import dataclass, replace
from pathlib import Path

import polib

from ..catalog import EntryStatus, read_catalog, status
from ..catalog.header import source_language_of
from ..catalog.joins import joined_sources
from ..catalog.status import TM, provenance_kind, provenance_lines
from ..errors import CatalogError, TMError
from ..files import decode_utf8
from ..fingerprints import digest_bytes
from ..project import matching, relative
from ..settings import Settings
from ..stamps import settled, stamp_of
from .keys import context_key
from .store import Store, Unit

INDEX = Path(".l10n") / "tm.sqlite"


def index_path(settings: Settings) -> Path:
    return settings.root / INDEX


def truth_files(settings: Settings) -> list[str]:
    """The catalogs and TMX files the memory is built from, in a stable order (as strings:
    a corpus has tens of thousands)."""
    locales = os.path.join(settings.root, settings.locales)
    catalogs = []
    for language in settings.languages:
        folder = os.path.join(locales, language, "LC_MESSAGES")
        try:
            with os.scandir(folder) as entries:
                catalogs += [
                    e.path
                    for e in entries
                    if e.name.endswith(".po") and not e.name.startswith(".") and e.is_file()
                ]
        except (FileNotFoundError, NotADirectoryError):
            continue
    tmx = matching(settings, settings.tm)
    return [*sorted(catalogs), *(os.fspath(p) for p in tmx if p.is_file())]


def neighbour_keys(catalog: polib.POFile) -> dict[str, str]:
    """Each live source text of a catalog → the key of the texts before and after it."""
    live = [entry.msgid for entry in catalog if entry.msgid and not entry.obsolete]
    return {
        text: context_key(live[i - 1] if i else "", live[i + 1] if i + 1 < len(live) else "")
        for i, text in enumerate(live)
    }


# A msgstr with text: on its line, or on the lines after `msgstr ""` (obsolete ones are `#~`).
_TRANSLATED = re.compile(rb'^msgstr(?:\[\d+\])? (?:"[^"\n]|""\r?\n")', re.M)
_HEADER = re.compile(rb'^msgid ""\r?\nmsgstr ""\r?\n"', re.M)


def without_translations(data: bytes) -> bool:
    """Whether a catalog's bytes plainly hold no translation but its header's (most of a
    newly extracted corpus): then it has no units, and parsing it can be skipped."""
    found = len(_TRANSLATED.findall(data))
    return found == 0 or (found == 1 and _HEADER.search(data) is not None)


def units_of(path: Path, data: bytes, settings: Settings) -> list[Unit]:
    """The reviewed pairs a catalog or TMX file holds."""
    label = relative(path, settings.root)
    if path.suffix.lower() == ".tmx":
        from .tmx import read_tmx  # XML, and only for the memory's TMX files

        return [
            replace(unit, target_language=_configured(unit.target_language, settings))
            for unit in read_tmx(data, label, settings.source_language)
        ]
    if without_translations(data):
        return []
    catalog = read_catalog(
        decode_utf8(data, label, CatalogError, bom=True), label, duplicates_ok=True
    )
    source_language = source_language_of(catalog.metadata, settings.source_language)
    target_language = path.parent.parent.name  # the folder of a configured language
    neighbours = neighbour_keys(catalog)
    covered = joined_sources(list(catalog))  # segments translated together: one unit
    return [
        Unit(
            covered.get(entry.msgid, entry.msgid),
            entry.msgstr,
            source_language,
            target_language,
            label,
            entry.linenum,
            neighbours[entry.msgid],
        )
        for entry in catalog
        if entry.msgid
        and status(entry) is EntryStatus.REVIEWED
        and not any(provenance_kind(line) == TM for line in provenance_lines(entry))
    ]


def shaping(settings: Settings) -> str:
    """The settings the units of a file depend on besides its bytes: the project's languages
    (a TMX's en-US is its en) and the primary tag of its source language (what tells a TMX
    file's sources: `tmx.same_language`, by which zh-Hant and zh-Hans are one)."""
    source = settings.source_language.lower().replace("_", "-").split("-")[0]
    return json.dumps([list(settings.languages), source])


def _configured(language: str, settings: Settings) -> str:
    """A TMX language tag as the project names it (`en-US` serves `en`)."""
    from .tmx import same_language

    return next((ours for ours in settings.languages if same_language(language, ours)), language)


@dataclass(frozen=True)
class Updated:
    read: tuple[str, ...]  # files read again (new or changed)
    forgotten: tuple[str, ...]  # files gone since the last update


def update(store: Store, settings: Settings) -> Updated:
    """Bring the index up to date with the truth files; returns what it read and forgot.
    A file whose size and times (`stamps.stamp_of`) are as when it was last read is not read
    again (unless it was read too soon after its last change: `stamps.settled`, or with
    other settings)."""
    known = store.stamps()
    shaped = shaping(settings)
    again = store.settings() != shaped  # every file's units read again
    seen, read = set(), []
    for path in truth_files(settings):
        label = relative(path, settings.root)
        seen.add(label)
        try:
            stat = os.stat(path)
            was = None if again else known.get(label)
            found = stamp_of(stat)
            if was and found == was[1:4] and settled(max(was[2], was[3]), was[4]):
                continue
            now = time.time_ns()
            with open(path, "rb") as handle:
                data = handle.read()
        except OSError as err:
            raise TMError(f"{label}: cannot read: {err.strerror}") from err
        digest = digest_bytes(data)
        stamp = (*found, now)
        if was and was[0] == digest:
            store.stamp(label, *stamp)
            continue
        store.replace_file(label, digest, units_of(Path(path), data, settings), stamp)
        read.append(label)
    gone = sorted(set(known) - seen)
    for label in gone:
        store.forget_file(label)
    if again:
        store.read_with(shaped)
    return Updated(tuple(read), tuple(gone))
