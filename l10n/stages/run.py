"""`l10n run`, the main job: extract, translate and build for the configured sources.

Calls the stages' steps in order, under one hold of the catalogs' lock: the
sources are read once, the catalogs extracted and translated in memory and
written once, so a run that fails writes nothing; then the editions are built.
A language without a model leaves its entries empty and becomes a warning.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..catalog import catalog_tally
from ..mt import Progress
from ..project import Written, lock, relative, write_catalogs
from ..settings import Settings
from . import StageOptions
from .build import BuildOptions, build_documents
from .extract import ExtractOptions, plan_all, read_sources, result
from .translate import Outcome, TranslateOptions, translate_plans


@dataclass(frozen=True)
class RunOptions(StageOptions):
    progress: Progress | None = field(default=None, compare=False)  # shown while translating


@dataclass(frozen=True)
class RunResult:
    root: Path
    sources: int
    segments: int
    entries: int
    translated: int
    outcomes: tuple[Outcome, ...]
    warnings: tuple[str, ...]
    written: tuple[Written, ...]

    def lines(self) -> list[str]:
        lines = [o.line() for o in self.outcomes]
        changed = [w for w in self.written if w.changed]
        lines.append(
            f"{self.sources} source(s), {self.segments} segments, {self.entries} "
            f"catalog entries ({self.translated} translated); {len(changed)} of "
            f"{len(self.written)} file(s) written:"
        )
        for item in self.written:
            state = "" if item.changed else " (unchanged)"
            lines.append(f"  {relative(item.path, self.root)}{state}")
        return lines


def run(settings: Settings, options: RunOptions) -> RunResult:
    extract_options = ExtractOptions(now=options.now)
    documents = read_sources(settings, extract_options)
    with lock(settings):
        plans = plan_all(documents, settings, extract_options)
        catalogs = [plan for plan in plans if plan.language]
        translate_options = TranslateOptions(now=options.now, progress=options.progress)
        outcomes, missing = translate_plans(catalogs, settings, translate_options)
        written = write_catalogs(plans, settings.root)
        built = build_documents(documents, settings, BuildOptions(now=options.now))
    extracted = result(settings, documents, written)
    warnings = [str(err) for err in missing]
    warnings += [o.warning for o in outcomes if o.warning]
    tallies = [catalog_tally(plan.catalog) for plan in catalogs]
    return RunResult(
        settings.root,
        extracted.sources,
        extracted.segments,
        sum(tally.live for tally in tallies),
        sum(tally.translated for tally in tallies),
        tuple(outcomes),
        tuple(warnings),
        (*written, *built.written),
    )
