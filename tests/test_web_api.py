"""The JSON API: envelopes, pagination, CSV, and the data each route returns."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from attrition.ledger import Ledger, ensure_source
from attrition.settings import Settings
from attrition.web import create_app


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
