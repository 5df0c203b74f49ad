"""Checks a translator silenced on an entry: `# l10n-ignore: numbers, han-left`.

The line is a translator comment, the one part of an entry that msgmerge, msgcat,
msgattrib, msgconv, Translate Toolkit and babel all keep. Older catalogs said it
with flags (`#, l10n-ignore:numbers`), which gettext's tools drop; they are still
read, and `moved_to_comment` rewrites them in the comment form.
"""

from __future__ import annotations

import polib

IGNORE = "l10n-ignore:"  # the comment line's prefix, and the older flags'


def ignored(entry: polib.POEntry) -> set[str]:
    """The check codes silenced on an entry."""
    codes = {flag[len(IGNORE) :].strip() for flag in entry.flags if flag.startswith(IGNORE)}
    for line in (entry.tcomment or "").splitlines():
        if line.startswith(IGNORE):
            codes.update(code.strip() for code in line[len(IGNORE) :].split(","))
    return codes - {""}


def moved_to_comment(flags: list[str], tcomment: str) -> tuple[list[str], str]:
    """Flags and translator comment with `l10n-ignore:` flags said as a comment line."""
    codes = [flag[len(IGNORE) :].strip() for flag in flags if flag.startswith(IGNORE)]
    if not codes:
        return flags, tcomment
    kept = [flag for flag in flags if not flag.startswith(IGNORE)]
    lines = (tcomment or "").splitlines()
    for line in lines:
        if line.startswith(IGNORE):
            codes += [code.strip() for code in line[len(IGNORE) :].split(",")]
    others = [line for line in lines if not line.startswith(IGNORE)]
    line = f"{IGNORE} {', '.join(dict.fromkeys(code for code in codes if code))}"
    return kept, "\n".join([*others, line])
