"""Checks: functions that return findings; reports that print them."""

from .alignment import CatalogFile, SourceSet, check_alignment
from .findings import Finding, Severity
from .report import REPORTS

__all__ = ["REPORTS", "CatalogFile", "Finding", "Severity", "SourceSet", "check_alignment"]
