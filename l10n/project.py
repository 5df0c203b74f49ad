"""A project on disk: its sources, where their catalogs live, reading and writing them safely.

The file edges shared by the stages in `l10n.stages`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import polib

from .catalog import Header, dump_catalog, keep_dates_if_unchanged, read_catalog
from .document import Document
from .errors import CatalogError, InputError, SettingsError
from .files import (
    atomic_write,
    decode_utf8,
    exclusive,
    read_input,
    read_optional,
    remove_stale_temporaries,
    require_file,
)
from .readers import read_document
from .settings import Settings


@dataclass(frozen=True)
class Source:
    path: Path
    name: str  # path relative to the project root, as written in `#:` references

    @property
    def stem(self) -> str:
        return self.path.stem


@dataclass(frozen=True)
class Written:
    path: Path
    changed: bool


def relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def discover(settings: Settings, given: Sequence[Path] = ()) -> list[Source]:
    """The sources named on the command line, else those matching `sources` globs."""
    root = settings.root
    if given:
        paths = [p if p.is_absolute() else Path.cwd() / p for p in given]
    else:
        paths = sorted({p for pattern in settings.sources for p in root.glob(pattern)})
        if not paths:
            raise InputError(f"no sources match {', '.join(settings.sources)} under {root}")
    sources = [Source(p, relative(p, root)) for p in paths]
    for source in sources:
        require_file(source.path, source.name)
    stems: dict[str, str] = {}
    for source in sources:
        if stems.setdefault(source.stem, source.name) != source.name:
            raise SettingsError(
                f"{source.name} and {stems[source.stem]} would share the catalog "
                f"name {source.stem!r}"
            )
    return sources


def load(source: Source, settings: Settings) -> Document:
    """The Document of a source, read by the reader for its file type."""
    return read_document(
        read_input(source.path, source.name), source.path, source.name, settings.rules
    )


def header(settings: Settings) -> Header:
    return Header(settings.project, settings.source_language, settings.opencc_config)


def template_path(source: Source, settings: Settings) -> Path:
    return settings.root / settings.locales / f"{source.stem}.pot"


def catalog_path(source: Source, settings: Settings, language: str) -> Path:
    return settings.root / settings.locales / language / "LC_MESSAGES" / f"{source.stem}.po"


def read_catalog_file(path: Path, root: Path) -> polib.POFile | None:
    """The catalog at `path`, or None when there is none."""
    label = relative(path, root)
    data = read_optional(path, label, CatalogError)
    if data is None:
        return None
    return read_catalog(decode_utf8(data, label, CatalogError), label)


def catalogs(
    sources: Sequence[Source], settings: Settings, *, required: bool
) -> list[tuple[str, Path, polib.POFile | None]]:
    """(language, path, catalog or None) for each source and language; with `required`, a
    missing catalog is an error that says to extract first."""
    found = []
    for source in sources:
        for language in settings.languages:
            path = catalog_path(source, settings, language)
            catalog = read_catalog_file(path, settings.root)
            if catalog is None and required:
                raise CatalogError(
                    f"{relative(path, settings.root)}: no catalog; run `l10n extract` first"
                )
            found.append((language, path, catalog))
    return found


@contextmanager
def lock(settings: Settings) -> Iterator[None]:
    """The lock every stage that writes catalogs holds while it reads and writes them.
    Once it is held, temporary files that killed writers left in the locales are removed."""
    locales = settings.root / settings.locales
    with exclusive(locales / ".l10n.lock", settings.lock_timeout):
        remove_stale_temporaries(locales)
        yield


@dataclass(frozen=True)
class CatalogPlan:
    """A template or catalog to write, and the version it replaces (None: a new file)."""

    path: Path
    catalog: polib.POFile
    old: polib.POFile | None
    language: str = ""  # the catalog's target language; "" for a template


def write_catalogs(plans: Sequence[CatalogPlan]) -> list[Written]:
    """Write each planned file whose text changed; an unchanged one keeps its dates and bytes."""
    written = []
    for plan in plans:
        keep_dates_if_unchanged(plan.catalog, plan.old)
        text = dump_catalog(plan.catalog)
        try:
            changed = plan.path.read_text(encoding="utf-8") != text
        except FileNotFoundError:
            changed = True
        if changed:  # also rewrites a translator's differently wrapped save canonically
            atomic_write(plan.path, text)
        written.append(Written(plan.path, changed))
    return written
