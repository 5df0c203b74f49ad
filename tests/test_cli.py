"""The command line through Typer's CliRunner in a temporary project."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import L10N, PO, POT, SEED_NAME, SEED_PATH, l10n, msgfmt, snapshot


def test_help_lists_the_commands():
    result = l10n("--help")
    assert result.exit_code == 0
    for command in ("run", "segment", "convert", "extract", "build", "check"):
        assert command in result.stdout


def test_run_writes_catalogs_and_editions(project):
    result = l10n("run")
    assert result.exit_code == 0, result.stderr
    assert "32 segments" in result.stdout and "5 of 5 file(s) written" in result.stdout
    again = l10n("run")
    assert "0 of 5 file(s) written" in again.stdout  # nothing changed: nothing is rewritten
    assert again.stdout.count("(unchanged)") == 5
    for path in (
        POT,
        PO,
        *(Path("dist") / f"{SEED_NAME}.en.{ext}" for ext in ("html", "md", "txt")),
    ):
        assert (project / path).is_file(), path
    checked = msgfmt("--check", "--statistics", "-o", "/dev/null", project / PO)
    assert checked.returncode == 0, checked.stderr
    assert "32 untranslated" in checked.stderr


def test_extract_twice_changes_no_byte(project):
    assert l10n("extract").exit_code == 0
    before = snapshot(project / "locales")
    result = l10n("extract")
    assert result.exit_code == 0
    assert "unchanged" in result.stdout
    assert snapshot(project / "locales") == before


def test_check_passes_then_fails_after_an_edit(project):
    assert l10n("run").exit_code == 0
    assert l10n("check").exit_code == 0
    seed = project / SEED_PATH
    text = seed.read_text(encoding="utf-8")
    seed.write_text(text.replace("張穎主持會議。", "張穎主持了會議。"), encoding="utf-8")
    result = l10n("check")
    assert result.exit_code == 1
    assert "template-stale" in result.stdout
    report = json.loads(l10n("check", "--format", "json").stdout)
    assert report["summary"]["errors"] >= 1
    assert {f["code"] for f in report["findings"]} >= {"template-stale"}
    assert l10n("extract").exit_code == 0
    assert l10n("check").exit_code == 0


def test_check_reports_missing_extra_and_duplicate_entries(project):
    assert l10n("extract").exit_code == 0
    po = project / PO
    text = po.read_text(encoding="utf-8")
    first = text.index("#. title")
    blocks = text[first:].split("\n\n")
    tampered = text[:first] + "\n\n".join(
        [blocks[1], blocks[1], *blocks[3:], 'msgid "多出來的。"\nmsgstr ""\n']
    )
    po.write_text(tampered, encoding="utf-8")
    report = json.loads(l10n("check", "--format", "json").stdout)
    codes = sorted(f["code"] for f in report["findings"])
    assert codes == ["entry-duplicate", "entry-extra", "entry-missing", "entry-missing"]


def test_segment_json_and_text(project):
    result = l10n("segment", str(SEED_PATH), "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    kinds = [b["kind"] for b in data["blocks"] if b["kind"] != "blank"]
    assert kinds[:3] == ["breadcrumb", "title", "meta"]
    segments = [s for b in data["blocks"] if b["extracted"] for s in b["segments"]]
    assert len(segments) == 32
    text = l10n("segment", str(SEED_PATH)).stdout
    assert "(鄒邇戈)" in text and "byline" in text


def test_convert_file_and_stdin(project):
    result = l10n("convert", "-", "--config", "t2s", input="會議強調。".encode())
    assert result.exit_code == 0
    assert result.stdout == "会议强调。"
    out = project / "simplified.txt"
    assert l10n("convert", str(SEED_PATH), "-o", str(out)).exit_code == 0
    assert "会议" in out.read_text(encoding="utf-8")


def test_convert_passes_empty_input_through(project):
    for stdin in (b"", b" \n"):
        result = l10n("convert", input=stdin)
        assert result.exit_code == 0 and result.stdout == stdin.decode()
    (project / "empty.txt").write_bytes(b"")
    result = l10n("convert", "empty.txt", "-o", "out.txt")
    assert result.exit_code == 0 and (project / "out.txt").read_bytes() == b""


@pytest.mark.parametrize("kind", ["missing", "directory", "the project"])
@pytest.mark.parametrize("command", ["translate", "stats", "compile", "extract", "check"])
def test_named_sources_must_be_files(project, command, kind):
    if kind == "directory":
        (project / "seeds" / "folder.txt").mkdir()
    before = snapshot(project)
    result = l10n(command, "." if kind == "the project" else "seeds/folder.txt")
    assert result.exit_code == 2 and result.stdout == ""
    expected = {
        "directory": "seeds/folder.txt is a directory, not a file",
        "missing": "seeds/folder.txt: no such file",
        "the project": ". is a directory, not a file",
    }[kind]
    assert result.stderr == f"l10n: error: {expected}\n"
    assert snapshot(project) == before


def test_stats_without_catalogs_says_so(project):
    result = l10n("stats")
    assert result.exit_code == 0
    assert "no catalogs for these sources yet; run `l10n extract`" in result.stderr
    assert "total" in result.stdout


def test_convert_unknown_config(project):
    result = l10n("convert", str(SEED_PATH), "--config", "zz")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and "unknown OpenCC config" in result.stderr


def _bad_inputs(project: Path) -> dict[str, tuple[bytes | None, str]]:
    text = (project / SEED_PATH).read_text(encoding="utf-8").replace("\xa0", " ")
    return {
        "missing": (None, "no such file"),
        "gbk": (text.encode("gbk", errors="replace"), "looks like GBK"),
        "big5": (text.encode("big5", errors="replace"), "looks like Big5"),
        "binary": (bytes(range(256)) * 8, "binary"),
        "empty": (b"", "is empty"),
    }


@pytest.mark.parametrize("kind", ["missing", "gbk", "big5", "binary", "empty"])
@pytest.mark.parametrize("command", ["segment", "extract", "build", "check", "run"])
def test_bad_input_is_one_line_exit_2_nothing_written(project, kind, command):
    data, words = _bad_inputs(project)[kind]
    bad = project / "seeds" / "bad.txt"
    if data is not None:
        bad.write_bytes(data)
    before = snapshot(project)
    args = [command] if command == "run" else [command, "seeds/bad.txt"]
    if command == "run" and data is None:
        pytest.skip("run takes its sources from the settings")
    result = l10n(*args)
    assert result.exit_code == 2
    assert result.stderr.startswith("l10n: error: ")
    assert result.stderr.count("\n") == 1
    assert words in result.stderr
    assert "Traceback" not in result.stderr and "\ufffd" not in result.stderr
    assert result.stdout == ""
    assert snapshot(project) == before


def test_malformed_catalog_is_reported_with_its_line(project):
    assert l10n("extract").exit_code == 0
    po = project / PO
    text = po.read_text(encoding="utf-8").replace('msgstr ""\n\n#. meta', 'msgstr "oops\n\n#. meta')
    po.write_text(text, encoding="utf-8")
    before = snapshot(project)
    result = l10n("extract")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"l10n: error: {PO.as_posix()}:")
    assert snapshot(project) == before


@pytest.mark.parametrize(
    "args, words",
    [
        (["build", "--min-reviewed", "150"], "'--min-reviewed'"),
        (["check", "--max-fuzzy", "-1"], "'--max-fuzzy'"),
        (["check", "--format", "bogus"], "'bogus' is not one of"),
        (["segment"], "Missing argument 'file'"),
        (["run", "--lang", "en"], "No such option: --lang"),
        (["frobnicate"], "No such command 'frobnicate'"),
        (["--frobnicate"], "No such option: --frobnicate"),
        (["models", "frobnicate"], "No such command 'frobnicate'"),
    ],
)
def test_usage_errors_are_one_line_exit_2(project, args, words):
    result = l10n(*args)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith("l10n: error: ") and result.stderr.count("\n") == 1
    assert words in result.stderr and "--help`)" in result.stderr


def test_bad_build_targets_are_one_line(project):
    assert l10n("extract").exit_code == 0
    (project / "afile").write_text("x", encoding="utf-8")
    before = snapshot(project)
    for args, message in (
        (["build", "--lang", "xx"], "language 'xx' is not in [tool.l10n] languages (en)"),
        (["build", "-o", "afile"], "afile is a file, not a folder for the editions"),
    ):
        result = l10n(*args)
        assert (result.exit_code, result.stderr) == (2, f"l10n: error: {message}\n")
    assert snapshot(project) == before


def test_a_reader_that_goes_away_is_no_error(project):
    """`l10n segment big.txt | head -1`: no "Broken pipe" message, no traceback."""
    import subprocess

    text = (project / SEED_PATH).read_text(encoding="utf-8")
    (project / "big.txt").write_text(text * 60, encoding="utf-8")  # far more than a pipe holds
    command = [L10N, "segment", "big.txt"]
    process = subprocess.Popen(command, cwd=project, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    process.stdout.read(100)
    process.stdout.close()
    error = process.stderr.read()
    process.wait(timeout=60)
    assert error == b""
    assert process.returncode != 0
