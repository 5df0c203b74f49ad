"""`l10n extract`: each source's template (POT), and each language's catalog updated from it.

Re-extraction follows msgmerge (`catalog.update`); every input is read before
anything is written, and catalogs are written under the project's lock.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import polib

from ..catalog import (
    build_template,
    catalog_tally,
    dump_catalog,
    keep_dates_if_unchanged,
    update,
)
from ..catalog.header import catalog_comment, header_date
from ..catalog.status import pending
from ..document import Document
from ..errors import CatalogError, InputError
from ..files import decode_source, discard, read_input, replace_staged, stage
from ..fingerprints import digest_bytes, fingerprint
from ..parallel import ordered_map, resolve_jobs
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
)
from ..settings import Settings
from ..state import MISSING, State, Step, load_state
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
    entries: int = 0  # live catalog entries, in all the languages
    translated: int = 0  # of which have a translation

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


class StagedFile(NamedTuple):
    """A template or catalog as extraction left it: its new content staged beside it (or
    None when it is unchanged), the digest it had when it was read and the one it will have.
    Its name is kept as a string, and it is a tuple (a corpus re-run makes tens of
    thousands of them)."""

    filename: str
    temporary: Path | None
    was: str  # MISSING: there was no file
    digest: str
    language: str = ""  # "" for the template
    pending: int = 0  # entries a provider may fill (catalogs)
    live: int = 0  # live entries (catalogs)
    translated: int = 0  # live entries with a translation (catalogs)

    def counted(self, catalog: polib.POFile) -> StagedFile:
        """The file with the counts of `catalog`, its new content."""
        tally = catalog_tally(catalog)
        return self._replace(
            pending=len(pending(catalog)), live=tally.live, translated=tally.translated
        )

    @property
    def path(self) -> Path:
        return Path(self.filename)

    @property
    def current(self) -> Path:
        """Where its new content can be read now."""
        return self.temporary or self.path


@dataclass(frozen=True)
class Extracted:
    """One source after extraction: its files, and whether the state showed them current
    (then nothing was read but the state, and nothing is staged)."""

    source: Source
    segments: int
    files: tuple[StagedFile, ...]
    inputs: str  # the fingerprint of the step's inputs
    fresh: bool = False


def extract_article(job: tuple[Source, Settings, ExtractOptions, str]) -> Extracted:
    """Read and segment one source, update its template and catalogs, and stage those that
    changed; run in a worker process for a corpus."""
    source, settings, options, inputs = job
    document = load(source, settings)
    staged: list[StagedFile] = []
    try:
        for item in plan(source, document, settings, options):
            keep_dates_if_unchanged(item.catalog, item.was.catalog)
            data = dump_catalog(item.catalog).encode("utf-8")
            changed = data != item.was.data
            file = StagedFile(
                os.fspath(item.path),
                stage(item.path, data) if changed else None,
                MISSING if item.was.data is None else digest_bytes(item.was.data),
                digest_bytes(data),
                item.language,
            )
            staged.append(file.counted(item.catalog) if item.language else file)
    except BaseException:
        discard([(f.temporary, f.path) for f in staged if f.temporary])
        raise
    segments = sum(1 for _ in document.segments())
    return Extracted(source, segments, tuple(staged), inputs)


def extract_key(source: Source) -> str:
    return f"extract {source.name}"


def _from_state(source: Source, step: Step, settings: Settings, inputs: str) -> Extracted | None:
    """The files of a recorded extraction: its outputs, with what was noted of each (its
    language and counts), by path; None when the notes are not of this version's shape."""
    noted = step.notes.get("files", {})
    top = os.fspath(settings.root) + os.sep
    try:
        files = tuple(
            StagedFile(top + label, None, value, value, *noted.get(label, ()))
            for label, value in step.outputs.items()
        )
        return Extracted(source, int(step.notes.get("segments", 0)), files, inputs, fresh=True)
    except (TypeError, ValueError, AttributeError):
        return None


@dataclass(frozen=True)
class Planned:
    """The sources of an extraction: those the state shows current, and the others, whose
    text was read and decoded (before the lock: a bad source stops the command with
    nothing written)."""

    sources: tuple[Source, ...]
    inputs: tuple[str, ...]  # each source's inputs fingerprint
    current: tuple[Step | None, ...]


def plan_extraction(
    sources: Sequence[Source], settings: Settings, options: ExtractOptions, state: State
) -> Planned:
    base = state.base(settings, options.fuzzy_matching)
    inputs, current = [], []
    for source in sources:
        inputs.append(fingerprint(base, state.digest(source.path, source.found)))
        step = state.fresh(extract_key(source), inputs[-1])
        if step is None:
            _require_po_name(source.name)
            decode_source(read_input(source.path, source.name), source.name)
        current.append(step)
    return Planned(tuple(sources), tuple(inputs), tuple(current))


def _require_po_name(name: str) -> None:
    """A source's catalogs name it in their references (`#: NAME:LINE`), which are UTF-8
    and one line long."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        shown = os.fsencode(name).decode("utf-8", "backslashreplace")
        raise InputError(
            f"{shown}: the file name is not UTF-8, and a PO file cannot name it; rename the file"
        ) from None
    if any(ord(c) < 32 or ord(c) == 127 for c in name):
        raise InputError(
            f"{name!r}: the file name holds a control character (a line break, a tab), "
            "which a PO reference cannot; rename the file"
        )


def extract_sources(
    planned: Planned, settings: Settings, options: ExtractOptions, jobs: int = 1
) -> list[Extracted]:
    """Each planned source extracted (staged, not yet in place), or taken from the state
    when it is current. Call under the catalogs' lock; `commit` then."""
    results: list[Extracted | None] = []
    todo: list[tuple[int, tuple[Source, Settings, ExtractOptions, str]]] = []
    for source, inputs, step in zip(planned.sources, planned.inputs, planned.current, strict=True):
        kept = _from_state(source, step, settings, inputs) if step is not None else None
        if kept is not None:
            results.append(kept)
        else:
            todo.append((len(results), (source, settings, options, inputs)))
            results.append(None)
    try:
        done = ordered_map(extract_article, [job for _, job in todo], jobs)
        for (index, _), extracted in zip(todo, done, strict=True):
            results[index] = extracted
    except BaseException:
        discard_all([r for r in results if r is not None])
        raise
    return [r for r in results if r is not None]


def discard_all(extracted: Sequence[Extracted]) -> None:
    discard([(f.temporary, f.path) for e in extracted for f in e.files if f.temporary])


def commit(
    extracted: Sequence[Extracted], settings: Settings, state: State, *, record: bool = True
) -> list[Written]:
    """Put every staged file in place, as a unit, and record each extraction in the state
    (with `record`; else only the files' digests).
    A file that someone else changed since it was read (a translator's save during a long
    run) is never overwritten: CatalogError, and nothing is written."""
    root = settings.root
    try:
        for item in extracted:
            for file in item.files:
                if not item.fresh and _digest_now(file.path) != file.was:
                    raise CatalogError(
                        f"{relative(file.path, root)} changed on disk while l10n was working "
                        "on it; nothing was written: run the command again"
                    )
    except BaseException:
        discard_all(extracted)
        raise
    # the inode of each file as renamed: one that a translator's editor saves in its place
    # right after the rename is not recorded as ours
    inodes = replace_staged(
        [(f.temporary, f.path) for e in extracted for f in e.files if f.temporary is not None]
    )
    written = []
    for item in extracted:
        for file in item.files:
            written.append(Written(file.filename, file.temporary is not None))
            if not item.fresh:
                state.note(file.path, file.digest, inodes.get(file.path))
        if not item.fresh and record:
            state.record(
                extract_key(item.source),
                item.inputs,
                {f.path: f.digest for f in item.files},
                {
                    "segments": item.segments,
                    "files": {
                        relative(f.path, root): [f.language, f.pending, f.live, f.translated]
                        for f in item.files
                    },
                },
            )
    return written


def _digest_now(path: Path) -> str:
    try:
        return digest_bytes(path.read_bytes())
    except FileNotFoundError:
        return MISSING


def result(
    settings: Settings, extracted: Sequence[Extracted], written: Sequence[Written]
) -> ExtractResult:
    segments = sum(item.segments for item in extracted)
    catalogs = [f for item in extracted for f in item.files if f.language]
    return ExtractResult(
        settings.root,
        tuple(written),
        len(extracted),
        segments,
        sum(f.live for f in catalogs),
        sum(f.translated for f in catalogs),
    )


def extract(settings: Settings, options: ExtractOptions) -> ExtractResult:
    """Write each source's template and catalogs; all inputs are read before any write.
    Sources whose inputs and outputs are as the state recorded are skipped."""
    state = load_state(settings.root, force=options.force)
    planned = plan_extraction(discover(settings, options.files), settings, options, state)
    with lock(settings):
        extracted = extract_sources(planned, settings, options, resolve_jobs(options.jobs))
        written = commit(extracted, settings, state)
    state.save()
    return result(settings, extracted, written)
