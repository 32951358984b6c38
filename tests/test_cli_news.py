"""The news commands through the CLI runner, against a real SQLite ledger and a local server."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from typer.testing import CliRunner
from web_data import load_series

from attrition.cli import app
from attrition.ledger import Ledger

FIXTURES = Path(__file__).parent / "fixtures"
SEED = FIXTURES / "articles" / "express-2022-06-putins-losses-exposed.txt"

# Written for these tests. With the series of web_data (1,511 tanks and 755
# artillery systems on 2022-06-25), the first report matches and rounds, the
# relay contradicts, and the weather note has no loss figure at all.
REPORT = (
    "Russia has lost 1,511 tanks, Kyiv says\n"
    "Ukraine's General Staff said on Saturday that Russia had lost 1,511 tanks since the "
    "invasion began. It also counted more than 34,000 personnel losses among Russian troops.\n"
)
RELAY = (
    "Ukraine claims Russia lost 1,151 tanks\n"
    "According to the General Staff of Ukraine, Russian forces have lost 1,151 tanks and "
    "755 artillery systems since the invasion began, the military said in its daily update.\n"
)
WEATHER = (
    "Heat wave expected across the region this weekend\n"
    "Forecasters said temperatures would climb above thirty degrees on Saturday and stay high "
    "until the middle of next week, with thunderstorms possible in the north.\n"
)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def db(tmp_path: Path, sqlite_template: Path) -> str:
    path = tmp_path / "ledger.db"
    path.write_bytes(sqlite_template.read_bytes())
    ledger = Ledger.open(f"sqlite:///{path}")
    load_series(ledger)
    ledger.dispose()
    return f"sqlite:///{path}"


def invoke(runner: CliRunner, db: str, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, [*args, "--db", db])
    return result.exit_code, result.output


def add_text(runner: CliRunner, db: str, tmp_path: Path, name: str, text: str, url: str) -> dict:
    path = tmp_path / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    code, out = invoke(
        runner, db, "add-file", str(path), "--url", url, "--published", "2022-06-25", "--json"
    )
    assert code == 0, out
    return json.loads(out)


@pytest.fixture(autouse=True)
def allow_loopback(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ATTRITION_ALLOW_HOSTS", "127.0.0.1")


def test_add_file_checks_the_figures_and_news_lists_the_story(
    runner: CliRunner, db: str, tmp_path: Path
) -> None:
    added = add_text(runner, db, tmp_path, "report", REPORT, "https://planet.example/tanks")
    assert (added["status"], added["claims"], added["off_topic"]) == ("new", 2, False)
    assert added["verdicts"] == {"match": 1, "rounded": 1}, added
    code, out = invoke(runner, db, "news")
    assert code == 0, out
    assert "Russia has lost 1,511 tanks, Kyiv says" in out
    assert "originally added" in out and "last updated" in out
    assert "2 figures: 1 match, 1 rounded" in out


def test_news_json_lists_stories_with_the_documented_fields(
    runner: CliRunner, db: str, tmp_path: Path
) -> None:
    add_text(runner, db, tmp_path, "report", REPORT, "https://planet.example/tanks?utm_source=x")
    add_text(runner, db, tmp_path, "weather", WEATHER, "https://planet.example/weather")
    code, out = invoke(runner, db, "news", "--json")
    assert code == 0, out
    stories = json.loads(out)
    assert len(stories) == 1  # the weather note is off-topic and hidden
    story = stories[0]
    assert {
        "id",
        "title",
        "urls",
        "outlets",
        "first_seen",
        "last_updated",
        "claims",
        "verdicts",
    } <= set(story)
    assert story["urls"] == ["https://planet.example/tanks"]
    assert story["outlets"] == ["planet.example"]
    assert (story["claims"], story["verdicts"]) == (2, {"match": 1, "rounded": 1})
    code, out = invoke(runner, db, "news", "--json", "--all")
    everything = json.loads(out)
    assert [s["off_topic"] for s in everything] == [True, False]
    assert everything[0]["claims"] == 0


def test_news_filters_by_verdict_topic_and_time(runner: CliRunner, db: str, tmp_path: Path) -> None:
    add_text(runner, db, tmp_path, "report", REPORT, "https://planet.example/tanks")
    add_text(runner, db, tmp_path, "relay", RELAY, "https://relay.example.net/1")
    code, out = invoke(runner, db, "news", "--verdict", "contradicts", "--json")
    assert [s["title"] for s in json.loads(out)] == ["Ukraine claims Russia lost 1,151 tanks"]
    code, out = invoke(runner, db, "news", "--topic", "artillery", "--json")
    assert [s["title"] for s in json.loads(out)] == ["Ukraine claims Russia lost 1,151 tanks"]
    code, out = invoke(runner, db, "news", "--topic", "invasion", "--json")
    assert len(json.loads(out)) == 2
    code, out = invoke(runner, db, "news", "--since", "2099-01-01", "--json")
    assert (code, json.loads(out)) == (0, [])
    _code, out = invoke(runner, db, "news", "--since", "1d", "--json")
    assert len(json.loads(out)) == 2


def test_bad_options_are_one_line_errors(runner: CliRunner, db: str) -> None:
    code, out = invoke(runner, db, "news", "--verdict", "maybe")
    assert code == 2 and "--verdict 'maybe' is not a verdict" in out and "Traceback" not in out
    code, out = invoke(runner, db, "news", "--since", "last tuesday")
    assert code == 2 and "is neither a date nor a span" in out
    code, out = invoke(runner, db, "add-file", "/nonexistent/article.txt")
    assert code == 2 and "cannot read /nonexistent/article.txt" in out
    code, out = invoke(runner, db, "related", "999")
    assert code == 3 and "no document '999'" in out


def test_related_finds_stories_with_the_same_figures(
    runner: CliRunner, db: str, tmp_path: Path
) -> None:
    first = add_text(runner, db, tmp_path, "report", REPORT, "https://planet.example/tanks")
    other = (
        "Kyiv's tally: 1,511 Russian tanks\n"
        "A separate analysis published on Saturday repeated the figure of 1,511 Russian tanks "
        "lost, citing the General Staff, and compared it with losses in earlier wars.\n"
    )
    second = add_text(runner, db, tmp_path, "analysis", other, "https://monitor.example/a")
    assert second["story_id"] != first["story_id"]
    code, out = invoke(runner, db, "related", str(first["document_id"]), "--json")
    assert code == 0, out
    found = json.loads(out)["related"]
    assert [r["id"] for r in found] == [second["story_id"]]
    assert found[0]["reason"] == "same figures"
    assert {"subject": "RU", "category": "tanks", "value": 1511, "low": None, "high": None} in (
        found[0]["shared_figures"]
    )
    code, out = invoke(runner, db, "related", "https://planet.example/tanks?utm_medium=x")
    assert code == 0 and "same figures" in out and "RU tanks 1,511" in out


def test_document_shows_what_an_article_said_on_an_earlier_day(
    runner: CliRunner, db: str, tmp_path: Path
) -> None:
    added = add_text(runner, db, tmp_path, "report", REPORT, "https://planet.example/tanks")
    code, out = invoke(runner, db, "document", str(added["document_id"]), "--json")
    record = json.loads(out)
    assert code == 0 and len(record["versions"]) == 1
    assert [c["value"] for c in record["claims"]] == [1511, 34000]
    code, out = invoke(runner, db, "document", str(added["document_id"]), "--as-of", "2000-01-01")
    assert code == 3 and "was first seen" in out


def test_seed_article_is_ingested_with_its_verdicts(runner: CliRunner, db: str) -> None:
    code, out = invoke(
        runner,
        db,
        "add-file",
        str(SEED),
        "--published",
        "2022-06-26",
        "--json",
        "--outlet",
        "Express",
    )
    assert code == 0, out
    result = json.loads(out)
    assert result["status"] == "new" and result["claims"] >= 8
    assert result["verdicts"].get("contradicts", 0) >= 1  # "75 artillery systems" (755)
    code, out = invoke(runner, db, "add-file", str(SEED), "--published", "2022-06-26")
    assert code == 0 and "Unchanged: document" in out


def test_feeds_add_list_export_import_and_remove(
    runner: CliRunner, db: str, httpserver: HTTPServer, tmp_path: Path
) -> None:
    feed = (FIXTURES / "news/feeds/atom.xml").read_bytes()
    httpserver.expect_request("/atom").respond_with_data(feed, content_type="application/atom+xml")
    httpserver.expect_request("/").respond_with_data(
        "<!doctype html><html><head><link rel='alternate' type='application/atom+xml' "
        "href='/atom'></head><body>Home</body></html>",
        content_type="text/html",
    )
    code, out = invoke(runner, db, "feeds", "add", httpserver.url_for("/"))
    assert code == 0, out
    assert "is a web page; subscribing to the feed it links" in out
    assert f"Added feed 1: {httpserver.url_for('/atom')} (Kyiv Monitor)" in out
    code, out = invoke(runner, db, "feeds", "add", httpserver.url_for("/atom"))
    assert "Already subscribed to feed 1" in out
    code, out = invoke(
        runner, db, "feeds", "import-opml", str(FIXTURES / "news/feeds/subscriptions.opml")
    )
    assert code == 0, out
    assert "Imported 2 feeds" in out and "2 added" in out and "1 skipped" in out
    code, out = invoke(runner, db, "feeds", "list", "--json")
    feeds = json.loads(out)
    assert [f["title"] for f in feeds] == ["Kyiv Monitor", "Kyiv Monitor", "The Daily Planet"]
    assert [f["status"] for f in feeds] == ["never polled"] * 3
    code, out = invoke(runner, db, "feeds", "export-opml")
    assert out.count("xmlUrl=") == 3 and "https://www.dailyplanet.example/world/rss.xml" in out
    code, out = invoke(runner, db, "feeds", "remove", "2")
    assert code == 0 and "Removed feed 2" in out
    code, out = invoke(runner, db, "feeds", "remove", "2")
    assert code == 3 and "no feed '2'" in out


def test_feeds_add_refuses_what_is_not_a_feed(
    runner: CliRunner, db: str, httpserver: HTTPServer
) -> None:
    httpserver.expect_request("/page").respond_with_data(
        "<html><body><p>No feeds here.</p></body></html>", content_type="text/html"
    )
    code, out = invoke(runner, db, "feeds", "add", httpserver.url_for("/page"))
    assert code == 2 and "is an HTML page, not an RSS or Atom feed" in out
    code, out = invoke(runner, db, "feeds", "add", "ftp://files.example/feed")
    assert code == 2 and "not an absolute http(s) URL" in out


def test_poll_and_add_url_against_a_local_server(
    runner: CliRunner, db: str, httpserver: HTTPServer
) -> None:
    host = f"{httpserver.host}:{httpserver.port}".encode()
    feed = (FIXTURES / "news/feeds/rss10.rdf").read_bytes().replace(b"HOST", host)
    httpserver.expect_request("/rss10").respond_with_data(feed, content_type="application/rdf+xml")
    page = f"<html><body><article><p>{REPORT}</p></article></body></html>"
    httpserver.expect_request("/articles/one").respond_with_data(page, content_type="text/html")
    httpserver.expect_request("/gone").respond_with_data("no", status=404)
    invoke(runner, db, "feeds", "add", httpserver.url_for("/rss10"))
    code, out = invoke(runner, db, "poll", "--json")
    assert code == 0, out
    report = json.loads(out)
    assert report["totals"] == {"new": 1} and report["feeds"][0]["status"] == "ok"
    code, out = invoke(runner, db, "poll")
    assert code == 0 and "Polled 0 feeds: nothing new." in out
    code, out = invoke(runner, db, "poll", "--force")
    assert "1 known" in out
    code, out = invoke(runner, db, "add-url", httpserver.url_for("/articles/one"))
    assert code == 0 and "Unchanged: document 1" in out
    code, out = invoke(runner, db, "add-url", httpserver.url_for("/gone"))
    assert code == 4 and "HTTP 404" in out and "Traceback" not in out
    code, out = invoke(runner, db, "news", "--failed", "--json")
    assert [f["url"] for f in json.loads(out)] == [httpserver.url_for("/gone")]


def test_story_counts_follow_the_same_filters_as_the_list(
    runner: CliRunner, db: str, tmp_path: Path
) -> None:
    from attrition.ledger.stories import count_stories, list_stories

    add_text(runner, db, tmp_path, "report", REPORT, "https://planet.example/tanks")
    add_text(runner, db, tmp_path, "relay", RELAY, "https://relay.example.net/1")
    add_text(runner, db, tmp_path, "weather", WEATHER, "https://planet.example/weather")
    ledger = Ledger.open(db)
    with ledger.connect() as connection:
        for filters in ({}, {"include_off_topic": True}, {"verdict": "contradicts"}):
            listed = list_stories(connection, limit=None, **filters)
            assert count_stories(connection, **filters) == len(listed), filters
    ledger.dispose()
