"""Reading and writing PO/POT text: canonical output, errors with file:line."""

from __future__ import annotations

import re

import polib

from ..errors import CatalogError

DATE_FIELDS = ("POT-Creation-Date", "PO-Revision-Date")
_LINE = re.compile(r"\(line (\d+)\)(?::\s*(.*))?")


def read_catalog(text: str, label: str) -> polib.POFile:
    """Parse PO/POT text; a syntax error becomes `label:line: what is wrong`."""
    if not text.strip():
        raise CatalogError(f"{label}: empty catalog")
    try:
        catalog = polib.pofile(text, wrapwidth=0, check_for_duplicates=False)
    except (OSError, ValueError) as err:
        match = _LINE.search(str(err))
        if match:
            what = match.group(2) or "syntax error"
            raise CatalogError(f"{label}:{match.group(1)}: {what}") from err
        raise CatalogError(f"{label}: {err}") from err
    return catalog


def dump_catalog(catalog: polib.POFile) -> str:
    """The canonical text: header fields in a fixed order, entries in order, no wrapping."""
    catalog.wrapwidth = 0
    text = str(catalog)
    return text if text.endswith("\n") else text + "\n"


def same_content(new: polib.POFile, old: polib.POFile) -> bool:
    """Whether two catalogs differ at most in their date fields."""
    saved = {key: new.metadata.get(key) for key in DATE_FIELDS}
    for key in DATE_FIELDS:
        if key in old.metadata:
            new.metadata[key] = old.metadata[key]
    try:
        return dump_catalog(new) == dump_catalog(old)
    finally:
        for key, value in saved.items():
            if value is not None:
                new.metadata[key] = value


def translations(catalog: polib.POFile) -> dict[str, tuple[str, bool]]:
    """msgid → (msgstr, fuzzy) for the live entries with a translation."""
    return {
        entry.msgid: (entry.msgstr, entry.fuzzy)
        for entry in catalog
        if not entry.obsolete and entry.msgstr
    }
