"""Oryx inputs into the ledger: the page as evidence items, the daily totals as series.

Glue only: read the input, call the pure ``parse_*``, hand the records to the
ledger's ``upsert_*`` and return a report of what happened, with every place
where the page contradicts itself.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from attrition.errors import InputError
from attrition.ledger import ensure_source
from attrition.ledger.evidence import upsert_evidence_items
from attrition.sources.oryx_page import (
    OryxPage,
    check_oryx_page,
    parse_oryx_page,
    read_page_bytes,
    summarise_categories,
)

SOURCE_KEY = "oryx"
_DATE_IN_NAME = re.compile(r"(?<!\d)(\d{4}-\d{2}-\d{2})(?!\d)")


def snapshot_date(page: OryxPage, name: str, explicit: dt.date | None = None) -> dt.date:
    """The day a snapshot shows: given, else the page's last modification, else the file name's date.

    Raises:
        InputError: none of the three is known.
    """
    if explicit is not None:
        return explicit
    if page.modified is not None:
        return page.modified
    found = _DATE_IN_NAME.search(name)
    if found:
        try:
            return dt.date.fromisoformat(found.group(1))
        except ValueError:
            pass
    raise InputError(
        f"{name}: cannot tell which day this snapshot shows (no dateModified in the page "
        "and no YYYY-MM-DD in the file name)",
        hint="pass --snapshot-date YYYY-MM-DD",
    )


def store_oryx_page(
    connection: sa.Connection,
    page: OryxPage,
    *,
    input_name: str,
    seen_on: dt.date | None = None,
) -> dict[str, Any]:
    """Store a parsed page's items as seen on ``seen_on``; return the import report.

    The report: ``items``, ``categories`` ({heading: {stated, parsed}}),
    ``mismatches`` (every stated total the parsed items do not add up to),
    ``unparsed`` links, ``unmapped`` headings and what changed in the ledger.
    """
    day = seen_on or snapshot_date(page, input_name)
    source_id = ensure_source(connection, SOURCE_KEY)
    stats = upsert_evidence_items(connection, source_id, page.items, seen_on=day)
    return {
        "input": input_name,
        "side": page.side,
        "snapshot_date": day,
        "items": len(page.items),
        "categories": summarise_categories(page),
        "mismatches": [mismatch.as_dict() for mismatch in check_oryx_page(page)],
        "unparsed": page.unparsed,
        "unmapped": sorted({c.heading for c in page.categories if c.category is None}),
        "ledger": stats.as_dict(),
    }


def import_oryx_page(
    connection: sa.Connection, path: Path, *, seen_on: dt.date | None = None
) -> dict[str, Any]:
    """Parse a saved Oryx page (``.html`` or ``.html.gz``) and store its items."""
    page = parse_oryx_page(read_page_bytes(path), name=path.name)
    day = snapshot_date(page, path.name, seen_on)
    return store_oryx_page(connection, page, input_name=path.name, seen_on=day)
