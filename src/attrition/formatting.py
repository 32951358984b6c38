"""How values look to people and in CSV cells, shared by the CLI, the web pages and exports."""

from __future__ import annotations

import datetime as dt
from typing import Any


def format_number(value: Any) -> str:
    """``1511`` → ``1,511``; floats to two decimals; missing values as an em dash."""
    if value is None:
        return "—"
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        return f"{value:,.2f}"
    return str(value)


def csv_cell(value: Any) -> Any:
    """A value as a CSV cell: None empty, dates and times in ISO form, the rest as is."""
    if value is None:
        return ""
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return value
