"""Checks: functions that return findings; the gate and the reports that present them."""

from .alignment import CatalogFile, SourceSet, check_alignment
from .consistency import Consistency, check_consistency, reviewed_entries
from .content import CHECKS, Context, check_entry
from .findings import Finding, Severity
from .gate import ALIGNMENT_CODES, CONSISTENCY_CODES, THRESHOLD_CODES, Gate, known_codes
from .glossary import merge as merge_glossaries
from .glossary import read_glossary, read_tbx
from .report import REPORTS, Checked

__all__ = [
    "ALIGNMENT_CODES",
    "CHECKS",
    "CONSISTENCY_CODES",
    "REPORTS",
    "THRESHOLD_CODES",
    "CatalogFile",
    "Checked",
    "Consistency",
    "Context",
    "Finding",
    "Gate",
    "Severity",
    "SourceSet",
    "check_alignment",
    "check_consistency",
    "check_entry",
    "known_codes",
    "merge_glossaries",
    "read_glossary",
    "read_tbx",
    "reviewed_entries",
]
