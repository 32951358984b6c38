"""Write endpoints under ``/api``: each needs the server's bearer token.

With no ``ATTRITION_API_TOKEN`` configured every write answers 403, so a
server started without thinking about it is read-only.
"""

from __future__ import annotations

import datetime as dt
import hmac
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from attrition.errors import AccessDenied, InputError
from attrition.fetch import Fetcher
from attrition.ledger.feeds import add_feed
from attrition.ledger.observations import utc_now
from attrition.news.feeds import inspect_feed_url
from attrition.news.ingest import ingest_url
from attrition.web.api import ERROR_RESPONSES
from attrition.web.rendering import dump_json

bearer = HTTPBearer(auto_error=False, description="The server's ATTRITION_API_TOKEN.")


def require_token(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> None:
    """Refuse the request unless writes are on and it carries the server's token."""
    token = request.app.state.settings.api_token
    if not token:
        raise AccessDenied(
            "write endpoints are off: this server has no API token",
            hint="start the server with ATTRITION_API_TOKEN set to enable them",
        )
    offered = credentials.credentials if credentials else ""
    if not hmac.compare_digest(offered.encode(), token.encode()):
        raise AccessDenied(
            "missing or wrong bearer token",
            hint="send the header Authorization: Bearer <ATTRITION_API_TOKEN>",
        )


router = APIRouter(
    prefix="/api",
    tags=["write"],
    dependencies=[Depends(require_token)],
    responses={
        **ERROR_RESPONSES,
        403: {**ERROR_RESPONSES[400], "description": "Writes are off, or the token is wrong"},
    },
)


class ImportRequest(BaseModel):
    """What to import: only the bundled snapshot can be imported over the API."""

    bundled: bool = Field(True, description="Import the snapshot shipped with attrition.")


class ImportResult(BaseModel):
    """Statistics of each bundled input imported."""

    imported: dict[str, dict[str, Any]]


@router.post("/imports", summary="Import the bundled snapshot (idempotent)")
async def post_import(request: Request, body: ImportRequest) -> ImportResult:
    """Run the bundled importers; re-importing unchanged data changes nothing."""
    from attrition.sources.loaders import import_all_bundled

    if not body.bundled:
        raise InputError(
            "only the bundled snapshot can be imported over the API",
            hint='send {"bundled": true}, or use `attrition import` on the server',
        )
    results = await run_in_threadpool(import_all_bundled, request.app.state.ledger, progress=False)
    request.app.state.cache.invalidate()
    return ImportResult(imported=results)


class FeedRequest(BaseModel):
    """A feed to subscribe to (or a page that links its feed)."""

    url: str = Field(..., max_length=2000, description="The feed's http(s) URL.")
    title: str | None = Field(None, max_length=1000, description="A name for the feed.")


@router.post("/feeds", summary="Subscribe to an RSS or Atom feed (fetched to check it)")
async def post_feed(request: Request, body: FeedRequest) -> Response:
    """Fetch the URL to make sure it is a feed, then subscribe (adding twice is a no-op).

    Answers the feed row with `created` and a `note` (e.g. that a web page's
    advertised feed was used).
    """
    settings = request.app.state.settings
    ledger = request.app.state.ledger

    def subscribe() -> dict[str, Any]:
        with Fetcher(settings) as fetcher:
            feed_url, found_title, note = inspect_feed_url(body.url, fetcher=fetcher)
        with ledger.transaction() as connection:
            feed, created = add_feed(
                connection, feed_url, title=body.title or found_title, now=utc_now()
            )
        return {**feed, "created": created, "note": note}

    result = await run_in_threadpool(subscribe)
    request.app.state.cache.invalidate()
    return Response(dump_json(result), status_code=201 if result["created"] else 200,
                    media_type="application/json")  # fmt: skip


class UrlRequest(BaseModel):
    """An article to add to the ledger."""

    url: str = Field(..., max_length=2000, description="The article's http(s) URL.")
    published: dt.date | None = Field(None, description="Its date, where the page lacks one.")
    title: str | None = Field(None, max_length=1000, description="Its title, where it lacks one.")


@router.post("/urls", summary="Fetch an article, store it, check its figures")
async def post_url(request: Request, body: UrlRequest) -> Response:
    """Ingest one page: main text, near-duplicate folding into a story, claims and verdicts.

    Answers `{url, status (new, updated, unchanged, failed), document_id,
    story_id, title, claims, verdicts, off_topic, reason, …}`.
    """
    settings = request.app.state.settings
    ledger = request.app.state.ledger

    def ingest() -> dict[str, Any]:
        with Fetcher(settings) as fetcher:
            result = ingest_url(
                ledger, body.url, published=body.published, title=body.title, fetcher=fetcher
            )
        return result.as_dict()

    result = await run_in_threadpool(ingest)
    request.app.state.cache.invalidate()
    return Response(dump_json(result), media_type="application/json")
