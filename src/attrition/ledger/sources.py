"""Rows of the ``sources`` table: who publishes what attrition imports."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from attrition.errors import NotFound
from attrition.ledger.schema import sources
from attrition.taxonomy import SOURCES


def ensure_source(connection: sa.Connection, key: str) -> int:
    """Return the id of source ``key``, inserting it from ``taxonomy.SOURCES`` if new."""
    found = connection.execute(sa.select(sources.c.id).where(sources.c.key == key)).scalar()
    if found is not None:
        return int(found)
    if key not in SOURCES:
        raise NotFound(f"unknown source {key!r}", hint=f"known: {', '.join(sorted(SOURCES))}")
    row = {"key": key, **SOURCES[key]}
    result = connection.execute(sa.insert(sources).values(**row).returning(sources.c.id))
    return int(result.scalar_one())


def list_sources(connection: sa.Connection) -> list[dict[str, Any]]:
    """Every source with its row count of observations and evidence items."""
    from attrition.ledger.schema import evidence_items, observations

    obs = (
        sa.select(sa.func.count())
        .where(observations.c.source_id == sources.c.id, observations.c.superseded_at.is_(None))
        .scalar_subquery()
    )
    items = (
        sa.select(sa.func.count())
        .where(evidence_items.c.source_id == sources.c.id)
        .scalar_subquery()
    )
    query = sa.select(sources, obs.label("observations"), items.label("evidence_items")).order_by(
        sources.c.key
    )
    return [dict(row._mapping) for row in connection.execute(query)]
