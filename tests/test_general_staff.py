"""The General Staff importers read both transcriptions and refuse bad input in one line."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import sqlalchemy as sa

from attrition.errors import InputError, SourceFormatError
from attrition.ledger import Ledger, ObservationRecord, list_imports, read_series
from attrition.ledger.schema import imports, observations
from attrition.sources.general_staff import (
    BUNDLED_FILES,
    import_bundled_general_staff_csv,
    import_bundled_general_staff_json,
    import_general_staff_csv,
    import_general_staff_json,
    parse_general_staff_corrections,
    parse_general_staff_csv,
    parse_general_staff_json,
    parse_general_staff_personnel_json,
)

FIXTURES = Path(__file__).parent / "fixtures" / "official"
TODAY = dt.date(2026, 11, 25)


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def by_key(records: list[ObservationRecord]) -> dict[tuple[str, str], ObservationRecord]:
    return {(r.as_of.isoformat(), r.category): r for r in records}


def count_rows(ledger: Ledger, table: sa.Table = observations) -> int:
    with ledger.connect() as connection:
        return int(connection.execute(sa.select(sa.func.count()).select_from(table)).scalar_one())


# --- parsing the real files -------------------------------------------------------------


def test_equipment_json_maps_every_category_of_a_day() -> None:
    parsed = parse_general_staff_json(fixture("equipment.json"), today=TODAY)
    day = {r.category: r.value for r in parsed.records if r.as_of == dt.date(2022, 6, 24)}
    assert day == {
        "aircraft": 216,
        "helicopters": 183,
        "tanks": 1507,
        "afv": 3637,
        "artillery": 759,
        "mlrs": 241,
        "air_defense": 99,
        "uav": 622,
        "ships": 14,
        "vehicles": 2553,
        "special_equipment": 60,
        "cruise_missiles": 137,
    }
    assert parsed.skipped == []


def test_military_autos_and_fuel_tanks_are_summed_into_vehicles_until_the_merge() -> None:
    records = by_key(parse_general_staff_json(fixture("equipment.json"), today=TODAY).records)
    before, after = records[("2022-04-30", "vehicles")], records[("2022-05-01", "vehicles")]
    assert before == ObservationRecord(
        subject="RU",
        category="vehicles",
        as_of=dt.date(2022, 4, 30),
        value=1701 + 76,
        source_category="military auto + fuel tank",
        provenance_row=before.provenance_row,
    )
    assert (after.value, after.source_category) == (1796, "vehicles and fuel tanks")


def test_mobile_srbm_systems_count_as_cruise_missiles() -> None:
    records = by_key(parse_general_staff_json(fixture("equipment.json"), today=TODAY).records)
    assert ("2022-03-25", "cruise_missiles") not in records
    srbm = records[("2022-03-26", "cruise_missiles")]
    assert (srbm.value, srbm.source_category) == (2, "mobile SRBM system")
    assert records[("2022-05-01", "cruise_missiles")].source_category == "cruise missiles"


def test_personnel_keeps_its_qualifier_and_pow_becomes_captured() -> None:
    records = by_key(
        parse_general_staff_personnel_json(fixture("personnel.json"), today=TODAY).records
    )
    personnel = records[("2022-03-25", "personnel")]
    assert (personnel.value, personnel.qualifier, personnel.basis) == (16100, "about", "cumulative")
    captured = records[("2022-03-25", "captured")]
    assert (captured.value, captured.qualifier, captured.source_category) == (
        records[("2022-03-25", "captured")].value,
        "exact",
        "POW",
    )
    assert ("2022-06-24", "captured") not in records


def test_the_qualifier_more_means_over() -> None:
    content = b'[{"date": "2022-03-01", "personnel": 5710, "personnel*": "more"}]'
    [record] = parse_general_staff_personnel_json(content, today=TODAY).records
    assert (record.value, record.qualifier) == (5710, "over")


def test_corrections_keep_signed_nonzero_entries_only() -> None:
    parsed = parse_general_staff_corrections(fixture("corrections.json"), today=TODAY)
    first = sorted(
        (r.category, r.value) for r in parsed.records if r.as_of == dt.date(2022, 10, 13)
    )
    assert first == [("afv", -25), ("artillery", 32), ("ships", 1), ("uav", 20)]
    assert {r.basis for r in parsed.records} == {"correction"}


def test_csv_reads_every_column_and_skips_empty_cells() -> None:
    parsed = parse_general_staff_csv(fixture("minfin.csv"), name="minfin.csv", today=TODAY)
    first = {r.category: r.value for r in parsed.records if r.as_of == dt.date(2022, 2, 24)}
    assert first == {
        "personnel": 800,
        "tanks": 30,
        "afv": 130,
        "aircraft": 7,
        "helicopters": 6,
        "uav": 0,
        "ships": 0,
    }
    tanks = [(r.as_of.isoformat(), r.value) for r in parsed.records if r.category == "tanks"]
    assert tanks[-4:] == [
        ("2022-06-23", 1504),
        ("2022-06-24", 1507),
        ("2022-06-25", 1511),
        ("2022-06-26", 1532),
    ]
    assert parsed.records[0].provenance_row == "line 2"


def test_bundled_files_parse_completely() -> None:
    counts = {
        role: len(parser(BUNDLED_FILES[role].read_bytes(), today=TODAY).records)
        for role, parser in [
            ("equipment", parse_general_staff_json),
            ("personnel", parse_general_staff_personnel_json),
            ("corrections", parse_general_staff_corrections),
            ("csv", parse_general_staff_csv),
        ]
    }
    assert counts == {"equipment": 20622, "personnel": 1688, "corrections": 86, "csv": 22252}


# --- bad input: one line naming file, line/record and field ----------------------------

BAD_JSON = [
    (
        b'[{"date": "2022-03-01", "tank": 5},\n {"date": "2022-03-02" "tank": 6}]',
        "demo.json line 2 column 24: malformed JSON: Expecting ',' delimiter",
    ),
    (b'{"date": "2022-03-01"}', "demo.json: expected a JSON list of daily records"),
    (b"", "demo.json: expected a JSON list of daily records, found 'an empty file'"),
    (
        b'[{"date": "2022-03-01", "tank": 5}] trailing',
        "demo.json line 1: malformed JSON: extra data",
    ),
    (b'[\n{"day": 3, "tank": 5}]', "demo.json line 2 (record 1): missing field 'date'"),
    (b'[\n"2022-03-01"]', "demo.json line 2 (record 1): expected an object with a 'date'"),
    (
        b'[{"date": "2022-03-01", "tank": 5},\n{"date": "2022-03-02", "tank": "7O"}]',
        "demo.json line 2 (record 2, 2022-03-02): field 'tank': "
        "expected a whole number, got '7O' (text)",
    ),
    (
        b'[{"date": "2022-03-01", "tank": 5.5}]',
        "field 'tank': expected a whole number, got 5.5 (float)",
    ),
    (b'[{"date": "2022-03-01", "tank": true}]', "field 'tank': expected a whole number, got True"),
    (
        b'[{"date": "2022-03-01", "tank": -3}]',
        "field 'tank': a cumulative count cannot be negative",
    ),
    (
        b'[{"date": "2031-01-01", "tank": 5}]',
        "field 'date': 2031-01-01 is in the future (today is 2026-11-25)",
    ),
    (
        b'[{"date": "2022-02-23", "tank": 5}]',
        "field 'date': 2022-02-23 is before the full-scale invasion began",
    ),
    (b'[{"date": "2022-02-30", "tank": 5}]', "field 'date': '2022-02-30' is not a calendar date"),
    (
        b'[{"date": "01/03/2022", "tank": 5}]',
        "field 'date': expected a date like 2022-06-24, got '01/03/2022'",
    ),
    (b'[{"date": "2022-03-01", "tanks": 5}]', "unknown category 'tanks'"),
    (
        b'[{"date": "2022-03-01", "tank": 5},\n{"date": "2022-03-01", "tank": 6}]',
        "demo.json line 2 (record 2, 2022-03-01): date 2022-03-01 already appears in record 1",
    ),
    (b"[\xff]", "demo.json: not UTF-8 text (byte 1"),
]


@pytest.mark.parametrize(("content", "message"), BAD_JSON)
def test_bad_equipment_json_is_refused_with_a_one_line_message(
    content: bytes, message: str
) -> None:
    with pytest.raises(InputError) as caught:
        parse_general_staff_json(content, name="demo.json", today=TODAY)
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_unknown_personnel_qualifier_is_refused() -> None:
    content = b'[{"date": "2022-03-01", "personnel": 5710, "personnel*": "roughly"}]'
    with pytest.raises(InputError, match="field 'personnel\\*': unknown qualifier 'roughly'"):
        parse_general_staff_personnel_json(content, name="p.json", today=TODAY)


def test_personnel_in_the_equipment_file_is_an_unknown_category() -> None:
    with pytest.raises(InputError, match="unknown category 'personnel'"):
        parse_general_staff_json(b'[{"date": "2022-03-01", "personnel": 1}]', today=TODAY)


def test_structural_errors_are_source_format_errors() -> None:
    with pytest.raises(SourceFormatError):
        parse_general_staff_json(b"[{", name="x.json", today=TODAY)


HEADER = (
    "date,day,personnel,tanks,apv,artillery,mlrs,aaws,aircrafts,helicopters,uav,"
    "cruise_missiles,warships,vehicles_fuel_tanks,special_equipment,submarines"
)
ROW = "2022-06-24,121,34530,1507,3637,759,241,99,216,183,622,137,14,2553,60,"

BAD_CSV = [
    (HEADER.replace(",tanks", "") + "\n", "m.csv line 1: missing column 'tanks'"),
    (HEADER + ",ground_robots\n", "m.csv line 1: unknown category column 'ground_robots'"),
    (HEADER + ",tanks\n", "m.csv line 1: column 'tanks' appears twice"),
    ("", "m.csv: empty file"),
    (
        f"{HEADER}\n{ROW}\n{ROW.replace(',1507,', ',15O7,').replace('06-24', '06-25')}\n",
        "m.csv line 3: column 'tanks': expected a whole number, got '15O7'",
    ),
    (
        f"{HEADER}\n{ROW}\n{ROW.replace(',1507,', ',-4,').replace('06-24', '06-25')}\n",
        "m.csv line 3: column 'tanks': expected a whole number, got '-4'",
    ),
    (f"{HEADER}\n{ROW[:-1]}\n", "m.csv line 2: 15 fields, but the header has 16"),
    (
        f"{HEADER}\n{ROW.replace('2022-06-24', '2030-06-24')}\n",
        "m.csv line 2: field 'date': 2030-06-24 is in the future",
    ),
    (
        f"{HEADER}\n{ROW.replace('2022-06-24', '2021-06-24')}\n",
        "m.csv line 2: field 'date': 2021-06-24 is before the full-scale invasion",
    ),
    (f"{HEADER}\n{ROW}\n{ROW}\n", "m.csv line 3: date 2022-06-24 already appears on line 2"),
    (f'{HEADER}\n"2022-06-24,1\n', "m.csv line 2"),
]


@pytest.mark.parametrize(("text", "message"), BAD_CSV)
def test_bad_csv_is_refused_with_a_one_line_message(text: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_general_staff_csv(text.encode(), name="m.csv", today=TODAY)
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_lenient_parsing_skips_bad_rows_and_reports_each() -> None:
    text = "\n".join(
        [
            HEADER,
            ROW,
            ROW.replace("2022-06-24", "2022-06-25").replace(",1507,", ",x,"),
            ROW.replace("2022-06-24", "2099-01-01"),
            ROW.replace("2022-06-24", "2022-06-26"),
        ]
    )
    parsed = parse_general_staff_csv(text.encode(), name="m.csv", lenient=True, today=TODAY)
    assert sorted({r.as_of.isoformat() for r in parsed.records}) == ["2022-06-24", "2022-06-26"]
    assert [message.split(":")[0] for message in parsed.skipped] == ["m.csv line 3", "m.csv line 4"]


def test_lenient_parsing_still_refuses_a_broken_file() -> None:
    with pytest.raises(SourceFormatError, match="missing column"):
        parse_general_staff_csv(b"date,tanks\n2022-06-24,1\n", lenient=True, today=TODAY)


# --- importing into the ledger ----------------------------------------------------------


def json_inputs(**overrides: bytes) -> dict[str, tuple[str, bytes]]:
    files = {
        "equipment": "equipment.json",
        "personnel": "personnel.json",
        "corrections": "corrections.json",
    }
    return {role: (name, overrides.get(role, fixture(name))) for role, name in files.items()}


def test_both_transcriptions_import_as_separate_sources_of_one_claimant(ledger: Ledger) -> None:
    with ledger.transaction() as connection:
        stats = import_general_staff_json(connection, json_inputs(), today=TODAY)
        csv_stats = import_general_staff_csv(
            connection, "minfin.csv", fixture("minfin.csv"), today=TODAY
        )
    assert {role: s["inserted"] for role, s in stats.items()} == {
        "equipment": 119,
        "personnel": 12,
        "corrections": 13,
    }
    assert csv_stats["inserted"] == 129
    with ledger.connect() as connection:
        json_tanks = read_series(connection, category="tanks", source="gs-petroivaniuk")
        csv_tanks = read_series(connection, category="tanks", source="gs-minfin")
    assert (
        [r.value for r in json_tanks][-4:]
        == [r.value for r in csv_tanks][-4:]
        == [1504, 1507, 1511, 1532]
    )
    assert json_tanks[-1].provenance == "equipment.json"


def test_reimporting_the_same_files_is_skipped_and_changes_nothing(ledger: Ledger) -> None:
    with ledger.transaction() as connection:
        import_general_staff_json(connection, json_inputs(), today=TODAY)
    before = (count_rows(ledger), count_rows(ledger, imports))
    with ledger.transaction() as connection:
        again = import_general_staff_json(connection, json_inputs(), today=TODAY)
    assert {s["status"] for s in again.values()} == {"unchanged input"}
    assert (count_rows(ledger), count_rows(ledger, imports)) == before


def test_a_changed_file_revises_only_the_changed_figures(ledger: Ledger) -> None:
    with ledger.transaction() as connection:
        import_general_staff_csv(connection, "minfin.csv", fixture("minfin.csv"), today=TODAY)
    edited = fixture("minfin.csv").replace(
        b"2022-06-25,122,34700,1511,", b"2022-06-25,122,34700,1510,"
    )
    with ledger.transaction() as connection:
        stats = import_general_staff_csv(connection, "minfin-v2.csv", edited, today=TODAY)
    assert (stats["inserted"], stats["revised"], stats["unchanged"]) == (0, 1, 128)
    assert stats["revisions"][0]["old"] == 1511 and stats["revisions"][0]["new"] == 1510
    with ledger.connect() as connection:
        rows = read_series(
            connection, category="tanks", source="gs-minfin", date_from=dt.date(2022, 6, 25)
        )
        history = list_imports(connection, source="gs-minfin")
    assert [(r.value, r.revision, r.provenance) for r in rows[:1]] == [(1510, 2, "minfin-v2.csv")]
    assert [h.input for h in history] == ["minfin-v2.csv", "minfin.csv"]


def test_a_bad_file_in_a_json_import_leaves_the_ledger_untouched(ledger: Ledger) -> None:
    bad = json.dumps([{"date": "2022-03-01", "personnel": "lots"}]).encode()
    with (
        pytest.raises(InputError, match=r"personnel.json line 1 \(record 1, 2022-03-01\)"),
        ledger.transaction() as connection,
    ):
        import_general_staff_json(connection, json_inputs(personnel=bad), today=TODAY)
    assert (count_rows(ledger), count_rows(ledger, imports)) == (0, 0)


def test_lenient_import_records_the_skipped_rows(ledger: Ledger) -> None:
    edited = fixture("minfin.csv").replace(
        b"2022-06-25,122,34700,1511,", b"2022-06-25,122,34700,?,"
    )
    with ledger.transaction() as connection:
        stats = import_general_staff_csv(connection, "m.csv", edited, lenient=True, today=TODAY)
    assert stats["skipped"] == ["m.csv line 11: column 'tanks': expected a whole number, got '?'"]
    assert stats["records"] == 129 - 13


def test_bundled_snapshot_imports_and_reimports_as_a_no_op(sqlite_ledger: Ledger) -> None:
    with sqlite_ledger.transaction() as connection:
        first = import_bundled_general_staff_json(connection)
        csv_first = import_bundled_general_staff_csv(connection)
    assert sum(s["inserted"] for s in first.values()) + csv_first["inserted"] == 44648
    with sqlite_ledger.transaction() as connection:
        second = import_bundled_general_staff_json(connection)
    assert {s["status"] for s in second.values()} == {"unchanged input"}
    assert count_rows(sqlite_ledger) == 44648


def test_bundled_snapshot_does_not_roll_back_a_newer_sync(ledger: Ledger) -> None:
    newer = (
        BUNDLED_FILES["csv"].read_bytes()
        + b"2026-08-23,1643,1476000,12300,25180,48400,2055,1585,439,354,"
        + b"475000,5050,35,138000,4570,2\n"
    )
    with ledger.transaction() as connection:
        import_general_staff_csv(connection, "https://example.org/russia_losses.csv", newer)
        stats = import_bundled_general_staff_csv(connection)
    assert stats["status"] == "skipped: the ledger holds a newer import"
