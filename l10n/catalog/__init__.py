"""Catalogs: Document → POT, msgmerge-style update, entry status, canonical PO I/O."""

from .header import Header
from .io import dump_catalog, keep_dates_if_unchanged, read_catalog, same_content
from .status import EntryStatus, status, translations
from .tally import Tally, catalog_tally, source_tally
from .template import build_template, new_catalog
from .update import update

__all__ = [
    "EntryStatus",
    "Header",
    "Tally",
    "build_template",
    "catalog_tally",
    "dump_catalog",
    "keep_dates_if_unchanged",
    "new_catalog",
    "read_catalog",
    "same_content",
    "source_tally",
    "status",
    "translations",
    "update",
]
