"""Sentence segmentation against case files: the 46 public peer cases and our own per rule."""

from __future__ import annotations

import json

import pytest

from l10n.segment import SentenceRules, split_line

from .conftest import DATA

RULES = SentenceRules()


def _load(name: str) -> list[dict]:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


PUBLIC = _load("segmentation_cases_public.json")
OWN = _load("segmentation_cases.json")


def segments(text: str) -> list[str]:
    return [text[start:end] for start, end in split_line(text, RULES)]


def test_public_case_count():
    assert len(PUBLIC) == 46


@pytest.mark.parametrize("case", PUBLIC, ids=[c["id"] for c in PUBLIC])
def test_public_cases(case):
    assert segments(case["text"]) == case["expected_sentences"]


@pytest.mark.parametrize("case", OWN, ids=[f"{c['id']}-{c['rule']}" for c in OWN])
def test_own_cases(case):
    if case.get("xfail"):
        pytest.xfail(case["xfail"])
    assert segments(case["text"]) == case["expected"]


def test_every_rule_has_cases():
    assert {c["rule"] for c in OWN} == {f"R{n}" for n in range(1, 10)}
