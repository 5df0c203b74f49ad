"""Machine translation: the Engine protocol, engine settings and the name → factory table."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from ..errors import L10nError, SettingsError

Progress = Callable[[int, int, str], None]  # (segments done, segments in all, what)


class NoModelError(L10nError):
    """No installed package can translate the requested language pair."""


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
    provenance: str

    def translate(self, texts: list[str], progress: Progress | None = None) -> list[Translation]:
        """Translations of `texts`, same length and order."""
        ...


@dataclass(frozen=True)
class MTSettings:
    engine: str = "argos"
    beam_size: int = 4
    workers: int = 0  # batches translated in parallel; 0: one per usable core
    threads: int = 1  # threads per worker
    compute_type: str = "int8"
    # Batches for beam search, and for greedy search (beam 1, draft), which gains from
    # larger batches of sources of like length (counted in padded tokens).
    max_batch_size: int = 4
    batch_type: str = "examples"
    draft_max_batch_size: int = 1024
    draft_batch_type: str = "tokens"
    max_decoding_length: int = 256  # tokens per output in the batched pass
    # Outputs that reach max_decoding_length are decoded again, each with room for
    # this many tokens per source token (long sentences need more than the cap).
    length_factor: float = 3.0

    @property
    def batching(self) -> tuple[int, str]:
        """CTranslate2's (max_batch_size, batch_type) for this beam size."""
        if self.beam_size == 1:
            return self.draft_max_batch_size, self.draft_batch_type
        return self.max_batch_size, self.batch_type


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
