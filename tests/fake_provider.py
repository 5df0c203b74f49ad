"""A pre-translation provider for tests: fills the sources that mention a meeting (會議).

Registered under the name `memory` by tests, the way a provider module is named
in `l10n.providers.PROVIDERS`.
"""

from __future__ import annotations

from l10n.providers import Suggestion


class Memory:
    description = "test memory"

    def __init__(self, target: str) -> None:
        self.target = target

    def suggest(self, texts, progress=None):
        return {
            text: Suggestion(f"{self.target} from memory", "memory: test match")
            for text in texts
            if "會議" in text
        }


def make_provider(settings, target: str, option: str = "") -> Memory:
    return Memory(target)
