"""`l10n models`: list, browse, install and remove Argos Translate packages."""

from __future__ import annotations

import typer

from .output import HelpWhenBare, Progress, warn

models_app = typer.Typer(
    cls=HelpWhenBare,
    help="Manage Argos Translate packages (shared with argospm and LibreTranslate).",
    rich_markup_mode=None,
)


def _size(count: int) -> str:
    return f"{count / 1e6:.1f} MB"


@models_app.command("list")
def list_models() -> None:
    """Installed packages: name, from → to, version, size, path."""
    from ..mt.argos.packages import packages_dir, scan

    folder = packages_dir()
    packages, unreadable = scan(folder)
    for reason in unreadable:
        warn(f"skipped {reason}")
    if not packages:
        typer.echo(f"no packages installed in {folder}", err=True)
        return
    for p in packages:
        pair = f"{p.from_code}→{p.to_code}"
        typer.echo(f"{p.name:<18} {pair:<8} {p.version:<8} {_size(p.size()):>9}  {p.path}")


@models_app.command("available")
def available() -> None:
    """Packages in the Argos package index (needs network access)."""
    from ..mt.argos.index import fetch_index, index_url

    for entry in fetch_index(index_url()):
        typer.echo(f"{entry.name:<18} {entry.from_code}→{entry.to_code:<6} {entry.version}")


@models_app.command("install")
def install(
    package: str = typer.Argument(..., help="A name from the index (translate-zh_en) or a file."),
) -> None:
    """Install a package from a .argosmodel file or, by name, from the index."""
    from ..mt.argos.index import install as install_package
    from ..mt.argos.packages import packages_dir

    progress = Progress()
    try:
        installed_package = install_package(package, packages_dir(), progress)
    finally:
        progress.close()
    typer.echo(
        f"installed {installed_package.name} {installed_package.version} "
        f"in {installed_package.path}"
    )


@models_app.command("remove")
def remove(
    name: str = typer.Argument(..., help="translate-zh_en, zh-en or a folder name."),
) -> None:
    """Remove an installed package."""
    from ..mt.argos.packages import packages_dir
    from ..mt.argos.packages import remove as remove_package

    removed = remove_package(packages_dir(), name)
    typer.echo(f"removed {removed.name} {removed.version} from {removed.path.parent}")
