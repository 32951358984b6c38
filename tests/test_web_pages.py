"""HTML pages: what a reader sees, built from the same data as ``?format=json``."""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from web_data import load_second_transcription, load_series, revise_tanks

from attrition.ledger import Ledger
from attrition.settings import Settings
from attrition.web import create_app


@pytest.fixture
def empty_client(sqlite_ledger: Ledger) -> Iterator[TestClient]:
    with TestClient(create_app(sqlite_ledger, settings=Settings())) as test_client:
        yield test_client


def assert_no_inline_script(html: str) -> None:
    for tag in re.findall(r"<script\b[^>]*>", html):
        assert "src=" in tag, f"inline script found: {tag}"


def test_overview_of_an_empty_ledger_says_how_to_load_data(empty_client: TestClient) -> None:
    page = empty_client.get("/")
    assert page.status_code == 200
    assert "attrition import --bundled" in page.text
    assert_no_inline_script(page.text)


def test_overview_as_json_is_the_data_the_page_shows(empty_client: TestClient) -> None:
    assert empty_client.get("/?format=json").json() == {
        "latest": None,
        "categories": [],
        "sparkline_days": 90,
        "sources": [],
    }


@pytest.fixture
def client(ledger: Ledger) -> Iterator[TestClient]:
    load_series(ledger)
    with TestClient(create_app(ledger, settings=Settings())) as test_client:
        yield test_client


def test_overview_shows_each_category_latest_figure_and_change(client: TestClient) -> None:
    data = client.get("/?format=json").json()
    cards = {card["category"]: card for card in data["categories"]}
    assert list(cards) == ["personnel", "tanks", "artillery"]  # taxonomy order
    assert (cards["tanks"]["value"], cards["tanks"]["change"], cards["tanks"]["date"]) == (
        1530,
        -2,
        "2022-06-27",
    )
    assert cards["personnel"]["qualifier"] == "about"
    assert data["latest"]["date"] == "2022-06-27"
    assert data["latest"]["sources"] == ["gs-petroivaniuk"]
    sparkline = cards["tanks"]["sparkline"]
    assert [p["value"] for p in sparkline["datasets"]["points"]] == [1504, 1507, 1511, 1532, 1530]


def test_overview_page_renders_the_cards_with_chart_specs(client: TestClient) -> None:
    page = client.get("/").text
    assert_no_inline_script(page)
    assert 'data-category="tanks"' in page and "1,530" in page and "−2" not in page
    assert "-2" in page  # the change, signed
    assert page.count("data-vega-spec=") == 3
    assert '<script src="/static/vendor/vega-embed.min.js"></script>' in page
    assert "2022-06-27" in page


def test_category_page_marks_the_decrease_and_averages_the_increments(
    client: TestClient,
) -> None:
    data = client.get("/category/tanks?format=json").json()
    rows = {row["date"]: row for row in data["rows"]}
    assert data["rows"][0]["date"] == "2022-06-27"  # newest first
    assert rows["2022-06-27"]["flags"] == [
        {"kind": "decrease", "note": "the total fell by 2 (an official correction)"}
    ]
    # trailing mean of the known daily changes: (3 + 4 + 21 - 2) / 4
    assert rows["2022-06-27"]["average"] == pytest.approx(6.5)
    assert rows["2022-06-23"]["average"] is None
    flagged = data["chart"]["datasets"]["flags"]
    assert flagged == [
        {"date": "2022-06-27", "value": 1530, "kind": "decrease",
         "note": "the total fell by 2 (an official correction)"}
    ]  # fmt: skip
    assert data["csv_url"] == "/api/series?category=tanks&format=csv"


def test_category_page_html_has_both_charts_and_the_table(client: TestClient) -> None:
    page = client.get("/category/tanks").text
    assert 'id="series-chart"' in page and 'id="daily-chart"' in page
    assert page.count("<tr") == 1 + 5  # header + one row per day
    assert 'href="/api/series?category=tanks&amp;format=csv"' in page
    assert_no_inline_script(page)


def test_an_unknown_category_page_is_a_404_page(client: TestClient) -> None:
    page = client.get("/category/tank")
    assert page.status_code == 404
    assert "unknown category" in page.text and "tanks" in page.text


def test_category_page_marks_a_transcription_disagreement_and_a_revision(
    ledger: Ledger,
) -> None:
    load_series(ledger)
    load_second_transcription(ledger)
    revise_tanks(ledger, dt.date(2022, 6, 24), 1507)  # unchanged: no revision
    revise_tanks(ledger, dt.date(2022, 6, 23), 1505)
    with TestClient(create_app(ledger, settings=Settings())) as client:
        rows = {r["date"]: r for r in client.get("/category/tanks?format=json").json()["rows"]}
        series = client.get("/api/series?category=tanks&from=2022-06-25&to=2022-06-25").json()
    disagreement = rows["2022-06-25"]["flags"]
    assert [f["kind"] for f in disagreement] == ["disagreement"]
    assert "gs-minfin 1,151, gs-petroivaniuk 1,511" in disagreement[0]["note"]
    assert "kept 1,511" in disagreement[0]["note"]
    assert rows["2022-06-25"]["value"] == 1511
    # the revised figure now also disagrees with the other transcription
    assert [f["kind"] for f in rows["2022-06-23"]["flags"]] == ["disagreement", "revision"]
    assert "gs-petroivaniuk revised" in rows["2022-06-23"]["flags"][1]["note"]
    assert rows["2022-06-24"]["flags"] == []
    assert series["items"][0]["value"] == 1511
    assert series["items"][0]["source"] == "gs-petroivaniuk"
    assert "1,151" in series["items"][0]["note"]


def test_quality_page_lists_disagreements_and_decreases(ledger: Ledger) -> None:
    load_series(ledger)
    load_second_transcription(ledger)
    with TestClient(create_app(ledger, settings=Settings())) as client:
        data = client.get("/quality?format=json").json()
        page = client.get("/quality").text
    assert data["resolved"] == 1
    assert data["report"]["compared"] == 5
    assert "gs-minfin: 1,151" in page and "gs-petroivaniuk: 1,511" in page
    assert "2022-06-27" in page  # the decrease
    assert_no_inline_script(page)


def test_quality_page_of_an_empty_ledger_says_what_to_import(empty_client: TestClient) -> None:
    assert "attrition import --bundled" in empty_client.get("/quality").text


def test_a_warm_server_renders_the_overview_before_the_first_visit(
    sqlite_ledger: Ledger,
) -> None:
    load_series(sqlite_ledger)
    app = create_app(sqlite_ledger, settings=Settings(), warm=True)
    with TestClient(app):
        deadline = time.monotonic() + 20
        while app.state.cache.get_raw(("/quality", b"")) is None:  # the second page warmed
            assert time.monotonic() < deadline, "the warm-up did not finish"
            time.sleep(0.05)
        overview = app.state.cache.get_raw(("/", b""))
    assert overview is not None and overview.status == 200
    assert b'data-category="tanks"' in overview.body
