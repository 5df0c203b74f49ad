"""The stages, one module per command (`extract`, `translate`, `build`, `check`, …).

Each stage is a function `stage(settings, options) -> result`: the frozen
project settings, one frozen options value, and a result value that says what
happened and how to show it. `run` calls extract, translate and build in order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class StageOptions:
    """What every stage over sources takes: the files named (none: the configured sources),
    the time the stage runs at (header and edition dates), the processes per-article work
    may use (None: the usable cores) and whether to redo what the state shows is current."""

    files: tuple[Path, ...] = ()
    now: datetime = field(default_factory=utc_now)
    jobs: int | None = None
    force: bool = False
