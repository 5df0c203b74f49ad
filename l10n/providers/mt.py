"""The machine-translation provider: an engine's output, marked as machine output. The
engine reads the texts without their placeholders, which are put back in its output
(`mt/tags.py`).

`mt` uses the configured engine (`[tool.l10n.mt] engine`); `mt:NAME` the engine NAME.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..catalog.provenance import provenance_line
from ..catalog.status import MACHINE_TRANSLATION
from ..errors import SettingsError
from ..mt import ENGINES, Engine, Progress, make_engine
from ..mt.tags import translate_tagged
from . import Suggestion

if TYPE_CHECKING:
    from ..settings import Settings

ASKS_AN_ENGINE = True  # a dry run says what would be sent instead


class MachineTranslation:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.description = engine.provenance
        self.limits = engine.limits

    def suggest(
        self, texts: list[str], progress: Progress | None = None, contexts=None
    ) -> dict[str, Suggestion]:
        outputs = translate_tagged(self.engine, texts, progress) if texts else []
        return {
            text: Suggestion(
                output.text,
                provenance_line(
                    MACHINE_TRANSLATION,
                    "; ".join(filter(None, [self.engine.provenance, output.note])),
                ),
                output.incomplete,
            )
            for text, output in zip(texts, outputs, strict=True)
        }


def check_option(engine: str) -> None:
    if engine not in ENGINES:
        raise SettingsError(
            f"[tool.l10n] providers: unknown engine in 'mt:{engine}'; "
            f"choose from: {', '.join(ENGINES)}"
        )


def make_provider(settings: Settings, target: str, engine: str = "") -> MachineTranslation:
    if engine:
        settings = replace(settings, mt=replace(settings.mt, engine=engine))
    return MachineTranslation(make_engine(settings, target))
