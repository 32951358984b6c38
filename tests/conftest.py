"""Shared fixtures: a fresh migrated ledger on SQLite and, when available, PostgreSQL.

Tests needing PostgreSQL or Chromium skip with a reason on a machine without
them; with ``ATTRITION_REQUIRE_ALL=1`` (set by ``.ci/run``) they fail instead.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from attrition.ledger import Ledger
from attrition.ledger.schema import metadata

# Rich wraps CLI output at the terminal width, which differs between a developer's
# shell, CliRunner (80 columns) and CI; a fixed wide terminal keeps messages on one
# line so assertions on them do not depend on where the suite runs.
os.environ["COLUMNS"] = "200"

FIXTURES = Path(__file__).parent / "fixtures"
POSTGRES_URL_VAR = "ATTRITION_TEST_POSTGRES_URL"


def skip_or_fail(reason: str) -> None:
    """Skip the test, or fail it when CI demands every test run."""
    if os.environ.get("ATTRITION_REQUIRE_ALL") == "1":
        pytest.fail(f"{reason} (ATTRITION_REQUIRE_ALL=1 forbids skipping)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated SQLite file, built once and copied for each test."""
    path = tmp_path_factory.mktemp("template") / "ledger.db"
    Ledger.open(f"sqlite:///{path}").dispose()
    return path


def _worker_database_url(base_url: str, worker: str) -> str:
    url = sa.make_url(base_url)
    name = f"{url.database}_{worker}"
    admin = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        exists = connection.execute(
            sa.text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}
        ).scalar()
        if not exists:
            connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return url.set(database=name).render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def postgres_ledger_url() -> str:
    """URL of this worker's own PostgreSQL test database, migrated to head."""
    base = os.environ.get(POSTGRES_URL_VAR)
    if not base:
        skip_or_fail(f"PostgreSQL tests skipped: set {POSTGRES_URL_VAR} to a server to run them")
    try:
        worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
        url = _worker_database_url(str(base), worker)
        Ledger.open(url).dispose()
    except sa.exc.OperationalError as exc:
        skip_or_fail(f"PostgreSQL at {base} is unreachable: {exc.orig}")
    return url


def _truncate_all(ledger: Ledger) -> None:
    names = ", ".join(f'"{t.name}"' for t in reversed(metadata.sorted_tables))
    with ledger.transaction() as connection:
        connection.execute(sa.text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def ledger(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Ledger]:
    """A fresh, migrated, empty ledger: SQLite, and PostgreSQL when available."""
    if request.param == "sqlite":
        path = tmp_path / "ledger.db"
        shutil.copy(request.getfixturevalue("sqlite_template"), path)
        db = Ledger.open(f"sqlite:///{path}")
    else:
        db = Ledger.open(request.getfixturevalue("postgres_ledger_url"))
        _truncate_all(db)
    yield db
    db.dispose()


@pytest.fixture
def sqlite_ledger(tmp_path: Path, sqlite_template: Path) -> Iterator[Ledger]:
    """A fresh SQLite ledger only, for tests about the default setup."""
    path = tmp_path / "ledger.db"
    shutil.copy(sqlite_template, path)
    db = Ledger.open(f"sqlite:///{path}")
    yield db
    db.dispose()


@pytest.fixture
def chromium_path() -> str:
    """Path to a Chromium binary for browser tests."""
    path = os.environ.get("ATTRITION_CHROMIUM", "/usr/bin/chromium")
    if not Path(path).exists():
        skip_or_fail(f"browser tests skipped: no Chromium at {path} (apt-get install chromium)")
    try:
        import playwright  # noqa: F401
    except ImportError:
        skip_or_fail("browser tests skipped: the playwright package is not installed")
    return path


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    skipped = terminalreporter.stats.get("skipped", [])
    reasons = {str(report.longrepr[2]) for report in skipped if isinstance(report.longrepr, tuple)}
    for reason in sorted(r for r in reasons if "PostgreSQL" in r or "browser" in r):
        terminalreporter.write_line(f"NOTE: {reason.removeprefix('Skipped: ')}", yellow=True)


# The bundled inputs that are series (what checking holds claims against); the
# Oryx pages' evidence items are left out: they take three times as long.
BUNDLED_SERIES_INPUTS = ("general-staff-json", "general-staff-csv", "oryx-daily-totals")


@pytest.fixture(scope="session")
def bundled_series_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite ledger with the bundled series imported, built once per session."""
    import importlib

    from attrition.sources.bundled import BUNDLED_IMPORTS
    from attrition.sources.loaders import BUNDLED_MODULES

    for module in BUNDLED_MODULES:
        importlib.import_module(module)
    path = tmp_path_factory.mktemp("bundled-series") / "ledger.db"
    ledger = Ledger.open(f"sqlite:///{path}")
    for item in BUNDLED_IMPORTS:
        if item.name in BUNDLED_SERIES_INPUTS:
            with ledger.transaction() as connection:
                item.run(connection)
    ledger.dispose()
    return path


@pytest.fixture
def series_ledger_url(tmp_path: Path, bundled_series_file: Path) -> str:
    """A fresh copy of the bundled-series ledger (tests may write to it)."""
    path = tmp_path / "series.db"
    shutil.copy(bundled_series_file, path)
    return f"sqlite:///{path}"


@pytest.fixture
def compiled_extractor() -> None:
    """Skips (or, in CI, fails) unless ``attrition.extract`` runs compiled (``make compile``)."""
    from attrition.extract import BUILD

    if BUILD.mode != "compiled":
        skip_or_fail(f"compiled-extractor tests skipped: the extractor runs {BUILD.reason}")
