"""XLIFF 1.2 exchange: valid against the OASIS strict schema, read by Translate Toolkit
with the same units and states, and a round trip that changes only what a translator
changed."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import polib
import pytest

from l10n.tm.store import Unit
from l10n.tm.tmx import write_tmx
from l10n.xliff import NS

from .conftest import PO, ROOT, SEED_PATH, l10n, l10n_ok
from .test_interop import every_status  # noqa: F401 (a fixture)

SCHEMAS = ROOT / ".tools" / "schemas"
X = f"{{{NS}}}"


def _export(project: Path, *more: str) -> bytes:
    out = project / "out.xlf"
    l10n_ok("xliff", "export", "-o", str(out), *more)
    return out.read_bytes()


def _units(data: bytes) -> dict[str, ET.Element]:
    root = ET.fromstring(data)
    return {u.get("id"): u for u in root.iter(f"{X}trans-unit")}


def _by_source(data: bytes) -> dict[str, ET.Element]:
    return {u.find(f"{X}source").text: u for u in _units(data).values()}


def _stats() -> dict:
    return json.loads(l10n_ok("stats", "--format", "json").stdout)["total"]


def test_the_export_is_valid_xliff_1_2_strict(every_status):  # noqa: F811
    from lxml import etree

    schema_file = SCHEMAS / "xliff-core-1.2-strict.xsd"
    if not schema_file.is_file():
        pytest.fail("the XLIFF 1.2 schema is missing: run scripts/system-deps")
    text = schema_file.read_text("utf-8").replace(
        "http://www.w3.org/2001/xml.xsd", (SCHEMAS / "xml.xsd").as_uri()
    )
    schema = etree.XMLSchema(etree.fromstring(text.encode(), base_url=str(SCHEMAS) + "/"))
    document = etree.fromstring(_export(every_status))
    assert schema.validate(document), schema.error_log
    states = [t.get("state") for t in document.iter(f"{X}target")]
    assert {"final", "needs-review-translation", "needs-translation"} <= set(states)


def test_statuses_notes_and_previous_sources_are_said_the_xliff_way(every_status):  # noqa: F811
    catalog = polib.pofile(str(every_status / PO))
    by_source = _by_source(_export(every_status))
    for entry in catalog:
        unit = by_source[entry.msgid]
        target = unit.find(f"{X}target")
        assert target.text or entry.msgstr == ""
        if entry.obsolete:
            assert unit.get("translate") == "no"
        elif not entry.fuzzy and entry.msgstr:
            assert (unit.get("approved"), target.get("state")) == ("yes", "final")
        else:
            assert unit.get("approved") == "no"
    machine = next(u for u in by_source.values() if u.find(f"{X}target").text == "Engine output.")
    assert machine.find(f"{X}target").get("state-qualifier") == "mt-suggestion"
    notes = {(n.get("from"), n.text) for n in machine.iter(f"{X}note")}
    assert any(f == "l10n" and t.startswith("machine translation: argos") for f, t in notes)
    changed = next(e for e in catalog if e.previous_msgid)
    alt = by_source[changed.msgid].find(f"{X}alt-trans")
    assert alt.get("alttranstype") == "previous-version"
    assert alt.find(f"{X}source").text == changed.previous_msgid
    noted = by_source[next(e for e in catalog if "desk editor" in e.tcomment).msgid]
    assert ("translator", "Checked with the desk editor.") in {
        (n.get("from"), n.text) for n in noted.iter(f"{X}note")
    }
    silenced = next(e for e in catalog if "l10n-ignore" in e.tcomment)
    assert ("l10n", "l10n-ignore: numbers, numbers-extra") in {
        (n.get("from"), n.text) for n in by_source[silenced.msgid].iter(f"{X}note")
    }


def test_translate_toolkit_reads_the_same_units_and_states(every_status):  # noqa: F811
    from translate.storage import xliff

    store = xliff.xlifffile.parsestring(_export(every_status))
    catalog = polib.pofile(str(every_status / PO))
    live = [e for e in catalog if not e.obsolete]
    units = {u.source: u for u in store.units if u.source}
    assert set(units) == {e.msgid for e in catalog}
    for entry in live:
        unit = units[entry.msgid]
        assert (unit.target or "") == entry.msgstr
        assert unit.isapproved() == (bool(entry.msgstr) and not entry.fuzzy)
        assert unit.isfuzzy() == (bool(entry.msgstr) and entry.fuzzy)


def test_an_export_read_back_with_no_edit_changes_nothing(every_status):  # noqa: F811
    before = (every_status / PO).read_bytes()
    _export(every_status)
    result = l10n("xliff", "import", str(every_status / "out.xlf"))
    assert result.exit_code == 0, result.stderr
    assert "0 entries updated" in result.stdout
    assert (every_status / PO).read_bytes() == before


def _edit(path: Path, source: str, target: str, **attributes: str) -> None:
    ET.register_namespace("", NS)
    tree = ET.parse(path)
    unit = next(u for u in tree.iter(f"{X}trans-unit") if u.find(f"{X}source").text == source)
    unit.find(f"{X}target").text = target
    for name, value in attributes.items():
        (unit if name == "approved" else unit.find(f"{X}target")).set(name, value)
    tree.write(path, encoding="utf-8", xml_declaration=True)


def test_edited_and_approved_lands_as_reviewed_edited_alone_as_needing_review(
    every_status,  # noqa: F811
):
    catalog = polib.pofile(str(every_status / PO))
    machine = next(e for e in catalog if e.msgstr == "Engine output.")
    empty = next(e for e in catalog if not e.msgstr and not e.obsolete)
    before = _stats()
    _export(every_status)
    out = every_status / "out.xlf"
    _edit(out, machine.msgid, "A translator's sentence.", approved="yes", state="translated")
    _edit(out, empty.msgid, "A draft nobody approved.", state="translated")
    result = l10n("xliff", "import", str(out))
    assert result.exit_code == 0, result.stderr
    assert "2 entries updated (1 now reviewed)" in result.stdout
    entries = {e.msgid: e for e in polib.pofile(str(every_status / PO))}
    approved, drafted = entries[machine.msgid], entries[empty.msgid]
    assert approved.msgstr == "A translator's sentence." and not approved.fuzzy
    assert "machine translation" not in approved.tcomment
    assert drafted.msgstr == "A draft nobody approved." and drafted.fuzzy
    after = _stats()
    assert after["reviewed"]["entries"] == before["reviewed"]["entries"] + 1
    assert after["fuzzy_machine"]["entries"] == before["fuzzy_machine"]["entries"] - 1
    assert after["untranslated"]["entries"] == before["untranslated"]["entries"] - 1
    assert after["fuzzy_changed"]["entries"] == before["fuzzy_changed"]["entries"] + 1


def test_a_unit_whose_source_changed_since_the_export_is_refused_alone(
    every_status,  # noqa: F811
):
    catalog = polib.pofile(str(every_status / PO))
    machine = next(e for e in catalog if e.msgstr == "Engine output.")
    reviewed = next(e for e in catalog if e.msgstr and not e.fuzzy and "。" in e.msgid)
    _export(every_status)
    out = every_status / "out.xlf"
    _edit(out, machine.msgid, "Approved in the CAT tool.", approved="yes")
    _edit(out, reviewed.msgid, "Edited, but the article changed meanwhile.", approved="yes")
    seed = every_status / SEED_PATH
    seed.write_text(
        seed.read_text("utf-8").replace(reviewed.msgid, reviewed.msgid[:-1] + ",有改動。"),
        encoding="utf-8",
    )
    l10n_ok("extract")
    result = l10n("xliff", "import", str(out))
    assert result.exit_code == 1
    refusals = [line for line in result.stderr.splitlines() if "export again" in line]
    assert len(refusals) == 1 and reviewed.msgid[:10] in refusals[0]
    entries = {e.msgid: e for e in polib.pofile(str(every_status / PO))}
    assert entries[machine.msgid].msgstr == "Approved in the CAT tool."
    assert all(e.msgstr != "Edited, but the article changed meanwhile." for e in entries.values())


def test_memory_matches_are_offered_as_alt_trans(every_status):  # noqa: F811
    catalog = polib.pofile(str(every_status / PO))
    empty = next(e for e in catalog if not e.msgstr and not e.obsolete)
    (every_status / "tm").mkdir()
    unit = Unit(empty.msgid, "From the archive.", "zh-Hant", "en", "x.tmx", 1)
    (every_status / "tm" / "archive.tmx").write_text(write_tmx([unit], "zh-Hant"), "utf-8")
    alts = _by_source(_export(every_status))[empty.msgid].findall(f"{X}alt-trans")
    assert [(a.get("alttranstype"), a.get("origin"), a.find(f"{X}target").text) for a in alts] == [
        ("proposal", "tm/archive.tmx:1", "From the archive.")
    ]
    assert alts[0].get("match-quality") == "100"


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b"not xml at all", "not an XLIFF file"),
        (b"<tmx version='1.4'><body/></tmx>", "not an XLIFF 1.2 file"),
        (
            f"<xliff xmlns='{NS}' version='1.2'><file original='../elsewhere.po' "
            "source-language='zh' datatype='po'><body/></file></xliff>".encode(),
            "is not a catalog of this project",
        ),
    ],
)
def test_bad_xliff_is_one_line_and_changes_nothing(every_status, content, says):  # noqa: F811
    before = (every_status / PO).read_bytes()
    (every_status / "bad.xlf").write_bytes(content)
    result = l10n("xliff", "import", str(every_status / "bad.xlf"))
    assert result.exit_code == 2 and says in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert (every_status / PO).read_bytes() == before


def test_placeholders_travel_as_xliff_inline_elements(project):
    from lxml import etree

    from .test_markup_articles import _project_with_translations

    po_path = _project_with_translations(project, "article.md")
    l10n_ok("extract")  # our own form, so that a round trip can be compared byte for byte
    before = po_path.read_bytes()
    data = _export(project, "seeds/article.md")
    schema_file = SCHEMAS / "xliff-core-1.2-strict.xsd"
    text = schema_file.read_text("utf-8").replace(
        "http://www.w3.org/2001/xml.xsd", (SCHEMAS / "xml.xsd").as_uri()
    )
    schema = etree.XMLSchema(etree.fromstring(text.encode(), base_url=str(SCHEMAS) + "/"))
    assert schema.validate(etree.fromstring(data)), schema.error_log
    tagged = [u for u in _units(data).values() if u.find(f"{X}source").find(f"{X}g") is not None]
    assert tagged and all(u.find(f"{X}target").find(f"{X}g") is not None for u in tagged)
    assert "&lt;1&gt;" not in data.decode("utf-8")
    l10n_ok("xliff", "import", str(project / "out.xlf"))
    assert po_path.read_bytes() == before
    unit = tagged[0]
    ET.register_namespace("", NS)
    tree = ET.parse(project / "out.xlf")
    mine = next(u for u in tree.iter(f"{X}trans-unit") if u.get("id") == unit.get("id"))
    target = mine.find(f"{X}target")
    target.find(f"{X}g").text = "Edited words"
    tree.write(project / "out.xlf", encoding="utf-8", xml_declaration=True)
    l10n_ok("xliff", "import", str(project / "out.xlf"))
    entries = {e.msgid: e for e in polib.pofile(str(po_path))}
    source = "".join(
        [unit.find(f"{X}source").text or ""]
        + [
            f"<{g.get('id')}>{g.text or ''}</{g.get('id')}>{g.tail or ''}"
            for g in unit.find(f"{X}source")
        ]
    )
    assert "<1>Edited words</1>" in entries[source].msgstr
