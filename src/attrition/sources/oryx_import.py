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
from attrition.ledger.imports import (
    find_latest_import,
    hash_content,
    record_import,
    update_import_stats,
)
from attrition.ledger.observations import utc_now
from attrition.settings import DATA_DIR
from attrition.sources.bundled import register_bundled
from attrition.sources.oryx_page import (
    OryxPage,
    check_oryx_page,
    parse_oryx_page,
    read_page_bytes,
    summarise_categories,
)

SOURCE_KEY = "oryx"
BUNDLED_DIR = DATA_DIR / "oryx"
_DATE_IN_NAME = re.compile(r"(?<!\d)(\d{4}-\d{2}-\d{2})(?!\d)")


def snapshot_date(page: OryxPage, name: str, explicit: dt.date | None = None) -> dt.date:
    """The day a snapshot shows: given, else the page's last change, else the file name's date.

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


def report_oryx_page(page: OryxPage, input_name: str, day: dt.date) -> dict[str, Any]:
    """What a page says about itself: item count, stated vs parsed per heading, mismatches.

    ``mismatches`` lists every stated total the parsed items do not add up to;
    ``unparsed`` the links whose text breaks the grammar; ``unmapped`` the
    headings no ledger category is mapped to (their items are kept, uncategorised).
    """
    return {
        "input": input_name,
        "side": page.side,
        "snapshot_date": day,
        "items": len(page.items),
        "categories": summarise_categories(page),
        "mismatches": [mismatch.as_dict() for mismatch in check_oryx_page(page)],
        "unparsed": page.unparsed,
        "unmapped": sorted({c.heading for c in page.categories if c.category is None}),
    }


def import_oryx_page_content(
    connection: sa.Connection,
    content: bytes,
    *,
    input_name: str,
    seen_on: dt.date | None = None,
) -> dict[str, Any]:
    """Parse one Oryx page and store its items; returns the page report plus ``ledger``.

    A page identical to the last one imported for its side changes nothing
    (``ledger.status`` says "unchanged input"); otherwise the import is recorded
    in the ``imports`` table with its statistics.
    """
    page = parse_oryx_page(content, name=input_name)
    day = snapshot_date(page, input_name, seen_on)
    report = report_oryx_page(page, input_name, day)
    source_id = ensure_source(connection, SOURCE_KEY)
    role = f"page-{page.side}"
    digest = hash_content(content)
    latest = find_latest_import(connection, source_id, role)
    if (
        latest is not None
        and latest.content_hash == digest
        and latest.stats.get("snapshot_date") == day.isoformat()
    ):
        report["ledger"] = {"status": "unchanged input", "import_id": latest.id}
        return report
    import_id = record_import(
        connection,
        source_id=source_id,
        input_name=input_name,
        content_hash=digest,
        role=role,
        started_at=utc_now(),
    )
    stats = upsert_evidence_items(connection, source_id, page.items, seen_on=day)
    report["ledger"] = {"status": "imported", "import_id": import_id, **stats.as_dict()}
    summary = {key: report[key] for key in ("side", "items", "unmapped")}
    summary.update(
        role=role,
        snapshot_date=day.isoformat(),
        mismatches=len(report["mismatches"]),
        unparsed=len(report["unparsed"]),
        **stats.as_dict(),
    )
    update_import_stats(connection, import_id, summary)
    return report


def import_oryx_page(
    connection: sa.Connection, path: Path, *, seen_on: dt.date | None = None
) -> dict[str, Any]:
    """Import a saved Oryx page (``.html`` or ``.html.gz``) as ``import_oryx_page_content``."""
    content = read_page_bytes(path)
    return import_oryx_page_content(connection, content, input_name=path.name, seen_on=seen_on)


def _register_bundled_pages() -> None:
    # In date order, so that first-seen and disappeared dates mean something.
    for path in sorted(BUNDLED_DIR.glob("oryx-russia-*.html.gz")):
        day = _DATE_IN_NAME.search(path.name)
        name = f"oryx-page-{day.group(1) if day else path.stem}"

        def run(connection: sa.Connection, path: Path = path) -> dict[str, Any]:
            report = import_oryx_page(connection, path)
            return {k: report[k] for k in ("snapshot_date", "items", "ledger")} | {
                "mismatches": len(report["mismatches"])
            }

        register_bundled(name)(run)


_register_bundled_pages()
