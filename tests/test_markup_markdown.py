"""Markdown cases (tests/data/markup/markdown_cases.json): the segments, the round trip,
and the document written back with each attribute segment (an alt text, a title)
translated as `T:` + its text and every other segment as itself."""

from __future__ import annotations

import json

import pytest

from l10n.document import render
from l10n.readers import markdown
from l10n.render.source import translated

from .conftest import DATA

CASES = json.loads((DATA / "markup" / "markdown_cases.json").read_text("utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_markdown_cases(case):
    document = markdown.parse(case["markdown"], "case.md")
    assert render(document) == case["markdown"]
    found = [[str(block.kind), segment.text] for block, segment in document.segments()]
    assert found == case["segments"]
    own = {s.id: f"T:{s.text}" if s.markup.attribute else s.text for _, s in document.segments()}
    assert translated(document, own, "en") == case["translated"]
