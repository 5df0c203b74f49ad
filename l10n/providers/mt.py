"""The machine-translation provider: the configured engine, marked as machine output."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..catalog.machine import PROVENANCE
from ..mt import Engine, Progress, make_engine
from . import Suggestion

if TYPE_CHECKING:
    from ..settings import Settings


class MachineTranslation:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.description = engine.provenance

    def suggest(self, texts: list[str], progress: Progress | None = None) -> dict[str, Suggestion]:
        outputs = self.engine.translate(texts, progress) if texts else []
        return {
            text: Suggestion(
                output.text,
                PROVENANCE + "; ".join(filter(None, [self.engine.provenance, output.note])),
                output.incomplete,
            )
            for text, output in zip(texts, outputs, strict=True)
        }


def make_provider(settings: Settings, target: str) -> MachineTranslation:
    return MachineTranslation(make_engine(settings, target))
