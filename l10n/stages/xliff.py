"""`l10n xliff export` and `l10n xliff import`: catalogs to CAT tools and back.

Export writes every catalog of the sources (or of one language) as one XLIFF 1.2
document, with the translation memory's best matches for the entries still to
review when the memory is among the providers. Import puts the translators' work
back, under the catalogs' lock, all catalogs at once; units whose source changed
since the export are refused one by one, and the command then exits 1.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import polib

from ..catalog.header import source_language_of
from ..catalog.status import EntryStatus, status
from ..errors import FINDINGS, XliffError
from ..files import atomic_write, read_input
from ..project import (
    CatalogPlan,
    catalogs,
    discover,
    lock,
    read_on_disk,
    relative,
    write_catalogs,
)
from ..settings import Settings, require_language
from ..tm.database import open_store
from ..tm.index import index_path, update
from ..tm.match import lookup
from ..xliff.apply import apply_units
from ..xliff.read import read_xliff
from ..xliff.write import Proposal, XliffFile, write_xliff
from . import StageOptions

PROPOSALS = 3  # memory matches offered per entry


@dataclass(frozen=True)
class ExportOptions(StageOptions):
    language: str | None = None
    out: Path | None = None  # None: the document is the result's data


@dataclass(frozen=True)
class XliffResult:
    lines: tuple[str, ...]
    data: bytes = b""
    warnings: tuple[str, ...] = ()
    exit_code: int = 0


def _proposals(
    settings: Settings, catalog: polib.POFile, language: str
) -> dict[str, list[Proposal]]:
    if "tm" not in [provider.split(":")[0] for provider in settings.providers]:
        return {}
    found = {}
    with open_store(index_path(settings)) as store:
        update(store, settings)
        for entry in catalog:
            if entry.obsolete or not entry.msgid or status(entry) is EntryStatus.REVIEWED:
                continue
            matches = lookup(
                store, entry.msgid, language, threshold=settings.tm_threshold, limit=PROPOSALS
            )
            if matches:
                found[entry.msgid] = [
                    Proposal(m.unit.source, m.unit.target, m.score, m.unit.origin) for m in matches
                ]
    return found


def export_xliff(settings: Settings, options: ExportOptions) -> XliffResult:
    if options.language:
        require_language(settings, options.language)
    sources = discover(settings, options.files)
    files = []
    with lock(settings):
        for on_disk in catalogs(sources, settings, required=True):
            if options.language and on_disk.language != options.language:
                continue
            catalog = on_disk.catalog
            files.append(
                XliffFile(
                    relative(on_disk.path, settings.root),
                    source_language_of(catalog.metadata, settings.source_language),
                    on_disk.language,
                    catalog,
                    _proposals(settings, catalog, on_disk.language),
                )
            )
    data = write_xliff(files)
    units = sum(len([e for e in f.catalog if e.msgid]) for f in files)
    summary = f"{len(files)} catalog(s), {units} unit(s)"
    if options.out is None:
        return XliffResult((), data, (summary,))
    atomic_write(options.out, data)
    return XliffResult((f"{options.out}: {summary}",))


def import_xliff(settings: Settings, file: Path) -> XliffResult:
    read = read_xliff(read_input(file, str(file)), str(file))
    wanted = {}
    for part in read:
        path = (settings.root / part.original).resolve()
        wanted.setdefault(path, []).append(part)
    lines, refused, plans = [], [], []
    locales = (settings.root / settings.locales).resolve()
    with lock(settings):
        for path, parts in wanted.items():
            language = path.parent.parent.name
            on_disk = None
            if (
                path.suffix == ".po"
                and path.parent.name == "LC_MESSAGES"
                and path.parent.parent.parent == locales
                and language in settings.languages
            ):
                on_disk = read_on_disk(path, settings.root, language)
            if on_disk is None or on_disk.catalog is None:
                raise XliffError(f"{file}: {parts[0].original} is not a catalog of this project")
            catalog = on_disk.catalog
            updated = reviewed = 0
            for part in parts:
                applied = apply_units(catalog, part)
                updated, reviewed = updated + applied.updated, reviewed + applied.reviewed
                refused += applied.refused
            lines.append(
                f"{relative(path, settings.root)}: {updated} entries updated"
                f" ({reviewed} now reviewed)"
            )
            if updated:
                plans.append(CatalogPlan(catalog, on_disk))
        write_catalogs(plans, settings.root)
    return XliffResult(tuple(lines), warnings=tuple(refused), exit_code=FINDINGS if refused else 0)
