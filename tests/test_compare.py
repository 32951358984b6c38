"""Claimed versus confirmed: pairing, carry-forward, ratio, refusals, chart."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from attrition.charts import build_compare_chart
from attrition.compare import ComparePoint, comparable_categories, compare_series, load_comparison
from attrition.errors import InputError, NotFound
from attrition.ledger import Ledger, ensure_source
from attrition.ledger.observations import Observation, ObservationRecord, upsert_observations
from attrition.reconcile import SeriesPoint
from attrition.sources.oryx_totals import import_oryx_daily_totals

TOTALS = Path(__file__).parent / "fixtures" / "oryx" / "daily-totals-excerpt.csv"
TODAY = dt.date(2026, 1, 1)
# The General Staff's tank figures of these mornings (both transcriptions agree).
GS_TANKS = {
    dt.date(2022, 6, 21): 1496,
    dt.date(2022, 6, 22): 1496,
    dt.date(2022, 6, 23): 1504,
    dt.date(2022, 6, 24): 1507,
    dt.date(2022, 6, 25): 1511,
    dt.date(2022, 6, 26): 1532,
    dt.date(2022, 6, 27): 1552,
    dt.date(2022, 6, 28): 1567,
}


def _claimed(values: dict[dt.date, int]) -> list[SeriesPoint]:
    return [SeriesPoint(day, value, None, ("gs-minfin",)) for day, value in sorted(values.items())]


def _confirmed(values: dict[dt.date, int]) -> list[Observation]:
    moment = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    return [
        Observation(
            id=n,
            source="oryx",
            subject="RU",
            category="tanks",
            basis="cumulative",
            as_of=day,
            value=value,
            low=None,
            high=None,
            qualifier="exact",
            revision=1,
            previous_id=None,
            recorded_at=moment,
            superseded_at=None,
            source_category="Tanks",
            provenance=None,
            provenance_row=None,
            import_id=None,
        )
        for n, (day, value) in enumerate(sorted(values.items()))
    ]


def test_confirmed_totals_are_carried_forward_and_marked() -> None:
    points = compare_series(
        _claimed(GS_TANKS),
        _confirmed(
            {dt.date(2022, 6, 21): 789, dt.date(2022, 6, 26): 789, dt.date(2022, 6, 28): 804}
        ),
    )
    assert points[4] == ComparePoint(
        date=dt.date(2022, 6, 25),
        claimed=1511,
        confirmed=789,
        confirmed_date=dt.date(2022, 6, 21),
        carried_forward=True,
        ratio=1.915,
    )
    assert [(p.date.day, p.carried_forward, p.ratio) for p in points] == [
        (21, False, 1.896),
        (22, True, 1.896),
        (23, True, 1.906),
        (24, True, 1.91),
        (25, True, 1.915),
        (26, False, 1.942),
        (27, True, 1.967),
        (28, False, 1.949),
    ]


def test_nothing_is_carried_past_the_end_or_before_the_start_of_oryx_series() -> None:
    points = compare_series(
        _claimed(
            {dt.date(2022, 6, 20): 1477, dt.date(2022, 6, 22): 1496, dt.date(2022, 6, 24): 1507}
        ),
        _confirmed({dt.date(2022, 6, 21): 789, dt.date(2022, 6, 23): 790}),
    )
    assert [(p.date.day, p.claimed, p.confirmed, p.confirmed_date, p.ratio) for p in points] == [
        (20, 1477, None, None, None),
        (21, None, 789, dt.date(2022, 6, 21), None),  # an Oryx day with no claim
        (22, 1496, 789, dt.date(2022, 6, 21), 1.896),
        (23, None, 790, dt.date(2022, 6, 23), None),
        (24, 1507, None, None, None),  # after Oryx's last day: no invented figure
    ]


def test_the_range_cuts_the_days_shown_but_not_what_is_carried() -> None:
    points = compare_series(
        _claimed(GS_TANKS),
        _confirmed({dt.date(2022, 6, 21): 789, dt.date(2022, 6, 28): 804}),
        date_from=dt.date(2022, 6, 24),
        date_to=dt.date(2022, 6, 25),
    )
    assert [
        (p.date.day, p.confirmed, p.confirmed_date.day if p.confirmed_date else None)
        for p in points
    ] == [
        (24, 789, 21),
        (25, 789, 21),
    ]


def _fill(ledger: Ledger) -> None:
    with ledger.transaction() as connection:
        for source in ("gs-minfin", "gs-petroivaniuk"):
            upsert_observations(
                connection,
                ensure_source(connection, source),
                [ObservationRecord("RU", "tanks", day, value) for day, value in GS_TANKS.items()],
            )
        import_oryx_daily_totals(connection, TOTALS.name, TOTALS.read_bytes(), today=TODAY)


def test_compare_tanks_around_2022_06_25_from_the_ledger(ledger: Ledger) -> None:
    _fill(ledger)
    with ledger.connect() as connection:
        comparison = load_comparison(
            connection, "tanks", date_from=dt.date(2022, 6, 24), date_to=dt.date(2022, 6, 26)
        )
    assert comparison.as_dict() == {
        "category": "tanks",
        "subject": "RU",
        "claimant": "UA_GENERAL_STAFF",
        "confirmed_source": "oryx",
        "confirmed_headings": ["Tanks"],
        "confirmed_until": dt.date(2023, 6, 8),
        "points": [
            {
                "date": dt.date(2022, 6, 24),
                "claimed": 1507,
                "confirmed": 789,
                "confirmed_date": dt.date(2022, 6, 21),
                "carried_forward": True,
                "ratio": 1.91,
            },
            {
                "date": dt.date(2022, 6, 25),
                "claimed": 1511,
                "confirmed": 789,
                "confirmed_date": dt.date(2022, 6, 21),
                "carried_forward": True,
                "ratio": 1.915,
            },
            {
                "date": dt.date(2022, 6, 26),
                "claimed": 1532,
                "confirmed": 789,
                "confirmed_date": dt.date(2022, 6, 26),
                "carried_forward": False,
                "ratio": 1.942,
            },
        ],
    }


def test_armoured_vehicles_compare_against_the_five_oryx_headings(ledger: Ledger) -> None:
    _fill(ledger)
    with ledger.connect() as connection:
        comparison = load_comparison(connection, "afv", date_from=dt.date(2022, 6, 26))
    assert comparison.confirmed_headings == [
        "Armoured Fighting Vehicles",
        "Infantry Fighting Vehicles",
        "Armoured Personnel Carriers",
        "Mine-Resistant Ambush Protected (MRAP) Vehicles",
        "Infantry Mobility Vehicles",
    ]
    first = comparison.points[0]
    assert (first.claimed, first.confirmed) == (None, 435 + 873 + 117 + 27 + 108)


@pytest.mark.parametrize(
    ("category", "message"),
    [
        ("tankz", "unknown category 'tankz'"),
        ("special_equipment", "Oryx has no counterpart for 'special_equipment'"),
        ("radars", "the General Staff reports no 'radars' figure"),
    ],
)
def test_categories_without_both_sides_are_refused(
    ledger: Ledger, category: str, message: str
) -> None:
    with ledger.connect() as connection, pytest.raises(InputError, match=message):
        load_comparison(connection, category)


def test_an_empty_ledger_says_what_to_import(ledger: Ledger) -> None:
    with ledger.connect() as connection, pytest.raises(NotFound, match="import --bundled"):
        load_comparison(connection, "tanks")


def test_comparable_categories_are_those_both_count() -> None:
    assert comparable_categories() == [
        "tanks",
        "afv",
        "artillery",
        "mlrs",
        "air_defense",
        "aircraft",
        "helicopters",
        "uav",
        "ships",
        "vehicles",
        "ground_robots",
    ]


def test_the_chart_draws_confirmed_only_on_days_oryx_changed() -> None:
    points = compare_series(
        _claimed(GS_TANKS), _confirmed({dt.date(2022, 6, 21): 789, dt.date(2022, 6, 26): 789})
    )
    spec = build_compare_chart([p.as_dict() for p in points], title="tanks")
    totals, ratio = spec["vconcat"]
    confirmed = [r for r in totals["data"]["values"] if r["series"] == "confirmed (Oryx)"]
    assert [r["date"] for r in confirmed] == ["2022-06-21", "2022-06-26"]
    assert totals["mark"]["interpolate"] == "step-after"
    assert len(ratio["data"]["values"]) == 6  # none after Oryx's last day
