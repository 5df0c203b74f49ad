"""The commands: parse options, call `l10n.pipeline`, print, exit.

Heavy modules are imported inside the commands so that `l10n --help` stays fast.
"""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path

import typer


class Output(StrEnum):
    text = "text"
    json = "json"


def _settings():
    from ..settings import load

    return load(Path.cwd())


def _now() -> datetime:
    return datetime.now(UTC)


def _sources(settings, files: list[Path] | None):
    from ..pipeline import discover

    return discover(settings, files or ())


def segment(
    file: Path = typer.Argument(..., help="A UTF-8 text article."),
    output: Output = typer.Option(Output.text, "--format", help="text or json."),
) -> None:
    """Show the blocks and segments of an article (kind, id, text)."""
    from ..pipeline import Source, load, relative

    settings = _settings()
    document = load(Source(file, relative(file, settings.root)), settings)
    if output is Output.json:
        blocks = [
            {
                "kind": str(block.kind),
                "start": block.start,
                "end": block.end,
                "extracted": block.kind.extracted,
                "segments": [
                    {"id": s.id, "text": s.text, "start": s.start, "end": s.end, "line": s.line}
                    for s in block.segments
                ],
            }
            for block in document.blocks
        ]
        typer.echo(
            json.dumps({"name": document.name, "blocks": blocks}, ensure_ascii=False, indent=2)
        )
        return
    for block in document.blocks:
        for segment in block.segments:
            label = segment.id if block.kind.extracted else "-"
            typer.echo(f"{segment.line:>4}  {block.kind:<12} {label:<10}  {segment.text}")


def convert(
    file: Path = typer.Argument(None, help="A UTF-8 text file; '-' or nothing reads stdin."),
    config: str = typer.Option("t2s", "--config", "-c", help="OpenCC config (t2s, s2twp, …)."),
    out: Path = typer.Option(None, "--output", "-o", help="Write here instead of stdout."),
) -> None:
    """Convert Chinese script with OpenCC (default: Traditional → Simplified)."""
    from ..files import atomic_write, decode_source, read_source
    from ..script import convert as convert_text
    from ..script import normalise_config

    normalise_config(config)
    if file is None or str(file) == "-":
        text = decode_source(sys.stdin.buffer.read(), "stdin")
    else:
        text = read_source(file)
    converted = convert_text(text, config)
    if out is None:
        sys.stdout.write(converted)
        sys.stdout.flush()
    else:
        atomic_write(out, converted)


def extract(
    files: list[Path] = typer.Argument(None, help="Sources (default: [tool.l10n] sources)."),
    no_fuzzy_matching: bool = typer.Option(
        False, "--no-fuzzy-matching", help="Do not carry translations over to changed sources."
    ),
) -> None:
    """Write locales/<doc>.pot and update each language's PO catalog."""
    from ..pipeline import extract as run_extract
    from ..pipeline import relative

    settings = _settings()
    written = run_extract(
        _sources(settings, files), settings, _now(), fuzzy_matching=not no_fuzzy_matching
    )
    for item in written:
        state = "written" if item.changed else "unchanged"
        typer.echo(f"{relative(item.path, settings.root)}: {state}")


def build(
    files: list[Path] = typer.Argument(None, help="Sources (default: [tool.l10n] sources)."),
    lang: list[str] = typer.Option(None, "--lang", "-l", help="Target language(s)."),
    formats: str = typer.Option(None, "--format", "-f", help="Comma-separated: html,md,txt."),
    out_dir: Path = typer.Option(None, "--output", "-o", help="Output folder (default: dist/)."),
) -> None:
    """Build bilingual editions (source beside translation) from the catalogs."""
    from ..pipeline import build as run_build
    from ..pipeline import relative

    settings = _settings()
    names = [f.strip() for f in formats.split(",") if f.strip()] if formats else settings.formats
    target = out_dir or settings.root / settings.dist
    written = run_build(
        _sources(settings, files), settings, lang or settings.languages, names, target
    )
    for item in written:
        typer.echo(relative(item.path, settings.root))


def check(
    files: list[Path] = typer.Argument(None, help="Sources (default: [tool.l10n] sources)."),
    output: Output = typer.Option(Output.text, "--format", help="text or json."),
) -> None:
    """Check that templates and catalogs are aligned with their sources (exit 1 if not)."""
    from ..checks import REPORTS, Severity
    from ..pipeline import check as run_check

    settings = _settings()
    sources = _sources(settings, files)
    findings = run_check(sources, settings, _now())
    typer.echo(REPORTS[output.value](findings, [s.name for s in sources]), nl=False)
    if any(f.severity is Severity.ERROR for f in findings):
        raise typer.Exit(1)


def run() -> None:
    """Run every stage for the configured sources: extract, build."""
    from ..pipeline import relative
    from ..pipeline import run as run_all

    settings = _settings()
    summary = run_all(settings, _now())
    changed = [w for w in summary.written if w.changed]
    typer.echo(
        f"{summary.sources} source(s), {summary.segments} segments, {summary.entries} "
        f"catalog entries ({summary.translated} translated); {len(changed)} file(s) written:"
    )
    for item in summary.written:
        state = "" if item.changed else " (unchanged)"
        typer.echo(f"  {relative(item.path, settings.root)}{state}")


COMMANDS = {
    "run": run,
    "segment": segment,
    "convert": convert,
    "extract": extract,
    "build": build,
    "check": check,
}
