"""`l10n xliff`: export catalogs as XLIFF 1.2 for CAT tools, and import the work back."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from .output import HelpWhenBare, echo_lines, exit_with, files_of, project_settings, warn

xliff_app = typer.Typer(
    cls=HelpWhenBare,
    help="XLIFF 1.2 exchange with CAT tools (memoQ, Trados, OmegaT).",
    rich_markup_mode=None,
)


@xliff_app.command("export")
def export_command(
    files: list[Path] = typer.Argument(None, help="Sources (default: the configured ones)."),
    lang: str = typer.Option(None, "--lang", "-l", help="Only the catalogs of this language."),
    output: Path = typer.Option(None, "--output", "-o", help="The XLIFF file (default: stdout)."),
) -> None:
    """Write the catalogs as one XLIFF 1.2 document: status as state and approved,
    provenance and comments as notes, previous sources and memory matches as alt-trans."""
    from ..stages.xliff import ExportOptions, export_xliff

    result = export_xliff(
        project_settings(), ExportOptions(files=files_of(files), language=lang, out=output)
    )
    if result.data:
        sys.stdout.buffer.write(result.data)
        sys.stdout.flush()
    for line in result.warnings:
        typer.echo(line, err=True)
    echo_lines(result.lines)


@xliff_app.command("import")
def import_command(
    file: Path = typer.Argument(..., help="An XLIFF file exported by l10n."),
) -> None:
    """Put the translations and approvals of an XLIFF file back into the catalogs; units
    whose source changed since the export are refused (exit 1)."""
    from ..stages.xliff import import_xliff

    result = import_xliff(project_settings(), file)
    echo_lines(result.lines)
    for message in result.warnings:
        warn(message)
    exit_with(result.exit_code)
