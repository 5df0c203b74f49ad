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


def project_settings():
    from ..settings import load

    return load(Path.cwd())


def utc_now() -> datetime:
    return datetime.now(UTC)


def chosen_sources(settings, files: list[Path] | None):
    from ..pipeline import discover

    return discover(settings, files or ())


def segment(
    file: Path = typer.Argument(..., help="A UTF-8 text article."),
    output: Output = typer.Option(Output.text, "--format", help="text or json."),
) -> None:
    """Show the blocks and segments of an article (kind, id, text)."""
    from ..pipeline import Source, load, relative

    settings = project_settings()
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
        text = decode_source(sys.stdin.buffer.read(), "stdin", empty_ok=True)
    else:
        text = read_source(file, empty_ok=True)
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

    settings = project_settings()
    written = run_extract(
        chosen_sources(settings, files), settings, utc_now(), fuzzy_matching=not no_fuzzy_matching
    )
    for item in written:
        state = "written" if item.changed else "unchanged"
        typer.echo(f"{relative(item.path, settings.root)}: {state}")


def build(
    files: list[Path] = typer.Argument(None, help="Sources (default: [tool.l10n] sources)."),
    lang: list[str] = typer.Option(None, "--lang", "-l", help="Target language(s)."),
    formats: str = typer.Option(
        None, "--format", "-f", help="Comma-separated: html,md,txt,tmx,json."
    ),
    out_dir: Path = typer.Option(None, "--output", "-o", help="Output folder (default: dist/)."),
    layout: str = typer.Option(None, "--layout", help="HTML: side-by-side or interleaved."),
    only_reviewed: bool = typer.Option(
        False, "--only-reviewed", help="Show the source, marked, instead of unreviewed output."
    ),
    min_reviewed: float = typer.Option(
        None,
        "--min-reviewed",
        min=0,
        max=100,
        help="Fail (exit 1) when fewer than PCT% are reviewed.",
    ),
    include_machine: bool = typer.Option(
        False, "--include-machine", help="TMX: add unreviewed pairs, marked as such."
    ),
    source_script: str = typer.Option(
        None, "--source-script", help="Show the source converted: hans or hant."
    ),
) -> None:
    """Build bilingual editions (source beside translation) from the catalogs."""
    from ..pipeline import relative
    from ..project import tmx_date
    from ..publish import BuildOptions
    from ..publish import build as run_build

    settings = project_settings()
    names = [f.strip() for f in formats.split(",") if f.strip()] if formats else settings.formats
    options = BuildOptions(
        layout=layout or settings.layout,
        include_machine=include_machine,
        only_reviewed=only_reviewed,
        min_reviewed=min_reviewed,
        source_script=source_script,
        created=tmx_date(utc_now()),
    )
    result = run_build(
        chosen_sources(settings, files),
        settings,
        lang or settings.languages,
        names,
        out_dir or settings.root / settings.dist,
        options,
    )
    for name, percent in result.below_threshold:
        typer.echo(
            f"l10n: {name}: {percent:.1f}% reviewed, below --min-reviewed {min_reviewed:g}%; "
            "nothing written",
            err=True,
        )
    if result.below_threshold:
        raise typer.Exit(1)
    for item in result.written:
        typer.echo(relative(item.path, settings.root))


class _Progress:
    """A progress bar on stderr, shown once an engine starts on a batch."""

    def __init__(self) -> None:
        self.bar = None

    def __call__(self, done: int, total: int, stage: str) -> None:
        if self.bar is None:
            self.bar = typer.progressbar(length=total, label=stage, file=sys.stderr)
            self.bar.__enter__()
        self.bar.update(done - self.bar.pos)
        if done >= total:
            self.bar.__exit__(None, None, None)
            self.bar = None


def _engines(settings):
    from ..pipeline import engine_factory
    from .models import packages_dir

    return engine_factory(settings, packages_dir())


def translate(
    files: list[Path] = typer.Argument(None, help="Sources (default: [tool.l10n] sources)."),
    retranslate_machine: bool = typer.Option(
        False, "--retranslate-machine", help="Also redo unreviewed machine translations."
    ),
    dry_run: bool = typer.Option(
        False, "--dry-run", help="Only say how many segments and characters would be sent."
    ),
    draft: bool = typer.Option(False, "--draft", help="Beam size 1: faster, rougher."),
) -> None:
    """Machine-translate the empty entries of the catalogs (marked fuzzy, with provenance)."""
    from dataclasses import replace

    from ..pipeline import relative
    from ..pipeline import translate as run_translate

    settings = project_settings()
    if draft:
        settings = replace(settings, mt=replace(settings.mt, beam_size=1))
    result = run_translate(
        chosen_sources(settings, files),
        settings,
        utc_now(),
        _engines(settings),
        retranslate_machine=retranslate_machine,
        dry_run=dry_run,
        progress=_Progress(),
    )
    outcomes = result.outcomes
    for o in outcomes:
        if dry_run:
            typer.echo(f"{o.language}: would send {o.segments} segments, {o.characters} characters")
        else:
            typer.echo(
                f"{o.language}: translated {o.segments} segments ({o.filled} entries) "
                f"with {o.provenance}"
            )
            if o.warning:
                typer.echo(f"l10n: warning: {o.warning}", err=True)
    if not result.missing_models and all(o.segments == 0 for o in outcomes):
        typer.echo("nothing to translate: every entry has a translation")
    for item in result.written:
        state = "written" if item.changed else "unchanged"
        typer.echo(f"{relative(item.path, settings.root)}: {state}")
    for message in result.missing_models:
        typer.echo(f"l10n: error: {message}", err=True)
    if result.missing_models:
        raise typer.Exit(2)


def run() -> None:
    """Run every stage for the configured sources: extract, translate, build."""
    from ..pipeline import relative
    from ..pipeline import run as run_all

    settings = project_settings()
    summary = run_all(settings, utc_now(), _engines(settings), progress=_Progress())
    for warning in summary.warnings:
        typer.echo(f"l10n: warning: {warning}", err=True)
    for o in summary.outcomes:
        typer.echo(f"{o.language}: machine-translated {o.segments} segments with {o.provenance}")
    changed = [w for w in summary.written if w.changed]
    typer.echo(
        f"{summary.sources} source(s), {summary.segments} segments, {summary.entries} "
        f"catalog entries ({summary.translated} translated); {len(changed)} of "
        f"{len(summary.written)} file(s) written:"
    )
    for item in summary.written:
        state = "" if item.changed else " (unchanged)"
        typer.echo(f"  {relative(item.path, settings.root)}{state}")


def compile_mo(
    files: list[Path] = typer.Argument(None, help="Sources (default: [tool.l10n] sources)."),
) -> None:
    """Compile the catalogs to MO files (reviewed entries only, as msgfmt does)."""
    from ..pipeline import compile_catalogs, relative

    settings = project_settings()
    for item in compile_catalogs(chosen_sources(settings, files), settings):
        typer.echo(relative(item.path, settings.root))


COMMANDS = {
    "run": run,
    "segment": segment,
    "convert": convert,
    "extract": extract,
    "translate": translate,
    "build": build,
    "compile": compile_mo,
}
