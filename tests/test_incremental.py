"""Incremental runs (`.l10n/state.json`) and `--jobs`: a re-run skips what is current, never
serves a stale output, and several processes write the same bytes as one."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import polib
import pytest

from l10n.state import JOURNAL, STATE

from .conftest import SEED, l10n, l10n_ok, snapshot

ARTICLES = 10  # enough for the process pool (l10n.parallel.SHARED_FROM)
DATES = re.compile(rb'"(POT-Creation-Date|PO-Revision-Date): [^"]*"')


def variant(number: int) -> str:
    """The seed with its numbers shifted and a closing sentence of its own."""
    text = re.sub(r"\d+", lambda m: str(int(m.group()) + number), SEED.read_text("utf-8"))
    return text.rstrip("\n") + f"\n\n本文為第{number}號稿件。\n"


@pytest.fixture
def corpus(project: Path, packages: Path) -> Path:
    for number in range(1, ARTICLES):
        (project / "seeds" / f"article-{number:02d}.txt").write_text(variant(number), "utf-8")
    return project


def outputs(folder: Path) -> dict[str, bytes]:
    """Every file but the state, with header dates blanked (two runs may span a minute)."""
    return {
        name: DATES.sub(rb'"\1: -"', data)
        for name, data in snapshot(folder).items()
        if not name.startswith(".l10n/")
    }


def written(result) -> int:
    found = re.search(r"; (\d+) of (\d+) file\(s\) written", result.stdout)
    assert found, result.stdout
    return int(found.group(1))


def review_first(po: Path, translation: str) -> str:
    """A translator's review of the first entry of a catalog: its msgid."""
    catalog = polib.pofile(str(po), wrapwidth=0)
    entry = next(e for e in catalog if e.msgid)
    entry.msgstr = translation
    if "fuzzy" in entry.flags:
        entry.flags.remove("fuzzy")
    catalog.save()
    return entry.msgid


def test_a_rerun_with_nothing_changed_reads_no_source(corpus: Path, monkeypatch):
    l10n_ok("run")
    before = outputs(corpus)

    def no_reading(*args, **kwargs):
        raise AssertionError("a current source was read again")

    monkeypatch.setattr("l10n.stages.extract.load", no_reading)
    monkeypatch.setattr("l10n.stages.build.load_stamped", no_reading)
    again = l10n_ok("run", "--jobs", "1")
    assert written(again) == 0
    assert outputs(corpus) == before


def test_a_small_change_is_journaled_and_read_back(corpus: Path, monkeypatch):
    l10n_ok("run")
    time.sleep(0.6)  # files written then would be hashed once more (a write may share a tick)
    l10n_ok("run", "--force")  # every step recorded anew: a whole new state, no journal
    assert not (corpus / JOURNAL).exists()
    state = (corpus / STATE).read_bytes()
    _edit_source(corpus)
    assert written(l10n_ok("run")) > 0
    assert (corpus / STATE).read_bytes() == state  # not written again: a line appended
    assert (corpus / JOURNAL).stat().st_size < len(state) // 4

    def no_reading(*args, **kwargs):
        raise AssertionError("a current source was read again")

    monkeypatch.setattr("l10n.stages.extract.load", no_reading)
    monkeypatch.setattr("l10n.stages.build.load_stamped", no_reading)
    assert written(l10n_ok("run", "--jobs", "1")) == 0


def _edit_source(root: Path) -> None:
    path = root / "seeds" / "article-03.txt"
    path.write_text(path.read_text("utf-8") + "\n記者會於下午三時結束。\n", "utf-8")


def _edit_keeping_size_and_time(root: Path) -> None:
    """A one-character edit of the same byte count, its old modification time put back
    (as `touch -r`, `cp -p`, `rsync -a` and `tar x` do)."""
    path = root / "seeds" / "article-03.txt"
    before = path.stat()
    text = path.read_text("utf-8")
    edited = text.replace("本文為第", "本文是第", 1)
    assert edited != text and len(edited.encode()) == before.st_size
    path.write_text(edited, "utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))


def _edit_catalog(root: Path) -> None:
    review_first(root / "locales/en/LC_MESSAGES/article-05.po", "Reviewed by a translator.")


def _edit_settings(root: Path) -> None:
    pyproject = root / "pyproject.toml"
    text = pyproject.read_text("utf-8").replace(
        'formats = ["html", "md", "txt"]', 'formats = ["md"]'
    )
    pyproject.write_text(
        text.replace("boilerplate = [", "boilerplate = [\n    '^本文為第',"), "utf-8"
    )


def _delete_edition(root: Path) -> None:
    (root / "dist" / "article-07.en.html").unlink()


def _tamper_edition(root: Path) -> None:
    path = root / "dist" / "article-02.en.md"
    path.write_bytes(path.read_bytes().replace(b"#", b"=", 1))


def _delete_catalog(root: Path) -> None:
    (root / "locales/en/LC_MESSAGES/article-04.po").unlink()


def _corrupt_state(root: Path) -> None:
    (root / STATE).write_text("{not json", "utf-8")


def _stale_journal(root: Path, *, follows: str | None = None, whole: bool = True) -> None:
    """A source edit, with a journal line that would pass it off as unchanged (its new size
    and time, its old digest): a journal that follows another state, or a line cut short,
    must be ignored."""
    state = json.loads((root / STATE).read_bytes())
    label = "seeds/article-03.txt"
    old_digest = state["files"][label][-1]
    _edit_source(root)
    now = (root / label).stat()
    stale = [now.st_size, now.st_mtime_ns, now.st_ctime_ns, time.time_ns() + 10**10, old_digest]
    head = json.dumps({"follows": state["id"] if follows is None else follows})
    line = json.dumps({"files": {label: stale}}) + ("\n" if whole else "")
    (root / JOURNAL).write_text(f"{head}\n{line}", "utf-8")


def _forged_state(root: Path) -> None:
    """A state of valid JSON but of other shapes: records to ignore, not to fail on."""
    state = json.loads((root / STATE).read_bytes())
    for label in list(state["files"])[:5]:
        state["files"][label] = 7
    for number, key in enumerate(list(state["steps"])[:12]):
        state["steps"][key] = [{}, {"inputs": 1}, {"inputs": "x", "notes": 3}][number % 3]
    (root / STATE).write_text(json.dumps(state), "utf-8")
    _edit_source(root)


def _state_of_another_layout(root: Path, **tables: object) -> None:
    state = json.loads((root / STATE).read_bytes())
    (root / STATE).write_text(json.dumps({**state, **tables}), "utf-8")
    _edit_source(root)


def _journal_of_another_layout(root: Path) -> None:
    state = json.loads((root / STATE).read_bytes())
    head = json.dumps({"follows": state["id"]})
    (root / JOURNAL).write_text(f'{head}\n{{"files": [[1]]}}\n', "utf-8")
    _edit_source(root)


EDITS: dict[str, Callable[[Path], None]] = {
    "source": _edit_source,
    "source of the same size and time": _edit_keeping_size_and_time,
    "catalog": _edit_catalog,
    "settings": _edit_settings,
    "deleted edition": _delete_edition,
    "tampered edition": _tamper_edition,
    "deleted catalog": _delete_catalog,
    "corrupt state": _corrupt_state,
    "forged state": _forged_state,
    "journal of another state": lambda root: _stale_journal(root, follows="another"),
    "journal cut short": lambda root: _stale_journal(root, whole=False),
    "files of another layout": lambda root: _state_of_another_layout(root, files=[1]),
    "steps of another layout": lambda root: _state_of_another_layout(root, steps="abc"),
    "no files": lambda root: _state_of_another_layout(root, files=None),
    "an id of another layout": lambda root: _state_of_another_layout(root, id=[1]),
    "journal of another layout": _journal_of_another_layout,
}


@pytest.mark.parametrize("edit", EDITS)
def test_an_edit_is_redone_as_a_run_from_scratch_would(corpus: Path, tmp_path_factory, edit):
    l10n_ok("run")
    EDITS[edit](corpus)
    l10n_ok("run")
    incremental = outputs(corpus)
    # the same project from scratch: no state, every step redone over the same files
    scratch = tmp_path_factory.mktemp("scratch") / "project"
    shutil.copytree(corpus, scratch, ignore=shutil.ignore_patterns(".l10n"))
    assert outputs(scratch) == incremental
    here = os.getcwd()
    os.chdir(scratch)
    try:
        redone = l10n_ok("run")
    finally:
        os.chdir(here)
    assert written(redone) == 0, redone.stdout  # the incremental run left nothing stale
    assert outputs(scratch) == incremental


def test_force_redoes_every_step_and_writes_the_same(corpus: Path):
    l10n_ok("run")
    before = outputs(corpus)
    forced = l10n_ok("run", "--force")
    assert written(forced) == 0
    assert outputs(corpus) == before


def test_a_review_elsewhere_reaches_a_catalog_left_empty(corpus: Path):
    """A catalog with empty entries is offered again when the memory changed: a sentence
    reviewed in one article fills the same sentence of another."""
    l10n_ok("run")
    source = review_first(corpus / "locales/en/LC_MESSAGES/article-01.po", "The meeting opened.")
    l10n_ok("run")
    other = polib.pofile(str(corpus / "locales/en/LC_MESSAGES/article-02.po"))
    filled = other.find(source)
    if filled is None:  # the first segment differs by its numbers: a fuzzy match then
        filled = next(e for e in other if e.msgid and e.msgstr == "The meeting opened.")
    assert filled.msgstr == "The meeting opened."
    assert "tm:" in filled.tcomment


def test_the_glossary_is_checked_as_it_is_now(corpus: Path):
    l10n_ok("run")
    clean = l10n("check", "--format", "json", "--select", "glossary")
    assert clean.exit_code == 0
    source = review_first(corpus / "locales/en/LC_MESSAGES/article-06.po", "A meeting.")
    term = source[:2]
    (corpus / "locales" / "glossary.tsv").write_text(f"{term}\tSichuan Province\n", "utf-8")
    found = l10n("check", "--format", "json", "--select", "glossary")
    findings = json.loads(found.stdout)["findings"]
    assert any(f["path"].endswith("article-06.po") for f in findings), found.stdout


def test_jobs_write_the_same_bytes_as_one_process(corpus: Path, tmp_path_factory):
    other = tmp_path_factory.mktemp("other") / "project"
    shutil.copytree(corpus, other)
    l10n_ok("run", "--jobs", "1")
    serial_check = l10n("check", "--format", "json", "--jobs", "1")
    here = os.getcwd()
    os.chdir(other)
    try:
        l10n_ok("run", "--jobs", "2")
        parallel_check = l10n("check", "--format", "json", "--jobs", "2")
        shutil.rmtree(other / "dist")
        shutil.rmtree(other / ".l10n")
        l10n_ok("build", "--jobs", "2", "--format", "html,md,txt,tmx,json")
    finally:
        os.chdir(here)
    l10n_ok("build", "--jobs", "1", "--format", "html,md,txt,tmx,json")
    assert outputs(other) == outputs(corpus)
    assert serial_check.exit_code == parallel_check.exit_code
    assert (
        json.loads(serial_check.stdout)["findings"] == json.loads(parallel_check.stdout)["findings"]
    )


def _check_report(folder: Path) -> dict:
    """`l10n check --format json` in `folder`: the findings and what was checked."""
    here = os.getcwd()
    os.chdir(folder)
    try:
        found = l10n("check", "--format", "json")
    finally:
        os.chdir(here)
    assert found.exit_code in (0, 1), found.stderr
    return json.loads(found.stdout)


def test_a_second_check_reads_nothing_and_finds_the_same(corpus: Path, monkeypatch):
    l10n_ok("run")
    review_first(corpus / "locales/en/LC_MESSAGES/article-05.po", "In 1999, 7 people met.")
    first = _check_report(corpus)
    assert first["findings"], "the review above should give findings (numbers)"

    def no_checking(*args, **kwargs):
        raise AssertionError("a current source was checked again")

    monkeypatch.setattr("l10n.stages.check.check_source", no_checking)
    assert _check_report(corpus) == first


def _tamper_kept(root: Path) -> None:
    kept = sorted((root / ".l10n" / "check").glob("*.json"))
    assert kept
    for path in kept:
        path.write_bytes(path.read_bytes().replace(b'"findings":[', b'"findings":[],"was":['))


CHECK_EDITS: dict[str, Callable[[Path], None]] = {
    "source": _edit_source,
    "source of the same size and time": _edit_keeping_size_and_time,
    "catalog": _edit_catalog,
    "settings": _edit_settings,
    "glossary": lambda root: (root / "locales" / "glossary.tsv").write_text(
        "會議\tthe conference\n", "utf-8"
    ),
    "tampered result": _tamper_kept,
    "deleted results": lambda root: shutil.rmtree(root / ".l10n" / "check"),
    "corrupt state": _corrupt_state,
    "forged state": _forged_state,
}


@pytest.mark.parametrize("edit", CHECK_EDITS)
def test_a_check_after_an_edit_finds_what_a_check_from_scratch_finds(
    corpus: Path, tmp_path_factory, edit
):
    l10n_ok("run")
    review_first(corpus / "locales/en/LC_MESSAGES/article-02.po", "In 1999, 7 people met.")
    _check_report(corpus)
    CHECK_EDITS[edit](corpus)
    incremental = _check_report(corpus)
    scratch = tmp_path_factory.mktemp("scratch") / "project"
    shutil.copytree(corpus, scratch, ignore=shutil.ignore_patterns(".l10n"))
    assert _check_report(scratch) == incremental


def test_a_file_stamped_too_soon_after_its_change_is_hashed_again_before_saving(
    tmp_path: Path, monkeypatch
):
    """A file noted just after it was written (its time may not tell a later write in the
    same tick) is hashed again when the state is saved, once half a second has passed: what
    it really holds is kept, and the next run need not read it."""
    from l10n import state as state_module
    from l10n.fingerprints import digest_bytes
    from l10n.state import load_state

    catalog = tmp_path / "a.po"
    catalog.write_bytes(b"what is on disk")
    state = load_state(tmp_path)
    state.note(catalog, digest_bytes(b"what the step wrote"))  # overwritten in the same tick
    later = time.time_ns() + 10**9
    monkeypatch.setattr(state_module.time, "time_ns", lambda: later)
    state.save()
    monkeypatch.undo()

    def no_reading(*args, **kwargs):
        raise AssertionError("a settled file was read again")

    again = load_state(tmp_path)
    monkeypatch.setattr(state_module, "hash_file", no_reading)
    assert again.digest(catalog) == digest_bytes(b"what is on disk")


def test_a_source_changed_after_it_was_found_is_recorded_as_read(tmp_path: Path):
    """The stamp a source was found with is trusted only when it is the recorded one: a
    source written again between being found and being read is stamped anew before it is
    read, so that its old content, put back later with its old time (`cp -p`), is not
    taken for what was read."""
    from l10n.fingerprints import digest_bytes
    from l10n.state import load_state

    source = tmp_path / "a.txt"
    source.write_bytes(b"first")
    state = load_state(tmp_path)
    state.digest(source)
    state.save()
    source.write_bytes(b"second text")
    os.utime(source, ns=(10**18, 10**18))  # a time of its own, long past the racy window
    found = source.stat()
    source.write_bytes(b"third, written after it was found")
    later = load_state(tmp_path)
    assert later.digest(source, (found.st_size, found.st_mtime_ns)) == digest_bytes(
        b"third, written after it was found"
    )
    later.save()
    source.write_bytes(b"second text")  # put back, with the time it was found with
    os.utime(source, ns=(found.st_atime_ns, found.st_mtime_ns))
    assert load_state(tmp_path).digest(source) == digest_bytes(b"second text")


def test_editions_outside_the_project_are_kept_when_current(corpus: Path, tmp_path_factory):
    out = tmp_path_factory.mktemp("elsewhere")
    l10n_ok("run")
    first = l10n_ok("build", "--output", str(out))
    assert str(out / "article-01.en.md") in first.stdout.splitlines()
    times = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}
    again = l10n_ok("build", "--output", str(out))
    assert again.stdout == first.stdout
    assert {p.name: p.stat().st_mtime_ns for p in out.iterdir()} == times  # none written again


def test_a_source_whose_name_is_not_utf8_is_checked_without_failing(project: Path):
    l10n_ok("run")
    name = os.fsdecode(b"seeds/caf\xe9 x.txt")
    shutil.copy(project / "seeds" / "sichuan-police-conference-2020.txt", project / name)
    command = [str(Path(sys.executable).with_name("l10n")), "check", "--format", "json"]
    for _ in range(2):  # the second reads the result kept by the first
        found = subprocess.run(command, capture_output=True, check=False)
        assert found.returncode == 1, found.stderr  # its template and catalog are missing
        report = json.loads(found.stdout.decode("utf-8", "surrogateescape"))
        assert "template-missing" in {f["code"] for f in report["findings"]}
        assert not found.stderr


def test_the_result_of_a_deleted_source_is_not_kept(corpus: Path):
    l10n_ok("run")
    l10n_ok("check")
    kept = corpus / ".l10n" / "check"
    assert len(list(kept.iterdir())) == ARTICLES
    (corpus / "seeds" / "article-04.txt").unlink()
    l10n("check")
    assert len(list(kept.iterdir())) == ARTICLES - 1


def test_an_edition_another_build_renames_over_ours_is_not_recorded_as_ours(
    corpus: Path, monkeypatch
):
    """Builds take no lock: an edition that another build renames into place right after
    ours is recorded with the stamp of ours, so the next run finds it changed."""
    import l10n.stages.build as build

    l10n_ok("run")
    edition = corpus / "dist" / "article-07.en.html"
    before = edition.read_bytes()
    edition.unlink()
    real_replace = build.replace_staged

    def and_another_build(staged, **kwargs):
        inodes = real_replace(staged, **kwargs)
        assert [path for _, path in staged] == [os.fspath(edition)]
        theirs = edition.with_name(".theirs.tmp")
        theirs.write_bytes(before.replace(b"<html", b"<html data-other", 1))
        staged_earlier = time.time_ns() - 3 * 10**9  # it staged its edition before ours
        os.utime(theirs, ns=(staged_earlier, staged_earlier))
        os.replace(theirs, edition)
        return inodes

    with monkeypatch.context() as patched:
        patched.setattr(build, "replace_staged", and_another_build)
        l10n_ok("run", "--jobs", "1")
    assert edition.read_bytes() != before
    assert written(l10n_ok("run")) == 1
    assert edition.read_bytes() == before


def test_a_time_in_whole_seconds_is_trusted_only_two_seconds_after_it(tmp_path: Path):
    """File systems that keep times to the second (or two, FAT) give a write within that
    second the time of the one before: such a time is trusted only 2 s after it."""
    from l10n.fingerprints import digest_bytes
    from l10n.stamps import settled
    from l10n.state import load_state

    now = time.time_ns()
    assert settled(now - 600_000_000 - 1, now)  # a fine time: half a second
    assert not settled(now // 10**9 * 10**9 - 10**9, now)  # a whole second: two
    assert settled(now // 10**9 * 10**9 - 3 * 10**9, now)
    source = tmp_path / "a.txt"
    coarse = (now // 10**9 - 1) * 10**9  # 1–2 s ago, in whole seconds
    source.write_bytes(b"first")
    os.utime(source, ns=(coarse, coarse))
    state = load_state(tmp_path)
    assert state.digest(source) == digest_bytes(b"first")
    state.save()
    source.write_bytes(b"other")  # the same size, and the same second
    os.utime(source, ns=(coarse, coarse))
    assert load_state(tmp_path).digest(source) == digest_bytes(b"other")


def test_an_output_folder_named_from_a_subfolder_is_that_subfolder_s(corpus: Path, monkeypatch):
    l10n_ok("build", "-o", "out")
    assert (corpus / "out" / "article-01.en.html").is_file()
    with monkeypatch.context() as inside:
        inside.chdir(corpus / "seeds")
        l10n_ok("build", "-o", "out")
    assert snapshot(corpus / "seeds" / "out") == snapshot(corpus / "out")


@pytest.mark.parametrize("many", [False, True])
def test_a_run_that_wrote_many_files_waits_to_settle_them(tmp_path: Path, monkeypatch, many):
    """Files written in a run's last half second are racy when it saves: a run that wrote
    many (`SETTLE_WAIT_FROM`) waits for them and hashes them, so that the next one need not;
    one that wrote a few leaves them to the next run."""
    from l10n import state as state_module
    from l10n.fingerprints import digest_bytes
    from l10n.state import load_state

    monkeypatch.setattr(state_module, "SETTLE_WAIT_FROM", 3 if many else 4)
    files = [tmp_path / f"{n}.txt" for n in range(3)]
    state = load_state(tmp_path)
    for n, path in enumerate(files):
        path.write_bytes(b"x" * n)
        state.note(path, digest_bytes(b"x" * n))
    start = time.perf_counter()
    state.save()
    waited = time.perf_counter() - start
    hashed = []
    real_hash = state_module.hash_file
    monkeypatch.setattr(
        state_module, "hash_file", lambda path: hashed.append(path) or real_hash(path)
    )
    again = load_state(tmp_path)
    assert [again.digest(path) for path in files] == [digest_bytes(b"x" * n) for n in range(3)]
    if many:
        assert waited >= 0.3 and hashed == []
    else:
        assert waited < 0.3 and len(hashed) == 3
