"""HTML pages: what a reader sees, built from the same data as ``?format=json``."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

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
        "sources": [],
    }
