"""l10n: segment articles, convert Chinese scripts, translate through gettext catalogs."""

__version__ = "0.1.0"
