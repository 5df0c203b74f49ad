"""`l10n extract`: each source's template (POT), and each language's catalog updated from it.

Re-extraction follows msgmerge (`catalog.update`); every input is read before
anything is written, and catalogs are written under the project's lock.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import polib

from ..catalog import build_template, keep_dates_if_unchanged, update
from ..catalog.header import catalog_comment, header_date
from ..document import Document
from ..errors import InputError
from ..project import (
    CatalogPlan,
    Source,
    Written,
    catalog_path,
    discover,
    header,
    load,
    lock,
    read_on_disk,
    relative,
    template_path,
    write_catalogs,
)
from ..settings import Settings
from . import StageOptions


@dataclass(frozen=True)
class ExtractOptions(StageOptions):
    fuzzy_matching: bool = True  # carry translations over to changed sources


@dataclass(frozen=True)
class ExtractResult:
    root: Path  # the project root, for relative paths
    written: tuple[Written, ...]
    sources: int
    segments: int  # extracted segments in all the sources

    def lines(self) -> list[str]:
        return [
            f"{relative(item.path, self.root)}: {'written' if item.changed else 'unchanged'}"
            for item in self.written
        ]


def fresh_template(
    document: Document, settings: Settings, date: str, old: polib.POFile | None
) -> polib.POFile:
    """The template for a document; keeps the old dates when nothing else changed."""
    template = build_template(document, header(settings, document), date)
    keep_dates_if_unchanged(template, old)
    return template


def check_lengths(document: Document, settings: Settings) -> None:
    """An InputError for a segment longer than `max-segment-chars` (a line with no
    sentence end), before it reaches translators or an engine."""
    limit = settings.max_segment_chars
    for _, segment in document.segments():
        if len(segment.text) > limit:
            raise InputError(
                f"{document.name}:{segment.line}: a segment of {len(segment.text):,} characters "
                f"(no sentence end); the limit is [tool.l10n] max-segment-chars = {limit}: "
                "break the line into sentences, or raise the limit"
            )


def plan(
    source: Source, document: Document, settings: Settings, options: ExtractOptions
) -> list[CatalogPlan]:
    """Template and updated catalogs for one source, not yet written."""
    check_lengths(document, settings)
    root = settings.root
    old_template = read_on_disk(template_path(source, settings), root)
    template = fresh_template(document, settings, header_date(options.now), old_template.catalog)
    plans = [CatalogPlan(template, old_template)]
    for language in settings.languages:
        old = read_on_disk(catalog_path(source, settings, language), root, language)
        catalog = update(
            old.catalog,
            template,
            fuzzy_matching=options.fuzzy_matching,
            comment=catalog_comment(language, source.name),
            language=language,
        )
        plans.append(CatalogPlan(catalog, old))
    return plans


def read_sources(settings: Settings, options: ExtractOptions) -> list[tuple[Source, Document]]:
    """The sources named in the options (else the configured ones), read and segmented."""
    return [(source, load(source, settings)) for source in discover(settings, options.files)]


def plan_all(
    documents: Sequence[tuple[Source, Document]], settings: Settings, options: ExtractOptions
) -> list[CatalogPlan]:
    """Templates and catalogs of every source, in memory; call under the catalogs' lock."""
    return [p for source, document in documents for p in plan(source, document, settings, options)]


def result(
    settings: Settings, documents: Sequence[tuple[Source, Document]], written: Sequence[Written]
) -> ExtractResult:
    segments = sum(1 for _, document in documents for _ in document.segments())
    return ExtractResult(settings.root, tuple(written), len(documents), segments)


def extract(settings: Settings, options: ExtractOptions) -> ExtractResult:
    """Write each source's template and catalogs; all inputs are read before any write."""
    documents = read_sources(settings, options)
    with lock(settings):
        written = write_catalogs(plan_all(documents, settings, options), settings.root)
    return result(settings, documents, written)
