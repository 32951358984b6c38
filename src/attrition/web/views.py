"""What each page and API route shows, built once from a ledger connection as plain data.

Routes render these dicts as JSON, CSV or HTML at the last step, so the API
and the dashboard can never disagree.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from attrition.ledger import list_sources


def build_sources(connection: sa.Connection) -> list[dict[str, Any]]:
    """Every source with its counts of current observations and evidence items."""
    return list_sources(connection)


def build_overview(connection: sa.Connection) -> dict[str, Any]:
    """The overview: per category the latest official figure, confirmed count and ratio."""
    return {"latest": None, "categories": [], "sources": build_sources(connection)}
