"""Machine translation: the Engine protocol, engine settings and the name → factory table."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from ..errors import L10nError, SettingsError

Progress = Callable[[int, int], None]  # (segments done, segments in all)


class NoModelError(L10nError):
    """No installed package can translate the requested language pair."""


class Engine(Protocol):
    provenance: str

    def translate(self, texts: list[str], progress: Progress | None = None) -> list[str]:
        """Translations of `texts`, same length and order."""
        ...


@dataclass(frozen=True)
class MTSettings:
    engine: str = "argos"
    beam_size: int = 4
    workers: int = 0  # batches translated in parallel; 0: one per CPU core
    threads: int = 1  # threads per worker
    compute_type: str = "int8"
    max_batch_size: int = 4
    batch_type: str = "examples"
    max_decoding_length: int = 256


def _argos(mt: MTSettings, packages_dir: Path, source_language: str, target: str, opencc: str):
    from .argos import ArgosEngine, choose_package

    package, conversion = choose_package(packages_dir, source_language, target, opencc)
    return ArgosEngine(package, mt, conversion)


ENGINES: dict[str, Callable[..., Engine]] = {"argos": _argos}


def make_engine(
    mt: MTSettings, packages_dir: Path, source_language: str, target: str, opencc: str
) -> Engine:
    try:
        factory = ENGINES[mt.engine]
    except KeyError:
        raise SettingsError(
            f"unknown engine {mt.engine!r}; choose from: {', '.join(ENGINES)}"
        ) from None
    return factory(mt, packages_dir, source_language, target, opencc)
