"""News over HTTP: adding feeds and URLs (token-guarded), the news and story pages, documents."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from pytest_httpserver import HTTPServer
from web_data import load_series

from attrition.ledger import Ledger
from attrition.settings import Settings
from attrition.web import create_app

TOKEN = {"Authorization": "Bearer news-test-token"}
ARTICLE_HTML = """<html><head><title>Kyiv updates Russian losses</title>
<meta property="article:published_time" content="2022-06-26T08:00:00Z">
<meta property="og:site_name" content="The Test Herald"></head>
<body><article><h1>Kyiv updates Russian losses</h1>
<p>Ukraine's General Staff said on Sunday that Russia had lost 1,532 tanks and
75 artillery systems since the invasion began.</p>
<p>Reporters could not independently verify the figures, which the General Staff
publishes every morning <b>&lt;script&gt;</b>.</p></article></body></html>"""
FEED_XML = """<?xml version="1.0"?><rss version="2.0"><channel><title>Test Herald: war</title>
<link>http://localhost/</link><description>d</description>
<item><title>Kyiv updates Russian losses</title><link>http://localhost/a</link></item>
</channel></rss>"""


@pytest.fixture
def client(ledger: Ledger) -> Iterator[TestClient]:
    load_series(ledger)
    settings = Settings(api_token="news-test-token", allow_hosts=("127.0.0.1", "localhost"))
    with TestClient(create_app(ledger, settings=settings)) as test_client:
        yield test_client


@pytest.fixture
def article_url(httpserver: HTTPServer) -> str:
    httpserver.expect_request("/news/losses").respond_with_data(
        ARTICLE_HTML, content_type="text/html; charset=utf-8"
    )
    return str(httpserver.url_for("/news/losses"))


def test_adding_a_url_stores_the_article_with_its_verdicts(
    client: TestClient, article_url: str
) -> None:
    added = client.post("/api/urls", json={"url": article_url}, headers=TOKEN)
    assert added.status_code == 200, added.text
    result = added.json()
    assert result["status"] == "new" and result["claims"] == 2
    assert result["verdicts"] == {"match": 1, "contradicts": 1}
    again = client.post("/api/urls", json={"url": article_url}, headers=TOKEN).json()
    assert again["status"] == "unchanged"

    documents = client.get("/api/documents").json()
    assert documents["total"] == 1
    document = documents["items"][0]
    assert (document["title"], document["outlet"]) == ("Kyiv updates Russian losses",
                                                        "The Test Herald")  # fmt: skip
    detail = client.get(f"/api/documents/{document['id']}").json()
    assert [(c["quote"], c["verdict"]) for c in detail["claims"]][1][1] == "contradicts"
    spans = [detail["text"][c["start"] : c["end"]] for c in detail["claims"]]
    assert spans == ["1,532 tanks", "75 artillery systems"]


def test_news_and_story_pages_show_the_article_and_its_highlighted_figures(
    client: TestClient, article_url: str
) -> None:
    client.post("/api/urls", json={"url": article_url}, headers=TOKEN)
    news = client.get("/news?format=json").json()
    assert news["total"] == 1
    story = news["items"][0]
    assert story["outlets"] == ["The Test Herald"]
    assert story["verdicts"] == {"match": 1, "contradicts": 1}
    listing = client.get("/news").text
    assert "originally added" in listing and "last updated" in listing
    assert f'href="/stories/{story["id"]}"' in listing
    page = client.get(f"/stories/{story['id']}").text
    assert '<details class="figure contradicts"><summary>75 artillery systems' in page
    assert "&lt;script&gt;" in page and "<script>" not in page.split("</footer>")[0]


def test_a_missing_story_or_document_is_a_404(client: TestClient) -> None:
    assert client.get("/stories/12345").status_code == 404
    missing = client.get("/api/documents/12345")
    assert missing.status_code == 404
    assert missing.json()["error"]["message"] == "no document 12345"


def test_adding_a_feed_checks_it_and_is_idempotent(
    client: TestClient, httpserver: HTTPServer
) -> None:
    httpserver.expect_request("/rss").respond_with_data(
        FEED_XML, content_type="application/rss+xml"
    )
    url = httpserver.url_for("/rss")
    first = client.post("/api/feeds", json={"url": url}, headers=TOKEN)
    assert first.status_code == 201, first.text
    assert first.json()["title"] == "Test Herald: war" and first.json()["created"] is True
    second = client.post("/api/feeds", json={"url": url}, headers=TOKEN)
    assert second.status_code == 200 and second.json()["created"] is False


def test_a_feed_url_that_is_not_a_feed_is_refused(
    client: TestClient, httpserver: HTTPServer
) -> None:
    httpserver.expect_request("/plain").respond_with_data("hello", content_type="text/plain")
    response = client.post("/api/feeds", json={"url": httpserver.url_for("/plain")}, headers=TOKEN)
    assert response.status_code == 422
    assert response.json()["error"]["type"] == "SourceFormatError"


def test_news_writes_need_the_token(client: TestClient, article_url: str) -> None:
    assert client.post("/api/urls", json={"url": article_url}).status_code == 403
    assert client.post("/api/feeds", json={"url": article_url}).status_code == 403
