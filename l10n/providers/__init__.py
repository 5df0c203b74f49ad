"""Pre-translation providers: what fills a catalog's empty entries, asked in order.

`l10n translate` hands each language's pending source texts to the providers
named in `[tool.l10n] providers` (default: the machine-translation engine),
each getting what the ones before it left. A provider is one module named in
PROVIDERS with a `make_provider(settings, target, option)` factory; heavy
imports stay inside it. A name may carry an option after a colon, passed to the
factory: `mt:argos` is machine translation with the `argos` engine, so engines
chain like any providers (`providers = ["mt:libretranslate", "mt:argos"]`).
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from ..errors import SettingsError

if TYPE_CHECKING:
    from ..mt import Progress
    from ..settings import Settings

# provider name → the module that implements it
PROVIDERS: dict[str, str] = {"tm": "l10n.providers.tm", "mt": "l10n.providers.mt"}


@dataclass(frozen=True)
class Suggestion:
    """A translation a provider offers for one source text."""

    text: str
    provenance: str  # the catalog comment line that says where the text came from
    incomplete: bool = False  # a length limit may have cost it part of its source
    accepted: bool = False  # good enough to count as reviewed (an accepted context match)


class Provider(Protocol):
    description: str  # what fills the entries, as reported to the user
    limits: str  # the settings that bound the length of its output, for a warning ("" if none)

    def suggest(
        self,
        texts: list[str],
        progress: Progress | None = None,
        contexts: Mapping[str, frozenset[str]] | None = None,
    ) -> dict[str, Suggestion]:
        """Suggestions for those of `texts` the provider can fill; `contexts` gives, for a
        text, the keys of its neighbours where it occurs (see `tm.keys.context_key`)."""
        ...


def _module(name: str):
    base = name.partition(":")[0]
    if base not in PROVIDERS:
        raise SettingsError(
            f"[tool.l10n] providers: unknown provider {name!r}; choose from: {', '.join(PROVIDERS)}"
        )
    return importlib.import_module(PROVIDERS[base])


def check_names(names: tuple[str, ...]) -> None:
    """A SettingsError for a provider name, or an option it does not take. A provider that
    takes options checks them in its module's `check_option(option)`."""
    for name in names:
        module = _module(name)
        option = name.partition(":")[2]
        if not option:
            continue
        check_option = getattr(module, "check_option", None)
        if check_option is None:
            raise SettingsError(f"[tool.l10n] providers: {name!r}: this provider takes no option")
        check_option(option)


def asks_an_engine(name: str) -> bool:
    """Whether a provider sends texts to an engine (`ASKS_AN_ENGINE` in its module): a dry
    run reports what it would send instead of asking it."""
    return bool(getattr(_module(name), "ASKS_AN_ENGINE", False))


def make_provider(name: str, settings: Settings, target: str) -> Provider:
    """The named provider into `target` (NoModelError when it has nothing to offer)."""
    return _module(name).make_provider(settings, target, name.partition(":")[2])
