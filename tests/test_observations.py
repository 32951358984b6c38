"""Observations are stored idempotently, revised without overwriting, and read bitemporally."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa

from attrition.errors import InputError, NotFound
from attrition.ledger import (
    Ledger,
    ObservationRecord,
    ensure_source,
    iter_observations,
    list_series,
    read_claimant_figures,
    read_history,
    read_series,
    require_source,
    upsert_observations,
)
from attrition.ledger.schema import observations

JAN = dt.datetime(2026, 1, 10, 8, 0, tzinfo=dt.UTC)
FEB = dt.datetime(2026, 2, 10, 8, 0, tzinfo=dt.UTC)
MAR = dt.datetime(2026, 3, 10, 8, 0, tzinfo=dt.UTC)


def tanks(day: int, value: int, **extra: object) -> ObservationRecord:
    return ObservationRecord(
        subject="RU",
        category="tanks",
        as_of=dt.date(2022, 6, day),
        value=value,
        source_category="tank",
        provenance_row=f"line {day}",
        **extra,  # type: ignore[arg-type]
    )


def store(
    ledger: Ledger, records: list[ObservationRecord], at: dt.datetime, source: str = "gs-minfin"
):
    with ledger.transaction() as connection:
        source_id = ensure_source(connection, source)
        return upsert_observations(
            connection, source_id, records, provenance="test.csv", recorded_at=at
        )


def values(rows: list) -> list[tuple[str, int | None]]:
    return [(row.as_of.isoformat(), row.value) for row in rows]


def test_first_upsert_inserts_every_record(ledger: Ledger) -> None:
    stats = store(ledger, [tanks(23, 1504), tanks(24, 1507)], JAN)
    assert (stats.inserted, stats.revised, stats.unchanged) == (2, 0, 0)
    with ledger.connect() as connection:
        rows = read_series(connection, category="tanks", source="gs-minfin")
    assert values(rows) == [("2022-06-23", 1504), ("2022-06-24", 1507)]
    assert rows[0].revision == 1 and rows[0].previous_id is None
    assert rows[0].recorded_at == JAN and rows[0].superseded_at is None
    assert (rows[0].provenance, rows[0].provenance_row) == ("test.csv", "line 23")


def test_reimport_of_unchanged_series_changes_nothing(ledger: Ledger) -> None:
    store(ledger, [tanks(23, 1504), tanks(24, 1507)], JAN)
    stats = store(ledger, [tanks(23, 1504), tanks(24, 1507)], FEB)
    assert (stats.inserted, stats.revised, stats.unchanged) == (0, 0, 2)
    with ledger.connect() as connection:
        count = connection.execute(sa.select(sa.func.count()).select_from(observations)).scalar()
        rows = read_series(connection, category="tanks", source="gs-minfin")
    assert count == 2
    assert {row.recorded_at for row in rows} == {JAN}


def test_changed_value_becomes_a_linked_revision_and_the_old_row_is_kept(ledger: Ledger) -> None:
    store(ledger, [tanks(23, 1504), tanks(24, 1570)], JAN)
    stats = store(ledger, [tanks(23, 1504), tanks(24, 1507)], FEB)
    assert (stats.inserted, stats.revised, stats.unchanged) == (0, 1, 1)
    assert stats.revisions == [
        {
            "category": "tanks",
            "basis": "cumulative",
            "as_of": "2022-06-24",
            "old": 1570,
            "new": 1507,
            "revision": 2,
        }
    ]
    with ledger.connect() as connection:
        history = read_history(connection, category="tanks", as_of=dt.date(2022, 6, 24))
    assert [(r.revision, r.value, r.superseded_at) for r in history] == [
        (1, 1570, FEB),
        (2, 1507, None),
    ]
    assert history[1].previous_id == history[0].id
    assert history[1].recorded_at == FEB


def test_as_known_on_shows_what_the_ledger_held_that_day(ledger: Ledger) -> None:
    store(ledger, [tanks(24, 1570)], JAN)
    store(ledger, [tanks(24, 1507), tanks(25, 1511)], FEB)
    store(ledger, [tanks(24, 1508)], MAR)
    with ledger.connect() as connection:

        def known(day: dt.date | None) -> list[tuple[str, int | None]]:
            return values(
                read_series(connection, category="tanks", source="gs-minfin", as_known_on=day)
            )

        assert known(dt.date(2026, 1, 9)) == []
        assert known(dt.date(2026, 1, 10)) == [("2022-06-24", 1570)]
        assert known(dt.date(2026, 2, 20)) == [("2022-06-24", 1507), ("2022-06-25", 1511)]
        assert known(None) == [("2022-06-24", 1508), ("2022-06-25", 1511)]


def test_a_change_of_qualifier_alone_is_a_revision(ledger: Ledger) -> None:
    person = dict(subject="RU", category="personnel", as_of=dt.date(2022, 6, 24))
    store(ledger, [ObservationRecord(**person, value=34_700, qualifier="exact")], JAN)  # type: ignore[arg-type]
    stats = store(ledger, [ObservationRecord(**person, value=34_700, qualifier="about")], FEB)  # type: ignore[arg-type]
    assert stats.revised == 1


def test_a_new_source_category_name_alone_is_not_a_revision(ledger: Ledger) -> None:
    store(ledger, [tanks(24, 1507)], JAN)
    renamed = tanks(24, 1507)._replace(source_category="tanks")
    assert store(ledger, [renamed], FEB).unchanged == 1


def test_two_figures_for_one_key_in_one_input_are_refused_and_nothing_is_stored(
    ledger: Ledger,
) -> None:
    with pytest.raises(InputError, match="two figures for tanks"):
        store(ledger, [tanks(24, 1507), tanks(25, 1511), tanks(24, 1508)], JAN)
    with ledger.connect() as connection:
        assert (
            connection.execute(sa.select(sa.func.count()).select_from(observations)).scalar() == 0
        )


def test_series_of_sources_and_bases_are_kept_apart(ledger: Ledger) -> None:
    store(ledger, [tanks(24, 1507)], JAN, source="gs-minfin")
    store(ledger, [tanks(24, 1508)], JAN, source="gs-petroivaniuk")
    store(ledger, [tanks(24, 3, basis="correction")], JAN, source="gs-petroivaniuk")
    with ledger.connect() as connection:
        minfin = read_series(connection, category="tanks", source="gs-minfin")
        petro = read_series(connection, category="tanks", source="gs-petroivaniuk")
        corrections = read_series(
            connection, category="tanks", source="gs-petroivaniuk", basis="correction"
        )
        figures = read_claimant_figures(connection, claimant="UA_GENERAL_STAFF")
        listed = list_series(connection, claimant="UA_GENERAL_STAFF")
    assert (values(minfin), values(petro), values(corrections)) == (
        [("2022-06-24", 1507)],
        [("2022-06-24", 1508)],
        [("2022-06-24", 3)],
    )
    assert sorted((f.source, f.value) for f in figures) == [
        ("gs-minfin", 1507),
        ("gs-petroivaniuk", 1508),
    ]
    assert [(s["source"], s["category"], s["basis"], s["days"]) for s in listed] == [
        ("gs-minfin", "tanks", "cumulative", 1),
        ("gs-petroivaniuk", "tanks", "correction", 1),
        ("gs-petroivaniuk", "tanks", "cumulative", 1),
    ]


def test_date_range_limits_the_series(ledger: Ledger) -> None:
    store(ledger, [tanks(d, 1500 + d) for d in range(20, 28)], JAN)
    with ledger.connect() as connection:
        rows = read_series(
            connection,
            category="tanks",
            source="gs-minfin",
            date_from=dt.date(2022, 6, 24),
            date_to=dt.date(2022, 6, 25),
        )
    assert values(rows) == [("2022-06-24", 1524), ("2022-06-25", 1525)]


def test_iter_observations_streams_current_or_every_revision(ledger: Ledger) -> None:
    store(ledger, [tanks(24, 1570), tanks(25, 1511)], JAN)
    store(ledger, [tanks(24, 1507)], FEB)
    with ledger.connect() as connection:
        current = list(iter_observations(connection, batch_size=1))
        every = list(iter_observations(connection, all_revisions=True))
    assert values(current) == [("2022-06-24", 1507), ("2022-06-25", 1511)]
    assert [(r.as_of.day, r.value, r.revision) for r in every] == [
        (24, 1570, 1),
        (24, 1507, 2),
        (25, 1511, 1),
    ]


def test_require_source_names_the_sources_held(ledger: Ledger) -> None:
    store(ledger, [tanks(24, 1507)], JAN)
    with ledger.connect() as connection, pytest.raises(NotFound, match="sources held: gs-minfin"):
        require_source(connection, "oryx")
