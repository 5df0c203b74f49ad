"""Catalogs: template content, canonical text, msgmerge-style update, gettext validity."""

from __future__ import annotations

import polib
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from l10n.catalog import Header, build_template, dump_catalog, read_catalog, update
from l10n.errors import CatalogError
from l10n.segment import parse

from .conftest import SEED, msgfmt

HEADER = Header("test", "zh-Hant", "t2s")
DATE = "2026-01-01 00:00+0000"


def template_of(text: str, name: str = "doc.txt") -> polib.POFile:
    return build_template(parse(text, name), HEADER, DATE)


def test_template_entries_follow_the_document():
    text = "標題\n\n第一句。第二句。\n\n第一句。\n"
    template = template_of(text)
    assert [e.msgid for e in template] == ["標題", "第一句。", "第二句。"]
    repeated = template[1]
    assert repeated.occurrences == [("doc.txt", "3"), ("doc.txt", "5")]
    assert repeated.comment.splitlines()[0].startswith("paragraph ")
    assert len(repeated.comment.splitlines()) == 2
    assert all(not e.msgctxt for e in template)


def test_header_fields():
    meta = template_of("標題\n").metadata
    assert meta["Content-Type"] == "text/plain; charset=UTF-8"
    assert meta["X-Source-Language"] == "zh-Hant"
    assert meta["X-OpenCC-Config"] == "t2s"
    assert meta["Plural-Forms"].startswith("nplurals=2")


def test_seed_template_and_catalog_pass_msgfmt_check(tmp_path):
    template = template_of(SEED.read_text(encoding="utf-8"), "seeds/seed.txt")
    catalog = update(None, template)
    catalog.metadata["Language"] = "en"
    path = tmp_path / "en.po"
    path.write_text(dump_catalog(catalog), encoding="utf-8")
    result = msgfmt("--check", "-o", tmp_path / "en.mo", path)
    assert result.returncode == 0, result.stderr


def test_update_keeps_translations_and_obsoletes_removed_sources():
    old = update(None, template_of("甲。乙。丙。\n"))
    for entry in old:
        entry.msgstr = f"T({entry.msgid})"
    old[0].tcomment = "checked by a translator"
    new = update(old, template_of("甲。丙。會議還通報了近期全省治安形勢。\n"))
    live = {e.msgid: e for e in new if not e.obsolete}
    assert live["甲。"].msgstr == "T(甲。)" and live["甲。"].tcomment == "checked by a translator"
    assert live["會議還通報了近期全省治安形勢。"].msgstr == ""
    assert [e.msgid for e in new if e.obsolete] == ["乙。"]
    revived = update(new, template_of("甲。乙。\n"))
    assert {e.msgid: e.msgstr for e in revived if not e.obsolete}["乙。"] == "T(乙。)"


def test_update_changed_source_is_fuzzy_with_previous_msgid():
    old = update(None, template_of("全省公安機關要堅持以人民為中心的發展思想。\n"))
    old[0].msgstr = "Police must put people first."
    new = update(old, template_of("全省公安機關要始終堅持以人民為中心的發展思想。\n"))
    (entry,) = [e for e in new if not e.obsolete]
    assert entry.fuzzy and entry.msgstr == "Police must put people first."
    assert entry.previous_msgid == "全省公安機關要堅持以人民為中心的發展思想。"
    assert not [e for e in new if e.obsolete]
    plain = update(
        old, template_of("全省公安機關要始終堅持以人民為中心的發展思想。\n"), fuzzy_matching=False
    )
    assert [e.msgstr for e in plain if not e.obsolete] == [""]


def test_update_with_same_template_changes_nothing():
    template = template_of(SEED.read_text(encoding="utf-8"))
    first = update(None, template)
    assert dump_catalog(update(first, template)) == dump_catalog(first)


# Any character, the str.splitlines() separators (U+2028, U+0085, form feed…) included.
CHARS = st.characters(codec="utf-8")
TEXT = st.text(CHARS, min_size=1, max_size=30)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(TEXT, st.text(CHARS, max_size=30), st.booleans()),
        max_size=8,
        unique_by=lambda t: t[0],
    )
)
def test_read_write_round_trip(entries):
    catalog = update(None, template_of("標題\n"))
    for msgid, msgstr, fuzzy in entries:
        if msgid == "標題":
            continue
        catalog.append(polib.POEntry(msgid=msgid, msgstr=msgstr, flags=["fuzzy"] if fuzzy else []))
    text = dump_catalog(catalog)
    again = read_catalog(text, "x.po")
    assert [(e.msgid, e.msgstr, e.fuzzy) for e in again] == [
        (e.msgid, e.msgstr, e.fuzzy) for e in catalog
    ]
    assert dump_catalog(again) == text


def test_malformed_catalog_names_file_and_line():
    text = 'msgid ""\nmsgstr ""\n\nmsgid "a"\nmsgstr "b\n'
    with pytest.raises(CatalogError, match=r"^bad\.po:\d+: "):
        read_catalog(text, "bad.po")


@pytest.mark.parametrize(
    "bad",
    ['msgid "a"\nmsgstr "b\n', 'msgid "a"\nmsgstr b\n', 'msgid "a"\nmsgtr "b"\n'],
)
def test_typos_are_reported_not_misread(bad):
    text = 'msgid ""\nmsgstr ""\n"Language: en\\n"\n\n' + bad
    with pytest.raises(CatalogError, match=r"^bad\.po:6: "):
        read_catalog(text, "bad.po")


def test_translation_with_a_line_separator_round_trips():
    catalog = update(None, template_of("標題\n"))
    catalog[0].msgstr = "Title\u2028second\x85line\x0c"
    catalog[0].tcomment = "checked\u2029by the desk"
    again = read_catalog(dump_catalog(catalog), "x.po")[0]
    assert again.msgstr == "Title\u2028second\x85line\x0c"
    assert again.tcomment == "checked\u2029by the desk"


def test_line_separators_survive_msgfmt(tmp_path):
    catalog = update(None, template_of("標題\n"))
    catalog[0].msgstr = "Title\u2028second line"
    path = tmp_path / "x.po"
    path.write_text(dump_catalog(catalog), encoding="utf-8")
    result = msgfmt("--check", "-o", tmp_path / "x.mo", path)
    assert result.returncode == 0, result.stderr
    assert "Title\u2028second line".encode() in (tmp_path / "x.mo").read_bytes()
