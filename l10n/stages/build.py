"""`l10n build`: bilingual editions of the sources from their catalogs.

Editions are rendered in memory first (renderers return text or bytes); when
`min_reviewed` is set and an edition falls below it, nothing is written and the
result says which and by how much.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import polib

from ..catalog import source_tally, translations
from ..document import Document
from ..edition import Edition, align, review_notes
from ..errors import FINDINGS, InputError, SettingsError
from ..files import atomic_write_all
from ..project import (
    Source,
    Written,
    catalog_path,
    discover,
    document_language,
    load,
    read_catalog_file,
    relative,
)
from ..render import renderers
from ..script import convert, is_traditional
from ..settings import Settings, require_language
from . import StageOptions


@dataclass(frozen=True)
class BuildOptions(StageOptions):
    """What to build; what is None is taken from the settings (`resolved`)."""

    languages: tuple[str, ...] | None = None
    formats: tuple[str, ...] | None = None
    out_dir: Path | None = None
    layout: str | None = None  # side-by-side, interleaved, translation-only; several: a,b
    include_machine: bool = False  # tmx: also unreviewed pairs, marked; source: used too
    only_reviewed: bool = False  # withhold unreviewed output, per segment
    min_reviewed: float | None = None  # percent; below it the build fails
    source_script: str | None = None  # "hans" or "hant": the source column converted
    collection: str | None = None  # one book of every source, by this name (`collection`)

    def resolved(self, settings: Settings) -> BuildOptions:
        return replace(
            self,
            languages=settings.languages if self.languages is None else self.languages,
            formats=settings.formats if self.formats is None else self.formats,
            out_dir=settings.root / settings.dist if self.out_dir is None else self.out_dir,
            layout=settings.layout if self.layout is None else self.layout,
        )

    @property
    def created(self) -> str:
        """The editions' creation date, as TMX writes it."""
        return self.now.strftime("%Y%m%dT%H%M%SZ")


@dataclass(frozen=True)
class BuildResult:
    root: Path
    written: tuple[Written, ...]
    below_threshold: tuple[tuple[str, float], ...]  # (edition, reviewed percent)
    min_reviewed: float | None = None

    @property
    def exit_code(self) -> int:
        """1 when an edition fell below the threshold (nothing was written), else 0."""
        return FINDINGS if self.below_threshold else 0

    def lines(self) -> list[str]:
        return [relative(item.path, self.root) for item in self.written]

    def problems(self) -> list[str]:
        """Why nothing was written, one line per edition below the threshold."""
        return [
            f"{name}: {percent:.1f}% reviewed, below --min-reviewed {self.min_reviewed:g}%; "
            "nothing written"
            for name, percent in self.below_threshold
        ]


def _source_view(
    settings: Settings, language: str, script: str | None
) -> tuple[Callable[[str], str], str]:
    """(function showing a source in `language`, its language tag) for `--source-script`."""
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
    document: Document,
    catalog: polib.POFile | None,
    settings: Settings,
    language: str,
    options: BuildOptions,
) -> Edition:
    translated = translations(catalog) if catalog is not None else {}
    show, tag = _source_view(settings, document_language(document, settings), options.source_script)
    return align(
        document,
        translated,
        tag,
        language,
        only_reviewed=options.only_reviewed,
        show_source=show,
        notes=review_notes(catalog) if catalog is not None else None,
    )


def build(settings: Settings, options: BuildOptions) -> BuildResult:
    """Render bilingual editions of each source into the output folder."""
    if options.collection is not None:
        from .collection import build_collection

        return build_collection(settings, options, options.collection)
    loaded = [(source, load(source, settings)) for source in discover(settings, options.files)]
    return build_documents(loaded, settings, options)


def build_documents(
    loaded: Sequence[tuple[Source, Document]], settings: Settings, options: BuildOptions
) -> BuildResult:
    """Render the editions of sources already read; nothing is written when one falls below
    `min_reviewed`."""
    options = options.resolved(settings)
    for language in options.languages:
        require_language(settings, language)
    assert options.out_dir is not None
    if options.out_dir.exists() and not options.out_dir.is_dir():
        raise InputError(f"{options.out_dir} is a file, not a folder for the editions")
    made = renderers(options.formats, options)
    outputs = []
    below = []
    for source, document in loaded:
        for language in options.languages:
            catalog = read_catalog_file(catalog_path(source, settings, language), settings.root)
            pages = edition(document, catalog, settings, language, options)
            if options.min_reviewed is not None:
                texts = (segment.text for _, segment in document.segments())
                percent = source_tally(texts, catalog).reviewed_percent()
                if percent < options.min_reviewed:
                    below.append((f"{source.name} ({language})", percent))
            for r, infix in made:
                extension = r.extension_for(pages) if hasattr(r, "extension_for") else r.extension
                path = options.out_dir / f"{source.stem}.{language}{infix}.{extension}"
                if any(path == written for written, _ in outputs):
                    raise SettingsError(
                        f"two formats would both write {relative(path, settings.root)}: "
                        "build them into different folders (--output)"
                    )
                outputs.append((path, r.render(pages)))
    if below:
        return BuildResult(settings.root, (), tuple(below), options.min_reviewed)
    atomic_write_all(outputs)
    written = tuple(Written(path, True) for path, _ in outputs)
    return BuildResult(settings.root, written, (), options.min_reviewed)
