"""An in-memory engine for catalog-state tests: the Engine protocol with no model.

Registered under the name `fake` by the `fake_engine` fixture, the way a real
engine module is named in `l10n.mt.ENGINES`. Its output is a deterministic
function of the source text; `languages` in `[tool.l10n.mt.fake]` says which
targets it serves (others raise NoModelError, as a missing model does). Every
batch it is asked for is kept in `BATCHES`, and the source language of each
engine made in `SOURCE_LANGUAGES`, for tests that look at what was sent.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from l10n.document import content_hash
from l10n.errors import NoModelError, SettingsError
from l10n.mt import Progress, Translation

BATCHES: list[list[str]] = []
SOURCE_LANGUAGES: list[str] = []  # the source language of each engine made


@dataclass(frozen=True)
class FakeSettings:
    languages: tuple[str, ...] = ("en",)
    version: str = "1.0"


def read_settings(table: Mapping[str, Any], where: str) -> FakeSettings:
    unknown = set(table) - {"languages", "version"}
    if unknown:
        raise SettingsError(f"{where} unknown setting {sorted(unknown)[0]!r}")
    return FakeSettings(tuple(table.get("languages", ("en",))), str(table.get("version", "1.0")))


class FakeEngine:
    def __init__(self, target: str, settings: FakeSettings, draft: bool) -> None:
        self.target = target
        self.provenance = f"fake {settings.version} ({'draft' if draft else 'full'})"
        self.limits = ""

    def translate(self, texts: list[str], progress: Progress | None = None) -> list[Translation]:
        BATCHES.append(list(texts))
        if progress:
            progress(len(texts), len(texts), "translating")
        return [Translation(f"{self.target} translation {content_hash(t)}") for t in texts]


def make_engine(settings, target: str) -> FakeEngine:
    fake: FakeSettings = settings.mt.settings_of(settings.mt.engine)  # registered as fake, fake2
    if target not in fake.languages:
        raise NoModelError(f"the fake engine has no model into {target!r}")
    SOURCE_LANGUAGES.append(settings.source_language)
    return FakeEngine(target, fake, settings.mt.draft)
