"""Sentence alignment: the English splitter, the aligner on the hand-made gold set, the
scorer, and the seed's reviewed catalog aligned back to itself."""

from __future__ import annotations

import json
import shutil
import statistics
from pathlib import Path

import polib
import pytest

from l10n.align import align, costs
from l10n.align.english import paragraphs, sentences_of
from l10n.align.scoring import indexed, score
from l10n.segment import parse
from l10n.settings import load
from l10n.stages.align import source_units
from l10n.stages.check import glossary

from .conftest import DATA, PO, ROOT, SEED, l10n, l10n_ok

GOLD = DATA / "align"
ARTICLES = sorted(p.name for p in GOLD.iterdir())
SETTINGS = load(ROOT)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "Mr. Li met Dr. Wang at No. 5 Main St. on Monday. They talked for 3.5 hours.",
            ["Mr. Li met Dr. Wang at No. 5 Main St. on Monday.", "They talked for 3.5 hours."],
        ),
        (
            "The U.S. Senate met. The U.S. economy grew 2.5% in 2019. It was the best year.",
            [
                "The U.S. Senate met.",
                "The U.S. economy grew 2.5% in 2019.",
                "It was the best year.",
            ],
        ),
        (
            'He said: "We will win." Then he left. "Why?" she asked. J. F. Kennedy agreed.',
            [
                'He said: "We will win."',
                "Then he left.",
                '"Why?" she asked.',
                "J. F. Kennedy agreed.",
            ],
        ),
        ("Trade with the U.S. The rest followed.", ["Trade with the U.S.", "The rest followed."]),
        ("It ended at 5 p.m. every day.", ["It ended at 5 p.m. every day."]),
        ("It ended at 5 p.m. The guests left.", ["It ended at 5 p.m.", "The guests left."]),
        (
            "He chaired the meeting. (Zou Erge)",
            ["He chaired the meeting.", "(Zou Erge)"],
        ),
        (
            "“Really?” he asked. “Yes!” She smiled.",
            ["“Really?” he asked.", "“Yes!”", "She smiled."],
        ),
        ("U.S. Envoy Meets Dr. Li in Beijing", ["U.S. Envoy Meets Dr. Li in Beijing"]),
        ("Huawei Technologies Co. Ltd. said so.", ["Huawei Technologies Co. Ltd. said so."]),
    ],
)
def test_english_sentences(line, expected):
    assert sentences_of(line) == expected


def test_english_paragraphs_titles_and_wrapped_lines():
    text = (
        "Title of the Story\n\nBy Li Wei\nBEIJING, March 3 -- The first paragraph is long and\n"
        "wraps over two lines. Its second sentence.\n\n\nLast one.\n"
    )
    assert paragraphs(text) == (
        ("Title of the Story",),
        (
            "By Li Wei",
            "BEIJING, March 3 -- The first paragraph is long and wraps over two lines.",
            "Its second sentence.",
        ),
        ("Last one.",),
    )
    assert paragraphs("One line.\nAnother line. Two.\n") == (
        ("One line.",),
        ("Another line.", "Two."),
    )


def _gold(name: str):
    folder = GOLD / name
    document = parse((folder / "source.txt").read_text("utf-8"), name, SETTINGS.rules)
    source, optional = source_units(document)
    target = paragraphs((folder / "translation.txt").read_text("utf-8"))
    beads = json.loads((folder / "gold.json").read_text("utf-8"))["beads"]
    return source, optional, target, beads


@pytest.mark.parametrize("name", ARTICLES)
def test_gold_set_is_made_of_our_units_and_has_every_kind_of_bead(name):
    source, _, target, beads = _gold(name)
    assert [s for b in beads for s in b["source"]] == [s for p in source for s in p]
    assert [t for b in beads for t in b["target"]] == [t for p in target for t in p]
    shapes = {(len(b["source"]), len(b["target"])) for b in beads}
    assert {(1, 1), (2, 1), (1, 2), (1, 0), (0, 1)} <= shapes


def _aligned(name: str):
    source, optional, target, beads = _gold(name)
    alignment = align(source, target, glossary(SETTINGS), optional)
    test = [(b.source, b.target) for b in alignment.beads]
    return indexed((b["source"], b["target"]) for b in beads), test, alignment


@pytest.mark.parametrize("name", ARTICLES)
def test_each_gold_article_aligns(name):
    gold, test, alignment = _aligned(name)
    result = score([(gold, test)])
    assert result.f1_strict >= 0.95 and result.f1_lax >= 0.99, (name, result)
    assert alignment.foreign() is None


def test_gold_set_overall_meets_the_goal():
    result = score([_aligned(name)[:2] for name in ARTICLES])
    assert result.f1_strict >= 0.95
    assert result.f1_lax >= 0.99


def test_a_translation_of_another_article_is_told_apart():
    for name in ARTICLES:
        for other in ARTICLES:
            source, optional, _, _ = _gold(name)
            target = _gold(other)[2]
            reason = align(source, target, {}, optional).foreign()
            assert (reason is None) == (name == other), (name, other, reason)


def test_scorer_follows_bertalign_strict_and_lax():
    gold = [((0,), (0,)), ((1, 2), (1,)), ((3,), ()), ((4,), (2, 3))]
    assert score([(gold, gold)]).f1_strict == 1.0
    test = [((0,), (0,)), ((1,), (1,)), ((2,), ()), ((3,), ()), ((4,), (2,)), ((), (3,))]
    result = score([(gold, test)])
    # precision: 6 test beads, 2 exact; lax: (1)-(1) and (4)-(2) overlap gold, (2)-() and
    # ()-(3) do not. Recall over gold pairs only (3): 1 exact, 3 lax.
    assert result.precision_strict == pytest.approx(2 / 6)
    assert result.precision_lax == pytest.approx(4 / 6)
    assert result.recall_strict == pytest.approx(1 / 3)
    assert result.recall_lax == pytest.approx(3 / 3)


def test_length_model_is_calibrated_on_the_reviewed_catalog():
    pairs = [
        (costs.chinese_length(e.msgid), len(e.msgstr))
        for e in polib.pofile(str(ROOT / PO))
        if e.msgid and e.msgstr and not e.fuzzy
    ]
    ratio = sum(t for _, t in pairs) / sum(s for s, _ in pairs)
    assert ratio == pytest.approx(costs.RATIO, abs=0.05)
    variance = statistics.mean((t - ratio * s) ** 2 / s for s, t in pairs)
    assert variance == pytest.approx(costs.VARIANCE, abs=0.5)


def _seed_round_trip() -> tuple[list[list[str]], list[list[str]], list]:
    """The seed's catalog as an English article: three pairs of sentences merged into one,
    two sentences split in two at a semicolon; and the beads that must come back."""
    catalog = {e.msgid: e.msgstr for e in polib.pofile(str(ROOT / PO)) if e.msgid}
    document = parse(SEED.read_text("utf-8"), "seed", SETTINGS.rules)
    source, _ = source_units(document)
    merge, split = {4, 18, 29}, {11, 23}  # merge: with the next segment; split: at a "; "
    target, expected, k = [], [], 0
    for paragraph in source:
        sentences: list[str] = []
        for text in paragraph:
            english = catalog[text]
            if k - 1 in merge:
                sentences[-1] = sentences[-1][:-1] + "; " + english[0].lower() + english[1:]
                expected[-1] = ((k - 1, k), expected[-1][1])
            elif k in split:
                first, rest = english.split("; ", 1)
                sentences += [first + ".", rest[0].upper() + rest[1:]]
                expected.append(((k,), ("split", 2)))
            else:
                sentences.append(english)
                expected.append(((k,), ("one", 1)))
            k += 1
        target.append(sentences)
    beads, j = [], 0
    for sources, (_, count) in expected:
        beads.append((sources, tuple(range(j, j + count))))
        j += count
    return source, target, beads


def test_seed_catalog_joined_into_an_article_aligns_back_to_its_pairs():
    source, target, expected = _seed_round_trip()
    shapes = {(len(s), len(t)) for s, t in expected}
    assert {(2, 1), (1, 2), (1, 1)} <= shapes
    english = "\n\n".join(" ".join(p) for p in target)
    alignment = align(source, paragraphs(english), glossary(SETTINGS))
    assert [(b.source, b.target) for b in alignment.beads] == expected
    catalog = {e.msgid: e.msgstr for e in polib.pofile(str(ROOT / PO)) if e.msgid}
    for bead in alignment.beads:
        texts, english_sentences = alignment.texts(bead)
        if len(texts) == len(english_sentences) == 1:
            assert english_sentences == [catalog[texts[0]]]


def test_a_long_untranslated_stretch_is_found_outside_the_first_band():
    """Four articles in one, the second (32 segments) left untranslated: the path leaves
    the first band, which is widened until it holds."""
    source, target, optional, gold, offset = [], [], [], [], (0, 0)
    for name in ("jiangbei-trade", "sichuan-police", "tainan-canal", "sodium-battery"):
        paragraphs_of, flags, english, beads = _gold(name)
        source += paragraphs_of
        optional += flags
        if name == "sichuan-police":
            beads = [{"source": b["source"], "target": []} for b in beads if b["source"]]
            beads = [{"source": [t], "target": []} for b in beads for t in b["source"]]
        else:
            target += english
        for sources, targets in indexed((b["source"], b["target"]) for b in beads):
            gold.append(
                (tuple(i + offset[0] for i in sources), tuple(j + offset[1] for j in targets))
            )
        offset = (
            offset[0] + sum(map(len, paragraphs_of)),
            offset[1] + sum(len(b["target"]) for b in beads),
        )
    alignment = align(source, target, {}, optional)
    found = [(b.source, b.target) for b in alignment.beads]
    assert score([(gold, found)]).f1_lax >= 0.85
    skipped = [b.source[0] for b in alignment.beads if not b.target]
    assert set(range(15, 15 + 32)) <= set(skipped)


def test_empty_sides():
    alignment = align([], [["One sentence."]])
    assert [(b.source, b.target) for b in alignment.beads] == [((), (0,))]
    assert Path(__file__).exists()


def test_a_draft_translation_decides_what_lengths_leave_open():
    source = [["甲乙丙丁戊己庚辛壬癸。", "子丑寅卯辰巳午未申酉。", "東南西北春夏秋冬金木。"]]
    target = [
        [
            "The harbour ferry timetable changes on Monday and the pier reopens soon after.",
            "The city museum opens an exhibition of bronze mirrors this week for everyone.",
        ]
    ]
    drafts = ["harbour ferry timetable", "pier reopens", "museum exhibition bronze mirrors"]
    with_drafts = align(source, target, {}, (), drafts)
    assert [(b.source, b.target) for b in with_drafts.beads] == [((0, 1), (0,)), ((2,), (1,))]
    drafts = ["harbour ferry timetable", "museum exhibition", "bronze mirrors for everyone"]
    other = align(source, target, {}, (), drafts)
    assert [(b.source, b.target) for b in other.beads] == [((0,), (0,)), ((1, 2), (1,))]


def test_align_asks_an_engine_for_drafts_when_one_has_a_model(fake_engine):
    from . import fake_engine as engine_module

    shutil.copy(GOLD / "tainan-canal" / "source.txt", fake_engine / "seeds" / "tainan.txt")
    shutil.copy(GOLD / "tainan-canal" / "translation.txt", fake_engine / "tainan.en.txt")
    result = l10n_ok("align", "seeds/tainan.txt", "tainan.en.txt")
    beads = json.loads(result.stdout)["beads"]
    gold = json.loads((GOLD / "tainan-canal" / "gold.json").read_text("utf-8"))["beads"]
    assert [(b["source"], b["target"]) for b in beads] == [(g["source"], g["target"]) for g in gold]
    asked = [text for batch in engine_module.BATCHES for text in batch]
    assert asked == [text for b in gold for text in b["source"]]
    engine_module.BATCHES.clear()
    l10n_ok("align", "seeds/tainan.txt", "tainan.en.txt", "--no-mt")
    assert engine_module.BATCHES == []


def test_mt_asked_for_without_a_model_is_one_line(project):
    (project / "seeds" / "short.txt").write_text("標題\n\n會議召開。\n", encoding="utf-8")
    (project / "short.en.txt").write_text("Title\n\nThe meeting was held.\n", encoding="utf-8")
    result = l10n("align", "seeds/short.txt", "short.en.txt", "--mt")
    assert result.exit_code == 2 and result.stderr.startswith("l10n: error: --mt: ")
    assert result.stderr.count("\n") == 1
