"""Updating a big catalog from its template, against `msgmerge --previous` in the same run.

For 10,000, 20,000 and 40,000 entries: Chinese news sentences generated as the memory bench
does (`bench/tm.py`: seed clauses recombined, numbers and places varied, about half of them
near-duplicates of a recent one), every one translated (a fifth of them machine output,
fuzzy, with its provenance line). The new template has the same sentences in the same order
but for 5 % of them, changed (a clause dropped, reworded or replaced, a number or a place
changed). Both files are written canonically (`dump_catalog`) before any timing.

- ours: what `extract` does for one catalog, from files to file: read the old catalog and
  the template (`read_catalog`), `update`, write the result (`dump_catalog`); best of
  `--repeat` runs, in this process;
- msgmerge: `msgmerge --previous --quiet -o OUT OLD POT`, best of `--repeat` runs;
- same states: for every entry of both outputs, live or obsolete, the same msgstr, the same
  fuzzy flag and the same previous msgid.

Goal: ours ≤ 2× msgmerge at 40,000 entries. `--profile` profiles ours at the largest size.

Usage: python bench/update.py [--sizes 10000,20000,40000] [--changed 0.05] [--repeat 2]
                              [--seed 1] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import polib  # noqa: E402
from tm import Generator  # noqa: E402

from l10n.catalog import dump_catalog, read_catalog, update  # noqa: E402
from l10n.catalog.status import STATE  # noqa: E402

GOAL_RATIO = 2.0
HEADER = {
    "Project-Id-Version": "bench",
    "POT-Creation-Date": "2026-01-01 00:00+0000",
    "PO-Revision-Date": "2026-01-01 00:00+0000",
    "Language": "en",
    "MIME-Version": "1.0",
    "Content-Type": "text/plain; charset=UTF-8",
    "Content-Transfer-Encoding": "8bit",
}


def catalogs(size: int, changed: float, seed: int) -> tuple[str, str]:
    """The old catalog's and the new template's text."""
    generator = Generator(seed)
    sources = generator.units(size)
    rng = random.Random(seed)
    new_sources, taken = list(sources), set(sources)
    for index in rng.sample(range(size), round(size * changed)):
        for _ in range(20):
            text = generator.reword(sources[index]) if rng.random() < 0.5 else None
            text = text or generator.mutate(sources[index])
            if text not in taken:
                taken.add(text)
                new_sources[index] = text
                break
    old, template = (polib.POFile(wrapwidth=0, check_for_duplicates=False) for _ in range(2))
    old.metadata, template.metadata = dict(HEADER), {**HEADER, "Language": ""}
    for number, (before, after) in enumerate(zip(sources, new_sources, strict=True)):
        where = [("news.txt", str(number + 1))]
        note = f"paragraph {number:08x}"
        entry = polib.POEntry(msgid=before, msgstr=f"Sentence {number}.", occurrences=where)
        entry.comment = note
        if number % 5 == 0:
            entry.flags = ["fuzzy"]
            entry.tcomment = f"{STATE}machine translation: bench 1.0"
        old.append(entry)
        template.append(polib.POEntry(msgid=after, comment=note, occurrences=where))
    return dump_catalog(old), dump_catalog(template)


def ours(old_path: Path, pot_path: Path, out: Path) -> None:
    old = read_catalog(old_path.read_text(encoding="utf-8"), str(old_path))
    template = read_catalog(pot_path.read_text(encoding="utf-8"), str(pot_path))
    out.write_text(dump_catalog(update(old, template, language="en")), encoding="utf-8")


def msgmerge(old_path: Path, pot_path: Path, out: Path) -> None:
    command = ["msgmerge", "--previous", "--quiet", "-o", str(out), str(old_path), str(pot_path)]
    subprocess.run(command, check=True)


def cpu() -> float:
    """CPU seconds of this process and of its finished children."""
    own, children = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def best_of(repeat: int, run, *paths: Path) -> tuple[float, float]:
    """The least wall time and the least CPU time of `repeat` runs."""
    walls, cpus = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), cpu()
        run(*paths)
        walls.append(time.perf_counter() - start)
        cpus.append(cpu() - start_cpu)
    return min(walls), min(cpus)


def states(path: Path) -> dict[tuple[str, bool], tuple[str, bool, str | None]]:
    """(msgid, obsolete) → (msgstr, fuzzy, previous msgid), header left out."""
    return {
        (e.msgid, e.obsolete): (e.msgstr, e.fuzzy, e.previous_msgid)
        for e in polib.pofile(str(path), wrapwidth=0)
        if e.msgid
    }


def from_fuzzy(msgstr: str) -> bool:
    """Whether an output's translation is that of an old fuzzy entry (every fifth)."""
    return msgstr.startswith("Sentence ") and int(msgstr[9:-1]) % 5 == 0


def differences(a: dict, b: dict) -> list[str]:
    """Entries whose states differ. msgmerge gives an entry proposed from an old fuzzy one
    that entry's own previous msgid (None for machine output), `update` the old msgid: the
    previous msgid is compared where the entry proposed was not fuzzy."""
    a, b = (
        {k: (s, f, None if from_fuzzy(s) else p) for k, (s, f, p) in states.items()}
        for states in (a, b)
    )
    keys = sorted(set(a) | set(b), key=repr)
    return [
        f"{key}: ours {a.get(key)}, msgmerge {b.get(key)}"
        for key in keys
        if a.get(key) != b.get(key)
    ]


def run_size(size: int, changed: float, repeat: int, seed: int, profile: bool) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        old_text, pot_text = catalogs(size, changed, seed)
        old_path, pot_path = folder / "old.po", folder / "new.pot"
        old_path.write_text(old_text, encoding="utf-8")
        pot_path.write_text(pot_text, encoding="utf-8")
        ours_out, theirs_out = folder / "ours.po", folder / "msgmerge.po"
        ours_s, ours_cpu = best_of(repeat, ours, old_path, pot_path, ours_out)
        theirs_s, theirs_cpu = best_of(repeat, msgmerge, old_path, pot_path, theirs_out)
        different = differences(states(ours_out), states(theirs_out))
        known = {msgid for msgid, _ in states(old_path)}
        fuzzy = sum(
            1
            for (msgid, gone), (msgstr, *_) in states(theirs_out).items()
            if msgstr and not gone and msgid not in known
        )
        if profile:
            profiler = cProfile.Profile()
            profiler.runcall(ours, old_path, pot_path, ours_out)
            text = io.StringIO()
            pstats.Stats(profiler, stream=text).sort_stats("cumulative").print_stats(25)
            print(text.getvalue(), file=sys.stderr)
    for line in different[:10]:
        print(f"  {size}: {line}", file=sys.stderr)
    return {
        "size": size,
        "ours": ours_s,
        "msgmerge": theirs_s,
        "ours_cpu": ours_cpu,
        "msgmerge_cpu": theirs_cpu,
        "fuzzy": fuzzy,
        "diff": different,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,20000,40000")
    parser.add_argument("--changed", type=float, default=0.05)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    if shutil.which("msgmerge") is None:
        sys.exit("bench/update.py needs GNU gettext's msgmerge: apt-get install gettext")
    sizes = [int(size) for size in args.sizes.split(",")]
    print(f"catalog update, {args.changed:.0%} of sources changed, best of {args.repeat}")
    print(
        "| entries | ours s | msgmerge s | ratio | ours CPU s | msgmerge CPU s | CPU ratio "
        "| fuzzy proposals | same states |"
    )
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    runs = []
    for size in sizes:
        run = run_size(
            size, args.changed, args.repeat, args.seed, args.profile and size == sizes[-1]
        )
        runs.append(run)
        same = "yes" if not run["diff"] else f"no ({len(run['diff'])} differ)"
        print(
            f"| {size:,} | {run['ours']:.2f} | {run['msgmerge']:.2f} | "
            f"{run['ours'] / run['msgmerge']:.1f}× | {run['ours_cpu']:.2f} | "
            f"{run['msgmerge_cpu']:.2f} | {run['ours_cpu'] / run['msgmerge_cpu']:.1f}× | "
            f"{run['fuzzy']:,} | {same} |",
            flush=True,
        )
    last = runs[-1]
    ratio = last["ours"] / last["msgmerge"]
    cpu_ratio = last["ours_cpu"] / last["msgmerge_cpu"]
    met = ratio <= GOAL_RATIO and not any(run["diff"] for run in runs)
    print(
        f"goal: ≤ {GOAL_RATIO:.0f}× msgmerge at {last['size']:,} with the same states: "
        f"{'met' if met else 'not met'} ({ratio:.1f}× wall; {cpu_ratio:.1f}× CPU, msgmerge "
        "runs its matching on all cores with OpenMP)"
    )


if __name__ == "__main__":
    main()
