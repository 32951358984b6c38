"""Observations: figures for a series on a day, stored bitemporally with revisions.

The natural key of an observation is (source, subject, category, basis, as_of).
Importing a record whose key is new inserts revision 1; importing the same
figure again changes nothing; importing a different figure for a known key
inserts revision n+1 pointing at the old row (``previous_id``) and stamps the
old row's ``superseded_at``. Nothing is ever overwritten or deleted, so the
ledger can answer both "what is the figure" and "what did we hold on day T".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import sqlalchemy as sa

from attrition.errors import InputError, NotFound
from attrition.ledger.bulk import insert_rows, update_rows
from attrition.ledger.schema import imports, observations, sources

# Revisions listed one by one in an import's statistics; the count is always exact.
MAX_LISTED_REVISIONS = 200


class ObservationRecord(NamedTuple):
    """One figure read from an input, before it is stored (a tuple: 3x cheaper to build)."""

    subject: str
    category: str
    as_of: dt.date
    value: int | None
    basis: str = "cumulative"
    qualifier: str = "exact"
    low: int | None = None
    high: int | None = None
    source_category: str | None = None
    provenance_row: str | None = None

    @property
    def key(self) -> tuple[str, str, str, dt.date]:
        """The natural key within one source: (subject, category, basis, as_of)."""
        return (self.subject, self.category, self.basis, self.as_of)

    @property
    def figure(self) -> tuple[int | None, int | None, int | None, str]:
        """What a revision compares: value, low, high and qualifier."""
        return (self.value, self.low, self.high, self.qualifier)


@dataclass(frozen=True, slots=True)
class Observation:
    """One stored revision of an observation, as read back from the ledger."""

    id: int
    source: str
    subject: str
    category: str
    basis: str
    as_of: dt.date
    value: int | None
    low: int | None
    high: int | None
    qualifier: str
    revision: int
    previous_id: int | None
    recorded_at: dt.datetime
    superseded_at: dt.datetime | None
    source_category: str | None
    provenance: str | None
    provenance_row: str | None
    import_id: int | None

    def as_dict(self) -> dict[str, Any]:
        """Plain dict for JSON and CSV output."""
        return {name: getattr(self, name) for name in self.__slots__}


@dataclass
class UpsertStats:
    """What an upsert did: rows inserted as new keys, revised, left unchanged."""

    inserted: int = 0
    revised: int = 0
    unchanged: int = 0
    revisions: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """Counts (and the revised keys) for import statistics."""
        return {
            "inserted": self.inserted,
            "revised": self.revised,
            "unchanged": self.unchanged,
            "revisions": self.revisions,
        }


def utc_now() -> dt.datetime:
    """The current time, timezone-aware, in UTC."""
    return dt.datetime.now(dt.UTC)


def as_utc(moment: dt.datetime) -> dt.datetime:
    """Normalise a stored timestamp: SQLite gives naive UTC, PostgreSQL aware."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC)


def known_on_cutoff(day: dt.date | dt.datetime) -> dt.datetime:
    """The instant a bitemporal query looks at: the end of ``day`` (UTC), or the moment given."""
    if isinstance(day, dt.datetime):
        return as_utc(day)
    return dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), tzinfo=dt.UTC)


def _current_rows(
    connection: sa.Connection, source_id: int, records: Sequence[ObservationRecord]
) -> dict[tuple[Any, ...], Any]:
    """The current rows of the series the records touch (not the source's other series)."""
    if not records:
        return {}
    o = observations.c
    categories = sorted({r.category for r in records})
    bases = sorted({r.basis for r in records})
    query = sa.select(
        o.id,
        o.subject,
        o.category,
        o.basis,
        o.as_of,
        o.value,
        o.low,
        o.high,
        o.qualifier,
        o.revision,
    ).where(
        o.source_id == source_id,
        o.superseded_at.is_(None),
        o.category.in_(categories),
        o.basis.in_(bases),
    )
    return {(r.subject, r.category, r.basis, r.as_of): r for r in connection.execute(query)}


def _insert_observation_rows(
    connection: sa.Connection,
    rows: Sequence[tuple[Any, ...]],
    *,
    source_id: int,
    import_id: int | None,
    recorded_at: dt.datetime,
    provenance: str | None,
    revised: bool,
) -> None:
    """Insert many observation rows in bulk.

    A row is an ``ObservationRecord`` (a tuple in column order), followed by its
    revision and predecessor when ``revised``; new rows are revision 1. The
    values shared by every row (our own ids, timestamp and revision 1) are
    constants of the statement, so records are bound as they are, without copying.
    """
    columns = list(ObservationRecord._fields)
    constants: dict[str, Any] = {
        "source_id": source_id,
        "import_id": import_id,
        "recorded_at": recorded_at.astimezone(dt.UTC),
    }
    if revised:
        columns += ["revision", "previous_id"]
    else:
        constants["revision"] = 1
    if import_id is None and provenance is not None:
        # Rows from an import leave provenance to the import row (read back
        # through a join); rows stored without one carry it themselves.
        columns.append("provenance")
        rows = [(*row, provenance) for row in rows]
    insert_rows(connection, observations, columns, rows, constants=constants)


def _duplicate_error(records: Sequence[ObservationRecord], provenance: str | None) -> InputError:
    seen: set[tuple[Any, ...]] = set()
    for record in records:
        key = (record.subject, record.category, record.basis, record.as_of)
        if key in seen:
            return InputError(
                f"{provenance or 'input'}: two figures for {record.category} ({record.basis}) "
                f"of {record.subject} on {record.as_of.isoformat()}",
                hint="each day may appear once per category",
            )
        seen.add(key)
    raise AssertionError("no duplicate key among the records")


def upsert_observations(
    connection: sa.Connection,
    source_id: int,
    records: Iterable[ObservationRecord],
    *,
    import_id: int | None = None,
    provenance: str | None = None,
    recorded_at: dt.datetime | None = None,
) -> UpsertStats:
    """Store records idempotently: new keys inserted, changed figures revised, never overwritten.

    Args:
        connection: a connection inside the import's transaction.
        source_id: the ``sources`` row the records belong to.
        records: at most one record per natural key (two raise ``InputError``).
        import_id: the ``imports`` row the records came from.
        provenance: the input file or URL.
        recorded_at: when attrition learned the figures (default: now).

    Returns:
        Counts of inserted, revised and unchanged records, and the revised keys.
    """
    recorded_at = as_utc(recorded_at) if recorded_at else utc_now()
    records = list(records)
    current = _current_rows(connection, source_id, records)
    stats = UpsertStats()
    fresh: list[ObservationRecord] = []
    revised: list[tuple[Any, ...]] = []
    supersede: list[dict[str, Any]] = []
    if not current:
        # A first import of these series: nothing to compare, every record is new
        # (a duplicate key is caught by the unique constraint below).
        fresh = records
        stats.inserted = len(records)
    seen: set[tuple[Any, ...]] = set()
    for record in records if current else ():
        key = (record.subject, record.category, record.basis, record.as_of)
        if key in seen:
            raise _duplicate_error(records, provenance)
        seen.add(key)
        old = current.get(key)
        if old is None:
            stats.inserted += 1
            fresh.append(record)
            continue
        if (old.value, old.low, old.high, old.qualifier) == (
            record.value,
            record.low,
            record.high,
            record.qualifier,
        ):
            stats.unchanged += 1
            continue
        supersede.append({"id": old.id, "superseded_at": recorded_at})
        revised.append((*record, old.revision + 1, old.id))
        stats.revised += 1
        if len(stats.revisions) < MAX_LISTED_REVISIONS:
            stats.revisions.append(
                {
                    "category": record.category,
                    "basis": record.basis,
                    "as_of": record.as_of.isoformat(),
                    "old": old.value,
                    "new": record.value,
                    "revision": old.revision + 1,
                }
            )
    # Supersede first so that at no point two rows of one key look current.
    update_rows(connection, observations, supersede)
    try:
        for rows, are_revisions in ((fresh, False), (revised, True)):
            _insert_observation_rows(
                connection,
                rows,
                source_id=source_id,
                import_id=import_id,
                recorded_at=recorded_at,
                provenance=provenance,
                revised=are_revisions,
            )
    except sa.exc.IntegrityError:
        if len({(r.subject, r.category, r.basis, r.as_of) for r in records}) < len(records):
            raise _duplicate_error(records, provenance) from None
        raise
    return stats


def _observation_query() -> sa.Select[Any]:
    o = observations.c
    return sa.select(
        o.id,
        sources.c.key.label("source"),
        o.subject,
        o.category,
        o.basis,
        o.as_of,
        o.value,
        o.low,
        o.high,
        o.qualifier,
        o.revision,
        o.previous_id,
        o.recorded_at,
        o.superseded_at,
        o.source_category,
        sa.func.coalesce(o.provenance, imports.c.input).label("provenance"),
        o.provenance_row,
        o.import_id,
    ).select_from(
        observations.join(sources, sources.c.id == o.source_id).outerjoin(
            imports, imports.c.id == o.import_id
        )
    )


def _to_observation(row: sa.Row[Any]) -> Observation:
    values = row._asdict()
    values["recorded_at"] = as_utc(values["recorded_at"])
    if values["superseded_at"] is not None:
        values["superseded_at"] = as_utc(values["superseded_at"])
    return Observation(**values)


def _held_at(query: sa.Select[Any], as_known_on: dt.date | dt.datetime | None) -> sa.Select[Any]:
    """Restrict to current rows, or to the rows the ledger held at ``as_known_on``."""
    o = observations.c
    if as_known_on is None:
        return query.where(o.superseded_at.is_(None))
    cutoff = known_on_cutoff(as_known_on)
    return query.where(
        o.recorded_at < cutoff, sa.or_(o.superseded_at.is_(None), o.superseded_at >= cutoff)
    )


def read_series(
    connection: sa.Connection,
    *,
    category: str,
    source: str,
    subject: str = "RU",
    basis: str = "cumulative",
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    as_known_on: dt.date | dt.datetime | None = None,
) -> list[Observation]:
    """One source's series for a category, ordered by date.

    Args:
        as_known_on: when given, the figures the ledger held at the end of that
            day (or at that instant) instead of the current ones.
    """
    o = observations.c
    query = _observation_query().where(
        sources.c.key == source, o.subject == subject, o.category == category, o.basis == basis
    )
    if date_from is not None:
        query = query.where(o.as_of >= date_from)
    if date_to is not None:
        query = query.where(o.as_of <= date_to)
    query = _held_at(query, as_known_on).order_by(o.as_of)
    return [_to_observation(row) for row in connection.execute(query)]


def read_history(
    connection: sa.Connection,
    *,
    category: str,
    as_of: dt.date,
    subject: str = "RU",
    source: str | None = None,
    basis: str | None = None,
) -> list[Observation]:
    """Every revision of every source's figure for one category and day, oldest first."""
    o = observations.c
    query = _observation_query().where(
        o.subject == subject, o.category == category, o.as_of == as_of
    )
    if source is not None:
        query = query.where(sources.c.key == source)
    if basis is not None:
        query = query.where(o.basis == basis)
    query = query.order_by(sources.c.key, o.basis, o.revision)
    return [_to_observation(row) for row in connection.execute(query)]


class ClaimantFigure(NamedTuple):
    """A compact row for in-memory analysis: one source's figure for one day."""

    source: str
    subject: str
    category: str
    as_of: dt.date
    value: int | None
    qualifier: str


def read_claimant_figures(
    connection: sa.Connection,
    *,
    claimant: str,
    basis: str = "cumulative",
    subject: str | None = None,
    category: str | None = None,
    date_to: dt.date | None = None,
    as_known_on: dt.date | dt.datetime | None = None,
) -> list[ClaimantFigure]:
    """Every source's figures for one claimant, in one query (the reconcile's input)."""
    o = observations.c
    query = (
        sa.select(sources.c.key, o.subject, o.category, o.as_of, o.value, o.qualifier)
        .join(sources, sources.c.id == o.source_id)
        .where(sources.c.claimant == claimant, o.basis == basis)
    )
    if subject is not None:
        query = query.where(o.subject == subject)
    if category is not None:
        query = query.where(o.category == category)
    if date_to is not None:
        query = query.where(o.as_of <= date_to)
    query = _held_at(query, as_known_on)
    return [ClaimantFigure._make(row) for row in connection.execute(query)]


def list_series(connection: sa.Connection, *, claimant: str | None = None) -> list[dict[str, Any]]:
    """Every series held: source, subject, category, basis, count, first and last day."""
    o = observations.c
    query = (
        sa.select(
            sources.c.key.label("source"),
            sources.c.claimant,
            o.subject,
            o.category,
            o.basis,
            sa.func.count().label("days"),
            sa.func.min(o.as_of).label("first"),
            sa.func.max(o.as_of).label("last"),
        )
        .join(sources, sources.c.id == o.source_id)
        .where(o.superseded_at.is_(None))
        .group_by(sources.c.key, sources.c.claimant, o.subject, o.category, o.basis)
        .order_by(sources.c.key, o.subject, o.category, o.basis)
    )
    if claimant is not None:
        query = query.where(sources.c.claimant == claimant)
    return [dict(row._mapping) for row in connection.execute(query)]


def require_source(connection: sa.Connection, key: str) -> int:
    """The id of an existing source, or ``NotFound`` listing the sources held."""
    found = connection.execute(sa.select(sources.c.id).where(sources.c.key == key)).scalar()
    if found is None:
        held = connection.execute(sa.select(sources.c.key).order_by(sources.c.key)).scalars()
        raise NotFound(
            f"no source {key!r} in the ledger",
            hint=f"sources held: {', '.join(held) or 'none (run attrition import --bundled)'}",
        )
    return int(found)


def iter_observations(
    connection: sa.Connection,
    *,
    source: str | None = None,
    category: str | None = None,
    subject: str | None = None,
    basis: str | None = None,
    all_revisions: bool = False,
    as_known_on: dt.date | dt.datetime | None = None,
    batch_size: int = 2000,
) -> Iterator[Observation]:
    """Stream observations (current, as known on a day, or every revision) in key order."""
    o = observations.c
    query = _observation_query()
    if source is not None:
        query = query.where(sources.c.key == source)
    if category is not None:
        query = query.where(o.category == category)
    if subject is not None:
        query = query.where(o.subject == subject)
    if basis is not None:
        query = query.where(o.basis == basis)
    if not all_revisions:
        query = _held_at(query, as_known_on)
    query = query.order_by(sources.c.key, o.subject, o.category, o.basis, o.as_of, o.revision)
    result = connection.execution_options(stream_results=True, yield_per=batch_size).execute(query)
    for row in result:
        yield _to_observation(row)
