"""`l10n models`: list, browse, install and remove Argos Translate packages."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import typer

models_app = typer.Typer(
    help="Manage Argos Translate packages (shared with argospm and LibreTranslate).",
    no_args_is_help=True,
    rich_markup_mode=None,
)


def packages_dir() -> Path:
    """ARGOS_PACKAGES_DIR, else the Argos default under XDG_DATA_HOME or ~/.local/share."""
    configured = os.environ.get("ARGOS_PACKAGES_DIR")
    if configured:
        return Path(configured)
    data = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data) / "argos-translate" / "packages"


def index_url() -> str:
    from ..mt.index import DEFAULT_INDEX

    return os.environ.get("ARGOS_PACKAGE_INDEX_URL", DEFAULT_INDEX)


def _size(count: int) -> str:
    return f"{count / 1e6:.1f} MB"


@models_app.command("list")
def list_models() -> None:
    """Installed packages: name, from → to, version, size, path."""
    from ..mt.packages import scan

    folder = packages_dir()
    packages, unreadable = scan(folder)
    for reason in unreadable:
        typer.echo(f"l10n: warning: skipped {reason}", err=True)
    if not packages:
        typer.echo(f"no packages installed in {folder}", err=True)
        return
    for p in packages:
        pair = f"{p.from_code}→{p.to_code}"
        typer.echo(f"{p.name:<18} {pair:<8} {p.version:<8} {_size(p.size()):>9}  {p.path}")


@models_app.command("available")
def available() -> None:
    """Packages in the Argos package index (needs network access)."""
    from ..mt.index import fetch_index

    for entry in fetch_index(index_url()):
        typer.echo(f"{entry.name:<18} {entry.from_code}→{entry.to_code:<6} {entry.version}")


@models_app.command("install")
def install(
    package: str = typer.Argument(..., help="A name from the index (translate-zh_en) or a file."),
) -> None:
    """Install a package from a .argosmodel file or, by name, from the index."""
    from ..mt.index import download, fetch_index, lookup
    from ..mt.packages import install_file

    folder = packages_dir()
    path = Path(package)
    if path.suffix == ".argosmodel" or path.exists():
        installed_package = install_file(path, folder)
    else:
        entry = lookup(fetch_index(index_url()), package)
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=folder, prefix=".download-") as tmp:
            with typer.progressbar(
                length=1, label=f"downloading {entry.name}", file=sys.stderr
            ) as bar:

                def progress(done: int, total: int) -> None:
                    bar.length = max(total, done, 1)
                    bar.update(done - bar.pos)

                archive = download(entry, Path(tmp), progress)
            installed_package = install_file(archive, folder)
    typer.echo(
        f"installed {installed_package.name} {installed_package.version} "
        f"in {installed_package.path}"
    )


@models_app.command("remove")
def remove(
    name: str = typer.Argument(..., help="translate-zh_en, zh-en or a folder name."),
) -> None:
    """Remove an installed package."""
    from ..mt.packages import remove as remove_package

    removed = remove_package(packages_dir(), name)
    typer.echo(f"removed {removed.name} {removed.version} from {removed.path.parent}")
