"""Fingerprints: the versions of the libraries that shape l10n's outputs are part of the
tool's, so that upgrading one redoes every step of an incremental run."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from l10n.fingerprints import (
    NOT_INSTALLED,
    OUTPUT_LIBRARIES,
    fingerprint,
    library_versions,
    tool_fingerprint,
)

from .conftest import l10n_ok


def installed(*names: str, under: Path) -> Path:
    under.mkdir(parents=True, exist_ok=True)
    for name in names:
        (under / name).mkdir()
    return under


def test_versions_are_those_importlib_metadata_reads():
    for name, found in library_versions().items():
        try:
            expected = version(name)
        except PackageNotFoundError:
            expected = NOT_INSTALLED
        assert found == expected, name


def test_the_first_folder_on_the_path_wins_and_names_are_normalised(tmp_path: Path):
    first = installed(
        "Markdown_It_Py-9.1.0.dist-info",
        "polib-0.1.dist-info",
        "unrelated-1.0.dist-info",
        under=tmp_path / "a",
    )
    second = installed(
        "polib-7.0.dist-info",
        "opencc-2.0.0.dist-info",
        "numpy-1.0-py3.11.egg-info",
        "rapidfuzz-3",
        under=tmp_path / "b",
    )
    found = library_versions([str(tmp_path / "gone"), str(first), str(second)])
    assert found["markdown_it_py"] == "9.1.0"
    assert found["polib"] == "0.1"
    assert found["opencc"] == "2.0.0"
    assert found["numpy"] == "1.0"  # an egg's folder, its Python cut off
    assert found["rapidfuzz"] == NOT_INSTALLED  # a folder of that name is no distribution
    assert set(found) == set(OUTPUT_LIBRARIES)


def test_the_tool_fingerprint_follows_a_library_upgrade(tmp_path: Path, monkeypatch):
    before = tool_fingerprint()
    assert tool_fingerprint() == before
    monkeypatch.syspath_prepend(str(installed("opencc-99.0.dist-info", under=tmp_path)))
    assert tool_fingerprint() != before
    assert fingerprint("a", "bc") != fingerprint("ab", "c")


def test_a_library_upgrade_redoes_every_step(project: Path, tmp_path: Path, monkeypatch):
    import l10n.stages.extract as extract

    reads: list[object] = []
    real_load = extract.load

    def counted(*args, **kwargs):
        reads.append(args)
        return real_load(*args, **kwargs)

    monkeypatch.setattr(extract, "load", counted)
    l10n_ok("run")
    reads.clear()
    l10n_ok("run", "--jobs", "1")
    assert reads == []  # nothing changed: no source read
    monkeypatch.syspath_prepend(str(installed("polib-99.0.dist-info", under=tmp_path / "site")))
    l10n_ok("run", "--jobs", "1")
    assert len(reads) == len(list((project / "seeds").glob("*.txt")))
    reads.clear()
    l10n_ok("run", "--jobs", "1")
    assert reads == []  # recorded under the new version
