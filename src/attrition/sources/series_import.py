"""Importing one series input (a file or a download) into the ledger, for any source.

The steps every series importer shares: hash the bytes and skip an input that
is unchanged since the last import of the same source and role; otherwise
parse it (strictly, or leniently skipping bad rows and reporting each), record
the import, and upsert its observations. The caller owns the transaction, so
an error anywhere leaves the ledger exactly as it was.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from attrition.errors import InputError
from attrition.ledger import ensure_source
from attrition.ledger.imports import (
    find_latest_import,
    hash_content,
    record_import,
    update_import_stats,
)
from attrition.ledger.observations import ObservationRecord, upsert_observations, utc_now


@dataclass
class ParsedSeries:
    """What a parser read from one input: the records, and the rows it skipped (lenient)."""

    records: list[ObservationRecord] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    @property
    def first_date(self) -> dt.date | None:
        """The earliest day in the input."""
        return min((r.as_of for r in self.records), default=None)

    @property
    def last_date(self) -> dt.date | None:
        """The latest day in the input."""
        return max((r.as_of for r in self.records), default=None)


class RowProblem(Exception):
    """A bad row or field; strict parsers turn it into ``InputError``, lenient ones skip it."""


def report_problem(
    skipped: list[str], where: str, problem: RowProblem | str, *, lenient: bool
) -> None:
    """Raise a one-line ``InputError`` naming ``where``, or note it as skipped when lenient."""
    message = f"{where}: {problem}"
    if not lenient:
        raise InputError(message, hint="fix the input, or pass --lenient to skip bad rows")
    skipped.append(message)


Parser = Callable[[bytes], ParsedSeries]


def import_series_input(
    connection: sa.Connection,
    *,
    source_key: str,
    role: str,
    input_name: str,
    content: bytes,
    parse: Parser,
    lenient: bool = False,
    recorded_at: dt.datetime | None = None,
    unless_newer: bool = False,
) -> dict[str, Any]:
    """Import one input of one source; idempotent, and fast when the input is unchanged.

    Args:
        source_key: the ``sources`` key (``gs-minfin`` …).
        role: which of the source's inputs this is (``equipment``, ``csv`` …).
        input_name: the file path or URL, kept as provenance.
        content: the input's bytes.
        parse: turns the bytes into records; raises ``InputError`` on bad input.
        lenient: whether the parser skipped bad rows (recorded in the statistics).
        recorded_at: when attrition learned the figures (default: now).
        unless_newer: skip the input when the ledger already holds a later
            import of this role that reaches further in time (a bundled
            snapshot must not roll back a fresher sync).

    Returns:
        Statistics: role, input, records, inserted, revised, unchanged, skipped rows.
    """
    source_id = ensure_source(connection, source_key)
    digest = hash_content(content)
    latest = find_latest_import(connection, source_id, role)
    base = {"role": role, "input": input_name, "content_hash": digest}
    if (
        latest is not None
        and latest.content_hash == digest
        and (lenient or not latest.stats.get("skipped"))
    ):
        return {**base, "status": "unchanged input", "records": latest.stats.get("records", 0)}
    parsed = parse(content)
    last_date = parsed.last_date
    if (
        unless_newer
        and latest is not None
        and last_date is not None
        and str(latest.stats.get("last_date") or "") > last_date.isoformat()
    ):
        return {
            **base,
            "status": "skipped: the ledger holds a newer import",
            "newer_import": latest.input,
            "records": len(parsed.records),
        }
    started_at = recorded_at or utc_now()
    import_id = record_import(
        connection,
        source_id=source_id,
        input_name=input_name,
        content_hash=digest,
        role=role,
        started_at=started_at,
    )
    upserted = upsert_observations(
        connection,
        source_id,
        parsed.records,
        import_id=import_id,
        provenance=input_name,
        recorded_at=started_at,
    )
    first_date = parsed.first_date
    stats = {
        **base,
        "status": "imported",
        "lenient": lenient,
        "records": len(parsed.records),
        "first_date": first_date.isoformat() if first_date else None,
        "last_date": last_date.isoformat() if last_date else None,
        **upserted.as_dict(),
        "skipped": parsed.skipped,
    }
    update_import_stats(connection, import_id, stats)
    return stats
