"""`l10n segment`: the blocks and sentence segments of one article, as text or JSON."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ..document import Document
from ..project import Source, load, relative
from ..settings import Settings


@dataclass(frozen=True)
class SegmentOptions:
    file: Path


@dataclass(frozen=True)
class SegmentResult:
    document: Document

    def as_text(self) -> list[str]:
        """One line per segment: line number, block kind, id (`-` when not extracted), text."""
        lines = []
        for block in self.document.blocks:
            for segment in block.segments:
                label = segment.id if block.kind.extracted else "-"
                lines.append(f"{segment.line:>4}  {block.kind:<12} {label:<10}  {segment.text}")
        return lines

    def as_json(self) -> str:
        blocks = [
            {
                "kind": str(block.kind),
                "start": block.start,
                "end": block.end,
                "extracted": block.kind.extracted,
                "segments": [
                    {"id": s.id, "text": s.text, "start": s.start, "end": s.end, "line": s.line}
                    for s in block.segments
                ],
            }
            for block in self.document.blocks
        ]
        return json.dumps(
            {"name": self.document.name, "blocks": blocks}, ensure_ascii=False, indent=2
        )


def segment(settings: Settings, options: SegmentOptions) -> SegmentResult:
    source = Source(options.file, relative(options.file, settings.root))
    return SegmentResult(load(source, settings))
