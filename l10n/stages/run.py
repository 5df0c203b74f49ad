"""`l10n run`, the main job: extract, translate and build for the configured sources.

Calls the stages' steps in order, under one hold of the catalogs' lock: the
sources are read once, the catalogs extracted and translated in memory and
written once, so a run that fails writes nothing; then the editions are built.
A language without a model leaves its entries empty and becomes a warning.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..mt import Progress
from ..parallel import resolve_jobs
from ..project import Written, discover, lock, relative
from ..settings import Settings
from ..state import load_state
from . import StageOptions
from .build import BuildOptions, build_sources
from .extract import ExtractOptions, commit, extract_sources, plan_extraction, result
from .prefill import Prefill
from .translate import Outcome, TranslateOptions

LISTED_UNCHANGED = 50  # beyond this many, unchanged files are counted, not listed


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
        unchanged = len(self.written) - len(changed)
        listed = self.written if unchanged <= LISTED_UNCHANGED else changed
        for item in listed:
            state = "" if item.changed else " (unchanged)"
            lines.append(f"  {relative(item.path, self.root)}{state}")
        if listed is changed and unchanged:
            lines.append(f"  and {unchanged:,} unchanged file(s)")
        return lines


def run(settings: Settings, options: RunOptions) -> RunResult:
    """Extract, translate and build; what the state shows is current is skipped."""
    state = load_state(settings.root, force=options.force)
    jobs = resolve_jobs(options.jobs)
    extract_options = ExtractOptions(now=options.now, jobs=options.jobs)
    translate_options = TranslateOptions(now=options.now, progress=options.progress)
    sources = discover(settings, options.files)
    planned = plan_extraction(sources, settings, extract_options, state)
    with lock(settings):
        extracted = extract_sources(planned, settings, extract_options, jobs)
        prefill = Prefill(settings, translate_options, state)
        outcomes, missing, extracted = prefill.run(extracted)
        written = commit(extracted, settings, state)
        prefill.record()
        built = build_sources(
            sources, settings, BuildOptions(now=options.now, jobs=options.jobs), state
        )
    state.save()
    counted = result(settings, extracted, written)
    warnings = [str(err) for err in missing]
    warnings += [o.warning for o in outcomes if o.warning]
    return RunResult(
        settings.root,
        counted.sources,
        counted.segments,
        counted.entries,
        counted.translated,
        tuple(outcomes),
        tuple(warnings),
        (*written, *built.written),
    )
