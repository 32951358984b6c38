"""Evidence items: one confirmed loss each, kept across snapshots of the source.

A row's ``first_seen`` is the date of the earliest snapshot that listed the
item, ``last_seen`` the latest, and ``disappeared_on`` the date of the first
later snapshot that no longer listed it. Its ``item_key`` locates it in the
latest snapshot; which stored row is which snapshot item is decided by
:mod:`attrition.ledger.evidence_match`. Importing the same snapshot twice
changes nothing; an older snapshot imported after a newer one only moves
``first_seen`` back and never overwrites what the newer snapshot said.
"""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

import sqlalchemy as sa

from attrition.ledger.bulk import insert_rows, update_rows
from attrition.ledger.evidence_match import Matchable, free_key, match_items
from attrition.ledger.schema import evidence_items, sources
from attrition.taxonomy import ORYX_STATUSES

# Fields a snapshot describes; a newer snapshot's values replace an older one's.
DESCRIPTIVE_FIELDS = (
    "category",
    "source_category",
    "model",
    "status",
    "counted_as",
    "detail",
    "item_number",
    "proof_url",
    "date_hint",
)


class EvidenceRecord(Matchable, Protocol):
    """What an importer hands over for one item (``OryxItem`` is one): more than matching reads."""

    @property
    def status(self) -> str: ...
    @property
    def counted_as(self) -> str: ...
    @property
    def detail(self) -> str | None: ...
    @property
    def item_number(self) -> int: ...
    @property
    def date_hint(self) -> dt.date | None: ...


@dataclass(slots=True)
class EvidenceStats:
    """What one snapshot import did to the ledger."""

    items: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    reappeared: int = 0
    disappeared: int = 0
    matched_by: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """The counts as a plain dict."""
        return {name: getattr(self, name) for name in self.__slots__}


def upsert_evidence_items(
    connection: sa.Connection,
    source_id: int,
    items: Sequence[EvidenceRecord],
    *,
    seen_on: dt.date,
) -> EvidenceStats:
    """Store one snapshot of a source's items, seen on ``seen_on``.

    A matched row keeps its id and ``first_seen`` and takes the snapshot's key
    and fields when the snapshot is at least as new as its ``last_seen``. Stored
    items of the snapshot's sides that it lacks get ``disappeared_on=seen_on``
    when the snapshot is newer than their ``last_seen``; nothing is deleted.
    """
    stats = EvidenceStats(items=len(items))
    rows = _load_rows(connection, source_id, sorted({item.side for item in items}))
    matching = match_items(rows, items)
    stats.matched_by = matching.by_pass
    changes: dict[int, dict[str, Any]] = {}
    for index, row_index in matching.pairs.items():
        change = _changes(rows[row_index], items[index], seen_on)
        if change:
            changes[row_index] = change
            stats.reappeared += "disappeared_on" in change
        else:
            stats.unchanged += 1
    matched_rows = set(matching.pairs.values())
    for row_index, row in enumerate(rows):
        if row_index not in matched_rows and row.disappeared_on is None and row.last_seen < seen_on:
            changes[row_index] = {"disappeared_on": seen_on}
            stats.disappeared += 1
    new_items = [item for index, item in enumerate(items) if index not in matching.pairs]
    new_keys = _settle_keys(rows, changes, new_items, matched_rows, seen_on)
    later_snapshots = _snapshot_dates_after(rows, seen_on)
    inserts = [
        _new_row(source_id, item, key, seen_on, later_snapshots)
        for item, key in zip(new_items, new_keys, strict=True)
    ]
    stats.new = len(inserts)
    stats.updated = len(changes) - stats.disappeared
    _write(connection, rows, changes, inserts)
    return stats


def _load_rows(connection: sa.Connection, source_id: int, sides: list[str]) -> list[Any]:
    e = evidence_items.c
    columns = [e.id, e.item_key, e.side, e.first_seen, e.last_seen, e.disappeared_on]
    columns += [e[name] for name in DESCRIPTIVE_FIELDS]
    query = sa.select(*columns).where(e.source_id == source_id, e.side.in_(sides)).order_by(e.id)
    return list(connection.execute(query))


def _snapshot_dates_after(rows: Iterable[Any], seen_on: dt.date) -> list[dt.date]:
    dates = {day for row in rows for day in (row.first_seen, row.last_seen)}
    return sorted(day for day in dates if day > seen_on)


def _changes(row: Any, item: EvidenceRecord, seen_on: dt.date) -> dict[str, Any]:
    change: dict[str, Any] = {}
    if seen_on < row.first_seen:
        change["first_seen"] = seen_on
    if row.disappeared_on is not None and seen_on >= row.disappeared_on:
        change["disappeared_on"] = None  # listed again after a snapshot that lacked it
    if seen_on >= row.last_seen:
        if seen_on > row.last_seen:
            change["last_seen"] = seen_on
        for name in ("item_key", *DESCRIPTIVE_FIELDS):
            value = getattr(item, name)
            if getattr(row, name) != value:
                change[name] = value
    return change


def _settle_keys(
    rows: Sequence[Any],
    changes: dict[int, dict[str, Any]],
    new_items: Sequence[EvidenceRecord],
    matched_rows: set[int],
    seen_on: dt.date,
) -> list[str]:
    """Make every key unique again; returns the keys of the new items.

    A row the snapshot no longer lists gives its key up to the item that now
    holds its place (the row's key gets a ``~n`` suffix); an item of an older
    snapshot whose key a newer row holds takes the suffix instead.
    """
    holders = {
        row.item_key: index
        for index, row in enumerate(rows)
        if "item_key" not in changes.get(index, {})
    }
    taken = {row.item_key for row in rows} | {item.item_key for item in new_items}
    taken |= {change["item_key"] for change in changes.values() if "item_key" in change}

    def yields(holder: int) -> bool:
        # Only a row this snapshot no longer lists, and no newer than it, gives way.
        return holder not in matched_rows and rows[holder].last_seen <= seen_on

    for change in list(changes.values()):
        wanted = change.get("item_key")
        holder = holders.get(wanted) if wanted is not None else None
        if holder is not None and yields(holder):
            _displace(changes, holders.pop(wanted), wanted, taken)  # type: ignore[arg-type]
        elif holder is not None:
            change["item_key"] = free_key(wanted, taken)  # type: ignore[arg-type]
            taken.add(change["item_key"])
    keys: list[str] = []
    for item in new_items:
        key = item.item_key
        holder = holders.get(key)
        if holder is not None and yields(holder):
            _displace(changes, holders.pop(key), key, taken)
        elif holder is not None:
            key = free_key(key, taken)
            taken.add(key)
        keys.append(key)
    return keys


def _displace(changes: dict[int, dict[str, Any]], index: int, key: str, taken: set[str]) -> None:
    moved = free_key(key, taken)
    taken.add(moved)
    changes.setdefault(index, {})["item_key"] = moved


_INSERT_COLUMNS = (
    "source_id",
    "item_key",
    "side",
    *DESCRIPTIVE_FIELDS,
    "first_seen",
    "last_seen",
    "disappeared_on",
)
_descriptive = operator.attrgetter(*DESCRIPTIVE_FIELDS)


def _new_row(
    source_id: int,
    item: EvidenceRecord,
    key: str,
    seen_on: dt.date,
    later_snapshots: list[dt.date],
) -> tuple[Any, ...]:
    # An older snapshot imported late: the item was gone by the next one we know.
    gone = later_snapshots[0] if later_snapshots else None
    return (source_id, key, item.side, *_descriptive(item), seen_on, seen_on, gone)


def _write(
    connection: sa.Connection,
    rows: Sequence[Any],
    changes: dict[int, dict[str, Any]],
    inserts: list[tuple[Any, ...]],
) -> None:
    updates = [{"id": rows[index].id, **change} for index, change in changes.items()]
    # Keys move in two steps so that no intermediate state breaks their uniqueness.
    moving = [
        {"id": update["id"], "item_key": f"~moving~{update['id']}"}
        for update in updates
        if "item_key" in update
    ]
    update_rows(connection, evidence_items, moving)
    update_rows(connection, evidence_items, updates)
    insert_rows(connection, evidence_items, _INSERT_COLUMNS, inserts)


def list_evidence_items(
    connection: sa.Connection,
    *,
    source: str | None = None,
    side: str | None = None,
    category: str | None = None,
    model: str | None = None,
    status: str | None = None,
    current_only: bool = True,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """Items matching the filters, in the source's order within side and category.

    Args:
        category: a ledger category (``tanks``) or the source's own heading.
        model: a case-insensitive substring of the model name.
        status: a counted status (``destroyed`` also finds "captured and
            destroyed") or an exact combined status ("damaged and abandoned").
        current_only: leave out items that disappeared from the source.
    """
    e = evidence_items.c
    # The source's own order: by model, then status as the page lists them, then number.
    status_rank = sa.case(
        {status: rank for rank, status in enumerate(ORYX_STATUSES)}, value=e.counted_as, else_=9
    )
    query = (
        sa.select(sources.c.key.label("source"), *_item_columns())
        .join(sources, sources.c.id == e.source_id)
        .order_by(e.side, e.category, e.source_category, e.model, status_rank, e.item_number, e.id)
    )
    if source is not None:
        query = query.where(sources.c.key == source)
    if side is not None:
        query = query.where(e.side == side)
    if category is not None:
        query = query.where(sa.or_(e.category == category, e.source_category == category))
    if model is not None:
        query = query.where(sa.func.lower(e.model).contains(model.casefold(), autoescape=True))
    if status is not None:
        query = query.where(sa.or_(e.counted_as == status, e.status == status))
    if current_only:
        query = query.where(e.disappeared_on.is_(None))
    if limit is not None:
        query = query.limit(limit)
    return [dict(row._mapping) for row in connection.execute(query)]


def _item_columns() -> list[sa.ColumnElement[Any]]:
    e = evidence_items.c
    names = ("item_key", "side", *DESCRIPTIVE_FIELDS, "first_seen", "last_seen", "disappeared_on")
    return [e[name] for name in names]


def count_evidence_items(
    connection: sa.Connection,
    *,
    source: str | None = None,
    side: str | None = None,
    as_of: dt.date | None = None,
) -> list[dict[str, Any]]:
    """Item counts per side, category and counted status.

    Without ``as_of``: the items currently listed. With it: items first seen on
    or before that day and not gone by it, i.e. what the ledger held then.
    """
    e = evidence_items.c
    query = (
        sa.select(e.side, e.category, e.counted_as, sa.func.count().label("items"))
        .join(sources, sources.c.id == e.source_id)
        .group_by(e.side, e.category, e.counted_as)
        .order_by(e.side, e.category, e.counted_as)
    )
    if source is not None:
        query = query.where(sources.c.key == source)
    if side is not None:
        query = query.where(e.side == side)
    if as_of is None:
        query = query.where(e.disappeared_on.is_(None))
    else:
        query = query.where(
            e.first_seen <= as_of, sa.or_(e.disappeared_on.is_(None), e.disappeared_on > as_of)
        )
    return [dict(row._mapping) for row in connection.execute(query)]
