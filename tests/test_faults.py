"""Faults found when the tool was attacked as a user would: each one stays fixed.

Translator work never lost, nothing written outside the project, bad input one line.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import polib
import pytest

from .conftest import DATA, PO, POT, SEED_PATH, l10n, l10n_ok, snapshot

CASES = json.loads((DATA / "fault_cases.json").read_text("utf-8"))


def _set(project: Path, line: str) -> None:
    """Add a line to the [tool.l10n] table of the project's settings."""
    pyproject = project / "pyproject.toml"
    text = pyproject.read_text("utf-8").replace("[tool.l10n]\n", f"[tool.l10n]\n{line}\n", 1)
    pyproject.write_text(text, encoding="utf-8")


def _settings(project: Path, table: dict, check: dict) -> None:
    """The project's settings: the seed's sources and language, and `table` on top."""
    values = {"sources": ["seeds/*.txt"], "languages": ["en"], **table}
    lines = ["[tool.l10n]", *(f"{key} = {json.dumps(value)}" for key, value in values.items())]
    if check:
        lines += ["[tool.l10n.check]", *(f"{k} = {json.dumps(v)}" for k, v in check.items())]
    (project / "pyproject.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _without_lock(folder: Path) -> dict[str, bytes]:
    return {k: v for k, v in snapshot(folder).items() if not k.endswith(".l10n.lock")}


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_bad_settings_and_sources_are_one_line_and_change_nothing(project, case):
    if "settings" in case or "check" in case:
        _settings(project, case.get("settings", {}), case.get("check", {}))
    for name, text in case.get("files", {}).items():
        (project / name).parent.mkdir(parents=True, exist_ok=True)
        (project / name).write_text(text, encoding="utf-8")
    for name, target in case.get("links", {}).items():
        os.symlink(target, project / name)
    before = _without_lock(project)
    result = l10n(*case["args"])
    assert result.exit_code == 2, result.stdout
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("l10n: error: ")
    assert case["error"] in result.stderr
    assert _without_lock(project) == before


def test_a_catalog_a_translator_saves_during_a_run_is_not_overwritten(fake_engine, monkeypatch):
    from . import fake_engine as engine

    l10n_ok("extract")
    po = fake_engine / PO
    translate = engine.FakeEngine.translate

    saves = []

    def translator_saves_meanwhile(self, texts, progress=None):
        saves.append(len(saves) + 1)
        catalog = polib.pofile(str(po))
        catalog[0].msgstr = f"A translator's title, version {len(saves)}"
        catalog.save()
        return translate(self, texts, progress)

    monkeypatch.setattr(engine.FakeEngine, "translate", translator_saves_meanwhile)
    for command in ("run", "translate"):
        saved = po.read_bytes()
        result = l10n(command)
        assert result.exit_code == 2, command
        assert "changed on disk while l10n was working on it; nothing was written" in (
            result.stderr
        )
        assert f"A translator's title, version {len(saves)}" in po.read_text("utf-8")
        assert not (fake_engine / "dist").exists()
        assert po.read_bytes() != saved  # the translator's save, not ours


def test_a_duplicate_msgid_stops_extract_and_compile_naming_both_lines(project):
    l10n_ok("extract")
    po = project / PO
    catalog = polib.pofile(str(po))
    catalog.append(polib.POEntry(msgid=catalog[3].msgid, msgstr="Second translation"))
    catalog[3].msgstr = "First translation"
    catalog.save()
    lines = [e.linenum for e in polib.pofile(str(po)) if e.msgid == catalog[3].msgid]
    before = snapshot(project)
    for command in ("extract", "compile", "translate", "build"):
        result = l10n(command)
        assert result.exit_code == 2, command
        assert f"{PO.as_posix()}:{lines[1]}: msgid " in result.stderr
        assert f"is here and at line {lines[0]}" in result.stderr
        assert snapshot(project) == before
    assert l10n("check", "--format", "json").exit_code == 1  # reported as a finding there


def test_a_catalog_with_a_byte_order_mark_is_read(project):
    l10n_ok("extract")
    po = project / PO
    canonical = po.read_bytes()
    po.write_bytes(b"\xef\xbb\xbf" + canonical)
    l10n_ok("stats")
    l10n_ok("extract")
    assert po.read_bytes() == canonical  # rewritten canonically, without the mark


def test_a_catalog_in_another_charset_is_refused_before_anything_is_written(project):
    l10n_ok("extract")
    po = project / PO
    po.write_text(po.read_text("utf-8").replace("charset=UTF-8", "charset=GBK"), "utf-8")
    before = snapshot(project)
    for command in ("extract", "compile"):
        result = l10n(command)
        assert result.exit_code == 2 and "declares charset=GBK" in result.stderr
        assert "msgconv -t UTF-8" in result.stderr
        assert snapshot(project) == before


def test_a_line_longer_than_the_segment_limit_is_refused(project):
    seed = project / SEED_PATH
    seed.write_text(seed.read_text("utf-8") + "\n" + "很長的句子沒有句號" * 300 + "\n", "utf-8")
    result = l10n("extract")
    assert result.exit_code == 2
    assert ": a segment of 2,700 characters (no sentence end); the limit is" in result.stderr
    assert "max-segment-chars = 2000" in result.stderr
    assert not (project / "locales").exists() or not (project / POT).exists()
    _set(project, "max-segment-chars = 3000")
    l10n_ok("extract")


def test_check_policy_stated_once_in_the_settings(fake_engine):
    l10n_ok("extract")
    l10n_ok("translate")  # every entry fuzzy machine output
    assert l10n("check", "--select", "max-fuzzy").exit_code == 0
    pyproject = fake_engine / "pyproject.toml"
    pyproject.write_text(
        pyproject.read_text("utf-8") + "\n[tool.l10n.check]\nmax-fuzzy = 0\n", encoding="utf-8"
    )
    result = l10n("check", "--select", "max-fuzzy")
    assert result.exit_code == 1 and "32 fuzzy entries, more than the allowed 0" in result.stdout
    assert l10n("check", "--select", "max-fuzzy", "--max-fuzzy", "32").exit_code == 0


def test_the_stats_table_shows_every_figure_whole(project):
    sentences = [f"第{n}句話說的是全省公安機關的工作{'很重要' * 30}。" for n in range(1200)]
    (project / "seeds" / "long.txt").write_text(
        "標題\n\n" + "\n".join(sentences) + "\n", encoding="utf-8"
    )
    l10n_ok("extract")
    stats = json.loads(l10n_ok("stats", "--format", "json").stdout)["total"]["untranslated"]
    assert stats["characters"] > 100_000
    table = l10n_ok("stats").stdout
    assert f"{stats['entries']} ({stats['characters']})" in table


@pytest.fixture
def small_disk(tmp_path, monkeypatch):
    """A project on a 512 KiB file system of its own (root may mount one; else skip)."""
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", str(mount)],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small file system here: {done.stderr.decode().strip()}")
    try:
        root = Path(__file__).resolve().parent.parent
        shutil.copy(root / "pyproject.toml", mount / "pyproject.toml")
        shutil.copytree(root / "seeds", mount / "seeds")
        monkeypatch.chdir(mount)
        yield mount
    finally:
        monkeypatch.chdir(tmp_path)
        subprocess.run(["umount", str(mount)], check=False)


def test_a_full_disk_half_way_changes_no_file(small_disk):
    l10n_ok("extract")
    seed = small_disk / SEED_PATH
    seed.write_text(seed.read_text("utf-8").replace("張穎主持會議。", "張穎主持了會議。"), "utf-8")
    before = snapshot(small_disk)
    pot_size = len(before[POT.as_posix()])
    free = os.statvfs(small_disk).f_bavail * os.statvfs(small_disk).f_frsize
    filler = small_disk / "filler"
    filler.write_bytes(b"\0" * (free - pot_size - 8192))  # room for the new POT, not the PO
    before = snapshot(small_disk)
    result = l10n("extract")
    assert result.exit_code == 2 and "No space left on device" in result.stderr
    assert snapshot(small_disk) == before
    assert not list(small_disk.rglob("*.tmp"))


SIMPLIFIED = "四川省公安厅召开会议\n\n会议强调，要坚持稳中求进工作总基调。这是简体中文的文章。\n"


def test_with_source_language_zh_each_document_gets_its_own_script(fake_engine, monkeypatch):
    from . import fake_engine as engine

    pyproject = fake_engine / "pyproject.toml"
    text = pyproject.read_text("utf-8").replace(
        'source-language = "zh-Hant"', 'source-language = "zh"'
    )
    pyproject.write_text(text, encoding="utf-8")
    (fake_engine / "seeds" / "simplified.txt").write_text(SIMPLIFIED, encoding="utf-8")
    l10n_ok("extract")
    headers = {
        name: polib.pofile(str(fake_engine / "locales" / f"{name}.pot")).metadata
        for name in ("sichuan-police-conference-2020", "simplified")
    }
    assert headers["sichuan-police-conference-2020"]["X-Source-Language"] == "zh-Hant"
    assert headers["simplified"]["X-Source-Language"] == "zh-Hans"
    l10n_ok("translate")
    assert sorted(engine.SOURCE_LANGUAGES) == ["zh-Hans", "zh-Hant"]  # t2s only for one
    l10n_ok("build", "--format", "html")
    page = (fake_engine / "dist" / "simplified.en.html").read_text("utf-8")
    assert 'class="src" lang="zh-Hans"' in page
    seed_page = (fake_engine / "dist" / "sichuan-police-conference-2020.en.html").read_text("utf-8")
    assert 'class="src" lang="zh-Hant"' in seed_page
    assert l10n("check", "--select", "catalog-language,template-stale").exit_code == 0


def test_a_source_whose_name_holds_a_space_is_aligned_after_extract(project):
    """A PO reader splits `#:` references at spaces: the check compares them as written."""
    shutil.copy(SEED_PATH, project / "seeds" / "my article.txt")
    l10n_ok("extract")
    assert "#: seeds/my article.txt:" in (project / "locales" / "my article.pot").read_text("utf-8")
    result = l10n("check", "--format", "json")
    codes = {f["code"] for f in json.loads(result.stdout)["findings"]}
    assert "template-stale" not in codes, result.stdout
