"""XLIFF 1.2 exchange with CAT tools (memoQ, Trados, OmegaT): catalogs out, work back in.

`write.write_xliff` turns catalogs into one XLIFF document (one <file> per catalog);
`read.read_xliff` reads the units back; `apply.apply_units` puts a translator's work
into the catalog it came from. The catalog stays the record: import changes only
what the XLIFF changed, so an export read back with no edit changes nothing.

Status ↔ XLIFF: reviewed is `state="final"` and `approved="yes"`; machine output,
memory matches and changed sources are `needs-review-translation` (with
`state-qualifier` `mt-suggestion`, `exact-match` or `fuzzy-match`); untranslated is
an empty target in `needs-translation`; obsolete entries are `translate="no"` units.
The previous source of a changed one (`#| msgid`) and the memory's matches are
<alt-trans>; provenance, translator comments and `l10n-ignore` are <note>s.
"""

from __future__ import annotations

NS = "urn:oasis:names:tc:xliff:document:1.2"
XML_NS = "http://www.w3.org/XML/1998/namespace"
DATATYPE = "po"
REVIEWED_STATES = frozenset({"final", "signed-off"})  # with approved="yes": reviewed


def q(tag: str) -> str:
    """An XLIFF element's qualified name."""
    return f"{{{NS}}}{tag}"
