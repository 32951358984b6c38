"""An in-process cache of rendered responses, emptied whenever the ledger changes.

Read routes serve the same bytes until something is imported, ingested or
checked. Instead of asking the database on every request, the cache re-reads
the ledger's change marker at most every ``MARKER_TTL_S`` seconds, so a write
made by another process (``attrition import`` beside a running server) shows
within that time, and writes made through this app invalidate at once.
"""

from __future__ import annotations

import asyncio
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass

from starlette.concurrency import run_in_threadpool

from attrition.ledger import Ledger
from attrition.ledger.marker import read_change_marker

# A hot page is served ~2,000 times a second (docs/benchmarks.md); one marker
# query per second costs well under 1 % of that, while a change made from the
# CLI appears within a second, sooner than a person reloads.
MARKER_TTL_S = 1.0
# Distinct queries kept: every category × a few views, plus arbitrary date
# ranges; the whole-series JSON is ~100 KB, so 512 entries stay under ~50 MB.
MAX_ENTRIES = 512


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
        self._entries: OrderedDict[Hashable, CachedBody] = OrderedDict()
        self._marker: tuple[object, ...] | None = None
        self._checked_at = -float("inf")
        self._locks: dict[Hashable, asyncio.Lock] = {}

    def _read_marker(self) -> tuple[object, ...]:
        with self.ledger.connect() as connection:
            return read_change_marker(connection)

    async def _refresh_marker(self) -> None:
        now = time.monotonic()
        if now - self._checked_at < self.ttl:
            return
        self._checked_at = now
        marker = await run_in_threadpool(self._read_marker)
        if marker != self._marker:
            self._marker = marker
            self._entries.clear()

    def invalidate(self) -> None:
        """Forget everything: the next request re-reads the marker and rebuilds."""
        self._entries.clear()
        self._marker = None
        self._checked_at = -float("inf")

    async def get_or_build(self, key: Hashable, build: Callable[[], CachedBody]) -> CachedBody:
        """The cached body for ``key``, or ``build()`` run in a worker thread and kept."""
        await self._refresh_marker()
        found = self._entries.get(key)
        if found is not None:
            self._entries.move_to_end(key)
            return found
        # One build per key at a time: fifty clients missing together wait for one query.
        lock = self._locks.setdefault(key, asyncio.Lock())
        async with lock:
            found = self._entries.get(key)
            if found is not None:
                return found
            marker = self._marker
            body = await run_in_threadpool(build)
            if marker == self._marker:
                self._entries[key] = body
                while len(self._entries) > self.max_entries:
                    self._entries.popitem(last=False)
        self._locks.pop(key, None)
        return body
