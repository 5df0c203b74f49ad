"""Plain-text articles: UTF-8 lines, structured and segmented by `l10n.segment`."""

from __future__ import annotations

from ..document import Document
from ..files import decode_source
from ..segment import parse
from ..segment.rules import Rules


def read(data: bytes, name: str, rules: Rules) -> Document:
    return parse(decode_source(data, name), name, rules)
