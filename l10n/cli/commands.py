"""The commands over sources: parse options, call a stage, print its result, exit.

Heavy modules are imported inside the commands so that `l10n --help` stays fast.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path

import typer

from ..render import LAYOUTS, RENDERERS
from .output import Progress, echo_lines, error, exit_with, files_of, project_settings, warn

SOURCES = typer.Argument(None, help="Sources (default: [tool.l10n] sources).")
JOBS = typer.Option(
    None, "--jobs", "-j", min=1, help="Processes for per-article work (default: usable cores)."
)
FORCE = typer.Option(
    False, "--force", help="Redo every source, even those .l10n/state.json shows current."
)


class Output(StrEnum):
    text = "text"
    json = "json"


def segment(
    file: Path = typer.Argument(..., help="A UTF-8 text article."),
    output: Output = typer.Option(Output.text, "--format", help="text or json."),
) -> None:
    """Show the blocks and segments of an article (kind, id, text)."""
    from ..stages.segment import SegmentOptions
    from ..stages.segment import segment as run_segment

    result = run_segment(project_settings(), SegmentOptions(file))
    if output is Output.json:
        typer.echo(result.as_json())
    else:
        echo_lines(result.as_text())


def convert(
    file: Path = typer.Argument(None, help="A UTF-8 text file; '-' or nothing reads stdin."),
    config: str = typer.Option("t2s", "--config", "-c", help="OpenCC config (t2s, s2twp, …)."),
    out: Path = typer.Option(None, "--output", "-o", help="Write here instead of stdout."),
) -> None:
    """Convert Chinese script with OpenCC (default: Traditional → Simplified)."""
    from ..script import normalise_config
    from ..stages.convert import ConvertOptions
    from ..stages.convert import convert as run_convert

    normalise_config(config)  # a bad name is refused before stdin is read
    if file is None or str(file) == "-":
        options = ConvertOptions(config, data=sys.stdin.buffer.read(), output=out)
    else:
        options = ConvertOptions(config, file=file, output=out)
    converted = run_convert(options)
    if out is None:
        sys.stdout.write(converted)
        sys.stdout.flush()


def extract(
    files: list[Path] = SOURCES,
    no_fuzzy_matching: bool = typer.Option(
        False, "--no-fuzzy-matching", help="Do not carry translations over to changed sources."
    ),
    jobs: int = JOBS,
    force: bool = FORCE,
) -> None:
    """Write locales/<doc>.pot and update each language's PO catalog."""
    from ..stages.extract import ExtractOptions
    from ..stages.extract import extract as run_extract

    options = ExtractOptions(
        files_of(files), jobs=jobs, force=force, fuzzy_matching=not no_fuzzy_matching
    )
    echo_lines(run_extract(project_settings(), options).lines())


def build(
    files: list[Path] = SOURCES,
    lang: list[str] = typer.Option(None, "--lang", "-l", help="Target language(s)."),
    formats: str = typer.Option(
        None, "--format", "-f", help=f"Comma-separated: {','.join(RENDERERS)}."
    ),
    out_dir: Path = typer.Option(None, "--output", "-o", help="Output folder (default: dist/)."),
    layout: str = typer.Option(
        None, "--layout", help=f"{', '.join(LAYOUTS)}; several: comma-separated."
    ),
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
        False,
        "--include-machine",
        help="TMX: add unreviewed pairs, marked; source: use unreviewed translations too.",
    ),
    source_script: str = typer.Option(
        None, "--source-script", help="Show the source converted: hans or hant."
    ),
    collection: str = typer.Option(
        None, "--collection", help="One book NAME of every source: epub, pdf, html or docx."
    ),
    jobs: int = JOBS,
    force: bool = FORCE,
) -> None:
    """Build bilingual editions (source beside translation) from the catalogs."""
    from ..stages.build import BuildOptions
    from ..stages.build import build as run_build

    options = BuildOptions(
        files_of(files),
        jobs=jobs,
        force=force,
        languages=tuple(lang) if lang else None,
        formats=None
        if formats is None
        else tuple(f.strip() for f in formats.split(",") if f.strip()),
        out_dir=out_dir,
        layout=layout,
        include_machine=include_machine,
        only_reviewed=only_reviewed,
        min_reviewed=min_reviewed,
        source_script=source_script,
        collection=collection,
    )
    result = run_build(project_settings(), options)
    for problem in result.problems():
        typer.echo(f"l10n: {problem}", err=True)
    exit_with(result.exit_code)
    echo_lines(result.lines())


def translate(
    files: list[Path] = SOURCES,
    retranslate_machine: bool = typer.Option(
        False, "--retranslate-machine", help="Also redo unreviewed machine translations."
    ),
    dry_run: bool = typer.Option(
        False, "--dry-run", help="Only say how many segments and characters would be sent."
    ),
    draft: bool = typer.Option(
        False, "--draft", help="The engine's faster, rougher settings (Argos: beam size 1)."
    ),
    accept_context: bool = typer.Option(
        False,
        "--accept-context",
        help="Translation-memory context matches count as reviewed (not fuzzy).",
    ),
    ray: str = typer.Option(
        None,
        "--ray",
        metavar="ADDRESS",
        help="Run the engine on a Ray cluster (its address, or auto); needs l10n[ray].",
    ),
    shard: str = typer.Option(
        None, "--shard", metavar="K/N", help="Only the K-th of N disjoint sets of articles."
    ),
) -> None:
    """Fill the empty entries from the translation memory, then the engine (fuzzy, with
    provenance)."""
    from ..shard import parse_shard
    from ..stages.translate import TranslateOptions
    from ..stages.translate import translate as run_translate

    options = TranslateOptions(
        files_of(files),
        retranslate_machine=retranslate_machine,
        dry_run=dry_run,
        draft=draft,
        accept_context=accept_context,
        ray=ray or "",
        shard=None if shard is None else parse_shard(shard),
        progress=Progress(),
    )
    result = run_translate(project_settings(), options)
    for warning in result.warnings:
        warn(warning)
    echo_lines(result.lines())
    for message in result.missing_models:
        error(message)
    exit_with(result.exit_code)


def run(jobs: int = JOBS, force: bool = FORCE) -> None:
    """Run every stage for the configured sources: extract, translate, build. Sources whose
    inputs and outputs are as `.l10n/state.json` recorded are skipped."""
    from ..stages.run import RunOptions
    from ..stages.run import run as run_all

    options = RunOptions(jobs=jobs, force=force, progress=Progress())
    result = run_all(project_settings(), options)
    for warning in result.warnings:
        warn(warning)
    echo_lines(result.lines())


def align(
    source: Path = typer.Argument(..., help="The source article, as l10n reads articles."),
    translation: Path = typer.Argument(..., help="Its English translation (UTF-8 text)."),
    out: Path = typer.Option(None, "--output", "-o", help="Write here instead of stdout."),
    output_format: str = typer.Option("json", "--format", "-f", help="json, tmx or po."),
    into_catalog: bool = typer.Option(
        False, "--into-catalog", help="The same as --format po: fill the document's catalog."
    ),
    lang: str = typer.Option(None, "--lang", "-l", help="po: the catalog's language."),
    accept: float = typer.Option(
        None, "--accept", min=0.0, max=1.0, help="po: beads scoring this or more are reviewed."
    ),
    force: bool = typer.Option(
        False, "--force", help="Align even a translation that seems to be of another text."
    ),
    mt: bool = typer.Option(
        None,
        "--mt/--no-mt",
        help="A draft machine translation of the source helps (default: when a model is there).",
    ),
) -> None:
    """Align a human translation with its source, sentence by sentence: JSON beads, TMX,
    or pairs in the document's catalog (fuzzy, or reviewed from --accept)."""
    from ..errors import SettingsError
    from ..stages.align import FORMATS, AlignOptions, align_files, align_into_catalog

    output_format = "po" if into_catalog else output_format
    if output_format not in FORMATS:
        raise SettingsError(f"unknown --format {output_format!r}; use {', '.join(FORMATS)}")
    if output_format == "po" and out is not None:
        raise SettingsError("--format po fills the document's catalog; -o is for json and tmx")
    if output_format != "po" and (accept is not None or lang):
        raise SettingsError("--accept and --lang are for --format po")
    options = AlignOptions(
        source=source,
        translation=translation,
        output=out,
        format=output_format,
        force=force,
        language=lang,
        accept=accept,
        mt=mt,
    )
    stage = align_into_catalog if output_format == "po" else align_files
    result = stage(project_settings(), options)
    for warning in result.warnings:
        warn(warning)
    echo_lines(result.lines())
    exit_with(result.exit_code)


def compile_mo(files: list[Path] = SOURCES) -> None:
    """Compile the catalogs to MO files (reviewed entries only, as msgfmt does)."""
    from ..stages.compile import CompileOptions, compile_catalogs

    echo_lines(compile_catalogs(project_settings(), CompileOptions(files_of(files))).lines())


COMMANDS = {
    "run": run,
    "segment": segment,
    "convert": convert,
    "extract": extract,
    "translate": translate,
    "build": build,
    "compile": compile_mo,
    "align": align,
}
