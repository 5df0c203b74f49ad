"""The process pool of `l10n.parallel`: results in the input's order, and no worker, fork
server or resource tracker outlives the process that started the pool, however it ends."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from l10n import parallel
from l10n.parallel import SHARED_FROM, ordered_map, wait_for_end

ROOT = Path(__file__).resolve().parent.parent

# A run whose first item never ends (while the other worker takes every other item and
# then waits for more): its main process is mid-run until it is killed.
MID_RUN = """
import sys
from l10n import parallel
from l10n.parallel import SHARED_FROM, ordered_map, wait_for_end
from tests.test_parallel import report_then
items = [(sys.argv[1], 60.0)] + [(sys.argv[1], 0.0)] * SHARED_FROM
for _ in ordered_map(report_then, items, 2):
    pass
"""


def report_then(item: tuple[str, float]) -> tuple[str, float]:
    """A job: leave this worker's pid in the folder, then sleep the seconds given."""
    folder, seconds = item
    (Path(folder) / str(os.getpid())).touch()
    time.sleep(seconds)
    return item


def square(number: int) -> int:
    return number * number


def _processes() -> dict[int, tuple[int, str, str]]:
    """Every process: pid → (parent pid, state, start time), from /proc."""
    found = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                stat = Path(entry.path, "stat").read_text()
            except OSError:
                continue
            fields = stat.rsplit(")", 1)[1].split()
            found[int(entry.name)] = (int(fields[1]), fields[0], fields[19])
    return found


def _descendants(pid: int) -> dict[int, str]:
    """The processes under `pid`: pid → start time (which tells a reused pid apart)."""
    processes = _processes()
    found: dict[int, str] = {}
    parents = {pid}
    while parents:
        children = {p for p, (ppid, _, _) in processes.items() if ppid in parents}
        found.update({p: processes[p][2] for p in children})
        parents = children - parents
    return found


def _alive(started: dict[int, str]) -> set[int]:
    """Those of the processes that still run (a zombie has ended)."""
    processes = _processes()
    return {
        pid
        for pid, start in started.items()
        if pid in processes and processes[pid][2] == start and processes[pid][1] not in "ZX"
    }


def test_results_come_in_the_input_order_over_several_processes():
    numbers = list(range(SHARED_FROM * 5))
    assert list(ordered_map(square, numbers, 2)) == [n * n for n in numbers]


@pytest.mark.parametrize("pidfd", [True, False], ids=["pidfd", "polling"])
def test_the_end_of_a_process_is_seen_and_not_before(pidfd: bool, monkeypatch):
    if not pidfd:
        monkeypatch.delattr(parallel.os, "pidfd_open", raising=False)
    elif not hasattr(os, "pidfd_open"):
        pytest.skip("no os.pidfd_open here")
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        watch = threading.Thread(target=wait_for_end, args=(other.pid, 0.05), daemon=True)
        watch.start()
        watch.join(0.5)
        assert watch.is_alive(), "seen to end while it runs"
        other.kill()  # not waited for: a zombie, which has ended
        watch.join(2)
        assert not watch.is_alive(), "its end not seen"
    finally:
        other.kill()
        other.wait()
    started = time.monotonic()
    wait_for_end(other.pid, 0.05)  # gone already
    assert time.monotonic() - started < 1


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="reads processes from /proc")
def test_no_worker_outlives_a_killed_main_process(tmp_path: Path):
    path = os.environ.get("PYTHONPATH")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), path]))}
    main = subprocess.Popen([sys.executable, "-c", MID_RUN, str(tmp_path)], cwd=ROOT, env=env)
    helpers: dict[int, str] = {}
    try:
        deadline = time.monotonic() + 8
        while len(list(tmp_path.iterdir())) < 2:  # both workers at work
            assert main.poll() is None, "the pool's run ended early"
            assert time.monotonic() < deadline, "the workers did not start"
            time.sleep(0.05)
        helpers = _descendants(main.pid)  # the fork server, the resource tracker, the workers
        workers = {int(p.name) for p in tmp_path.iterdir()}
        assert workers <= helpers.keys() and len(helpers) >= 3
        time.sleep(0.5)
        assert _alive(helpers) == helpers.keys(), "a worker ended while its main process runs"

        main.send_signal(signal.SIGKILL)
        main.wait()
        killed = time.monotonic()
        while _alive(helpers) and time.monotonic() < killed + 3:
            time.sleep(0.02)
        assert not _alive(helpers), "processes left running by the killed main process"
    finally:
        main.kill()
        main.wait()
        for pid in _alive(helpers):  # what a failure left: ours to end
            os.kill(pid, signal.SIGKILL)
