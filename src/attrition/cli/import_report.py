"""How a series import reports what it did: one line per input, revisions and skipped rows."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from attrition.cli.application import stderr
from attrition.cli.output import console, print_json


def is_series_import(stats: Any) -> bool:
    """True for the statistics of ``sources.series_import`` (one input, or inputs by role)."""
    if not isinstance(stats, Mapping):
        return False
    if "status" in stats and "role" in stats:
        return True
    return bool(stats) and all(isinstance(v, Mapping) and "status" in v for v in stats.values())


def print_import_stats(results: dict[str, dict[str, Any]], *, as_json: bool) -> None:
    """Report what each input of an import did; skipped rows go to stderr."""
    if as_json:
        print_json(results)
        return
    for stats in results.values():
        name = stats.get("input", "?")
        if stats.get("status") != "imported":
            console.print(
                f"[bold]{name}[/]: {stats.get('status')} ({stats.get('records', 0):,} records)"
            )
            continue
        console.print(
            f"[bold]{name}[/]: {stats['records']:,} records — {stats['inserted']:,} new, "
            f"{stats['revised']:,} revised, {stats['unchanged']:,} unchanged"
        )
        for revision in stats.get("revisions", []):
            console.print(
                f"  revised {revision['category']} {revision['as_of']}: "
                f"{revision['old']:,} → {revision['new']:,} (revision {revision['revision']})"
            )
        for message in stats.get("skipped", []):
            stderr.print(f"[yellow]skipped[/] {message}", soft_wrap=True, markup=True)
