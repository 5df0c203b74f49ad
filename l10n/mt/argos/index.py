"""The Argos package index (argospm's `index.json`): fetch, look up, download."""

from __future__ import annotations

import json
import os
import tempfile
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ...errors import PackageError
from .packages import Package, install_file

DEFAULT_INDEX = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/index.json"


def index_url() -> str:
    """The package index: ARGOS_PACKAGE_INDEX_URL, else argospm's."""
    return os.environ.get("ARGOS_PACKAGE_INDEX_URL", DEFAULT_INDEX)


@dataclass(frozen=True)
class IndexEntry:
    from_code: str
    to_code: str
    version: str
    links: tuple[str, ...]

    @property
    def name(self) -> str:
        return f"translate-{self.from_code}_{self.to_code}"


def fetch_index(url: str = DEFAULT_INDEX, timeout: float = 15) -> list[IndexEntry]:
    """The packages listed in the index; PackageError (one line) when it cannot be read."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            data = json.loads(response.read().decode("utf-8"))
    except (urllib.error.URLError, OSError, TimeoutError) as err:
        reason = getattr(err, "reason", err)
        raise PackageError(f"cannot reach the Argos package index ({url}): {reason}") from err
    except ValueError as err:
        raise PackageError(f"the Argos package index ({url}) is not valid JSON") from err
    entries = []
    for item in data if isinstance(data, list) else []:
        if isinstance(item, dict) and item.get("from_code") and item.get("to_code"):
            entries.append(
                IndexEntry(
                    str(item["from_code"]),
                    str(item["to_code"]),
                    str(item.get("package_version", "")),
                    tuple(str(link) for link in item.get("links", [])),
                )
            )
    return entries


def lookup(entries: list[IndexEntry], name: str) -> IndexEntry:
    for entry in entries:
        if name in (entry.name, f"{entry.from_code}-{entry.to_code}"):
            return entry
    raise PackageError(
        f"no package named {name!r} in the Argos index (see `l10n models available`)"
    )


def download(
    entry: IndexEntry, folder: Path, progress: Callable[[int, int], None] | None = None
) -> Path:
    """Download a package archive into `folder`, reporting (done, total) bytes."""
    if not entry.links:
        raise PackageError(f"{entry.name}: the index gives no download link")
    target = folder / f"{entry.name}-{entry.version}.argosmodel"
    try:
        with urllib.request.urlopen(entry.links[0], timeout=60) as response:
            total = int(response.headers.get("Content-Length") or 0)
            done = 0
            with tempfile.NamedTemporaryFile(dir=folder, delete=False, suffix=".part") as out:
                while chunk := response.read(1 << 16):
                    out.write(chunk)
                    done += len(chunk)
                    if progress:
                        progress(done, total)
        Path(out.name).rename(target)
    except (urllib.error.URLError, OSError, TimeoutError) as err:
        reason = getattr(err, "reason", err)
        raise PackageError(f"cannot download {entry.name}: {reason}") from err
    return target


def install(
    package: str, packages_dir: Path, progress: Callable[[int, int, str], None] | None = None
) -> Package:
    """Install a package from an `.argosmodel` file or, by name, from the index (the
    download reported to `progress` as (bytes done, bytes in all, what))."""
    path = Path(package)
    if path.suffix == ".argosmodel" or path.exists():
        return install_file(path, packages_dir)
    entry = lookup(fetch_index(index_url()), package)
    packages_dir.mkdir(parents=True, exist_ok=True)
    label = f"downloading {entry.name}"
    with tempfile.TemporaryDirectory(dir=packages_dir, prefix=".download-") as tmp:
        archive = download(
            entry,
            Path(tmp),
            (lambda done, total: progress(done, total, label)) if progress else None,
        )
        return install_file(archive, packages_dir)
