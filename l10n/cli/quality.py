"""Quality commands: `l10n check` (the CI gate) and `l10n stats`."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

import typer

from .commands import FORCE, JOBS, SOURCES, Output
from .output import echo_lines, exit_with, files_of, project_settings, warn


class Report(StrEnum):
    text = "text"
    json = "json"
    junit = "junit"
    github = "github"


class FailOn(StrEnum):
    warning = "warning"
    error = "error"


def check(
    files: list[Path] = SOURCES,
    output: Report = typer.Option(Report.text, "--format", help="text, json, junit or github."),
    min_reviewed: float = typer.Option(
        None,
        "--min-reviewed",
        min=0,
        max=100,
        help="Fail when a catalog has fewer than PCT% reviewed.",
    ),
    max_fuzzy: int = typer.Option(None, "--max-fuzzy", min=0, help="Fail above N fuzzy entries."),
    fail_on: FailOn = typer.Option(
        None, "--fail-on", help="warning or error (default: [tool.l10n.check], else error)."
    ),
    select: list[str] = typer.Option(None, "--select", help="Only these check codes."),
    ignore: list[str] = typer.Option(None, "--ignore", help="Skip these check codes."),
    jobs: int = JOBS,
    force: bool = FORCE,
) -> None:
    """Check sources, templates and catalogs: alignment, zh→en content, consistency, thresholds.

    Exit 0 clean, 1 findings at or above --fail-on, 2 usage or input errors."""
    from ..checks.gate import parse_codes
    from ..stages.check import CheckOptions
    from ..stages.check import check as run_check

    options = CheckOptions(
        files_of(files),
        jobs=jobs,
        force=force,
        min_reviewed=min_reviewed,
        max_fuzzy=max_fuzzy,
        fail_on=fail_on.value if fail_on else None,
        select=parse_codes(select or ()),
        ignore=parse_codes(ignore or ()),
    )
    result = run_check(project_settings(), options)
    typer.echo(result.report(output.value), nl=False)
    exit_with(result.exit_code)


def stats(
    files: list[Path] = SOURCES,
    output: Output = typer.Option(Output.text, "--format", help="text or json."),
    matches: bool = typer.Option(
        False, "--matches", help="Also segments by translation-memory match band."
    ),
) -> None:
    """Reviewed, fuzzy (machine / changed source), untranslated and obsolete entries."""
    from ..stages.stats import StatsOptions
    from ..stages.stats import stats as run_stats

    result = run_stats(project_settings(), StatsOptions(files_of(files), matches=matches))
    if result.warning:
        warn(result.warning)
    if output is Output.json:
        typer.echo(result.as_json())
    else:
        echo_lines(result.as_table().splitlines())
        if matches:
            echo_lines(result.matches_table().splitlines())


COMMANDS = {"check": check, "stats": stats}
