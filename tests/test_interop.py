"""Catalog state survives the tools translators use on our catalogs: GNU gettext's
msgmerge --previous, msgcat, msgattrib and msgconv, Translate Toolkit's PO save,
babel's write_po and a rewrap at 79 columns as Poedit saves. After each, `l10n stats`
and `l10n check` say what they said before."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from pathlib import Path

import polib
import pytest

from l10n.catalog.joins import mark_joined
from l10n.catalog.provenance import fill, provenance_line
from l10n.catalog.status import MACHINE_TRANSLATION, TM

from .conftest import PO, POT, ROOT, l10n, l10n_ok

OBSOLETE = "這句話已從文章中刪去。"


def _gettext(*args: str) -> None:
    if shutil.which(args[0]) is None:
        pytest.fail(f"GNU gettext ({args[0]}) is required: apt-get install gettext")
    subprocess.run(args, check=True, capture_output=True)


def _translate_toolkit(path: Path) -> None:
    from translate.storage import po

    store = po.pofile.parsefile(str(path))
    store.savefile(str(path))


def _babel(path: Path) -> None:
    from babel.messages.pofile import read_po, write_po

    with path.open("rb") as file:
        catalog = read_po(file)
    out = io.BytesIO()
    write_po(out, catalog, include_previous=True, width=76)
    path.write_bytes(out.getvalue())


def _poedit_rewrap(path: Path) -> None:
    catalog = polib.pofile(str(path), wrapwidth=79)
    catalog.metadata["X-Generator"] = "Poedit 3.4.2"
    catalog.save(str(path))


TOOLS = {
    "msgmerge --previous": lambda p: _gettext(
        "msgmerge", "--previous", "--quiet", "-o", str(p), str(p), str(POT)
    ),
    "msgcat": lambda p: _gettext("msgcat", "-o", str(p), str(p)),
    "msgattrib": lambda p: _gettext("msgattrib", "-o", str(p), str(p)),
    "msgconv": lambda p: _gettext("msgconv", "-t", "UTF-8", "-o", str(p), str(p)),
    "translate-toolkit": _translate_toolkit,
    "babel": _babel,
    "poedit-rewrap": _poedit_rewrap,
}


@pytest.fixture
def every_status(project: Path) -> Path:
    """The seed's reviewed catalog with entries of every status, a silenced check and a
    translator's note, as `l10n` writes it."""
    shutil.copytree(ROOT / "locales", project / "locales")
    catalog = polib.pofile(str(project / PO))
    live = [e for e in catalog if e.msgid and not e.obsolete]
    machine, tm, changed, empty, silenced, loud, noted, joined = live[3:11]
    fill([machine], {machine.msgid: ("Engine output.", _line(MACHINE_TRANSLATION), False)})
    fill([tm], {tm.msgid: (tm.msgstr, provenance_line(TM, "exact 100% (tm/a.tmx:3)"), False)})
    changed.flags.append("fuzzy")
    changed.previous_msgid = changed.msgid[:-3] + "。"
    empty.msgstr = ""
    silenced.msgstr = loud.msgstr = "In 1999 there were 12 of them."  # numbers the source lacks
    silenced.tcomment = "l10n-ignore: numbers, numbers-extra"
    noted.tcomment = "Checked with the desk editor."
    mark_joined(joined, noted.msgid)  # translated together with the segment before
    gone = polib.POEntry(msgid=OBSOLETE, msgstr="This sentence was cut.", obsolete=True)
    fill([gone], {OBSOLETE: ("This sentence was cut.", _line(MACHINE_TRANSLATION), False)})
    catalog.append(gone)
    catalog.save()
    l10n_ok("extract")  # our own form
    return project


def _line(kind: str) -> str:
    return provenance_line(kind, "argos zh→en 1.9 (test)")


def _state() -> tuple[dict, int, list]:
    stats = json.loads(l10n_ok("stats", "--format", "json").stdout)
    check = l10n("check", "--format", "json")
    findings = json.loads(check.stdout)["findings"]
    kept = sorted((f["code"], f["severity"], f.get("segment", ""), f["message"]) for f in findings)
    return stats, check.exit_code, kept


def test_the_catalog_holds_every_status(every_status):
    stats, exit_code, findings = _state()
    counts = {
        name: value["entries"]
        for name, value in stats["catalogs"][0].items()
        if isinstance(value, dict)
    }
    assert counts == {
        "reviewed": 27,
        "fuzzy_machine": 1,
        "tm": 1,
        "aligned": 0,
        "fuzzy_changed": 1,
        "joined": 1,
        "untranslated": 1,
        "obsolete": 1,
    }
    assert exit_code == 1 and any(code.startswith("numbers") for code, *_ in findings)
    written = (every_status / PO).read_text("utf-8")
    assert "# l10n: machine translation: argos" in written
    assert "# l10n: tm: exact 100% (tm/a.tmx:3)" in written
    assert "# l10n-ignore: numbers, numbers-extra" in written
    assert "# l10n-joined: " in written
    assert "#~ msgid" in written and "#. machine translation" not in written


@pytest.mark.parametrize("tool", list(TOOLS))
def test_state_survives(every_status, tool):
    before = _state()
    TOOLS[tool](every_status / PO)
    after = _state()
    assert after == before
    assert "Checked with the desk editor." in (every_status / PO).read_text("utf-8")


def test_older_catalogs_with_extracted_provenance_and_ignore_flags_are_rewritten(project):
    shutil.copytree(ROOT / "locales", project / "locales")
    catalog = polib.pofile(str(project / PO))
    live = [e for e in catalog if e.msgid and not e.obsolete]
    live[3].msgstr, live[3].flags = "Engine output.", ["fuzzy"]
    live[3].comment += "\nmachine translation: argos zh→en 1.9"
    live[4].msgstr = "In 1999 there were 12 of them."
    live[4].flags = ["l10n-ignore:numbers", "l10n-ignore:numbers-extra"]
    catalog.save()
    before = _state()
    assert before[0]["total"]["fuzzy_machine"]["entries"] == 1
    l10n_ok("extract")
    written = (project / PO).read_text("utf-8")
    assert "#. machine translation" not in written and "l10n-ignore:numbers" not in written
    assert "# l10n: machine translation: argos zh→en 1.9\n" in written
    assert "# l10n-ignore: numbers, numbers-extra\n" in written
    assert _state() == before
