"""`l10n check` on large catalogs: wall time for 1,250 to 10,000 entries, and how it grows.

Builds a project whose source has N distinct sentences (the seed's sentences with
numbered variations), extracts it, fills every entry with a reviewed translation
that passes the content checks, then times the `check` pipeline (re-segmenting
the source, alignment, content checks) in-process, best of three.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import polib  # noqa: E402

from l10n.settings import load  # noqa: E402
from l10n.stages.check import CheckOptions, check  # noqa: E402
from l10n.stages.extract import ExtractOptions, extract  # noqa: E402


def make_project(folder: Path, entries: int) -> None:
    shutil.copy(ROOT / "pyproject.toml", folder / "pyproject.toml")
    (folder / "seeds").mkdir()
    lines = [
        f"第{n}次會議強調,全省公安機關要堅持穩中求進工作總基調,共有{n}人參加。"
        for n in range(entries)
    ]
    paragraphs = ["大型測試文章", *("".join(lines[i : i + 5]) for i in range(0, entries, 5))]
    (folder / "seeds" / "large.txt").write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    extract(load(folder), ExtractOptions())
    po_path = folder / "locales" / "en" / "LC_MESSAGES" / "large.po"
    catalog = polib.pofile(str(po_path))
    for entry in catalog:
        number = entry.msgid[1:].split("次")[0] if entry.msgid.startswith("第") else ""
        entry.msgstr = (
            f"Meeting {number} stressed that police across the province must pursue progress "
            f"while ensuring stability; {number} people took part."
            if number
            else "A large test"
        )
    catalog.save()


def main() -> None:
    rows = []
    for entries in (1250, 2500, 5000, 10000):
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            make_project(folder, entries)
            settings = load(folder)
            best = float("inf")
            for _ in range(3):
                start = time.perf_counter()
                result = check(settings, CheckOptions())
                best = min(best, time.perf_counter() - start)
            errors = sum(f.severity == "error" for f in result.findings)
            rows.append((entries, best, errors))
    for entries, seconds, errors in rows:
        print(
            f"{entries:>6} entries: {seconds:6.3f} s  ({entries / seconds:8.0f} entries/s, "
            f"{errors} errors)"
        )
    (small, t_small, _), (large, t_large, _) = rows[0], rows[-1]
    print(f"growth: x{large / small:.0f} entries -> x{t_large / t_small:.1f} time")


if __name__ == "__main__":
    main()
