"""``attrition init`` and ``attrition sources``."""

from __future__ import annotations

from attrition.cli.application import app
from attrition.cli.options import DatabaseOption, JsonOption, open_ledger
from attrition.cli.output import console, print_json, print_table
from attrition.ledger import list_sources


@app.command()
def init(db: DatabaseOption = None) -> None:
    """Create the ledger database, or bring its schema up to date.

    Example: attrition init --db sqlite:///attrition.db
    """
    ledger = open_ledger(db)
    console.print(f"Ledger ready at {ledger.engine.url!r} (schema {ledger.current_revision()}).")


@app.command("sources")
def sources_command(db: DatabaseOption = None, as_json: JsonOption = False) -> None:
    """List the sources in the ledger with their counts of observations and items.

    Example: attrition sources --json
    """
    with open_ledger(db).connect() as connection:
        rows = list_sources(connection)
    if as_json:
        print_json(rows)
        return
    print_table(rows, ["key", "kind", "claimant", "observations", "evidence_items", "name"])
