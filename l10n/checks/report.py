"""Reports of findings: human text, JSON, JUnit XML, GitHub workflow annotations.

JSON (version 1): {"version", "sources", "catalogs", "summary": {"errors", "warnings"},
"findings": [{"code", "severity", "path", "line", "segment", "message"}]}.
JUnit: one <testsuite> per checked file, one <testcase> per check code in it; only
findings that fail the gate (at or above `--fail-on`) are <failure>s, the others are
listed in the test case's <system-out>, so a run that exits 0 reports no failure.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from .findings import Finding, Severity
from .gate import fails

JSON_VERSION = 1


@dataclass(frozen=True)
class Checked:
    """What was checked: source names, catalog paths, the check codes that ran, the
    severity that fails, when the run started and how long each file took."""

    sources: tuple[str, ...]
    files: tuple[str, ...]
    codes: tuple[str, ...]
    fail_on: Severity = Severity.ERROR
    started: str = ""  # ISO 8601, UTC
    seconds: dict[str, float] = field(default_factory=dict)  # file → time spent on it


def summary(findings: Sequence[Finding]) -> dict[str, int]:
    return {
        "errors": sum(f.severity is Severity.ERROR for f in findings),
        "warnings": sum(f.severity is Severity.WARNING for f in findings),
    }


def as_text(findings: Sequence[Finding], checked: Checked) -> str:
    lines = []
    by_path: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        by_path[f.path].append(f)
    for path, group in by_path.items():
        counts = summary(group)
        lines.append(f"{path}: {counts['errors']} error(s), {counts['warnings']} warning(s)")
        for f in group:
            where = f"line {f.line}" if f.line else "file"
            segment = f" [{f.segment}]" if f.segment else ""
            lines.append(f"  {where}: {f.severity} {f.code}{segment}: {f.message}")
    counts = summary(findings)
    lines.append(
        f"checked {len(checked.sources)} source(s), {len(checked.files)} file(s): "
        f"{counts['errors']} error(s), {counts['warnings']} warning(s)"
    )
    return "\n".join(lines) + "\n"


def as_json(findings: Sequence[Finding], checked: Checked) -> str:
    document = {
        "version": JSON_VERSION,
        "sources": list(checked.sources),
        "catalogs": list(checked.files),
        "summary": summary(findings),
        "findings": [f.as_dict() for f in findings],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def as_junit(findings: Sequence[Finding], checked: Checked) -> str:
    by_case: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    for f in findings:
        by_case[(f.path, f.code)].append(f)
    suites = ET.Element("testsuites", name="l10n check")
    total = failed = 0
    files = list(dict.fromkeys([*checked.files, *(f.path for f in findings)]))
    for path in files:
        suite = ET.SubElement(suites, "testsuite", name=path)
        cases = failures = 0
        for code in checked.codes:
            case = ET.SubElement(suite, "testcase", classname=path, name=code, time="0")
            cases += 1
            hits = by_case.get((path, code), [])
            failing = [f for f in hits if fails(f.severity, checked.fail_on)]
            if failing:
                failures += 1
                failure = ET.SubElement(
                    case,
                    "failure",
                    message=f"{len(failing)} finding(s)",
                    type=failing[0].severity,
                )
                failure.text = _lines(failing)
            if len(hits) > len(failing):
                ET.SubElement(case, "system-out").text = _lines(
                    [f for f in hits if f not in failing]
                )
        suite.set("tests", str(cases))
        suite.set("failures", str(failures))
        suite.set("errors", "0")
        suite.set("skipped", "0")
        suite.set("time", f"{checked.seconds.get(path, 0.0):.3f}")
        if checked.started:
            suite.set("timestamp", checked.started)
        total += cases
        failed += failures
    suites.set("tests", str(total))
    suites.set("failures", str(failed))
    suites.set("errors", "0")
    suites.set("time", f"{sum(checked.seconds.values()):.3f}")
    if checked.started:
        suites.set("timestamp", checked.started)
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, "unicode") + "\n"


def _lines(findings: Sequence[Finding]) -> str:
    return "\n".join(
        f"line {f.line}: {f.severity}: {f.message}" if f.line else f"{f.severity}: {f.message}"
        for f in findings
    )


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def as_github(findings: Sequence[Finding], checked: Checked) -> str:
    lines = []
    for f in findings:
        level = "error" if f.severity is Severity.ERROR else "warning"
        props = f"file={_escape_property(f.path)}"
        if f.line:
            props += f",line={f.line}"
        props += f",title={_escape_property('l10n ' + f.code)}"
        lines.append(f"::{level} {props}::{_escape_data(f.message)}")
    counts = summary(findings)
    lines.append(
        f"l10n check: {counts['errors']} error(s), {counts['warnings']} warning(s) "
        f"in {len(checked.files)} file(s)"
    )
    return "\n".join(lines) + "\n"


REPORTS: dict[str, Callable[[Sequence[Finding], Checked], str]] = {
    "text": as_text,
    "json": as_json,
    "junit": as_junit,
    "github": as_github,
}
