"""The Typer application and the one place that turns errors into messages."""

from __future__ import annotations

from typing import Any

import typer
from rich.console import Console
from typer.core import TyperGroup

from attrition.errors import AttritionError

stderr = Console(stderr=True, highlight=False)


class _ErrorReportingGroup(TyperGroup):
    """Report ``AttritionError`` as one line on stderr with the error's exit code."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except AttritionError as exc:
            stderr.print(f"[bold red]Error:[/] {exc}", markup=True, soft_wrap=True)
            raise typer.Exit(code=exc.exit_code) from None


app = typer.Typer(
    cls=_ErrorReportingGroup,
    help="attrition: an evidence ledger for contested war-loss figures.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _commands() -> None:
    """Keep ``app`` a group of commands even when only the invoked one is loaded.

    Typer runs an app with a single command as that command; the CLI loads only the module
    of the command it runs (see ``attrition.cli.main``), so the group must be explicit.
    """
