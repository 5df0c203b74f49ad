"""The providers of one run: each made once, each text offered once, whatever the batches.

`l10n translate` and `l10n run` offer catalogs to the providers a batch at a time; this
cache keeps the providers and what they answered for the whole run, and says what the
chain is now (`state`), so a catalog left with empty entries is offered again only when
it changed or its providers did.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import NoModelError
from . import Provider, Suggestion, make_provider

if TYPE_CHECKING:
    from ..mt import Progress
    from ..settings import Settings


class Providers:
    """The providers of one run, each made once per (name, target, source language), with
    what each has answered: a text is offered once per run, however the catalogs are
    batched. A provider that has no model is remembered as its NoModelError."""

    def __init__(self) -> None:
        self._made: dict[tuple[str, str, str], Provider | NoModelError] = {}
        self._answers: dict[tuple[str, str, str], dict[str, Suggestion | None]] = {}

    def get(self, name: str, settings: Settings, language: str) -> Provider:
        key = (name, language, settings.source_language)
        if key not in self._made:
            try:
                self._made[key] = make_provider(name, settings, language)
            except NoModelError as err:
                self._made[key] = err
        made = self._made[key]
        if isinstance(made, NoModelError):
            # a new error each time: raising one object again would chain each raise's
            # frames (and the catalogs they hold) onto its traceback
            raise NoModelError(str(made))
        return made

    def suggest(
        self,
        name: str,
        settings: Settings,
        language: str,
        texts: list[str],
        progress: Progress | None,
        contexts: dict[str, frozenset[str]],
    ) -> dict[str, Suggestion]:
        provider = self.get(name, settings, language)
        answers = self._answers.setdefault((name, language, settings.source_language), {})
        new = [text for text in texts if text not in answers]
        if new:
            found = provider.suggest(new, progress, contexts)
            answers.update((text, found.get(text)) for text in new)
        return {text: s for text in texts if (s := answers[text]) is not None}

    def state(self, settings: Settings, language: str) -> str:
        """What the chain into `language` is now: each provider's `state` (a translation
        memory's generation) or description, or why it has no model. A catalog left with
        empty entries is offered again only when this changed."""
        parts = []
        for name in settings.providers:
            try:
                provider = self.get(name, settings, language)
            except NoModelError as err:
                parts.append(f"{name}: {err}")
                continue
            parts.append(f"{name}: {getattr(provider, 'state', provider.description)}")
        return " | ".join(parts)
