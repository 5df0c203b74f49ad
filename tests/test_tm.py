"""The translation memory: reviewed sentences found again, before machine translation."""

from __future__ import annotations

import json
import os
import re
import shutil
from dataclasses import replace

import polib
import pytest

from l10n.settings import Settings
from l10n.tm.database import open_store
from l10n.tm.keys import key
from l10n.tm.match import lookup
from l10n.tm.store import Unit
from l10n.tm.tmx import read_tmx, write_tmx

from .conftest import PO, ROOT, l10n, l10n_ok, snapshot

VERBATIM = [
    "副省長、公安廳黨委書記、廳長葉寒冰出席會議並講話。",
    "四川省公安廳黨委副書記、常務副廳長張穎主持會議。",
]
NUMBERS_CHANGED = (
    "會上,四川省公安廳對2019年度市(州)公安工作成效突出單位進行了表彰。",
    "會上,四川省公安廳對2021年度市(州)公安工作成效突出單位進行了表彰。",
)
REWORDED = "副省長葉寒冰出席會議並作重要講話。"
NEW = "成都市公安局通報了今年第一季度的治安情況。"
SECOND = "全省公安工作會議召開\n\n" + "".join([*VERBATIM, NUMBERS_CHANGED[1], REWORDED, NEW]) + "\n"
SECOND_PO = PO.parent / "second.po"


@pytest.fixture
def two_articles(project):
    """The seed with its reviewed catalog, and a second article that reuses its sentences."""
    shutil.copytree(ROOT / "locales", project / "locales")
    (project / "seeds" / "second.txt").write_text(SECOND, encoding="utf-8")
    l10n_ok("extract")
    return project


def _entries(project, path=SECOND_PO) -> dict[str, polib.POEntry]:
    return {e.msgid: e for e in polib.pofile(str(project / path)) if e.msgid and not e.obsolete}


def test_the_memory_fills_what_was_reviewed_before_and_nothing_else(two_articles, packages):
    reviewed = {e.msgid: e.msgstr for e in polib.pofile(str(two_articles / PO)) if e.msgid}
    seed_before = (two_articles / PO).read_bytes()
    result = l10n("translate")
    assert result.exit_code == 2  # no model for what the memory could not fill
    assert "no zh→en (or zt→en) Argos package" in result.stderr
    assert "3 segments of en left untranslated" in result.stderr  # title, reworded, new
    entries = _entries(two_articles)
    for text in VERBATIM:
        assert entries[text].msgstr == reviewed[text] and entries[text].fuzzy
        assert "# l10n: tm: exact 100% (locales/en/LC_MESSAGES/" in str(entries[text])
    changed = entries[NUMBERS_CHANGED[1]]
    assert changed.msgstr == reviewed[NUMBERS_CHANGED[0]] and changed.fuzzy
    assert (
        "tm: fuzzy 9" in changed.tcomment
        and "numbers differ: the source has 2021" in changed.tcomment
    )
    for text in (REWORDED, NEW, "全省公安工作會議召開"):
        assert entries[text].msgstr == ""
    assert (two_articles / PO).read_bytes() == seed_before  # reviewed work untouched
    stats = json.loads(l10n_ok("stats", "--format", "json").stdout)["catalogs"]
    second = next(c for c in stats if c["path"].endswith("second.po"))
    assert second["tm"]["entries"] == 3 and second["untranslated"]["entries"] == 3


def test_with_a_model_the_engine_gets_only_what_the_memory_left(two_articles, fake_engine):
    from . import fake_engine as engine

    result = l10n_ok("translate")
    assert engine.BATCHES == [["全省公安工作會議召開", REWORDED, NEW]]
    assert "en: translated 3 of 6 segments (3 entries) with the translation memory" in result.stdout
    entries = _entries(two_articles)
    assert all(e.msgstr for e in entries.values())
    before = snapshot(two_articles / "locales")
    again = l10n_ok("translate")
    assert "nothing to translate" in again.stdout
    assert snapshot(two_articles / "locales") == before
    assert engine.BATCHES == [["全省公安工作會議召開", REWORDED, NEW]]


def test_a_simplified_tmx_unit_serves_a_traditional_source(project):
    tm = project / "tm"
    tm.mkdir()
    unit = Unit(
        "会议强调，要坚持稳中求进工作总基调。",
        "The meeting stressed steady progress.",
        "zh-CN",
        "en-US",
        "x.tmx",
        1,
    )
    (tm / "archive.tmx").write_text(write_tmx([unit], "zh-CN"), encoding="utf-8")
    (project / "seeds" / "second.txt").write_text(
        "標題\n\n會議強調,要堅持穩中求進工作總基調。\n", encoding="utf-8"
    )
    l10n_ok("extract")
    l10n("translate")  # no model: the memory still fills what it can
    entry = _entries(project, PO.parent / "second.po")["會議強調,要堅持穩中求進工作總基調。"]
    assert entry.msgstr == "The meeting stressed steady progress." and entry.fuzzy
    assert "tm: exact 99% (tm/archive.tmx:1)" in entry.tcomment


def test_keys_fold_width_punctuation_space_and_script():
    assert key("會議強調,要加強。") == key("会议强调，要加强．") == key("会议 强调，要加强.")
    assert key("2019年") != key("2021年")


def test_tmx_written_by_another_tool_is_read(tmp_path):
    data = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="OmegaT" segtype="sentence" adminlang="en"
 srclang="zh-TW" datatype="plaintext" o-tmf="OmegaT TMX" creationtoolversion="6"/>
<body>
<tu><tuv xml:lang="zh-TW">
<seg>會議<bpt i="1">&lt;b&gt;</bpt>召開<ept i="1">&lt;/b&gt;</ept>。</seg></tuv>
<tuv xml:lang="EN-US"><seg>The meeting was held.</seg></tuv></tu>
<tu><tuv lang="zh-TW"><seg></seg></tuv><tuv lang="en"><seg>Empty source</seg></tuv></tu>
</body></tmx>""".encode()
    units = read_tmx(data, "omegat.tmx", "zh-Hant")
    assert [(u.source, u.target, u.target_language, u.line) for u in units] == [
        ("會議召開。", "The meeting was held.", "EN-US", 1)
    ]


def test_lookup_ranks_exact_then_fuzzy_and_respects_the_threshold(tmp_path):
    units = [
        Unit("會議強調,要堅持穩中求進工作總基調。", "A", "zh-Hant", "en", "a.po", 10),
        Unit("會議強調,要堅持穩中求進的工作總基調。", "B", "zh-Hant", "en", "a.po", 20),
        Unit("完全不同的一句話。", "C", "zh-Hant", "en", "a.po", 30),
        Unit("會議強調,要堅持穩中求進工作總基調。", "D", "zh-Hant", "fr", "b.po", 5),
    ]
    with open_store(tmp_path / "tm.sqlite") as store:
        store.replace_file("a.po", "1", units)
        matches = lookup(store, "會議強調,要堅持穩中求進工作總基調。", "en", threshold=75)
        assert [(m.unit.target, m.kind, m.score) for m in matches][:2] == [
            ("A", "exact", 100),
            ("B", "fuzzy", 97),
        ]
        assert all(m.unit.target != "C" for m in matches)
        assert lookup(store, "完全是另一回事。", "en", threshold=75) == []


def test_deleting_the_index_and_rebuilding_gives_the_same_lookups(two_articles):
    settings = Settings(root=two_articles)
    from l10n.tm.index import index_path, update

    def answers():
        with open_store(index_path(settings)) as store:
            update(store, settings)
            return [
                [(m.unit.origin, m.score) for m in lookup(store, text, "en")]
                for text in (*VERBATIM, NUMBERS_CHANGED[1], REWORDED)
            ]

    first = answers()
    index_path(settings).unlink()
    assert answers() == first


def test_the_index_reads_its_files_again_only_for_settings_that_shape_units(two_articles):
    """Other languages, or another source language, change the units a TMX file gives: every
    file is read again then, and its units give the memory a new generation only if they
    changed. A source language of the same primary tag reads nothing again (zh-Hans and
    zh-Hant sources are told by the catalogs' headers); neither does a rebuilt index, whose
    generation starts again under an identity of its own."""
    from l10n.tm.index import index_path, update

    settings = Settings(root=two_articles)
    with open_store(index_path(settings)) as store:
        first = update(store, settings)
        generation, identity = store.generation(), store.identity()
        assert first.read and update(store, settings).read == ()
        assert update(store, replace(settings, source_language="zh-Hans")).read == ()
        assert update(store, replace(settings, languages=("en", "fr"))).read == first.read
        assert store.generation() == generation  # the same units
        assert update(store, replace(settings, languages=("en", "fr"))).read == ()
    index_path(settings).unlink()
    with open_store(index_path(settings)) as store:
        update(store, settings)
        assert store.generation() == generation and store.identity() != identity


def test_a_truth_file_edited_with_its_old_time_put_back_is_read_again(two_articles):
    """An edit of the same size whose old modification time is put back (`touch -r`,
    `cp -p`) still changes the file's change time: the index reads it again."""
    from l10n.tm.index import index_path, update

    settings = Settings(root=two_articles)
    catalog = two_articles / PO
    with open_store(index_path(settings)) as store:
        update(store, settings)
        before = catalog.stat()
        po = polib.pofile(str(catalog), wrapwidth=0)
        entry = next(e for e in po if e.msgid and e.msgstr and len(e.msgstr) > 4)
        entry.msgstr = entry.msgstr[::-1]  # the same bytes, in another order
        po.save()
        os.utime(catalog, ns=(before.st_atime_ns, before.st_mtime_ns))
        assert catalog.stat().st_size == before.st_size
        assert update(store, settings).read == (str(PO),)


def test_tm_commands_import_export_lookup_stats(project, tmp_path):
    shutil.copytree(ROOT / "locales", project / "locales")
    outside = tmp_path / "archive.tmx"
    unit = Unit(
        "成都市公安局通報了今年第一季度的治安情況。",
        "Chengdu police reported.",
        "zh-Hant",
        "en",
        "x",
        1,
    )
    outside.write_text(write_tmx([unit], "zh-Hant"), encoding="utf-8")
    imported = l10n_ok("tm", "import", str(outside))
    assert imported.stdout.startswith("tm/archive.tmx: 1 units; the memory holds 33 into en")
    assert (project / "tm" / "archive.tmx").read_bytes() == outside.read_bytes()
    found = json.loads(l10n_ok("tm", "lookup", NEW, "--json").stdout)
    assert found[0] == {
        "score": 100,
        "kind": "exact",
        "source": NEW,
        "target": "Chengdu police reported.",
        "origin": "tm/archive.tmx:1",
        "note": "",
    }
    exported = project / "all.tmx"
    assert l10n_ok("tm", "export", str(exported)).stdout == f"{exported}: 33 units\n"
    again = read_tmx(exported.read_bytes(), "all.tmx", "zh-Hant")
    assert len(again) == 33 and {u.target for u in again} >= {"Chengdu police reported."}
    assert "en: 33 units" in l10n_ok("tm", "stats").stdout
    bad = tmp_path / "bad.tmx"
    bad.write_text("<tmx><body>", encoding="utf-8")
    result = l10n("tm", "import", str(bad))
    assert result.exit_code == 2 and result.stderr.startswith(
        "l10n: error: bad.tmx: not a TMX file"
    )


def test_a_dry_run_says_what_the_memory_would_fill_and_what_would_be_sent(two_articles):
    before = snapshot(two_articles / "locales")
    result = l10n_ok("translate", "--dry-run", "seeds/second.txt")
    memory = "the translation memory (32 reviewed units into en) would fill 3 segments"
    assert f"en: {memory}, {sum(map(len, [*VERBATIM, NUMBERS_CHANGED[1]]))} characters" in (
        result.stdout
    )
    rest = ["全省公安工作會議召開", REWORDED, NEW]
    assert f"en: would send 3 segments, {sum(map(len, rest))} characters" in result.stdout
    assert snapshot(two_articles / "locales") == before


def test_stats_matches_puts_each_segment_in_the_band_of_its_best_match(two_articles):
    result = json.loads(l10n_ok("stats", "--matches", "--format", "json").stdout)["matches"]
    second = next(c for c in result["catalogs"] if c["path"].endswith("second.po"))
    assert second["exact"]["segments"] == 2  # the verbatim sentences, from the seed's catalog
    assert second["95-99"]["segments"] == 1  # the one whose numbers changed
    assert sum(second[band]["segments"] for band in result["bands"]) == 6
    seed = next(c for c in result["catalogs"] if c["path"].endswith(PO.name))
    assert seed["exact"]["segments"] == 0  # a catalog's own work is no match for it
    assert seed["repetitions"]["segments"] == 2  # the two sentences already counted
    table = l10n_ok("stats", "--matches").stdout
    assert "repetitions" in table and "no match" in table


def test_context_matches_between_the_same_neighbours_and_accept_context(two_articles):
    seed = (ROOT / "seeds" / "sichuan-police-conference-2020.txt").read_text("utf-8")
    block = [line for line in seed.splitlines() if "鍛造新鐵軍" in line or "進行了表彰" in line]
    (two_articles / "seeds" / "third.txt").write_text(
        "轉載：全省公安局處長會議\n\n" + "\n\n".join(block) + "\n", encoding="utf-8"
    )
    l10n_ok("extract")
    l10n("translate", "--accept-context", "seeds/third.txt")  # no model: the memory only
    entries = _entries(two_articles, PO.parent / "third.po")
    middle = (
        entries["要加強正規化建設,確保風清氣正,抓好監督管理,抓好正風肅紀,抓好從嚴治警。"]
        if ("要加強正規化建設,確保風清氣正,抓好監督管理,抓好正風肅紀,抓好從嚴治警。" in entries)
        else next(e for t, e in entries.items() if t.startswith("要加強正規化建設"))
    )
    assert "tm: context 100%" in middle.tcomment and not middle.fuzzy  # accepted as reviewed
    first = entries["——建強隊伍,鍛造新鐵軍。"]  # after another title: the same text, not context
    assert "tm: exact 100%" in first.tcomment and first.fuzzy
    stats = json.loads(l10n_ok("stats", "--format", "json", "seeds/third.txt").stdout)["total"]
    assert stats["reviewed"]["entries"] >= 4 and stats["tm"]["entries"] >= 1


@pytest.mark.slow
def test_with_the_real_engine_it_translates_only_what_the_memory_left(
    two_articles, packages, package_file
):
    l10n_ok("models", "install", str(package_file))
    seed_before = (two_articles / PO).read_bytes()
    result = l10n_ok("translate")
    assert "en: translated 3 of 6 segments (3 entries) with the translation memory" in result.stdout
    assert "en: translated 3 segments (3 entries) with argos translate-zh_en" in result.stdout
    entries = _entries(two_articles)
    for text in (*VERBATIM, NUMBERS_CHANGED[1]):
        assert (
            "tm: " in entries[text].tcomment and "machine translation" not in entries[text].tcomment
        )
    for text in (REWORDED, NEW, "全省公安工作會議召開"):
        assert entries[text].msgstr and "machine translation: argos" in entries[text].tcomment
    assert (two_articles / PO).read_bytes() == seed_before
    before = snapshot(two_articles / "locales")
    assert "nothing to translate" in l10n_ok("translate").stdout
    assert snapshot(two_articles / "locales") == before


def test_stats_matches_counts_context_matches(two_articles):
    seed = (ROOT / "seeds" / "sichuan-police-conference-2020.txt").read_text("utf-8")
    block = [line for line in seed.splitlines() if "鍛造新鐵軍" in line]
    (two_articles / "seeds" / "third.txt").write_text(
        "轉載\n\n" + "\n\n".join(block) + "\n", encoding="utf-8"
    )
    l10n_ok("extract")
    analysis = l10n_ok("stats", "--matches", "--format", "json", "seeds/third.txt").stdout
    third = json.loads(analysis)["matches"]["catalogs"][0]
    assert third["context"]["segments"] == 3  # the block's inner sentences
    assert third["exact"]["segments"] == 2  # its first and last, beside other text here


def test_tm_commands_refuse_what_they_cannot_do_and_leave_nothing_behind(project, tmp_path):
    outside = tmp_path / "x.tmx"
    unit = Unit("成都市公安局通報了情況。", "Chengdu police reported.", "zh-Hant", "en", "x", 1)
    outside.write_text(write_tmx([unit], "zh-Hant"), encoding="utf-8")
    pyproject = project / "pyproject.toml"
    text = pyproject.read_text("utf-8")
    pyproject.write_text(text.replace("[tool.l10n]\n", "[tool.l10n]\ntm = []\n", 1), "utf-8")
    before = snapshot(project)
    result = l10n("tm", "import", str(outside))
    assert result.exit_code == 2 and "would not be named by [tool.l10n] tm" in result.stderr
    assert snapshot(project) == before  # nothing copied
    pyproject.write_text(text.replace("[tool.l10n]\n", '[tool.l10n]\ntm = ["mem/**/*.tmx"]\n', 1))
    assert l10n_ok("tm", "import", str(outside)).stdout.startswith("mem/x.tmx: 1 units")
    (project / "folder").mkdir()
    result = l10n("tm", "export", str(project / "folder"))
    assert result.exit_code == 2 and "is a folder" in result.stderr
    result = l10n("tm", "lookup", "會議", "--lang", "fr")
    assert (
        result.exit_code == 2 and "language 'fr' is not in [tool.l10n] languages" in result.stderr
    )


def test_copies_of_memory_units_are_not_units_of_their_own(two_articles):
    pyproject = two_articles / "pyproject.toml"
    text = pyproject.read_text("utf-8").replace(
        "[tool.l10n]\n", "[tool.l10n]\ntm-accept-context = true\n", 1
    )
    pyproject.write_text(text, encoding="utf-8")
    seed = (ROOT / "seeds" / "sichuan-police-conference-2020.txt").read_text("utf-8")
    (two_articles / "seeds" / "copy.txt").write_text(seed, encoding="utf-8")
    l10n_ok("extract")
    l10n("translate")  # context matches accepted as reviewed in copy.po
    copy = _entries(two_articles, PO.parent / "copy.po")
    assert sum(1 for e in copy.values() if e.msgstr and not e.fuzzy) > 20
    found = json.loads(l10n_ok("tm", "lookup", VERBATIM[0], "--json", "-n", "5").stdout)
    assert found[0]["origin"].startswith(f"{PO.as_posix()}:")  # the reviewed original
    assert not any("copy.po" in match["origin"] for match in found)


def test_a_dry_run_with_the_memory_alone_mentions_no_engine(two_articles):
    pyproject = two_articles / "pyproject.toml"
    text = pyproject.read_text("utf-8").replace(
        "[tool.l10n]\n", '[tool.l10n]\nproviders = ["tm"]\n', 1
    )
    pyproject.write_text(text, encoding="utf-8")
    result = l10n_ok("translate", "--dry-run", "seeds/second.txt")
    assert "would fill 3 segments" in result.stdout and "would send" not in result.stdout


def test_translate_toolkit_reads_the_exported_tmx_with_the_same_pairs(two_articles, tmp_path):
    from translate.storage import tmx

    out = tmp_path / "all.tmx"
    l10n_ok("tm", "export", str(out))
    store = tmx.tmxfile.parsestring(out.read_bytes())
    pairs = {(u.source, u.target) for u in store.units}
    reviewed = {
        (e.msgid, e.msgstr)
        for e in polib.pofile(str(two_articles / PO))
        if e.msgid and e.translated()
    }
    assert pairs == reviewed and len(pairs) > 20


def test_a_catalog_without_translations_is_told_from_its_bytes(tmp_path):
    """Such catalogs are not parsed for the memory; any translation, wrapped or plural, is."""
    from l10n.tm.index import without_translations

    header = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    empty = header + 'msgid "會議召開。"\nmsgstr ""\n\n#~ msgid "舊"\n#~ msgstr "Old"\n'
    assert without_translations(empty.encode())
    filled = header + 'msgid "會議召開。"\nmsgstr "The meeting opened."\n'
    wrapped = header + 'msgid "會議召開。"\nmsgstr ""\n"The meeting "\n"opened."\n'
    plural = header + 'msgid "一"\nmsgid_plural "多"\nmsgstr[0] ""\nmsgstr[1] "many"\n'
    headless = 'msgid "會議召開。"\nmsgstr "The meeting opened."\n'
    for text in (filled, wrapped, plural, headless):
        assert not without_translations(text.encode())
    seed = (ROOT / "locales/en/LC_MESSAGES/sichuan-police-conference-2020.po").read_bytes()
    assert not without_translations(seed)


MEMORY_ARTICLES = {
    "a": "第一篇\n\n成都市公安局通報了今年第一季度的治安情況。\n",
    "b": "第二篇\n\n全省公安機關深入推進掃黑除惡專項鬥爭。\n",
    "c": "第三篇\n\n群眾安全感達到百分之九十五。\n",
}


def _memory_project(project, sentence: str, target: str = "The memory's translation.") -> None:
    """Small articles, and a TMX memory of one zh-TW → en-US unit for `sentence`."""
    for path in (project / "seeds").glob("*.txt"):
        path.unlink()
    for name, text in MEMORY_ARTICLES.items():
        (project / "seeds" / f"{name}.txt").write_text(text, encoding="utf-8")
    _write_memory(project, sentence, target)


def _write_memory(project, sentence: str, target: str = "The memory's translation.") -> None:
    (project / "tm").mkdir(exist_ok=True)
    unit = Unit(sentence, target, "zh-TW", "en-US", "mem.tmx", 1)
    (project / "tm" / "mem.tmx").write_text(write_tmx([unit], "zh-TW"), encoding="utf-8")


def _set(project, name: str, value: str) -> None:
    pyproject = project / "pyproject.toml"
    text = pyproject.read_text("utf-8")
    line = next(line for line in text.splitlines() if line.startswith(f"{name} = "))
    pyproject.write_text(text.replace(line, f"{name} = {value}", 1), encoding="utf-8")


def _outputs_from_scratch(project, tmp_path_factory) -> dict[str, bytes]:
    """The catalogs and editions of a copy of the project without its `.l10n` folder (no
    state, no index), after `l10n run` there."""
    scratch = tmp_path_factory.mktemp("scratch") / "project"
    shutil.copytree(project, scratch, ignore=shutil.ignore_patterns(".l10n"))
    here = os.getcwd()
    os.chdir(scratch)
    try:
        l10n_ok("run")
    finally:
        os.chdir(here)
    return _run_outputs(scratch)


def _run_outputs(folder) -> dict[str, bytes]:
    dates = re.compile(rb'"(POT-Creation-Date|PO-Revision-Date): [^"]*"')
    return {
        name: dates.sub(rb'"\1: -"', data)
        for name, data in snapshot(folder).items()
        if name.startswith(("locales/", "dist/"))
    }


@pytest.mark.parametrize(
    ("setting", "before", "after"),
    [("languages", '["fr"]', '["fr", "en"]'), ("source-language", '"ja"', '"zh-Hant"')],
)
def test_the_memory_is_read_again_when_the_settings_that_shape_its_units_change(
    project, packages, tmp_path_factory, setting, before, after
):
    """A TMX unit into en-US serves `en` once `en` is a language of the project, and a zh-TW
    unit serves a Chinese source once Chinese is the source language: the files the memory
    read before are read again, as a run from scratch reads them."""
    sentence = "全省公安機關深入推進掃黑除惡專項鬥爭。"
    _memory_project(project, sentence)
    _set(project, setting, before)
    l10n_ok("run")
    _set(project, setting, after)
    l10n_ok("run")
    entry = _entries(project, PO.parent / "b.po")[sentence]
    assert entry.msgstr == "The memory's translation." and "tm: exact 100%" in entry.tcomment
    assert _run_outputs(project) == _outputs_from_scratch(project, tmp_path_factory)


def test_a_rebuilt_index_is_not_taken_for_the_one_it_replaces(project, packages, tmp_path_factory):
    """Deleting the index (as its error message says to) and changing the memory: the new
    index holds as many units as the old one and has changed as often, and its answers are
    still offered to the catalogs the old one had nothing for."""
    a, b = "成都市公安局通報了今年第一季度的治安情況。", "群眾安全感達到百分之九十五。"
    _memory_project(project, a)
    l10n_ok("run")
    assert _entries(project, PO.parent / "a.po")[a].msgstr == "The memory's translation."
    _write_memory(project, b)
    (project / ".l10n" / "tm.sqlite").unlink()
    l10n_ok("run")
    entry = _entries(project, PO.parent / "c.po")[b]
    assert entry.msgstr == "The memory's translation." and "tm: exact 100%" in entry.tcomment
    assert _run_outputs(project) == _outputs_from_scratch(project, tmp_path_factory)
