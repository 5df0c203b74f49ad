"""Findings: what a check reports. Checks return these; the CLI picks the exit code."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Finding:
    code: str
    severity: Severity
    path: str
    message: str
    line: int = 0
    segment: str = ""

    def as_dict(self) -> dict:
        return asdict(self)
