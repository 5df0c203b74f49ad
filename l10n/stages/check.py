"""`l10n check`, the CI gate: alignment, zh→en content checks, consistency across catalogs
and thresholds, as findings.

The result holds the findings the gate lets through, what was checked, and the
exit code; the report formats are in `checks.report`.
"""

from __future__ import annotations

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
from ..checks.consistency import Reviewed
from ..checks.gate import exit_code, select, thresholds
from ..errors import GlossaryError
from ..files import decode_utf8, read_optional
from ..parallel import ordered_map, resolve_jobs
from ..project import (
    Source,
    catalog_path,
    discover,
    document_language,
    header,
    load,
    read_catalog_file,
    relative,
    template_path,
)
from ..settings import Settings
from . import StageOptions


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


def _catalog_file(path: Path, root: Path, language: str = "") -> CatalogFile:
    catalog = read_catalog_file(path, root, duplicates_ok=True)  # reported as findings
    return CatalogFile(relative(path, root), catalog, language)


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


@dataclass(frozen=True)
class SourceChecked:
    """What checking one source found: findings on its own files, the files read, each
    catalog's tally (for the thresholds), its reviewed entries (for consistency across
    catalogs) and the seconds spent per file."""

    findings: tuple[Finding, ...]
    files: tuple[str, ...]
    rows: tuple[tuple[str, Tally], ...]
    reviewed: tuple[Reviewed, ...]
    seconds: tuple[tuple[str, float], ...]


def check_source(job: tuple[Source, Settings, Context, str]) -> SourceChecked:
    """Alignment and content findings of one source; run in a worker process for a corpus."""
    source, settings, context, date = job
    root = settings.root
    seconds: dict[str, float] = {}
    clock = time.perf_counter()
    document = load(source, settings)
    catalogs = tuple(
        _catalog_file(catalog_path(source, settings, language), root, language)
        for language in settings.languages
    )
    unit = SourceSet(
        source.name,
        build_template(document, header(settings, document), date),
        _catalog_file(template_path(source, settings), root),
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
    return SourceChecked(
        tuple(findings), tuple(files), tuple(rows), tuple(reviewed), tuple(seconds.items())
    )


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
    jobs = [(source, settings, context, date) for source in sources]
    for checked in ordered_map(check_source, jobs, resolve_jobs(options.jobs)):
        findings.extend(checked.findings)
        files.extend(checked.files)
        rows.extend(checked.rows)
        seconds.update(checked.seconds)
        late.extend(consistency.findings(checked.reviewed))
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
