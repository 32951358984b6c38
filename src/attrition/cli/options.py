"""Options shared by several commands."""

from __future__ import annotations

from typing import Annotated

import typer

from attrition.ledger import Ledger

DatabaseOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        envvar="ATTRITION_DATABASE_URL",
        help="Database URL (default sqlite:///attrition.db).",
        show_envvar=True,
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for programs.")]
CsvOption = Annotated[bool, typer.Option("--csv", help="Print CSV for programs.")]


def open_ledger(url: str | None) -> Ledger:
    """Open (and migrate) the ledger the command works on."""
    return Ledger.open(url)
