"""Machine translation with a tiny real Argos package built at test time.

The package is a real CTranslate2 Transformer with seeded random weights and a
SentencePiece model trained on the seed: its output is nonsense, so the tests
assert on structure (filled, fuzzy, provenance, determinism, nothing reviewed
touched), never on wording.
"""

from __future__ import annotations

import importlib.util
import io
import json
import sys
import zipfile
from pathlib import Path

import polib
import pytest

from .conftest import L10N, PO, SEED, l10n, snapshot

PROVENANCE = "machine translation: argos translate-zh_en 0.1"


def live_entries(project: Path) -> list[polib.POEntry]:
    return [e for e in polib.pofile(str(project / PO)) if not e.obsolete]


def test_heavy_modules_are_absent():
    for name in ("torch", "stanza", "spacy"):
        assert importlib.util.find_spec(name) is None, f"{name} is installed"


@pytest.mark.slow
def test_install_list_translate_retranslate_remove(project, packages, package_file):
    result = l10n("models", "install", str(package_file))
    assert result.exit_code == 0, result.stderr
    listing = l10n("models", "list")
    assert "translate-zh_en" in listing.stdout and "zh→en" in listing.stdout

    assert l10n("extract").exit_code == 0
    result = l10n("translate")
    assert result.exit_code == 0, result.stderr
    assert "translated 32 segments" in result.stdout
    entries = live_entries(project)
    assert len(entries) == 32
    assert all(e.msgstr.strip() and e.fuzzy for e in entries)
    assert all(PROVENANCE in e.tcomment and "opencc t2s" in e.tcomment for e in entries)
    first = (project / PO).read_text("utf-8")

    again = l10n("translate")
    assert again.exit_code == 0 and "nothing to translate" in again.stdout
    assert (project / PO).read_text("utf-8") == first

    aligned = l10n("check", "--select", "template-stale,entry-missing,entry-extra")
    assert aligned.exit_code == 0, aligned.stdout
    assert l10n("check").exit_code == 1  # random weights: content checks flag the nonsense
    assert l10n("models", "remove", "translate-zh_en").exit_code == 0
    assert not any(packages.iterdir())
    assert "argostranslate.translate" not in sys.modules


def test_reviewed_entries_are_never_touched(fake_engine):
    project = fake_engine
    assert l10n("extract").exit_code == 0
    catalog = polib.pofile(str(project / PO))
    catalog[0].msgstr = "Sichuan police chiefs meet to plan the work of 2020"
    catalog[1].msgstr = "Machine-looking but reviewed"
    catalog.save()
    assert l10n("translate").exit_code == 0
    assert l10n("translate", "--retranslate-machine").exit_code == 0
    entries = live_entries(project)
    assert entries[0].msgstr == "Sichuan police chiefs meet to plan the work of 2020"
    assert entries[1].msgstr == "Machine-looking but reviewed"
    assert not entries[0].fuzzy and not entries[1].fuzzy
    assert all(e.fuzzy for e in entries[2:])


@pytest.mark.slow
def test_translation_is_deterministic_across_runs(tmp_path, project, packages, package_file):
    assert l10n("models", "install", str(package_file)).exit_code == 0
    outputs = []
    for _ in range(2):
        (project / PO).unlink(missing_ok=True)
        assert l10n("extract").exit_code == 0
        assert l10n("translate").exit_code == 0
        outputs.append([(e.msgid, e.msgstr) for e in live_entries(project)])
    assert outputs[0] == outputs[1]


def test_draft_mode_and_dry_run(project, packages, package_file):
    assert l10n("models", "install", str(package_file)).exit_code == 0
    assert l10n("extract").exit_code == 0
    dry = l10n("translate", "--dry-run")
    assert dry.exit_code == 0
    assert "would send 32 segments" in dry.stdout
    assert all(not e.msgstr for e in live_entries(project))
    draft = l10n("translate", "--draft")
    assert draft.exit_code == 0 and "beam 1" in draft.stdout


def test_identical_text_is_sent_once_across_documents(project, packages):
    (project / "seeds" / "second.txt").write_text(
        "另一篇文章\n\n會議強調,今年以來工作取得成效。這是新的一句。\n", encoding="utf-8"
    )
    (project / "seeds" / "third.txt").write_text(
        "第三篇\n\n這是新的一句。會議強調,今年以來工作取得成效。\n", encoding="utf-8"
    )
    assert l10n("extract").exit_code == 0
    dry = l10n("translate", "--dry-run")
    assert "would send 36 segments" in dry.stdout  # 32 + 2 titles + 2 shared sentences


def test_no_model_translate_fails_run_warns(project, packages):
    assert "run `l10n extract` first" in l10n("translate").stderr
    assert l10n("extract").exit_code == 0
    result = l10n("translate")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert "no zh→en (or zt→en) Argos package" in result.stderr
    assert "l10n models install translate-zh_en" in result.stderr
    run = l10n("run")
    assert run.exit_code == 0
    assert "warning: no zh→en" in run.stderr
    assert (project / PO).is_file() and (project / "dist").is_dir()
    assert all(not e.msgstr for e in live_entries(project))


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _without(package_file: Path, *drop: str) -> bytes:
    with zipfile.ZipFile(package_file) as archive:
        members = {n: archive.read(n) for n in archive.namelist()}
    return _zip({n: d for n, d in members.items() if not n.endswith(drop)})


BAD_PACKAGES = {
    "not-a-zip": (lambda p: b"this is not a zip archive", "not a zip archive"),
    "no-metadata": (lambda p: _without(p, "metadata.json"), "metadata.json"),
    "no-model": (lambda p: _without(p, "model.bin"), "model.bin"),
    "no-tokenizer": (lambda p: _without(p, "sentencepiece.model"), "tokenizer"),
    "path-escape": (
        lambda p: _zip({"pkg/metadata.json": b"{}", "pkg/../../escape.txt": b"x"}),
        "escape",
    ),
    "two-folders": (lambda p: _zip({"a/metadata.json": b"{}", "b/x": b""}), "one top-level"),
    "bad-metadata": (
        lambda p: _zip(
            {
                "pkg/metadata.json": json.dumps({"from_code": "zh"}).encode(),
                "pkg/model/model.bin": b"",
                "pkg/sentencepiece.model": b"",
            }
        ),
        "from_code/to_code",
    ),
}


@pytest.mark.parametrize("kind", sorted(BAD_PACKAGES))
def test_bad_packages_are_refused_and_change_nothing(tmp_path, packages, package_file, kind):
    assert l10n("models", "install", str(package_file)).exit_code == 0
    before = snapshot(packages)
    make, words = BAD_PACKAGES[kind]
    bad = tmp_path / f"{kind}.argosmodel"
    bad.write_bytes(make(package_file))
    result = l10n("models", "install", str(bad))
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and words in result.stderr
    assert snapshot(packages) == before
    assert not (tmp_path / "escape.txt").exists()


def test_installing_a_folder_or_a_missing_file_is_one_line(tmp_path, packages):
    folder = tmp_path / "translate-zh_en.argosmodel"
    folder.mkdir()
    for target, words in (
        (folder, "is a directory, not an .argosmodel file"),
        (tmp_path / "gone.argosmodel", "gone.argosmodel: no such file"),
    ):
        result = l10n("models", "install", str(target))
        assert result.exit_code == 2 and result.stderr.count("\n") == 1
        assert words in result.stderr
    assert not packages.exists() or not any(packages.iterdir())


def test_models_available_offline_is_one_line(packages, monkeypatch):
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX_URL", "http://127.0.0.1:9/index.json")
    result = l10n("models", "available")
    assert result.exit_code == 2
    assert result.stderr.startswith("l10n: error: cannot reach the Argos package index")
    assert result.stderr.count("\n") == 1


@pytest.fixture
def package_index(tmp_path, package_file, monkeypatch):
    """An Argos package index served on the loopback interface."""
    import functools
    import http.server
    import shutil
    import threading

    folder = tmp_path / "index"
    folder.mkdir()
    shutil.copy(package_file, folder / package_file.name)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(folder))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    entry = {
        "package_version": "0.1",
        "from_code": "zh",
        "to_code": "en",
        "type": "translate",
        "links": [f"{base}/{package_file.name}"],
    }
    (folder / "index.json").write_text(json.dumps([entry]), encoding="utf-8")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX_URL", f"{base}/index.json")
    yield base
    server.shutdown()


def test_available_and_install_by_name_from_an_index(packages, package_index):
    listing = l10n("models", "available")
    assert listing.exit_code == 0, listing.stderr
    assert "translate-zh_en" in listing.stdout and "0.1" in listing.stdout
    result = l10n("models", "install", "translate-zh_en")
    assert result.exit_code == 0, result.stderr
    assert "installed translate-zh_en 0.1" in result.stdout
    assert "downloading translate-zh_en" in result.stderr
    assert [p.name for p in packages.iterdir()] == ["translate-zh_en-0_1"]
    unknown = l10n("models", "install", "translate-xx_en")
    assert unknown.exit_code == 2 and "no package named" in unknown.stderr


def test_a_damaged_installed_model_is_one_line(project, packages, package_file):
    assert l10n("models", "install", str(package_file)).exit_code == 0
    assert l10n("extract").exit_code == 0
    model = next(packages.iterdir()) / "model" / "model.bin"
    model.write_bytes(b"not a model")
    result = l10n("translate")
    assert result.exit_code == 2
    assert result.stderr.startswith("l10n: error: cannot load package translate-zh_en")
    assert result.stderr.count("\n") == 1


def test_bad_engine_settings_are_one_line(project):
    pyproject = project / "pyproject.toml"
    text = pyproject.read_text("utf-8").replace('batch-type = "examples"', 'batch-type = "pages"')
    pyproject.write_text(text, encoding="utf-8")
    result = l10n("translate", "--dry-run")
    assert result.exit_code == 2
    assert "batch-type must be examples or tokens" in result.stderr


def _set_mt(project: Path, old: str, new: str) -> None:
    pyproject = project / "pyproject.toml"
    text = pyproject.read_text("utf-8")
    assert old in text
    pyproject.write_text(text.replace(old, new), encoding="utf-8")


def test_outputs_cut_at_the_cap_get_room_then_say_so(tmp_path, project, packages):
    from l10n.mt.argos import ArgosSettings
    from l10n.mt.argos.engine import ArgosEngine
    from l10n.mt.argos.packages import install_file

    from .synthetic import build_package

    # no end bias: random weights never emit </s>, every output runs to its limit
    endless = build_package(tmp_path / "translate-zh_en-0_1.argosmodel", SEED.read_text("utf-8"))
    package = install_file(endless, packages)
    engine = ArgosEngine(package, ArgosSettings(max_decoding_length=24), "t2s")
    texts = [
        "會議。",
        "會議強調,今年以來全省公安機關堅決貫徹落實習近平總書記重要指示精神。",
        "會議強調,今年以來全省公安機關堅決貫徹落實習近平總書記重要指示精神,取得明顯成效。",
    ]
    short, long, longer = (len(tokens) for tokens in engine.tokenize(texts))
    assert 3 * short <= 24 < 3 * long < 3 * longer
    first, second, third = engine.translate(texts)
    # the short one hit the cap (a loop: no second pass); each long one was decoded
    # again with its own room, 3 tokens per source token
    assert (first.limit, second.limit, third.limit) == (24, 3 * long, 3 * longer)
    assert first.note == "stopped at the 24-token limit, the end may be missing"
    roomy = ArgosEngine(package, ArgosSettings(max_decoding_length=3 * long), "t2s")
    assert roomy.translate([texts[1]]) == [second]  # the same decoding as with room at once
    assert set(engine.timings) == {
        "load",
        "tokenize",
        "decode",
        "decode cut outputs again",
        "detokenize",
    }
    assert set(roomy.timings) == {"load", "tokenize", "decode", "detokenize"}

    _set_mt(project, "max-decoding-length = 256", "max-decoding-length = 24")
    _set_mt(project, "length-factor = 3.0", "length-factor = 1.0")
    assert l10n("extract").exit_code == 0
    result = l10n("translate", "--draft")
    assert result.exit_code == 0, result.stderr
    entries = live_entries(project)
    noted = [e for e in entries if "-token limit, the end may be missing" in e.tcomment]
    assert f"en: {len(noted)} machine translation(s) hit a length limit" in result.stderr
    assert "translating cut outputs again" in result.stderr  # the second pass's progress
    assert any("stopped at the 24-token limit" in e.tcomment for e in noted)  # short sources
    assert any("stopped at the 24-token limit" not in e.tcomment for e in noted)  # long ones


@pytest.mark.slow
def test_outputs_that_end_by_themselves_carry_no_limit_note(project, packages, package_file):
    assert l10n("models", "install", str(package_file)).exit_code == 0
    _set_mt(project, "max-decoding-length = 256", "max-decoding-length = 64")
    assert l10n("extract").exit_code == 0
    result = l10n("translate")
    assert result.exit_code == 0, result.stderr
    entries = live_entries(project)
    noted = [e for e in entries if "-token limit" in e.tcomment]
    assert all(PROVENANCE in e.tcomment for e in entries)
    assert 0 < len(noted) < len(entries)
    assert f"en: {len(noted)} machine translation(s) hit a length limit" in result.stderr


def test_workers_default_to_the_cores_this_process_may_use():
    import os

    from l10n.mt.argos.engine import usable_cores

    if not hasattr(os, "sched_getaffinity"):
        pytest.skip("no CPU affinity on this platform")
    before = os.sched_getaffinity(0)
    try:
        os.sched_setaffinity(0, {min(before)})
        assert usable_cores() == 1
    finally:
        os.sched_setaffinity(0, before)
    assert usable_cores() == len(before)


def test_draft_batching_changes_speed_not_output(packages, package_file):
    from l10n.mt.argos import ArgosSettings
    from l10n.mt.argos.engine import ArgosEngine
    from l10n.mt.argos.packages import install_file
    from l10n.segment import parse
    from l10n.settings import Settings

    package = install_file(package_file, packages)
    document = parse(SEED.read_text("utf-8"), "seed", Settings(root=packages).rules)
    texts = [s.text for b in document.blocks if b.kind.extracted for s in b.segments]
    draft = ArgosSettings(beam_size=1)
    assert draft.batching == (1024, "tokens")
    one_by_one = ArgosSettings(beam_size=1, draft_max_batch_size=1, draft_batch_type="examples")
    batched = ArgosEngine(package, draft, "t2s").translate(texts)
    assert batched == ArgosEngine(package, one_by_one, "t2s").translate(texts)
    assert ArgosSettings(beam_size=4).batching == (4, "examples")


@pytest.mark.slow
def test_ctrl_c_leaves_at_once_with_the_catalog_untouched(tmp_path, project, packages):
    """SIGINT during a long translation: exit 130 within seconds (not after the engine's
    queued batches), one line on stderr, the catalog byte for byte as it was."""
    import signal
    import subprocess
    import time

    from l10n.mt.argos.packages import install_file

    from .synthetic import build_package

    endless = build_package(tmp_path / "translate-zh_en-0_1.argosmodel", SEED.read_text("utf-8"))
    install_file(endless, packages)
    _set_mt(project, "max-decoding-length = 256", "max-decoding-length = 1024")
    assert l10n("extract").exit_code == 0
    before = (project / PO).read_bytes()
    command = [L10N, "translate"]
    process = subprocess.Popen(
        command,
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    time.sleep(3)  # loaded and decoding: the whole run takes several times longer
    assert process.poll() is None, process.communicate()
    process.send_signal(signal.SIGINT)
    sent = time.monotonic()
    _, err = process.communicate(timeout=60)
    assert time.monotonic() - sent < 5
    assert process.returncode == 130
    assert err.decode().endswith("l10n: interrupted; no file was left half-written\n")
    assert (project / PO).read_bytes() == before
    assert not list(project.rglob("*.tmp"))


@pytest.mark.slow
def test_a_language_without_a_model_does_not_cost_the_others(project, packages, package_file):
    pyproject = project / "pyproject.toml"
    text = pyproject.read_text("utf-8")
    assert 'languages = ["en"]' in text
    pyproject.write_text(text.replace('languages = ["en"]', 'languages = ["en", "fr"]'), "utf-8")
    assert l10n("models", "install", str(package_file)).exit_code == 0
    assert l10n("extract").exit_code == 0
    french = project / PO.as_posix().replace("/en/", "/fr/")
    before = Path(french).read_bytes()
    result = l10n("translate")
    assert result.exit_code == 2
    assert result.stderr.count("l10n: error: ") == 1
    assert "no zh→fr (or zt→fr) Argos package" in result.stderr
    assert "en: translated 32 segments" in result.stdout
    assert f"{PO.as_posix()}: written" in result.stdout
    assert all(e.msgstr and e.fuzzy for e in live_entries(project))  # en is saved
    assert Path(french).read_bytes() == before  # fr keeps its empty entries


def test_a_packages_folder_that_is_a_file_is_one_line(tmp_path, project, package_file, monkeypatch):
    not_a_folder = tmp_path / "packages"
    not_a_folder.write_text("", encoding="utf-8")
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(not_a_folder))
    assert l10n("extract").exit_code == 0
    for args in (["models", "list"], ["models", "install", str(package_file)], ["translate"]):
        result = l10n(*args)
        assert result.exit_code == 2, args
        assert result.stderr == (
            f"l10n: error: the packages folder {not_a_folder} is a file (ARGOS_PACKAGES_DIR)\n"
        )


def test_models_list_names_the_folders_it_skips(packages, package_file):
    assert l10n("models", "install", str(package_file)).exit_code == 0
    broken = packages / "translate-xx_en-1_0"
    broken.mkdir()
    (broken / "metadata.json").write_text("{not json", encoding="utf-8")
    result = l10n("models", "list")
    assert result.exit_code == 0
    assert "translate-zh_en" in result.stdout and "xx" not in result.stdout
    assert result.stderr.startswith(
        f"l10n: warning: skipped {broken}/metadata.json: not valid JSON"
    )


@pytest.mark.slow
def test_a_source_longer_than_the_engine_reads_says_so(packages, package_file):
    from l10n.mt.argos import ArgosSettings
    from l10n.mt.argos.engine import MAX_INPUT, ArgosEngine
    from l10n.mt.argos.packages import install_file

    package = install_file(package_file, packages)
    engine = ArgosEngine(package, ArgosSettings(beam_size=1, max_decoding_length=16), "t2s")
    seed = SEED.read_text("utf-8")
    long = "".join(ch for ch in seed if "\u4e00" <= ch <= "\u9fff")  # one run-on "sentence"
    assert len(engine.tokenize([long])[0]) > MAX_INPUT
    short, cut = engine.translate(["會議召開。", long])
    assert short.source_limit is None and "tokens of the source" not in short.note
    assert cut.source_limit == MAX_INPUT and cut.incomplete
    assert cut.note.startswith(
        f"the engine read only the first {MAX_INPUT} tokens of the source, the rest is not"
    )
