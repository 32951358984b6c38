"""What each page and API route shows, built once from a ledger connection as plain data.

Routes render these dicts as JSON, CSV or HTML at the last step, so the API
and the dashboard can never disagree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa

from attrition.charts import (
    build_claimed_confirmed_spec,
    build_daily_increments_spec,
    build_sparkline_spec,
)
from attrition.errors import InputError, NotFound
from attrition.ledger import list_series, list_sources, read_series
from attrition.ledger.claims import StoredClaim, read_claims
from attrition.taxonomy import CATEGORIES, EXTRA_CATEGORIES, SOURCES, is_category
from attrition.verify.verdicts import VERDICTS

# The General Staff transcription read when a request names no source: the JSON
# one covers every category (the CSV lacks ground robots) from the first report.
DEFAULT_SERIES_SOURCE = "gs-petroivaniuk"
OFFICIAL_CLAIMANT = "UA_GENERAL_STAFF"
# Days shown in an overview sparkline: one season, enough to see a trend turn.
SPARKLINE_DAYS = 90
# Window of the moving average beside daily increments (a week evens out the
# weekly rhythm of reporting).
AVERAGE_DAYS = 7
# How far before a requested first day to look for the previous report.
LOOKBACK = dt.timedelta(days=14)


def build_sources(connection: sa.Connection) -> list[dict[str, Any]]:
    """Every source with its counts of current observations and evidence items."""
    return list_sources(connection)


def require_category(category: str) -> str:
    """``category`` if it is canonical, else ``NotFound`` listing the known ones."""
    if not is_category(category):
        known = ", ".join((*CATEGORIES, *EXTRA_CATEGORIES))
        raise NotFound(f"unknown category {category!r}", hint=f"known categories: {known}")
    return category


def require_series_source(source: str | None) -> str:
    """The source key a series request reads (default: the General Staff JSON transcription)."""
    if source is None:
        return DEFAULT_SERIES_SOURCE
    if source not in SOURCES:
        raise NotFound(f"unknown source {source!r}", hint=f"known sources: {', '.join(SOURCES)}")
    return source


def build_series(
    connection: sa.Connection,
    *,
    category: str,
    source: str | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    daily: bool = False,
    as_known_on: dt.date | None = None,
) -> list[dict[str, Any]]:
    """One claimed series as rows ``{date, value, change, qualifier, source}``, oldest first.

    ``change`` is the difference from the previous reported day (also when that
    day is before ``date_from``). With ``daily`` the value is the day's
    increment and ``change`` is None.
    """
    require_category(category)
    key = require_series_source(source)
    if date_from is not None and date_to is not None and date_from > date_to:
        raise InputError(
            f"'from' ({date_from}) is after 'to' ({date_to})", hint="swap the two dates"
        )
    # Read a little before `date_from` so the first row's change is known; the
    # General Staff never skipped more than a few days, and if the window holds
    # no earlier day the whole series is read instead.
    read_from = None if date_from is None else date_from - LOOKBACK
    observations = read_series(
        connection,
        category=category,
        source=key,
        date_from=read_from,
        date_to=date_to,
        as_known_on=as_known_on,
    )
    found_earlier = (
        bool(observations) and date_from is not None and observations[0].as_of < date_from
    )
    if read_from is not None and not found_earlier:
        observations = read_series(
            connection, category=category, source=key, date_to=date_to, as_known_on=as_known_on
        )
    rows: list[dict[str, Any]] = []
    previous: int | None = None
    for observation in observations:
        change = None
        if previous is not None and observation.value is not None:
            change = observation.value - previous
        if observation.value is not None:
            previous = observation.value
        if date_from is not None and observation.as_of < date_from:
            continue
        rows.append(
            {
                "date": observation.as_of,
                "value": change if daily else observation.value,
                "change": None if daily else change,
                "qualifier": observation.qualifier,
                "source": observation.source,
                "revision": observation.revision,
            }
        )
    return rows


def trailing_average(
    values: Sequence[int | None], window: int = AVERAGE_DAYS
) -> list[float | None]:
    """Mean of the last ``window`` known values at each position (None until one is known)."""
    averages: list[float | None] = []
    for index in range(len(values)):
        known = [v for v in values[max(0, index - window + 1) : index + 1] if v is not None]
        averages.append(sum(known) / len(known) if known else None)
    return averages


def official_categories(connection: sa.Connection) -> dict[str, dt.date]:
    """Categories the default source holds a cumulative series for, with their last day."""
    held = {
        row["category"]: row["last"]
        for row in list_series(connection, claimant=OFFICIAL_CLAIMANT)
        if row["source"] == DEFAULT_SERIES_SOURCE and row["basis"] == "cumulative"
    }
    return {c: held[c] for c in (*CATEGORIES, *EXTRA_CATEGORIES) if c in held}


def build_overview(connection: sa.Connection) -> dict[str, Any]:
    """The overview: per category the latest official figure, confirmed count and ratio."""
    cards = []
    latest_day: dt.date | None = None
    for category, last_day in official_categories(connection).items():
        first_day = last_day - dt.timedelta(days=SPARKLINE_DAYS - 1)
        rows = build_series(connection, category=category, date_from=first_day)
        if not rows:
            continue
        last = rows[-1]
        latest_day = max(latest_day or last["date"], last["date"])
        confirmed = None
        cards.append(
            {
                "category": category,
                "date": last["date"],
                "value": last["value"],
                "change": last["change"],
                "qualifier": last["qualifier"],
                "source": last["source"],
                "confirmed": confirmed,
                "ratio": None,
                "sparkline": build_sparkline_spec(rows),
            }
        )
    latest = None
    if latest_day is not None:
        name = SOURCES[DEFAULT_SERIES_SOURCE]["name"]
        latest = {"date": latest_day, "source": DEFAULT_SERIES_SOURCE, "source_name": name}
    return {
        "latest": latest,
        "categories": cards,
        "sparkline_days": SPARKLINE_DAYS,
        "sources": build_sources(connection),
    }


def flag_series_days(rows: Sequence[dict[str, Any]]) -> dict[dt.date, list[dict[str, Any]]]:
    """Days worth marking on a series chart: decreases and revised figures, by date."""
    flags: dict[dt.date, list[dict[str, Any]]] = {}
    for row in rows:
        if row["change"] is not None and row["change"] < 0:
            note = f"the total fell by {-row['change']:,} (an official correction)"
            flags.setdefault(row["date"], []).append({"kind": "decrease", "note": note})
        if row.get("revision", 1) > 1:
            note = f"revision {row['revision']}: the ledger first held another figure"
            flags.setdefault(row["date"], []).append({"kind": "revision", "note": note})
    return flags


def build_category(connection: sa.Connection, *, category: str) -> dict[str, Any]:
    """A category page: claimed and confirmed series, daily increments, marked days, table."""
    rows = build_series(connection, category=category)
    averages = trailing_average([row["change"] for row in rows])
    flags = flag_series_days(rows)
    confirmed: list[dict[str, Any]] = []
    confirmed_by_day = {row["date"]: row["value"] for row in confirmed}
    table = [
        {
            **row,
            "average": average,
            "confirmed": confirmed_by_day.get(row["date"]),
            "flags": flags.get(row["date"], []),
        }
        for row, average in zip(rows, averages, strict=True)
    ]
    flag_points = [
        {"date": row["date"], "value": row["value"], **flag}
        for row in rows
        for flag in flags.get(row["date"], [])
    ]
    latest = rows[-1] if rows else None
    confirmed_latest = confirmed[-1] if confirmed else None
    ratio = None
    if latest and confirmed_latest and confirmed_latest["value"]:
        ratio = latest["value"] / confirmed_latest["value"]
    return {
        "category": category,
        "latest": latest,
        "confirmed_latest": confirmed_latest,
        "ratio": ratio,
        "rows": table[::-1],
        "chart": build_claimed_confirmed_spec(rows, confirmed, flag_points),
        "daily_chart": build_daily_increments_spec(
            [{"date": r["date"], "change": r["change"], "average": r["average"]} for r in table]
        ),
        "csv_url": f"/api/series?category={category}&format=csv",
        "json_url": f"/api/series?category={category}",
    }


def flatten_claim(claim: StoredClaim) -> dict[str, Any]:
    """A stored claim and its current verdict as one flat row (stable names, CSV-friendly)."""
    verdict = claim.verdict
    return {
        "id": claim.id,
        "document_id": claim.document_id,
        "start": claim.start,
        "end": claim.end,
        "quote": claim.quote,
        "subject": claim.subject,
        "category": claim.category,
        "value": claim.value,
        "low": claim.low,
        "high": claim.high,
        "qualifier": claim.qualifier,
        "basis": claim.basis,
        "claimant": claim.claimant,
        "as_of": claim.as_of,
        "rule_id": claim.rule_id,
        "verdict": verdict.verdict if verdict else None,
        "expected": verdict.expected if verdict else None,
        "matched_date": verdict.matched_date if verdict else None,
        "explanation": verdict.explanation if verdict else None,
        "evidence": verdict.evidence if verdict else {},
        "checked_at": verdict.checked_at if verdict else None,
    }


def require_verdict(verdict: str | None) -> str | None:
    """``verdict`` if it is one attrition gives, else ``InputError`` listing them."""
    if verdict is not None and verdict not in VERDICTS:
        raise InputError(f"unknown verdict {verdict!r}", hint=f"one of: {', '.join(VERDICTS)}")
    return verdict


def build_claims(
    connection: sa.Connection,
    *,
    verdict: str | None = None,
    category: str | None = None,
    document_id: int | None = None,
) -> list[dict[str, Any]]:
    """Stored claims with their current verdicts, newest document first, in text order."""
    require_verdict(verdict)
    if category is not None:
        require_category(category)
    rows = [flatten_claim(claim) for claim in read_claims(connection, document_id=document_id)]
    rows = [
        row
        for row in rows
        if (verdict is None or row["verdict"] == verdict)
        and (category is None or row["category"] == category)
    ]
    rows.sort(key=lambda row: (-(row["document_id"] or 0), row["start"]))
    return rows
