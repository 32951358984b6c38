"""Run the registered bundled importers, each in its own transaction."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

from rich.progress import Progress

from attrition.ledger import Ledger
from attrition.sources.bundled import BUNDLED_IMPORTS

# Modules that register bundled inputs on import; order is import order.
BUNDLED_MODULES: tuple[str, ...] = (
    "attrition.sources.general_staff",
    "attrition.sources.oryx_import",
    "attrition.sources.oryx_totals",
)


def import_all_bundled(ledger: Ledger, *, progress: bool = True) -> dict[str, dict[str, Any]]:
    """Import every bundled input; each input is one transaction. Returns stats by input."""
    return import_bundled(ledger, ("",), progress=progress)


def import_bundled(
    ledger: Ledger, names: tuple[str, ...], *, progress: bool = False
) -> dict[str, dict[str, Any]]:
    """Import the bundled inputs whose names start with one of ``names``, each in a transaction."""
    for module in BUNDLED_MODULES:
        importlib.import_module(module)
    chosen = [item for item in BUNDLED_IMPORTS if item.name.startswith(names)]
    results: dict[str, dict[str, Any]] = {}
    with Progress(transient=True, disable=not progress) as bar:
        task = bar.add_task("importing bundled snapshot", total=len(chosen))
        for item in chosen:
            bar.update(task, description=f"importing {item.name}")
            with ledger.transaction() as connection:
                results[item.name] = item.run(connection)
            bar.advance(task)
    return results


def general_staff_snapshot(directory: Path) -> Ledger:
    """A new SQLite ledger in ``directory`` holding the bundled General Staff series only."""
    ledger = Ledger.open(f"sqlite:///{directory / 'general-staff-snapshot.db'}")
    import_bundled(ledger, ("general-staff",))
    return ledger
