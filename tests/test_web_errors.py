"""The API has one error shape; pages answer errors as HTML; every response sends a CSP."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from attrition.errors import (
    AttritionError,
    ConfigurationError,
    FetchFailed,
    FetchRefused,
    InputError,
    NotFound,
    SourceFormatError,
)
from attrition.ledger import Ledger
from attrition.settings import Settings
from attrition.web import create_app
from attrition.web.app import MAX_BODY_BYTES

ERRORS = [
    AttritionError,
    InputError,
    SourceFormatError,
    NotFound,
    FetchRefused,
    FetchFailed,
    ConfigurationError,
]


@pytest.fixture
def app(sqlite_ledger: Ledger) -> FastAPI:
    app = create_app(sqlite_ledger, settings=Settings())

    @app.get("/api/test-raise/{name}")
    async def raise_named(name: str) -> None:
        error = next(e for e in ERRORS if e.__name__ == name)
        raise error(f"the {name} message <b>", hint="the hint")

    @app.get("/test-page-raise")
    async def raise_on_page() -> None:
        raise NotFound("no story 42 <script>alert(1)</script>", hint="see /news")

    @app.get("/api/test-crash")
    async def crash() -> None:
        raise RuntimeError("secret internals")

    return app


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.mark.parametrize("error", ERRORS, ids=lambda e: e.__name__)
def test_every_attrition_error_becomes_the_one_json_shape_with_its_status(
    client: TestClient, error: type[AttritionError]
) -> None:
    response = client.get(f"/api/test-raise/{error.__name__}")
    assert response.status_code == error.status_code, response.text
    assert response.headers["content-type"] == "application/json"
    assert response.json() == {
        "error": {
            "type": error.__name__,
            "message": f"the {error.__name__} message <b>",
            "hint": "the hint",
        }
    }


def test_a_bad_query_parameter_is_a_400_naming_the_parameter(client: TestClient) -> None:
    response = client.get("/api/sources?limit=-3")
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["type"] == "InputError"
    assert "'limit'" in error["message"] and "greater than or equal to 1" in error["message"]
    assert set(response.json()) == {"error"}


def test_an_unknown_api_path_is_a_404_in_the_same_shape(client: TestClient) -> None:
    response = client.get("/api/no-such-thing")
    assert response.status_code == 404
    assert response.json() == {
        "error": {"type": "NotFound", "message": "no page at /api/no-such-thing", "hint": None}
    }


def test_a_wrong_method_is_a_405_in_the_same_shape(client: TestClient) -> None:
    response = client.delete("/api/sources")
    assert response.status_code == 405
    assert response.json()["error"]["type"] == "MethodNotAllowed"


def test_an_unexpected_crash_is_a_500_without_internals(client: TestClient) -> None:
    response = client.get("/api/test-crash")
    assert response.status_code == 500
    error = response.json()["error"]
    assert error["type"] == "InternalError"
    assert "secret internals" not in response.text


def test_a_page_error_is_an_html_page_with_the_message_escaped(client: TestClient) -> None:
    response = client.get("/test-page-raise")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "no story 42 &lt;script&gt;alert(1)&lt;/script&gt;" in response.text
    assert "<script>alert(1)" not in response.text
    assert "see /news" in response.text


def test_an_unknown_page_is_a_404_html_page(client: TestClient) -> None:
    response = client.get("/no-such-page")
    assert response.status_code == 404
    assert "no page at /no-such-page" in response.text


@pytest.mark.parametrize("path", ["/", "/api/sources", "/static/style.css", "/no-such-page"])
def test_every_response_sends_a_strict_content_security_policy(
    client: TestClient, path: str
) -> None:
    headers = client.get(path).headers
    policy = headers["content-security-policy"]
    assert "script-src 'self';" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "object-src 'none'" in policy and "frame-ancestors 'none'" in policy
    assert headers["x-content-type-options"] == "nosniff"


def test_the_api_docs_page_works_offline_from_vendored_files(client: TestClient) -> None:
    page = client.get("/docs")
    assert page.status_code == 200
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in page.text
    assert "<script>" not in page.text  # no inline script
    assert client.get("/static/vendor/swagger-ui/swagger-ui-bundle.js").status_code == 200
    assert client.get("/openapi.json").json()["info"]["title"] == "attrition"


def test_a_body_declared_over_the_limit_is_refused_with_413_before_reading(
    client: TestClient,
) -> None:
    response = client.post(
        "/api/imports", content=b"x" * (MAX_BODY_BYTES + 1), headers={"content-type": "text/plain"}
    )
    assert response.status_code == 413
    assert response.json()["error"]["type"] == "TooLarge"
    assert f"{MAX_BODY_BYTES:,}" in response.json()["error"]["message"]


def test_a_chunked_body_over_the_limit_is_refused_with_413(client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        for _ in range(4):
            yield b"x" * (MAX_BODY_BYTES // 3 + 1)

    response = client.post("/api/imports", content=chunks(), headers={"content-type": "text/plain"})
    assert response.status_code == 413
    assert response.json()["error"]["type"] == "TooLarge"
