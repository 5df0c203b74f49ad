"""Catalogs: Document → POT, msgmerge-style update, canonical PO reading and writing."""

from .io import dump_catalog, keep_dates_if_unchanged, read_catalog, same_content, translations
from .template import Header, build_template, new_catalog
from .update import update

__all__ = [
    "Header",
    "build_template",
    "dump_catalog",
    "keep_dates_if_unchanged",
    "new_catalog",
    "read_catalog",
    "same_content",
    "translations",
    "update",
]
