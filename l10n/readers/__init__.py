"""Source readers: bytes of an article → Document, chosen by the file's extension.

A reader is a function `(data, name, rules) -> Document` in its own module,
named in READERS by extension. Files whose extension has no reader of its own
are read as plain text.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import PurePath

from ..document import Document
from ..segment.rules import Rules

Reader = Callable[[bytes, str, Rules], Document]

# file extension → the module whose `read` reads it
READERS: dict[str, str] = {
    ".txt": "l10n.readers.text",
    ".md": "l10n.readers.markdown",
    ".markdown": "l10n.readers.markdown",
    ".html": "l10n.readers.html",
    ".htm": "l10n.readers.html",
}
DEFAULT = ".txt"


def reader_for(path: PurePath) -> Reader:
    module = READERS.get(path.suffix.lower(), READERS[DEFAULT])
    return importlib.import_module(module).read


def read_document(data: bytes, path: PurePath, name: str, rules: Rules) -> Document:
    """The Document of a source's bytes; `name` labels it in errors and references."""
    return reader_for(path)(data, name, rules)
