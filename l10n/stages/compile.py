"""`l10n compile`: MO files beside the catalogs, with reviewed entries only (as msgfmt does)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ..catalog.header import compiled_fields
from ..files import atomic_write_all
from ..project import Written, catalogs, discover, lock, relative
from ..settings import Settings
from . import StageOptions


@dataclass(frozen=True)
class CompileOptions(StageOptions):
    pass


@dataclass(frozen=True)
class CompileResult:
    root: Path
    written: tuple[Written, ...]

    def lines(self) -> list[str]:
        return [relative(item.path, self.root) for item in self.written]


def compile_catalogs(settings: Settings, options: CompileOptions) -> CompileResult:
    sources = discover(settings, options.files)
    with lock(settings):
        outputs = []
        for found in catalogs(sources, settings, required=True):
            catalog = found.catalog
            catalog.metadata = compiled_fields(catalog.metadata)
            outputs.append((found.path.with_suffix(".mo"), catalog.to_binary()))
        atomic_write_all(outputs)
    return CompileResult(
        settings.root, tuple(Written(os.fspath(path), True) for path, _ in outputs)
    )
