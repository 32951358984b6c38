"""HTML pages. Each builds its data with ``views`` and renders it at the last step;
``?format=json`` returns the same data as JSON."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable
from functools import partial
from typing import Annotated, Any, Literal

import sqlalchemy as sa
from fastapi import APIRouter, Form, Path, Query, Request
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool

from attrition.errors import AttritionError, InputError
from attrition.settings import CHECK_MAX_BYTES
from attrition.web import views
from attrition.web.cache import CACHEABLE_FLAG, CachedBody
from attrition.web.checking import check_article
from attrition.web.rendering import dump_json, render_html

router = APIRouter(include_in_schema=False)

PageFormat = Annotated[
    Literal["html", "json"], Query(alias="format", description="html (default) or json")
]


async def render_page(
    request: Request,
    *,
    template: str,
    key: Hashable,
    build: Callable[[sa.Connection], dict[str, Any]],
    page_format: str,
    context: dict[str, Any] | None = None,
) -> Response:
    """Build a page's data (cached until the ledger changes) and render HTML or JSON."""
    ledger = request.app.state.ledger

    def build_body() -> CachedBody:
        with ledger.connect() as connection:
            data = build(connection)
        if page_format == "json":
            return CachedBody(dump_json(data), "application/json")
        return CachedBody(render_html(template, {**(context or {}), **data}), "text/html")

    body = await request.app.state.cache.get_or_build((key, page_format), build_body)
    setattr(request.state, CACHEABLE_FLAG, True)
    return Response(body.content, media_type=body.media_type)


@router.get("/", response_class=HTMLResponse)
async def overview_page(request: Request, page_format: PageFormat = "html") -> Response:
    """Overview: latest figure per category, confirmed count, ratio, sparklines."""
    return await render_page(
        request,
        template="overview.html",
        key="overview",
        build=views.build_overview,
        page_format=page_format,
        context={"nav": "overview"},
    )


@router.get("/category/{category}", response_class=HTMLResponse)
async def category_page(
    request: Request, category: str, page_format: PageFormat = "html"
) -> Response:
    """A category: claimed vs confirmed chart, daily increments, marked days, table."""
    views.require_category(category)
    return await render_page(
        request,
        template="category.html",
        key=("category", category),
        build=partial(views.build_category, category=category),
        page_format=page_format,
        context={"nav": "overview"},
    )


@router.get("/quality", response_class=HTMLResponse)
async def quality_page(request: Request, page_format: PageFormat = "html") -> Response:
    """Data quality: transcription disagreements and their resolution, decreases, outliers."""
    return await render_page(
        request,
        template="quality.html",
        key="quality",
        build=views.build_quality,
        page_format=page_format,
        context={"nav": "quality"},
    )


def _check_context(form: dict[str, Any]) -> dict[str, Any]:
    return {"nav": "check", "form": form, "max_chars": CHECK_MAX_BYTES}


@router.get("/check", response_class=HTMLResponse)
async def check_page(request: Request) -> Response:
    """The check form: paste an article or give its URL."""
    html = render_html("check.html", _check_context({}))
    return Response(html, media_type="text/html")


@router.post("/check", response_class=HTMLResponse)
async def check_submit(
    request: Request,
    text: Annotated[str, Form()] = "",
    url: Annotated[str, Form()] = "",
    published: Annotated[str, Form()] = "",
) -> Response:
    """The article with every figure highlighted by verdict; errors shown above the form."""
    form = {"text": text, "url": url, "published": published}
    context = _check_context(form)
    try:
        day = dt.date.fromisoformat(published) if published.strip() else None
    except ValueError:
        error = InputError(f"published {published!r}: expected a date like 2022-06-26")
        return _form_error(context, error)
    try:
        result = await run_in_threadpool(
            check_article,
            request.app.state.ledger,
            request.app.state.settings,
            text=text,
            url=url,
            published=day,
        )
    except AttritionError as error:
        return _form_error(context, error)
    if result["url"]:
        form["url"] = result["url"]
    html = render_html("check.html", {**context, "result": result})
    return Response(html, media_type="text/html")


def _form_error(context: dict[str, Any], error: AttritionError) -> Response:
    body = {"type": error.kind, "message": error.message, "hint": error.hint}
    html = render_html("check.html", {**context, "error": body})
    return Response(html, status_code=error.status_code, media_type="text/html")


# Stories on one page of the news list.
NEWS_PAGE_SIZE = 25


@router.get("/news", response_class=HTMLResponse)
async def news_page(
    request: Request,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
    verdict: Annotated[str | None, Query(max_length=20)] = None,
    page_format: PageFormat = "html",
) -> Response:
    """News: stories newest first, with outlets, first and last seen, verdict summary."""
    return await render_page(
        request,
        template="news.html",
        key=("news", offset, verdict),
        build=partial(views.build_news, limit=NEWS_PAGE_SIZE, offset=offset, verdict=verdict),
        page_format=page_format,
        context={"nav": "news"},
    )


@router.get("/stories/{story_id}", response_class=HTMLResponse)
async def story_page(
    request: Request,
    story_id: Annotated[int, Path(ge=1, le=2**62)],
    page_format: PageFormat = "html",
) -> Response:
    """A story: its documents, each text with every figure highlighted by verdict."""
    return await render_page(
        request,
        template="story.html",
        key=("story", story_id),
        build=partial(views.build_story, story_id=story_id),
        page_format=page_format,
        context={"nav": "news"},
    )
