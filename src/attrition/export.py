"""Exports: observations or reconciled series as CSV, JSON or Parquet, written as they stream.

Rows are never all held in memory: CSV and JSON are written row by row, and
Parquet in record batches of ``PARQUET_BATCH_ROWS`` with a fixed schema, so
an export of every revision of a large ledger stays within a few megabytes.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq
import sqlalchemy as sa

from attrition.errors import InputError
from attrition.formatting import csv_cell
from attrition.ledger.observations import iter_observations
from attrition.reconcile import DEFAULT_CLAIMANT, load_reconciled_ledger

FORMATS = ("csv", "json", "parquet")
# Rows per Parquet record batch: large enough for good compression, small
# enough that memory stays flat (10,000 rows ≈ 2 MB of Python objects).
PARQUET_BATCH_ROWS = 10_000


@dataclass(frozen=True)
class Column:
    """One exported column: its name and Arrow type."""

    name: str
    type: pa.DataType


TIMESTAMP = pa.timestamp("us", tz="UTC")
OBSERVATION_COLUMNS = (
    Column("source", pa.string()),
    Column("subject", pa.string()),
    Column("category", pa.string()),
    Column("basis", pa.string()),
    Column("as_of", pa.date32()),
    Column("value", pa.int64()),
    Column("low", pa.int64()),
    Column("high", pa.int64()),
    Column("qualifier", pa.string()),
    Column("revision", pa.int32()),
    Column("recorded_at", TIMESTAMP),
    Column("superseded_at", TIMESTAMP),
    Column("source_category", pa.string()),
    Column("provenance", pa.string()),
    Column("provenance_row", pa.string()),
)
RECONCILED_COLUMNS = (
    Column("claimant", pa.string()),
    Column("subject", pa.string()),
    Column("category", pa.string()),
    Column("date", pa.date32()),
    Column("value", pa.int64()),
    Column("change", pa.int64()),
    Column("qualifier", pa.string()),
    Column("sources", pa.string()),
    Column("status", pa.string()),
    Column("disputed_values", pa.string()),
    Column("reason", pa.string()),
)


def format_for(path: Path | None, requested: str | None) -> str:
    """The export format: the one asked for, else the output file's suffix, else CSV."""
    fmt = (requested or (path.suffix.lstrip(".").lower() if path else "") or "csv").lower()
    if fmt not in FORMATS:
        raise InputError(f"unknown export format {fmt!r}", hint=f"use one of {', '.join(FORMATS)}")
    if fmt == "parquet" and path is None:
        raise InputError("Parquet is binary: give --output FILE.parquet")
    return fmt


def iter_observation_rows(
    connection: sa.Connection,
    *,
    source: str | None = None,
    category: str | None = None,
    all_revisions: bool = False,
    as_known_on: dt.date | None = None,
) -> Iterator[dict[str, Any]]:
    """Observation rows in key order (current, as known on a day, or every revision)."""
    names = [c.name for c in OBSERVATION_COLUMNS]
    for row in iter_observations(
        connection,
        source=source,
        category=category,
        all_revisions=all_revisions,
        as_known_on=as_known_on,
    ):
        yield {name: getattr(row, name) for name in names}


def iter_reconciled_rows(
    connection: sa.Connection,
    *,
    claimant: str = DEFAULT_CLAIMANT,
    category: str | None = None,
    as_known_on: dt.date | None = None,
) -> Iterator[dict[str, Any]]:
    """Reconciled series rows: one per (subject, category, day) with who supports the value."""
    ledger = load_reconciled_ledger(
        connection, claimant=claimant, category=category, as_known_on=as_known_on, anomalies=False
    )
    for (subject, name), points in sorted(ledger.series.items()):
        for point in points:
            dispute = point.disagreement
            yield {
                "claimant": claimant,
                "subject": subject,
                "category": name,
                "date": point.date,
                "value": point.value,
                "change": point.change,
                "qualifier": point.qualifier,
                "sources": "+".join(point.sources),
                "status": point.status,
                "disputed_values": json.dumps(dispute.values, sort_keys=True) if dispute else None,
                "reason": dispute.reason if dispute else None,
            }


def _json_value(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return value


def write_csv(rows: Iterable[Mapping[str, Any]], columns: tuple[Column, ...], out: IO[str]) -> int:
    """Write rows as CSV with a header; returns the row count."""
    names = [c.name for c in columns]
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(names)
    count = 0
    for row in rows:
        writer.writerow([csv_cell(row[name]) for name in names])
        count += 1
    return count


def write_json(rows: Iterable[Mapping[str, Any]], columns: tuple[Column, ...], out: IO[str]) -> int:
    """Write rows as one JSON array, an object a line; returns the row count."""
    names = [c.name for c in columns]
    count = 0
    out.write("[")
    for row in rows:
        out.write(",\n" if count else "\n")
        out.write(json.dumps({n: _json_value(row[n]) for n in names}, ensure_ascii=False))
        count += 1
    out.write("\n]\n" if count else "]\n")
    return count


def write_parquet(
    rows: Iterable[Mapping[str, Any]], columns: tuple[Column, ...], path: Path
) -> int:
    """Write rows to a Parquet file in record batches; returns the row count."""
    schema = pa.schema([pa.field(c.name, c.type) for c in columns])
    count = 0
    batch: list[Mapping[str, Any]] = []
    with pq.ParquetWriter(str(path), schema, compression="zstd") as writer:
        for row in rows:
            batch.append(row)
            if len(batch) >= PARQUET_BATCH_ROWS:
                writer.write_batch(pa.RecordBatch.from_pylist(batch, schema=schema))
                count += len(batch)
                batch = []
        if batch or count == 0:
            writer.write_batch(pa.RecordBatch.from_pylist(batch, schema=schema))
            count += len(batch)
    return count


def write_export(
    rows: Iterable[Mapping[str, Any]],
    columns: tuple[Column, ...],
    *,
    fmt: str,
    path: Path | None,
) -> int:
    """Write rows in ``fmt`` to ``path`` (or stdout for CSV/JSON); returns the row count.

    A file is written next to its destination and renamed into place at the
    end, so a failed export never leaves half a file behind.
    """
    if path is None:
        writer = write_csv if fmt == "csv" else write_json
        return writer(rows, columns, sys.stdout)
    partial = path.with_name(f".{path.name}.partial")
    try:
        if fmt == "parquet":
            count = write_parquet(rows, columns, partial)
        else:
            with partial.open("w", encoding="utf-8", newline="") as out:
                count = (write_csv if fmt == "csv" else write_json)(rows, columns, out)
        partial.replace(path)
    except OSError as exc:
        raise InputError(f"cannot write {path}: {exc.strerror or exc}") from None
    finally:
        partial.unlink(missing_ok=True)
    return count
