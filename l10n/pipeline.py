"""Composition of the stages over files: discover, load, extract, build, check, run.

Takes settings (and the time) as arguments and returns data; reads and writes
files through `l10n.files`; never prints.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import polib

from .catalog import (
    Header,
    build_template,
    dump_catalog,
    read_catalog,
    same_content,
    translations,
    update,
)
from .catalog.io import DATE_FIELDS
from .checks import CatalogFile, Finding, SourceSet, check_alignment
from .document import Document
from .edition import Edition, align
from .errors import CatalogError, InputError, SettingsError
from .files import atomic_write, read_source
from .mt import NoModelError, Progress, make_engine
from .render import renderer
from .segment import parse
from .settings import Settings
from .translate import EngineFactory, Outcome, run_workload, workloads


@dataclass(frozen=True)
class Source:
    path: Path
    name: str  # path relative to the project root, as written in `#:` references

    @property
    def stem(self) -> str:
        return self.path.stem


@dataclass(frozen=True)
class Written:
    path: Path
    changed: bool


def po_date(now: datetime) -> str:
    return now.strftime("%Y-%m-%d %H:%M%z")


def relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def discover(settings: Settings, given: Sequence[Path] = ()) -> list[Source]:
    """The sources named on the command line, else those matching `sources` globs."""
    root = settings.root
    if given:
        paths = [p if p.is_absolute() else Path.cwd() / p for p in given]
    else:
        paths = sorted({p for pattern in settings.sources for p in root.glob(pattern)})
        if not paths:
            raise InputError(f"no sources match {', '.join(settings.sources)} under {root}")
    sources = [Source(p, relative(p, root)) for p in paths]
    stems: dict[str, str] = {}
    for source in sources:
        if stems.setdefault(source.stem, source.name) != source.name:
            raise SettingsError(
                f"{source.name} and {stems[source.stem]} would share the catalog "
                f"name {source.stem!r}"
            )
    return sources


def load(source: Source, settings: Settings) -> Document:
    return parse(read_source(source.path, source.name), source.name, settings.rules)


def template_path(source: Source, settings: Settings) -> Path:
    return settings.root / settings.locales / f"{source.stem}.pot"


def catalog_path(source: Source, settings: Settings, language: str) -> Path:
    return settings.root / settings.locales / language / "LC_MESSAGES" / f"{source.stem}.po"


def read_catalog_file(path: Path, root: Path) -> polib.POFile | None:
    """The catalog at `path`, or None when there is none."""
    label = relative(path, root)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except UnicodeDecodeError as err:
        raise CatalogError(f"{label}: not UTF-8 (byte {err.start})") from err
    except OSError as err:
        raise CatalogError(f"{label}: cannot read: {err.strerror}") from err
    return read_catalog(text, label)


def _header(settings: Settings, language: str = "") -> Header:
    return Header(settings.project, settings.source_language, settings.opencc_config, language)


def fresh_template(
    document: Document, settings: Settings, now: datetime, old: polib.POFile | None
) -> polib.POFile:
    """The template for a document; keeps the old dates when nothing else changed."""
    template = build_template(document, _header(settings), po_date(now))
    if old is not None and same_content(template, old):
        for key in DATE_FIELDS:
            if key in old.metadata:
                template.metadata[key] = old.metadata[key]
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
        changed = plan.old is None or not same_content(plan.catalog, plan.old)
        if changed:
            atomic_write(plan.path, dump_catalog(plan.catalog))
        written.append(Written(plan.path, changed))
    return written


def extract(
    sources: Sequence[Source], settings: Settings, now: datetime, *, fuzzy_matching: bool = True
) -> list[Written]:
    """Write each source's template and catalogs; all inputs are read before any write."""
    plans = []
    for source in sources:
        document = load(source, settings)
        plans.extend(plan_extract(source, document, settings, now, fuzzy_matching=fuzzy_matching))
    return write_plans(plans)


def edition(source: Source, document: Document, settings: Settings, language: str) -> Edition:
    catalog = read_catalog_file(catalog_path(source, settings, language), settings.root)
    translated = translations(catalog) if catalog is not None else {}
    return align(document, translated, settings.source_language, language)


def build(
    sources: Sequence[Source],
    settings: Settings,
    languages: Sequence[str],
    formats: Sequence[str],
    out_dir: Path,
) -> list[Written]:
    """Render bilingual editions of each source into `out_dir`."""
    loaded = [(source, load(source, settings)) for source in sources]
    return build_loaded(loaded, settings, languages, formats, out_dir)


def build_loaded(
    loaded: Sequence[tuple[Source, Document]],
    settings: Settings,
    languages: Sequence[str],
    formats: Sequence[str],
    out_dir: Path,
) -> list[Written]:
    renderers = [renderer(name) for name in formats]
    outputs = []
    for source, document in loaded:
        for language in languages:
            pages = edition(source, document, settings, language)
            for r in renderers:
                outputs.append(
                    (out_dir / f"{source.stem}.{language}.{r.extension}", r.render(pages))
                )
    written = []
    for path, text in outputs:
        atomic_write(path, text)
        written.append(Written(path, True))
    return written


def check(sources: Sequence[Source], settings: Settings, now: datetime) -> list[Finding]:
    findings: list[Finding] = []
    root = settings.root
    for source in sources:
        document = load(source, settings)
        pot = template_path(source, settings)
        unit = SourceSet(
            source.name,
            build_template(document, _header(settings), po_date(now)),
            CatalogFile(relative(pot, root), read_catalog_file(pot, root)),
            tuple(
                CatalogFile(relative(path, root), read_catalog_file(path, root))
                for path in (catalog_path(source, settings, lang) for lang in settings.languages)
            ),
        )
        findings.extend(check_alignment(unit))
    return findings


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
    on_missing_model: Callable[[NoModelError], None] | None = None,
) -> list[Outcome]:
    catalogs = [(p.catalog.metadata.get("Language", ""), p.catalog) for p in plans]
    works = workloads(catalogs, retranslate_machine=retranslate_machine)
    if dry_run:
        return [Outcome(w.language, len(w.texts), w.characters, 0, "") for w in works]
    outcomes = []
    for work in works:
        if not work.texts:
            continue
        try:
            engine = engine_for(work.language)
        except NoModelError as err:
            if on_missing_model is None:
                raise
            on_missing_model(err)
            continue
        outcomes.append(run_workload(work, engine, progress))
    if any(o.filled for o in outcomes):
        for plan in plans:
            plan.catalog.metadata["PO-Revision-Date"] = po_date(now)
    return outcomes


def translate(
    sources: Sequence[Source],
    settings: Settings,
    now: datetime,
    engine_for: EngineFactory,
    *,
    retranslate_machine: bool = False,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> tuple[list[Outcome], list[Written]]:
    """Fill the empty entries of the sources' catalogs; catalogs must exist already."""
    plans = []
    for source in sources:
        for language in settings.languages:
            path = catalog_path(source, settings, language)
            catalog = read_catalog_file(path, settings.root)
            if catalog is None:
                raise CatalogError(
                    f"{relative(path, settings.root)}: no catalog; run `l10n extract` first"
                )
            catalog.metadata.setdefault("Language", language)
            plans.append(_Plan(path, catalog, read_catalog_file(path, settings.root)))
    outcomes = _translate_plans(
        plans,
        engine_for,
        now,
        retranslate_machine=retranslate_machine,
        dry_run=dry_run,
        progress=progress,
    )
    if dry_run or not any(o.filled for o in outcomes):
        return outcomes, []
    return outcomes, write_plans(plans)


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
    outcomes: list[Outcome] = []
    warnings: list[str] = []
    catalog_plans = [p for p in plans if p.path.suffix == ".po"]
    outcomes = _translate_plans(
        catalog_plans,
        engine_for,
        now,
        progress=progress,
        on_missing_model=lambda err: warnings.append(f"{err}; entries left untranslated"),
    )
    written = write_plans(plans)
    out_dir = settings.root / settings.dist
    loaded = list(zip(sources, documents, strict=True))
    written += build_loaded(loaded, settings, settings.languages, settings.formats, out_dir)
    segments = sum(1 for d in documents for _ in d.segments())
    catalogs = [p.catalog for p in plans if p.path.suffix == ".po"]
    entries = sum(1 for c in catalogs for e in c if not e.obsolete)
    translated_count = sum(1 for c in catalogs for e in c if not e.obsolete and e.msgstr)
    return RunSummary(
        len(sources),
        segments,
        entries,
        translated_count,
        tuple(outcomes),
        tuple(warnings),
        tuple(written),
    )
