"""The translate stage: fill the pending entries of in-memory catalogs with an engine.

Catalogs are grouped by target language; each distinct source text is sent to
the engine once per language, across all documents of the run, in one batch.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import polib

from .catalog.machine import fill, pending, unique_texts
from .mt import Engine, Progress


@dataclass(frozen=True)
class Workload:
    language: str
    texts: tuple[str, ...]
    entries: tuple[polib.POEntry, ...]

    @property
    def characters(self) -> int:
        return sum(len(text) for text in self.texts)


@dataclass(frozen=True)
class Outcome:
    language: str
    segments: int  # distinct texts sent to the engine
    characters: int
    filled: int  # catalog entries filled
    provenance: str
    cut_short: int = 0  # distinct texts whose translation hit a length limit

    @property
    def warning(self) -> str:
        if not self.cut_short:
            return ""
        return (
            f"{self.language}: {self.cut_short} machine translation(s) hit a length limit "
            "and may miss part of their source; their catalog comments say which "
            "([tool.l10n.mt] max-decoding-length, length-factor)"
        )


def workloads(
    catalogs: Sequence[tuple[str, polib.POFile]], *, retranslate_machine: bool = False
) -> list[Workload]:
    """What each language would send to its engine: (language, catalog) pairs in."""
    by_language: dict[str, list[polib.POEntry]] = {}
    for language, catalog in catalogs:
        entries = pending(catalog, retranslate_machine=retranslate_machine)
        by_language.setdefault(language, []).extend(entries)
    return [
        Workload(language, tuple(unique_texts(entries)), tuple(entries))
        for language, entries in by_language.items()
    ]


def run_workload(work: Workload, engine: Engine, progress: Progress | None = None) -> Outcome:
    texts = list(work.texts)
    outputs = engine.translate(texts, progress) if texts else []
    translated = {
        text: (output.text, "; ".join(filter(None, [engine.provenance, output.note])))
        for text, output in zip(texts, outputs, strict=True)
    }
    filled = fill(work.entries, translated)
    cut_short = sum(1 for output in outputs if output.incomplete)
    return Outcome(work.language, len(texts), work.characters, filled, engine.provenance, cut_short)


EngineFactory = Callable[[str], Engine]  # target language → engine
