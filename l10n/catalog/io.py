"""Reading and writing PO/POT text: canonical output, errors with file:line."""

from __future__ import annotations

import re

import polib

from ..errors import CatalogError
from .header import DATE_FIELDS, keep_dates

_LINE = re.compile(r"\(line (\d+)\)(?::\s*(.*))?")


_STRING = r'"(?:[^"\\]|\\.)*"'
_KEYWORD = re.compile(rf"^(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s*{_STRING}\s*$")
_CONTINUATION = re.compile(rf"^{_STRING}\s*$")


# Characters that str.splitlines() (and so polib) takes for line ends, but a PO file,
# like GNU gettext, keeps inside its strings.
_INNER_BREAKS = "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_PLACEHOLDERS = 0xF0000  # first code point of Supplementary Private Use Area-A


def validate_syntax(text: str, label: str) -> None:
    """Reject what polib would silently misread: every line is a comment, a keyword
    with a quoted string, or a quoted continuation."""
    for number, line in enumerate(text.split("\n"), start=1):
        body = line.strip()
        if body.startswith(("#~", "#|")):
            body = body[2:].strip()
            if body.startswith("|"):  # '#~|' : previous fields of an obsolete entry
                body = body[1:].strip()
        elif body.startswith("#"):
            continue
        if body and not (_KEYWORD.match(body) or _CONTINUATION.match(body)):
            shown = body if len(body) <= 40 else body[:40] + "…"
            raise CatalogError(
                f"{label}:{number}: expected a keyword (msgid, msgstr, …) followed by a "
                f"quoted string, or a quoted string, not {shown!r}"
            )


def read_catalog(text: str, label: str, *, duplicates_ok: bool = False) -> polib.POFile:
    """Parse PO/POT text; a syntax error becomes `label:line: what is wrong`. Two live
    entries with one msgid are an error too, unless `duplicates_ok` (for `check`, which
    reports them as findings)."""
    if not text.strip():
        raise CatalogError(f"{label}: empty catalog")
    validate_syntax(text, label)
    text, stand_ins = _shield_inner_breaks(text)
    try:
        catalog = polib.pofile(text, wrapwidth=0, check_for_duplicates=False)
    except (OSError, ValueError) as err:
        match = _LINE.search(str(err))
        if match:
            what = match.group(2) or "syntax error"
            raise CatalogError(f"{label}:{match.group(1)}: {what}") from err
        raise CatalogError(f"{label}: {err}") from err
    if stand_ins:
        _restore_inner_breaks(catalog, stand_ins)
    _check_charset(catalog, label)
    if not duplicates_ok:
        _check_duplicates(catalog, label)
    return catalog


_CHARSET = re.compile(r"charset\s*=\s*([^\s;]+)", re.IGNORECASE)


def _check_charset(catalog: polib.POFile, label: str) -> None:
    """Catalogs are UTF-8: one that declares another charset would be written back
    (or compiled) in the wrong one."""
    match = _CHARSET.search(catalog.metadata.get("Content-Type", ""))
    charset = match.group(1) if match else ""
    if charset and charset.lower() not in ("utf-8", "utf8", "charset"):
        raise CatalogError(
            f"{label}: declares charset={charset}; l10n reads and writes UTF-8 catalogs only: "
            f"convert it first (msgconv -t UTF-8)"
        )


def _check_duplicates(catalog: polib.POFile, label: str) -> None:
    """Two live entries with one msgid (and context): gettext refuses such a file, and
    either translation could be lost."""
    first: dict[tuple[str | None, str], int] = {}
    for entry in catalog:
        if entry.obsolete:
            continue
        key = (entry.msgctxt, entry.msgid)
        if key in first:
            shown = entry.msgid if len(entry.msgid) <= 24 else entry.msgid[:24] + "…"
            raise CatalogError(
                f"{label}:{entry.linenum}: msgid {shown!r} is here and at line {first[key]}: "
                "keep one of the two entries"
            )
        first[key] = entry.linenum


def _shield_inner_breaks(text: str) -> tuple[str, dict[str, str]]:
    """Replace each inner break present in `text` by a private character absent from it,
    so that polib reads it as part of its string; returns the text and stand-in → break."""
    stand_ins: dict[str, str] = {}
    candidate = _PLACEHOLDERS
    for brk in _INNER_BREAKS:
        if brk not in text:
            continue
        while chr(candidate) in text:
            candidate += 1
        stand_ins[chr(candidate)] = brk
        text = text.replace(brk, chr(candidate))
        candidate += 1
    return text, stand_ins


def _restore_inner_breaks(catalog: polib.POFile, stand_ins: dict[str, str]) -> None:
    table = str.maketrans(stand_ins)

    def restore(value):
        return value.translate(table) if isinstance(value, str) else value

    catalog.header = restore(catalog.header)
    for key in list(catalog.metadata):
        catalog.metadata[restore(key)] = restore(catalog.metadata.pop(key))
    for entry in catalog:
        for field in (
            "msgid",
            "msgstr",
            "msgid_plural",
            "msgctxt",
            "comment",
            "tcomment",
            "previous_msgid",
            "previous_msgid_plural",
            "previous_msgctxt",
        ):
            setattr(entry, field, restore(getattr(entry, field)))
        entry.msgstr_plural = {k: restore(v) for k, v in entry.msgstr_plural.items()}
        entry.flags = [restore(flag) for flag in entry.flags]
        entry.occurrences = [(restore(f), restore(n)) for f, n in entry.occurrences]


def dump_catalog(catalog: polib.POFile) -> str:
    """The canonical text: header fields in a fixed order, entries in order, no wrapping."""
    catalog.wrapwidth = 0
    text = str(catalog)
    return text if text.endswith("\n") else text + "\n"


def same_content(new: polib.POFile, old: polib.POFile) -> bool:
    """Whether two catalogs differ at most in their date fields."""
    saved = {key: new.metadata.get(key) for key in DATE_FIELDS}
    keep_dates(new.metadata, old.metadata)
    try:
        return dump_catalog(new) == dump_catalog(old)
    finally:
        for key, value in saved.items():
            if value is not None:
                new.metadata[key] = value


def keep_dates_if_unchanged(new: polib.POFile, old: polib.POFile | None) -> None:
    """Give `new` the dates of `old` when nothing but the dates differ (no byte changes)."""
    if old is not None and same_content(new, old):
        keep_dates(new.metadata, old.metadata)
