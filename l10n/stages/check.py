"""`l10n check`, the CI gate: alignment, zh→en content checks, consistency across catalogs
and thresholds, as findings.

The result holds the findings the gate lets through, what was checked, and the
exit code; the report formats are in `checks.report`.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace
from pathlib import Path

import polib

from ..catalog import build_template, source_tally
from ..catalog.header import header_date
from ..catalog.joins import joined_sources
from ..checks import (
    REPORTS,
    CatalogFile,
    Checked,
    Context,
    Finding,
    Gate,
    Severity,
    SourceSet,
    check_alignment,
    check_consistency,
    check_entry,
    known_codes,
    merge_glossaries,
    read_glossary,
    read_tbx,
)
from ..checks.gate import exit_code, select, thresholds
from ..errors import GlossaryError
from ..files import decode_utf8, read_optional
from ..project import (
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


def check(settings: Settings, options: CheckOptions) -> CheckResult:
    """Alignment, content, consistency and threshold findings for the sources, filtered by
    the gate. Consistency compares the reviewed entries of every catalog read, per language."""
    gate = options.gate(settings)
    started = options.now.isoformat(timespec="seconds")
    seconds: dict[str, float] = {}
    sources = discover(settings, options.files)
    findings: list[Finding] = []
    root = settings.root
    context = Context(glossary(settings))
    files: list[str] = []
    rows = []
    read: list[tuple[str, str, polib.POFile]] = []  # (path, language, catalog), for consistency
    for source in sources:
        clock = time.perf_counter()
        document = load(source, settings)
        catalogs = tuple(
            _catalog_file(catalog_path(source, settings, language), root, language)
            for language in settings.languages
        )
        unit = SourceSet(
            source.name,
            build_template(document, header(settings, document), header_date(options.now)),
            _catalog_file(template_path(source, settings), root),
            catalogs,
            document_language(document, settings),
        )
        findings.extend(check_alignment(unit))
        in_script = replace(context, script=unit.source_language)  # 114年 in zh-Hant: ROC year
        files.append(unit.template.path)
        clock = _lap(seconds, unit.template.path, clock)
        for catalog in catalogs:
            files.append(catalog.path)
            if catalog.catalog is None:
                continue
            read.append((catalog.path, catalog.language, catalog.catalog))
            texts = (entry.msgid for entry in unit.expected)
            rows.append((catalog.path, source_tally(texts, catalog.catalog)))
            covered = joined_sources(list(catalog.catalog))
            for entry in catalog.catalog:
                findings.extend(
                    check_entry(entry, catalog.path, in_script, covered.get(entry.msgid))
                )
            clock = _lap(seconds, catalog.path, clock)
    findings.extend(check_consistency(read))
    findings.extend(thresholds(rows, gate))
    codes = tuple(code for code in known_codes() if gate.wants(code))
    kept = tuple(select(findings, gate))
    checked = Checked(
        tuple(s.name for s in sources), tuple(files), codes, gate.fail_on, started, seconds
    )
    return CheckResult(kept, checked, exit_code(kept, gate))


def _lap(seconds: dict[str, float], path: str, since: float) -> float:
    """Add the time since `since` to `path`'s; the time now."""
    now = time.perf_counter()
    seconds[path] = seconds.get(path, 0.0) + now - since
    return now
