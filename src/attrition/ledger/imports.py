"""Rows of the ``imports`` table: which input was imported when, with what result.

An import is identified by its source, its role (e.g. ``equipment`` or
``personnel`` for the JSON transcription) and the SHA-256 of its bytes. When
the latest import of the same source and role had the same hash, the input is
unchanged and the importer can skip parsing altogether.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from attrition.ledger.observations import as_utc
from attrition.ledger.schema import imports, sources


@dataclass(frozen=True, slots=True)
class ImportRecord:
    """One row of the ``imports`` table."""

    id: int
    source: str
    input: str
    content_hash: str
    started_at: dt.datetime
    stats: dict[str, Any]

    @property
    def role(self) -> str | None:
        """Which part of a source's input this was (``equipment``, ``csv`` …)."""
        role = self.stats.get("role")
        return str(role) if role is not None else None


def hash_content(content: bytes) -> str:
    """SHA-256 of an input's bytes, hex-encoded."""
    return hashlib.sha256(content).hexdigest()


def _import_query() -> sa.Select[Any]:
    i = imports.c
    return sa.select(i.id, sources.c.key, i.input, i.content_hash, i.started_at, i.stats).join(
        sources, sources.c.id == i.source_id
    )


def _to_record(row: sa.Row[Any]) -> ImportRecord:
    return ImportRecord(
        id=row.id,
        source=row.key,
        input=row.input,
        content_hash=row.content_hash,
        started_at=as_utc(row.started_at),
        stats=dict(row.stats or {}),
    )


def find_latest_import(connection: sa.Connection, source_id: int, role: str) -> ImportRecord | None:
    """The most recent import of ``role`` for a source, or None."""
    query = _import_query().where(imports.c.source_id == source_id).order_by(imports.c.id.desc())
    # Roles interleave (a handful per source), so the match is among the first rows.
    for row in connection.execute(query):
        record = _to_record(row)
        if record.role == role:
            return record
    return None


def record_import(
    connection: sa.Connection,
    *,
    source_id: int,
    input_name: str,
    content_hash: str,
    role: str,
    started_at: dt.datetime,
) -> int:
    """Insert an ``imports`` row (statistics filled in later) and return its id."""
    result = connection.execute(
        sa.insert(imports)
        .values(
            source_id=source_id,
            input=input_name[:1000],
            content_hash=content_hash,
            started_at=started_at,
            stats={"role": role},
        )
        .returning(imports.c.id)
    )
    return int(result.scalar_one())


def update_import_stats(connection: sa.Connection, import_id: int, stats: dict[str, Any]) -> None:
    """Store what an import did (counts, skipped rows, revisions)."""
    connection.execute(sa.update(imports).where(imports.c.id == import_id).values(stats=stats))


def list_imports(connection: sa.Connection, *, source: str | None = None) -> list[ImportRecord]:
    """Every import, newest first."""
    query = _import_query().order_by(imports.c.id.desc())
    if source is not None:
        query = query.where(sources.c.key == source)
    return [_to_record(row) for row in connection.execute(query)]
