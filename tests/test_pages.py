"""Block structure of real-looking news pages against case files in tests/data/pages/.

Each case gives the lines of a page (and, optionally, a `[tool.l10n]` table), the kinds of
its blocks and the segments extracted for translators. The seed article's kinds and
segments are recorded in seed-snapshot.json and must not change.
"""

from __future__ import annotations

import json
import re

import pytest

from l10n.document import render
from l10n.segment import StructureRules, parse
from l10n.segment.rules import BUILTIN_BOILERPLATE
from l10n.settings import from_table, load

from .conftest import DATA, ROOT, SEED

PAGES = DATA / "pages"
SNAPSHOT = PAGES / "seed-snapshot.json"


def _load(path) -> list[dict]:
    cases = json.loads(path.read_text(encoding="utf-8"))
    return [dict(case, file=path.stem) for case in cases]


CASES = [case for path in sorted(PAGES.glob("*.json")) if path != SNAPSHOT for case in _load(path)]


def _text(case: dict) -> str:
    return "".join(line + "\n" for line in case["lines"])


def _parse(case: dict):
    rules = from_table(case.get("settings", {}), ROOT).rules
    return parse(_text(case), case["id"], rules)


def test_case_ids_are_unique():
    ids = [case["id"] for case in CASES]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("case", CASES, ids=[f"{c['file']}-{c['id']}" for c in CASES])
def test_page_case(case):
    document = _parse(case)
    assert render(document) == _text(case)
    assert [block.kind.value for block in document.blocks] == case["kinds"]
    assert [segment.text for _, segment in document.segments()] == case["segments"]


def test_the_seed_keeps_its_kinds_and_segments():
    snapshot = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    document = parse(SEED.read_text(encoding="utf-8"), "seed", load(ROOT).rules)
    assert [[block.start, block.kind.value] for block in document.blocks] == snapshot["blocks"]
    assert [segment.text for _, segment in document.segments()] == snapshot["segments"]


def test_the_boilerplate_setting_extends_the_built_in_furniture():
    assert StructureRules().builtin_boilerplate == BUILTIN_BOILERPLATE
    structure = from_table({"boilerplate": ["^本站公告$"]}, ROOT).rules.structure
    assert structure.builtin_boilerplate == BUILTIN_BOILERPLATE
    assert structure.boilerplate == ("^本站公告$",)
    text = "本站公告\n跳到主要內容\n標題\n"
    kinds = [b.kind.value for b in parse(text, "doc", from_table({}, ROOT).rules).blocks]
    assert kinds == ["title", "boilerplate", "paragraph"]
    rules = from_table({"boilerplate": ["^本站公告$"]}, ROOT).rules
    assert [b.kind.value for b in parse(text, "doc", rules).blocks] == [
        "boilerplate",
        "boilerplate",
        "title",
    ]


def _blocks(case: dict) -> list[tuple[str, str]]:
    """(kind, trimmed text) of every block of the case."""
    return [(b.kind.value, b.text.strip()) for b in _parse(case).blocks]


def test_every_built_in_pattern_is_exercised_by_a_case():
    furniture = [text for case in CASES for kind, text in _blocks(case) if kind == "boilerplate"]
    for pattern in BUILTIN_BOILERPLATE:
        assert any(re.fullmatch(pattern, line) for line in furniture), pattern


def test_no_built_in_pattern_matches_a_line_of_content():
    content = [
        text
        for case in CASES
        for kind, text in _blocks(case)
        if kind not in ("boilerplate", "blank")
    ]
    seed = parse(SEED.read_text(encoding="utf-8"), "seed", load(ROOT).rules)
    content += [b.text.strip() for b in seed.blocks if b.kind.extracted]
    content += [s.text for _, s in seed.segments()]
    content += [text for case in CASES for text in case["segments"]]
    for pattern in BUILTIN_BOILERPLATE:
        assert not [line for line in content if re.fullmatch(pattern, line)], pattern
