"""Reports of findings: human text and a stable JSON structure."""

from __future__ import annotations

import json
from collections.abc import Sequence

from .findings import Finding, Severity

JSON_VERSION = 1


def summary(findings: Sequence[Finding]) -> dict[str, int]:
    return {
        "errors": sum(f.severity is Severity.ERROR for f in findings),
        "warnings": sum(f.severity is Severity.WARNING for f in findings),
    }


def as_text(findings: Sequence[Finding], checked: Sequence[str]) -> str:
    lines = []
    for f in findings:
        where = f"{f.path}:{f.line}" if f.line else f.path
        lines.append(f"{where}: {f.severity}[{f.code}] {f.message}")
    counts = summary(findings)
    lines.append(
        f"checked {len(checked)} source(s): {counts['errors']} error(s), "
        f"{counts['warnings']} warning(s)"
    )
    return "\n".join(lines) + "\n"


def as_json(findings: Sequence[Finding], checked: Sequence[str]) -> str:
    document = {
        "version": JSON_VERSION,
        "sources": list(checked),
        "summary": summary(findings),
        "findings": [f.as_dict() for f in findings],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


REPORTS = {"text": as_text, "json": as_json}
