"""Per-article work over several processes: `ordered_map`, results in the input's order.

Worker processes start from a fork server that has imported the stages, so a worker
costs an import once, not per article. With one job, or too few items to share, the
work runs in this process: the results are the same either way.

Each worker watches the process that started the pool and ends as soon as that process
does, however it ends (a `kill -9` included): no worker is left waiting for work that
will never come, or finishing an article after the next run has cleaned up. The fork
server and the resource tracker end by themselves once the workers are gone.
"""

from __future__ import annotations

import contextlib
import os
import select
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

SHARED_FROM = 8  # fewer items than this run in this process: a pool would cost more
PRELOAD = ["l10n.stages.extract", "l10n.stages.build", "l10n.stages.check"]
POLL_SECONDS = 0.5  # how often a worker looks for its main process without a pidfd


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
    with ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=end_with, initargs=(os.getpid(),)
    ) as pool:
        yield from pool.map(function, items, chunksize=chunk)


def end_with(pid: int) -> None:
    """In a worker (the pool's initializer): end this process as soon as process `pid` ends.
    A watch that cannot start leaves the worker as it was."""
    with contextlib.suppress(RuntimeError):  # no thread to be had
        threading.Thread(target=_end_after, args=(pid,), name="end-with", daemon=True).start()


def _end_after(pid: int) -> None:
    wait_for_end(pid)
    os._exit(1)


def wait_for_end(pid: int, poll_seconds: float = POLL_SECONDS) -> None:
    """Return once process `pid` has ended (exited or been killed: a zombie has ended).

    On Linux (5.3 and later) a pidfd becomes readable when the process ends, which is
    seen at once; elsewhere, or where pidfds are refused, the process is looked for every
    `poll_seconds`."""
    try:
        pidfd = os.pidfd_open(pid)
    except ProcessLookupError:
        return
    except (AttributeError, OSError):
        pidfd = None
    if pidfd is not None:
        try:
            watch = select.poll()
            watch.register(pidfd, select.POLLIN)
            watch.poll()
            return
        except (AttributeError, OSError):
            pass
        finally:
            os.close(pidfd)
    while _running(pid):
        time.sleep(poll_seconds)


def _running(pid: int) -> bool:
    """Whether process `pid` still runs: it exists and, where /proc tells, is no zombie."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # it exists, under another user
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            state = stat.read().rpartition(b")")[2].split()[:1]
    except OSError:
        return True
    return state not in ([b"Z"], [b"X"])


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
