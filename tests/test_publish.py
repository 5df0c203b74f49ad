"""`l10n build` policies and formats through the CLI."""

from __future__ import annotations

import json

import polib

from .conftest import PO, SEED_NAME, l10n, snapshot


def _half_reviewed(project):
    assert l10n("extract").exit_code == 0
    catalog = polib.pofile(str(project / PO))
    for n, entry in enumerate(catalog):
        entry.msgstr = f"Sentence {n}."
        if n % 2:
            entry.flags.append("fuzzy")
    catalog.save()


def test_all_formats(project):
    _half_reviewed(project)
    result = l10n("build", "--format", "html,md,txt,tmx,json", "--include-machine")
    assert result.exit_code == 0, result.stderr
    for ext in ("html", "md", "txt", "tmx", "json"):
        assert (project / "dist" / f"{SEED_NAME}.en.{ext}").is_file()
    data = json.loads((project / "dist" / f"{SEED_NAME}.en.json").read_text("utf-8"))
    assert data["counts"] == {"reviewed": 16, "unreviewed": 16, "untranslated": 0}
    tmx = (project / "dist" / f"{SEED_NAME}.en.tmx").read_text("utf-8")
    assert tmx.count("<tu ") == 32 and "x-l10n-status" in tmx


def test_min_reviewed_fails_and_writes_nothing(project):
    _half_reviewed(project)
    before = snapshot(project)
    result = l10n("build", "--min-reviewed", "80")
    assert result.exit_code == 1
    assert "50.0% reviewed, below --min-reviewed 80%" in result.stderr
    assert snapshot(project) == before
    assert l10n("build", "--min-reviewed", "50").exit_code == 0


def test_only_reviewed_shows_sources_for_machine_output(project):
    _half_reviewed(project)
    assert l10n("build", "--format", "json", "--only-reviewed").exit_code == 0
    data = json.loads((project / "dist" / f"{SEED_NAME}.en.json").read_text("utf-8"))
    assert data["counts"] == {"reviewed": 16, "unreviewed": 0, "untranslated": 16}


def test_source_script_hans(project):
    _half_reviewed(project)
    assert l10n("build", "--format", "json,html", "--source-script", "hans").exit_code == 0
    data = json.loads((project / "dist" / f"{SEED_NAME}.en.json").read_text("utf-8"))
    assert data["source_language"] == "zh-Hans"
    assert data["blocks"][0]["segments"][0]["source"].startswith("四川省公安局处长会议")
    page = (project / "dist" / f"{SEED_NAME}.en.html").read_text("utf-8")
    assert 'lang="zh-Hans"' in page
    catalog = (project / PO).read_text("utf-8")
    assert "處長會議" in catalog  # the catalog keeps the original


def test_bad_layout_and_format_are_usage_errors(project):
    assert l10n("extract").exit_code == 0
    for args in (["--layout", "diagonal"], ["--format", "odt"], ["--source-script", "latin"]):
        result = l10n("build", *args)
        assert result.exit_code == 2, args
        assert result.stderr.startswith("l10n: error: ") and result.stderr.count("\n") == 1
