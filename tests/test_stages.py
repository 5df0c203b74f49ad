"""The stages' shared shape: one reviewed % for build and check, the provider chain, the
engine, reader and renderer tables, and exit codes carried by the errors."""

from __future__ import annotations

import json
from pathlib import Path

import polib
import pytest

from l10n import errors, providers, readers, render
from l10n.catalog.status import PROVENANCE_KINDS, EntryStatus
from l10n.readers import reader_for

from .conftest import PO, l10n, l10n_ok, snapshot

# A source whose repeated sentence is reviewed: 3 of 4 occurrences are reviewed (75 %),
# 2 of its 3 distinct entries are (66.7 %).
REPEATED = "甲說了話。\n\n甲說了話。乙也說了。丙沒有說。\n"
REVIEWED = {"甲說了話。": "A spoke.", "乙也說了。": "B spoke too."}


def _catalog_with_repeats(project: Path) -> Path:
    for old in (project / "seeds").iterdir():
        old.unlink()
    (project / "seeds" / "repeats.txt").write_text(REPEATED, encoding="utf-8")
    l10n_ok("extract")
    path = project / "locales/en/LC_MESSAGES/repeats.po"
    catalog = polib.pofile(str(path))
    for entry in catalog:
        if entry.msgid in REVIEWED:
            entry.msgstr = REVIEWED[entry.msgid]
        elif entry.msgid:
            entry.msgstr, entry.flags = "Machine output.", ["fuzzy"]
    catalog.save()
    return path


@pytest.mark.parametrize("threshold, passes", [(60, True), (66.6, True), (70, False), (75, False)])
def test_build_and_check_agree_on_reviewed_percent_with_repeated_segments(
    project, threshold, passes
):
    _catalog_with_repeats(project)
    build = l10n("build", "--min-reviewed", str(threshold))
    check = l10n("check", "--select", "min-reviewed", "--min-reviewed", str(threshold))
    assert (build.exit_code, check.exit_code) == ((0, 0) if passes else (1, 1))
    if not passes:
        assert "66.7% reviewed" in build.stderr and "66.7% reviewed" in check.stdout
    stats = json.loads(l10n_ok("stats", "--format", "json").stdout)
    assert round(stats["total"]["reviewed_percent"], 1) == 66.7


def test_providers_are_asked_in_order_each_getting_what_is_left(fake_engine, monkeypatch):
    from . import fake_engine as engine

    monkeypatch.setitem(providers.PROVIDERS, "memory", "tests.fake_provider")
    monkeypatch.setitem(PROVENANCE_KINDS, "memory", EntryStatus.MACHINE)
    pyproject = fake_engine / "pyproject.toml"
    text = pyproject.read_text("utf-8").replace(
        "[tool.l10n]\n", '[tool.l10n]\nproviders = ["memory", "mt"]\n', 1
    )
    pyproject.write_text(text, encoding="utf-8")
    l10n_ok("extract")
    result = l10n_ok("translate")
    entries = [e for e in polib.pofile(str(fake_engine / PO)) if e.msgid and not e.obsolete]
    remembered = [e for e in entries if "會議" in e.msgid]
    machine = [e for e in entries if "會議" not in e.msgid]
    assert remembered and machine
    assert all(e.msgstr == "en from memory" and e.fuzzy for e in remembered)
    assert all("memory: test match" in e.tcomment for e in remembered)
    assert all(e.msgstr.startswith("en translation ") and e.fuzzy for e in machine)
    assert [[e.msgid for e in machine]] == engine.BATCHES  # the engine got only the rest
    assert (
        f"en: translated {len(remembered)} of {len(entries)} segments ({len(remembered)} entries)"
        " with test memory" in result.stdout
    )
    assert (
        f"en: translated {len(machine)} segments ({len(machine)} entries) with fake 1.0"
        in result.stdout
    )
    before = (fake_engine / PO).read_bytes()
    l10n_ok("extract")  # re-extraction keeps every provider's provenance
    assert (fake_engine / PO).read_bytes() == before
    stats = json.loads(l10n_ok("stats", "--format", "json").stdout)["total"]
    assert stats["fuzzy_machine"]["entries"] == len(entries)


def test_a_language_the_engine_lacks_is_reported_after_the_others_are_saved(fake_engine):
    pyproject = fake_engine / "pyproject.toml"
    text = pyproject.read_text("utf-8").replace('languages = ["en"]', 'languages = ["en", "fr"]')
    pyproject.write_text(text, encoding="utf-8")
    l10n_ok("extract")
    french = Path(str(fake_engine / PO).replace("/en/", "/fr/"))
    before = french.read_bytes()
    result = l10n("translate")
    assert result.exit_code == errors.NoModelError.exit_code == 2
    assert result.stderr.endswith(
        "\nl10n: error: the fake engine has no model into 'fr'; 32 segments of fr left "
        "untranslated\n"
    )
    assert result.stderr.count("l10n: error:") == 1
    assert all(e.msgstr for e in polib.pofile(str(fake_engine / PO)) if e.msgid)
    assert french.read_bytes() == before
    run = l10n_ok("run")
    assert (
        "warning: the fake engine has no model into 'fr'; 32 segments of fr left untranslated"
        in run.stderr
    )


def test_draft_reaches_the_engine_through_the_settings(fake_engine):
    l10n_ok("extract")
    assert "with fake 1.0 (draft)" in l10n_ok("translate", "--draft").stdout


class RawRenderer:
    """A binary format for the test below: this module is its renderer module."""

    extension = "bin"

    def render(self, edition):
        return b"\x00\xff" + edition.name.encode("utf-8")


def make_renderer(options) -> RawRenderer:
    return RawRenderer()


def test_a_renderer_may_return_bytes(project, monkeypatch):
    monkeypatch.setitem(render.RENDERERS, "bin", "tests.test_stages")
    l10n_ok("extract")
    result = l10n_ok("build", "--format", "bin,txt")
    out = project / "dist" / "sichuan-police-conference-2020.en.bin"
    assert out.read_bytes() == b"\x00\xff" + b"seeds/sichuan-police-conference-2020.txt"
    assert "dist/sichuan-police-conference-2020.en.bin" in result.stdout


@pytest.mark.parametrize("name", ["a.txt", "a.TXT", "notes", "article.text"])
def test_the_reader_is_chosen_by_extension_and_plain_text_is_the_default(name):
    assert reader_for(Path(name)) is reader_for(Path("x.txt"))


def test_a_new_reader_is_one_table_entry(project, monkeypatch):
    monkeypatch.setitem(readers.READERS, ".tsv", "tests.test_stages")
    (project / "seeds" / "table.tsv").write_text("標題\t甲說了話。\n", encoding="utf-8")
    result = l10n_ok("segment", "seeds/table.tsv", "--format", "json")
    texts = [s["text"] for b in json.loads(result.stdout)["blocks"] for s in b["segments"]]
    assert texts == ["標題", "甲說了話。"]


def read(data: bytes, name: str, rules):
    """A reader for the test above: each tab-separated cell a line of plain text."""
    from l10n.readers.text import read as read_text

    return read_text(data.replace(b"\t", b"\n"), name, rules)


def test_every_user_facing_error_carries_its_exit_code():
    classes = [
        value
        for value in vars(errors).values()
        if isinstance(value, type) and issubclass(value, errors.L10nError)
    ]
    assert len(classes) >= 9
    assert {cls.exit_code for cls in classes} == {errors.USAGE}


def test_a_usage_error_changes_nothing(project):
    before = snapshot(project)
    result = l10n("build", "--format", "odt")
    assert result.exit_code == 2
    assert (
        result.stderr == "l10n: error: unknown output format 'odt'; "
        "choose from: html, md, txt, tmx, json, source, epub, docx, pdf\n"
    )
    assert snapshot(project) == before


def test_engines_chain_as_providers_a_language_one_lacks_goes_to_the_next(fake_engine, monkeypatch):
    from l10n import mt

    monkeypatch.setitem(mt.ENGINES, "fake2", "tests.fake_engine")
    pyproject = fake_engine / "pyproject.toml"
    text = pyproject.read_text("utf-8").replace('languages = ["en"]', 'languages = ["en", "fr"]')
    text = text.replace("[tool.l10n]\n", '[tool.l10n]\nproviders = ["mt:fake", "mt:fake2"]\n', 1)
    text += '\n[tool.l10n.mt.fake2]\nlanguages = ["fr"]\nversion = "2.0"\n'
    pyproject.write_text(text, encoding="utf-8")
    l10n_ok("extract")
    result = l10n_ok("translate")
    assert "en: translated 32 segments (32 entries) with fake 1.0 (full)" in result.stdout
    assert "fr: translated 32 segments (32 entries) with fake 2.0 (full)" in result.stdout
    french = polib.pofile(str(fake_engine / str(PO).replace("/en/", "/fr/")))
    assert all(e.msgstr.startswith("fr translation ") for e in french if e.msgid)


def test_an_unknown_engine_in_the_provider_chain_is_one_line(project):
    pyproject = project / "pyproject.toml"
    text = pyproject.read_text("utf-8")
    pyproject.write_text(
        text.replace("[tool.l10n]\n", '[tool.l10n]\nproviders = ["mt:deepl"]\n', 1)
    )
    result = l10n("extract")
    assert result.exit_code == 2
    assert result.stderr == (
        "l10n: error: [tool.l10n] providers: unknown engine in 'mt:deepl'; choose from: argos\n"
    )


def test_an_option_to_a_provider_that_takes_none_is_one_line(project, monkeypatch):
    monkeypatch.setitem(providers.PROVIDERS, "memory", "tests.fake_provider")
    pyproject = project / "pyproject.toml"
    text = pyproject.read_text("utf-8")
    pyproject.write_text(
        text.replace("[tool.l10n]\n", '[tool.l10n]\nproviders = ["memory:x"]\n', 1)
    )
    result = l10n("stats")
    assert (result.exit_code, result.stderr) == (
        2,
        "l10n: error: [tool.l10n] providers: 'memory:x': this provider takes no option\n",
    )


def test_a_run_that_fails_while_translating_writes_nothing(project, tmp_path, monkeypatch):
    not_a_folder = tmp_path / "packages"
    not_a_folder.write_text("", encoding="utf-8")
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(not_a_folder))
    before = snapshot(project)
    result = l10n("run")
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert "is a file (ARGOS_PACKAGES_DIR)" in result.stderr
    after = {
        k: v
        for k, v in snapshot(project).items()
        if not k.endswith(".l10n.lock") and not k.startswith(".l10n/")  # the lock, the TM index
    }
    assert after == before  # no template, catalog or edition


def test_run_waits_for_the_catalogs_lock_like_every_writer(project):
    from l10n.files import exclusive

    pyproject = project / "pyproject.toml"
    text = pyproject.read_text("utf-8")
    pyproject.write_text(text.replace("[tool.l10n]\n", "[tool.l10n]\nlock-timeout = 0.3\n", 1))
    before = snapshot(project)
    with exclusive(project / "locales" / ".l10n.lock"):
        result = l10n("run")
    assert result.exit_code == 2
    assert "another l10n process is writing the catalogs" in result.stderr
    assert {k: v for k, v in snapshot(project).items() if not k.endswith(".l10n.lock")} == before
