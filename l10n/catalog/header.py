"""The PO header: every field of a template's or a catalog's header is decided here.

A template's header comes from the settings and the date; a catalog's from its
template's, keeping what translators' tools own (revision date, last translator,
team, plural forms) from the catalog it replaces. Field order on output is
gettext's (polib writes the known fields in a fixed order).
"""

from __future__ import annotations

from collections.abc import Mapping, MutableMapping
from dataclasses import dataclass
from datetime import datetime

from .. import __version__

DATE_FIELDS = ("POT-Creation-Date", "PO-Revision-Date")
PLURAL_FORMS = "nplurals=2; plural=(n != 1);"  # English, and the template's placeholder
# Fields a catalog keeps from its earlier version: translators' tools set them.
KEPT_BY_CATALOGS = ("PO-Revision-Date", "Last-Translator", "Language-Team", "Plural-Forms")


def header_date(now: datetime) -> str:
    """A date as PO headers write it (`2026-12-04 23:28+0000`)."""
    return now.strftime("%Y-%m-%d %H:%M%z")


def template_comment(document: str) -> str:
    """The comment that heads a template."""
    return f"Template for {document}."


def catalog_comment(language: str, document: str) -> str:
    """The comment that heads a new catalog (a translator may change it)."""
    return f"{language} translation of {document}."


@dataclass(frozen=True)
class Header:
    """What the settings put in every header."""

    project: str
    source_language: str
    opencc_config: str

    def template(self, date: str) -> dict[str, str]:
        """The header fields of a template (POT) made on `date`."""
        return {
            "Project-Id-Version": self.project,
            "Report-Msgid-Bugs-To": "",
            "POT-Creation-Date": date,
            "PO-Revision-Date": date,
            "Last-Translator": "",
            "Language-Team": "LANGUAGE",
            "Language": "",
            "MIME-Version": "1.0",
            "Content-Type": "text/plain; charset=UTF-8",
            "Content-Transfer-Encoding": "8bit",
            "Plural-Forms": PLURAL_FORMS,
            "X-Generator": f"l10n {__version__}",
            "X-Source-Language": self.source_language,
            "X-OpenCC-Config": self.opencc_config,
        }


def catalog_fields(
    template: Mapping[str, str], old: Mapping[str, str] | None, language: str = ""
) -> dict[str, str]:
    """The header of a catalog updated from `template`: the template's fields, the fields
    translators' tools own kept from `old`, and (when given) its language, which also names
    the team until a translator names one."""
    fields = dict(template)
    for key in KEPT_BY_CATALOGS:
        if old is not None and old.get(key):
            fields[key] = old[key]
    if language:
        fields["Language"] = language
        if old is None or not old.get("Language-Team"):
            fields["Language-Team"] = language
    return fields


def mark_revised(fields: MutableMapping[str, str], date: str) -> None:
    """A catalog whose translations changed on `date`."""
    fields["PO-Revision-Date"] = date


def source_language_of(fields: Mapping[str, str], default: str) -> str:
    """The source language a catalog's header records, else `default`."""
    return fields.get("X-Source-Language") or default


def ensure_language(fields: MutableMapping[str, str], language: str) -> None:
    """A catalog with no `Language` field gets the one it was found under."""
    fields.setdefault("Language", language)


def compiled_fields(fields: Mapping[str, str]) -> dict[str, str]:
    """The header written into an MO file: without POT-Creation-Date, as msgfmt does."""
    return {key: value for key, value in fields.items() if key != "POT-Creation-Date"}


def keep_dates(new: MutableMapping[str, str], old: Mapping[str, str]) -> None:
    """Give `new` the date fields of `old`."""
    for key in DATE_FIELDS:
        if key in old:
            new[key] = old[key]


def revision_time(fields: Mapping[str, str]) -> datetime | None:
    """The catalog's PO-Revision-Date as a time, or None when it has none or another form."""
    try:
        return datetime.strptime(fields.get("PO-Revision-Date", ""), "%Y-%m-%d %H:%M%z")
    except ValueError:
        return None
