"""Rows of the ``feeds`` table: subscriptions, their validators and their health.

The polling policy (when a feed is due, how long a failing feed waits) lives
in ``attrition.news.feeds``; this module only stores what it decides.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa

from attrition.errors import NotFound
from attrition.ledger.observations import as_utc
from attrition.ledger.schema import feeds, page_failures

_TIMES = ("added_at", "last_polled", "last_success", "next_poll_at")


def _feed_dict(row: sa.Row[Any]) -> dict[str, Any]:
    feed = dict(row._mapping)
    for key in _TIMES:
        if feed.get(key) is not None:
            feed[key] = as_utc(feed[key])
    return feed


def find_feed(connection: sa.Connection, key: str | int) -> dict[str, Any] | None:
    """The feed with id or URL ``key``, or None."""
    condition = (
        feeds.c.id == int(key) if isinstance(key, int) or str(key).isdigit() else feeds.c.url == key
    )
    row = connection.execute(sa.select(feeds).where(condition)).first()
    return _feed_dict(row) if row else None


def add_feed(
    connection: sa.Connection, url: str, *, title: str | None, now: dt.datetime
) -> tuple[dict[str, Any], bool]:
    """Subscribe to ``url``; returns the feed and whether it was new (adding twice is a no-op)."""
    existing = find_feed(connection, url)
    if existing:
        return existing, False
    connection.execute(sa.insert(feeds).values(url=url, title=title, added_at=now, error_count=0))
    found = find_feed(connection, url)
    assert found is not None  # just inserted in this transaction
    return found, True


def list_feeds(connection: sa.Connection) -> list[dict[str, Any]]:
    """Every feed, oldest subscription first, with its count of failed pages."""
    failed = (
        sa.select(sa.func.count())
        .where(page_failures.c.feed_id == feeds.c.id)
        .scalar_subquery()
        .label("failed_pages")
    )
    query = sa.select(feeds, failed).order_by(feeds.c.added_at, feeds.c.id)
    return [_feed_dict(row) for row in connection.execute(query)]


def remove_feed(connection: sa.Connection, key: str | int) -> dict[str, Any]:
    """Unsubscribe; the documents it brought stay in the ledger.

    Raises:
        NotFound: no feed has that id or URL.
    """
    feed = find_feed(connection, key)
    if feed is None:
        raise NotFound(f"no feed {key!r}", hint="see `attrition feeds list` for ids and URLs")
    connection.execute(
        sa.update(page_failures).where(page_failures.c.feed_id == feed["id"]).values(feed_id=None)
    )
    connection.execute(sa.delete(feeds).where(feeds.c.id == feed["id"]))
    return feed


def list_due_feeds(
    connection: sa.Connection, now: dt.datetime, *, force: bool = False
) -> list[dict[str, Any]]:
    """Feeds whose next poll time has come (all of them with ``force``)."""
    query = sa.select(feeds).order_by(feeds.c.id)
    if not force:
        query = query.where(sa.or_(feeds.c.next_poll_at.is_(None), feeds.c.next_poll_at <= now))
    return [_feed_dict(row) for row in connection.execute(query)]


def record_feed_success(
    connection: sa.Connection,
    feed_id: int,
    *,
    now: dt.datetime,
    next_poll_at: dt.datetime,
    etag: str | None,
    last_modified: str | None,
    title: str | None = None,
    warning: str | None = None,
) -> None:
    """A poll worked (200 or 304): keep the validators, clear the error and its back-off.

    A ``warning`` (a feed read despite being malformed) is kept in ``last_error``
    as ``warning: …`` with the error count at zero.
    """
    values: dict[str, Any] = {
        "last_polled": now,
        "last_success": now,
        "last_error": f"warning: {warning}" if warning else None,
        "error_count": 0,
        "next_poll_at": next_poll_at,
        "etag": etag,
        "last_modified": last_modified,
    }
    if title:
        values["title"] = title
    connection.execute(sa.update(feeds).where(feeds.c.id == feed_id).values(**values))


def record_feed_error(
    connection: sa.Connection,
    feed_id: int,
    *,
    now: dt.datetime,
    message: str,
    next_poll_at: dt.datetime,
) -> None:
    """A poll failed: keep the message, count the failure, wait until ``next_poll_at``."""
    connection.execute(
        sa.update(feeds)
        .where(feeds.c.id == feed_id)
        .values(
            last_polled=now,
            last_error=message,
            error_count=feeds.c.error_count + 1,
            next_poll_at=next_poll_at,
        )
    )
