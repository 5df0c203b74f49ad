"""Translation memory at 10 k, 100 k and 1 M units: index build, lookup latency, a brute-force peer.

Units are Chinese news sentences (zh-Hant, 20–120 characters) generated
deterministically from the seed article's segments: clauses split at `,`, `、`
and `;` are recombined, given datelines and attributions, and their numbers,
years and place names are varied; about half of the units are variants of a
recent unit (a number, a place or a clause changed), so the memory is full of
near-duplicates, as a newsroom's is. Targets are placeholders.

For each size, three phases on one index in a temporary folder, each in a process
of its own so that its peak resident memory (VmHWM) is its own:
- build: the units generated (not timed), then `Store.replace_file` for catalogs of
  30 units each inside one `open_store`; wall time and database size, also per 1 M units;
- ours: `lookup(store, text, "en", threshold=75, limit=1)` for each query, on the
  store opened afresh, once its file was read through (timed apart: its pages in the page
  cache, as the brute force's keys are in memory); median and p95 latency, queries/s; the
  first lookup (which reads the character signatures into memory) is timed apart and left
  out. (With the file not yet read, lookups wait on the disk and run 20–30 % slower.);
- brute force, as Translate Toolkit does it: `rapidfuzz.process.extractOne(key(text),
  keys, scorer=fuzz.ratio, score_cutoff=75)` over the in-memory list of every unit's
  key (loaded through `Store.all_units`, timed apart), same queries;
- agreement: our top match has the same key similarity (`fuzz.ratio` of the keys,
  rounded) as the brute force's top, or neither finds anything; equal scores rather
  than equal units, since ties may pick different units.
Queries are a quarter each: exact repeats of units, units with one number changed,
units with a clause reworded or dropped, and new sentences. A few are run first,
untimed, on each side. `--profile N` profiles N lookups at the largest size.

Pre-filling a corpus (`--corpus N`): a project in a temporary folder with the seed,
its reviewed catalog and N articles made of seed sentences (verbatim, with numbers
changed, or new); `extract`, then `translate` with the memory as the only provider,
each in a process of its own: wall time, peak memory, entries filled.

Usage: python bench/tm.py [--sizes 10000,100000,1000000] [--queries 200] [--corpus 1000]
                          [--seed 1] [--profile 0] [--keep DIR]

`--keep DIR` keeps each size's index (and its build figures) in DIR and reuses it on the
next run with the same size, seed, query count and store schema version.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import io
import json
import math
import pstats
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rapidfuzz import fuzz, process  # noqa: E402

from l10n.segment import parse  # noqa: E402
from l10n.settings import load  # noqa: E402
from l10n.tm.database import SCHEMA_VERSION, open_store  # noqa: E402
from l10n.tm.keys import key  # noqa: E402
from l10n.tm.match import lookup  # noqa: E402
from l10n.tm.store import Unit  # noqa: E402

SEED = ROOT / "seeds" / "sichuan-police-conference-2020.txt"
CATALOG = ROOT / "locales" / "en" / "LC_MESSAGES" / "sichuan-police-conference-2020.po"
THRESHOLD = 75
PER_FILE = 30  # units per catalog, about an article's worth
GOAL_P95_MS = 20.0
GOAL_RATIO = 50.0
GOAL_AGREEMENT = 0.99

PROVINCES = ("四川", "重慶", "雲南", "貴州", "陝西", "甘肅", "湖北", "湖南", "廣東", "浙江")
CITIES = ("成都", "綿陽", "德陽", "宜賓", "瀘州", "南充", "樂山", "自貢", "達州", "遂寧", "眉山")
EDITORS = ("劉映紅", "王曉明", "張麗", "李建國", "陳靜", "楊帆", "趙磊", "周婷")
OPENERS = (
    "{m}月{d}日",
    "{y}年{m}月{d}日",
    "{y}年",
    "今年以來",
    "會議指出",
    "會議強調",
    "會議要求",
    "{c}市公安局表示",
    "據{c}警方通報",
    "{p}省公安廳消息",
    "記者從{c}市公安局獲悉",
    "截至{m}月{d}日",
)
# Clauses the seed never has: the new sentences of the queries and of the corpus.
NEW_CLAUSES = (
    "{c}地鐵新線路今日開通運營",
    "全市空氣品質優良天數比例達到85.2%",
    "氣象部門預計未來3天將有中到大雨",
    "景區接待遊客同比增長12.5%",
    "全省糧食總產量連續8年保持穩定",
    "全市中小學將於9月1日正式開學",
    "新建保障性住房3000套",
    "高速公路車流量明顯回升",
    "醫院開通線上預約掛號服務",
    "文化旅遊節吸引大批市民參與",
    "消防部門開展夏季防火安全檢查",
    "農業農村部門部署春耕生産工作",
    "{c}國際車展吸引觀眾逾20萬人次",
    "外貿進出口總額同比增長6.7%",
    "新能源汽車銷量創歷史新高",
    "城市更新改造老舊小區120個",
    "圖書館延長週末開放時間",
    "全市新增就業崗位4.5萬個",
    "暴雨導致部分路段積水嚴重",
    "主辦方表示活動將持續至月底",
)
REWORDINGS = (
    ("堅持", "堅定"),
    ("全面", "全力"),
    ("深入", "持續"),
    ("推進", "推動"),
    ("加強", "強化"),
    ("會議", "會上"),
    ("工作", "任務"),
    ("重要", "重大"),
    ("社會", "群眾"),
    ("安全", "平安"),
    ("全省", "全市"),
    ("公安機關", "警方"),
)
NUMBER = re.compile(
    r"(?P<date>(?P<month>\d{1,2})月(?P<day>\d{1,2})日)"
    r"|(?P<stamp>\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2})"
    r"|(?P<number>\d+(?:\.\d+)?)"
)
PROVINCE = re.compile("|".join(PROVINCES))
CITY = re.compile("|".join(CITIES))


# --- the units -----------------------------------------------------------------------


def seed_segments() -> list[str]:
    document = parse(SEED.read_text(encoding="utf-8"), "seed", load(ROOT).rules)
    return [s.text for b in document.blocks if b.kind.extracted for s in b.segments]


class Generator:
    """Deterministic news sentences from the seed's clauses (random.Random(seed))."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        segments = seed_segments()
        self.whole = [s for s in segments if 20 <= len(s) <= 120]
        self.numbered = [s for s in segments if NUMBER.search(s)]
        self.runs = []  # each sentence's clauses, in order (not the title or the dateline)
        for segment in segments:
            if segment.endswith("。"):
                parts = re.split(r"[,，、;；]", segment.removeprefix("——").rstrip("。"))
                self.runs.append([c for c in parts if len(c) >= 4] or [segment.rstrip("。")])
        self.clauses = [c for run in self.runs for c in run]

    def new_number(self, match: re.Match) -> str:
        rng = self.rng
        if match["date"]:
            return f"{rng.randint(1, 12)}月{rng.randint(1, 28)}日"
        if match["stamp"]:
            return (
                f"{rng.randint(2012, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d} "
                f"{rng.randint(6, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"
            )
        old = match["number"]
        if "." in old:
            return f"{rng.randint(1, 99)}.{rng.randint(0, 9)}"
        if len(old) == 4 and old.startswith(("19", "20")):
            return str(rng.randint(2012, 2025))
        return str(rng.randint(1 if len(old) == 1 else 10 ** (len(old) - 1), 10 ** len(old) - 1))

    def renumber(self, text: str, share: float = 0.7) -> str:
        return NUMBER.sub(lambda m: self.new_number(m) if self.rng.random() < share else m[0], text)

    def change_one_number(self, text: str) -> str | None:
        found = list(NUMBER.finditer(text))
        if not found:
            return None
        match = self.rng.choice(found)
        for _ in range(10):
            new = self.new_number(match)
            if new != match[0]:
                return text[: match.start()] + new + text[match.end() :]
        return None

    def replace_places(self, text: str) -> str:
        province, city = self.rng.choice(PROVINCES), self.rng.choice(CITIES)
        return CITY.sub(city, PROVINCE.sub(province, text))

    def opener(self) -> str:
        rng = self.rng
        return rng.choice(OPENERS).format(
            y=rng.randint(2012, 2025),
            m=rng.randint(1, 12),
            d=rng.randint(1, 28),
            c=rng.choice(CITIES),
            p=rng.choice(PROVINCES),
        )

    def compose(self) -> str:
        """A fresh sentence: a seed segment, or a run of a segment's clauses with maybe a
        clause from elsewhere and an opener; numbers and places varied."""
        rng = self.rng
        if rng.random() < 0.15:
            text = rng.choice(self.whole)
        else:
            run = rng.choice(self.runs)
            size = rng.choice((1, 2, 2, 3, 3, 4))
            start = rng.randrange(max(1, len(run) - size + 1))
            parts = run[start : start + size]
            if rng.random() < 0.3:
                parts.append(rng.choice(self.clauses))
            if rng.random() < 0.5:
                parts.insert(0, self.opener())
            text = ",".join(parts) + "。"
        text = self.renumber(text)
        return self.replace_places(text) if rng.random() < 0.5 else text

    def mutate(self, text: str) -> str:
        """A near-duplicate: a number, a place, an opener or a clause changed."""
        rng = self.rng
        parts = text.rstrip("。").split(",")
        end = "。" if text.endswith("。") else ""
        choice = rng.random()
        if choice < 0.35 and NUMBER.search(text):
            return self.renumber(text, 0.5)
        if choice < 0.5:
            return self.replace_places(text)
        if choice < 0.7 and len(parts) > 1:
            del parts[rng.randrange(len(parts))]
        elif choice < 0.85:
            parts[rng.randrange(len(parts))] = rng.choice(self.clauses)
        elif len(parts) > 1 and rng.random() < 0.5:
            parts[0] = self.opener()
        else:
            parts.insert(0, self.opener())
        return ",".join(parts) + end

    def reword(self, text: str) -> str:
        """A clause dropped, reworded (a word or two) or replaced by another."""
        rng = self.rng
        choice = rng.random()
        parts = text.rstrip("。").split(",")
        if choice < 1 / 3 and len(parts) > 1:
            del parts[rng.randrange(len(parts))]
            return ",".join(parts) + "。"
        if choice < 2 / 3:
            pairs = [(a, b) for a, b in REWORDINGS if a in text] + [
                (b, a) for a, b in REWORDINGS if b in text
            ]
            if pairs:
                for old, new in rng.sample(pairs, min(len(pairs), rng.choice((1, 2)))):
                    text = text.replace(old, new, 1)
                return text
        parts[rng.randrange(len(parts))] = rng.choice(self.clauses)
        return ",".join(parts) + "。"

    def new_sentence(self) -> str:
        """Mostly clauses the seed never has, with maybe an opener or a seed clause."""
        rng = self.rng
        parts = [
            c.format(c=rng.choice(CITIES)) for c in rng.sample(NEW_CLAUSES, rng.choice((1, 2, 3)))
        ]
        if rng.random() < 0.3:
            parts.insert(rng.randrange(len(parts) + 1), rng.choice(self.clauses))
        if rng.random() < 0.5:
            parts.insert(0, self.opener())
        return self.renumber(",".join(parts) + "。")

    def units(self, count: int) -> list[str]:
        """`count` distinct sources; about half are variants of one of the last 5,000."""
        found: list[str] = []
        seen: set[str] = set()
        while len(found) < count:
            if found and self.rng.random() < 0.45:
                text = self.mutate(self.rng.choice(found[-5000:]))
            else:
                text = self.compose()
            if 20 <= len(text) <= 120 and text not in seen:
                seen.add(text)
                found.append(text)
        return found

    def queries(self, units: list[str], count: int) -> list[tuple[str, str]]:
        """(kind, text): exact repeats, one number changed, a clause reworded or dropped,
        new sentences, in turn; all but the repeats are not units."""
        known = set(units)
        with_numbers = [u for u in units[:50000] if NUMBER.search(u)]  # enough to draw from
        made = []
        for i in range(count):
            kind = ("exact", "number", "reworded", "new")[i % 4]
            while True:
                if kind == "exact":
                    text = self.rng.choice(units)
                    break
                if kind == "number":
                    text = self.change_one_number(self.rng.choice(with_numbers))
                elif kind == "reworded":
                    text = self.reword(self.rng.choice(units))
                else:
                    text = self.new_sentence()
                if text and text not in known and 10 <= len(text) <= 140:
                    break
            made.append((kind, text))
        return made


# --- one size ------------------------------------------------------------------------


def peak_mb() -> float:
    """This process's peak resident memory (VmHWM; not ru_maxrss, which a child inherits
    from its parent)."""
    status = Path("/proc/self/status").read_text(encoding="ascii")
    kilobytes = next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:"))
    return int(kilobytes) / 1024


def private_mb() -> float:
    """This process's resident memory of its own (RssAnon): without the pages of files it
    maps, which belong to the page cache (the index is read through a memory map)."""
    status = Path("/proc/self/status").read_text(encoding="ascii")
    kilobytes = next(line.split()[1] for line in status.splitlines() if line.startswith("RssAnon:"))
    return int(kilobytes) / 1024


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def timed(function, queries: list[str]) -> tuple[list, list[float]]:
    results, seconds = [], []
    for text in queries:
        start = time.perf_counter()
        results.append(function(text))
        seconds.append(time.perf_counter() - start)
    return results, seconds


def build(folder: Path, size: int, queries_count: int, seed: int) -> dict:
    """Generate the units and the queries (written to `folder`), then time the index build."""
    generator = Generator(seed)
    sources = generator.units(size)
    queries = generator.queries(sources, queries_count)
    (folder / "queries.json").write_text(json.dumps(queries), encoding="utf-8")
    path = folder / "tm.sqlite"
    start = time.perf_counter()
    with open_store(path) as store:
        for first in range(0, size, PER_FILE):
            name = f"locales/en/LC_MESSAGES/article-{first // PER_FILE:06d}.po"
            store.replace_file(
                name,
                f"{first:040x}",
                (
                    Unit(source, f"Placeholder English {first + i}.", "zh-Hant", "en", name, i)
                    for i, source in enumerate(sources[first : first + PER_FILE], start=1)
                ),
            )
    return {
        "size": size,
        "mean_chars": statistics.mean(map(len, sources)),
        "kinds": [kind for kind, _ in queries],
        "build_s": time.perf_counter() - start,
        "db_mb": path.stat().st_size / 1e6,
        "peak_build_mb": peak_mb(),
    }


def ours(folder: Path, profile: int) -> dict:
    texts = [text for _, text in json.loads((folder / "queries.json").read_text("utf-8"))]
    figures = {}
    start = time.perf_counter()
    with open(folder / "tm.sqlite", "rb") as handle:
        while handle.read(1 << 24):
            pass
    figures["ours_cache_s"] = time.perf_counter() - start
    with open_store(folder / "tm.sqlite") as store:
        start = time.perf_counter()
        lookup(store, texts[0], "en", threshold=THRESHOLD, limit=1)  # reads the signatures
        figures["ours_first_s"] = time.perf_counter() - start
        for text in texts[1:3]:  # warm up
            lookup(store, text, "en", threshold=THRESHOLD, limit=1)
        found, figures["ours_s"] = timed(
            lambda text: lookup(store, text, "en", threshold=THRESHOLD, limit=1), texts
        )
        figures["peak_ours_mb"] = peak_mb()
        figures["private_ours_mb"] = private_mb()
        if profile:
            profiler = cProfile.Profile()
            profiler.enable()
            for text in texts[:profile]:
                lookup(store, text, "en", threshold=THRESHOLD, limit=1)
            profiler.disable()
            out = io.StringIO()
            pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(12)
            pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(12)
            figures["profile"] = out.getvalue()
    figures["ours_score"] = [
        round(fuzz.ratio(key(text), key(matches[0].unit.source))) if matches else None
        for text, matches in zip(texts, found, strict=True)
    ]
    return figures


def brute_force(folder: Path) -> dict:
    texts = [text for _, text in json.loads((folder / "queries.json").read_text("utf-8"))]
    figures = {}
    start = time.perf_counter()
    with open_store(folder / "tm.sqlite") as store:
        keys = [key(unit.source) for unit in store.all_units()]
    figures["brute_load_s"] = time.perf_counter() - start

    def search(text: str):
        return process.extractOne(key(text), keys, scorer=fuzz.ratio, score_cutoff=THRESHOLD)

    for text in texts[:3]:  # warm up
        search(text)
    found, figures["brute_s"] = timed(search, texts)
    figures["peak_brute_mb"] = peak_mb()
    figures["brute_score"] = [round(best[1]) if best else None for best in found]
    return figures


def run_size(size: int, queries: int, seed: int, profile: int, keep: Path | None) -> dict:
    """The three phases, each in a process of its own, on one index: a temporary one, or
    one kept in `keep` (per size, seed, query count and schema version) and reused."""
    with contextlib.ExitStack() as stack:
        if keep is None:
            folder = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        else:
            folder = keep / f"{size}-seed{seed}-q{queries}-schema{SCHEMA_VERSION}"
            folder.mkdir(parents=True, exist_ok=True)
        built = folder / "build.json"
        figures: dict = json.loads(built.read_text("utf-8")) if built.exists() else {}
        if not figures:
            (folder / "tm.sqlite").unlink(missing_ok=True)  # a build cut short
        for phase in ("ours", "brute") if figures else ("build", "ours", "brute"):
            command = [sys.executable, __file__, "--phase", phase, "--folder", str(folder)]
            command += ["--size", str(size), "--queries", str(queries), "--seed", str(seed)]
            command += ["--profile", str(profile)]
            out = subprocess.run(command, check=True, capture_output=True, text=True)
            figures.update(json.loads(out.stdout))
            if phase == "build" and keep is not None:
                built.write_text(out.stdout, encoding="utf-8")
    return figures


# --- the corpus ----------------------------------------------------------------------


def make_corpus(folder: Path, articles: int, seed: int) -> int:
    """A project with the seed, its reviewed catalog and `articles` articles; returns the
    number of sentences written."""
    shutil.copy(ROOT / "pyproject.toml", folder / "pyproject.toml")
    (folder / "seeds").mkdir()
    shutil.copy(SEED, folder / "seeds" / SEED.name)
    catalogs = folder / "locales" / "en" / "LC_MESSAGES"
    catalogs.mkdir(parents=True)
    shutil.copy(CATALOG, catalogs / CATALOG.name)
    generator = Generator(seed)
    rng = generator.rng
    paragraphs = [s for s in generator.whole if s.endswith("。")]
    numbered = [s for s in generator.numbered if s.endswith("。")]
    sentences = 0
    for number in range(articles):
        year = rng.randint(2012, 2025)
        title = f"{rng.choice(CITIES)}市召開公安工作會議 部署{year}年全市公安工作"
        stamp = generator.new_number(NUMBER.search("2020-03-25 18:08:57"))
        lines = [title, "", f"來源:中國網    時間:{stamp}    編輯:{rng.choice(EDITORS)}", ""]
        for _ in range(rng.randint(3, 5)):
            paragraph = []
            for _ in range(rng.randint(2, 5)):
                choice = rng.random()
                if choice < 0.4:
                    paragraph.append(rng.choice(paragraphs))
                elif choice < 0.7:
                    text = generator.change_one_number(rng.choice(numbered))
                    paragraph.append(text or rng.choice(paragraphs))
                else:
                    paragraph.append(generator.new_sentence())
            sentences += len(paragraph)
            lines += ["".join(paragraph), ""]
        (folder / "seeds" / f"article-{number:05d}.txt").write_text(
            "\n".join(lines), encoding="utf-8"
        )
    return sentences


def run_stage(folder: Path, stage: str) -> dict:
    settings = load(folder)
    start = time.perf_counter()
    if stage == "extract":
        from l10n.stages.extract import ExtractOptions, extract

        result = extract(settings, ExtractOptions())
        figures = {"segments": result.segments, "sources": result.sources}
    else:
        from l10n.stages.translate import TranslateOptions, translate

        result = translate(replace(settings, providers=("tm",)), TranslateOptions())
        figures = {
            "offered": sum(o.segments for o in result.outcomes),
            "provided": sum(o.provided or 0 for o in result.outcomes),
            "filled": sum(o.filled for o in result.outcomes),
            "lines": result.lines()[: len(result.outcomes)],
        }
    figures["seconds"] = time.perf_counter() - start
    figures["peak_mb"] = peak_mb()
    return figures


def run_corpus(articles: int, seed: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        sentences = make_corpus(folder, articles, seed)
        figures = {"articles": articles, "sentences": sentences}
        for stage in ("extract", "translate"):
            command = [sys.executable, __file__, "--stage", stage, "--folder", str(folder)]
            out = subprocess.run(command, check=True, capture_output=True, text=True)
            figures[stage] = json.loads(out.stdout)
    return figures


# --- the table -----------------------------------------------------------------------


def agreement(run: dict) -> tuple[float, float]:
    """(share of queries with the same top score or nothing on both sides, share with
    nothing on both sides)."""
    pairs = list(zip(run["ours_score"], run["brute_score"], strict=True))
    same = sum(ours == brute for ours, brute in pairs)
    neither = sum(ours is None and brute is None for ours, brute in pairs)
    return same / len(pairs), neither / len(pairs)


def table(runs: list[dict], corpus: dict | None) -> list[str]:
    rows: list[tuple[str, list[str]]] = []

    def row(label: str, cell) -> None:
        rows.append((label, [cell(r) for r in runs]))

    def ms(values: list[float], share: float) -> float:
        return percentile(values, share) * 1000

    row("units: mean length (chars)", lambda r: f"{r['mean_chars']:.0f}")
    row("build: wall time", lambda r: f"{r['build_s']:.1f} s")
    row("build: per 1 M units", lambda r: f"{r['build_s'] / r['size'] * 1e6:.0f} s")
    row("build: units/s", lambda r: f"{r['size'] / r['build_s']:,.0f}")
    row("database size", lambda r: f"{r['db_mb']:,.0f} MB")
    row("database size per 1 M units", lambda r: f"{r['db_mb'] / r['size'] * 1e6:,.0f} MB")
    row("ours: reading the index file", lambda r: f"{r.get('ours_cache_s', 0):.1f} s")
    row("ours: first lookup, untimed", lambda r: f"{r.get('ours_first_s', 0) * 1000:.1f} ms")
    row("ours: median latency", lambda r: f"{ms(r['ours_s'], 0.5):.2f} ms")
    row("ours: p95 latency", lambda r: f"{ms(r['ours_s'], 0.95):.2f} ms")
    row("ours: max latency", lambda r: f"{ms(r['ours_s'], 1):.1f} ms")
    row("ours: queries/s", lambda r: f"{len(r['ours_s']) / sum(r['ours_s']):,.1f}")
    row("brute force: median latency", lambda r: f"{ms(r['brute_s'], 0.5):.2f} ms")
    row("brute force: p95 latency", lambda r: f"{ms(r['brute_s'], 0.95):.2f} ms")
    row("brute force: queries/s", lambda r: f"{len(r['brute_s']) / sum(r['brute_s']):,.1f}")
    row("brute force: loading the keys", lambda r: f"{r['brute_load_s']:.1f} s")
    row(
        "speed ratio, median latency",
        lambda r: f"{statistics.median(r['brute_s']) / statistics.median(r['ours_s']):.2f}x",
    )
    row("speed ratio, queries/s", lambda r: f"{sum(r['brute_s']) / sum(r['ours_s']):.2f}x")
    row("same top score (or none)", lambda r: f"{agreement(r)[0]:.1%}")
    row("  of which neither found one", lambda r: f"{agreement(r)[1]:.1%}")
    for kind in ("exact", "number", "reworded", "new"):
        row(f"  same top score: {kind}", lambda r, kind=kind: _kind_agreement(r, kind))
    row(
        "found >= 75: ours / brute force",
        lambda r: (
            f"{sum(s is not None for s in r['ours_score']) / len(r['ours_score']):.0%} / "
            f"{sum(s is not None for s in r['brute_score']) / len(r['brute_score']):.0%}"
        ),
    )
    row("peak RSS: build (units in memory)", lambda r: f"{r['peak_build_mb']:,.0f} MB")
    row("peak RSS: our lookups", lambda r: f"{r['peak_ours_mb']:,.0f} MB")
    row("  of which its own (not mapped index pages)", lambda r: f"{r['private_ours_mb']:,.0f} MB")
    row("peak RSS: brute force (keys)", lambda r: f"{r['peak_brute_mb']:,.0f} MB")

    width = max(len(label) for label, _ in rows) + 2
    lines = [f"{'TM units':<{width}}" + "".join(f"{r['size']:>16,}" for r in runs)]
    lines += [f"{label:<{width}}" + "".join(f"{c:>16}" for c in cells) for label, cells in rows]
    if corpus:
        ex, tr = corpus["extract"], corpus["translate"]
        lines += [
            "",
            f"corpus: {corpus['articles']:,} articles + the seed ({corpus['sentences']:,} "
            "sentences); the memory: the seed's reviewed catalog",
            f"{'  extract':<{width}}{ex['seconds']:>14.1f} s{ex['peak_mb']:>13,.0f} MB"
            f"   {ex['segments']:,} segments in {ex['sources']:,} sources",
            f"{'  translate, providers = tm':<{width}}{tr['seconds']:>14.1f} s"
            f"{tr['peak_mb']:>13,.0f} MB   {tr['provided']:,} of {tr['offered']:,} distinct "
            f"texts found, {tr['filled']:,} entries filled",
        ]
    largest = max(runs, key=lambda r: r["size"])
    p95 = percentile(largest["ours_s"], 0.95) * 1000
    ratio = min(
        statistics.median(largest["brute_s"]) / statistics.median(largest["ours_s"]),
        sum(largest["brute_s"]) / sum(largest["ours_s"]),
    )
    same = agreement(largest)[0]
    at = f"measured at {largest['size']:,} units" + (
        "" if largest["size"] >= 1_000_000 else "; the goals are stated at 1 M"
    )
    lines += [
        "",
        f"goals ({at}):",
        f"  p95 latency <= {GOAL_P95_MS:g} ms at 1 M units: {p95:.1f} ms, "
        + ("met" if p95 <= GOAL_P95_MS else "MISSED"),
        f"  >= {GOAL_RATIO:g}x brute force (median latency and queries/s): {ratio:.2f}x, "
        + ("met" if ratio >= GOAL_RATIO else "MISSED"),
        f"  same top match in >= {GOAL_AGREEMENT:.0%} of queries: {same:.1%}, "
        + ("met" if same >= GOAL_AGREEMENT else "MISSED"),
    ]
    return lines


def _kind_agreement(run: dict, kind: str) -> str:
    pairs = [
        (ours, brute)
        for k, ours, brute in zip(run["kinds"], run["ours_score"], run["brute_score"], strict=True)
        if k == kind
    ]
    return f"{sum(o == b for o, b in pairs) / len(pairs):.0%}" if pairs else "-"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000", help="TM units, comma-separated")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--corpus", type=int, default=1000, help="articles to pre-fill; 0 skips")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--profile", type=int, default=0, help="profile this many lookups at the largest size"
    )
    parser.add_argument(
        "--keep", type=Path, help="keep the built indexes in this folder and reuse them"
    )
    parser.add_argument("--phase", help=argparse.SUPPRESS)
    parser.add_argument("--size", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--stage", help=argparse.SUPPRESS)
    parser.add_argument("--folder", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        folder = Path(args.folder)
        if args.phase == "build":
            figures = build(folder, args.size, args.queries, args.seed)
        elif args.phase == "ours":
            figures = ours(folder, args.profile)
        else:
            figures = brute_force(folder)
        print(json.dumps(figures))
        return
    if args.stage:
        print(json.dumps(run_stage(Path(args.folder), args.stage)))
        return

    sizes = [int(value) for value in args.sizes.split(",")]
    runs = []
    for size in sizes:
        start = time.perf_counter()
        profile = args.profile if size == max(sizes) else 0
        runs.append(run_size(size, args.queries, args.seed, profile, args.keep))
        r = runs[-1]
        print(
            f"{size:,} units: built in {r['build_s']:.1f} s; ours median "
            f"{statistics.median(r['ours_s']) * 1000:.2f} ms, brute force "
            f"{statistics.median(r['brute_s']) * 1000:.2f} ms "
            f"({time.perf_counter() - start:.0f} s in all)",
            flush=True,
        )
    corpus = None
    if args.corpus:
        start = time.perf_counter()
        corpus = run_corpus(args.corpus, args.seed)
        print(
            f"corpus of {args.corpus:,} articles: {time.perf_counter() - start:.0f} s in all",
            flush=True,
        )
    print()
    print("\n".join(table(runs, corpus)))
    for r in runs:
        if r.get("profile"):
            print(f"\ncProfile, {args.profile} lookups at {r['size']:,} units:")
            print(r["profile"].rstrip())


if __name__ == "__main__":
    main()
