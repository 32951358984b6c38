"""The dashboard in a real browser: Debian's Chromium driven by Playwright, app served by uvicorn.

Screenshots land in ``test-artifacts/`` (gitignored) for a person to look at.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from attrition.demo import load_demo_data
from attrition.ledger import Ledger
from attrition.settings import Settings
from attrition.web import create_app

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).parents[1] / "test-artifacts"
ARTICLE = (
    Path(__file__).parent / "fixtures" / "articles" / "express-2022-06-putins-losses-exposed.txt"
)
ARTICLE = (
    Path(__file__).parent / "fixtures" / "articles" / "express-2022-06-putins-losses-exposed.txt"
)
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def live_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The real app over the demo ledger, served by uvicorn on a free loopback port."""
    path = tmp_path_factory.mktemp("browser") / "ledger.db"
    ledger = Ledger.open(f"sqlite:///{path}")
    load_demo_data(ledger, progress=False)
    port = _free_port()
    config = uvicorn.Config(
        create_app(ledger, settings=Settings()),
        host="127.0.0.1",
        port=port,
        log_level="warning",
        access_log=False,
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    ledger.dispose()


@pytest.fixture
def page(chromium_path: str) -> Iterator[Any]:
    """A fresh Chromium page; console errors (CSP violations included) fail the test."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        new_page = context.new_page()
        errors: list[str] = []
        new_page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        new_page.on("pageerror", lambda exc: errors.append(str(exc)))
        yield new_page
        browser.close()
        assert errors == [], f"browser console errors: {errors}"


def _screenshot(page: Any, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name), full_page=True)


def test_overview_draws_a_sparkline_with_marks_for_each_category(page: Any, live_url: str) -> None:
    page.goto(f"{live_url}/")
    page.wait_for_selector(".sparkline[data-rendered='true'] svg path", timeout=15_000)
    cards = page.locator(".card")
    assert cards.count() >= 10
    tanks = page.locator(".card[data-category='tanks']")
    assert tanks.locator(".figure").inner_text().replace(",", "").isdigit()
    paths = tanks.locator(".sparkline svg .mark-line path")
    assert paths.count() == 1
    assert len(paths.first.get_attribute("d") or "") > 100  # a real line, not an empty mark
    _screenshot(page, "overview.png")


def test_category_page_draws_claimed_and_confirmed_series(page: Any, live_url: str) -> None:
    page.goto(f"{live_url}/category/tanks")
    page.wait_for_selector("#series-chart[data-rendered='true'] svg", timeout=15_000)
    lines = page.locator("#series-chart svg .mark-line path")
    assert lines.count() == 2  # claimed and confirmed
    page.wait_for_selector("#daily-chart[data-rendered='true'] svg .mark-rect path")
    assert page.locator("table.series tbody tr").count() > 100
    _screenshot(page, "category-tanks.png")


def test_check_page_marks_75_artillery_systems_as_contradicted(page: Any, live_url: str) -> None:
    page.goto(f"{live_url}/check")
    page.fill("textarea[name=text]", ARTICLE.read_text(encoding="utf-8"))
    page.fill("input[name=published]", "2022-06-26")
    page.click("form.check button[type=submit]")
    page.wait_for_selector(".article-text details.figure")
    figure = page.locator("details.figure", has_text="75 artillery systems")
    assert figure.count() == 1
    assert "contradicts" in (figure.get_attribute("class") or "")
    badge = figure.locator("summary .badge")
    assert badge.inner_text().strip() == "contradicts"
    figure.locator("summary").click()
    assert figure.locator(".explanation").is_visible()
    _screenshot(page, "check-article.png")
