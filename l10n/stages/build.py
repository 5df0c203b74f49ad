"""`l10n build`: bilingual editions of the sources from their catalogs.

Editions are rendered in memory first (renderers return text or bytes); when
`min_reviewed` is set and an edition falls below it, nothing is written and the
result says which and by how much.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import NamedTuple

import polib

from ..catalog import source_tally, translations
from ..catalog.header import revision_time
from ..document import Document
from ..edition import Edition, align, review_notes
from ..errors import FINDINGS, InputError, SettingsError
from ..files import discard, replace_staged, stage
from ..fingerprints import digest_bytes, fingerprint
from ..parallel import ordered_map, resolve_jobs
from ..project import (
    Source,
    Written,
    catalog_file,
    catalog_path,
    discover,
    document_language,
    load_stamped,
    read_catalog_stamped,
    relative,
)
from ..render import renderers
from ..script import convert, is_traditional
from ..settings import Settings, require_language
from ..state import MISSING, State, load_state
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
            # absolute: the state labels a folder in the project from the project's root
            out_dir=settings.root / settings.dist
            if self.out_dir is None
            else Path(os.path.abspath(self.out_dir)),
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
    """Render bilingual editions of each source into the output folder; editions whose
    inputs and files are as the state recorded are left as they are."""
    if options.collection is not None:
        from .collection import build_collection

        return build_collection(settings, options, options.collection)
    state = load_state(settings.root, force=options.force)
    built = build_sources(discover(settings, options.files), settings, options, state)
    if not built.below_threshold:  # a build that writes nothing leaves the state as it was
        state.save()
    return built


class Rendered(NamedTuple):
    """The editions of one source in one language: each file staged (None: the state
    showed it current), with its digest, and the reviewed share of the catalog."""

    key: str
    inputs: str
    files: tuple[tuple[str, Path | None, str], ...]  # (path, temporary, digest)
    reviewed: float
    fresh: bool = False
    stamps: tuple[tuple[str, list | None], ...] = ()  # the inputs as read (`read_stamped`)


def _renderers(options: BuildOptions, catalog: polib.POFile | None) -> list:
    """(renderer, file name infix) of the formats and layouts; dates they write are the
    catalog's revision date, so building the same inputs again gives the same bytes."""
    revised = revision_time(catalog.metadata) if catalog is not None else None
    dated = replace(options, now=revised) if revised is not None else options
    return renderers(dated.formats or (), dated)


def build_article(job: tuple[Source, Settings, BuildOptions, str]) -> list[Rendered]:
    """The editions of one source, in the languages named, staged beside their files; run
    in a worker process for a corpus. `base` is the fingerprint of what all sources share;
    each edition's inputs are fingerprinted from the bytes read here."""
    source, settings, options, base = job
    document, source_stamp = load_stamped(source, settings)
    assert options.out_dir is not None and options.languages is not None
    rendered: list[Rendered] = []
    try:
        for language in options.languages:
            path = catalog_path(source, settings, language)
            catalog, stamp = read_catalog_stamped(path, settings.root)
            inputs = fingerprint(base, source_stamp[-1], stamp[-1] if stamp else MISSING)
            stamps = ((os.fspath(source.path), source_stamp), (os.fspath(path), stamp))
            pages = edition(document, catalog, settings, language, options)
            texts = (segment.text for _, segment in document.segments())
            percent = source_tally(texts, catalog).reviewed_percent()
            files: list[tuple[str, Path | None, str]] = []
            rendered.append(
                Rendered(build_key(source, language), inputs, (), percent, stamps=stamps)
            )
            for r, infix in _renderers(options, catalog):
                extension = r.extension_for(pages) if hasattr(r, "extension_for") else r.extension
                path = options.out_dir / f"{source.stem}.{language}{infix}.{extension}"
                if any(os.fspath(path) == written for written, _, _ in files):
                    raise SettingsError(
                        f"two formats would both write {relative(path, settings.root)}: "
                        "build them into different folders (--output)"
                    )
                content = r.render(pages)
                data = content.encode("utf-8") if isinstance(content, str) else content
                staged = stage(path, data, durable=False)
                files.append((os.fspath(path), staged, digest_bytes(data)))
                rendered[-1] = rendered[-1]._replace(files=tuple(files))
    except BaseException:
        _discard(rendered)
        raise
    return rendered


def _discard(rendered: Sequence[Rendered]) -> None:
    discard([(tmp, path) for r in rendered for path, tmp, _ in r.files if tmp is not None])


def build_key(source: Source, language: str) -> str:
    return f"build {source.name} {language}"


def build_sources(
    sources: Sequence[Source], settings: Settings, options: BuildOptions, state: State
) -> BuildResult:
    """Render the editions of the sources (over `options.jobs` processes), skipping those
    the state shows current; nothing is written when one falls below `min_reviewed`."""
    given = options.out_dir  # as the user wrote it, for messages
    options = options.resolved(settings)
    for language in options.languages or ():
        require_language(settings, language)
    assert options.out_dir is not None and options.languages is not None
    if options.out_dir.exists() and not options.out_dir.is_dir():
        raise InputError(f"{given or options.out_dir} is a file, not a folder for the editions")
    renderers(options.formats or (), options)  # an unknown format or layout, before any work
    base = state.base(
        settings,
        options.formats,
        options.out_dir,
        options.layout,
        options.include_machine,
        options.only_reviewed,
        options.source_script,
    )
    results: list[list[Rendered] | None] = []
    todo = []
    for source in sources:
        kept = _kept(source, settings, options, base, state)
        if kept is None:
            todo.append((len(results), (source, settings, options, base)))
        results.append(kept)
    try:
        done = ordered_map(build_article, [job for _, job in todo], resolve_jobs(options.jobs))
        for (index, _), rendered in zip(todo, done, strict=True):
            results[index] = rendered
    except BaseException:
        _discard([r for found in results if found for r in found])
        raise
    rendered = [r for found in results if found for r in found]
    return _commit(rendered, sources, settings, options, state)


def _kept(
    source: Source, settings: Settings, options: BuildOptions, base: str, state: State
) -> list[Rendered] | None:
    """The editions of a source as the state recorded them, when every one is current;
    None when one is to be built (a source with no record is not even hashed here)."""
    assert options.languages is not None
    kept = []
    source_digest = None
    for language in options.languages:
        key = build_key(source, language)
        if not state.recorded(key):
            return None
        if source_digest is None:
            source_digest = state.digest(source.path, source.found)
        catalog = state.digest(catalog_file(source, settings, language))
        inputs = fingerprint(base, source_digest, catalog)
        step = state.fresh(key, inputs)
        if step is None:
            return None
        reviewed = step.notes.get("reviewed", 0.0)
        if not isinstance(reviewed, (int, float)):  # a record of another shape
            return None
        files = tuple((state.path_of(label), None, v) for label, v in step.outputs.items())
        kept.append(Rendered(key, inputs, files, float(reviewed), True))
    return kept


def _commit(
    rendered: Sequence[Rendered],
    sources: Sequence[Source],
    settings: Settings,
    options: BuildOptions,
    state: State,
) -> BuildResult:
    below = []
    if options.min_reviewed is not None:
        names = [f"{s.name} ({language})" for s in sources for language in options.languages or ()]
        for name, item in zip(names, rendered, strict=True):
            if item.reviewed < options.min_reviewed:
                below.append((name, item.reviewed))
    if below:
        _discard(rendered)
        return BuildResult(settings.root, (), tuple(below), options.min_reviewed)
    same = [
        (tmp, path)
        for r in rendered
        for path, tmp, value in r.files
        if tmp is not None and state.digest(path) == value
    ]
    discard(same)  # an edition rebuilt byte for byte keeps its file and dates
    kept = {tmp for tmp, _ in same}
    # each edition's inode as renamed: builds take no lock, and an edition another build
    # renames into place after ours must not be recorded as ours
    inodes = replace_staged(
        [
            (tmp, path)
            for r in rendered
            for path, tmp, _ in r.files
            if tmp is not None and tmp not in kept
        ],
        durable=False,  # editions are made again from the catalogs
    )
    written = []
    for item in rendered:
        for path, stamp in item.stamps:
            state.adopt(path, stamp)
        for path, tmp, value in item.files:
            written.append(Written(os.fspath(path), tmp is not None and tmp not in kept))
            if not item.fresh:
                state.note(path, value, inodes.get(path))
        if not item.fresh:
            outputs = {path: value for path, _, value in item.files}
            state.record(item.key, item.inputs, outputs, {"reviewed": item.reviewed})
    return BuildResult(settings.root, tuple(written), (), options.min_reviewed)
