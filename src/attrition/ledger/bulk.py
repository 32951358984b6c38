"""Bulk writes: many rows in few round trips.

On SQLite, rows go straight to the driver's ``executemany`` with each value
passed through its column type's bind processor, as SQLAlchemy would do. That
skips SQLAlchemy's per-row parameter handling, which costs more than SQLite's
own work: 21,000 evidence items insert in 0.14 s this way against 0.38 s
through ``connection.execute(insert(table), rows)`` (same run, same machine).
Other databases go through SQLAlchemy unchanged.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import sqlalchemy as sa

# Rows per executemany round trip; the 2025 Oryx page (21,199 items) takes five.
BULK_CHUNK = 5000


def insert_rows(
    connection: sa.Connection,
    table: sa.Table,
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
) -> None:
    """Insert ``rows`` (tuples of values in the order of ``columns``) into ``table``."""
    if not rows:
        return
    if connection.dialect.name != "sqlite":
        for start in range(0, len(rows), BULK_CHUNK):
            chunk = [
                dict(zip(columns, row, strict=True)) for row in rows[start : start + BULK_CHUNK]
            ]
            connection.execute(sa.insert(table), chunk)
        return
    statement = sa.insert(table).values({name: sa.bindparam(name) for name in columns})
    compiled = statement.compile(dialect=connection.dialect)
    if list(compiled.positiontup or ()) != list(columns):
        raise RuntimeError(f"unexpected parameter order for {table.name}: {compiled.positiontup}")
    converting = [
        (position, _memoised(process))
        for position, name in enumerate(columns)
        if (process := _bind_processor(connection, table.c[name]))
    ]
    values: Sequence[Sequence[Any]] = rows
    if converting:
        values = []
        for row in rows:
            value = list(row)
            for position, process in converting:
                value[position] = process(value[position])
            values.append(tuple(value))
    for start in range(0, len(values), BULK_CHUNK):
        connection.exec_driver_sql(str(compiled), list(values[start : start + BULK_CHUNK]))


def update_rows(
    connection: sa.Connection, table: sa.Table, updates: Sequence[Mapping[str, Any]]
) -> None:
    """Apply ``updates`` (each ``{"id": …, column: value, …}``) to rows of ``table`` by id."""
    # executemany needs one statement shape per batch: group updates by the columns they set.
    by_shape: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for update in updates:
        row = {("b_id" if name == "id" else name): value for name, value in update.items()}
        by_shape.setdefault(tuple(sorted(row)), []).append(row)
    for shape, batch in by_shape.items():
        statement = (
            sa.update(table)
            .where(table.c.id == sa.bindparam("b_id"))
            .values({name: sa.bindparam(name) for name in shape if name != "b_id"})
        )
        for start in range(0, len(batch), BULK_CHUNK):
            connection.execute(statement, batch[start : start + BULK_CHUNK])


def _bind_processor(connection: sa.Connection, column: sa.Column[Any]) -> Any:
    return column.type.dialect_impl(connection.dialect).bind_processor(connection.dialect)


def _memoised(process: Callable[[Any], Any]) -> Callable[[Any], Any]:
    # Dates repeat (every item of a snapshot has the same first_seen): convert each once.
    cache: dict[Any, Any] = {}

    def convert(value: Any) -> Any:
        if value is None:
            return None
        try:
            return cache[value]
        except KeyError:
            cache[value] = converted = process(value)
            return converted
        except TypeError:  # unhashable, e.g. a JSON value
            return process(value)

    return convert
