"""Polling: every due feed fetched conditionally, every new entry's page ingested.

A feed's validators (ETag, Last-Modified) are stored only after all of its
entries were handled: a poll interrupted half-way asks for the whole feed
again next time instead of getting a 304 and losing the entries it had not
reached. A feed that fails is recorded with its message and backs off; the
other feeds carry on. Entries already stored are not fetched again unless
the feed says they were updated since attrition last looked.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from attrition.errors import AttritionError, NotFound
from attrition.ledger import Ledger
from attrition.ledger.documents import find_document, read_page_failure
from attrition.ledger.feeds import (
    find_feed,
    list_due_feeds,
    record_feed_error,
    record_feed_success,
)
from attrition.news.feeds import (
    FEED_MIN_INTERVAL,
    FeedEntry,
    ParsedFeed,
    backoff_delay,
    fetch_feed,
)
from attrition.news.ingest import Ingestor, IngestResult, PageHints


@dataclass
class FeedReport:
    """What one feed's poll did."""

    feed_id: int
    url: str
    status: str = "ok"  # ok, not_modified, failed, interrupted
    entries: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)  # new, updated, unchanged, failed, …
    error: str | None = None
    warning: str | None = None
    next_poll_at: dt.datetime | None = None

    def as_dict(self) -> dict[str, Any]:
        """Plain dict for JSON."""
        return {
            "feed_id": self.feed_id,
            "url": self.url,
            "status": self.status,
            "entries": self.entries,
            "outcomes": dict(self.outcomes),
            "error": self.error,
            "warning": self.warning,
            "next_poll_at": self.next_poll_at,
        }


@dataclass
class PollReport:
    """The feeds polled, the pages they brought, and whether the poll was stopped early."""

    feeds: list[FeedReport] = field(default_factory=list)
    results: list[IngestResult] = field(default_factory=list)
    stopped: bool = False

    def totals(self) -> dict[str, int]:
        """Pages by outcome over every feed."""
        total: Counter[str] = Counter()
        for report in self.feeds:
            total.update(report.outcomes)
        return dict(total)

    def as_dict(self) -> dict[str, Any]:
        """Plain dict for JSON."""
        return {
            "feeds": [f.as_dict() for f in self.feeds],
            "totals": self.totals(),
            "stopped": self.stopped,
        }


class PollObserver(Protocol):
    """Progress callbacks (the CLI draws a Rich progress bar with them)."""

    def feed_started(self, feed: dict[str, Any], entries: int) -> None: ...

    def entry_done(self, feed: dict[str, Any], outcome: str) -> None: ...

    def feed_done(self, report: FeedReport) -> None: ...


class _Silent:
    def feed_started(self, feed: dict[str, Any], entries: int) -> None:
        pass

    def entry_done(self, feed: dict[str, Any], outcome: str) -> None:
        pass

    def feed_done(self, report: FeedReport) -> None:
        pass


def _never() -> bool:
    return False


def poll_feeds(
    ledger: Ledger,
    *,
    ingestor: Ingestor | None = None,
    feeds: Sequence[str | int] = (),
    force: bool = False,
    observer: PollObserver | None = None,
    should_stop: Callable[[], bool] = _never,
) -> PollReport:
    """Poll the due feeds (or the given ones, or all with ``force``) and ingest new entries.

    ``should_stop`` is asked between pages; when it answers True the poll ends
    after the page in hand is fully stored.
    """
    own = ingestor is None
    ingestor = ingestor or Ingestor(ledger)
    observer = observer or _Silent()
    report = PollReport()
    try:
        for feed in _select_feeds(ledger, ingestor.clock(), feeds, force):
            if should_stop():
                report.stopped = True
                break
            feed_report = _poll_one(ledger, ingestor, feed, observer, should_stop, report)
            report.feeds.append(feed_report)
            observer.feed_done(feed_report)
            if feed_report.status == "interrupted":
                report.stopped = True
                break
    finally:
        if own:
            ingestor.close()
    return report


def _select_feeds(
    ledger: Ledger, now: dt.datetime, keys: Sequence[str | int], force: bool
) -> list[dict[str, Any]]:
    with ledger.connect() as connection:
        if not keys:
            return list_due_feeds(connection, now, force=force)
        chosen = []
        for key in keys:
            feed = find_feed(connection, key)
            if feed is None:
                raise NotFound(f"no feed {key!r}", hint="see `attrition feeds list`")
            chosen.append(feed)
        return chosen


def _poll_one(
    ledger: Ledger,
    ingestor: Ingestor,
    feed: dict[str, Any],
    observer: PollObserver,
    should_stop: Callable[[], bool],
    poll: PollReport,
) -> FeedReport:
    report = FeedReport(feed_id=feed["id"], url=feed["url"])
    now = ingestor.clock()
    try:
        with ingestor.timed("fetch"):
            fetched = fetch_feed(
                ingestor.fetcher,
                feed["url"],
                etag=feed["etag"],
                last_modified=feed["last_modified"],
            )
    except AttritionError as exc:
        report.status, report.error = "failed", str(exc)
        report.next_poll_at = now + backoff_delay(feed["error_count"] + 1)
        with ledger.transaction() as connection:
            record_feed_error(
                connection, feed["id"], now=now, message=str(exc), next_poll_at=report.next_poll_at
            )
        observer.feed_started(feed, 0)
        return report
    if fetched.not_modified or fetched.feed is None:
        report.status = "not_modified"
        observer.feed_started(feed, 0)
    else:
        parsed: ParsedFeed = fetched.feed
        report.entries, report.warning = len(parsed.entries), parsed.warning
        if parsed.skipped:
            report.outcomes["no_link"] += parsed.skipped
        observer.feed_started(feed, len(parsed.entries))
        for entry in parsed.entries:
            if should_stop():
                report.status = "interrupted"
                return report  # validators not stored: the next poll reads the feed again
            outcome = _handle_entry(ledger, ingestor, feed, entry, poll)
            report.outcomes[outcome] += 1
            observer.entry_done(feed, outcome)
    report.next_poll_at = now + FEED_MIN_INTERVAL
    with ledger.transaction() as connection:
        record_feed_success(
            connection,
            feed["id"],
            now=now,
            next_poll_at=report.next_poll_at,
            etag=fetched.etag,
            last_modified=fetched.last_modified,
            title=None if feed["title"] or fetched.feed is None else fetched.feed.title,
            warning=report.warning,
        )
    return report


def _handle_entry(
    ledger: Ledger, ingestor: Ingestor, feed: dict[str, Any], entry: FeedEntry, poll: PollReport
) -> str:
    """Ingest one entry's page if it is new, updated or due for a retry; return the outcome."""
    now = ingestor.clock()
    with ledger.connect() as connection:
        document = find_document(connection, [entry.url])
        failure = read_page_failure(connection, entry.url) if document is None else None
    if document is not None:
        checked = document["last_checked"] or document["last_updated"]
        if entry.updated is None or entry.updated <= checked:
            return "known"
    elif failure is not None and (failure["next_try_at"] is None or failure["next_try_at"] > now):
        return "failed_before"
    hints = PageHints(title=entry.title, published=entry.published or entry.updated)
    try:
        result = ingestor.ingest_url(entry.url, hints=hints, feed_id=feed["id"])
    except AttritionError:
        return "failed"
    poll.results.append(result)
    return result.status
