"""`l10n run`, the main job: extract, translate and build for the configured sources.

Only calls the stages in order. A language without a model leaves its entries
empty and becomes a warning instead of an error.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..mt import Progress
from ..project import Written, relative
from ..settings import Settings
from . import StageOptions
from .build import BuildOptions, build
from .extract import ExtractOptions, extract
from .translate import Outcome, TranslateOptions, translate


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
        lines = [
            f"{o.language}: machine-translated {o.segments} segments with {o.provenance}"
            for o in self.outcomes
        ]
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


def _merged(*groups: tuple[Written, ...]) -> tuple[Written, ...]:
    """Each file once, in the order first written; changed if any stage changed it."""
    changed: dict[Path, bool] = {}
    for group in groups:
        for item in group:
            changed[item.path] = changed.get(item.path, False) or item.changed
    return tuple(Written(path, was_changed) for path, was_changed in changed.items())


def run(settings: Settings, options: RunOptions) -> RunResult:
    extracted = extract(settings, ExtractOptions(now=options.now))
    translated = translate(settings, TranslateOptions(now=options.now, progress=options.progress))
    built = build(settings, BuildOptions(now=options.now))
    warnings = [f"{message}; entries left untranslated" for message in translated.missing_models]
    warnings += translated.warnings
    entries = sum(tally.live for tally in translated.tallies)
    filled = sum(tally.translated for tally in translated.tallies)
    return RunResult(
        settings.root,
        extracted.sources,
        extracted.segments,
        entries,
        filled,
        translated.outcomes,
        tuple(warnings),
        _merged(extracted.written, translated.written, built.written),
    )
