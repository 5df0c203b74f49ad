"""Wall time of `l10n --help` (goal: <= 150 ms): the start-up path stays light.

Runs the installed console script several times and reports the best and median.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

SCRIPT = Path(sys.executable).parent / "l10n"


def main(runs: int = 15) -> None:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([str(SCRIPT), "--help"], check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    bare = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True, capture_output=True)
        bare.append(time.perf_counter() - start)
    print(
        f"l10n --help: best {min(times) * 1000:.0f} ms, median "
        f"{statistics.median(times) * 1000:.0f} ms (goal <= 150 ms)"
    )
    print(f"python -c pass: best {min(bare) * 1000:.0f} ms (interpreter start-up, for scale)")


if __name__ == "__main__":
    main()
