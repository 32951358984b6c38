"""Feeds: parsing RSS 0.9x/1.0/2.0 and Atom (feedparser), conditional fetches, back-off.

``parse_feed`` turns a body into a :class:`ParsedFeed` or raises
``SourceFormatError`` naming what is wrong (HTML served as a feed, XML that
is not a feed, a body that is not XML at all). Recoverable oddities — a wrong
or missing charset, a truncated document feedparser can still read — keep
the entries and carry a ``warning``.

Polling policy, as named constants: a feed that answered is asked again after
``FEED_MIN_INTERVAL``; a failing one waits ``FEED_BACKOFF_BASE`` doubled per
consecutive failure, capped at ``FEED_BACKOFF_MAX``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Final
from urllib.parse import urljoin

import feedparser
import lxml.etree
import lxml.html

from attrition.errors import InputError, SourceFormatError
from attrition.fetch import Fetcher, FetchResult
from attrition.news.canonical import canonicalize_url

# Publishers' caches rarely refresh a feed faster than every few minutes, and
# RSS's own <ttl> guidance and common readers (Feedly, NetNewsWire) poll no
# more often than every 5-15 minutes; asking sooner only collects 304s.
FEED_MIN_INTERVAL: Final = dt.timedelta(minutes=5)
# A failing feed waits 15 min, 30 min, 1 h, 2 h … : a server restart or a
# deploy clears within the first retries, while a dead feed is asked at most
# daily (the cap is reached after 7 failures, about 16 hours in).
FEED_BACKOFF_BASE: Final = dt.timedelta(minutes=15)
FEED_BACKOFF_MAX: Final = dt.timedelta(hours=24)
# Pages linked from a feed are often announced before they are live (404) or
# briefly fail; retry after 1 h, 2 h, 4 h, then leave the URL alone (a user
# can still fetch it with `attrition add-url`).
PAGE_RETRY_BASE: Final = dt.timedelta(hours=1)
PAGE_MAX_ATTEMPTS: Final = 4

FEED_ACCEPT: Final = (
    "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, "
    "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
)
FEED_LINK_TYPES: Final = (
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/feed+json",
)
# feedparser's complaints that still leave a correctly read feed.
_HARMLESS_BOZO: Final = (
    feedparser.CharacterEncodingOverride,
    feedparser.NonXMLContentType,
)
_HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)[\s>]", re.I | re.S)
_VERSION_NAMES: Final = {
    "rss090": "RSS 0.90",
    "rss091n": "RSS 0.91 (Netscape)",
    "rss091u": "RSS 0.91 (Userland)",
    "rss092": "RSS 0.92",
    "rss093": "RSS 0.93",
    "rss094": "RSS 0.94",
    "rss20": "RSS 2.0",
    "rss10": "RSS 1.0",
    "rss": "RSS",
    "atom01": "Atom 0.1",
    "atom02": "Atom 0.2",
    "atom03": "Atom 0.3",
    "atom10": "Atom 1.0",
    "atom": "Atom",
    "cdf": "CDF",
}


@dataclass(frozen=True)
class FeedEntry:
    """One item of a feed: the article link and what the feed says about it."""

    url: str
    title: str | None = None
    published: dt.datetime | None = None
    updated: dt.datetime | None = None


@dataclass(frozen=True)
class ParsedFeed:
    """A feed's title, format and entries (newest first as the feed lists them)."""

    title: str | None
    version: str
    entries: list[FeedEntry] = field(default_factory=list)
    skipped: int = 0  # entries without a usable http(s) link
    warning: str | None = None


@dataclass(frozen=True)
class FeedFetch:
    """The result of a conditional fetch: not modified, or a parsed feed and new validators."""

    not_modified: bool
    feed: ParsedFeed | None
    etag: str | None
    last_modified: str | None
    final_url: str


def _struct_time(value: Any) -> dt.datetime | None:
    """feedparser's parsed times are UTC ``struct_time`` values."""
    if not value:
        return None
    try:
        year, month, day, hour, minute, second = value[:6]
        return dt.datetime(year, month, day, hour, minute, second, tzinfo=dt.UTC)
    except (ValueError, TypeError):
        return None


def _entry_link(entry: Mapping[str, Any], base: str) -> str | None:
    candidates = [entry.get("link")]
    candidates += [
        link.get("href")
        for link in entry.get("links", [])
        if link.get("rel", "alternate") == "alternate"
    ]
    if entry.get("guidislink") or str(entry.get("id", "")).startswith(("http://", "https://")):
        candidates.append(entry.get("id"))
    for candidate in candidates:
        if not candidate:
            continue
        try:
            return canonicalize_url(str(candidate), base=base)
        except InputError:
            continue
    return None


def discover_feed_links(html: str, base_url: str) -> list[str]:
    """The feeds an HTML page advertises with ``<link rel="alternate" type="…rss+xml">``."""
    try:
        tree = lxml.html.document_fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return []
    found = []
    for link in tree.xpath("//link[@href]"):
        rel = (link.get("rel") or "").lower().split()
        kind = (link.get("type") or "").split(";")[0].strip().lower()
        if "alternate" in rel and kind in FEED_LINK_TYPES:
            url = urljoin(base_url, link.get("href").strip())
            if url not in found:
                found.append(url)
    return found


def _bozo_message(parsed: Any) -> str:
    exc = parsed.get("bozo_exception")
    line = getattr(exc, "getLineNumber", lambda: None)()
    where = f" at line {line}" if line else ""
    return f"{getattr(exc, 'getMessage', lambda: str(exc))()}{where}"


def parse_feed(content: bytes, *, url: str, content_type: str = "") -> ParsedFeed:
    """Parse an RSS or Atom body.

    Raises:
        SourceFormatError: HTML instead of a feed, or a body that is not a feed
            at all; the message names the URL and, for HTML, the feeds it links.
    """
    if not content.strip():
        raise SourceFormatError(f"feed {url} is empty (0 bytes)")
    if _HTML_START.match(content[:2048]) or content_type.startswith("text/html"):
        probe = feedparser.parse(content, response_headers={"content-type": content_type})
        if not probe.get("version"):
            links = discover_feed_links(content.decode("utf-8", errors="replace"), url)
            raise SourceFormatError(
                f"{url} is an HTML page, not an RSS or Atom feed",
                hint=f"the page links these feeds: {', '.join(links)}"
                if links
                else "give the URL of the site's RSS or Atom feed",
            )
    parsed = feedparser.parse(
        content,
        response_headers={"content-type": content_type or "application/xml"},
        sanitize_html=False,
        resolve_relative_uris=False,
    )
    version = parsed.get("version") or ""
    warning = None
    if parsed.get("bozo"):
        if not version:
            raise SourceFormatError(
                f"feed {url} is malformed: {_bozo_message(parsed)}",
                hint="the server may be sending an error page; open the URL in a browser",
            )
        if not isinstance(parsed.get("bozo_exception"), _HARMLESS_BOZO):
            warning = f"feed {url} is not well-formed ({_bozo_message(parsed)}); read what parsed"
    if not version:
        raise SourceFormatError(f"{url} is not an RSS or Atom feed (no feed element found)")
    entries, skipped = [], 0
    for item in parsed.entries:
        link = _entry_link(item, url)
        if link is None:
            skipped += 1
            continue
        entries.append(
            FeedEntry(
                url=link,
                title=(item.get("title") or "").strip() or None,
                # dict.get: feedparser's own get() maps updated to published with a warning
                published=_struct_time(dict.get(item, "published_parsed")),
                updated=_struct_time(dict.get(item, "updated_parsed")),
            )
        )
    title = (parsed.feed.get("title") or "").strip() or None
    return ParsedFeed(
        title=title,
        version=_VERSION_NAMES.get(version, version),
        entries=entries,
        skipped=skipped,
        warning=warning,
    )


def conditional_headers(etag: str | None, last_modified: str | None) -> dict[str, str]:
    """Request headers for a conditional GET with the validators of the last answer."""
    headers = {"Accept": FEED_ACCEPT}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    return headers


def fetch_feed(
    fetcher: Fetcher, url: str, *, etag: str | None = None, last_modified: str | None = None
) -> FeedFetch:
    """Fetch a feed conditionally and parse it; a 304 returns ``not_modified``.

    Raises:
        FetchRefused, FetchFailed: from the fetcher.
        SourceFormatError: the body is not a feed.
    """
    result: FetchResult = fetcher.fetch(url, headers=conditional_headers(etag, last_modified))
    if result.not_modified:
        return FeedFetch(True, None, etag, last_modified, result.final_url)
    feed = parse_feed(result.content, url=url, content_type=result.headers.get("content-type", ""))
    return FeedFetch(
        False,
        feed,
        result.headers.get("etag"),
        result.headers.get("last-modified"),
        result.final_url,
    )


def inspect_feed_url(
    url: str, *, fetcher: Fetcher | None = None
) -> tuple[str, str | None, str | None]:
    """Check that ``url`` is a feed before subscribing: (feed URL, its title, a note or None).

    A web page that advertises a feed (``<link rel="alternate">``) yields that
    feed, with a note saying so.

    Raises:
        FetchRefused, FetchFailed: the URL cannot be fetched.
        SourceFormatError: neither a feed nor a page linking one.
    """
    canonicalize_url(url)  # a clear error for a URL that is not http(s)
    with _fetcher(fetcher) as client:
        result = client.fetch(url.strip(), headers={"Accept": FEED_ACCEPT})
        content_type = result.headers.get("content-type", "")
        try:
            feed = parse_feed(result.content, url=url, content_type=content_type)
            return url.strip(), feed.title, feed.warning
        except SourceFormatError:
            links = discover_feed_links(result.text, result.final_url)
            if not links:
                raise
        linked = client.fetch(links[0], headers={"Accept": FEED_ACCEPT})
        feed = parse_feed(
            linked.content, url=links[0], content_type=linked.headers.get("content-type", "")
        )
        return links[0], feed.title, f"{url} is a web page; subscribing to the feed it links"


@contextmanager
def _fetcher(given: Fetcher | None) -> Iterator[Fetcher]:
    if given is not None:
        yield given
        return
    with Fetcher() as own:
        yield own


def backoff_delay(failures: int) -> dt.timedelta:
    """How long a feed that failed ``failures`` times in a row waits before the next try."""
    exponent = max(failures - 1, 0)
    if exponent >= 16:  # far past the cap; avoid a huge multiplication
        return FEED_BACKOFF_MAX
    return min(FEED_BACKOFF_BASE * (2**exponent), FEED_BACKOFF_MAX)


def page_retry_at(attempts: int, now: dt.datetime) -> dt.datetime | None:
    """When a failed page is tried again after ``attempts`` failures; None means never."""
    if attempts >= PAGE_MAX_ATTEMPTS:
        return None
    return now + PAGE_RETRY_BASE * (2 ** (attempts - 1))
