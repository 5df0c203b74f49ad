"""Placeholders around machine translation (l10n/mt/tags.py): the engine reads text
without tags and the tags go back into its output (tests/data/mt_tags.json); whatever
the engine writes, the result passes the `placeholders` check (a property); and end to
end, with the in-memory engine and with a real Argos package, the engine never sees a
tag and every machine translation keeps the source's tags."""

from __future__ import annotations

import json
import re

import polib
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from l10n.checks.parity import check_placeholders
from l10n.mt import Translation
from l10n.mt.tags import parse, restore, translate_tagged

from .conftest import DATA, l10n, l10n_ok

CASES = json.loads((DATA / "mt_tags.json").read_text("utf-8"))
TAG = re.compile(r"</?\d+/?>")
MARKUP = DATA / "markup"


@pytest.mark.parametrize("case", CASES, ids=[c["why"][:40] for c in CASES])
def test_tags_go_back_where_the_translation_has_their_text(case):
    tagged = parse(case["source"])
    assert sorted(set(tagged.inner())) == sorted(case["inner"])
    assert TAG.search(tagged.plain) is None
    result = restore(tagged, case["output"], case["inner"])
    assert result == case["expected"]
    assert check_placeholders(case["source"], result) == []


@st.composite
def tagged_sources(draw, depth=0):
    """A run of text with balanced, numbered tags (numbered in order afterwards)."""
    pieces = []
    for _ in range(draw(st.integers(0, 4))):
        choice = draw(st.integers(0, 3 if depth < 3 else 1))
        if choice == 0:
            pieces.append(
                draw(st.sampled_from(["今天", "天氣", "很好", "。", "，", "A&B", " ", "OpenCC"]))
            )
        elif choice == 1:
            pieces.append("<V/>")
        else:
            pieces.append("<P>" + draw(tagged_sources(depth + 1)) + "</P>")
    text = "".join(pieces)
    if depth:
        return text
    counter = iter(range(1, 100))
    stack: list[int] = []

    def number(match: re.Match) -> str:
        tag = match.group()
        if tag == "<V/>":
            return f"<{next(counter)}/>"
        if tag == "<P>":
            stack.append(next(counter))
            return f"<{stack[-1]}>"
        return f"</{stack.pop()}>"

    return re.sub(r"<V/>|<P>|</P>", number, text)


@settings(max_examples=300, deadline=None)
@given(
    tagged_sources(),
    st.text(alphabet=st.sampled_from("ab c.,<>/12 Good"), max_size=40),
    st.text(alphabet=st.sampled_from("ab c.<1>"), max_size=12),
)
def test_whatever_the_engine_writes_the_tags_pass_the_check(source, output, inner_output):
    tagged = parse(source)
    if tagged is None:
        assert TAG.search(source) is None
        return
    inner = {text: inner_output for text in tagged.inner()}
    result = restore(tagged, output, inner)
    assert check_placeholders(source, result) == [], (source, output, result)
    # the engine's words are all there, in its order: only tags (and a space) were added
    assert TAG.sub("", result).replace(" ", "") == TAG.sub("", output).replace(" ", "")


class _Recorder:
    provenance, limits = "recorder", ""

    def __init__(self) -> None:
        self.batches: list[list[str]] = []

    def translate(self, texts, progress=None):
        self.batches.append(list(texts))
        return [Translation(f"[{text}]", limit=7 if "long" in text else None) for text in texts]


def test_the_engine_reads_no_tags_and_plain_batches_are_unchanged():
    engine = _Recorder()
    plain = ["今天天氣很好。", "long text", "今天天氣很好。!"]
    assert [t.text for t in translate_tagged(engine, plain, None)] == [f"[{t}]" for t in plain]
    assert engine.batches == [plain]
    texts = ["<1>今天</1>天氣很好。", "今天天氣很好。", "long <1/>", "<1/>"]
    results = translate_tagged(engine, texts, None)
    sent = engine.batches[-1]
    assert not any(TAG.search(text) for text in sent)
    assert sent == ["今天天氣很好。", "long ", "今天"]  # each text once, then the spans alone
    assert [r.text for r in results] == [
        "[<1>今天</1>天氣很好。]",
        "[今天天氣很好。]",
        "[long ]<1/>",
        "<1/>",
    ]
    assert results[2].limit == 7  # what the engine said of its output is kept


def _translated_catalog(project, name: str) -> list[polib.POEntry]:
    (project / "seeds" / name).write_bytes((MARKUP / name).read_bytes())
    l10n_ok("extract", f"seeds/{name}")
    result = l10n("translate", f"seeds/{name}")
    assert result.exit_code == 0, result.stderr
    path = project / "locales" / "en" / "LC_MESSAGES" / f"{name.rsplit('.', 1)[0]}.po"
    return [e for e in polib.pofile(str(path)) if e.msgid and not e.obsolete]


@pytest.mark.parametrize("name", ["article.md", "article.html"])
def test_the_fake_engine_gets_no_tags_and_its_output_keeps_them(fake_engine, name):
    from . import fake_engine as engine

    entries = _translated_catalog(fake_engine, name)
    sent = [text for batch in engine.BATCHES for text in batch]
    assert sent and not any(TAG.search(text) for text in sent)
    tagged = [e for e in entries if TAG.search(e.msgid)]
    assert len(tagged) >= 5
    assert all(e.msgstr and check_placeholders(e.msgid, e.msgstr) == [] for e in tagged)
    result = l10n("check", f"seeds/{name}", "--select", "placeholders")
    assert result.exit_code == 0, result.stdout


@pytest.mark.slow
def test_a_real_argos_package_keeps_every_tag(project, packages, package_file):
    l10n_ok("models", "install", str(package_file))
    entries = _translated_catalog(project, "article.html")
    tagged = [e for e in entries if TAG.search(e.msgid)]
    assert len(tagged) >= 5 and all(e.msgstr for e in tagged)
    assert all(check_placeholders(e.msgid, e.msgstr) == [] for e in tagged)
    result = l10n("check", "seeds/article.html", "--select", "placeholders")
    assert result.exit_code == 0, result.stdout
