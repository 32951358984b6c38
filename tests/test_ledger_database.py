"""The ledger opens, migrates, and rolls back failed transactions."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from attrition.errors import ConfigurationError
from attrition.ledger import Ledger, ensure_source, list_sources
from attrition.ledger.schema import metadata, sources


def test_migrations_build_exactly_the_declared_schema(ledger: Ledger) -> None:
    with ledger.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), metadata)
    assert diff == []


def test_migrate_twice_is_a_no_op(ledger: Ledger) -> None:
    before = ledger.current_revision()
    ledger.migrate()
    assert ledger.current_revision() == before is not None


def test_failed_transaction_leaves_nothing_behind(ledger: Ledger) -> None:
    with pytest.raises(RuntimeError), ledger.transaction() as connection:
        ensure_source(connection, "gs-minfin")
        raise RuntimeError("boom")
    with ledger.connect() as connection:
        assert connection.execute(sa.select(sa.func.count()).select_from(sources)).scalar() == 0


def test_ensure_source_is_idempotent_and_listed(ledger: Ledger) -> None:
    with ledger.transaction() as connection:
        first = ensure_source(connection, "gs-minfin")
        second = ensure_source(connection, "gs-minfin")
    assert first == second
    with ledger.connect() as connection:
        rows = list_sources(connection)
    assert [(r["key"], r["claimant"], r["observations"]) for r in rows] == [
        ("gs-minfin", "UA_GENERAL_STAFF", 0)
    ]


def test_bad_database_url_is_a_configuration_error() -> None:
    with pytest.raises(ConfigurationError, match="cannot open database URL"):
        Ledger.open("nosuchdialect://x")
