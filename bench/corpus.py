"""A corpus of articles through `l10n`: what a run, a re-run and a one-article change cost.

Builds a project of N articles (the seed article, each copy with its own numbers and a
sentence of its own, so texts differ the way a newsroom's formulaic pieces do), then
times each command as a child process: wall seconds, CPU seconds (user + system) and the
child's peak resident memory. No model is installed, so the runs cost what the tool itself
does, not an engine's translations.

    python bench/corpus.py --sizes 10,100,1000 [--jobs 1,2]

Goals (issue "corpus scale"): a re-run with nothing changed at 10,000 articles <= 2 s;
one article changed <= 2 s plus that article's own work; peak memory <= 300 MB at
10,000; `--jobs 2` >= 1.7x `--jobs 1` on a build from scratch.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "sichuan-police-conference-2020.txt"
L10N = Path(sys.executable).with_name("l10n")

MEASURE = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[2:], cwd=sys.argv[1], capture_output=True, text=True)
wall = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"code": done.returncode, "wall": wall, "cpu": usage.ru_utime + usage.ru_stime,
                  "rss": usage.ru_maxrss / 1024, "err": done.stderr[-400:]}))
"""

PYPROJECT = """[project]
name = "corpus"
version = "0"

[tool.l10n]
sources = ["articles/*.txt"]
languages = ["en"]
source-language = "zh-Hant"
formats = ["html", "md", "txt"]
project = "corpus bench"
"""


def article(seed: str, number: int) -> str:
    """The seed with its numbers shifted and one sentence of its own: a distinct article."""
    shifted = re.sub(r"\d+", lambda m: str(int(m.group()) + number % 7), seed)
    return shifted.rstrip("\n") + f"\n\n本文為第{number}號稿件，編號{number * 37 % 1009}。\n"


def make_project(folder: Path, size: int) -> None:
    seed = SEED.read_text(encoding="utf-8")
    (folder / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    articles = folder / "articles"
    articles.mkdir()
    for number in range(size):
        (articles / f"a{number:05d}.txt").write_text(article(seed, number), encoding="utf-8")


def measure(folder: Path, *args: str) -> dict:
    env = {**os.environ, "ARGOS_PACKAGES_DIR": str(folder / "no-models")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # start-up as installed: compiled modules kept
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, str(folder), str(L10N), *args],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    figures = json.loads(done.stdout)
    if figures["code"] not in (0, 1, 3):
        raise SystemExit(f"l10n {' '.join(args)} failed ({figures['code']}): {figures['err']}")
    return figures


def row(label: str, size: int, figures: dict) -> str:
    return (
        f"{size:>7,}  {label:<32}{figures['wall']:>8.2f}{figures['cpu']:>8.2f}"
        f"{figures['rss']:>9.0f}"
    )


def bench(size: int, jobs: list[int]) -> list[str]:
    lines = []
    with tempfile.TemporaryDirectory(prefix="l10n-corpus-") as tmp:
        folder = Path(tmp)
        make_project(folder, size)
        lines.append(row("run, from scratch", size, measure(folder, "run")))
        lines.append(row("run, nothing changed", size, measure(folder, "run")))
        first = folder / "articles" / "a00000.txt"
        first.write_text(first.read_text(encoding="utf-8") + "\n新增一段。\n", encoding="utf-8")
        lines.append(row("run, one article changed", size, measure(folder, "run")))
        lines.append(row("check", size, measure(folder, "check")))
        lines.append(row("check, nothing changed", size, measure(folder, "check")))
        for count in jobs:
            shutil.rmtree(folder / "dist", ignore_errors=True)
            shutil.rmtree(folder / ".l10n", ignore_errors=True)
            figures = measure(folder, "build", "--jobs", str(count))
            lines.append(row(f"build from scratch, --jobs {count}", size, figures))
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,100,1000")
    parser.add_argument("--jobs", default="1,2")
    args = parser.parse_args()
    jobs = [int(n) for n in args.jobs.split(",") if n]
    print(f"{'articles':>7}  {'command':<32}{'wall s':>8}{'CPU s':>8}{'RSS MB':>9}")
    for size in (int(n) for n in args.sizes.split(",")):
        for line in bench(size, jobs):
            print(line, flush=True)


if __name__ == "__main__":
    main()
