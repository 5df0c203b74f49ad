"""The `l10n` Typer application and its single error boundary.

Every user-facing error type (`l10n.errors`) carries its exit code; the boundary
prints its one line and exits with it. Usage errors (unknown option, bad value)
become one line and exit 2 the same way; a bare group prints its help.
"""

from __future__ import annotations

import os
import sys

import typer
from typer.exceptions import TyperException

from .. import __version__
from ..errors import INTERRUPTED, USAGE, L10nError
from . import commands, quality
from .models import models_app
from .output import HelpWhenBare, error
from .tm import tm_app
from .xliff import xliff_app


def _usage_error(err: TyperException, command_path: str) -> typer.Exit:
    context = getattr(err, "ctx", None)
    where = context.command_path if context is not None else command_path
    message = " ".join(err.format_message().split())
    error(f"{message} (see `{where} --help`)")
    return typer.Exit(USAGE)


class ErrorBoundary(HelpWhenBare):
    """Turns a library error or a usage error into one line on stderr and its exit code."""

    def make_context(self, info_name, args, parent=None, **extra):
        try:
            return super().make_context(info_name, args, parent=parent, **extra)
        except TyperException as err:
            raise _usage_error(err, info_name or "l10n") from None

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except TyperException as err:
            raise _usage_error(err, ctx.command_path) from None
        except L10nError as err:
            error(str(err))
            raise typer.Exit(err.exit_code) from None
        except BrokenPipeError:
            raise  # the reader went away (`l10n segment … | head`): Typer exits quietly
        except OSError as err:
            where = f"{err.filename}: " if err.filename else ""
            error(f"{where}{err.strerror or err}")
            raise typer.Exit(USAGE) from None


app = typer.Typer(
    cls=ErrorBoundary,
    name="l10n",
    help="Segment Chinese articles, translate them through gettext PO catalogs, "
    "and build bilingual editions.",
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"l10n {__version__}")
        raise typer.Exit()


@app.callback()
def _options(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    """Segment Chinese articles, translate them through gettext PO catalogs,
    and build bilingual editions."""


for _name, _command in {**commands.COMMANDS, **quality.COMMANDS}.items():
    app.command(_name)(_command)
app.add_typer(models_app, name="models")
app.add_typer(tm_app, name="tm")
app.add_typer(xliff_app, name="xliff")


def main() -> None:
    try:
        app(prog_name="l10n")
    except SystemExit as done:
        if done.code != INTERRUPTED:
            raise
        # Ctrl-C. Every write is atomic and the stack has unwound, so nothing is half-written;
        # leave at once rather than wait for engine threads to finish their batches.
        typer.echo("l10n: interrupted; no file was left half-written", err=True)
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(INTERRUPTED)
