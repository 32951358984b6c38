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
from attrition.compare import (
    CONFIRMED_SOURCE,
    ComparePoint,
    comparable_categories,
    compare_series,
)
from attrition.errors import InputError, NotFound
from attrition.ledger import Observation, list_sources, read_series
from attrition.ledger.claims import StoredClaim, read_claims
from attrition.ledger.documents import read_document
from attrition.ledger.stories import count_stories, list_stories, read_stories
from attrition.reconcile import (
    DEFAULT_CLAIMANT,
    Disagreement,
    SeriesPoint,
    load_reconciled_ledger,
    load_reconciled_series,
)
from attrition.series_table import SERIES_FIELDS, reconciled_points, series_rows, stored_points
from attrition.taxonomy import CATEGORIES, EXTRA_CATEGORIES, SOURCES, is_category
from attrition.verify.verdicts import VERDICTS
from attrition.web.highlight import split_highlights

OFFICIAL_CLAIMANT = DEFAULT_CLAIMANT
# `attrition series --json`'s fields, then the qualifier ("about") and the
# disagreement note that the CLI shows only in its table.
API_SERIES_FIELDS = (*SERIES_FIELDS, "qualifier", "note")
SUBJECT = "RU"
# The transcriptions of the General Staff's report whose revisions a category page marks.
# Categories Oryx also counts: their cards and pages show a confirmed figure.
COMPARABLE = frozenset(comparable_categories())
GENERAL_STAFF_SOURCES = tuple(
    key for key, row in SOURCES.items() if row["claimant"] == OFFICIAL_CLAIMANT
)
# Days shown in an overview sparkline: one season, enough to see a trend turn.
SPARKLINE_DAYS = 90
# Window of the moving average beside daily increments (a week evens out the
# weekly rhythm of reporting).
AVERAGE_DAYS = 7


def build_sources(connection: sa.Connection) -> list[dict[str, Any]]:
    """Every source with its counts of current observations and evidence items."""
    return list_sources(connection)


def require_category(category: str) -> str:
    """``category`` if it is canonical, else ``NotFound`` listing the known ones."""
    if not is_category(category):
        known = ", ".join((*CATEGORIES, *EXTRA_CATEGORIES))
        raise NotFound(f"unknown category {category!r}", hint=f"known categories: {known}")
    return category


def require_series_source(source: str | None) -> str | None:
    """``source`` if attrition knows it (None means the reconciled view), else ``NotFound``."""
    if source is not None and source not in SOURCES:
        raise NotFound(f"unknown source {source!r}", hint=f"known sources: {', '.join(SOURCES)}")
    return source


def disagreement_note(disagreement: Disagreement | None) -> str:
    """How transcriptions disagreed on a day and what the reconciled view kept, in words."""
    if disagreement is None:
        return ""
    values = ", ".join(f"{key} {value:,}" for key, value in sorted(disagreement.values.items()))
    if disagreement.resolved is None:
        return f"transcriptions disagree ({values}), unresolved: {disagreement.reason}"
    return (
        f"transcriptions disagree ({values}); kept {disagreement.resolved:,}: {disagreement.reason}"
    )


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
    """One claimed series as rows ``{date, value, change, source, qualifier, note}``, by date.

    Without ``source`` it is the General Staff's reconciled view (``source`` then
    names the transcriptions that gave the value, ``note`` any disagreement);
    with one it is that transcription as stored. The rows are the ones
    ``attrition series --json`` prints (see ``series_table.series_rows``).
    """
    require_category(category)
    require_series_source(source)
    if date_from is not None and date_to is not None and date_from > date_to:
        raise InputError(
            f"'from' ({date_from}) is after 'to' ({date_to})", hint="swap the two dates"
        )
    if source is None:
        points = load_reconciled_series(
            connection, category=category, subject=SUBJECT, as_known_on=as_known_on
        )
        tuples = reconciled_points(points, disagreement_note)
    else:
        stored = read_series(
            connection, category=category, source=source, subject=SUBJECT, as_known_on=as_known_on
        )
        tuples = stored_points(stored, source)
    rows = series_rows(tuples, daily=daily, date_from=date_from, date_to=date_to)
    return [{name: row[name] for name in API_SERIES_FIELDS} for row in rows]


def trailing_average(
    values: Sequence[int | None], window: int = AVERAGE_DAYS
) -> list[float | None]:
    """Mean of the last ``window`` known values at each position (None until one is known)."""
    averages: list[float | None] = []
    for index in range(len(values)):
        known = [v for v in values[max(0, index - window + 1) : index + 1] if v is not None]
        averages.append(sum(known) / len(known) if known else None)
    return averages


def _confirmed_points(connection: sa.Connection, category: str) -> list[Observation]:
    """Oryx's stated totals for ``category`` (empty when Oryx has no counterpart)."""
    if category not in COMPARABLE:
        return []
    return read_series(connection, category=category, source=CONFIRMED_SOURCE, subject=SUBJECT)


def _latest_comparison(
    points: Sequence[SeriesPoint], confirmed: Sequence[Observation]
) -> ComparePoint | None:
    """Claimed against confirmed on the last day Oryx gave a figure (its series ends earlier)."""
    if not confirmed:
        return None
    day = confirmed[-1].as_of
    paired = compare_series(points, confirmed, date_from=day, date_to=day)
    return paired[-1] if paired else None


def build_overview(connection: sa.Connection) -> dict[str, Any]:
    """The overview: per category the latest official figure, confirmed count and ratio."""
    reconciled = load_reconciled_ledger(connection, subject=SUBJECT, anomalies=False)
    cards = []
    latest_day: dt.date | None = None
    for category in (*CATEGORIES, *EXTRA_CATEGORIES):
        points = reconciled.series.get((SUBJECT, category))
        if not points:
            continue
        last = points[-1]
        latest_day = max(latest_day or last.date, last.date)
        match = _latest_comparison(points, _confirmed_points(connection, category))
        cards.append(
            {
                "category": category,
                "date": last.date,
                "value": last.value,
                "change": last.change,
                "qualifier": last.qualifier,
                "sources": list(last.sources),
                "confirmed": match.confirmed if match else None,
                "confirmed_date": match.date if match else None,
                "claimed_then": match.claimed if match else None,
                "ratio": match.ratio if match else None,
                "sparkline": build_sparkline_spec(
                    [{"date": p.date, "value": p.value} for p in points[-SPARKLINE_DAYS:]]
                ),
            }
        )
    latest = None
    if latest_day is not None:
        latest = {
            "date": latest_day,
            "claimant": OFFICIAL_CLAIMANT,
            "sources": reconciled.sources,
            "source_names": [str(SOURCES[key]["name"]) for key in reconciled.sources],
        }
    return {
        "latest": latest,
        "categories": cards,
        "sparkline_days": SPARKLINE_DAYS,
        "sources": build_sources(connection),
    }


def _revision_flags(
    connection: sa.Connection, category: str
) -> dict[dt.date, list[dict[str, Any]]]:
    """Days whose figure a transcription revised after first recording it."""
    flags: dict[dt.date, list[dict[str, Any]]] = {}
    for source in GENERAL_STAFF_SOURCES:
        for observation in read_series(
            connection, category=category, source=source, subject=SUBJECT
        ):
            if observation.revision > 1:
                note = f"{source} revised this day's figure (revision {observation.revision})"
                flags.setdefault(observation.as_of, []).append({"kind": "revision", "note": note})
    return flags


def flag_series_days(
    points: Sequence[SeriesPoint], revisions: dict[dt.date, list[dict[str, Any]]]
) -> dict[dt.date, list[dict[str, Any]]]:
    """Days worth marking on a series chart: disagreements, decreases and revisions."""
    flags: dict[dt.date, list[dict[str, Any]]] = {}
    for point in points:
        marks = flags.setdefault(point.date, [])
        if point.disagreement is not None:
            marks.append({"kind": "disagreement", "note": disagreement_note(point.disagreement)})
        if point.change is not None and point.change < 0:
            note = f"the total fell by {-point.change:,} (an official correction)"
            marks.append({"kind": "decrease", "note": note})
        marks.extend(revisions.get(point.date, []))
        if not marks:
            del flags[point.date]
    return flags


def build_category(connection: sa.Connection, *, category: str) -> dict[str, Any]:
    """A category page: claimed and confirmed series, daily increments, marked days, table."""
    require_category(category)
    points = load_reconciled_series(connection, category=category, subject=SUBJECT)
    confirmed = _confirmed_points(connection, category)
    compared = {p.date: p for p in compare_series(points, confirmed)} if confirmed else {}
    averages = trailing_average([p.change for p in points])
    flags = flag_series_days(points, _revision_flags(connection, category))
    table = []
    for point, average in zip(points, averages, strict=True):
        pair = compared.get(point.date)
        table.append(
            {
                "date": point.date,
                "value": point.value,
                "change": point.change,
                "qualifier": point.qualifier,
                "sources": list(point.sources),
                "average": average,
                "confirmed": pair.confirmed if pair else None,
                "ratio": pair.ratio if pair else None,
                "flags": flags.get(point.date, []),
            }
        )
    flag_points = [
        {"date": p.date, "value": p.value, **flag} for p in points for flag in flags.get(p.date, [])
    ]
    latest: dict[str, Any] | None = table[-1] if table else None
    match = _latest_comparison(points, confirmed)
    confirmed_latest = None
    if match is not None:
        confirmed_latest = {"date": match.date, "value": match.confirmed, "claimed": match.claimed}
    claimed_line = [{"date": p.date, "value": p.value} for p in points]
    confirmed_line = [{"date": o.as_of, "value": o.value} for o in confirmed]
    return {
        "category": category,
        "latest": latest,
        "confirmed_latest": confirmed_latest,
        "ratio": match.ratio if match else None,
        "rows": table[::-1],
        "chart": build_claimed_confirmed_spec(claimed_line, confirmed_line, flag_points),
        "daily_chart": build_daily_increments_spec(
            [{"date": r["date"], "change": r["change"], "average": r["average"]} for r in table]
        ),
        "csv_url": f"/api/series?category={category}&format=csv",
        "json_url": f"/api/series?category={category}",
    }


def flatten_claim(claim: StoredClaim) -> dict[str, Any]:
    """A stored claim and its current verdict as one flat row (stable names, CSV-friendly)."""
    verdict = claim.verdict
    support = verdict.evidence if verdict else {}
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
        "series_claimant": support.get("series_claimant"),
        "error_model": support.get("error_model"),
        "reference_date": support.get("reference_date"),
        "days_old": support.get("days_old"),
        "held_against": support.get("held_against", []),
        "evidence": support.get("evidence", {}),
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


def build_reconcile(connection: sa.Connection) -> dict[str, Any]:
    """The reconcile report (``attrition reconcile --json``'s shape) of the General Staff series."""
    return load_reconciled_ledger(connection, claimant=OFFICIAL_CLAIMANT).as_json()


DECREASE_COLUMNS = ("date", "category", "previous", "value", "change", "correction", "note")
OUTLIER_COLUMNS = ("date", "category", "change", "median", "mad", "z", "note")


def build_quality(connection: sa.Connection) -> dict[str, Any]:
    """The data-quality page: the reconcile report with counts a reader looks for first."""
    report = build_reconcile(connection)
    has_data = bool(report["compared"] or report["decreases"] or report["outliers"])
    return {
        "report": report if has_data else None,
        "resolved": sum(1 for d in report["disagreements"] if d["resolved"] is not None),
        "decrease_columns": DECREASE_COLUMNS,
        "outlier_columns": OUTLIER_COLUMNS,
    }


def build_news(
    connection: sa.Connection, *, limit: int, offset: int, verdict: str | None = None
) -> dict[str, Any]:
    """The news page: stories newest first with outlets, times and verdict summary."""
    require_verdict(verdict)
    items = list_stories(connection, verdict=verdict, limit=limit, offset=offset)
    return {
        "items": items,
        "total": count_stories(connection, verdict=verdict),
        "limit": limit,
        "offset": offset,
    }


def build_documents(connection: sa.Connection) -> list[dict[str, Any]]:
    """Every on-topic document, newest first, with its story and claim count."""
    stories = list_stories(connection, limit=None)
    rows = [
        {**document, "story_id": story["id"]}
        for story in stories
        for document in story["documents"]
    ]
    rows.sort(key=lambda row: (row["first_seen"], row["id"]), reverse=True)
    return rows


def build_document(connection: sa.Connection, *, document_id: int) -> dict[str, Any]:
    """One document: metadata, current text, and its claims with their current verdicts."""
    document = read_document(connection, document_id)
    claims = [
        flatten_claim(claim)
        for claim in read_claims(
            connection, document_id=document_id, version_id=document["version_id"]
        )
    ]
    return {**document, "claims": claims}


def build_story(connection: sa.Connection, *, story_id: int) -> dict[str, Any]:
    """A story and each of its documents with the text highlighted by verdict."""
    found = read_stories(connection, [story_id])
    if not found:
        raise NotFound(f"no story {story_id}", hint="see /news for the stories held")
    story = found[0]
    documents = []
    for summary in story["documents"]:
        document = build_document(connection, document_id=summary["id"])
        counts: dict[str, int] = {}
        for claim in document["claims"]:
            if claim["verdict"]:
                counts[claim["verdict"]] = counts.get(claim["verdict"], 0) + 1
        documents.append(
            {
                **summary,
                "verdicts": {v: counts[v] for v in VERDICTS if v in counts},
                "segments": split_highlights(document["text"], document["claims"]),
                "claims": document["claims"],
            }
        )
    return {"story": story, "documents": documents}
