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


def test_several_layouts_in_one_build(project):
    _half_reviewed(project)
    result = l10n("build", "--format", "html,md,json", "--layout", "side-by-side,translation-only")
    assert result.exit_code == 0, result.stderr
    dist = project / "dist"
    assert sorted(p.name for p in dist.iterdir()) == [
        f"{SEED_NAME}.en.json",  # the same in every layout: written once
        f"{SEED_NAME}.en.side-by-side.html",
        f"{SEED_NAME}.en.side-by-side.md",
        f"{SEED_NAME}.en.translation-only.html",
        f"{SEED_NAME}.en.translation-only.md",
    ]
    alone = (dist / f"{SEED_NAME}.en.translation-only.html").read_text("utf-8")
    assert 'class="src"' not in alone and alone.count("<h1") == 1
    assert '<h1 class="doc-title"><span class="seg reviewed" id="t-' in alone
    assert '<title lang="en">Sentence 0.</title>' in alone
    assert "處長會議" not in alone.split("<main")[1]  # every sentence is translated
    markdown = (dist / f"{SEED_NAME}.en.translation-only.md").read_text("utf-8")
    assert markdown.startswith("# Sentence 0.\n") and "處長" not in markdown
    both = (dist / f"{SEED_NAME}.en.side-by-side.html").read_text("utf-8")
    assert both.count("<h1") == 1 and '<title lang="zh-Hant">四川省公安局' in both
