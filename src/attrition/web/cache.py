"""An in-process cache of rendered responses, emptied whenever the ledger changes.

Read routes serve the same bytes until something is imported, ingested or
checked. Instead of asking the database on every request, the cache re-reads
the ledger's change marker at most every ``MARKER_TTL_S`` seconds, so a write
made by another process (``attrition import`` beside a running server) shows
within that time, and writes made through this app invalidate at once.
"""

from __future__ import annotations

import asyncio
import gzip
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from typing import Any, TypeVar, cast

from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from attrition.ledger import Ledger
from attrition.ledger.marker import read_change_marker

T = TypeVar("T")

# A hot page is served ~2,000 times a second (docs/benchmarks.md); one marker
# query per second costs well under 1 % of that, while a change made from the
# CLI appears within a second, sooner than a person reloads.
MARKER_TTL_S = 1.0
# Cached bodies under this size go uncompressed: gzip saves nothing on them.
MIN_GZIP_BYTES = 1024
# Level 6 (zlib's default) packs the whole tank series from 187 KB to ~20 KB in
# ~3 ms, once per cache fill; level 9 saves ~3 % more for twice the time.
GZIP_LEVEL = 6
# Distinct queries kept: every category × a few views, plus arbitrary date
# ranges; the whole-series JSON is ~100 KB, so 512 entries stay under ~50 MB.
MAX_ENTRIES = 512


@dataclass(frozen=True)
class RawResponse:
    """A complete response as the ASGI server sends it, and its gzip variant when worth one."""

    status: int
    headers: tuple[tuple[bytes, bytes], ...]
    body: bytes
    gzip_headers: tuple[tuple[bytes, bytes], ...] | None = None
    gzip_body: bytes | None = None

    @classmethod
    def build(cls, status: int, headers: Iterable[tuple[bytes, bytes]], body: bytes) -> RawResponse:
        """Keep ``body``, and a gzip copy when it is large enough to gain from one."""
        plain = [(k, v) for k, v in headers if k.lower() != b"vary"]
        if len(body) < MIN_GZIP_BYTES:
            return cls(status, tuple(plain), body)
        packed = gzip.compress(body, compresslevel=GZIP_LEVEL, mtime=0)
        varied = [*plain, (b"vary", b"accept-encoding")]
        zipped = [
            *((k, v) for k, v in varied if k.lower() != b"content-length"),
            (b"content-encoding", b"gzip"),
            (b"content-length", str(len(packed)).encode()),
        ]
        return cls(status, tuple(varied), body, tuple(zipped), packed)


@dataclass(frozen=True)
class CachedBody:
    """A rendered response body and its media type."""

    content: bytes
    media_type: str
    headers: tuple[tuple[str, str], ...] = ()


class ResponseCache:
    """Rendered bodies keyed by request, valid while the ledger's change marker holds."""

    def __init__(
        self, ledger: Ledger, *, ttl: float = MARKER_TTL_S, max_entries: int = MAX_ENTRIES
    ) -> None:
        self.ledger = ledger
        self.ttl = ttl
        self.max_entries = max_entries
        self._entries: OrderedDict[Hashable, Any] = OrderedDict()
        self._marker: tuple[object, ...] | None = None
        self._checked_at = -float("inf")
        self._locks: dict[Hashable, asyncio.Lock] = {}
        # Whole responses by raw request line, served without entering FastAPI.
        self._raw: OrderedDict[tuple[str, bytes], RawResponse] = OrderedDict()

    def _read_marker(self) -> tuple[object, ...]:
        with self.ledger.connect() as connection:
            return read_change_marker(connection)

    async def refresh_marker(self) -> None:
        """Re-read the ledger's change marker if it is older than ``ttl``; clear on change."""
        await self._refresh_marker()

    async def _refresh_marker(self) -> None:
        now = time.monotonic()
        if now - self._checked_at < self.ttl:
            return
        self._checked_at = now
        marker = await run_in_threadpool(self._read_marker)
        if marker != self._marker:
            self._marker = marker
            self._entries.clear()
            self._raw.clear()

    def invalidate(self) -> None:
        """Forget everything: the next request re-reads the marker and rebuilds."""
        self._entries.clear()
        self._raw.clear()
        self._marker = None
        self._checked_at = -float("inf")

    async def get_or_build(self, key: Hashable, build: Callable[[], T]) -> T:
        """The cached value for ``key``, or ``build()`` run in a worker thread and kept."""
        await self._refresh_marker()
        found = self._entries.get(key)
        if found is not None:
            self._entries.move_to_end(key)
            return cast(T, found)
        # One build per key at a time: fifty clients missing together wait for one query.
        lock = self._locks.setdefault(key, asyncio.Lock())
        async with lock:
            found = self._entries.get(key)
            if found is not None:
                return cast(T, found)
            marker = self._marker
            body = await run_in_threadpool(build)
            if marker == self._marker:
                self._entries[key] = body
                while len(self._entries) > self.max_entries:
                    self._entries.popitem(last=False)
        self._locks.pop(key, None)
        return body

    def get_raw(self, key: tuple[str, bytes]) -> RawResponse | None:
        """A whole stored response for a request line, if any."""
        return self._raw.get(key)

    def put_raw(self, key: tuple[str, bytes], response: RawResponse, marker: object) -> None:
        """Keep a response built while the ledger was at ``marker`` (dropped if it moved since)."""
        if marker != self._marker:
            return
        self._raw[key] = response
        while len(self._raw) > self.max_entries:
            self._raw.popitem(last=False)

    @property
    def marker(self) -> object:
        """The change marker the cached entries belong to."""
        return self._marker


CACHEABLE_FLAG = "attrition.cacheable"


class CachedResponseMiddleware:
    """Serve repeated GETs of cacheable routes from memory, before routing and validation.

    A route opts in by setting ``request.state`` flag :data:`CACHEABLE_FLAG` (the
    list and page renderers do); only 200 answers are kept. This takes FastAPI's
    per-request work (routing, parameter validation, dependency solving) off the
    hot path: a hit is a dict lookup and two ``send`` calls.
    """

    def __init__(self, app: ASGIApp, cache: ResponseCache) -> None:
        self.app = app
        self.cache = cache

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET":
            await self.app(scope, receive, send)
            return
        await self.cache.refresh_marker()
        key = (scope["path"], scope["query_string"])
        hit = self.cache.get_raw(key)
        if hit is not None:
            headers, body = hit.headers, hit.body
            if hit.gzip_body is not None and _accepts_gzip(scope):
                headers, body = hit.gzip_headers or headers, hit.gzip_body
            await send({"type": "http.response.start", "status": hit.status, "headers": headers})
            await send({"type": "http.response.body", "body": body})
            return
        marker = self.cache.marker
        started: dict[str, Any] = {}
        parts: list[bytes] = []

        async def capture(message: Message) -> None:
            if message["type"] == "http.response.start":
                started.update(message)
            elif message["type"] == "http.response.body":
                parts.append(message.get("body", b""))
            await send(message)

        scope.setdefault("state", {})
        await self.app(scope, receive, capture)
        if started.get("status") == 200 and scope["state"].get(CACHEABLE_FLAG):
            response = RawResponse.build(200, started.get("headers", ()), b"".join(parts))
            self.cache.put_raw(key, response, marker)


def _accepts_gzip(scope: Scope) -> bool:
    for name, value in scope["headers"]:
        if name == b"accept-encoding":
            return b"gzip" in value and b"gzip;q=0" not in value.replace(b" ", b"")
    return False
