"""What every command shares: loading the settings, and printing data, warnings, errors."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

import typer
from typer.core import TyperGroup

from ..errors import USAGE
from ..parallel import batched


class HelpWhenBare(TyperGroup):
    """A group called with no arguments shows its help on stderr and exits 2."""

    def parse_args(self, ctx, args):
        if not args and not ctx.resilient_parsing:
            typer.echo(ctx.get_help(), err=True)
            raise typer.Exit(USAGE)
        return super().parse_args(ctx, args)


def project_settings():
    """The settings of the project around the working folder; their notices as warnings."""
    from ..settings import load

    settings = load(Path.cwd())
    for notice in settings.notices:
        warn(notice)
    return settings


def files_of(files: list[Path] | None) -> tuple[Path, ...]:
    return tuple(files or ())


def echo_lines(lines: Iterable[str]) -> None:
    """Lines on stdout, a thousand at a time (a corpus prints tens of thousands)."""
    for chunk in batched(lines, 1000):
        typer.echo("".join(f"{line}\n" for line in chunk), nl=False)


def warn(message: str) -> None:
    typer.echo(f"l10n: warning: {message}", err=True)


def error(message: str) -> None:
    typer.echo(f"l10n: error: {message}", err=True)


def exit_with(code: int) -> None:
    """End the command with `code` unless it is 0."""
    if code:
        raise typer.Exit(code)


class Progress:
    """A progress bar on stderr, shown from the first report of work done (an engine's
    batch, a download's bytes); a total of 0 is not known yet."""

    def __init__(self) -> None:
        self.bar = None

    def __call__(self, done: int, total: int, stage: str) -> None:
        if self.bar is None:
            self.bar = typer.progressbar(length=max(total, 1), label=stage, file=sys.stderr)
            self.bar.__enter__()
        self.bar.length = max(total, done, 1)
        self.bar.update(done - self.bar.pos)
        if total and done >= total:
            self.close()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None
