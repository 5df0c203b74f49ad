"""Alignment checks: source ↔ template ↔ catalogs, as findings.

The template is compared with the one `l10n extract` would write now (entries,
references, comments; dates ignored); each catalog's live entries with the
template's: none missing, none extra, none duplicated.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import polib

from ..catalog.template import segment_id
from .findings import Finding, Severity


@dataclass(frozen=True)
class CatalogFile:
    path: str
    catalog: polib.POFile | None  # None: the file does not exist
    language: str = ""  # the language the settings expect ("" for a template)


@dataclass(frozen=True)
class SourceSet:
    """One source with the template built from it now and the files on disk."""

    source: str
    expected: polib.POFile
    template: CatalogFile
    catalogs: tuple[CatalogFile, ...]
    source_language: str = ""


def _entry_key(entry: polib.POEntry) -> tuple:
    """What a template entry is compared by; its references as written on its `#:` lines
    (a PO reader splits them at spaces, so a file name with a space reads back as two)."""
    references = " ".join(f"{path}:{line}" if line else path for path, line in entry.occurrences)
    return (entry.msgid, references, entry.comment)


def check_template(unit: SourceSet) -> list[Finding]:
    template = unit.template
    if template.catalog is None:
        return [
            Finding(
                "template-missing",
                Severity.ERROR,
                template.path,
                f"no template for {unit.source}; run `l10n extract`",
            )
        ]
    expected = [e.msgid for e in unit.expected]
    actual = [e.msgid for e in template.catalog if not e.obsolete]
    actual_set, expected_set = set(actual), set(expected)
    new = [m for m in expected if m not in actual_set]
    gone = [m for m in actual if m not in expected_set]
    if new or gone:
        detail = f"{len(new)} segment(s) of the source are not in it"
        detail += f", {len(gone)} entr{'y' if len(gone) == 1 else 'ies'} no longer in the source"
        first = (new or gone)[0]
        return [
            Finding(
                "template-stale",
                Severity.ERROR,
                template.path,
                f"stale against {unit.source}: {detail} (first: {_short(first)}); "
                "run `l10n extract`",
            )
        ]
    if [_entry_key(e) for e in unit.expected] != [
        _entry_key(e) for e in template.catalog if not e.obsolete
    ]:
        return [
            Finding(
                "template-stale",
                Severity.ERROR,
                template.path,
                f"stale against {unit.source}: order, references or comments changed; "
                "run `l10n extract`",
            )
        ]
    return []


def check_catalog(unit: SourceSet, catalog: CatalogFile) -> list[Finding]:
    if catalog.catalog is None:
        return [
            Finding(
                "catalog-missing",
                Severity.ERROR,
                catalog.path,
                f"no catalog for {unit.source}; run `l10n extract`",
            )
        ]
    findings = check_languages(unit, catalog)
    reference = unit.template.catalog or unit.expected
    wanted = {e.msgid for e in reference if not e.obsolete}
    live = [e for e in catalog.catalog if not e.obsolete]
    counts = Counter(e.msgid for e in live)
    reported: set[str] = set()
    for entry in live:
        if entry.msgid not in wanted:
            findings.append(
                Finding(
                    "entry-extra",
                    Severity.ERROR,
                    catalog.path,
                    f"entry not in the template: {_short(entry.msgid)}",
                    entry.linenum,
                )
            )
        elif counts[entry.msgid] > 1 and entry.msgid not in reported:
            reported.add(entry.msgid)
            findings.append(
                Finding(
                    "entry-duplicate",
                    Severity.ERROR,
                    catalog.path,
                    f"entry appears {counts[entry.msgid]} times: {_short(entry.msgid)}",
                    entry.linenum,
                )
            )
    for entry in reference:
        if not entry.obsolete and entry.msgid not in counts:
            findings.append(
                Finding(
                    "entry-missing",
                    Severity.ERROR,
                    catalog.path,
                    f"template entry missing: {_short(entry.msgid)}",
                    segment=segment_id(entry),
                )
            )
    return findings


def check_languages(unit: SourceSet, catalog: CatalogFile) -> list[Finding]:
    """The catalog's header agrees with the settings about both languages."""
    assert catalog.catalog is not None
    header = catalog.catalog.metadata
    findings = []
    if catalog.language and header.get("Language") != catalog.language:
        findings.append(
            Finding(
                "catalog-language",
                Severity.ERROR,
                catalog.path,
                f"header Language is {header.get('Language', '')!r}, "
                f"the settings expect {catalog.language!r}",
            )
        )
    declared = header.get("X-Source-Language")
    if unit.source_language and declared and declared != unit.source_language:
        findings.append(
            Finding(
                "catalog-language",
                Severity.ERROR,
                catalog.path,
                f"header X-Source-Language is {declared!r}, "
                f"the settings say {unit.source_language!r}",
            )
        )
    return findings


def check_alignment(unit: SourceSet) -> list[Finding]:
    findings = check_template(unit)
    for catalog in unit.catalogs:
        findings.extend(check_catalog(unit, catalog))
    return findings


def _short(text: str, limit: int = 24) -> str:
    return repr(text if len(text) <= limit else text[:limit] + "…")
