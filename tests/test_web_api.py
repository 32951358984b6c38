"""The JSON API: envelopes, pagination, CSV, and the data each route returns."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from web_data import (
    load_confirmed,
    load_second_transcription,
    load_series,
    revise_tanks,
    store_verdicts,
)

from attrition.ledger import Ledger, ensure_source
from attrition.settings import Settings
from attrition.web import create_app
from attrition.web.cache import MIN_GZIP_BYTES


@pytest.fixture
def client(ledger: Ledger) -> Iterator[TestClient]:
    with ledger.transaction() as connection:
        for key in ("gs-minfin", "gs-petroivaniuk", "oryx"):
            ensure_source(connection, key)
    with TestClient(create_app(ledger, settings=Settings())) as test_client:
        yield test_client


def test_sources_come_in_the_list_envelope(client: TestClient) -> None:
    body = client.get("/api/sources").json()
    assert set(body) == {"items", "total", "limit", "offset"}
    assert body["total"] == 3 and body["limit"] == 100 and body["offset"] == 0
    assert [item["key"] for item in body["items"]] == ["gs-minfin", "gs-petroivaniuk", "oryx"]
    assert body["items"][2]["claimant"] == "ORYX"
    assert body["items"][2]["observations"] == 0


def test_limit_and_offset_page_through_a_list(client: TestClient) -> None:
    body = client.get("/api/sources?limit=1&offset=1").json()
    assert [item["key"] for item in body["items"]] == ["gs-petroivaniuk"]
    assert (body["total"], body["limit"], body["offset"]) == (3, 1, 1)
    assert client.get("/api/sources?offset=10").json()["items"] == []


def test_a_list_answers_csv_with_a_header(client: TestClient) -> None:
    response = client.get("/api/sources?format=csv")
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert [row["key"] for row in rows] == ["gs-minfin", "gs-petroivaniuk", "oryx"]
    assert rows[0]["claimant"] == "UA_GENERAL_STAFF"


def test_an_unknown_format_is_refused(client: TestClient) -> None:
    response = client.get("/api/sources?format=xml")
    assert response.status_code == 400
    assert "'format'" in response.json()["error"]["message"]


def test_writes_are_off_when_the_server_has_no_token(client: TestClient) -> None:
    response = client.post("/api/imports", json={"bundled": True})
    assert response.status_code == 403
    error = response.json()["error"]
    assert error["type"] == "AccessDenied"
    assert "no API token" in error["message"] and "ATTRITION_API_TOKEN" in error["hint"]


@pytest.fixture
def writer(sqlite_ledger: Ledger) -> Iterator[TestClient]:
    app = create_app(sqlite_ledger, settings=Settings(api_token="s3cret-token"))
    with TestClient(app) as test_client:
        yield test_client


@pytest.mark.parametrize("header", [None, "Bearer wrong-token", "Basic s3cret-token"])
def test_a_write_without_the_right_bearer_token_is_refused(
    writer: TestClient, header: str | None
) -> None:
    headers = {"Authorization": header} if header else {}
    response = writer.post("/api/imports", json={"bundled": True}, headers=headers)
    assert response.status_code == 403
    assert response.json()["error"]["message"] == "missing or wrong bearer token"


def test_an_import_with_the_token_runs_every_bundled_importer(writer: TestClient) -> None:
    from attrition.sources.bundled import BUNDLED_IMPORTS

    auth = {"Authorization": "Bearer s3cret-token"}
    response = writer.post("/api/imports", json={"bundled": True}, headers=auth)
    assert response.status_code == 200, response.text
    assert set(response.json()["imported"]) == {item.name for item in BUNDLED_IMPORTS}
    refused = writer.post("/api/imports", json={"bundled": False}, headers=auth)
    assert refused.status_code == 400


@pytest.fixture
def series_client(ledger: Ledger) -> Iterator[TestClient]:
    load_series(ledger)
    with TestClient(create_app(ledger, settings=Settings())) as test_client:
        yield test_client


def test_series_gives_each_day_with_its_change_from_the_day_before(
    series_client: TestClient,
) -> None:
    body = series_client.get("/api/series?category=tanks&from=2022-06-24&to=2022-06-26").json()
    assert body["total"] == 3
    assert body["items"] == [
        {"date": "2022-06-24", "value": 1507, "change": 3, "source": "gs-petroivaniuk",
         "qualifier": "exact", "note": ""},
        {"date": "2022-06-25", "value": 1511, "change": 4, "source": "gs-petroivaniuk",
         "qualifier": "exact", "note": ""},
        {"date": "2022-06-26", "value": 1532, "change": 21, "source": "gs-petroivaniuk",
         "qualifier": "exact", "note": ""},
    ]  # fmt: skip


def test_series_by_default_is_the_whole_series_in_one_page(series_client: TestClient) -> None:
    body = series_client.get("/api/series?category=tanks").json()
    assert [item["value"] for item in body["items"]] == [1504, 1507, 1511, 1532, 1530]
    assert body["items"][0]["change"] is None
    assert body["items"][-1]["change"] == -2


def test_daily_series_gives_increments_and_their_change(series_client: TestClient) -> None:
    body = series_client.get("/api/series?category=tanks&daily=true&from=2022-06-25").json()
    assert [(i["date"], i["value"], i["change"]) for i in body["items"]] == [
        ("2022-06-25", 4, 1),
        ("2022-06-26", 21, 17),
        ("2022-06-27", -2, -23),
    ]


def test_series_keeps_the_personnel_qualifier(series_client: TestClient) -> None:
    items = series_client.get("/api/series?category=personnel").json()["items"]
    assert [(i["value"], i["qualifier"]) for i in items] == [(34700, "about"), (35000, "about")]


def test_series_as_csv_has_one_row_per_day(series_client: TestClient) -> None:
    text = series_client.get("/api/series?category=tanks&format=csv&from=2022-06-26").text
    assert text.splitlines() == [
        "date,value,change,source,qualifier,note",
        "2022-06-26,1532,21,gs-petroivaniuk,exact,",
        "2022-06-27,1530,-2,gs-petroivaniuk,exact,",
    ]


def test_series_as_known_on_a_day_shows_the_figure_held_then(ledger: Ledger) -> None:
    load_series(ledger)
    revise_tanks(ledger, dt.date(2022, 6, 26), 1533)
    with TestClient(create_app(ledger, settings=Settings())) as client:
        now = client.get("/api/series?category=tanks&from=2022-06-26&to=2022-06-26").json()
        assert [i["value"] for i in now["items"]] == [1533]
        before = client.get(
            "/api/series?category=tanks&from=2022-06-26&to=2022-06-26&as_known_on=2000-01-01"
        ).json()
        assert before["items"] == []


@pytest.mark.parametrize(
    ("query", "status", "fragment"),
    [
        ("category=tank", 404, "unknown category 'tank'"),
        ("category=tanks&source=nobody", 404, "unknown source 'nobody'"),
        ("category=tanks&from=2022-07-01&to=2022-06-01", 400, "is after"),
        ("category=tanks&from=yesterday", 400, "'from'"),
        ("", 400, "'category'"),
    ],
)
def test_bad_series_queries_say_what_is_wrong(
    series_client: TestClient, query: str, status: int, fragment: str
) -> None:
    response = series_client.get(f"/api/series?{query}")
    assert response.status_code == status
    assert fragment in response.json()["error"]["message"]


def test_a_new_import_shows_in_the_api_without_a_restart(ledger: Ledger) -> None:
    load_series(ledger)
    with TestClient(create_app(ledger, settings=Settings())) as client:
        url = "/api/series?category=tanks&from=2022-06-26&to=2022-06-26"
        assert client.get(url).json()["items"][0]["value"] == 1532
        revise_tanks(ledger, dt.date(2022, 6, 26), 1533)
        client.app.state.cache.ttl = 0  # the marker is re-read at most once a second
        assert client.get(url).json()["items"][0]["value"] == 1533


@pytest.fixture
def claims_client(ledger: Ledger) -> Iterator[TestClient]:
    load_series(ledger)
    store_verdicts(ledger)
    with TestClient(create_app(ledger, settings=Settings())) as test_client:
        yield test_client


def test_claims_list_each_claim_with_its_current_verdict(claims_client: TestClient) -> None:
    body = claims_client.get("/api/claims").json()
    assert body["total"] == 2
    first = body["items"][0]
    assert {k: first[k] for k in ("quote", "category", "value", "verdict", "expected")} == {
        "quote": "75 artillery systems",
        "category": "artillery",
        "value": 75,
        "verdict": "contradicts",
        "expected": 755,
    }
    assert first["explanation"] == "The General Staff said 755 on 2022-06-24."


def test_claims_filter_by_verdict_and_category(claims_client: TestClient) -> None:
    contradicted = claims_client.get("/api/claims?verdict=contradicts").json()["items"]
    assert [c["quote"] for c in contradicted] == ["75 artillery systems"]
    tanks = claims_client.get("/api/claims?category=tanks").json()["items"]
    assert [c["verdict"] for c in tanks] == ["match"]
    bad = claims_client.get("/api/claims?verdict=wrong")
    assert bad.status_code == 400 and "one of: match, rounded" in bad.json()["error"]["hint"]


def test_claims_as_csv_carry_the_verdict_columns(claims_client: TestClient) -> None:
    rows = list(csv.DictReader(io.StringIO(claims_client.get("/api/claims?format=csv").text)))
    assert [(r["quote"], r["verdict"], r["expected"]) for r in rows] == [
        ("75 artillery systems", "contradicts", "755"),
        ("1,507 tanks", "match", "1507"),
    ]


def test_reconcile_reports_the_disagreement_in_the_cli_shape(ledger: Ledger) -> None:
    load_series(ledger)
    load_second_transcription(ledger)
    with TestClient(create_app(ledger, settings=Settings())) as client:
        report = client.get("/api/reconcile").json()
        csv_text = client.get("/api/reconcile?format=csv").text
    assert set(report) == {"compared", "disagreements", "decreases", "outliers"}
    assert report["compared"] == 5
    assert [
        (d["date"], d["category"], d["values"], d["resolved"]) for d in report["disagreements"]
    ] == [("2022-06-25", "tanks", {"gs-minfin": 1151, "gs-petroivaniuk": 1511}, 1511)]
    assert [(d["date"], d["change"]) for d in report["decreases"]] == [("2022-06-27", -2)]
    assert csv_text.splitlines()[0] == "date,category,values,resolved,reason"
    assert csv_text.splitlines()[1].startswith('2022-06-25,tanks,"{""gs-minfin"":1151')


@pytest.fixture
def oryx_client(ledger: Ledger) -> Iterator[TestClient]:
    load_series(ledger)
    load_confirmed(ledger)
    with TestClient(create_app(ledger, settings=Settings())) as test_client:
        yield test_client


def test_compare_pairs_claimed_and_confirmed_with_carry_forward(oryx_client: TestClient) -> None:
    body = oryx_client.get("/api/compare?category=tanks&from=2022-06-25&to=2022-06-27").json()
    assert body["category"] == "tanks" and body["confirmed_source"] == "oryx"
    assert body["confirmed_until"] == "2022-06-26"
    assert [(p["date"], p["claimed"], p["confirmed"], p["carried_forward"], p["ratio"])
            for p in body["items"]] == [
        ("2022-06-25", 1511, 780, True, 1.937),
        ("2022-06-26", 1532, 789, False, 1.942),
        ("2022-06-27", 1530, None, False, None),  # never carried past Oryx's last day
    ]  # fmt: skip
    assert body["total"] == 3


def test_compare_of_a_category_oryx_does_not_count_is_a_400(oryx_client: TestClient) -> None:
    response = oryx_client.get("/api/compare?category=personnel")
    assert response.status_code == 400
    assert "tanks" in response.json()["error"]["hint"]


def test_evidence_lists_confirmed_items_with_filters(oryx_client: TestClient) -> None:
    body = oryx_client.get("/api/evidence?category=tanks&model=t-72&status=captured").json()
    assert body["total"] == 3
    item = body["items"][0]
    assert item["side"] == "RU" and item["category"] == "tanks"
    assert "t-72" in item["model"].lower() and item["counted_as"] == "captured"
    assert item["proof_url"].startswith("http") and item["first_seen"] == "2022-06-27"
    everything = oryx_client.get("/api/evidence?category=tanks&limit=10&offset=30").json()
    assert (everything["total"], len(everything["items"])) == (37, 7)
    rows = list(csv.DictReader(io.StringIO(
        oryx_client.get("/api/evidence?category=tanks&format=csv&limit=2").text
    )))  # fmt: skip
    assert [r["category"] for r in rows] == ["tanks", "tanks"] and rows[0]["proof_url"]


def test_a_repeated_request_is_served_from_memory_and_gzipped_when_accepted(
    series_client: TestClient,
) -> None:
    url = "/category/tanks?format=json"  # over MIN_GZIP_BYTES, unlike the tiny test series
    first = series_client.get(url, headers={"Accept-Encoding": "identity"})
    assert len(first.content) > MIN_GZIP_BYTES
    assert "content-encoding" not in first.headers
    zipped = series_client.get(url, headers={"Accept-Encoding": "gzip, deflate"})
    assert zipped.headers["content-encoding"] == "gzip"
    assert zipped.headers["vary"] == "accept-encoding"
    assert zipped.json() == first.json()
    plain = series_client.get(url, headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers and plain.content == first.content
    assert "content-security-policy" in zipped.headers  # still behind the security headers
