"""Machine translation: the Engine protocol, what an engine returns, and the engine table.

An engine is one module named in ENGINES. The module reads its own settings
table (`[tool.l10n.mt.<name>]`) and builds an engine from the project settings
and a target language; see `EngineModule`. Heavy imports stay inside it.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import ModuleType
from typing import TYPE_CHECKING, Any, Protocol

from ..errors import SettingsError

if TYPE_CHECKING:
    from ..settings import Settings

Progress = Callable[[int, int, str], None]  # (segments done, segments in all, what)

# engine name → the module that implements it
ENGINES: dict[str, str] = {"argos": "l10n.mt.argos"}


@dataclass(frozen=True)
class Translation:
    text: str
    limit: int | None = None  # the token limit decoding stopped at; None: it ended by itself
    source_limit: int | None = None  # the engine read only this many source tokens

    @property
    def incomplete(self) -> bool:
        """Whether a length limit may have cost this output part of its source."""
        return self.limit is not None or self.source_limit is not None

    @property
    def note(self) -> str:
        """What a reviewer must know about this output, or ''."""
        notes = []
        if self.source_limit is not None:
            notes.append(
                f"the engine read only the first {self.source_limit} tokens of the source, "
                "the rest is not translated"
            )
        if self.limit is not None:
            notes.append(f"stopped at the {self.limit}-token limit, the end may be missing")
        return "; ".join(notes)


class Engine(Protocol):
    provenance: str  # engine, model, version and settings, as written beside its output
    limits: str  # the settings that bound an output's length, for a warning ("" if none)

    def translate(self, texts: list[str], progress: Progress | None = None) -> list[Translation]:
        """Translations of `texts`, same length and order."""
        ...


class EngineModule(Protocol):
    """What the module of an engine in ENGINES provides."""

    def read_settings(self, table: Mapping[str, Any], where: str) -> Any:
        """The engine's frozen settings from its table (`where` names it in errors)."""
        ...

    def make_engine(self, settings: Settings, target: str) -> Engine:
        """An engine into `target`; NoModelError when it has no model for the pair. Its
        settings are `settings.mt.settings_of(name)`; `settings.mt.draft` asks for its
        fastest settings (`l10n translate --draft`)."""
        ...


def engine_module(name: str) -> EngineModule:
    try:
        module: ModuleType = importlib.import_module(ENGINES[name])
    except KeyError:
        raise SettingsError(
            f"[tool.l10n.mt] engine: unknown engine {name!r}; choose from: {', '.join(ENGINES)}"
        ) from None
    return module  # type: ignore[return-value]


@dataclass(frozen=True)
class MTSettings:
    engine: str = "argos"
    draft: bool = False  # the engine's fastest, rougher settings (`l10n translate --draft`)
    ray: str = ""  # a Ray cluster's address (or "auto") to translate on (`--ray`); "": here
    tables: tuple[tuple[str, Any], ...] = ()  # (engine name, its settings), as configured

    def settings_of(self, name: str) -> Any:
        """The settings of an engine: as configured, else its defaults."""
        for key, value in self.tables:
            if key == name:
                return value
        return engine_module(name).read_settings({}, f"[tool.l10n.mt.{name}]")


# Where engine settings were before each engine had its own table; still read, with a notice.
_LEGACY_ENGINE = "argos"


def read_mt_settings(table: object) -> tuple[MTSettings, tuple[str, ...]]:
    """`[tool.l10n.mt]` → (settings, notices for the user such as deprecations)."""
    if not isinstance(table, dict):
        raise SettingsError("[tool.l10n.mt] must be a table")
    engine = table.get("engine", MTSettings.engine)
    if not isinstance(engine, str):
        raise SettingsError("[tool.l10n.mt] engine must be of type str")
    engine_module(engine)
    tables: dict[str, Any] = {}
    legacy = {k: v for k, v in table.items() if k != "engine" and k not in ENGINES}
    for name in ENGINES:
        if name in table:
            if not isinstance(table[name], dict):
                raise SettingsError(f"[tool.l10n.mt.{name}] must be a table")
            tables[name] = engine_module(name).read_settings(table[name], f"[tool.l10n.mt.{name}]")
    notices: tuple[str, ...] = ()
    if legacy:
        if _LEGACY_ENGINE in tables:
            raise SettingsError(
                f"[tool.l10n.mt] {', '.join(legacy)}: give these in "
                f"[tool.l10n.mt.{_LEGACY_ENGINE}] only"
            )
        tables[_LEGACY_ENGINE] = engine_module(_LEGACY_ENGINE).read_settings(
            legacy, "[tool.l10n.mt]"
        )
        notices = (
            f"[tool.l10n.mt] {', '.join(legacy)}: these settings now go in "
            f"[tool.l10n.mt.{_LEGACY_ENGINE}]; the old place still works but is deprecated",
        )
    return MTSettings(engine=engine, tables=tuple(tables.items())), notices


def make_engine(settings: Settings, target: str) -> Engine:
    """The configured engine into `target` (run on a Ray cluster when `settings.mt.ray`)."""
    engine = engine_module(settings.mt.engine).make_engine(settings, target)
    if settings.mt.ray:
        from .ray import RayEngine

        return RayEngine(engine, settings.mt.ray)
    return engine
