"""`l10n tm`: import, export, look up and count the translation memory."""

from __future__ import annotations

from pathlib import Path

import typer

from .output import HelpWhenBare, echo_lines, project_settings

tm_app = typer.Typer(
    cls=HelpWhenBare,
    help="The translation memory: reviewed sentences of the catalogs and of TMX files.",
    rich_markup_mode=None,
)


@tm_app.command("import")
def import_command(file: Path = typer.Argument(..., help="A TMX file (any TMX tool's).")) -> None:
    """Copy a TMX file into the project's TMX folder and index its units."""
    from ..stages.tm import import_tmx

    echo_lines(import_tmx(project_settings(), file).lines)


@tm_app.command("export")
def export_command(
    out: Path = typer.Argument(..., help="The TMX file to write."),
    lang: str = typer.Option(None, "--lang", "-l", help="Only pairs into this language."),
) -> None:
    """Write every reviewed pair of the memory as TMX 1.4."""
    from ..stages.tm import export_tmx

    echo_lines(export_tmx(project_settings(), out, lang).lines)


@tm_app.command("lookup")
def lookup_command(
    text: str = typer.Argument(..., help="A source sentence."),
    lang: str = typer.Option(None, "--lang", "-l", help="Target language (default: the first)."),
    limit: int = typer.Option(5, "--limit", "-n", min=1, help="Matches to show."),
    as_json: bool = typer.Option(False, "--json", help="JSON: score, kind, texts, origin."),
) -> None:
    """The best matches for a sentence: score, class, translation, where it comes from."""
    from ..stages.tm import lookup_text

    settings = project_settings()
    echo_lines(lookup_text(settings, text, lang or settings.languages[0], limit, as_json).lines)


@tm_app.command("stats")
def stats_command() -> None:
    """Units per language and the files the memory is built from."""
    from ..stages.tm import tm_stats

    echo_lines(tm_stats(project_settings()).lines)
