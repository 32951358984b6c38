"""A cheap fingerprint of the ledger's contents, for caches that must notice any write."""

from __future__ import annotations

import sqlalchemy as sa

from attrition.ledger.schema import (
    claims,
    documents,
    evidence_items,
    feeds,
    imports,
    observations,
    verdicts,
)


def read_change_marker(connection: sa.Connection) -> tuple[object, ...]:
    """Values that change whenever anything is imported, ingested, checked or revised.

    Every part is a ``max`` over a primary key or a timestamp, so one indexed
    query answers it; equal markers mean the readable contents are unchanged.
    """
    query = sa.select(
        sa.select(sa.func.max(imports.c.id)).scalar_subquery(),
        sa.select(sa.func.max(observations.c.id)).scalar_subquery(),
        sa.select(sa.func.max(evidence_items.c.id)).scalar_subquery(),
        sa.select(sa.func.max(documents.c.id)).scalar_subquery(),
        sa.select(sa.func.max(documents.c.last_updated)).scalar_subquery(),
        sa.select(sa.func.max(claims.c.id)).scalar_subquery(),
        sa.select(sa.func.max(verdicts.c.id)).scalar_subquery(),
        sa.select(sa.func.max(feeds.c.id)).scalar_subquery(),
        sa.select(sa.func.count()).select_from(feeds).scalar_subquery(),
    )
    return tuple(connection.execute(query).one())


def read_series_marker(connection: sa.Connection) -> tuple[object, ...]:
    """Values that change whenever a figure or an evidence item is imported or revised.

    Narrower than :func:`read_change_marker`: storing a checked article's claims
    and verdicts leaves it unchanged, so a verification cache survives checks.
    """
    query = sa.select(
        sa.select(sa.func.max(imports.c.id)).scalar_subquery(),
        sa.select(sa.func.max(observations.c.id)).scalar_subquery(),
        sa.select(sa.func.max(evidence_items.c.id)).scalar_subquery(),
    )
    return tuple(connection.execute(query).one())
