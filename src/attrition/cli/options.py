"""Options shared by several commands."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:  # the database layer loads when a command opens the ledger, not before
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
    from attrition.ledger import Ledger

    return Ledger.open(url)


@contextmanager
def ledger_for(url: str | None) -> Iterator[Ledger]:
    """The ledger for one command, its pooled connections closed when the command ends."""
    ledger = open_ledger(url)
    try:
        yield ledger
    finally:
        ledger.dispose()
