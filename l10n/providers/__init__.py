"""Pre-translation providers: what fills a catalog's empty entries, asked in order.

`l10n translate` hands each language's pending source texts to the providers
named in `[tool.l10n] providers` (default: the machine-translation engine),
each getting what the ones before it left. A provider is one module named in
PROVIDERS with a `make_provider(settings, target)` factory; heavy imports stay
inside it.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from ..errors import SettingsError

if TYPE_CHECKING:
    from ..mt import Progress
    from ..settings import Settings

# provider name → the module that implements it
PROVIDERS: dict[str, str] = {"mt": "l10n.providers.mt"}


@dataclass(frozen=True)
class Suggestion:
    """A translation a provider offers for one source text."""

    text: str
    provenance: str  # the catalog comment line that says where the text came from
    incomplete: bool = False  # a length limit may have cost it part of its source


class Provider(Protocol):
    description: str  # what fills the entries, as reported to the user

    def suggest(self, texts: list[str], progress: Progress | None = None) -> dict[str, Suggestion]:
        """Suggestions for those of `texts` the provider can fill."""
        ...


def check_names(names: tuple[str, ...]) -> None:
    for name in names:
        if name not in PROVIDERS:
            raise SettingsError(
                f"[tool.l10n] providers: unknown provider {name!r}; "
                f"choose from: {', '.join(PROVIDERS)}"
            )


def make_provider(name: str, settings: Settings, target: str) -> Provider:
    """The named provider into `target` (NoModelError when it has nothing to offer)."""
    check_names((name,))
    return importlib.import_module(PROVIDERS[name]).make_provider(settings, target)
