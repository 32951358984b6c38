"""Checking an article over HTTP: POST /api/check and the check page."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from pytest_httpserver import HTTPServer
from web_data import load_series

from attrition.ledger import Ledger
from attrition.settings import CHECK_MAX_BYTES, Settings
from attrition.web import create_app

TEXT = (
    "Ukraine's General Staff said on Sunday that Russia had lost 1,532 tanks and "
    "75 artillery systems since the invasion began.\n"
    "Kyiv also put Russian personnel losses at about 35,000."
)


@pytest.fixture
def client(ledger: Ledger) -> Iterator[TestClient]:
    load_series(ledger)
    settings = Settings(allow_hosts=("127.0.0.1", "localhost"))
    with TestClient(create_app(ledger, settings=settings)) as test_client:
        yield test_client


def test_check_returns_every_figure_with_its_verdict_and_span(client: TestClient) -> None:
    body = client.post("/api/check", json={"text": TEXT, "published": "2022-06-26"}).json()
    assert body["summary"] == {"match": 2, "contradicts": 1}
    found = [(TEXT[c["start"] : c["end"]], c["verdict"], c["expected"]) for c in body["claims"]]
    assert found == [
        ("1,532 tanks", "match", 1532),
        ("75 artillery systems", "contradicts", 759),
        ("about 35,000", "match", 35000),
    ]
    artillery = body["claims"][1]
    assert artillery["category"] == "artillery" and artillery["claimant"] == "UA_GENERAL_STAFF"
    assert "759" in artillery["explanation"]
    assert body["published"] == "2022-06-26" and body["url"] is None
    assert "segments" not in body


@pytest.mark.parametrize(
    ("payload", "status", "fragment"),
    [
        ({}, 400, "either the text of an article or its URL"),
        ({"text": "   "}, 400, "either the text"),
        ({"text": TEXT, "url": "https://example.org/a"}, 400, "either the text"),
        ({"url": "ftp://example.org/a"}, 400, "not a web address"),
        ({"text": TEXT, "published": "26/06/2022"}, 400, "'published'"),
        ({"text": 42}, 400, "'text'"),
        ({"text": TEXT, "published": "0001-01-01"}, 400, "out of range"),
    ],
)
def test_bad_check_requests_are_4xx_with_a_message(
    client: TestClient, payload: dict[str, object], status: int, fragment: str
) -> None:
    response = client.post("/api/check", json=payload)
    assert response.status_code == status, response.text
    assert fragment in response.json()["error"]["message"]


def test_a_text_over_the_size_cap_is_refused_with_413(client: TestClient) -> None:
    response = client.post("/api/check", json={"text": "x" * (CHECK_MAX_BYTES + 1)})
    assert response.status_code == 413
    assert "1,048,576-byte limit" in response.json()["error"]["message"]


def test_check_fetches_a_url_and_uses_its_publication_date(
    client: TestClient, httpserver: HTTPServer
) -> None:
    html = (
        "<html><head><title>Losses update</title>"
        '<meta property="article:published_time" content="2022-06-26T08:00:00Z"></head>'
        f"<body><article><h1>Losses update</h1><p>{TEXT}</p>"
        "<p>The figures could not be independently verified by reporters on the ground.</p>"
        "</article></body></html>"
    )
    httpserver.expect_request("/news/1").respond_with_data(html, content_type="text/html")
    body = client.post("/api/check", json={"url": httpserver.url_for("/news/1")}).json()
    assert body["published"] == "2022-06-26"
    assert [c["verdict"] for c in body["claims"]] == ["match", "contradicts", "match"]
    assert body["url"].endswith("/news/1")


def test_a_url_to_a_private_address_is_refused(ledger: Ledger) -> None:
    with TestClient(create_app(ledger, settings=Settings())) as client:
        response = client.post("/api/check", json={"url": "http://127.0.0.1:9/x"})
    assert response.status_code == 403
    assert response.json()["error"]["type"] == "FetchRefused"


def test_check_page_highlights_each_figure_by_verdict(client: TestClient) -> None:
    page = client.post(
        "/check", data={"text": TEXT + " <script>alert(1)</script>", "published": "2022-06-26"}
    )
    assert page.status_code == 200
    html = page.text
    assert '<details class="figure contradicts"><summary>75 artillery systems' in html
    assert '<span class="badge contradicts">contradicts</span>' in html
    assert html.count('<details class="figure match">') == 2
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>alert" not in html


def test_check_page_shows_a_bad_input_above_the_form(client: TestClient) -> None:
    page = client.post("/check", data={"text": "", "url": ""})
    assert page.status_code == 400
    assert "give either the text of an article or its URL" in page.text
    assert '<form class="check"' in page.text
    assert client.get("/check").status_code == 200
