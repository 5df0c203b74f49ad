"""`l10n tm`: the translation memory's commands — import and export TMX, look up, count.

Each brings the index up to date with the truth files first, under the catalogs'
lock (the index is rebuilt from the catalogs, which another command may be writing).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path

from ..errors import TMError
from ..files import atomic_write, read_input
from ..project import lock, relative
from ..settings import Settings, require_language
from ..tm.database import open_store
from ..tm.index import index_path, update
from ..tm.match import Match, lookup
from ..tm.tmx import read_tmx, write_tmx


@dataclass(frozen=True)
class TMResult:
    lines: tuple[str, ...]


def _folder(settings: Settings) -> Path:
    """Where imported TMX files go: the fixed folder of the first `tm` pattern."""
    parts = Path(settings.tm[0]).parts if settings.tm else ("tm",)
    fixed = [part for part in parts[:-1] if not any(c in part for c in "*?[")]
    return settings.root.joinpath(*fixed) if fixed else settings.root / "tm"


def import_tmx(settings: Settings, file: Path) -> TMResult:
    """Copy a TMX file into the project's TMX folder (the truth) and index it."""
    data = read_input(file, str(file))
    units = read_tmx(data, file.name, settings.source_language)
    if not units:
        raise TMError(f"{file}: no translation units with a {settings.source_language} source")
    target = _folder(settings) / file.name
    name = relative(target, settings.root)
    if not any(fnmatch(name, p) or fnmatch(name, p.replace("**/", "")) for p in settings.tm):
        raise TMError(
            f"{name} would not be named by [tool.l10n] tm ({', '.join(settings.tm) or 'empty'});"
            " add a folder for TMX files there"
        )
    if target.exists() and target.read_bytes() != data:
        raise TMError(f"{name} exists with other content; rename the file")
    with lock(settings):
        if not target.exists():
            atomic_write(target, data)
        with open_store(index_path(settings)) as store:
            update(store, settings)
            counts = store.count()
    total = ", ".join(f"{n} into {language}" for language, n in counts.items())
    return TMResult(
        (f"{relative(target, settings.root)}: {len(units)} units; the memory holds {total}",)
    )


def export_tmx(settings: Settings, out: Path, language: str | None) -> TMResult:
    """Every reviewed pair of the memory (into `language`, else all) as TMX 1.4."""
    if language is not None:
        require_language(settings, language)
    if out.is_dir():
        raise TMError(f"{out} is a folder; name the TMX file to write")
    with lock(settings), open_store(index_path(settings)) as store:
        update(store, settings)
        units = [u for u in store.all_units() if language is None or u.target_language == language]
    atomic_write(out, write_tmx(units, settings.source_language))
    return TMResult((f"{out}: {len(units)} units",))


def lookup_text(
    settings: Settings, text: str, language: str, limit: int, as_json: bool
) -> TMResult:
    require_language(settings, language)
    with lock(settings), open_store(index_path(settings)) as store:
        update(store, settings)
        matches = lookup(store, text, language, threshold=settings.tm_threshold, limit=limit)
    if as_json:
        return TMResult((json.dumps([_as_dict(m) for m in matches], ensure_ascii=False, indent=2),))
    if not matches:
        return TMResult((f"no match at or above {settings.tm_threshold}%",))
    return TMResult(
        tuple(f"{m.score:>3}% {m.kind:<5} {m.unit.target}  ({m.unit.origin})" for m in matches)
    )


def _as_dict(match: Match) -> dict:
    return {
        "score": match.score,
        "kind": match.kind,
        "source": match.unit.source,
        "target": match.unit.target,
        "origin": match.unit.origin,
        "note": match.note,
    }


def tm_stats(settings: Settings) -> TMResult:
    path = index_path(settings)
    with lock(settings), open_store(path) as store:
        update(store, settings)
        counts = store.count()
        files = len(store.digests())
    lines = [f"{relative(path, settings.root)}: {files} file(s), {path.stat().st_size:,} bytes"]
    lines += [f"{language}: {n} units" for language, n in counts.items()]
    return TMResult(tuple(lines))
