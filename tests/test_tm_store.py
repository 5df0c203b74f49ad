"""The memory's index: postings written in batches, merged and rebuilt, give the lookups a
fresh index gives; on a memory the postings budget covers, the best match is the best
there is; the character signatures follow the units and pick the closest neighbours."""

from __future__ import annotations

import random

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from l10n.tm import match as match_module
from l10n.tm import signatures as signatures_module
from l10n.tm import store as store_module
from l10n.tm.database import open_store
from l10n.tm.keys import key
from l10n.tm.match import lookup
from l10n.tm.signatures import SIGNATURE, closest, signature
from l10n.tm.store import Unit

CLAUSES = [
    "會議強調",
    "要堅持穩中求進工作總基調",
    "全省公安機關",
    "深入推進掃黑除惡專項鬥爭",
    "確保社會大局持續穩定",
    "成都市公安局表示",
    "刑事案件同比下降12.5%",
    "群眾安全感達到95.3%",
    "全力做好疫情防控工作",
    "維護國家政治安全",
]


def _sentences(rng: random.Random, count: int) -> list[str]:
    return [",".join(rng.sample(CLAUSES, rng.randint(1, 4))) + "。" for _ in range(count)]


def _units(name: str, sources: list[str]) -> list[Unit]:
    return [Unit(s, f"T{i}", "zh-Hant", "en", name, i) for i, s in enumerate(sources, 1)]


def _answers(path, queries):
    with open_store(path) as store:
        return [
            [(m.unit.origin, m.score, m.kind) for m in lookup(store, q, "en", limit=3)]
            for q in queries
        ]


def test_batches_merges_and_forgotten_files_give_the_lookups_of_a_fresh_index(
    tmp_path, monkeypatch
):
    monkeypatch.setattr(store_module, "PENDING_LIMIT", 7)  # a write every few units
    monkeypatch.setattr(store_module, "MAX_CHUNKS", 3)  # and merges
    rng = random.Random(5)
    files = {f"f{n}.po": _sentences(rng, 6) for n in range(12)}
    path = tmp_path / "grown.sqlite"
    for session in range(4):  # files added, replaced and forgotten over several sessions
        with open_store(path) as store:
            for name in list(files)[session * 3 : session * 3 + 6]:
                store.replace_file(name, str(session), _units(name, files[name]))
            if session == 2:
                store.forget_file("f0.po")
    with open_store(path) as store:
        kept = set(store.digests())
        stale = store._meta("stale")
        store.replace_file("f1.po", "again", _units("f1.po", files["f1.po"]))
        store.rebuild_postings()
        assert store._meta("stale") == 0
    assert stale > 0 and "f0.po" not in kept
    fresh = tmp_path / "fresh.sqlite"
    with open_store(fresh) as store:
        for name in sorted(kept):
            store.replace_file(name, "1", _units(name, files[name]))
    queries = _sentences(random.Random(9), 25)
    grown_answers = _answers(path, queries)
    assert grown_answers == _answers(fresh, queries)
    assert any(answer for answer in grown_answers)


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 10_000), st.integers(50, 95))
def test_on_a_small_memory_the_best_match_is_the_best_there_is(tmp_path_factory, seed, threshold):
    rng = random.Random(seed)
    sources = list(dict.fromkeys(_sentences(rng, 40)))
    query = _sentences(rng, 1)[0]
    path = tmp_path_factory.mktemp("tm") / "tm.sqlite"
    with open_store(path) as store:
        store.replace_file("a.po", "1", _units("a.po", sources))
        found = lookup(store, query, "en", threshold=threshold, limit=1)
    best = max((round(fuzz.ratio(key(query), key(s))) for s in sources), default=0)
    if best < threshold:
        assert found == []
    else:
        assert found and round(fuzz.ratio(key(query), found[0].unit.key)) == best


def test_signatures_follow_the_units_through_batches_forgetting_and_rebuilds(tmp_path, monkeypatch):
    monkeypatch.setattr(store_module, "PENDING_LIMIT", 7)  # a write every few units
    monkeypatch.setattr(signatures_module, "BLOCK", 4)  # many blocks, written again and again
    rng = random.Random(3)
    files = {f"f{n}.po": _sentences(rng, 5) for n in range(6)}
    path = tmp_path / "tm.sqlite"

    def check(store) -> None:
        table = store._signature_table()
        units = dict(store.db.execute("select id, key from units"))
        for unit_id, bits in enumerate(table):
            wanted = signature(units[unit_id]) if unit_id in units else bytes(16)
            assert bits.tobytes() == wanted, unit_id

    with open_store(path) as store:
        for name, sources in files.items():
            store.replace_file(name, "1", _units(name, sources))
        store.replace_file("f1.po", "2", _units("f1.po", files["f2.po"]))
        store.forget_file("f3.po")
        store.flush()
        check(store)
    with open_store(path) as store:
        check(store)
        store.rebuild_postings()
        check(store)


def test_of_many_units_sharing_the_rare_trigrams_the_closest_characters_are_read(
    tmp_path, monkeypatch
):
    monkeypatch.setattr(match_module, "CANDIDATES", 1)  # the one whose key is read
    query = "全省公安機關要堅持穩中求進工作總基調,確保社會大局持續穩定。"
    near = query.replace("持續", "")
    fillers = ("深入推進", "掃黑除惡", "疫情防控", "政治安全", "刑事案件", "同比下降")
    others = [query.replace("穩中求進", filler) for filler in fillers]
    with open_store(tmp_path / "tm.sqlite") as store:
        store.replace_file("a.po", "1", _units("a.po", [*others, near]))
        found = lookup(store, query, "en", threshold=50, limit=1)
    assert [m.unit.source for m in found] == [near]


def test_closest_signatures_have_the_most_characters_in_common():
    query = signature("會議強調要堅持")
    candidates = ["完全不同", "會議強調", "會議強調要堅持", "會議"]
    table = np.frombuffer(b"".join(map(signature, candidates)), SIGNATURE)
    assert [candidates[i] for i in closest(table, query, 3)] == [
        "會議強調要堅持",
        "會議強調",
        "會議",
    ]


def test_a_store_rewritten_in_order_after_a_large_session_gives_the_same_lookups(
    tmp_path, monkeypatch
):
    rng = random.Random(11)
    files = {f"f{n}.po": _sentences(rng, 8) for n in range(8)}
    queries = _sentences(random.Random(12), 15)
    answers = []
    for compact_min in (10**9, 1):
        monkeypatch.setattr(store_module, "COMPACT_MIN", compact_min)
        path = tmp_path / f"{compact_min}.sqlite"
        with open_store(path) as store:
            for name, sources in files.items():
                store.replace_file(name, "1", _units(name, sources))
            assert store.compacts() == (compact_min == 1)
        answers.append(_answers(path, queries))
    assert answers[0] == answers[1] and any(answers[0])
