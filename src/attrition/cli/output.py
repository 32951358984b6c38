"""Rendering of command results: Rich tables for people, JSON and CSV for programs."""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any

from rich.console import Console
from rich.table import Table

from attrition.formatting import csv_cell, format_number

console = Console(highlight=False)


def _json_default(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, set | frozenset | tuple):
        return list(value)
    raise TypeError(f"cannot serialise {type(value).__name__}")


def to_json(data: Any, *, indent: int | None = 2) -> str:
    """Serialise ``data`` with dates as ISO strings."""
    return json.dumps(data, default=_json_default, ensure_ascii=False, indent=indent)


def print_json(data: Any) -> None:
    """Write ``data`` as JSON to stdout."""
    sys.stdout.write(to_json(data) + "\n")


def print_csv(rows: Iterable[Mapping[str, Any]], columns: Sequence[str]) -> None:
    """Write rows as CSV with a header to stdout."""
    writer = csv.DictWriter(sys.stdout, fieldnames=list(columns), extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: csv_cell(row.get(k)) for k in columns})


def print_table(
    rows: Iterable[Mapping[str, Any]],
    columns: Sequence[str],
    *,
    title: str | None = None,
    headers: Mapping[str, str] | None = None,
) -> None:
    """Print rows as a Rich table; numbers right-aligned with thousands separators."""
    table = Table(title=title, show_lines=False)
    materialised = list(rows)
    for column in columns:
        numeric = any(isinstance(r.get(column), int | float) for r in materialised[:50])
        table.add_column(
            (headers or {}).get(column, column), justify="right" if numeric else "left"
        )
    for row in materialised:
        table.add_row(*(format_number(row.get(c)) for c in columns))
    console.print(table)
