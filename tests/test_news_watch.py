"""``attrition watch`` stops cleanly on SIGTERM and SIGINT, in a real subprocess."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

import attrition
from attrition.errors import InputError
from attrition.ledger import Ledger
from attrition.ledger.feeds import add_feed, find_feed
from attrition.ledger.schema import document_urls, document_versions, documents, stories
from attrition.news.watch import parse_interval

ENTRIES = 6
PAGE_DELAY_S = 0.6  # each page takes this long, so a signal lands mid-poll
START_TIMEOUT_S = 60  # the subprocess imports trafilatura, datasketch and the extractor


def _feed(server: HTTPServer) -> str:
    items = "".join(
        f"<item><title>Report {i}</title><link>{server.url_for(f'/a/{i}')}</link></item>"
        for i in range(ENTRIES)
    )
    channel = f"<channel><title>Slow</title>{items}</channel>"
    return f'<?xml version="1.0"?><rss version="2.0">{channel}</rss>'


def _page(request: Request) -> Response:
    time.sleep(PAGE_DELAY_S)
    number = request.path.rsplit("/", 1)[1]
    body = (
        f"<html><body><article><h1>Report {number}</h1><p>Report number {number}: Ukraine's "
        f"General Staff said Russia had lost {1400 + int(number) * 37} tanks since the "
        f"invasion began, in an update published on day {number} of this test.</p>"
        "</article></body></html>"
    )
    return Response(body, content_type="text/html")


@pytest.fixture
def served(httpserver: HTTPServer) -> HTTPServer:
    httpserver.expect_request("/rss").respond_with_data(
        _feed(httpserver), content_type="application/rss+xml", headers={"ETag": '"e1"'}
    )
    for i in range(ENTRIES):
        httpserver.expect_request(f"/a/{i}").respond_with_handler(_page)
    return httpserver


@pytest.fixture
def db(tmp_path: Path, sqlite_template: Path, served: HTTPServer) -> Iterator[str]:
    path = tmp_path / "watch.db"
    path.write_bytes(sqlite_template.read_bytes())
    url = f"sqlite:///{path}"
    ledger = Ledger.open(url)
    with ledger.transaction() as connection:
        add_feed(connection, served.url_for("/rss"), title="Slow", now=dt.datetime.now(dt.UTC))
    ledger.dispose()
    yield url


def _start(db: str, every: str = "1s") -> subprocess.Popen[str]:
    env = {
        **os.environ,
        "PYTHONPATH": str(Path(attrition.__file__).parents[1]),
        "ATTRITION_ALLOW_HOSTS": "127.0.0.1",
    }
    return subprocess.Popen(
        [sys.executable, "-m", "attrition", "watch", "--every", every, "--db", db],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def _wait_for_pages(server: HTTPServer, count: int, process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while sum(1 for r, _ in server.log if r.path.startswith("/a/")) < count:
        if process.poll() is not None:
            pytest.fail(f"watch exited early: {process.communicate()}")
        if time.monotonic() > deadline:
            process.kill()
            pytest.fail(f"watch fetched no page in {START_TIMEOUT_S}s: {process.communicate()}")
        time.sleep(0.05)


def _assert_consistent(db: str) -> int:
    """Every stored document is whole: URL, version with its hash, and a story."""
    ledger = Ledger.open(db)
    with ledger.connect() as connection:
        docs = connection.execute(sa.select(documents)).all()
        for doc in docs:
            versions = connection.execute(
                sa.select(document_versions.c.content_hash).where(
                    document_versions.c.document_id == doc.id
                )
            ).scalars()
            assert doc.content_hash in set(versions)
            urls = connection.execute(
                sa.select(sa.func.count()).where(document_urls.c.document_id == doc.id)
            ).scalar()
            assert urls >= 1
            assert connection.execute(
                sa.select(stories.c.id).where(stories.c.id == doc.story_id)
            ).scalar()
    ledger.dispose()
    return len(docs)


def test_sigterm_finishes_the_article_in_hand_and_exits_cleanly(
    db: str, served: HTTPServer
) -> None:
    process = _start(db)
    _wait_for_pages(served, 2, process)
    process.send_signal(signal.SIGTERM)
    out, err = process.communicate(timeout=30)
    assert process.returncode == 0, (out, err)
    assert "Stopped cleanly on SIGTERM" in out, (out, err)
    stored = _assert_consistent(db)
    assert 1 <= stored < ENTRIES
    ledger = Ledger.open(db)
    with ledger.connect() as connection:
        feed = find_feed(connection, 1)
    ledger.dispose()
    assert feed is not None and feed["etag"] is None  # interrupted: the feed is read again


def test_second_sigint_stops_at_once_without_half_stored_articles(
    db: str, served: HTTPServer
) -> None:
    process = _start(db)
    _wait_for_pages(served, 2, process)
    process.send_signal(signal.SIGINT)
    time.sleep(0.02)
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=30)
    assert process.returncode in (0, 130), (out, err)
    assert "Traceback" not in err, err
    _assert_consistent(db)


def test_sigterm_between_polls_stops_without_waiting_for_the_next(
    db: str, served: HTTPServer
) -> None:
    process = _start(db, every="1h")
    _wait_for_pages(served, ENTRIES, process)
    deadline = time.monotonic() + START_TIMEOUT_S
    ledger = Ledger.open(db)
    while time.monotonic() < deadline:
        with ledger.connect() as connection:
            feed = find_feed(connection, 1)
        if feed and feed["last_success"]:
            break
        time.sleep(0.1)
    ledger.dispose()
    started = time.monotonic()
    process.send_signal(signal.SIGTERM)
    out, err = process.communicate(timeout=30)
    assert process.returncode == 0, (out, err)
    assert time.monotonic() - started < 10
    assert "poll 1:" in out and f"{ENTRIES} new" in out
    assert _assert_consistent(db) == ENTRIES


@pytest.mark.parametrize(
    ("text", "seconds"), [("15m", 900), ("30s", 30), ("2h", 7200), ("1d", 86400), ("5", 300)]
)
def test_intervals_read_with_units(text: str, seconds: int) -> None:
    assert parse_interval(text).total_seconds() == seconds


@pytest.mark.parametrize("text", ["soon", "0s", "-5m", "15 minutes please"])
def test_bad_intervals_are_refused(text: str) -> None:
    with pytest.raises(InputError, match="--every"):
        parse_interval(text)
