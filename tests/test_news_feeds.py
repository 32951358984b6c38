"""Feeds: every dialect parses; polling is conditional, survives bad feeds, loses nothing.

Everything runs against a local HTTP server (pytest-httpserver); loopback is
allowed through ATTRITION_ALLOW_HOSTS as a user would.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from attrition.errors import SourceFormatError
from attrition.fetch import Fetcher
from attrition.ledger import Ledger
from attrition.ledger.documents import read_document, read_page_failure
from attrition.ledger.feeds import add_feed, find_feed
from attrition.ledger.schema import documents
from attrition.news.feeds import (
    FEED_BACKOFF_BASE,
    FEED_BACKOFF_MAX,
    FEED_MIN_INTERVAL,
    PAGE_RETRY_BASE,
    backoff_delay,
    parse_feed,
)
from attrition.news.ingest import Ingestor
from attrition.news.poll import poll_feeds
from attrition.settings import Settings

FEEDS = Path(__file__).parent / "fixtures" / "news" / "feeds"
READ_TIMEOUT = 2.5
T0 = dt.datetime(2022, 7, 5, 9, 0, tzinfo=dt.UTC)


def article_html(title: str, *paragraphs: str) -> str:
    """A news page with furniture around its article."""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{title}</title>"
        f"</head><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>{title}</h1>{body}</article><footer>© Planet</footer></body></html>"
    )


TANKS = article_html(
    "Kyiv says Russia has lost 1,402 tanks",
    "Ukraine's General Staff said on Tuesday that Russian forces had lost 1,402 tanks since "
    "the start of the full-scale invasion, adding 12 machines in a single day.",
    "The figures cannot be verified independently, and Moscow does not publish its own.",
)
ARTILLERY = article_html(
    "Artillery losses rise, Kyiv says",
    "The General Staff put Russian artillery losses at 705 systems on Tuesday, up from 698 a "
    "day earlier, in a report that also listed 213 multiple rocket launchers.",
)


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture(autouse=True)
def allow_loopback(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ATTRITION_ALLOW_HOSTS", "127.0.0.1,localhost")


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def ingestor(ledger: Ledger, clock: Clock) -> Iterator[Ingestor]:
    # READ_TIMEOUT: a loaded CI machine answers the local server slowly, and a timed-out fetch
    # shifts the scripted responses of the tests that serve pages in turn
    fetcher = Fetcher(Settings(allow_hosts=("127.0.0.1",)), read_timeout=READ_TIMEOUT)
    with Ingestor(ledger, fetcher=fetcher, clock=clock) as it:
        yield it
    fetcher.close()


def fixture_feed(name: str, server: HTTPServer) -> bytes:
    host = f"{server.host}:{server.port}"
    return (FEEDS / name).read_bytes().replace(b"HOST", host.encode())


def subscribe(ledger: Ledger, url: str) -> int:
    with ledger.transaction() as connection:
        feed, _ = add_feed(connection, url, title=None, now=T0 - dt.timedelta(days=1))
    return int(feed["id"])


def feed_row(ledger: Ledger, feed_id: int) -> dict:
    with ledger.connect() as connection:
        found = find_feed(connection, feed_id)
    assert found is not None
    return found


def in_turn(*responses: Response) -> Callable[[Request], Response]:
    """A handler answering with each response in turn, then repeating the last."""
    queue = list(responses)

    def handler(_request: Request) -> Response:
        return queue.pop(0) if len(queue) > 1 else queue[0]

    return handler


def html(body: str, status: int = 200) -> Response:
    return Response(body, status=status, content_type="text/html")


def serve_pages(server: HTTPServer) -> None:
    server.expect_request("/articles/one").respond_with_data(TANKS, content_type="text/html")
    server.expect_request("/articles/two").respond_with_data(ARTILLERY, content_type="text/html")


# --- parsing every dialect -------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "version", "title", "links"),
    [
        (
            "rss091.xml",
            "RSS 0.91 (Netscape)",
            "Front Line Bulletin",
            ["/articles/one", "/articles/two"],
        ),
        ("rss10.rdf", "RSS 1.0", "Eastern Front Digest", ["/articles/one"]),
        ("rss20.xml", "RSS 2.0", "The Daily Planet — World", ["/articles/one", "/articles/two"]),
        ("atom.xml", "Atom 1.0", "Kyiv Monitor", ["/articles/one"]),
    ],
)
def test_every_feed_dialect_gives_canonical_entry_links(
    name: str, version: str, title: str, links: list[str]
) -> None:
    content = (FEEDS / name).read_bytes().replace(b"HOST", b"news.example")
    feed = parse_feed(content, url=f"http://news.example/{name}", content_type="application/xml")
    assert (feed.version, feed.title) == (version, title)
    assert [e.url for e in feed.entries] == [f"http://news.example{p}" for p in links]


def test_rss2_entries_keep_dates_and_skip_entries_without_links() -> None:
    content = (FEEDS / "rss20.xml").read_bytes().replace(b"HOST", b"news.example")
    feed = parse_feed(content, url="http://news.example/rss", content_type="application/rss+xml")
    assert feed.entries[0].published == dt.datetime(2022, 7, 5, 5, 15, tzinfo=dt.UTC)
    assert feed.entries[0].title == "Kyiv says Russia has lost 1,402 tanks"
    assert feed.skipped == 1


def test_truncated_feed_keeps_what_parsed_with_a_warning() -> None:
    content = (FEEDS / "truncated.xml").read_bytes().replace(b"HOST", b"news.example")
    feed = parse_feed(content, url="http://news.example/cut", content_type="application/rss+xml")
    assert feed.entries[0].url == "http://news.example/articles/one"
    assert feed.warning is not None and "not well-formed" in feed.warning


def test_html_served_as_a_feed_names_the_feeds_the_page_links() -> None:
    page = (
        b"<!doctype html><html><head><link rel='alternate' type='application/rss+xml' "
        b"href='/rss.xml'></head><body><p>Home page</p></body></html>"
    )
    with pytest.raises(SourceFormatError, match="is an HTML page, not an RSS or Atom feed") as err:
        parse_feed(page, url="http://news.example/", content_type="text/html; charset=utf-8")
    assert "http://news.example/rss.xml" in str(err.value)


@pytest.mark.parametrize("body", [b"<<<not xml at all", b'{"items": []}', b"   "])
def test_bodies_that_are_not_feeds_are_rejected_with_the_url(body: bytes) -> None:
    with pytest.raises(SourceFormatError, match=r"news\.example/x"):
        parse_feed(body, url="http://news.example/x", content_type="application/xml")


def test_latin1_feed_without_a_declared_charset_is_decoded() -> None:
    content = (
        '<?xml version="1.0" encoding="iso-8859-1"?><rss version="2.0"><channel>'
        "<title>Café du Front</title><item><title>Pertes: 1 402 chars</title>"
        "<link>http://news.example/a</link></item></channel></rss>"
    ).encode("latin-1")
    feed = parse_feed(content, url="http://news.example/f", content_type="text/xml")
    assert feed.title == "Café du Front"


def test_utf8_feed_declared_latin1_by_the_server_is_decoded() -> None:
    content = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        "<title>Київ — новини</title><item><title>Танки</title>"
        "<link>http://news.example/a</link></item></channel></rss>"
    ).encode()
    feed = parse_feed(
        content, url="http://news.example/f", content_type="application/rss+xml; charset=latin-1"
    )
    assert (feed.title, feed.entries[0].title) == ("Київ — новини", "Танки")


def test_backoff_doubles_then_caps() -> None:
    assert backoff_delay(1) == FEED_BACKOFF_BASE
    assert backoff_delay(2) == 2 * FEED_BACKOFF_BASE
    assert backoff_delay(4) == 8 * FEED_BACKOFF_BASE
    assert backoff_delay(30) == FEED_BACKOFF_MAX
    assert backoff_delay(10_000) == FEED_BACKOFF_MAX


# --- polling against a local server ----------------------------------------------------


def test_poll_ingests_entries_and_stores_validators(
    ledger: Ledger, ingestor: Ingestor, httpserver: HTTPServer
) -> None:
    httpserver.expect_request("/rss").respond_with_data(
        fixture_feed("rss20.xml", httpserver),
        content_type="application/rss+xml",
        headers={"ETag": '"v1"', "Last-Modified": "Tue, 05 Jul 2022 08:00:00 GMT"},
    )
    serve_pages(httpserver)
    feed_id = subscribe(ledger, httpserver.url_for("/rss"))
    report = poll_feeds(ledger, ingestor=ingestor)
    assert report.totals() == {"new": 2, "no_link": 1}
    feed = feed_row(ledger, feed_id)
    assert (feed["etag"], feed["last_modified"]) == ('"v1"', "Tue, 05 Jul 2022 08:00:00 GMT")
    assert (feed["last_success"], feed["error_count"], feed["last_error"]) == (T0, 0, None)
    assert feed["next_poll_at"] == T0 + FEED_MIN_INTERVAL
    assert feed["title"] == "The Daily Planet — World"
    with ledger.connect() as connection:
        titles = set(connection.execute(sa.select(documents.c.title)).scalars())
    assert titles == {"Kyiv says Russia has lost 1,402 tanks", "Artillery losses rise, Kyiv says"}


def test_second_poll_is_conditional_and_304_fetches_no_page(
    ledger: Ledger, ingestor: Ingestor, httpserver: HTTPServer, clock: Clock
) -> None:
    body = fixture_feed("atom.xml", httpserver)
    seen: list[dict[str, str | None]] = []

    def conditional(request: Request) -> Response:
        seen.append(
            {
                "etag": request.headers.get("If-None-Match"),
                "since": request.headers.get("If-Modified-Since"),
            }
        )
        if request.headers.get("If-None-Match") == '"atom-1"':
            return Response(status=304)
        return Response(
            body,
            content_type="application/atom+xml",
            headers={"ETag": '"atom-1"', "Last-Modified": "Tue, 05 Jul 2022 09:00:00 GMT"},
        )

    httpserver.expect_request("/atom").respond_with_handler(conditional)
    serve_pages(httpserver)
    feed_id = subscribe(ledger, httpserver.url_for("/atom"))
    poll_feeds(ledger, ingestor=ingestor)
    clock.now += FEED_MIN_INTERVAL
    pages_before = sum(1 for r, _ in httpserver.log if r.path.startswith("/articles"))
    report = poll_feeds(ledger, ingestor=ingestor)
    pages_after = sum(1 for r, _ in httpserver.log if r.path.startswith("/articles"))
    assert [f.status for f in report.feeds] == ["not_modified"]
    assert pages_after == pages_before == 1
    assert seen == [
        {"etag": None, "since": None},
        {"etag": '"atom-1"', "since": "Tue, 05 Jul 2022 09:00:00 GMT"},
    ]
    assert feed_row(ledger, feed_id)["last_success"] == clock.now


def test_known_entries_are_not_fetched_again(
    ledger: Ledger, ingestor: Ingestor, httpserver: HTTPServer, clock: Clock
) -> None:
    httpserver.expect_request("/rss").respond_with_data(
        fixture_feed("rss091.xml", httpserver), content_type="application/rss+xml"
    )
    serve_pages(httpserver)
    subscribe(ledger, httpserver.url_for("/rss"))
    poll_feeds(ledger, ingestor=ingestor)
    clock.now += dt.timedelta(hours=1)
    report = poll_feeds(ledger, ingestor=ingestor)
    assert report.totals() == {"known": 2}


def test_failing_feeds_are_recorded_while_the_others_are_polled(
    ledger: Ledger, ingestor: Ingestor, httpserver: HTTPServer
) -> None:
    httpserver.expect_request("/missing").respond_with_data("gone", status=404)
    httpserver.expect_request("/broken").respond_with_data("oops", status=500)
    httpserver.expect_request("/garbage").respond_with_data(
        "<<<< not a feed", content_type="application/rss+xml"
    )
    httpserver.expect_request("/home").respond_with_data(
        "<!doctype html><html><head><title>Home</title></head><body>Hi</body></html>",
        content_type="text/html",
    )
    httpserver.expect_request("/slow").respond_with_handler(
        lambda _r: (time.sleep(READ_TIMEOUT + 0.6), Response("late"))[1]
    )
    httpserver.expect_request("/rss").respond_with_data(
        fixture_feed("rss091.xml", httpserver), content_type="application/rss+xml"
    )
    serve_pages(httpserver)
    ids = {
        name: subscribe(ledger, httpserver.url_for(f"/{name}"))
        for name in ("missing", "broken", "garbage", "home", "slow", "rss")
    }
    report = poll_feeds(ledger, ingestor=ingestor)
    status = {f.url.rsplit("/", 1)[1]: f.status for f in report.feeds}
    assert status == {
        "missing": "failed",
        "broken": "failed",
        "garbage": "failed",
        "home": "failed",
        "slow": "failed",
        "rss": "ok",
    }
    errors = {name: feed_row(ledger, i)["last_error"] for name, i in ids.items()}
    assert "HTTP 404" in errors["missing"]
    assert "HTTP 500" in errors["broken"]
    assert "is malformed" in errors["garbage"]
    assert "is an HTML page, not an RSS or Atom feed" in errors["home"]
    assert "timed out" in errors["slow"]
    assert errors["rss"] is None
    assert report.totals() == {"new": 2}
    for name in ("missing", "broken", "garbage", "home", "slow"):
        row = feed_row(ledger, ids[name])
        assert (row["error_count"], row["next_poll_at"]) == (1, T0 + FEED_BACKOFF_BASE)


def test_failing_feed_backs_off_and_recovers(
    ledger: Ledger, ingestor: Ingestor, httpserver: HTTPServer, clock: Clock
) -> None:
    state = {"up": False}
    body = fixture_feed("rss091.xml", httpserver)

    def flaky(_request: Request) -> Response:
        if state["up"]:
            return Response(body, content_type="application/rss+xml")
        return Response("maintenance", status=503)

    httpserver.expect_request("/rss").respond_with_handler(flaky)
    serve_pages(httpserver)
    feed_id = subscribe(ledger, httpserver.url_for("/rss"))
    poll_feeds(ledger, ingestor=ingestor)
    assert poll_feeds(ledger, ingestor=ingestor).feeds == []  # not due: backing off
    clock.now += FEED_BACKOFF_BASE
    poll_feeds(ledger, ingestor=ingestor)
    row = feed_row(ledger, feed_id)
    assert (row["error_count"], row["next_poll_at"]) == (2, clock.now + 2 * FEED_BACKOFF_BASE)
    assert "HTTP 503" in row["last_error"]
    state["up"] = True
    assert poll_feeds(ledger, ingestor=ingestor, force=True).totals() == {"new": 2}
    row = feed_row(ledger, feed_id)
    assert (row["error_count"], row["last_error"], row["last_success"]) == (0, None, clock.now)


def test_bad_pages_are_recorded_and_retried_later(
    ledger: Ledger, ingestor: Ingestor, httpserver: HTTPServer, clock: Clock
) -> None:
    httpserver.expect_request("/rss").respond_with_data(
        fixture_feed("rss091.xml", httpserver), content_type="application/rss+xml"
    )
    httpserver.expect_request("/articles/one").respond_with_data(TANKS, content_type="text/html")
    httpserver.expect_request("/articles/two").respond_with_handler(
        in_turn(html("", status=404), html(ARTILLERY))
    )
    subscribe(ledger, httpserver.url_for("/rss"))
    assert poll_feeds(ledger, ingestor=ingestor).totals() == {"new": 1, "failed": 1}
    url = httpserver.url_for("/articles/two")
    with ledger.connect() as connection:
        failure = read_page_failure(connection, url)
    assert failure is not None and "HTTP 404" in failure["reason"]
    assert failure["next_try_at"] == T0 + PAGE_RETRY_BASE
    clock.now += FEED_MIN_INTERVAL
    assert poll_feeds(ledger, ingestor=ingestor).totals() == {"known": 1, "failed_before": 1}
    clock.now = T0 + PAGE_RETRY_BASE
    assert poll_feeds(ledger, ingestor=ingestor).totals() == {"known": 1, "new": 1}
    with ledger.connect() as connection:
        assert read_page_failure(connection, url) is None


def test_updated_entry_refetches_and_a_broken_refetch_loses_nothing(
    ledger: Ledger, ingestor: Ingestor, httpserver: HTTPServer, clock: Clock
) -> None:
    stamp = {"updated": "2022-07-05T05:15:00Z"}

    def feed(_request: Request) -> Response:
        xml = fixture_feed("atom.xml", httpserver).replace(
            b"<updated>2022-07-05T05:15:00Z</updated>",
            f"<updated>{stamp['updated']}</updated>".encode(),
        )
        return Response(xml, content_type="application/atom+xml")

    httpserver.expect_request("/atom").respond_with_handler(feed)
    changed = TANKS.replace("adding 12 machines", "adding 14 machines")
    shell = "<html><body><div id='app'></div></body></html>"
    httpserver.expect_request("/articles/one").respond_with_handler(
        in_turn(html(TANKS), html(shell), html(changed))
    )
    subscribe(ledger, httpserver.url_for("/atom"))
    first = poll_feeds(ledger, ingestor=ingestor).results[0]
    stamp["updated"] = "2022-07-05T12:00:00Z"
    clock.now = dt.datetime(2022, 7, 5, 13, 0, tzinfo=dt.UTC)
    assert poll_feeds(ledger, ingestor=ingestor).totals() == {"failed": 1}
    with ledger.connect() as connection:
        kept = read_document(connection, first.document_id)
    assert "adding 12 machines" in kept["text"] and len(kept["versions"]) == 1
    clock.now = dt.datetime(2022, 7, 5, 14, 0, tzinfo=dt.UTC)
    assert poll_feeds(ledger, ingestor=ingestor, force=True).totals() == {"updated": 1}
    with ledger.connect() as connection:
        now = read_document(connection, first.document_id)
    assert "adding 14 machines" in now["text"] and len(now["versions"]) == 2
    assert (now["first_seen"], now["last_updated"]) == (T0, clock.now)


def test_interrupted_poll_keeps_the_feed_unread_for_next_time(
    ledger: Ledger, ingestor: Ingestor, httpserver: HTTPServer
) -> None:
    httpserver.expect_request("/rss").respond_with_data(
        fixture_feed("rss091.xml", httpserver),
        content_type="application/rss+xml",
        headers={"ETag": '"v9"'},
    )
    serve_pages(httpserver)
    feed_id = subscribe(ledger, httpserver.url_for("/rss"))
    handled: list[str] = []

    class StopAfterOne:
        def feed_started(self, feed: dict, entries: int) -> None:
            pass

        def entry_done(self, feed: dict, outcome: str) -> None:
            handled.append(outcome)

        def feed_done(self, report: object) -> None:
            pass

    report = poll_feeds(
        ledger, ingestor=ingestor, observer=StopAfterOne(), should_stop=lambda: bool(handled)
    )
    assert report.stopped and handled == ["new"]
    row = feed_row(ledger, feed_id)
    assert (row["etag"], row["last_success"]) == (None, None)
    assert poll_feeds(ledger, ingestor=ingestor).totals() == {"known": 1, "new": 1}
