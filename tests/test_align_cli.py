"""`l10n align` on the command line: JSON and TMX output, bad input, another article."""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET

import pytest

from .conftest import DATA, l10n, l10n_ok

GOLD = DATA / "align"


@pytest.fixture
def article(project):
    """The Tainan gold article as a source of the project, and its translation beside it."""
    shutil.copy(GOLD / "tainan-canal" / "source.txt", project / "seeds" / "tainan.txt")
    shutil.copy(GOLD / "tainan-canal" / "translation.txt", project / "tainan.en.txt")
    return project


def test_json_has_every_unit_once_in_order(article):
    result = l10n_ok("align", "seeds/tainan.txt", "tainan.en.txt")
    beads = json.loads(result.stdout)["beads"]
    gold = json.loads((GOLD / "tainan-canal" / "gold.json").read_text("utf-8"))["beads"]
    assert [(b["source"], b["target"]) for b in beads] == [(g["source"], g["target"]) for g in gold]
    assert all(0 <= b["score"] <= 1 for b in beads)
    assert {"source", "target", "score"} <= set(beads[0]) <= {"source", "target", "score", "low"}
    low = [n for n, b in enumerate(beads, start=1) if b.get("low")]
    assert len(result.stderr.splitlines()) == len(low)
    assert all(f"bead {n} " in result.stderr for n in low)


def test_tmx_has_one_unit_per_pairing_bead(article):
    result = l10n_ok(
        "align", "seeds/tainan.txt", "tainan.en.txt", "--format", "tmx", "-o", "out.tmx"
    )
    assert result.stdout.startswith("out.tmx: ")
    root = ET.parse(article / "out.tmx").getroot()
    assert root.tag == "tmx" and root.get("version") == "1.4"
    units = root.findall("body/tu")
    assert len(units) == 11  # 13 beads, less the 0-1 and the 1-0
    seg = [tuv.find("seg").text for tuv in units[2].findall("tuv")]
    assert seg == [
        "活動為期45天,共有超過60組樂團參與演出。主辦單位預估將吸引20萬人次參觀,帶來約3億元商機。",
        "Over 45 days more than 60 bands will perform, and the organisers expect 200,000 visits"
        " bringing about NT$300 million in business.",
    ]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "is empty"),
        (b"\x00\x01binary\x00", "is a binary file"),
        (
            "台南運河將於暑假舉辦水上音樂節。".encode(),
            "is not English: 100% of its letters are Chinese",
        ),
        ("The caf\u00e9 opened.".encode("cp1252"), "is not UTF-8 text"),
    ],
)
def test_bad_translations_are_one_line_and_exit_2(article, data, message):
    (article / "bad.txt").write_bytes(data)
    result = l10n("align", "seeds/tainan.txt", "bad.txt", "-o", "out.json")
    assert result.exit_code == 2
    assert message in result.stderr and len(result.stderr.splitlines()) == 1
    assert result.stdout == "" and not (article / "out.json").exists()


def test_a_translation_of_another_article_exits_1_unless_forced(article):
    shutil.copy(GOLD / "sodium-battery" / "translation.txt", article / "other.txt")
    result = l10n("align", "seeds/tainan.txt", "other.txt", "-o", "out.json")
    assert result.exit_code == 1
    assert "does not look like a translation of seeds/tainan.txt" in result.stderr
    assert not (article / "out.json").exists()
    forced = l10n("align", "seeds/tainan.txt", "other.txt", "--force")
    assert forced.exit_code == 0 and json.loads(forced.stdout)["beads"]


def test_unknown_format_is_a_usage_error(article):
    result = l10n("align", "seeds/tainan.txt", "tainan.en.txt", "--format", "xml")
    assert result.exit_code == 2 and "unknown --format 'xml'" in result.stderr


def _catalog(project):
    import polib

    path = project / "locales" / "en" / "LC_MESSAGES" / "tainan.po"
    return {e.msgid: e for e in polib.pofile(str(path)) if e.msgid and not e.obsolete}


def _gold():
    return json.loads((GOLD / "tainan-canal" / "gold.json").read_text("utf-8"))["beads"]


def test_po_fills_the_catalog_and_joins_a_two_to_one_bead(article):
    from l10n.catalog.status import EntryStatus, status

    l10n_ok("extract", "seeds/tainan.txt")
    result = l10n_ok("align", "seeds/tainan.txt", "tainan.en.txt", "--format", "po")
    pairing = [b for b in _gold() if b["source"] and b["target"]]
    merged = [b for b in pairing if len(b["source"]) == 2]
    assert merged, "the gold article has a 2-1 bead"
    assert f"{len(pairing)} entries filled from tainan.en.txt (0 reviewed)" in result.stdout
    entries = _catalog(article)
    for bead in pairing:
        first = entries[bead["source"][0]]
        assert first.msgstr == " ".join(bead["target"]) and first.fuzzy
        assert status(first) is EntryStatus.ALIGNED and "l10n: aligned: score " in first.tcomment
        for text in bead["source"][1:]:
            assert status(entries[text]) is EntryStatus.JOINED and entries[text].msgstr == ""
    stats = json.loads(l10n_ok("stats", "--format", "json").stdout)["total"]
    assert stats["joined"]["entries"] == sum(len(b["source"]) - 1 for b in pairing)
    assert stats["untranslated"]["entries"] == len([b for b in _gold() if not b["target"]])
    l10n_ok("build", "--format", "json", "-o", "dist")
    edition = json.loads((article / "dist" / "tainan.en.json").read_text("utf-8"))
    pairs = [p for block in edition["blocks"] for p in block["segments"]]
    joined = [p for p in pairs if p["source"] == "".join(merged[0]["source"])]
    assert len(joined) == 1 and joined[0]["target"] == " ".join(merged[0]["target"])
    report = json.loads(l10n("check", "--format", "json").stdout)
    line = next(e.linenum for t, e in entries.items() if t == merged[0]["source"][1])
    assert not [f for f in report["findings"] if f["line"] == line]


def test_joins_survive_extraction_and_go_when_the_segment_before_changes(article):
    from l10n.catalog.status import EntryStatus, status

    l10n_ok("extract", "seeds/tainan.txt")
    l10n_ok("align", "seeds/tainan.txt", "tainan.en.txt", "--into-catalog")
    merged = next(b for b in _gold() if len(b["source"]) == 2 and b["target"])
    first, second = merged["source"]
    l10n_ok("extract", "seeds/tainan.txt")
    assert status(_catalog(article)[second]) is EntryStatus.JOINED
    source = article / "seeds" / "tainan.txt"
    source.write_text(
        source.read_text("utf-8").replace(first, first[:-1] + "，今年再創新高。"), "utf-8"
    )
    l10n_ok("extract", "seeds/tainan.txt")
    assert status(_catalog(article)[second]) is EntryStatus.UNTRANSLATED


def test_accept_marks_good_beads_reviewed_and_reviewed_entries_are_never_touched(article):
    l10n_ok("extract", "seeds/tainan.txt")
    import polib

    path = article / "locales" / "en" / "LC_MESSAGES" / "tainan.po"
    catalog = polib.pofile(str(path))
    mine = next(e for e in catalog if e.msgid and not e.obsolete)
    mine.msgstr = "A translator's own title."
    catalog.save()
    result = l10n_ok(
        "align", "seeds/tainan.txt", "tainan.en.txt", "--format", "po", "--accept", "0.5"
    )
    entries = _catalog(article)
    assert entries[mine.msgid].msgstr == "A translator's own title."
    assert "1 reviewed or edited entries left as they were" in result.stdout
    beads = json.loads(l10n_ok("align", "seeds/tainan.txt", "tainan.en.txt").stdout)["beads"]
    for bead in beads:
        if bead["source"] and bead["target"] and bead["source"][0] != mine.msgid:
            entry = entries[bead["source"][0]]
            assert entry.fuzzy == (bead["score"] < 0.5), bead


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--format", "po", "-o", "x.po"], "-o is for json and tmx"),
        (["--accept", "0.9"], "--accept and --lang are for --format po"),
        (["--format", "po", "--lang", "fr"], "language 'fr' is not in"),
    ],
)
def test_po_option_mistakes_are_one_line(article, args, says):
    l10n_ok("extract", "seeds/tainan.txt")
    result = l10n("align", "seeds/tainan.txt", "tainan.en.txt", *args)
    assert result.exit_code == 2 and says in result.stderr and result.stderr.count("\n") == 1


def test_po_needs_an_extracted_catalog(article):
    result = l10n("align", "seeds/tainan.txt", "tainan.en.txt", "--format", "po")
    assert result.exit_code == 2 and "run `l10n extract` first" in result.stderr


def test_translate_toolkit_reads_the_aligned_tmx(article):
    from translate.storage import tmx

    l10n_ok("align", "seeds/tainan.txt", "tainan.en.txt", "--format", "tmx", "-o", "out.tmx")
    store = tmx.tmxfile.parsestring((article / "out.tmx").read_bytes())
    pairing = [b for b in _gold() if b["source"] and b["target"]]
    assert [(u.source, u.target) for u in store.units] == [
        ("".join(b["source"]), " ".join(b["target"])) for b in pairing
    ]
