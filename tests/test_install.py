"""A plain `pip install` of the project (what the pre-commit hook does) stays light: no
torch, stanza or spaCy, and what it installs fits in 300 MB."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

HEAVY = ("torch", "stanza", "spacy", "argostranslate", "nvidia-", "triton", "ray", "pyarrow")
LIMIT_MB = 300
COMES_WITH_THE_VENV = ("pip", "setuptools", "_distutils_hack", "distutils-precedence.pth")


def _size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


@pytest.mark.slow
def test_pip_install_into_a_fresh_venv_is_light(tmp_path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip = venv / "bin" / "pip"
    project = tmp_path / "project"  # a copy, so that the build leaves nothing in the repository
    files = subprocess.run(
        ["git", "-C", str(ROOT), "ls-files", "-z"], check=True, capture_output=True
    ).stdout.split(b"\0")
    for name in filter(None, files):
        source = ROOT / name.decode()
        if source.is_file():
            target = project / name.decode()
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(source.read_bytes())
    result = subprocess.run(
        [str(pip), "install", "--quiet", "--disable-pip-version-check", str(project)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    listed = subprocess.run(
        [str(pip), "list", "--format", "freeze", "--disable-pip-version-check"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    names = [re.split(r"==", line)[0].lower() for line in listed.splitlines()]
    assert "l10n" in names and "ctranslate2" in names and "sentencepiece" in names
    assert not [name for name in names if name.startswith(HEAVY)], names
    site = next((venv / "lib").glob("python3*/site-packages"))
    installed = sum(
        _size_mb(p) if p.is_dir() else p.stat().st_size / 1e6
        for p in site.iterdir()
        if not p.name.startswith(COMES_WITH_THE_VENV)
    )
    assert installed <= LIMIT_MB, f"{installed:.0f} MB installed"
    help_text = subprocess.run(
        [str(venv / "bin" / "l10n"), "--help"], capture_output=True, text=True, check=True
    ).stdout
    assert "translate" in help_text
