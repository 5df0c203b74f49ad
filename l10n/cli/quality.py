"""Quality commands: `l10n check` (the CI gate) and `l10n stats`."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path

import typer

from .commands import Output, chosen_sources, project_settings, utc_now


class Report(StrEnum):
    text = "text"
    json = "json"
    junit = "junit"
    github = "github"


class FailOn(StrEnum):
    warning = "warning"
    error = "error"


def _codes(values: list[str] | None) -> frozenset[str]:
    from ..checks import ALIGNMENT_CODES, CHECKS, THRESHOLD_CODES
    from ..errors import SettingsError

    codes = frozenset(c.strip() for v in values or [] for c in v.split(",") if c.strip())
    unknown = codes - {*ALIGNMENT_CODES, *CHECKS, *THRESHOLD_CODES}
    if unknown:
        raise SettingsError(f"unknown check code(s): {', '.join(sorted(unknown))}")
    return codes


def check(
    files: list[Path] = typer.Argument(None, help="Sources (default: [tool.l10n] sources)."),
    output: Report = typer.Option(Report.text, "--format", help="text, json, junit or github."),
    min_reviewed: float = typer.Option(
        None,
        "--min-reviewed",
        min=0,
        max=100,
        help="Fail when a catalog has fewer than PCT% reviewed.",
    ),
    max_fuzzy: int = typer.Option(None, "--max-fuzzy", min=0, help="Fail above N fuzzy entries."),
    fail_on: FailOn = typer.Option(FailOn.error, "--fail-on", help="warning or error."),
    select: list[str] = typer.Option(None, "--select", help="Only these check codes."),
    ignore: list[str] = typer.Option(None, "--ignore", help="Skip these check codes."),
) -> None:
    """Check sources, templates and catalogs: alignment, zh→en content, thresholds.

    Exit 0 clean, 1 findings at or above --fail-on, 2 usage or input errors."""
    from ..checks import REPORTS, Gate, Severity
    from ..checks.gate import exit_code
    from ..pipeline import check as run_check

    settings = project_settings()
    gate = Gate(
        min_reviewed=min_reviewed,
        max_fuzzy=max_fuzzy,
        fail_on=Severity(fail_on.value),
        select=_codes(select),
        ignore=_codes(ignore),
    )
    result = run_check(chosen_sources(settings, files), settings, utc_now(), gate)
    typer.echo(REPORTS[output.value](result.findings, result.checked), nl=False)
    code = exit_code(result.findings, gate)
    if code:
        raise typer.Exit(code)


def stats(
    files: list[Path] = typer.Argument(None, help="Sources (default: [tool.l10n] sources)."),
    output: Output = typer.Option(Output.text, "--format", help="text or json."),
) -> None:
    """Reviewed, fuzzy (machine / changed source), untranslated and obsolete entries."""
    from ..catalog.stats import Stats
    from ..pipeline import stats as run_stats

    settings = project_settings()
    rows = run_stats(chosen_sources(settings, files), settings)
    if not rows:
        typer.echo("l10n: warning: no catalogs for these sources yet; run `l10n extract`", err=True)
    total = sum((row for _, row in rows), Stats())
    if output is Output.json:
        document = {
            "version": 1,
            "catalogs": [{"path": path, **row.as_dict()} for path, row in rows],
            "total": total.as_dict(),
        }
        typer.echo(json.dumps(document, ensure_ascii=False, indent=2))
        return
    header = ("reviewed", "machine", "changed", "untranslated", "obsolete")
    width = max([len("catalog"), *(len(path) for path, _ in rows)])
    typer.echo(f"{'catalog':<{width}} " + " ".join(f"{h:>12}" for h in header) + " reviewed%")
    for path, row in [*rows, ("total", total)]:
        counts = (
            row.reviewed,
            row.fuzzy_machine,
            row.fuzzy_changed,
            row.untranslated,
            row.obsolete,
        )
        cells = " ".join(f"{c.entries:>5} ({c.characters:>5})"[-12:].rjust(12) for c in counts)
        typer.echo(f"{path:<{width}} {cells} {row.reviewed_percent():>8.1f}%")
    typer.echo("counts are entries (source characters)")


COMMANDS = {"check": check, "stats": stats}
