"""Every error a user can act on, each with the exit code the command line gives it.

The library raises these with a one-line message that is complete without a
traceback; the CLI's one error boundary prints it and exits with `exit_code`.
"""

from __future__ import annotations

USAGE = 2  # a usage or input error: nothing was written
FINDINGS = 1  # the command ran, and what it checked fell short (findings, a threshold)
INTERRUPTED = 130  # Ctrl-C, as shells report SIGINT


class L10nError(Exception):
    """A user-facing error. Its message is one line, complete without a traceback."""

    exit_code = USAGE


class InputError(L10nError):
    """A source file that cannot be read as an article."""


class SettingsError(L10nError):
    """A bad `[tool.l10n]` table or option value."""


class CatalogError(L10nError):
    """A PO or POT file that cannot be read."""


class ConversionError(L10nError):
    """An unknown or broken OpenCC configuration."""


class GlossaryError(L10nError):
    """A glossary file that cannot be read or has a malformed line."""


class LockedError(L10nError):
    """Another process holds the catalogs' lock."""


class NoModelError(L10nError):
    """No installed model can translate the requested language pair."""


class PackageError(L10nError):
    """A model package that cannot be installed, found, loaded or removed."""


class TMError(L10nError):
    """A translation memory, or a TMX file for it, that cannot be read or written."""


class XliffError(L10nError):
    """An XLIFF file that cannot be written or read back into the catalogs."""


class ExtraError(L10nError):
    """A format that needs an optional dependency which is not installed."""
