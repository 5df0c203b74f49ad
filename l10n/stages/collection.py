"""`l10n build --collection NAME`: every configured source (or the files named) in one
book per language and format: an EPUB, PDF, HTML page or DOCX with a table of contents, as
for an issue of a magazine or a week of news. Written as `<dist>/<NAME>.<lang>.<ext>`.
"""

from __future__ import annotations

import os
import re
from dataclasses import replace

from ..catalog import source_tally
from ..errors import InputError, SettingsError
from ..files import atomic_write_all
from ..project import Written, catalog_path, discover, load, read_catalog_file
from ..render import layouts, renderer
from ..settings import Settings, require_language
from .build import BuildOptions, BuildResult, edition

FORMATS = ("epub", "pdf", "html", "docx")  # the formats that hold several articles
_NAME = re.compile(r"[^\s./\\\x00-\x1f][^/\\\x00-\x1f]{0,99}")


def _formats(options: BuildOptions, settings: Settings) -> tuple[str, ...]:
    """The formats asked for; when none were, the configured ones that hold a collection."""
    if options.formats is None:
        return tuple(f for f in settings.formats if f in FORMATS) or ("html",)
    for name in options.formats:
        if name not in FORMATS:
            raise SettingsError(
                f"a collection is built as {', '.join(FORMATS)}, not {name!r} (--format)"
            )
    return options.formats


def build_collection(settings: Settings, options: BuildOptions, name: str) -> BuildResult:
    """One book of every source per language, format and layout; nothing is written when
    a source falls below `min_reviewed`."""
    if not _NAME.fullmatch(name):
        raise SettingsError(f"{name!r} cannot name a collection's file (--collection)")
    formats = _formats(options, settings)
    given = options.out_dir  # as the user wrote it, for messages
    options = options.resolved(settings)
    for language in options.languages:
        require_language(settings, language)
    assert options.out_dir is not None and options.layout is not None
    if options.out_dir.exists() and not options.out_dir.is_dir():
        raise InputError(f"{given or options.out_dir} is a file, not a folder for the editions")
    sources = [(source, load(source, settings)) for source in discover(settings, options.files)]
    chosen = layouts(options.layout)
    outputs = []
    below = []
    for language in options.languages:
        editions = []
        for source, document in sources:
            catalog = read_catalog_file(catalog_path(source, settings, language), settings.root)
            editions.append(edition(document, catalog, settings, language, options))
            if options.min_reviewed is not None:
                texts = (segment.text for _, segment in document.segments())
                percent = source_tally(texts, catalog).reviewed_percent()
                if percent < options.min_reviewed:
                    below.append((f"{source.name} ({language})", percent))
        for layout in chosen:
            infix = f".{layout}" if len(chosen) > 1 else ""
            for format_name in formats:
                made = renderer(format_name, replace(options, layout=layout))
                path = options.out_dir / f"{name}.{language}{infix}.{made.extension}"
                outputs.append((path, made.render_collection(name, editions)))
    if below:
        return BuildResult(settings.root, (), tuple(below), options.min_reviewed)
    atomic_write_all(outputs)
    written = tuple(Written(os.fspath(path), True) for path, _ in outputs)
    return BuildResult(settings.root, written, (), options.min_reviewed)
