"""Per-article work over several processes: `ordered_map`, results in the input's order.

Worker processes start from a fork server that has imported the stages, so a worker
costs an import once, not per article. With one job, or too few items to share, the
work runs in this process: the results are the same either way.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

SHARED_FROM = 8  # fewer items than this run in this process: a pool would cost more
PRELOAD = ["l10n.stages.extract", "l10n.stages.build", "l10n.stages.check"]


def usable_cores() -> int:
    """The CPU cores this process may run on (fewer than the machine's under taskset or
    a container's CPU set)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def resolve_jobs(jobs: int | None) -> int:
    """The number of processes: `jobs`, or the usable cores when it is None or 0."""
    return jobs if jobs and jobs > 0 else usable_cores()


def ordered_map(function: Callable[[T], R], items: Sequence[T], jobs: int) -> Iterator[R]:
    """`function` applied to each item, in order; over `jobs` processes when worth it.
    `function` and the items must be picklable (a module-level function, frozen values)."""
    if jobs <= 1 or len(items) < SHARED_FROM:
        yield from map(function, items)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)
    workers = min(jobs, len(items))
    chunk = max(1, min(16, len(items) // (workers * 4)))
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        yield from pool.map(function, items, chunksize=chunk)


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of at most `size` items."""
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch
