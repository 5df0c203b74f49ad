"""Composition of the stages over files: discover, load, extract, build, check, run.

Takes settings (and the time) as arguments and returns data; reads and writes
files through `l10n.files`; never prints.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import polib

from .catalog import (
    Header,
    build_template,
    dump_catalog,
    keep_dates_if_unchanged,
    update,
)
from .catalog.stats import Stats, catalog_stats
from .checks import (
    ALIGNMENT_CODES,
    CHECKS,
    THRESHOLD_CODES,
    CatalogFile,
    Checked,
    Context,
    Finding,
    Gate,
    SourceSet,
    check_alignment,
    check_entry,
    merge_glossaries,
    read_glossary,
    read_tbx,
)
from .checks.gate import select, thresholds
from .document import Document
from .errors import GlossaryError
from .files import atomic_write, decode_utf8, read_optional
from .mt import NoModelError, Progress, make_engine
from .project import (
    Source,
    Written,
    catalog_path,
    catalogs,
    discover,
    load,
    lock,
    po_date,
    read_catalog_file,
    relative,
    template_path,
    tmx_date,
)
from .publish import BuildOptions, build_loaded
from .settings import Settings
from .translate import EngineFactory, Outcome, run_workload, workloads


def _header(settings: Settings, language: str = "") -> Header:
    return Header(settings.project, settings.source_language, settings.opencc_config, language)


def fresh_template(
    document: Document, settings: Settings, now: datetime, old: polib.POFile | None
) -> polib.POFile:
    """The template for a document; keeps the old dates when nothing else changed."""
    template = build_template(document, _header(settings), po_date(now))
    keep_dates_if_unchanged(template, old)
    return template


@dataclass(frozen=True)
class _Plan:
    path: Path
    catalog: polib.POFile
    old: polib.POFile | None


def plan_extract(
    source: Source,
    document: Document,
    settings: Settings,
    now: datetime,
    *,
    fuzzy_matching: bool = True,
) -> list[_Plan]:
    """Template and updated catalogs for one source, not yet written."""
    root = settings.root
    pot_path = template_path(source, settings)
    old_template = read_catalog_file(pot_path, root)
    template = fresh_template(document, settings, now, old_template)
    plans = [_Plan(pot_path, template, old_template)]
    for language in settings.languages:
        path = catalog_path(source, settings, language)
        old = read_catalog_file(path, root)
        catalog = update(
            old,
            template,
            fuzzy_matching=fuzzy_matching,
            comment=f"{language} translation of {source.name}.",
        )
        catalog.metadata["Language"] = language
        if old is None or not old.metadata.get("Language-Team"):
            catalog.metadata["Language-Team"] = language
        plans.append(_Plan(path, catalog, old))
    return plans


def write_plans(plans: Sequence[_Plan]) -> list[Written]:
    written = []
    for plan in plans:
        keep_dates_if_unchanged(plan.catalog, plan.old)
        text = dump_catalog(plan.catalog)
        try:
            changed = plan.path.read_text(encoding="utf-8") != text
        except FileNotFoundError:
            changed = True
        if changed:  # also rewrites a translator's differently wrapped save canonically
            atomic_write(plan.path, text)
        written.append(Written(plan.path, changed))
    return written


def extract(
    sources: Sequence[Source], settings: Settings, now: datetime, *, fuzzy_matching: bool = True
) -> list[Written]:
    """Write each source's template and catalogs; all inputs are read before any write."""
    documents = [(source, load(source, settings)) for source in sources]
    with lock(settings):
        plans = []
        for source, document in documents:
            plans.extend(
                plan_extract(source, document, settings, now, fuzzy_matching=fuzzy_matching)
            )
        return write_plans(plans)


@dataclass(frozen=True)
class CheckResult:
    findings: list[Finding]
    checked: Checked


def _catalog_file(path: Path, root: Path, language: str = "") -> CatalogFile:
    return CatalogFile(relative(path, root), read_catalog_file(path, root), language)


def _glossary(locales: Path, root: Path) -> dict[str, str]:
    """The project's glossary: `glossary.tsv` and `glossary.tbx` in the locales folder,
    either or both; {} when there is none."""
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


def check(
    sources: Sequence[Source], settings: Settings, now: datetime, gate: Gate | None = None
) -> CheckResult:
    """Alignment, content and threshold findings for the sources, filtered by the gate."""
    gate = gate or Gate()
    findings: list[Finding] = []
    root = settings.root
    context = Context(_glossary(root / settings.locales, root))
    files: list[str] = []
    rows = []
    for source in sources:
        document = load(source, settings)
        pot = template_path(source, settings)
        catalogs = tuple(
            _catalog_file(catalog_path(source, settings, language), root, language)
            for language in settings.languages
        )
        unit = SourceSet(
            source.name,
            build_template(document, _header(settings), po_date(now)),
            _catalog_file(pot, root),
            catalogs,
            settings.source_language,
        )
        findings.extend(check_alignment(unit))
        files.append(unit.template.path)
        for catalog in catalogs:
            files.append(catalog.path)
            if catalog.catalog is None:
                continue
            rows.append((catalog.path, catalog_stats(catalog.catalog)))
            for entry in catalog.catalog:
                findings.extend(check_entry(entry, catalog.path, context))
    findings.extend(thresholds(rows, gate))
    codes = tuple(
        code for code in (*ALIGNMENT_CODES, *CHECKS, *THRESHOLD_CODES) if gate.wants(code)
    )
    return CheckResult(
        select(findings, gate), Checked(tuple(s.name for s in sources), tuple(files), codes)
    )


def engine_factory(settings: Settings, packages_dir: Path) -> EngineFactory:
    def engine_for(language: str):
        return make_engine(
            settings.mt, packages_dir, settings.source_language, language, settings.opencc_config
        )

    return engine_for


def _translate_plans(
    plans: Sequence[_Plan],
    engine_for: EngineFactory,
    now: datetime,
    *,
    retranslate_machine: bool = False,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> tuple[list[Outcome], list[NoModelError]]:
    """(what each language's engine did, the languages no installed model translates)."""
    catalogs = [(p.catalog.metadata.get("Language", ""), p.catalog) for p in plans]
    works = workloads(catalogs, retranslate_machine=retranslate_machine)
    if dry_run:
        return [Outcome(w.language, len(w.texts), w.characters, 0, "") for w in works], []
    outcomes, missing = [], []
    for work in works:
        if not work.texts:
            continue
        try:
            engine = engine_for(work.language)
        except NoModelError as err:
            missing.append(err)
            continue
        outcomes.append(run_workload(work, engine, progress))
    if any(o.filled for o in outcomes):
        for plan in plans:
            plan.catalog.metadata["PO-Revision-Date"] = po_date(now)
    return outcomes, missing


@dataclass(frozen=True)
class TranslateResult:
    outcomes: list[Outcome]
    written: list[Written]
    missing_models: list[str]  # one message per language no installed package translates


def translate(
    sources: Sequence[Source],
    settings: Settings,
    now: datetime,
    engine_for: EngineFactory,
    *,
    retranslate_machine: bool = False,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> TranslateResult:
    """Fill the empty entries of the sources' catalogs; catalogs must exist already. A
    language without a model is reported, and the others are translated and written."""
    with lock(settings):
        plans = []
        for language, path, catalog in catalogs(sources, settings, required=True):
            catalog.metadata.setdefault("Language", language)
            plans.append(_Plan(path, catalog, copy.deepcopy(catalog)))
        outcomes, missing = _translate_plans(
            plans,
            engine_for,
            now,
            retranslate_machine=retranslate_machine,
            dry_run=dry_run,
            progress=progress,
        )
        messages = [str(err) for err in missing]
        if dry_run or not any(o.filled for o in outcomes):
            return TranslateResult(outcomes, [], messages)
        return TranslateResult(outcomes, write_plans(plans), messages)


@dataclass(frozen=True)
class RunSummary:
    sources: int
    segments: int
    entries: int
    translated: int
    outcomes: tuple[Outcome, ...]
    warnings: tuple[str, ...]
    written: tuple[Written, ...]


def run(
    settings: Settings,
    now: datetime,
    engine_for: EngineFactory,
    progress: Progress | None = None,
) -> RunSummary:
    """All stages for the configured sources: extract, translate, build the editions.

    With no model for a language, its entries stay empty and a warning says so.
    """
    sources = discover(settings)
    documents = [load(source, settings) for source in sources]
    plans = []
    for source, document in zip(sources, documents, strict=True):
        plans.extend(plan_extract(source, document, settings, now))
    catalog_plans = [p for p in plans if p.path.suffix == ".po"]
    outcomes, missing = _translate_plans(catalog_plans, engine_for, now, progress=progress)
    warnings = [f"{err}; entries left untranslated" for err in missing]
    warnings += [o.warning for o in outcomes if o.warning]
    written = write_plans(plans)
    out_dir = settings.root / settings.dist
    loaded = list(zip(sources, documents, strict=True))
    options = BuildOptions(layout=settings.layout, created=tmx_date(now))
    built = build_loaded(loaded, settings, settings.languages, settings.formats, out_dir, options)
    written += built.written
    segments = sum(1 for d in documents for _ in d.segments())
    live = [e for p in catalog_plans for e in p.catalog if not e.obsolete]
    translated_count = sum(1 for e in live if e.msgstr)
    return RunSummary(
        len(sources),
        segments,
        len(live),
        translated_count,
        tuple(outcomes),
        tuple(warnings),
        tuple(written),
    )


def stats(sources: Sequence[Source], settings: Settings) -> list[tuple[str, Stats]]:
    """(catalog path, counts) for every existing catalog of the sources."""
    return [
        (relative(path, settings.root), catalog_stats(catalog))
        for _, path, catalog in catalogs(sources, settings, required=False)
        if catalog is not None
    ]


def compile_catalogs(sources: Sequence[Source], settings: Settings) -> list[Written]:
    """MO files beside the catalogs, with reviewed entries only (as msgfmt does)."""
    with lock(settings):
        outputs = []
        for _, path, catalog in catalogs(sources, settings, required=True):
            catalog.metadata.pop("POT-Creation-Date", None)  # as msgfmt does
            outputs.append((path.with_suffix(".mo"), catalog.to_binary()))
        for path, data in outputs:
            atomic_write(path, data)
        return [Written(path, True) for path, _ in outputs]
