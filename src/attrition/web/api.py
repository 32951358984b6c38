"""JSON API under ``/api``. Lists share one envelope: ``{"items", "total", "limit", "offset"}``;
tabular lists also answer ``?format=csv``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Annotated, Any, Literal

import sqlalchemy as sa
from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from attrition.compare import load_comparison
from attrition.extract.claims import SCHEMA_FIELDS
from attrition.ledger.evidence import DESCRIPTIVE_FIELDS, list_evidence_items
from attrition.web import views
from attrition.web.cache import CACHEABLE_FLAG, CachedBody
from attrition.web.checking import check_article
from attrition.web.rendering import dump_csv, dump_json

# A whole daily series is ~1,650 rows; one page holds it with room to spare.
MAX_LIMIT = 5000
DEFAULT_LIMIT = 100


class ErrorDetail(BaseModel):
    """What went wrong, in words, with a hint on what to do next."""

    type: str
    message: str
    hint: str | None = None


class ErrorResponse(BaseModel):
    """The one error shape of the API."""

    error: ErrorDetail


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorResponse, "description": description}
    for status, description in (
        (400, "Bad input: a parameter is missing, malformed or out of range"),
        (404, "No such record, category or source"),
        (422, "Input with the wrong structure"),
        (500, "Internal error"),
    )
}

router = APIRouter(prefix="/api", tags=["read"], responses=ERROR_RESPONSES)

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page.")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Items to skip.")]
ListFormat = Annotated[
    Literal["json", "csv"], Query(alias="format", description="json (default) or csv")
]


@dataclass(frozen=True)
class ListWithContext:
    """A list of items and fields describing it (the compared category, its sources …)."""

    items: Sequence[dict[str, Any]]
    context: dict[str, Any]


def paginate(items: Sequence[dict[str, Any]], *, limit: int, offset: int) -> dict[str, Any]:
    """The list envelope: one page of ``items`` with the total and the paging used."""
    return {
        "items": list(items[offset : offset + limit]),
        "total": len(items),
        "limit": limit,
        "offset": offset,
    }


async def respond_list(
    request: Request,
    *,
    key: Hashable,
    build: Callable[[sa.Connection], Sequence[dict[str, Any]] | ListWithContext],
    columns: Sequence[str],
    limit: int,
    offset: int,
    list_format: str,
) -> Response:
    """Build a list (cached until the ledger changes), page it, render JSON or CSV.

    A builder may return a :class:`ListWithContext`: its ``context`` fields go
    into the JSON envelope beside the page (what the list is of).
    """
    ledger = request.app.state.ledger

    def build_list() -> Sequence[dict[str, Any]] | ListWithContext:
        with ledger.connect() as connection:
            return build(connection)

    # The whole list is kept once per query; each page of it is then rendered
    # (and kept whole by the response middleware) without touching the ledger.
    built = await request.app.state.cache.get_or_build(("list", key), build_list)
    context = built.context if isinstance(built, ListWithContext) else {}
    items = built.items if isinstance(built, ListWithContext) else built
    page = {**context, **paginate(items, limit=limit, offset=offset)}
    setattr(request.state, CACHEABLE_FLAG, True)
    if list_format == "csv":
        return Response(dump_csv(page["items"], columns), media_type="text/csv; charset=utf-8")
    return Response(dump_json(page), media_type="application/json")


SOURCE_COLUMNS = (
    "key",
    "name",
    "kind",
    "side",
    "claimant",
    "homepage",
    "observations",
    "evidence_items",
)


@router.get("/sources", summary="Sources in the ledger")
async def get_sources(
    request: Request,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
    list_format: ListFormat = "json",
) -> Response:
    """Every source with its counts of current observations and evidence items."""
    return await respond_list(
        request,
        key="sources",
        build=views.build_sources,
        columns=SOURCE_COLUMNS,
        limit=limit,
        offset=offset,
        list_format=list_format,
    )


SERIES_COLUMNS = views.API_SERIES_FIELDS


@router.get("/series", summary="A claimed series, day by day")
async def get_series(
    request: Request,
    category: Annotated[str, Query(description="Canonical category, e.g. tanks.")],
    source: Annotated[
        str | None,
        Query(description="One transcription (e.g. gs-minfin) instead of the reconciled view."),
    ] = None,
    date_from: Annotated[dt.date | None, Query(alias="from", description="First day.")] = None,
    date_to: Annotated[dt.date | None, Query(alias="to", description="Last day.")] = None,
    daily: Annotated[
        bool, Query(description="Give each day's increment as `value` instead of the total.")
    ] = False,
    as_known_on: Annotated[
        dt.date | None,
        Query(description="The figures the ledger held at the end of this day (bitemporal)."),
    ] = None,
    limit: Limit = MAX_LIMIT,
    offset: Offset = 0,
    list_format: ListFormat = "json",
) -> Response:
    """Rows `{date, value, change, source, qualifier, note}`, oldest first.

    Without `source`: the General Staff's reconciled view (both transcriptions,
    disagreements settled; `source` names those that gave the value, `note`
    any disagreement). `change` is the difference from the previous reported
    day. With `daily`, `value` is the day's increment and `change` its
    difference from the previous day's. The default page holds a whole series.
    """
    return await respond_list(
        request,
        key=("series", category, source, date_from, date_to, daily, as_known_on),
        build=partial(
            views.build_series,
            category=category,
            source=source,
            date_from=date_from,
            date_to=date_to,
            daily=daily,
            as_known_on=as_known_on,
        ),
        columns=SERIES_COLUMNS,
        limit=limit,
        offset=offset,
        list_format=list_format,
    )


CLAIM_COLUMNS = (
    "id",
    "document_id",
    "start",
    "end",
    "quote",
    *SCHEMA_FIELDS,
    "rule_id",
    "verdict",
    "expected",
    "matched_date",
    "explanation",
    "series_claimant",
    "error_model",
    "reference_date",
    "days_old",
    "held_against",
    "evidence",
    "checked_at",
)


@router.get("/claims", summary="Claims read from documents, with their current verdicts")
async def get_claims(
    request: Request,
    verdict: Annotated[
        str | None,
        Query(description="match, rounded, stale, contradicts or unverifiable."),
    ] = None,
    category: Annotated[str | None, Query(description="Canonical category.")] = None,
    document_id: Annotated[
        int | None, Query(ge=1, le=2**62, description="Only this document's claims.")
    ] = None,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
    list_format: ListFormat = "json",
) -> Response:
    """Flat rows: the claim's schema fields, its span and quote, and its current verdict."""
    return await respond_list(
        request,
        key=("claims", verdict, category, document_id),
        build=partial(
            views.build_claims, verdict=verdict, category=category, document_id=document_id
        ),
        columns=CLAIM_COLUMNS,
        limit=limit,
        offset=offset,
        list_format=list_format,
    )


DISAGREEMENT_COLUMNS = ("date", "category", "values", "resolved", "reason")


@router.get("/reconcile", summary="The two General Staff transcriptions compared value by value")
async def get_reconcile(
    request: Request,
    list_format: Annotated[
        Literal["json", "csv"],
        Query(alias="format", description="json: the whole report; csv: the disagreements."),
    ] = "json",
) -> Response:
    """`{compared, disagreements, decreases, outliers}`, the shape of `attrition reconcile --json`.

    Each disagreement is `{date, category, values: {transcription: value}, resolved, reason}`.
    """
    ledger = request.app.state.ledger

    def build_body() -> CachedBody:
        with ledger.connect() as connection:
            report = views.build_reconcile(connection)
        if list_format == "csv":
            return CachedBody(
                dump_csv(report["disagreements"], DISAGREEMENT_COLUMNS), "text/csv; charset=utf-8"
            )
        return CachedBody(dump_json(report), "application/json")

    body = await request.app.state.cache.get_or_build(("reconcile", list_format), build_body)
    setattr(request.state, CACHEABLE_FLAG, True)
    return Response(body.content, media_type=body.media_type)


class CheckRequest(BaseModel):
    """An article to check: its text or its URL, and optionally the day it was published."""

    text: str | None = Field(None, description="The article's text (at most 1 MB).")
    url: str | None = Field(
        None, description="Or its http(s) address, fetched under the fetch rules."
    )
    published: dt.date | None = Field(None, description="The day it was published (YYYY-MM-DD).")


@router.post("/check", summary="Check an article's figures against the ledger")
async def post_check(request: Request, body: CheckRequest) -> Response:
    """Every loss figure of the article with its verdict, explanation and evidence.

    Answers `{text, url, title, published, claims, summary}`; each claim has the
    claim schema's fields, its `start`/`end` in `text`, `quote`, `verdict`
    (match, rounded, stale, contradicts, unverifiable), `expected`,
    `matched_date`, `explanation` and `evidence`. Nothing is stored.
    """
    result = await run_in_threadpool(
        check_article,
        request.app.state.ledger,
        request.app.state.settings,
        text=body.text,
        url=body.url,
        published=body.published,
    )
    result.pop("segments")
    return Response(dump_json(result), media_type="application/json")


COMPARE_COLUMNS = ("date", "claimed", "confirmed", "confirmed_date", "carried_forward", "ratio")


def _build_comparison(
    connection: sa.Connection,
    *,
    category: str,
    date_from: dt.date | None,
    date_to: dt.date | None,
) -> ListWithContext:
    comparison = load_comparison(connection, category, date_from=date_from, date_to=date_to)
    data = comparison.as_dict()
    return ListWithContext(items=data.pop("points"), context=data)


@router.get("/compare", summary="Claimed against visually confirmed, day by day")
async def get_compare(
    request: Request,
    category: Annotated[str, Query(description="A category both count, e.g. tanks.")],
    date_from: Annotated[dt.date | None, Query(alias="from", description="First day.")] = None,
    date_to: Annotated[dt.date | None, Query(alias="to", description="Last day.")] = None,
    limit: Limit = MAX_LIMIT,
    offset: Offset = 0,
    list_format: ListFormat = "json",
) -> Response:
    """Items `{date, claimed, confirmed, confirmed_date, carried_forward, ratio}`.

    `claimed` is the General Staff's reconciled figure, `confirmed` Oryx's total
    for the same category (carried forward from `confirmed_date` on days its page
    did not change, never past its last day), `ratio` claimed / confirmed. The
    envelope also names the `category`, `claimant`, `confirmed_source`, the Oryx
    headings summed (`confirmed_headings`) and `confirmed_until`.
    """
    return await respond_list(
        request,
        key=("compare", category, date_from, date_to),
        build=partial(_build_comparison, category=category, date_from=date_from, date_to=date_to),
        columns=COMPARE_COLUMNS,
        limit=limit,
        offset=offset,
        list_format=list_format,
    )


EVIDENCE_COLUMNS = (
    "source",
    "item_key",
    "side",
    *DESCRIPTIVE_FIELDS,
    "first_seen",
    "last_seen",
    "disappeared_on",
)


@router.get("/evidence", summary="Visually confirmed losses, one item each")
async def get_evidence(
    request: Request,
    category: Annotated[
        str | None, Query(description="A category (tanks) or Oryx's own heading.")
    ] = None,
    model: Annotated[
        str | None, Query(max_length=200, description="Part of the model name, any case.")
    ] = None,
    status: Annotated[
        str | None,
        Query(max_length=100, description="destroyed, damaged, abandoned or captured."),
    ] = None,
    side: Annotated[
        Literal["RU", "UA"] | None, Query(description="Whose losses (default: both).")
    ] = None,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
    list_format: ListFormat = "json",
) -> Response:
    """One row per confirmed item: model, status, proof link and when it was first and last seen."""
    return await respond_list(
        request,
        key=("evidence", category, model, status, side),
        build=partial(
            list_evidence_items, category=category, model=model, status=status, side=side
        ),
        columns=EVIDENCE_COLUMNS,
        limit=limit,
        offset=offset,
        list_format=list_format,
    )


DOCUMENT_COLUMNS = (
    "id",
    "story_id",
    "url",
    "title",
    "outlet",
    "author",
    "language",
    "published",
    "first_seen",
    "last_updated",
    "off_topic",
    "claims",
)


@router.get("/documents", summary="Documents read from the news, newest first")
async def get_documents(
    request: Request,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
    list_format: ListFormat = "json",
) -> Response:
    """Each on-topic document with its story, outlet, times and number of claims."""
    return await respond_list(
        request,
        key="documents",
        build=views.build_documents,
        columns=DOCUMENT_COLUMNS,
        limit=limit,
        offset=offset,
        list_format=list_format,
    )


@router.get("/documents/{document_id}", summary="One document with its claims and verdicts")
async def get_document(
    request: Request, document_id: Annotated[int, Path(ge=1, le=2**62)]
) -> Response:
    """The document's metadata, URLs, versions, current text and its claims with verdicts."""
    ledger = request.app.state.ledger

    def build_body() -> bytes:
        with ledger.connect() as connection:
            return dump_json(views.build_document(connection, document_id=document_id))

    body = await request.app.state.cache.get_or_build(("document", document_id), build_body)
    setattr(request.state, CACHEABLE_FLAG, True)
    return Response(body, media_type="application/json")
