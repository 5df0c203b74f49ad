"""What checking one source found (`SourceChecked`), and that result kept between runs.

`l10n check` keeps each source's result in `.l10n/check/`, one JSON file per source,
recorded in the state (`l10n.state`) as the output of the step `check NAME`: a source
whose inputs (its text, template, catalogs, the settings, the glossary, the version of
l10n) and kept result are as recorded is not checked again. The result keeps its files'
findings, tallies and reviewed entries (for consistency across catalogs), not the time
spent on them: a kept result took none.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from ..catalog.status import EntryStatus
from ..catalog.tally import Count, Tally
from ..checks import Finding, Severity
from ..checks.consistency import Place, Reviewed

FOLDER = Path(".l10n") / "check"
FORMAT = 1


@dataclass(frozen=True)
class SourceChecked:
    """What checking one source found: findings on its own files, the files read, each
    catalog's tally (for the thresholds), its reviewed entries (for consistency across
    catalogs), the seconds spent per file, the fingerprint of the inputs as read, and each
    file's stamp as read (`state.read_stamped`)."""

    findings: tuple[Finding, ...]
    files: tuple[str, ...]
    rows: tuple[tuple[str, Tally], ...]
    reviewed: tuple[Reviewed, ...]
    seconds: tuple[tuple[str, float], ...]
    inputs: str = ""
    stamps: tuple[tuple[str, list], ...] = ()


def kept_path(root: Path, name: str) -> Path:
    """Where the result of the source named `name` is kept."""
    digest = hashlib.blake2b(name.encode("utf-8", "surrogatepass"), digest_size=12).hexdigest()
    return root / FOLDER / f"{digest}.json"


def prune(root: Path, names: set[str]) -> None:
    """Remove the kept results of sources not among `names` (deleted or renamed)."""
    wanted = {kept_path(root, name).name for name in names}
    try:
        with os.scandir(root / FOLDER) as entries:
            stale = [e.path for e in entries if e.name.endswith(".json") and e.name not in wanted]
        for path in stale:
            os.unlink(path)
    except OSError:
        return  # a result left behind only takes room


def dump(checked: SourceChecked) -> bytes:
    data = {
        "format": FORMAT,
        "findings": [
            [f.code, f.severity.value, f.path, f.message, f.line, f.segment]
            for f in checked.findings
        ],
        "files": list(checked.files),
        "rows": [
            [path, {status.value: [c.entries, c.characters] for status, c in t.counts.items()}]
            for path, t in checked.rows
        ],
        "reviewed": [
            [r.language, r.context, r.source, list(r.place), r.segment] for r in checked.reviewed
        ],
    }
    return json.dumps(data, separators=(",", ":")).encode("ascii")  # names not UTF-8 too


def load(data: bytes) -> SourceChecked | None:
    """A kept result; None when it cannot be read as one (then the source is checked)."""
    try:
        found = json.loads(data)
        if found.get("format") != FORMAT:
            return None
        findings = tuple(
            Finding(code, Severity(severity), path, message, line, segment)
            for code, severity, path, message, line, segment in found["findings"]
        )
        rows = tuple(
            (
                path,
                Tally(
                    MappingProxyType({EntryStatus(s): Count(e, c) for s, (e, c) in counts.items()})
                ),
            )
            for path, counts in found["rows"]
        )
        reviewed = tuple(
            Reviewed(language, context, source, Place(*place), segment)
            for language, context, source, place, segment in found["reviewed"]
        )
        files = tuple(str(name) for name in found["files"])
    except (ValueError, TypeError, KeyError, AttributeError):
        return None
    return SourceChecked(findings, files, rows, reviewed, tuple((f, 0.0) for f in files))
