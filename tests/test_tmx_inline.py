"""Placeholders in TMX: written as TMX 1.4 inline elements (<bpt>/<ept>, <ph>), valid
against the TMX 1.4 DTD (tests/data/tmx/tmx14.dtd), read back as they were; and TMX
from other tools with <bpt>/<ept>/<ph>/<it>/<ut>/<hi> read as placeholders
(tests/data/tmx/cases.json)."""

from __future__ import annotations

import json
import re
import shutil

import polib
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from l10n.placeholders import nesting_problem, placeholders
from l10n.tm.store import Unit
from l10n.tm.tmx import read_tmx, write_tmx

from .conftest import DATA, l10n_ok

TMX = DATA / "tmx"
PLACEHOLDER = re.compile(r"</?\d+/?>")
CASES = json.loads((TMX / "cases.json").read_text("utf-8"))
MARKUP = DATA / "markup"
TRANSLATIONS = json.loads((MARKUP / "translations.json").read_text("utf-8"))


def _valid(data: bytes) -> None:
    from lxml import etree

    dtd = etree.DTD(str(TMX / "tmx14.dtd"))
    document = etree.fromstring(data)
    assert dtd.validate(document), dtd.error_log.filter_from_errors()


@pytest.mark.parametrize("case", CASES, ids=[c["file"] for c in CASES])
def test_tmx_of_other_tools_gives_placeholders(case):
    data = (TMX / case["file"]).read_bytes()
    _valid(data)
    units = read_tmx(data, case["file"], "zh-Hant")
    assert [[u.source, u.target, u.target_language] for u in units] == case["units"]


def test_the_edition_tmx_has_typed_inline_elements_and_reads_back(project):
    shutil.copy(MARKUP / "article.html", project / "seeds" / "article.html")
    l10n_ok("extract", "seeds/article.html")
    path = project / "locales" / "en" / "LC_MESSAGES" / "article.po"
    catalog = polib.pofile(str(path))
    for entry in catalog:
        entry.msgstr = TRANSLATIONS[entry.msgid]
    catalog.save(str(path))
    l10n_ok("build", "seeds/article.html", "--format", "tmx")
    data = (project / "dist" / "article.en.tmx").read_bytes()
    _valid(data)
    text = data.decode("utf-8")
    assert (
        '<bpt i="1" x="1" type="link">&lt;1&gt;</bpt>成都市政府<ept i="1">&lt;/1&gt;</ept>' in text
    )
    assert '<ph x="1" type="x-code">&lt;1/&gt;</ph>' in text
    assert '<ph x="2" type="lb">&lt;2/&gt;</ph>' in text
    assert re.search(r"<seg>[^<]*&lt;\d", text) is None  # no placeholder left as text
    pairs = {(u.source, u.target) for u in read_tmx(data, "article.en.tmx", "zh-Hant")}
    tagged = {(e.msgid, e.msgstr) for e in catalog if "<1" in e.msgid}
    assert len(tagged) >= 5 and tagged <= pairs


TAGGED = st.lists(
    st.sampled_from(["今天", "天氣", " ", "&", "<", "<1>", "</1>", "<2/>", "<3>", "</3>", "<9"]),
    max_size=12,
).map("".join)


@settings(max_examples=500, deadline=None)
@given(TAGGED, TAGGED)
def test_the_memory_export_reads_back_as_it_was(source, target):
    if not source.strip() or not target.strip():
        return
    unit = Unit(source, target, "zh-Hant", "en", "tm/x.tmx", 1)
    data = write_tmx([unit], "zh-Hant").encode("utf-8")
    _valid(data)
    expected = source
    if not _codes(target) and _codes(source):  # a translation without codes: text alone
        expected = PLACEHOLDER.sub("", source)
    again = read_tmx(data, "x.tmx", "zh-Hant")
    assert [(u.source, u.target) for u in again] == (
        [(expected, target)] if expected.strip() else []
    )


def _codes(text: str) -> bool:
    """Whether l10n writes the text's placeholders as inline elements (they nest, each
    once)."""
    tags = placeholders(text)
    return bool(tags) and max(tags.values()) == 1 and nesting_problem(text) is None
