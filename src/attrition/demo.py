"""What ``attrition demo`` loads before serving: the bundled snapshot and example article."""

from __future__ import annotations

from attrition.ledger import Ledger
from attrition.sources.loaders import import_all_bundled


def load_demo_data(ledger: Ledger, *, progress: bool = True) -> list[str]:
    """Import every bundled input (idempotent) and return one line per step for people."""
    lines = []
    for name, stats in import_all_bundled(ledger, progress=progress).items():
        counts = ", ".join(f"{k} {v}" for k, v in stats.items() if isinstance(v, int))
        lines.append(f"imported {name}: {counts or 'done'}")
    if not lines:
        lines.append("no bundled inputs are registered yet; serving an empty ledger")
    return lines
