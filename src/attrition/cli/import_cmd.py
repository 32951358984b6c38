"""``attrition import``: the group under which every importer hangs its subcommand."""

from __future__ import annotations

from typing import Annotated

import typer

from attrition.cli.application import app
from attrition.cli.import_report import is_series_import, print_import_stats
from attrition.cli.options import DatabaseOption, JsonOption, open_ledger
from attrition.cli.output import console, print_json

import_app = typer.Typer(
    help="Import inputs into the ledger (idempotent: re-importing changes nothing).",
    no_args_is_help=False,
    invoke_without_command=True,
)
app.add_typer(import_app, name="import")


@import_app.callback()
def import_bundled(
    ctx: typer.Context,
    bundled: Annotated[
        bool, typer.Option("--bundled", help="Import the snapshot shipped with attrition.")
    ] = False,
    db: DatabaseOption = None,
    as_json: JsonOption = False,
) -> None:
    """Import inputs into the ledger; --bundled imports the shipped snapshot, offline.

    Example: attrition import --bundled
    """
    if ctx.invoked_subcommand is not None:
        return
    if not bundled:
        console.print(ctx.get_help())
        raise typer.Exit(code=2)
    from attrition.sources.loaders import import_all_bundled

    ledger = open_ledger(db)
    results = import_all_bundled(ledger)
    if as_json:
        print_json(results)
        return
    for name, stats in results.items():
        if is_series_import(stats):
            by_role = stats if "status" not in stats else {name: stats}
            print_import_stats(by_role, as_json=False)
        else:
            console.print(f"[bold]{name}[/]: {stats}")
