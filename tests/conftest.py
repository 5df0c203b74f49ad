"""Shared fixtures and helpers: a temporary project with the seed article, the CLI in-process."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from l10n.cli.app import app

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SEED_NAME = "sichuan-police-conference-2020"
SEED = ROOT / "seeds" / f"{SEED_NAME}.txt"
# The seed's files, relative to a project folder.
SEED_PATH = Path("seeds") / f"{SEED_NAME}.txt"
POT = Path("locales") / f"{SEED_NAME}.pot"
PO = Path("locales/en/LC_MESSAGES") / f"{SEED_NAME}.po"
# The installed console script, for tests that need a real process (signals, pipes).
L10N = str(Path(sys.executable).with_name("l10n"))


def l10n(*args: str, input: bytes | str | None = None) -> Result:
    """The command line in this process, through Typer's CliRunner."""
    return CliRunner().invoke(app, list(args), input=input)


def l10n_ok(*args: str) -> Result:
    """`l10n(*args)`, which must exit 0."""
    result = l10n(*args)
    assert result.exit_code == 0, result.stderr
    return result


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under the folder: relative path → bytes."""
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the repository's project files (pyproject, seeds) as the working folder."""
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def msgfmt(*args: str | Path) -> subprocess.CompletedProcess:
    if shutil.which("msgfmt") is None:
        pytest.fail("GNU gettext (msgfmt) is required: apt-get install gettext")
    return subprocess.run(["msgfmt", *map(str, args)], capture_output=True, text=True, check=False)


@pytest.fixture(scope="session")
def package_file(tmp_path_factory) -> Path:
    """A tiny real Argos zh→en package (random weights), built once per session. Its `</s>`
    is made likelier, so that, like a real model's, most of its outputs end by themselves."""
    from .synthetic import build_package

    folder = tmp_path_factory.mktemp("argos")
    return build_package(
        folder / "translate-zh_en-0_1.argosmodel", SEED.read_text("utf-8"), end_bias=0.5
    )


@pytest.fixture
def packages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty ARGOS_PACKAGES_DIR for this test."""
    folder = tmp_path / "argos-packages"
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(folder))
    return folder


@pytest.fixture
def fake_engine(project: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The project set to translate with the in-memory engine of `fake_engine.py`, registered
    in the engine table as a new engine module would be."""
    from l10n import mt

    from . import fake_engine

    monkeypatch.setitem(mt.ENGINES, "fake", "tests.fake_engine")
    monkeypatch.setattr(fake_engine, "BATCHES", [])
    monkeypatch.setattr(fake_engine, "SOURCE_LANGUAGES", [])
    pyproject = project / "pyproject.toml"
    text = pyproject.read_text("utf-8")
    assert 'engine = "argos"' in text
    pyproject.write_text(text.replace('engine = "argos"', 'engine = "fake"'), encoding="utf-8")
    return project
