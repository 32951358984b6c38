"""Render the pages people open first right after the server starts, before they ask.

The overview reconciles every General Staff series (about 2 s on the full
ledger); doing it at startup, one page at a time in the background, means the
first visitor gets a cached page.
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Iterable
from typing import Any

from starlette.types import ASGIApp, Message

from attrition.compare import comparable_categories

logger = logging.getLogger(__name__)


def warm_paths() -> list[str]:
    """The overview, the data-quality page and each category page Oryx also counts."""
    return ["/", "/quality", *(f"/category/{c}" for c in comparable_categories())]


async def request_internally(app: ASGIApp, path: str) -> int:
    """GET ``path`` through the whole app in process; returns the status code."""
    scope: dict[str, Any] = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET",
        "scheme": "http", "path": path, "raw_path": path.encode(), "query_string": b"",
        "root_path": "", "headers": [(b"host", b"warmup")], "client": ("127.0.0.1", 0),
        "server": ("127.0.0.1", 0), "state": {},
    }  # fmt: skip
    status = 0

    async def receive() -> Message:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: Message) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = int(message["status"])

    await app(scope, receive, send)
    return status


async def warm_cache(app: ASGIApp, paths: Iterable[str]) -> None:
    """Request each path once, in order; a failure is logged and the next path tried.

    Then the cached pages and everything else alive are moved out of the
    garbage collector's sight (``gc.freeze``): they live until the ledger
    changes, and walking them in every full collection shows up as latency spikes.
    """
    for path in paths:
        try:
            await request_internally(app, path)
        except Exception:  # a page that fails now fails for its visitor, with the error shape
            logger.exception("warming %s failed", path)
    gc.collect()
    gc.freeze()
