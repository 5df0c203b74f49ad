"""Fault 13: bidirectional controls. `l10n check` reports them (`bidi-control`); the HTML
edition keeps each in its own segment (tests/test_render.py and tests/test_browser.py)."""

from __future__ import annotations

import json

import polib
import pytest

from l10n.checks import CHECKS, Context
from l10n.checks.findings import Severity

from .conftest import PO, l10n

RLO = "\u202e"
CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"


def run(source: str, translation: str) -> list[str]:
    return CHECKS["bidi-control"].run(source, translation, Context({}))


def test_bidi_control_is_an_error():
    assert CHECKS["bidi-control"].severity is Severity.ERROR


@pytest.mark.parametrize("control", CONTROLS)
def test_every_control_the_source_lacks_is_reported_by_name(control):
    import unicodedata

    name = f"U+{ord(control):04X} {unicodedata.name(control)}"
    messages = run("市長說。", f"The mayor {control}said.")
    assert messages and all(control not in m for m in messages)  # named, never embedded
    assert name in " ".join(messages)


@pytest.mark.parametrize(
    "text, unpaired",
    [
        ("\u202ba\u202c", []),
        ("\u2067a\u2069", []),
        ("\u2067a\u202bb\u202cc\u2069", []),
        ("\u202b\u2067a\u2069\u202c", []),
        ("\u202ea", ["U+202E"]),  # an override never ended
        ("a\u202c", ["U+202C"]),  # a PDF that ends nothing
        ("a\u2069", ["U+2069"]),  # a PDI that ends nothing
        ("\u2067a\u202bb\u2069", ["U+202B"]),  # the PDI ends the isolate, the RLE left open
        ("\u2067a\u202c\u2069", ["U+202C"]),  # a PDF cannot end an embedding outside its isolate
        ("\u202ba\u2069\u202c", ["U+2069"]),  # a PDI with no isolate open
        ("\u202ba\nb\u202c", ["U+202B", "U+202C"]),  # a paragraph ends every embedding
        ("\u202e\u202e", ["U+202E"]),  # one message, with its count
    ],
)
def test_pairs_are_matched_as_the_bidi_algorithm_matches_them(text, unpaired):
    messages = run(f"他說{text}。", f"He said {text}.")
    for where in ("the source", "the translation"):
        found = [m.split()[1] for m in messages if m.startswith("unpaired") and where in m]
        assert found == unpaired, where
    assert not [m for m in messages if not m.startswith("unpaired")]  # same controls as source
    if text == "\u202e\u202e":
        assert messages[-1].endswith("(2 times)")


def test_check_reports_an_override_in_a_catalog_and_the_flag_silences_it(project):
    assert l10n("extract").exit_code == 0
    catalog = polib.pofile(str(project / PO))
    for entry in catalog:
        entry.msgstr = "Translated sentence about the conference."
    catalog[2].msgstr = f"The police {RLO}conference opened."
    catalog.save()
    line = polib.pofile(str(project / PO))[2].linenum

    result = l10n("check", "--format", "json", "--select", "bidi-control")
    assert result.exit_code == 1
    findings = json.loads(result.stdout)["findings"]
    assert [(f["code"], f["severity"], f["line"]) for f in findings] == [
        ("bidi-control", "error", line)
    ]
    assert "U+202E RIGHT-TO-LEFT OVERRIDE" in findings[0]["message"]
    text = l10n("check", "--select", "bidi-control")
    assert "U+202E RIGHT-TO-LEFT OVERRIDE" in text.stdout and RLO not in text.stdout

    catalog = polib.pofile(str(project / PO))
    catalog[2].flags.append("l10n-ignore:bidi-control")
    catalog.save()
    assert l10n("check", "--select", "bidi-control").exit_code == 0
