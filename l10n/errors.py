"""Exceptions a user can act on; the CLI turns each into one line and exit code 2."""


class L10nError(Exception):
    """A user-facing error. Its message is one line, complete without a traceback."""


class InputError(L10nError):
    """A source file that cannot be read as a UTF-8 text article."""


class SettingsError(L10nError):
    """A bad `[tool.l10n]` table or option value."""


class CatalogError(L10nError):
    """A PO or POT file that cannot be read."""


class ConversionError(L10nError):
    """An unknown or broken OpenCC configuration."""


class GlossaryError(L10nError):
    """A glossary file that cannot be read or has a malformed line."""
