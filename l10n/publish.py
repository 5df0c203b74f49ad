"""The build stage: bilingual editions of sources from their catalogs, under a policy.

Editions are rendered in memory first; when `min_reviewed` is set and an edition
falls below it, nothing is written and the result says which and by how much.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .catalog import translations
from .document import Document
from .edition import Edition, align
from .errors import InputError, SettingsError
from .files import atomic_write
from .project import Source, Written, catalog_path, load, read_catalog_file
from .render import RenderOptions, renderer
from .script import convert, is_traditional
from .settings import Settings


@dataclass(frozen=True)
class BuildOptions:
    layout: str = "side-by-side"
    include_machine: bool = False  # tmx
    only_reviewed: bool = False  # withhold unreviewed machine output, per segment
    min_reviewed: float | None = None  # percent; below it the build fails
    source_script: str | None = None  # "hans" or "hant": the source column converted
    created: str = ""


@dataclass(frozen=True)
class BuildResult:
    written: list[Written]
    below_threshold: list[tuple[str, float]]  # (edition, reviewed percent)


def _source_view(settings: Settings, script: str | None):
    """(function showing the source, its language tag) for `--source-script`."""
    language = settings.source_language
    if script is None:
        return (lambda text: text), language
    wanted = script.lower()
    traditional = is_traditional(language)
    if wanted == "hans":
        config = settings.opencc_config if traditional else None
        tag = "zh-Hans"
    elif wanted == "hant":
        config = None if traditional else "s2t"
        tag = "zh-Hant"
    else:
        raise SettingsError(f"unknown source script {script!r}; choose hans or hant")
    if config is None:
        return (lambda text: text), language
    return (lambda text: convert(text, config)), tag


def edition(
    source: Source,
    document: Document,
    settings: Settings,
    language: str,
    options: BuildOptions = BuildOptions(),
) -> Edition:
    catalog = read_catalog_file(catalog_path(source, settings, language), settings.root)
    translated = translations(catalog) if catalog is not None else {}
    show, tag = _source_view(settings, options.source_script)
    return align(
        document,
        translated,
        tag,
        language,
        only_reviewed=options.only_reviewed,
        show_source=show,
    )


def build(
    sources: Sequence[Source],
    settings: Settings,
    languages: Sequence[str],
    formats: Sequence[str],
    out_dir: Path,
    options: BuildOptions = BuildOptions(),
) -> BuildResult:
    """Render bilingual editions of each source into `out_dir`."""
    loaded = [(source, load(source, settings)) for source in sources]
    return build_loaded(loaded, settings, languages, formats, out_dir, options)


def build_loaded(
    loaded: Sequence[tuple[Source, Document]],
    settings: Settings,
    languages: Sequence[str],
    formats: Sequence[str],
    out_dir: Path,
    options: BuildOptions = BuildOptions(),
) -> BuildResult:
    unknown = [language for language in languages if language not in settings.languages]
    if unknown:
        raise SettingsError(
            f"language {unknown[0]!r} is not in [tool.l10n] languages "
            f"({', '.join(settings.languages)})"
        )
    if out_dir.exists() and not out_dir.is_dir():
        raise InputError(f"{out_dir} is a file, not a folder for the editions")
    render_options = RenderOptions(options.layout, options.include_machine, options.created)
    renderers = [renderer(name, render_options) for name in formats]
    outputs = []
    below = []
    for source, document in loaded:
        for language in languages:
            pages = edition(source, document, settings, language, options)
            if options.min_reviewed is not None:
                percent = pages.reviewed_percent()
                if percent < options.min_reviewed:
                    below.append((f"{source.name} ({language})", percent))
            for r in renderers:
                path = out_dir / f"{source.stem}.{language}.{r.extension}"
                outputs.append((path, r.render(pages)))
    if below:
        return BuildResult([], below)
    for path, text in outputs:
        atomic_write(path, text)
    return BuildResult([Written(path, True) for path, _ in outputs], [])
