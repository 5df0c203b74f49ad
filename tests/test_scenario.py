"""A translator's work survives the editor: the scripted scenario, end to end through the CLI,
checked against GNU msgmerge, msgfmt and msgcmp."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import polib
import pytest

from l10n.catalog import status

from .conftest import PO, POT, SEED_PATH, l10n, l10n_ok

MACHINE = "machine translation: "
CHANGED_OLD = "四川省公安廳黨委副書記、常務副廳長張穎主持會議。"
CHANGED_NEW = "四川省公安廳黨委副書記、常務副廳長張穎主持了會議。"
INSERTED = "  會議還通報了近期全省治安形勢。與會人員進行了交流。\n \n"
INSERTED_SENTENCES = ["會議還通報了近期全省治安形勢。", "與會人員進行了交流。"]


def gettext_tool(*args) -> subprocess.CompletedProcess:
    if shutil.which(str(args[0])) is None:
        pytest.fail(f"GNU gettext ({args[0]}) is required: apt-get install gettext")
    return subprocess.run([str(a) for a in args], capture_output=True, text=True, check=False)


def states(path: Path) -> dict[tuple[str, bool], tuple[str, str]]:
    """(msgid, obsolete) → (state, msgstr) for every entry but the header."""
    return {
        (e.msgid, e.obsolete): (status(e), e.msgstr) for e in polib.pofile(str(path)) if e.msgid
    }


def simple_state(entry_state: str) -> str:
    return {"machine": "fuzzy", "changed": "fuzzy", "reviewed": "translated"}.get(
        entry_state, entry_state
    )


def deleted_paragraph(text: str) -> str:
    return next(line for line in text.splitlines(keepends=True) if "會議強調" in line)


@pytest.fixture
def reviewed(fake_engine):
    """The seed extracted, machine-translated (by the in-memory engine), and three entries
    reviewed by a translator."""
    project = fake_engine
    l10n_ok("extract")
    l10n_ok("translate")
    catalog = polib.pofile(str(project / PO))  # polib saves with its own line wrapping
    by_id = {e.msgid: e for e in catalog}
    title = by_id["四川省公安局處長會議召開 安排部署2020年全省公安工作"]
    title.flags.remove("fuzzy")
    first = next(e for e in catalog if e.msgid.startswith("3月25日"))
    first.msgstr = "On March 25, the provincial conference of police chiefs was held in Chengdu."
    first.flags.remove("fuzzy")
    byline = by_id["(鄒邇戈)"]
    byline.msgstr = "(Zou Erge)"
    byline.tcomment = "Reporter's name in pinyin."
    byline.flags.remove("fuzzy")
    catalog.save()
    return {"title": title.msgid, "first": first.msgid, "byline": byline.msgid}


def edit_source(project: Path) -> str:
    """The editor's changes: one sentence changed, a paragraph inserted, another deleted."""
    seed = project / SEED_PATH
    text = seed.read_text(encoding="utf-8")
    deleted = deleted_paragraph(text)
    edited = text.replace(CHANGED_OLD, CHANGED_NEW).replace(deleted, "")
    middle = edited.index("  會議要求")
    edited = edited[:middle] + INSERTED + edited[middle:]
    seed.write_text(edited, encoding="utf-8")
    return deleted


def test_scenario_keeps_the_translators_work(project, reviewed):
    before = states(project / PO)
    deleted_text = deleted_paragraph((project / SEED_PATH).read_text("utf-8"))
    deleted_ids = [m for (m, _) in before if m in deleted_text]
    assert len(deleted_ids) == 2
    old_po = project / "old.po"
    shutil.copy(project / PO, old_po)

    edit_source(project)
    l10n_ok("extract")
    after = states(project / PO)
    catalog = {e.msgid: e for e in polib.pofile(str(project / PO)) if not e.obsolete}

    title, first, byline = (catalog[reviewed[k]] for k in ("title", "first", "byline"))
    assert title.msgstr == before[(title.msgid, False)][1] and not title.fuzzy
    assert first.msgstr.startswith("On March 25") and not first.fuzzy
    assert byline.msgstr == "(Zou Erge)" and byline.tcomment == "Reporter's name in pinyin."

    changed = catalog[CHANGED_NEW]
    assert changed.fuzzy and changed.previous_msgid == CHANGED_OLD
    assert changed.msgstr == before[(CHANGED_OLD, False)][1]
    for sentence in INSERTED_SENTENCES:
        assert catalog[sentence].msgstr == "" and not catalog[sentence].fuzzy
    for msgid in deleted_ids:
        assert (msgid, True) in after and (msgid, False) not in after

    untouched = set(before) - {(CHANGED_OLD, False), *((m, False) for m in deleted_ids)}
    for key in untouched:
        assert after[key] == before[key], key

    # msgmerge --previous on the same inputs gives the same states
    merged = project / "merged.po"
    result = gettext_tool("msgmerge", "--previous", "--quiet", "-o", merged, old_po, project / POT)
    assert result.returncode == 0, result.stderr
    theirs = {k: simple_state(v[0]) for k, v in states(merged).items()}
    ours = {k: simple_state(v[0]) for k, v in after.items()}
    assert ours == theirs

    # the deleted paragraph comes back with its translations
    seed = project / SEED_PATH
    text = seed.read_text(encoding="utf-8")
    anchor = text.index("  會議要求")
    seed.write_text(text[:anchor] + deleted_text + text[anchor:], encoding="utf-8")
    l10n_ok("extract")
    revived = states(project / PO)
    for msgid in deleted_ids:
        assert revived[(msgid, False)] == before[(msgid, False)]
        assert (msgid, True) not in revived


def test_retranslate_machine_redoes_stale_machine_output_not_reviewed_work(project, reviewed):
    edit_source(project)
    seed = project / SEED_PATH
    first_new = reviewed["first"].replace("3月25日", "3月26日")
    seed.write_text(seed.read_text("utf-8").replace(reviewed["first"], first_new), "utf-8")
    assert l10n_ok("extract").exit_code == 0

    def live() -> dict[str, polib.POEntry]:
        return {e.msgid: e for e in polib.pofile(str(project / PO)) if not e.obsolete}

    before = live()
    stale, human = before[CHANGED_NEW], before[first_new]
    # machine output carried to a changed source keeps its provenance; reviewed work does not
    assert stale.fuzzy and stale.previous_msgid == CHANGED_OLD and MACHINE in stale.tcomment
    assert human.fuzzy and human.previous_msgid == reviewed["first"]
    assert MACHINE not in human.tcomment and human.msgstr.startswith("On March 25")

    assert l10n_ok("translate").exit_code == 0  # fills the empty entries only
    assert live()[CHANGED_NEW].msgstr == stale.msgstr
    result = l10n_ok("translate", "--retranslate-machine")
    assert result.exit_code == 0, result.stderr
    after = live()
    fresh = after[CHANGED_NEW]
    assert fresh.fuzzy and fresh.previous_msgid is None and MACHINE in fresh.tcomment
    kept = after[first_new]
    assert (kept.msgstr, kept.previous_msgid, kept.fuzzy) == (
        human.msgstr,
        human.previous_msgid,
        True,
    )

    # the fresh output is the engine's translation of the new source, as from an empty entry
    catalog = polib.pofile(str(project / PO))
    entry = catalog.find(CHANGED_NEW)
    entry.msgstr, entry.flags, entry.tcomment = "", [], ""
    catalog.save()
    assert l10n_ok("translate").exit_code == 0
    assert live()[CHANGED_NEW].msgstr == fresh.msgstr


def test_msgfmt_statistics_agree_with_stats(project, reviewed):
    edit_source(project)
    l10n_ok("extract")
    ours = l10n_ok("stats", "--format", "json")
    import json

    total = json.loads(ours.stdout)["total"]
    result = gettext_tool("msgfmt", "--check", "--statistics", "-o", "/dev/null", project / PO)
    assert result.returncode == 0, result.stderr
    numbers = {
        kind: int(m.group(1)) if (m := re.search(rf"(\d+) {kind}", result.stderr)) else 0
        for kind in ("translated", "fuzzy", "untranslated")
    }
    assert numbers["translated"] == total["reviewed"]["entries"] == 3
    assert numbers["fuzzy"] == total["fuzzy_machine"]["entries"] + total["fuzzy_changed"]["entries"]
    assert total["fuzzy_changed"]["entries"] == 1
    assert numbers["untranslated"] == total["untranslated"]["entries"] == 2
    assert total["obsolete"]["entries"] == 2


def test_msgcmp_agrees_with_check_about_missing_entries(project):
    l10n_ok("extract")
    catalog = polib.pofile(str(project / PO))
    dropped = [catalog[3].msgid, catalog[7].msgid]
    for entry in [e for e in catalog if e.msgid in dropped]:
        catalog.remove(entry)
    catalog.save()
    result = gettext_tool(
        "msgcmp", "--use-untranslated", "--use-fuzzy", project / PO, project / POT
    )
    assert result.returncode == 1
    theirs = result.stderr.count("this message is used but not defined")
    check = l10n("check", "--format", "json")
    assert check.exit_code == 1
    import json

    missing = [f for f in json.loads(check.stdout)["findings"] if f["code"] == "entry-missing"]
    assert theirs == len(missing) == 2


def test_wrapped_save_reads_back_to_the_canonical_text(project, reviewed):
    canonical = project / "canonical.po"
    l10n_ok("extract")  # rewrites the polib-wrapped save canonically
    shutil.copy(project / PO, canonical)
    result = gettext_tool("msgcat", "--width=60", "-o", project / PO, canonical)
    assert result.returncode == 0, result.stderr
    assert (project / PO).read_text("utf-8") != canonical.read_text("utf-8")
    l10n_ok("extract")
    assert (project / PO).read_text("utf-8") == canonical.read_text("utf-8")


def test_compile_keeps_reviewed_entries_only(project, reviewed):
    import gettext

    l10n_ok("compile")
    mo = (project / PO).with_suffix(".mo")
    ours = gettext.GNUTranslations(mo.open("rb"))
    reference = project / "reference.mo"
    assert gettext_tool("msgfmt", "-o", reference, project / PO).returncode == 0
    theirs = gettext.GNUTranslations(reference.open("rb"))
    assert ours._catalog == theirs._catalog
    assert ours.gettext(reviewed["byline"]) == "(Zou Erge)"
    assert ours.gettext(CHANGED_OLD) == CHANGED_OLD  # fuzzy: not compiled


def test_moving_a_paragraph_changes_no_state(project, reviewed):
    before = states(project / PO)
    seed = project / SEED_PATH
    text = seed.read_text(encoding="utf-8")
    moved = deleted_paragraph(text)
    without = text.replace(moved, "")
    anchor = without.index("  會上,")
    seed.write_text(without[:anchor] + moved + without[anchor:], encoding="utf-8")
    l10n_ok("extract")
    assert states(project / PO) == before
    order = [e.msgid for e in polib.pofile(str(project / PO)) if e.msgid]
    position = {m[:5]: n for n, m in enumerate(order)}
    assert position["會議強調,"] > position["——建強隊"]  # entries follow the new order
