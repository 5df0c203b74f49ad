"""A pre-translation provider for tests: fills the sources that mention a meeting (會議).

Registered under the name `memory` by tests, the way a provider module is named
in `l10n.providers.PROVIDERS`, with its provenance kind `memory` in
`l10n.catalog.status.PROVENANCE_KINDS`.
"""

from __future__ import annotations

from l10n.catalog.provenance import provenance_line
from l10n.providers import Suggestion


class Memory:
    description = "test memory"
    limits = ""

    def __init__(self, target: str) -> None:
        self.target = target

    def suggest(self, texts, progress=None, contexts=None):
        return {
            text: Suggestion(f"{self.target} from memory", provenance_line("memory", "test match"))
            for text in texts
            if "會議" in text
        }


def make_provider(settings, target: str, option: str = "") -> Memory:
    return Memory(target)
