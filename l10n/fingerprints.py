"""Digests and fingerprints: what a step's inputs were, the same in every process.

A step of an incremental run is kept only while the fingerprint of its inputs is the one
recorded: the bytes it read, the settings, and the tool that did the work. The tool is
l10n's own modules and the libraries whose behaviour shapes what l10n writes (PO files,
script conversion, Markdown and HTML parsing, fuzzy matching, the memory's arrays, DOCX
and PDF editions), with the Python that runs them: upgrading any of them redoes every step.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import re
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path

from . import __version__

# distribution names as their `.dist-info` folders spell them (lower case, `_` for `-`)
OUTPUT_LIBRARIES = (
    "polib",
    "opencc",
    "markdown_it_py",
    "html5lib",
    "rapidfuzz",
    "numpy",
    "python_docx",
    "weasyprint",
)
NOT_INSTALLED = "-"


def digest_bytes(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def fingerprint(*parts: object) -> str:
    """One digest of several values (strings, numbers, digests), in order; each part is
    written with its length, so that no two lists of parts read the same."""
    texts = [str(p) for p in parts]
    joined = "".join(f"{len(text)}:{text}" for text in texts)
    return digest_bytes(joined.encode("utf-8", "surrogatepass"))


def stable(value: object) -> object:
    """A value as JSON-able data that is the same in every process: sets sorted (their
    order follows string hashing, which differs from process to process)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: stable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Mapping):
        return sorted([str(k), stable(v)] for k, v in value.items())
    if isinstance(value, (set, frozenset)):
        return sorted((stable(v) for v in value), key=repr)
    if isinstance(value, (list, tuple)):
        return [stable(v) for v in value]
    if isinstance(value, re.Pattern):
        return [value.pattern, value.flags]
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return repr(value)


def settings_fingerprint(settings: object) -> str:
    """The digest of a settings value, the same in every process."""
    return digest_bytes(json.dumps(stable(settings)).encode("ascii"))


def library_versions(path: Iterable[str] | None = None) -> dict[str, str]:
    """The installed version of each of `OUTPUT_LIBRARIES`, from the names of the
    `NAME-VERSION.dist-info` (or `.egg-info`) folders on the import path: the first one
    found, as an import would find it; `-` for a library not installed. Reading the folder
    names costs a fraction of a millisecond, where `importlib.metadata` costs tens."""
    wanted = set(OUTPUT_LIBRARIES)
    found: dict[str, str] = {}
    for entry in sys.path if path is None else path:
        try:
            names = os.listdir(entry or ".")
        except OSError:  # a zip file, a folder since removed
            continue
        for name in names:
            stem, suffix = os.path.splitext(name)
            if suffix not in (".dist-info", ".egg-info"):
                continue
            project, _, version = stem.partition("-")
            version = version.partition("-")[0]  # an egg's `-py3.11`
            key = project.lower().replace("-", "_").replace(".", "_")
            if key in wanted and key not in found:
                found[key] = version
        if len(found) == len(wanted):
            break
    return {name: found.get(name, NOT_INSTALLED) for name in OUTPUT_LIBRARIES}


def tool_fingerprint() -> str:
    """The version of l10n and the size and time of each of its modules (an edited
    installation counts as another version), the versions of `OUTPUT_LIBRARIES`, and
    Python's."""
    package = Path(__file__).resolve().parent
    stamps = []
    for path in sorted(package.rglob("*.py")):
        stat = path.stat()
        stamps.append(f"{path.relative_to(package)}:{stat.st_size}:{stat.st_mtime_ns}")
    libraries = [f"{name}=={version}" for name, version in library_versions().items()]
    return fingerprint(__version__, sys.version, *libraries, *stamps)
