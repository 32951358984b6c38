"""The web application: ``create_app`` wires the ledger, the routes, security headers and errors.

Every error leaves the API in one JSON shape, pinned by ``tests/test_web_errors.py``::

    {"error": {"type": "NotFound", "message": "unknown category 'tank'", "hint": "known: ..."}}

HTML pages get the same fields rendered as a page.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from attrition import __version__
from attrition.errors import AttritionError
from attrition.ledger import Ledger
from attrition.settings import CHECK_MAX_BYTES, Settings, load_settings
from attrition.web.cache import CachedResponseMiddleware, ResponseCache
from attrition.web.rendering import dump_json, json_response, templates
from attrition.web.warmup import warm_cache, warm_paths

STATIC_DIR = Path(__file__).parent / "static"

# Form and JSON encodings inflate text (a Cyrillic letter is 6 bytes once
# URL-encoded, 2 in UTF-8), so the body may be 3x the text cap; the text itself
# is checked against CHECK_MAX_BYTES once decoded.
MAX_BODY_BYTES = 3 * CHECK_MAX_BYTES

# No inline script, no eval (charts use vega-interpreter), nothing from other origins.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
# Swagger UI sets style attributes from its own script; only /docs gets this allowance.
DOCS_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace(
    "style-src 'self'", "style-src 'self' 'unsafe-inline'"
)
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
)


class SecurityHeadersMiddleware:
    """Add the Content-Security-Policy and related headers to every response.

    A plain ASGI middleware: Starlette's ``BaseHTTPMiddleware`` costs a task per request.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.csp = CONTENT_SECURITY_POLICY.encode()
        self.docs_csp = DOCS_CONTENT_SECURITY_POLICY.encode()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        csp = self.docs_csp if scope["path"] == "/docs" else self.csp

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers.append((b"content-security-policy", csp))
                headers.extend(SECURITY_HEADERS)
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodySizeLimitMiddleware:
    """Refuse request bodies over ``max_bytes`` with a 413 before they fill memory.

    A declared ``Content-Length`` over the limit is refused before the app runs;
    a chunked body is counted as it arrives and refused through the app's
    error handler (FastAPI re-raises HTTP exceptions met while reading a body).
    """

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.max_bytes:
            body = dump_json(error_body("TooLarge", *_too_large_message()))
            headers = [
                (b"content-type", b"application/json"),
                (b"content-length", b"%d" % len(body)),
            ]
            await send({"type": "http.response.start", "status": 413, "headers": headers})
            await send({"type": "http.response.body", "body": body})
            return
        received = 0

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise StarletteHTTPException(413)
            return message

        await self.app(scope, counting_receive, send)


def _too_large_message() -> tuple[str, str]:
    return (
        f"request body is over the limit of {MAX_BODY_BYTES:,} bytes",
        f"send at most {CHECK_MAX_BYTES:,} bytes of text",
    )


def error_body(kind: str, message: str, hint: str | None = None) -> dict[str, Any]:
    """The one error shape of the API."""
    return {"error": {"type": kind, "message": message, "hint": hint}}


def _wants_html(request: Request) -> bool:
    path = request.url.path
    return not (path.startswith("/api") or path.startswith("/static") or path == "/openapi.json")


def _render_error(request: Request, status: int, body: dict[str, Any]) -> Response:
    if _wants_html(request):
        return templates.TemplateResponse(
            request, "error.html", {"error": body["error"], "status": status}, status_code=status
        )
    return json_response(body, status_code=status)


async def _on_attrition_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, AttritionError)
    return _render_error(request, exc.status_code, error_body(exc.kind, exc.message, exc.hint))


def _describe_validation_error(error: dict[str, Any]) -> str:
    where = [str(part) for part in error.get("loc", ()) if part not in ("body", "query", "path")]
    place = error.get("loc", ("request",))[0]
    field = ".".join(where) or "request"
    return f"{place} parameter {field!r}: {error.get('msg', 'invalid value')}"


async def _on_validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    errors = list(exc.errors())
    message = "; ".join(_describe_validation_error(e) for e in errors[:3]) or "invalid request"
    return _render_error(
        request, 400, error_body("InputError", message, "see /docs for the parameters")
    )


_HTTP_ERROR_TYPES = {
    401: "Unauthorized",
    404: "NotFound",
    405: "MethodNotAllowed",
    413: "TooLarge",
}


async def _on_http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    kind = _HTTP_ERROR_TYPES.get(exc.status_code, "HTTPError")
    message, hint = str(exc.detail), None
    if exc.status_code == 404:
        message = f"no page at {request.url.path}"
    elif exc.status_code == 413:
        message, hint = _too_large_message()
    response = _render_error(request, exc.status_code, error_body(kind, message, hint))
    for name, value in (exc.headers or {}).items():
        response.headers[name] = value
    return response


async def _on_unexpected_error(request: Request, exc: Exception) -> Response:
    return _render_error(
        request,
        500,
        error_body("InternalError", f"internal error: {type(exc).__name__}", "please report it"),
    )


def create_app(
    ledger: Ledger | None = None, settings: Settings | None = None, *, warm: bool = False
) -> FastAPI:
    """Build the web application over ``ledger`` (default: the one ``settings`` names).

    Args:
        ledger: an open ledger; opened from ``settings.database_url`` when omitted.
        settings: runtime settings; read from the environment when omitted.
        warm: render the most visited pages in the background at startup.
    """
    from attrition.web import api, pages, writes

    settings = settings or load_settings()
    ledger = ledger or Ledger.open(settings.database_url)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        task = asyncio.create_task(warm_cache(app, warm_paths())) if warm else None
        yield
        if task is not None:
            task.cancel()

    app = FastAPI(
        lifespan=lifespan,
        title="attrition",
        version=__version__,
        description="An evidence ledger for contested war-loss figures: series, evidence, "
        "claims and verdicts. Errors have one shape: "
        '`{"error": {"type", "message", "hint"}}`.',
        docs_url=None,
        redoc_url=None,
    )
    app.state.ledger = ledger
    app.state.settings = settings
    app.state.cache = ResponseCache(ledger)
    app.add_middleware(BodySizeLimitMiddleware, max_bytes=MAX_BODY_BYTES)
    app.add_middleware(CachedResponseMiddleware, cache=app.state.cache)
    app.add_middleware(SecurityHeadersMiddleware)
    app.add_exception_handler(AttritionError, _on_attrition_error)
    app.add_exception_handler(RequestValidationError, _on_validation_error)
    app.add_exception_handler(StarletteHTTPException, _on_http_error)
    app.add_exception_handler(Exception, _on_unexpected_error)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.include_router(api.router)
    app.include_router(writes.router)
    app.include_router(pages.router)

    @app.get("/docs", include_in_schema=False, response_class=HTMLResponse)
    async def docs(request: Request) -> Response:
        return templates.TemplateResponse(request, "docs.html", {})

    return app
