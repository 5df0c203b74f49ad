"""A project on disk: its sources, where their catalogs live, reading and writing them safely.

The file edges shared by the stages in `l10n.stages`.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import NamedTuple

import polib

from .catalog import Header, dump_catalog, keep_dates_if_unchanged, read_catalog
from .document import Document
from .errors import CatalogError, InputError, SettingsError
from .files import (
    atomic_write_all,
    decode_utf8,
    exclusive,
    read_input,
    read_optional,
    remove_stale_temporaries,
    require_file,
)
from .readers import read_document
from .script import detect_script, names_either_script
from .settings import Settings
from .stamps import Stamp, read_stamped, stamp_of


@dataclass(frozen=True)
class Source:
    path: Path
    name: str  # path relative to the project root, as written in `#:` references
    # `stamp_of` the `lstat` that found it a regular file: its
    # stamp for the state, taken before anything read it (one system call a source, not two)
    found: Stamp | None = field(default=None, compare=False, repr=False)

    @cached_property
    def stem(self) -> str:
        """The file name without extension: its catalogs' name (asked for at every stage)."""
        return self.path.stem


class Written(NamedTuple):
    """A file a command wrote or left as it was (a corpus run lists tens of thousands)."""

    path: str  # as the operating system names it
    changed: bool


def _inside(
    path: Path, root: Path, folders: dict[str, str | None] | None = None, *, plain: bool = False
) -> str | None:
    """`path` relative to `root` (links resolved), or None when it lies outside. `folders`
    caches, across calls, each folder's own place relative to `root` (None: outside): a
    corpus costs one lookup per file, not per component of its path. `plain`: the path is
    known to be no symbolic link."""
    text = os.fspath(path)
    if folders is not None and (plain or not os.path.islink(text)):
        parent, name = os.path.split(text)
        if parent not in folders:
            folders[parent] = _relative_to(os.path.realpath(parent), os.path.realpath(root))
        folder = folders[parent]
        if folder is not None:
            return name if folder == "." else f"{folder}/{name}"
    # uncached, a link, or a folder outside (the root itself lies in one): resolved whole
    return _relative_to(os.path.realpath(text), os.path.realpath(root))


def _relative_to(resolved: str, home: str) -> str | None:
    """A resolved path relative to the resolved root ("." for the root itself), or None."""
    if resolved == home:
        return "."
    top = os.path.join(home, "")
    if not resolved.startswith(top):
        return None
    return resolved[len(top) :].replace(os.sep, "/")


def _regular_file(path: Path) -> Stamp | None:
    """The `stamp_of` `path` when it is a regular file itself (not a symbolic link to one),
    else None."""
    try:
        found = os.lstat(path)
    except OSError:
        return None
    return stamp_of(found) if stat.S_ISREG(found.st_mode) else None


def relative(path: Path | str, root: Path) -> str:
    """`path` as shown to the user: relative to the project root when it lies inside."""
    text, top = os.fspath(path), os.fspath(root).rstrip(os.sep) + os.sep
    if text.startswith(top) and os.path.isabs(top) and ".." not in text.split(os.sep):
        return text[len(top) :].replace(os.sep, "/")
    found = _inside(Path(path), root)
    return found if found is not None else Path(path).as_posix()


def matching(settings: Settings, patterns: Sequence[str]) -> list[Path]:
    """The paths that globs relative to the project root match, once each, in order (told
    apart by their names: hashing a new `Path` costs more than the glob that made it)."""
    found = {os.fspath(p): p for pattern in patterns for p in settings.root.glob(pattern)}
    return [found[name] for name in sorted(found)]


def configured(settings: Settings) -> list[Path]:
    """The files the `sources` globs match, in order."""
    return matching(settings, settings.sources)


def discover(settings: Settings, given: Sequence[Path] = ()) -> list[Source]:
    """The sources named on the command line, else those matching `sources` globs. Every
    source lies inside the project, and each has a catalog name of its own (its file name
    without extension), also among the configured sources."""
    root = settings.root
    others = configured(settings)
    if given:
        paths = [p if p.is_absolute() else Path.cwd() / p for p in given]
    else:
        paths = others
        if not paths:
            raise InputError(f"no sources match {', '.join(settings.sources)} under {root}")
    sources = []
    folders: dict[str, str | None] = {}
    for path in paths:
        found = _regular_file(path)  # one lstat: a file, and no link to resolve
        plain = found is not None
        name = _inside(path, root, folders, plain=plain)
        if name is None:
            raise InputError(
                f"{path} is outside the project ({root}); its catalogs would have no place"
            )
        if not plain:
            require_file(path, name)
        sources.append(Source(path, name, found))
    named = {source.path for source in sources} if given else set()
    unnamed = [
        Source(path, _inside(path, root, folders) or path.as_posix())
        for path in (others if given else ())
        if path not in named
    ]
    stems: dict[str, str] = {}
    for source in [*sources, *unnamed]:
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


def load_stamped(source: Source, settings: Settings) -> tuple[Document, list]:
    """`load`, with the stamp of the bytes read (`state.read_stamped`)."""
    require_file(source.path, source.name)
    try:
        data, stamp = read_stamped(source.path)
    except OSError as err:
        raise InputError(f"{source.name}: cannot read: {err.strerror}") from err
    if data is None or stamp is None:
        raise InputError(f"{source.name}: no such file")
    return read_document(data, source.path, source.name, settings.rules), stamp


def document_language(document: Document, settings: Settings) -> str:
    """The language tag of a source: the settings' `source-language`, or, when that is
    plain `zh`, the script detected in the document (`zh-Hant` or `zh-Hans`)."""
    if names_either_script(settings.source_language):
        return detect_script(document.text)
    return settings.source_language


def header(settings: Settings, document: Document) -> Header:
    """What a document's template and catalogs say in their headers."""
    return Header(settings.project, document_language(document, settings), settings.opencc_config)


def template_path(source: Source, settings: Settings) -> Path:
    return Path(os.path.join(settings.root, settings.locales, f"{source.stem}.pot"))


def catalog_path(source: Source, settings: Settings, language: str) -> Path:
    """`<locales>/<language>/LC_MESSAGES/<stem>.po`."""
    return Path(catalog_file(source, settings, language))


def catalog_file(source: Source, settings: Settings, language: str) -> str:
    """`catalog_path` as a string (one join: a corpus asks for many)."""
    return os.path.join(
        settings.root, settings.locales, language, "LC_MESSAGES", f"{source.stem}.po"
    )


class OnDisk(NamedTuple):
    """A catalog file as read: its language ("" for a template), the catalog (None: no
    file), and its bytes, to tell later whether someone else changed it meanwhile."""

    language: str
    path: Path
    catalog: polib.POFile | None
    data: bytes | None


def read_on_disk(
    path: Path, root: Path, language: str = "", *, duplicates_ok: bool = False
) -> OnDisk:
    """The catalog or template at `path` (a UTF-8 byte-order mark is allowed)."""
    label = relative(path, root)
    data = read_optional(path, label, CatalogError)
    if data is None:
        return OnDisk(language, path, None, None)
    return OnDisk(language, path, _parsed(data, label, duplicates_ok), data)


def _parsed(data: bytes, label: str, duplicates_ok: bool) -> polib.POFile:
    """A catalog's bytes as read from disk, parsed (a UTF-8 byte-order mark is allowed)."""
    text = decode_utf8(data, label, CatalogError, bom=True)
    return read_catalog(text, label, duplicates_ok=duplicates_ok)


def read_catalog_file(
    path: Path, root: Path, *, duplicates_ok: bool = False
) -> polib.POFile | None:
    """The catalog at `path`, or None when there is none."""
    return read_on_disk(path, root, duplicates_ok=duplicates_ok).catalog


def read_catalog_stamped(
    path: Path, root: Path, *, duplicates_ok: bool = False
) -> tuple[polib.POFile | None, list | None]:
    """`read_catalog_file`, with the stamp of the bytes read (`state.read_stamped`)."""
    label = relative(path, root)
    try:
        data, stamp = read_stamped(path)
    except OSError as err:
        raise CatalogError(f"{label}: cannot read: {err.strerror}") from err
    if data is None:
        return None, None
    return _parsed(data, label, duplicates_ok), stamp


def catalogs(sources: Sequence[Source], settings: Settings, *, required: bool) -> list[OnDisk]:
    """Each source's catalog in each language; with `required`, a missing catalog is an
    error that says to extract first."""
    found = []
    for source in sources:
        for language in settings.languages:
            path = catalog_path(source, settings, language)
            on_disk = read_on_disk(path, settings.root, language)
            if on_disk.catalog is None and required:
                raise CatalogError(
                    f"{relative(path, settings.root)}: no catalog; run `l10n extract` first"
                )
            found.append(on_disk)
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
    """A template or catalog to write, and the file it replaces as it was read."""

    catalog: polib.POFile
    was: OnDisk

    @property
    def path(self) -> Path:
        return self.was.path

    @property
    def language(self) -> str:
        return self.was.language


def write_catalogs(plans: Sequence[CatalogPlan], root: Path) -> list[Written]:
    """Write each planned file whose text changed, all as a unit; an unchanged one keeps its
    dates and bytes. A file that someone else changed since it was read (a translator's save
    during a long run) is never overwritten: CatalogError, and nothing is written."""
    written, outputs = [], []
    for plan in plans:
        keep_dates_if_unchanged(plan.catalog, plan.was.catalog)
        data = dump_catalog(plan.catalog).encode("utf-8")
        try:
            now = plan.path.read_bytes()
        except FileNotFoundError:
            now = None
        if now != plan.was.data:
            raise CatalogError(
                f"{relative(plan.path, root)} changed on disk while l10n was working on it; "
                "nothing was written: run the command again"
            )
        changed = now != data  # also rewrites a differently wrapped save canonically
        if changed:
            outputs.append((plan.path, data))
        written.append(Written(os.fspath(plan.path), changed))
    atomic_write_all(outputs)
    return written
