"""`attrition sync` fetches both transcriptions over HTTP (a local server here) and imports them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlalchemy as sa
from pytest_httpserver import HTTPServer
from typer.testing import CliRunner

from attrition.cli import app
from attrition.ledger import Ledger, list_imports
from attrition.ledger.schema import observations

FIXTURES = Path(__file__).parent / "fixtures" / "official"
FILES = {
    "equipment": "equipment.json",
    "personnel": "personnel.json",
    "corrections": "corrections.json",
    "csv": "minfin.csv",
}
runner = CliRunner()


@pytest.fixture(autouse=True)
def allow_loopback(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ATTRITION_ALLOW_HOSTS", "127.0.0.1")


def serve(httpserver: HTTPServer, overrides: dict[str, bytes] | None = None) -> list[str]:
    """Serve the fixtures; return --url options pointing every role at the local server."""
    options = []
    for role, name in FILES.items():
        body = (overrides or {}).get(role, (FIXTURES / name).read_bytes())
        httpserver.expect_request(f"/data/{name}").respond_with_data(body)
        options += ["--url", f"{role}={httpserver.url_for(f'/data/{name}')}"]
    return options


def sync(ledger: Ledger, *args: str) -> tuple[int, str, str]:
    db = ledger.engine.url.render_as_string(hide_password=False)
    result = runner.invoke(app, ["sync", *args, "--db", db])
    return result.exit_code, result.stdout, result.stderr


def count(ledger: Ledger) -> int:
    with ledger.connect() as connection:
        return int(
            connection.execute(sa.select(sa.func.count()).select_from(observations)).scalar_one()
        )


def test_sync_imports_both_transcriptions_from_their_urls(
    ledger: Ledger, httpserver: HTTPServer
) -> None:
    code, out, err = sync(ledger, *serve(httpserver), "--json")
    assert code == 0, err
    stats = json.loads(out)
    assert {role: s["inserted"] for role, s in stats.items()} == {
        "equipment": 119,
        "personnel": 12,
        "corrections": 13,
        "csv": 129,
    }
    assert stats["csv"]["input"] == httpserver.url_for("/data/minfin.csv")
    with ledger.connect() as connection:
        sources = {i.source for i in list_imports(connection)}
    assert sources == {"gs-petroivaniuk", "gs-minfin"}


def test_a_second_sync_of_unchanged_files_changes_nothing(
    ledger: Ledger, httpserver: HTTPServer
) -> None:
    options = serve(httpserver)
    sync(ledger, *options)
    before = count(ledger)
    code, out, _ = sync(ledger, *options, "--json")
    assert code == 0
    assert {s["status"] for s in json.loads(out).values()} == {"unchanged input"}
    assert count(ledger) == before


def test_a_changed_upstream_figure_becomes_a_revision(
    ledger: Ledger, httpserver: HTTPServer
) -> None:
    sync(ledger, *serve(httpserver))
    httpserver.clear()
    changed = (FIXTURES / "minfin.csv").read_bytes().replace(b",1532,", b",1533,")
    code, out, err = sync(ledger, *serve(httpserver, {"csv": changed}))
    assert code == 0, err
    assert "revised tanks 2022-06-26: 1,532 → 1,533 (revision 2)" in out


def test_an_http_error_imports_nothing(ledger: Ledger, httpserver: HTTPServer) -> None:
    options = serve(httpserver)
    httpserver.clear()
    httpserver.expect_request("/data/equipment.json").respond_with_data("gone", status=500)
    code, _, err = sync(ledger, *options)
    assert code == 4 and err.startswith("Error: HTTP 500 from"), err
    assert count(ledger) == 0


def test_a_broken_upstream_file_imports_nothing_and_names_the_url(
    ledger: Ledger, httpserver: HTTPServer
) -> None:
    code, _, err = sync(ledger, *serve(httpserver, {"personnel": b"<html>rate limited</html>"}))
    assert code == 2
    assert "personnel.json: expected a JSON list of daily records" in err
    assert count(ledger) == 0


def test_loopback_is_refused_without_the_allow_list(
    ledger: Ledger, httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    options = serve(httpserver)
    monkeypatch.delenv("ATTRITION_ALLOW_HOSTS")
    code, _, err = sync(ledger, *options)
    assert code == 4 and "non-public address 127.0.0.1" in err


def test_an_unknown_role_is_refused_before_any_fetch(ledger: Ledger) -> None:
    code, _, err = sync(ledger, "--url", "oryx=http://127.0.0.1/x")
    assert (
        code == 2
        and "expected ROLE=URL with ROLE one of equipment, personnel, corrections, csv" in err
    )
