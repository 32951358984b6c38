"""What verification reads beyond the series: summed figures and the rows behind a figure."""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa

from attrition.ledger.schema import observations, sources
from attrition.taxonomy import SOURCES

# How importers name a figure that sums several of the source's own categories
# (General Staff "military auto + fuel tank" before 2022-05-01).
PARTS_SEPARATOR = " + "


def read_summed_days(connection: sa.Connection, claimant: str) -> dict[Any, dict[dt.date, str]]:
    """Days where a claimant's current figure sums several source categories, with their names.

    Returns ``{(subject, category): {day: "military auto + fuel tank"}}``.
    """
    o = observations.c
    query = (
        sa.select(o.subject, o.category, o.as_of, o.source_category)
        .join(sources, sources.c.id == o.source_id)
        .where(
            sources.c.claimant == claimant,
            o.basis == "cumulative",
            o.superseded_at.is_(None),
            o.source_category.contains(PARTS_SEPARATOR),
        )
    )
    found: dict[Any, dict[dt.date, str]] = {}
    for row in connection.execute(query):
        found.setdefault((row.subject, row.category), {})[row.as_of] = row.source_category
    return found


def find_observation_id(
    connection: sa.Connection,
    *,
    claimant: str,
    subject: str,
    category: str,
    as_of: dt.date,
    value: int | None = None,
) -> int | None:
    """The current cumulative observation of a claimant's figure (its first source that has it)."""
    o = observations.c
    query = (
        sa.select(o.id, sources.c.key)
        .join(sources, sources.c.id == o.source_id)
        .where(
            sources.c.claimant == claimant,
            o.subject == subject,
            o.category == category,
            o.basis == "cumulative",
            o.as_of == as_of,
            o.superseded_at.is_(None),
        )
    )
    if value is not None:
        query = query.where(o.value == value)
    order = list(SOURCES)
    rows = sorted(
        connection.execute(query),
        key=lambda r: order.index(r.key) if r.key in order else len(order),
    )
    return int(rows[0].id) if rows else None
