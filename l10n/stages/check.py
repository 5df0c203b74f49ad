"""`l10n check`, the CI gate: alignment, zh→en content checks, consistency across catalogs
and thresholds, as findings.

The result holds the findings the gate lets through, what was checked, and the
exit code; the report formats are in `checks.report`.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, replace
from pathlib import Path

from ..catalog import build_template, source_tally
from ..catalog.header import header_date
from ..catalog.joins import joined_sources
from ..catalog.tally import Tally
from ..checks import (
    REPORTS,
    CatalogFile,
    Checked,
    Consistency,
    Context,
    Finding,
    Gate,
    Severity,
    SourceSet,
    check_alignment,
    check_entry,
    known_codes,
    merge_glossaries,
    read_glossary,
    read_tbx,
    reviewed_entries,
)
from ..checks.gate import exit_code, select, thresholds
from ..errors import GlossaryError
from ..files import atomic_write, decode_utf8, read_optional
from ..fingerprints import digest_bytes, fingerprint, settings_fingerprint
from ..parallel import ordered_map, resolve_jobs
from ..project import (
    Source,
    catalog_path,
    discover,
    document_language,
    header,
    load_stamped,
    read_catalog_stamped,
    relative,
    template_path,
)
from ..settings import Settings
from ..state import MISSING, State, Step, load_state
from . import StageOptions, checked
from .checked import SourceChecked


@dataclass(frozen=True)
class CheckOptions(StageOptions):
    """The gate as the command asks for it; None takes `[tool.l10n.check]`."""

    min_reviewed: float | None = None
    max_fuzzy: int | None = None
    fail_on: str | None = None  # error or warning
    select: frozenset[str] = frozenset()
    ignore: frozenset[str] = frozenset()

    def gate(self, settings: Settings) -> Gate:
        policy = settings.check
        return Gate(
            min_reviewed=policy.min_reviewed if self.min_reviewed is None else self.min_reviewed,
            max_fuzzy=policy.max_fuzzy if self.max_fuzzy is None else self.max_fuzzy,
            fail_on=Severity(self.fail_on or policy.fail_on),
            select=self.select,
            ignore=self.ignore,
        )


@dataclass(frozen=True)
class CheckResult:
    findings: tuple[Finding, ...]
    checked: Checked
    exit_code: int  # 0 clean, 1 a finding at or above the gate's level

    def report(self, name: str) -> str:
        """The findings as text, json, junit or github annotations."""
        return REPORTS[name](self.findings, self.checked)


def _catalog_file(path: Path, root: Path, language: str = "") -> tuple[CatalogFile, list | None]:
    """A catalog or template as read, and its stamp."""
    catalog, stamp = read_catalog_stamped(path, root, duplicates_ok=True)  # duplicates: findings
    return CatalogFile(relative(path, root), catalog, language), stamp


def _inputs_of(source: Source, settings: Settings) -> list[Path]:
    """The files whose bytes a source's check depends on, in the order they are read."""
    return [
        source.path,
        template_path(source, settings),
        *(catalog_path(source, settings, language) for language in settings.languages),
    ]


def glossary(settings: Settings) -> dict[str, str]:
    """The project's glossary: `glossary.tsv` and `glossary.tbx` in the locales folder,
    either or both; {} when there is none."""
    root = settings.root
    locales = root / settings.locales
    glossaries, labels = [], []
    for path in (locales / "glossary.tsv", locales / "glossary.tbx"):
        label = relative(path, root)
        data = read_optional(path, label, GlossaryError)
        if data is None:
            continue
        if path.suffix == ".tbx":
            glossaries.append(read_tbx(data, label))  # XML: its own encoding declaration
        else:
            glossaries.append(
                read_glossary(decode_utf8(data, label, GlossaryError, bom=True), label)
            )
        labels.append(label)
    return merge_glossaries(glossaries, labels)


def check_source(job: tuple[Source, Settings, Context, str, str]) -> SourceChecked:
    """Alignment and content findings of one source; run in a worker process for a corpus.
    `base` is the fingerprint of what all sources share (settings, glossary, version)."""
    source, settings, context, date, base = job
    root = settings.root
    seconds: dict[str, float] = {}
    clock = time.perf_counter()
    document, stamp = load_stamped(source, settings)
    template, template_stamp = _catalog_file(template_path(source, settings), root)
    read = [
        _catalog_file(catalog_path(source, settings, language), root, language)
        for language in settings.languages
    ]
    catalogs = tuple(catalog for catalog, _ in read)
    stamps = [stamp, template_stamp, *(catalog_stamp for _, catalog_stamp in read)]
    unit = SourceSet(
        source.name,
        build_template(document, header(settings, document), date),
        template,
        catalogs,
        document_language(document, settings),
    )
    findings = check_alignment(unit)
    in_script = replace(context, script=unit.source_language)  # 114年 in zh-Hant: ROC year
    files = [unit.template.path]
    clock = _lap(seconds, unit.template.path, clock)
    rows, reviewed = [], []
    for catalog in catalogs:
        files.append(catalog.path)
        if catalog.catalog is None:
            continue
        reviewed.extend(reviewed_entries(catalog.path, catalog.language, catalog.catalog))
        texts = (entry.msgid for entry in unit.expected)
        rows.append((catalog.path, source_tally(texts, catalog.catalog)))
        covered = joined_sources(list(catalog.catalog))
        for entry in catalog.catalog:
            findings.extend(check_entry(entry, catalog.path, in_script, covered.get(entry.msgid)))
        clock = _lap(seconds, catalog.path, clock)
    paths = [os.fspath(path) for path in _inputs_of(source, settings)]
    return SourceChecked(
        tuple(findings),
        tuple(files),
        tuple(rows),
        tuple(reviewed),
        tuple(seconds.items()),
        fingerprint(base, *(s[-1] if s else MISSING for s in stamps)),
        tuple(zip(paths, stamps, strict=True)),
    )


def check_key(source: Source) -> str:
    return f"check {source.name}"


def _kept(settings: Settings, step: Step | None) -> SourceChecked | None:
    """The result a current step kept; None when there is none or it cannot be read."""
    if step is None or len(step.outputs) != 1:
        return None
    label, digest = next(iter(step.outputs.items()))
    try:
        data = (settings.root / label).read_bytes()
    except OSError:
        return None
    return checked.load(data) if digest_bytes(data) == digest else None


def _keep(state: State, settings: Settings, source: Source, result: SourceChecked) -> None:
    """Keep a source's result, and record the step (a result that cannot be kept, in a
    read-only checkout say, is only checked again next time)."""
    for path, stamp in result.stamps:
        state.adopt(path, stamp)
    data = checked.dump(result)
    path = checked.kept_path(settings.root, source.name)
    try:
        atomic_write(path, data, durable=False)
    except OSError:
        return
    digest = digest_bytes(data)
    state.note(path, digest)
    state.record(check_key(source), result.inputs, {path: digest})


def check(settings: Settings, options: CheckOptions) -> CheckResult:
    """Alignment, content, consistency and threshold findings for the sources, filtered by
    the gate. Consistency compares the reviewed entries of every catalog read, per language.
    Sources are checked over `options.jobs` processes; the findings are in source order."""
    gate = options.gate(settings)
    started = options.now.isoformat(timespec="seconds")
    sources = discover(settings, options.files)
    context = Context(glossary(settings))
    date = header_date(options.now)
    findings: list[Finding] = []
    files: list[str] = []
    rows: list[tuple[str, Tally]] = []
    seconds: dict[str, float] = {}
    consistency = Consistency()
    late: list[Finding] = []  # consistency findings, reported after every source's own
    state = load_state(settings.root, force=options.force)
    base = state.base(settings, settings_fingerprint(context))
    current = []
    for source in sources:
        if not state.recorded(check_key(source)):  # nothing kept: read only by its check
            current.append(None)
            continue
        inputs = fingerprint(base, *(state.digest(path) for path in _inputs_of(source, settings)))
        current.append(state.fresh(check_key(source), inputs))
    jobs = [
        (source, settings, context, date, base)
        for source, step in zip(sources, current, strict=True)
        if step is None
    ]
    done = iter(ordered_map(check_source, jobs, resolve_jobs(options.jobs)))
    for source, step in zip(sources, current, strict=True):
        result = _kept(settings, step)
        if result is None:  # checked now (or its kept result could not be read)
            job = (source, settings, context, date, base)
            result = next(done) if step is None else check_source(job)
            _keep(state, settings, source, result)
        findings.extend(result.findings)
        files.extend(result.files)
        rows.extend(result.rows)
        seconds.update(result.seconds)
        late.extend(consistency.findings(result.reviewed))
    state.save()
    if not options.files:
        checked.prune(settings.root, {source.name for source in sources})
    findings.extend(late)
    findings.extend(thresholds(rows, gate))
    codes = tuple(code for code in known_codes() if gate.wants(code))
    kept = tuple(select(findings, gate))
    checked_all = Checked(
        tuple(s.name for s in sources), tuple(files), codes, gate.fail_on, started, seconds
    )
    return CheckResult(kept, checked_all, exit_code(kept, gate))


def _lap(seconds: dict[str, float], path: str, since: float) -> float:
    """Add the time since `since` to `path`'s; the time now."""
    now = time.perf_counter()
    seconds[path] = seconds.get(path, 0.0) + now - since
    return now
