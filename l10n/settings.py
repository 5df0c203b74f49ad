"""Settings: one frozen value built from `[tool.l10n]` in pyproject.toml and options.

`from_table` is pure; `load` is the edge that finds and reads pyproject.toml.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from .errors import ConversionError, SettingsError
from .mt import MTSettings, read_mt_settings
from .providers import check_names as check_provider_names
from .script import normalise_config
from .segment.rules import Rules, StructureRules


@dataclass(frozen=True)
class CheckSettings:
    """`[tool.l10n.check]`: the gate's policy, stated once for CI (options override it)."""

    min_reviewed: float | None = None  # percent of each catalog that must be reviewed
    max_fuzzy: int | None = None  # fuzzy entries allowed per catalog
    fail_on: str = "error"  # the lowest severity that fails: error or warning


@dataclass(frozen=True)
class Settings:
    root: Path = Path(".")
    sources: tuple[str, ...] = ("seeds/*.txt",)
    locales: str = "locales"
    languages: tuple[str, ...] = ("en",)
    source_language: str = "zh-Hant"
    opencc_config: str = "t2s"
    dist: str = "dist"
    formats: tuple[str, ...] = ("html", "md", "txt")
    layout: str = "side-by-side"
    project: str = "l10n"
    lock_timeout: float = 30.0  # seconds a second writer waits for the catalogs' lock
    providers: tuple[str, ...] = ("tm", "mt")  # what fills empty entries, asked in this order
    tm: tuple[str, ...] = ("tm/*.tmx",)  # TMX files the translation memory also holds
    tm_threshold: int = 75  # the lowest fuzzy match score the memory offers
    tm_accept_context: bool = False  # context matches count as reviewed
    # Longest segment extraction accepts: a line with no sentence end can be megabytes,
    # and an engine reads only its first 1,024 tokens.
    max_segment_chars: int = 2000
    check: CheckSettings = field(default_factory=CheckSettings)
    rules: Rules = field(default_factory=Rules)
    mt: MTSettings = field(default_factory=MTSettings)
    notices: tuple[str, ...] = ()  # what the user should hear about these settings (deprecations)


_STRUCTURE_KEYS = {
    "boilerplate": "boilerplate",
    "breadcrumb": "breadcrumb",
    "meta": "meta",
    "list-item": "list_item",
    "byline": "byline",
    "title-max-chars": "title_max_chars",
}
_TUPLE_KEYS = {"sources", "languages", "formats", "providers", "tm", "boilerplate"}


def from_table(table: dict[str, Any], root: Path) -> Settings:
    """Settings from a parsed `[tool.l10n]` table."""
    known = {
        f.name.replace("_", "-"): f.name
        for f in fields(Settings)
        if f.name not in ("root", "rules", "mt", "notices", "check")
    }
    values: dict[str, Any] = {"root": root}
    structure: dict[str, Any] = {}
    for key, value in table.items():
        if key == "mt":
            values["mt"], values["notices"] = read_mt_settings(value)
            continue
        if key == "check":
            values["check"] = _check_settings(value)
            continue
        if key in _TUPLE_KEYS:
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise SettingsError(f"[tool.l10n] {key} must be a list of strings")
            value = tuple(value)
        if key in _STRUCTURE_KEYS:
            structure[_STRUCTURE_KEYS[key]] = value
        elif key == "lock-timeout":
            if not isinstance(value, int | float) or value < 0:
                raise SettingsError("[tool.l10n] lock-timeout must be a number of seconds")
            values["lock_timeout"] = float(value)
        elif key == "tm-accept-context":
            if type(value) is not bool:
                raise SettingsError(f"[tool.l10n] {key} must be true or false")
            values["tm_accept_context"] = value
        elif key == "tm-threshold":
            if type(value) is not int or not 1 <= value <= 100:
                raise SettingsError(f"[tool.l10n] {key} must be a whole number, 1 to 100")
            values["tm_threshold"] = value
        elif key == "max-segment-chars":
            if type(value) is not int or value < 1:
                raise SettingsError(f"[tool.l10n] {key} must be a whole number, at least 1")
            values["max_segment_chars"] = value
        elif key in known:
            if not isinstance(value, str | tuple):
                raise SettingsError(f"[tool.l10n] {key} must be a string")
            values[known[key]] = value
        else:
            raise SettingsError(f"[tool.l10n] unknown setting {key!r}")
    _check_structure(structure)
    settings = Settings(rules=Rules(structure=StructureRules(**structure)), **values)
    _check_values(settings)
    return settings


# BCP 47-like tags as gettext and editions use them: en, pt-BR, zh_Hant, sr-Latn-RS
_LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")


def _check_settings(table: object) -> CheckSettings:
    if not isinstance(table, dict):
        raise SettingsError("[tool.l10n.check] must be a table")
    values: dict[str, Any] = {}
    for key, value in table.items():
        if key == "min-reviewed":
            if (
                not isinstance(value, int | float)
                or isinstance(value, bool)
                or not 0 <= value <= 100
            ):
                raise SettingsError(f"[tool.l10n.check] {key} must be a percentage, 0 to 100")
            values["min_reviewed"] = float(value)
        elif key == "max-fuzzy":
            if type(value) is not int or value < 0:
                raise SettingsError(f"[tool.l10n.check] {key} must be a whole number, 0 or more")
            values["max_fuzzy"] = value
        elif key == "fail-on":
            if value not in ("error", "warning"):
                raise SettingsError(f"[tool.l10n.check] {key} must be error or warning")
            values["fail_on"] = value
        else:
            raise SettingsError(f"[tool.l10n.check] unknown setting {key!r}")
    return CheckSettings(**values)


def _check_structure(structure: dict[str, Any]) -> None:
    for name, value in structure.items():
        key = name.replace("_", "-")
        if name == "title_max_chars":
            if type(value) is not int or value < 1:
                raise SettingsError(f"[tool.l10n] {key} must be a whole number, at least 1")
            continue
        for pattern in value if isinstance(value, tuple) else (value,):
            if not isinstance(pattern, str):
                raise SettingsError(f"[tool.l10n] {key} must be a regular expression string")
            try:
                compiled = re.compile(pattern)
            except re.error as err:
                raise SettingsError(
                    f"[tool.l10n] {key}: {pattern!r} is not a regular expression: {err}"
                ) from err
            if compiled.search(""):
                raise SettingsError(
                    f"[tool.l10n] {key}: {pattern!r} matches an empty string, so it would "
                    "match every line"
                )


def _check_language_tag(key: str, value: str, example: str) -> None:
    if not _LANGUAGE_TAG.match(value):
        raise SettingsError(f"[tool.l10n] {key}: {value!r} is not a language tag (like {example})")


def _check_inside(key: str, value: str) -> None:
    """A folder or glob of the settings stays inside the project."""
    path = Path(value)
    if path.is_absolute() or ".." in path.parts:
        raise SettingsError(
            f"[tool.l10n] {key}: {value!r} is outside the project; give a path relative to "
            "the project root, without '..'"
        )


def _check_values(settings: Settings) -> None:
    for key, values in (("sources", settings.sources), ("languages", settings.languages)):
        if not values:
            raise SettingsError(f"[tool.l10n] {key} must name at least one")
    for name, patterns in (("sources", settings.sources), ("tm", settings.tm)):
        for pattern in patterns:
            _check_inside(name, pattern)
    _check_inside("locales", settings.locales)
    _check_inside("dist", settings.dist)
    for language in settings.languages:
        _check_language_tag("languages", language, "en or pt-BR")
    _check_language_tag("source-language", settings.source_language, "zh-Hant")
    try:
        normalise_config(settings.opencc_config)
    except ConversionError as err:
        raise SettingsError(f"[tool.l10n] opencc-config: {err}") from err
    check_provider_names(settings.providers)


def require_language(settings: Settings, language: str) -> None:
    """A SettingsError unless `language` is one of the project's target languages."""
    if language not in settings.languages:
        raise SettingsError(
            f"language {language!r} is not in [tool.l10n] languages "
            f"({', '.join(settings.languages)})"
        )


def find_root(start: Path) -> Path:
    """The nearest folder at or above `start` with a pyproject.toml, else `start`."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / "pyproject.toml").is_file():
            return folder
    return start


def load(start: Path) -> Settings:
    root = find_root(start)
    pyproject = root / "pyproject.toml"
    if not pyproject.is_file():
        return Settings(root=root)
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        raise SettingsError(f"{pyproject}: not valid TOML: {err}") from err
    return from_table(data.get("tool", {}).get("l10n", {}), root)
