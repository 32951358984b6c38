"""Run the registered bundled importers, each in its own transaction."""

from __future__ import annotations

import importlib
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
    for module in BUNDLED_MODULES:
        importlib.import_module(module)
    results: dict[str, dict[str, Any]] = {}
    with Progress(transient=True, disable=not progress) as bar:
        task = bar.add_task("importing bundled snapshot", total=len(BUNDLED_IMPORTS))
        for item in BUNDLED_IMPORTS:
            bar.update(task, description=f"importing {item.name}")
            with ledger.transaction() as connection:
                results[item.name] = item.run(connection)
            bar.advance(task)
    return results
