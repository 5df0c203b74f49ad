"""Fuzzy matching on update: the same proposals as GNU `msgmerge --previous`, on generated
catalogs with edits, checked against the real tool."""

from __future__ import annotations

import random
import shutil
import subprocess
from pathlib import Path

import polib
import pytest

from l10n.catalog import dump_catalog, read_catalog, update
from l10n.catalog.fuzzy import proposals
from l10n.segment import parse

from .conftest import SEED

HEADER = {"Content-Type": "text/plain; charset=UTF-8", "Language": "en"}
SMALL = "公安機關會議省市"  # a small alphabet: many candidates, many ties


def msgmerge(old: Path, template: Path, out: Path) -> None:
    if shutil.which("msgmerge") is None:
        pytest.fail("GNU gettext (msgmerge) is required: apt-get install gettext")
    command = ["msgmerge", "--previous", "--quiet", "-o", out, old, template]
    result = subprocess.run([str(c) for c in command], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def seed_sentences() -> list[str]:
    document = parse(SEED.read_text(encoding="utf-8"), "seed")
    return list(dict.fromkeys(s.text for _, s in document.segments()))


def edited(text: str, rng: random.Random, alphabet: str) -> str:
    """A text with a few characters replaced, inserted or deleted."""
    chars = list(text)
    for _ in range(rng.choice((1, 1, 2, 3, 6))):
        at = rng.randrange(len(chars) + 1)
        what = rng.random()
        if what < 0.4 and at < len(chars):
            chars[at] = rng.choice(alphabet)
        elif what < 0.7 or len(chars) < 2:
            chars.insert(at, rng.choice(alphabet))
        elif at < len(chars):
            del chars[at]
    return "".join(chars) or text


def catalogs(seed: int) -> tuple[polib.POFile, polib.POFile]:
    """An old catalog (reviewed, machine and obsolete entries) and a new template: sources
    kept, edited, dropped, new; seed sentences, short ones and small-alphabet ones."""
    rng = random.Random(seed)
    sentences = seed_sentences()
    alphabet = "".join(sorted(set("".join(sentences))))
    small = ["".join(rng.choice(SMALL) for _ in range(rng.randint(1, 9))) for _ in range(40)]
    short = [s for s in sentences if len(s) <= 6] + [rng.choice(alphabet) + "。" for _ in range(6)]
    sources = list(dict.fromkeys(rng.sample(sentences, min(30, len(sentences))) + small + short))
    old = polib.POFile(wrapwidth=0, check_for_duplicates=False)
    old.metadata = dict(HEADER)
    for number, source in enumerate(sources):
        entry = polib.POEntry(msgid=source, msgstr=f"T{number}")
        if rng.random() < 0.3:
            entry.flags = ["fuzzy"]
        entry.obsolete = rng.random() < 0.15
        old.append(entry)
    new_sources = []
    for source in sources:
        kind = rng.random()
        if kind < 0.4:
            new_sources.append(source)
        elif kind < 0.85:
            new_sources.append(edited(source, rng, SMALL if source in small else alphabet))
        if rng.random() < 0.05:
            new_sources.append(rng.choice(sentences))
    template = polib.POFile(wrapwidth=0, check_for_duplicates=False)
    template.metadata = {**HEADER, "Language": ""}
    for source in dict.fromkeys(new_sources):
        template.append(polib.POEntry(msgid=source))
    return old, template


def states(catalog: polib.POFile, fuzzy_old: set[str]) -> dict:
    """(msgid, obsolete) → msgstr, fuzzy and previous msgid; the previous msgid only where
    the entry proposed was not fuzzy (msgmerge then keeps that entry's own)."""
    return {
        (e.msgid, e.obsolete): (
            e.msgstr,
            e.fuzzy,
            e.previous_msgid if e.msgstr not in fuzzy_old else None,
        )
        for e in catalog
        if e.msgid
    }


@pytest.mark.parametrize("seed", range(12))
def test_update_proposes_what_msgmerge_proposes(tmp_path, seed):
    old, template = catalogs(seed)
    old_path, pot_path, out = tmp_path / "old.po", tmp_path / "new.pot", tmp_path / "out.po"
    old_path.write_text(dump_catalog(old), encoding="utf-8")
    pot_path.write_text(dump_catalog(template), encoding="utf-8")
    msgmerge(old_path, pot_path, out)
    ours = update(
        read_catalog(old_path.read_text("utf-8"), "old.po"),
        read_catalog(pot_path.read_text("utf-8"), "new.pot"),
    )
    fuzzy_old = {e.msgstr for e in old if e.fuzzy}
    theirs = states(polib.pofile(str(out), wrapwidth=0), fuzzy_old)
    assert states(ours, fuzzy_old) == theirs
    carried = [v for (_, obsolete), v in theirs.items() if not obsolete and v[0] and v[1]]
    assert carried  # the seed gives changed sources with proposals, not only exact matches


def test_similarity_is_of_the_utf8_bytes_and_ties_go_to_the_most_shared_grams():
    reviewed = [polib.POEntry(msgid=m, msgstr=m) for m in ("丙。", "公安機關省議", "安安機關會議")]
    found = proposals(["丁。", "公安機關會議"], reviewed)
    # 丁 and 丙 differ only in their last UTF-8 byte: 10 of 12 bytes in common
    assert found["丁。"].msgid == "丙。"
    # both are 16/18 similar; the later shares two of the source's 4-grams, the other one
    assert found["公安機關會議"].msgid == "安安機關會議"  # as msgmerge 0.21 chooses


def test_no_proposal_without_a_shared_4_gram_or_below_the_threshold():
    reviewed = [polib.POEntry(msgid="公安機會關議", msgstr="x")]  # no 4-gram of the source
    assert proposals(["公安機關會議"], reviewed) == {}
    untranslated = [polib.POEntry(msgid="公安機關會議省", msgstr="")]
    assert proposals(["公安機關會議"], untranslated) == {}
    far = [polib.POEntry(msgid="公安機關" + "市" * 30, msgstr="x")]
    assert proposals(["公安機關會議"], far) == {}


def test_sources_of_many_distinct_characters_are_matched_in_groups(monkeypatch):
    old, template = catalogs(3)
    sources = [entry.msgid for entry in template]
    whole = proposals(sources, list(old))
    monkeypatch.setattr("l10n.catalog.fuzzy._NO_CHAR", 300)  # groups of < 300 characters
    grouped = proposals(sources, list(old))
    assert {s: e.msgid for s, e in grouped.items()} == {s: e.msgid for s, e in whole.items()}
    assert len(whole) > 10
