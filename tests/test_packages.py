"""Installing Argos packages: what is refused before anything lands, and what is never replaced.

Each bad archive is the tiny real package of `synthetic.py` with one thing changed, so that
only that one thing can be the reason it is refused.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

from .conftest import l10n, snapshot

TOP = "translate-zh_en-0_1"


def _members(package_file: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(package_file) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _deflated(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _changed(package_file: Path, replace: dict[str, bytes]) -> bytes:
    """The package with some members (paths inside its folder) replaced."""
    members = _members(package_file)
    for name, data in replace.items():
        assert f"{TOP}/{name}" in members, name
        members[f"{TOP}/{name}"] = data
    return _deflated(members)


def _with_codes(package_file: Path, from_code: str, to_code: str) -> bytes:
    members = _members(package_file)
    metadata = json.loads(members[f"{TOP}/metadata.json"])
    metadata.update(from_code=from_code, to_code=to_code)
    members[f"{TOP}/metadata.json"] = json.dumps(metadata).encode()
    return _deflated(members)


def _refused(tmp_path: Path, packages: Path, data: bytes, words: str) -> str:
    """Install `data` over an installed working package: exit 2, one line with `words`,
    and the packages folder exactly as it was. Returns stderr."""
    before = snapshot(packages)
    bad = tmp_path / "bad" / f"{TOP}.argosmodel"
    bad.parent.mkdir(exist_ok=True)
    bad.write_bytes(data)
    result = l10n("models", "install", str(bad))
    assert result.exit_code == 2, (result.stdout, result.stderr)
    assert result.stderr.count("\n") == 1 and words in result.stderr, result.stderr
    assert result.stderr.startswith(f"l10n: error: {TOP}.argosmodel: ")
    assert ".install-" not in result.stderr  # the staging folder, gone by now, is not named
    assert snapshot(packages) == before
    assert sorted(p.name for p in packages.iterdir()) == [TOP]  # no staging folder left over
    return result.stderr


@pytest.fixture
def working(packages: Path, package_file: Path) -> Path:
    """The packages folder with the real package installed."""
    result = l10n("models", "install", str(package_file))
    assert result.exit_code == 0, result.stderr
    return packages


def test_a_model_that_does_not_load_never_replaces_a_working_package(
    tmp_path, working, package_file
):
    stderr = _refused(
        tmp_path,
        working,
        _changed(package_file, {"model/model.bin": b"\0" * 100}),
        "the CTranslate2 model does not load: ",
    )
    assert "Traceback" not in stderr
    import ctranslate2

    from l10n.mt.argos.packages import find

    ctranslate2.Translator(str(find(working, "translate-zh_en").model), device="cpu")


def test_a_tokenizer_that_does_not_load_never_replaces_a_working_package(
    tmp_path, working, package_file
):
    _refused(
        tmp_path,
        working,
        _changed(package_file, {"sentencepiece.model": b"not a SentencePiece model"}),
        "the SentencePiece tokenizer does not load: ",
    )


@pytest.mark.parametrize(
    ("from_code", "to_code"),
    [("../../zh", "en"), ("zh", "en/../../x"), ("z", "en"), ("zh", "e n"), ("zh", "english")],
)
def test_language_codes_must_be_language_tags(tmp_path, working, package_file, from_code, to_code):
    _refused(tmp_path, working, _with_codes(package_file, from_code, to_code), "language tag")


@pytest.mark.parametrize(
    ("from_code", "to_code"), [("zt", "en"), ("pt_BR", "nb"), ("zh-Hant", "en")]
)
def test_argos_language_codes_install(packages, tmp_path, package_file, from_code, to_code):
    archive = tmp_path / "other.argosmodel"
    archive.write_bytes(_with_codes(package_file, from_code, to_code))
    result = l10n("models", "install", str(archive))
    assert result.exit_code == 0, result.stderr
    assert f"installed translate-{from_code}_{to_code} 0.1" in result.stdout


def test_an_installed_folder_with_a_path_for_a_code_is_skipped(working):
    from l10n.mt.argos.packages import scan

    strange = working / "strange"
    strange.mkdir()
    (strange / "metadata.json").write_text(
        json.dumps({"from_code": "../../zh", "to_code": "en", "package_version": "1.0"})
    )
    found, unreadable = scan(working)
    assert [p.name for p in found] == ["translate-zh_en"]
    assert len(unreadable) == 1 and "strange" in unreadable[0]
    assert "'../../zh' is not a language tag" in unreadable[0]
    listing = l10n("models", "list")
    assert listing.exit_code == 0
    assert "translate-../../zh" not in listing.stdout
    assert "skipped" in listing.stderr and "not a language tag" in listing.stderr


def test_many_small_members_of_zeros_are_refused_before_extraction(
    tmp_path, working, package_file, monkeypatch
):
    """600 members of 512 KiB zeros: each under the per-member ratio check (1 MiB), together
    about 300 MB from an archive of a few hundred KB."""
    from l10n.mt.argos.packages import MAX_RATIO

    members = _members(package_file)
    zeros = bytes(512 << 10)
    members.update({f"{TOP}/padding/{i:03}.bin": zeros for i in range(600)})
    data = _deflated(members)
    assert len(data) < 2_000_000 and 600 * len(zeros) > MAX_RATIO * len(data)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:  # no one member trips the old check
        assert all(info.file_size <= 1 << 20 for info in archive.infolist())

    extracted = []
    original = zipfile.ZipFile.extractall
    monkeypatch.setattr(
        zipfile.ZipFile,
        "extractall",
        lambda self, *a, **k: extracted.append(self.filename) or original(self, *a, **k),
    )
    _refused(tmp_path, working, data, f"more than {MAX_RATIO} times")
    assert extracted == []


def test_the_uncompressed_size_limit_is_2_gib_above_any_real_model():
    from l10n.mt.argos.packages import MAX_UNCOMPRESSED

    assert 400 * 10**6 < MAX_UNCOMPRESSED <= 2 * 1024**3


def test_a_hidden_top_level_folder_is_refused(tmp_path, working, package_file):
    members = {
        name.replace(TOP, ".hidden", 1): data for name, data in _members(package_file).items()
    }
    _refused(tmp_path, working, _deflated(members), "'.hidden' starts with '.'")
    assert len(l10n("models", "list").stdout.splitlines()) == 1


def test_the_package_folder_comes_from_argostranslate_settings_file(
    tmp_path, monkeypatch, package_file
):
    config, chosen = tmp_path / "config", tmp_path / "chosen-packages"
    (config / "argos-translate").mkdir(parents=True)
    (config / "argos-translate" / "settings.json").write_text(
        json.dumps({"ARGOS_PACKAGES_DIR": str(chosen), "ARGOS_DEBUG": "0"}), encoding="utf-8"
    )
    monkeypatch.delenv("ARGOS_PACKAGES_DIR", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    installed = l10n("models", "install", str(package_file))
    assert installed.exit_code == 0, installed.stderr
    assert (chosen / TOP / "metadata.json").is_file()
    assert not (tmp_path / "data").exists()
    assert str(chosen) in l10n("models", "list").stdout
    elsewhere = tmp_path / "from-the-environment"
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(elsewhere))  # the environment comes first
    assert str(elsewhere) in l10n("models", "list").stderr  # none installed there


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("{not json", "not valid JSON"),
        ("[1, 2]", "must be a JSON object"),
        ('{"ARGOS_PACKAGES_DIR": 3}', "must be a string"),
    ],
)
def test_a_broken_argostranslate_settings_file_is_one_line(tmp_path, monkeypatch, text, says):
    (tmp_path / "argos-translate").mkdir()
    (tmp_path / "argos-translate" / "settings.json").write_text(text, encoding="utf-8")
    monkeypatch.delenv("ARGOS_PACKAGES_DIR", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    result = l10n("models", "list")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and says in result.stderr
    assert "settings.json" in result.stderr and "Traceback" not in result.stderr
