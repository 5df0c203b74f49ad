"""`l10n translate --ray`: the engine on a real local Ray cluster gives the catalogs of a
local run; `--shard K/N` splits the articles into disjoint sets."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import polib
import pytest

from l10n.shard import Shard, parse_shard

from .conftest import L10N, PO, SEED, l10n, l10n_ok


def _entries(po: Path) -> list[tuple]:
    """A catalog's entries with everything a translation run writes (not the header's date)."""
    return [
        (e.msgid, e.msgstr, tuple(e.flags), e.tcomment, e.comment, e.obsolete)
        for e in polib.pofile(str(po))
    ]


@pytest.mark.slow
def test_translating_on_a_two_worker_ray_cluster_writes_the_local_catalogs(
    tmp_path, project, packages, package_file
):
    cluster_utils = pytest.importorskip("ray.cluster_utils", reason="ray is not installed")
    l10n_ok("models", "install", str(package_file))
    l10n_ok("extract")
    remote = tmp_path / "remote"
    shutil.copytree(project, remote, ignore=shutil.ignore_patterns("argos-packages", "remote"))
    l10n_ok("translate")  # here, in this process
    local = _entries(project / PO)
    assert all(msgstr for _, msgstr, *_ in local)

    # a head node with room for two workers: two actors, each with its own translator
    cluster = cluster_utils.Cluster(
        initialize_head=True, head_node_args={"num_cpus": 2, "include_dashboard": False}
    )
    try:
        done = subprocess.run(
            [L10N, "translate", "--ray", cluster.address],
            cwd=remote,
            env={**os.environ, "ARGOS_PACKAGES_DIR": str(packages)},
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    finally:
        cluster.shutdown()
    assert done.returncode == 0, done.stderr
    assert "translating on Ray (2 actors)" in done.stderr
    assert "en: translated 32 segments (32 entries) with argos" in done.stdout
    assert _entries(remote / PO) == local
    # nothing else on stderr: Ray's own notices are not shown
    assert [line for line in done.stderr.splitlines() if "translating" not in line] == []


def test_ray_address_nobody_answers_is_one_line(project, packages, package_file):
    pytest.importorskip("ray", reason="ray is not installed")
    import ray

    if ray.is_initialized():
        pytest.skip("this process is already connected to a Ray cluster")
    l10n_ok("models", "install", str(package_file))
    l10n_ok("extract")
    before = (project / PO).read_bytes()
    result = l10n("translate", "--ray", "127.0.0.1:9")
    assert result.exit_code == 2
    assert result.stderr.startswith("l10n: error: --ray 127.0.0.1:9: cannot connect to a Ray")
    assert result.stderr.count("\n") == 1
    assert (project / PO).read_bytes() == before


def test_shards_are_disjoint_and_cover_every_article():
    names = [f"seeds/article-{i:04}.txt" for i in range(400)]
    shards = [Shard(k, 4) for k in range(1, 5)]
    taken = [[name for name in names if shard.takes(name)] for shard in shards]
    assert sorted(name for part in taken for name in part) == sorted(names)
    assert all(60 <= len(part) <= 140 for part in taken), [len(p) for p in taken]
    # an article stays in its shard when others come and go
    assert [n for n in names[:200] if shards[0].takes(n)] == [
        n for n in taken[0] if n in names[:200]
    ]
    assert parse_shard("2/4") == Shard(2, 4) == parse_shard(" 2 / 4 ")


@pytest.mark.parametrize("bad", ["0/4", "5/4", "1/0", "a/b", "1", "-1/2"])
def test_a_bad_shard_is_one_line(project, bad):
    result = l10n("translate", "--shard", bad)
    assert result.exit_code == 2
    assert result.stderr == f"l10n: error: --shard {bad!r}: give K/N with 1 ≤ K ≤ N, such as 1/4\n"


def test_each_shard_translates_only_its_articles(project, packages, package_file):
    seed = f"seeds/{SEED.name}"
    other = next(  # a name that falls in the other shard of two
        f"seeds/article-{i}.txt"
        for i in range(64)
        if Shard(1, 2).takes(f"seeds/article-{i}.txt") != Shard(1, 2).takes(seed)
    )
    text = SEED.read_text("utf-8").replace("四川", "廣東")
    (project / other).write_text(text, encoding="utf-8")
    names = [other, seed]
    shard = next(Shard(k, 2) for k in (1, 2) if Shard(k, 2).takes(other))
    assert not shard.takes(seed)
    l10n_ok("models", "install", str(package_file))
    l10n_ok("extract")
    folder = project / "locales/en/LC_MESSAGES"
    catalogs = {name: folder / f"{Path(name).stem}.po" for name in names}
    before = {name: po.read_bytes() for name, po in catalogs.items()}
    result = l10n_ok("translate", "--shard", f"{shard.number}/2")
    assert f"{Path(other).stem}.po: written" in result.stdout
    assert catalogs[names[1]].read_bytes() == before[names[1]]  # the other shard's article
    assert all(e.msgstr for e in polib.pofile(str(catalogs[names[0]])) if not e.obsolete)
    rest = l10n_ok("translate", "--shard", f"{3 - shard.number}/2")
    assert f"{SEED.stem}.po: written" in rest.stdout
    assert f"{Path(other).stem}.po" not in rest.stdout


def test_an_engine_that_cannot_travel_is_refused_before_any_connection(fake_engine):
    pytest.importorskip("ray", reason="ray is not installed")
    l10n_ok("extract")
    before = (fake_engine / PO).read_bytes()
    result = l10n("translate", "--ray", "127.0.0.1:9")
    assert result.exit_code == 2
    assert result.stderr == "l10n: error: --ray: the engine 'fake 1.0 (full)' cannot run on Ray\n"
    assert (fake_engine / PO).read_bytes() == before
