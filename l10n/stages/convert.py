"""`l10n convert`: Chinese script conversion of a file or of text given to the command."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..files import atomic_write, decode_source, read_source
from ..script import convert as convert_text
from ..script import normalise_config


@dataclass(frozen=True)
class ConvertOptions:
    config: str = "t2s"
    file: Path | None = None  # None: convert `data`
    data: bytes = b""  # the input when there is no file (what the command read from stdin)
    output: Path | None = None  # None: the result is returned, not written


def convert(options: ConvertOptions) -> str:
    """The converted text; written atomically to `output` when one is given."""
    normalise_config(options.config)
    if options.file is None:
        text = decode_source(options.data, "stdin", empty_ok=True)
    else:
        text = read_source(options.file, empty_ok=True)
    converted = convert_text(text, options.config)
    if options.output is not None:
        atomic_write(options.output, converted)
    return converted
