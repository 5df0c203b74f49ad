"""Reports of findings: human text, JSON, JUnit XML, GitHub workflow annotations.

JSON (version 1): {"version", "sources", "catalogs", "summary": {"errors", "warnings"},
"findings": [{"code", "severity", "path", "line", "segment", "message"}]}.
JUnit: one <testsuite> per checked file, one <testcase> per check code in it.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .findings import Finding, Severity

JSON_VERSION = 1


@dataclass(frozen=True)
class Checked:
    """What was checked: source names, catalog paths, and the check codes that ran."""

    sources: tuple[str, ...]
    files: tuple[str, ...]
    codes: tuple[str, ...]


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
            case = ET.SubElement(suite, "testcase", classname=path, name=code)
            cases += 1
            hits = by_case.get((path, code), [])
            if hits:
                failures += 1
                text = "\n".join(
                    f"line {f.line}: {f.severity}: {f.message}"
                    if f.line
                    else f"{f.severity}: {f.message}"
                    for f in hits
                )
                failure = ET.SubElement(
                    case, "failure", message=f"{len(hits)} finding(s)", type=hits[0].severity
                )
                failure.text = text
        suite.set("tests", str(cases))
        suite.set("failures", str(failures))
        suite.set("errors", "0")
        suite.set("skipped", "0")
        total += cases
        failed += failures
    suites.set("tests", str(total))
    suites.set("failures", str(failed))
    suites.set("errors", "0")
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, "unicode") + "\n"


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
