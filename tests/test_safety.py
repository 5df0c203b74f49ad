"""Safety of catalog writes: atomic under kill -9, serialised by a lock, idempotent updates."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from l10n.catalog import Header, build_template, dump_catalog, update
from l10n.files import exclusive
from l10n.segment import parse

from .conftest import ROOT, l10n

WRITER = """
import sys
from pathlib import Path
from l10n.files import atomic_write
path = Path(sys.argv[1])
version = 0
while True:
    version += 1
    entry = 'msgid "entry {} of version {}"\\nmsgstr ""\\n\\n'
    body = "".join(entry.format(i, version) for i in range(40000))
    atomic_write(path, f"# version {version}\\n" + body + f"# end {version}\\n")
"""


def _complete(text: str) -> bool:
    first, last = text.splitlines()[0], text.splitlines()[-1]
    version = first.removeprefix("# version ")
    return last == f"# end {version}" and text.count("msgid ") == 40000


@pytest.mark.slow
def test_kill_9_leaves_the_old_or_the_new_file(tmp_path):
    path = tmp_path / "big.po"
    path.write_text("# version 0\n" + 'msgid "x"\nmsgstr ""\n\n' * 40000 + "# end 0\n")
    rng = random.Random(20261126)
    seen = set()
    for _ in range(24):
        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path)],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.15, 1.2))
        writer.send_signal(signal.SIGKILL)
        writer.wait()
        text = path.read_text(encoding="utf-8")
        assert _complete(text) or text.startswith("# version 0\n")
        seen.add(text.splitlines()[0])
    assert len(seen) > 1  # the kills landed at different points of the writer's work


def test_a_second_writer_waits_then_fails_clearly(project):
    pyproject = project / "pyproject.toml"
    pyproject.write_text(
        pyproject.read_text("utf-8").replace("[tool.l10n]\n", "[tool.l10n]\nlock-timeout = 0.3\n"),
        encoding="utf-8",
    )
    with exclusive(project / "locales" / ".l10n.lock"):
        started = time.monotonic()
        result = l10n("extract")
        assert time.monotonic() - started >= 0.3
    assert result.exit_code == 2
    assert "another l10n process is writing the catalogs" in result.stderr
    assert not (project / "locales" / "en").exists()
    assert l10n("extract").exit_code == 0


def test_concurrent_runs_do_not_interleave(project):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-c", "from l10n.cli.app import main; main()", "extract"]
    runs = [
        subprocess.Popen(command, cwd=project, env=env, stderr=subprocess.PIPE) for _ in range(3)
    ]
    assert [run.wait() for run in runs] == [0, 0, 0]
    result = l10n("check")
    assert result.exit_code == 0, result.stdout


SENTENCES = st.sampled_from(
    ["甲說了話。", "乙也說了。", "丙。", "“好！”他說。", "會議強調,要加強。"]
)
DOCUMENTS = st.lists(st.lists(SENTENCES, min_size=1, max_size=4).map("".join), max_size=8).map(
    lambda paragraphs: "標題\n\n" + "\n\n".join(paragraphs) + "\n"
)


@settings(max_examples=200, deadline=None)
@given(DOCUMENTS, st.data())
def test_updating_a_catalog_with_its_own_template_changes_nothing(text, data):
    template = build_template(parse(text, "doc.txt"), Header("p", "zh-Hant", "t2s"), "2026-01-01")
    catalog = update(None, template)
    for entry in catalog:
        if data.draw(st.booleans()):
            entry.msgstr = f"T {entry.msgid}"
            if data.draw(st.booleans()):
                entry.flags.append("fuzzy")
    once = dump_catalog(catalog)
    assert dump_catalog(update(catalog, template)) == once


def test_a_killed_writers_temporary_files_are_removed_by_the_next_writer(project):
    assert l10n("extract").exit_code == 0
    messages = project / "locales" / "en" / "LC_MESSAGES"
    stale = messages / ".article.po.k3x9_q2z.tmp"
    fresh = messages / ".article.po.a1b2c3d4.tmp"
    own = messages / "notes.tmp"
    for path in (stale, fresh, own):
        path.write_text("partial", encoding="utf-8")
    hour_ago = time.time() - 3600
    os.utime(stale, (hour_ago, hour_ago))
    os.utime(own, (hour_ago, hour_ago))
    result = l10n("extract")
    assert result.exit_code == 0, result.stderr
    assert not stale.exists()
    assert not fresh.exists()  # under the lock no other catalog writer is at work
    assert own.exists()  # not a name atomic_write makes
