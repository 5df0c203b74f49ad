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
