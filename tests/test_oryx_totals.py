"""Oryx's daily totals: headings summed into ledger categories, gaps, bad rows, import."""

from __future__ import annotations

import datetime as dt
import gzip
from pathlib import Path

import pytest
import sqlalchemy as sa

from attrition.errors import InputError, SourceFormatError
from attrition.ledger import Ledger
from attrition.ledger.observations import ObservationRecord, read_series
from attrition.ledger.schema import sources
from attrition.sources.oryx_totals import import_oryx_daily_totals, parse_oryx_daily_totals

EXCERPT = Path(__file__).parent / "fixtures" / "oryx" / "daily-totals-excerpt.csv"
HEADER = "date,side,oryx_category,total,destroyed,damaged,abandoned,captured\n"
TODAY = dt.date(2026, 1, 1)


def _parse(text: str, **options: object) -> list[ObservationRecord]:
    return parse_oryx_daily_totals(text.encode(), name="t.csv", today=TODAY, **options).records  # type: ignore[arg-type]


def _record(
    records: list[ObservationRecord], side: str, category: str, day: str
) -> ObservationRecord:
    (found,) = [
        r for r in records if (r.subject, r.category, r.as_of.isoformat()) == (side, category, day)
    ]
    return found


def test_headings_of_one_category_are_summed_with_their_names_and_lines() -> None:
    records = parse_oryx_daily_totals(EXCERPT.read_bytes(), name=EXCERPT.name, today=TODAY).records
    assert _record(records, "RU", "tanks", "2022-06-26") == ObservationRecord(
        subject="RU",
        category="tanks",
        as_of=dt.date(2022, 6, 26),
        value=789,
        source_category="Tanks",
        provenance_row="line 99",
    )
    afv = _record(records, "RU", "afv", "2022-06-26")
    assert afv.value == 435 + 873 + 117 + 27 + 108  # the five armoured headings of that day
    assert afv.source_category == (
        "Armoured Fighting Vehicles + Infantry Fighting Vehicles + Armoured Personnel Carriers"
        " + Mine-Resistant Ambush Protected (MRAP) Vehicles + Infantry Mobility Vehicles"
    )
    assert afv.basis == "cumulative" and afv.qualifier == "exact"


def test_both_sides_are_separate_series() -> None:
    records = parse_oryx_daily_totals(EXCERPT.read_bytes(), today=TODAY).records
    assert (
        _record(records, "RU", "tanks", "2022-02-28").value,
        _record(records, "UA", "tanks", "2022-02-28").value,
    ) == (41, 15)
    assert _record(records, "UA", "equipment_total", "2022-02-28").value == 149


def test_renamed_and_recapitalised_headings_stay_one_series() -> None:
    records = parse_oryx_daily_totals(EXCERPT.read_bytes(), today=TODAY).records
    trucks = [
        (r.as_of.isoformat(), r.source_category)
        for r in records
        if r.category == "vehicles" and r.subject == "RU"
    ]
    assert trucks[-2:] == [
        ("2023-06-07", "Trucks, Vehicles and Jeeps"),
        ("2023-06-08", "Trucks, Vehicles, and Jeeps"),
    ]
    artillery = _record(records, "RU", "artillery", "2022-02-28")
    assert (artillery.value, artillery.source_category) == (
        2 + 4 + 5,
        "Heavy Mortars + Towed Artillery + Self-propelled artillery",
    )


def test_a_heading_missing_for_one_day_leaves_that_sum_out_and_says_so() -> None:
    parsed = parse_oryx_daily_totals(EXCERPT.read_bytes(), today=TODAY)
    days = [
        r.as_of.isoformat() for r in parsed.records if r.category == "afv" and r.subject == "RU"
    ]
    assert "2022-12-25" not in days and "2022-12-27" in days
    assert parsed.gaps == [
        "2022-12-25 RU afv: no row for 'Infantry Fighting Vehicles', listed the days before "
        "and after; the day's sum is left out"
    ]
    assert _record(parsed.records, "RU", "tanks", "2022-12-25").value == 1577


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (
            "2022-03-01,RU,Tanks,4x,1,0,0,0",
            r"t\.csv line 2: field 'total': expected a whole number ≥ 0, got '4x'",
        ),
        (
            "2022-03-01,XX,Tanks,4,1,0,0,0",
            r"line 2: field 'side': expected one of RU, UA, got 'XX'",
        ),
        (
            "2021-03-01,RU,Tanks,4,1,0,0,0",
            r"line 2: field 'date': 2021-03-01 is before the full-scale",
        ),
        (
            "2022-03-01,RU,Sea Drones,4,1,0,0,0",
            r"line 2: field 'oryx_category': 'Sea Drones' has no ledger category",
        ),
        ("2022-03-01,RU,Tanks,4,1,0", r"line 2: 6 fields, but the header has 8"),
    ],
)
def test_a_bad_row_is_refused_naming_line_and_field(row: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        _parse(HEADER + row + "\n")


def test_a_repeated_row_is_refused() -> None:
    text = HEADER + "2022-03-01,RU,Tanks,4,1,0,0,0\n2022-03-01,RU,tanks,5,1,0,0,0\n"
    with pytest.raises(InputError, match="line 3: RU 'tanks' on 2022-03-01 already on line 2"):
        _parse(text)


def test_lenient_parsing_skips_bad_rows_and_lists_them() -> None:
    text = HEADER + "2022-03-01,RU,Tanks,4,1,0,0,0\n2022-03-02,RU,Tanks,?,1,0,0,0\n"
    parsed = parse_oryx_daily_totals(text.encode(), name="t.csv", lenient=True, today=TODAY)
    assert [(r.as_of.isoformat(), r.value) for r in parsed.records] == [("2022-03-01", 4)]
    assert parsed.skipped == ["t.csv line 3: field 'total': expected a whole number ≥ 0, got '?'"]


def test_a_file_without_the_columns_is_not_a_totals_file() -> None:
    with pytest.raises(SourceFormatError, match="missing columns 'side', 'oryx_category'"):
        _parse("date,total\n2022-03-01,4\n")


def test_import_stores_oryx_series_and_skips_an_unchanged_file(
    ledger: Ledger, tmp_path: Path
) -> None:
    content = gzip.compress(EXCERPT.read_bytes())  # gzipped input is read transparently
    with ledger.transaction() as connection:
        first = import_oryx_daily_totals(connection, "totals.csv.gz", content, today=TODAY)
    with ledger.transaction() as connection:
        again = import_oryx_daily_totals(connection, "totals.csv.gz", content, today=TODAY)
    assert (first["status"], first["inserted"], len(first["gaps"])) == (
        "imported",
        first["records"],
        1,
    )
    assert again["status"] == "unchanged input"
    with ledger.connect() as connection:
        claimant = connection.execute(
            sa.select(sources.c.claimant).where(sources.c.key == "oryx")
        ).scalar()
        tanks = read_series(
            connection, category="tanks", source="oryx", date_from=dt.date(2022, 6, 1)
        )
    assert claimant == "ORYX"
    assert [(o.as_of.isoformat(), o.value) for o in tanks] == [
        ("2022-06-21", 789),
        ("2022-06-26", 789),
        ("2022-06-28", 804),
        ("2022-12-25", 1577),
        ("2022-12-27", 1584),
        ("2023-06-07", 2012),
        ("2023-06-08", 2023),
    ]
