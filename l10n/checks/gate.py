"""The CI gate: which findings count (select / ignore), thresholds, and the exit code."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..catalog.tally import Tally
from ..errors import SettingsError
from .consistency import INCONSISTENT
from .content import CHECKS
from .findings import Finding, Severity

ALIGNMENT_CODES = (
    "template-missing",
    "template-stale",
    "catalog-missing",
    "catalog-language",
    "entry-missing",
    "entry-extra",
    "entry-duplicate",
)
CONSISTENCY_CODES = (INCONSISTENT,)
THRESHOLD_CODES = ("min-reviewed", "max-fuzzy")


def known_codes() -> tuple[str, ...]:
    """Every check code, in the order reports list them."""
    return (*ALIGNMENT_CODES, *CHECKS, *CONSISTENCY_CODES, *THRESHOLD_CODES)


_RANK = {Severity.WARNING: 1, Severity.ERROR: 2}


@dataclass(frozen=True)
class Gate:
    min_reviewed: float | None = None
    max_fuzzy: int | None = None
    fail_on: Severity = Severity.ERROR
    select: frozenset[str] = frozenset()
    ignore: frozenset[str] = frozenset()

    def wants(self, code: str) -> bool:
        return (not self.select or code in self.select) and code not in self.ignore


def parse_codes(values: Sequence[str]) -> frozenset[str]:
    """Check codes given as options (comma-separated or repeated); unknown ones are an error."""
    codes = frozenset(c.strip() for v in values for c in v.split(",") if c.strip())
    unknown = codes - set(known_codes())
    if unknown:
        raise SettingsError(f"unknown check code(s): {', '.join(sorted(unknown))}")
    return codes


def thresholds(rows: Sequence[tuple[str, Tally]], gate: Gate) -> list[Finding]:
    findings = []
    for path, stats in rows:
        if gate.min_reviewed is not None and stats.reviewed_percent() < gate.min_reviewed:
            findings.append(
                Finding(
                    "min-reviewed",
                    Severity.ERROR,
                    path,
                    f"{stats.reviewed_percent():.1f}% reviewed, below the required "
                    f"{gate.min_reviewed:g}%",
                )
            )
        if gate.max_fuzzy is not None and stats.needs_review > gate.max_fuzzy:
            findings.append(
                Finding(
                    "max-fuzzy",
                    Severity.ERROR,
                    path,
                    f"{stats.needs_review} fuzzy entries, more than the allowed {gate.max_fuzzy}",
                )
            )
    return findings


def select(findings: Sequence[Finding], gate: Gate) -> list[Finding]:
    return [f for f in findings if gate.wants(f.code)]


def fails(severity: Severity, fail_on: Severity) -> bool:
    """Whether a finding of `severity` fails a gate that fails on `fail_on` and above."""
    return _RANK[severity] >= _RANK[fail_on]


def exit_code(findings: Sequence[Finding], gate: Gate) -> int:
    """1 when a finding is at or above the fail level, else 0."""
    return int(any(fails(f.severity, gate.fail_on) for f in findings))
