"""The translation-memory provider: reviewed translations of the same or like sentences.

Before it answers, the memory's index is brought up to date with the project's
reviewed catalogs and TMX files. Each text gets its best match at or above
`tm-threshold`, filled as fuzzy with a `tm: exact 100% (file:line)` line.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from ..catalog.provenance import provenance_line
from ..catalog.status import TM
from ..mt import Progress
from ..tm.database import open_store
from ..tm.index import index_path, update
from ..tm.match import lookup
from . import Suggestion

if TYPE_CHECKING:
    from ..settings import Settings


class TranslationMemory:
    limits = ""

    def __init__(self, settings: Settings, target: str) -> None:
        self.settings = settings
        self.target = target
        with open_store(index_path(settings)) as store:
            update(store, settings)
            units = store.count().get(target, 0)
            version = f"index {store.identity()}, generation {store.generation()}"
        self.description = f"the translation memory ({units} reviewed units into {target})"
        self.state = f"{self.description}, {version}"  # what it can answer

    def suggest(
        self,
        texts: list[str],
        progress: Progress | None = None,
        contexts: Mapping[str, frozenset[str]] | None = None,
    ) -> dict[str, Suggestion]:
        found = {}
        accept = self.settings.tm_accept_context
        with open_store(index_path(self.settings)) as store:
            for text in texts:
                matches = lookup(
                    store,
                    text,
                    self.target,
                    threshold=self.settings.tm_threshold,
                    limit=1,
                    contexts=(contexts or {}).get(text, frozenset()),
                )
                if matches:
                    best = matches[0]
                    line = provenance_line(TM, best.describe())
                    accepted = accept and best.kind == "context"
                    found[text] = Suggestion(best.unit.target, line, accepted=accepted)
        return found


def make_provider(settings: Settings, target: str, option: str = "") -> TranslationMemory:
    return TranslationMemory(settings, target)
