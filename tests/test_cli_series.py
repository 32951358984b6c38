"""The series, history, reconcile and import commands, through the CLI runner."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from typer.testing import CliRunner

from attrition.cli import app
from attrition.ledger import Ledger
from attrition.ledger.schema import observations
from attrition.sources.general_staff import (
    import_bundled_general_staff_csv,
    import_bundled_general_staff_json,
    import_general_staff_csv,
)

FIXTURES = Path(__file__).parent / "fixtures" / "official"
runner = CliRunner()


def url_of(ledger: Ledger) -> str:
    return ledger.engine.url.render_as_string(hide_password=False)


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def bundled_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    path = tmp_path_factory.mktemp("cli") / "ledger.db"
    ledger = Ledger.open(f"sqlite:///{path}")
    with ledger.transaction() as connection:
        import_bundled_general_staff_json(connection)
        import_bundled_general_staff_csv(connection)
    ledger.dispose()
    yield f"sqlite:///{path}"


def test_series_shows_the_tanks_of_late_june_2022_with_daily_changes(bundled_url: str) -> None:
    code, out, err = run(
        "series", "tanks", "--from", "2022-06-24", "--to", "2022-06-26", "--db", bundled_url
    )
    assert code == 0, err
    lines = [line for line in out.splitlines() if "2022-06-2" in line]
    assert [line.split("│")[1:4] for line in lines] == [
        [" 2022-06-24 ", " 1,507 ", " +3     "],
        [" 2022-06-25 ", " 1,511 ", " +4     "],
        [" 2022-06-26 ", " 1,532 ", " +21    "],
    ], out


def test_series_json_is_a_list_of_date_value_change_source(bundled_url: str) -> None:
    code, out, err = run(
        "series",
        "tanks",
        "--from",
        "2022-06-24",
        "--to",
        "2022-06-26",
        "--json",
        "--db",
        bundled_url,
    )
    assert code == 0, err
    assert json.loads(out) == [
        {"date": "2022-06-24", "value": 1507, "change": 3, "source": "gs-minfin+gs-petroivaniuk"},
        {"date": "2022-06-25", "value": 1511, "change": 4, "source": "gs-minfin+gs-petroivaniuk"},
        {"date": "2022-06-26", "value": 1532, "change": 21, "source": "gs-minfin+gs-petroivaniuk"},
    ]


def test_series_csv_and_daily_increments(bundled_url: str) -> None:
    code, out, _ = run(
        "series",
        "tanks",
        "--from",
        "2022-06-25",
        "--to",
        "2022-06-26",
        "--daily",
        "--csv",
        "--db",
        bundled_url,
    )
    assert code == 0
    assert out.splitlines() == [
        "date,value,change,source",
        "2022-06-25,4,1,gs-minfin+gs-petroivaniuk",
        "2022-06-26,21,17,gs-minfin+gs-petroivaniuk",
    ]


def test_series_marks_a_disputed_day_and_one_source_shows_its_own_value(bundled_url: str) -> None:
    args = ["series", "vehicles", "--from", "2024-09-24", "--to", "2024-09-24", "--db", bundled_url]
    code, out, _ = run(*args)
    assert code == 0 and "25,175" in out and "likely transcription error" in out, out
    code, out, _ = run(*args, "--source", "gs-minfin", "--json")
    assert json.loads(out) == [
        {"date": "2024-09-24", "value": 15175, "change": -9927, "source": "gs-minfin"}
    ]


def test_series_personnel_keeps_the_about_qualifier(bundled_url: str) -> None:
    code, out, _ = run(
        "series", "personnel", "--from", "2022-06-24", "--to", "2022-06-24", "--db", bundled_url
    )
    assert code == 0 and "about 34,530" in out, out


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["series", "tankz"], 3, "Error: unknown category 'tankz'"),
        (
            ["series", "tanks", "--from", "24/06/2022"],
            2,
            "Error: --from '24/06/2022': expected a date",
        ),
        (["series", "tanks", "--from", "2022-07-01", "--to", "2022-06-01"], 2, "is after --to"),
        (["series", "tanks", "--source", "oryx"], 3, "Error: no source 'oryx' in the ledger"),
        (["series", "killed"], 3, "Error: no killed figures of UA_GENERAL_STAFF for RU"),
        (["history", "tanks", "--date", "2021-01-01"], 3, "no tanks figure for RU on 2021-01-01"),
        (["reconcile", "--claimant", "RU_MOD"], 3, "Error: no series of RU_MOD in the ledger"),
    ],
)
def test_bad_requests_are_one_line_errors(
    bundled_url: str, args: list[str], code: int, message: str
) -> None:
    exit_code, out, err = run(*args, "--db", bundled_url)
    assert exit_code == code, out + err
    assert message in err and len(err.strip().splitlines()) == 1, err


def test_reconcile_json_has_the_stable_shape(bundled_url: str) -> None:
    code, out, err = run("reconcile", "--json", "--db", bundled_url)
    assert code == 0, err
    report = json.loads(out)
    assert list(report) == ["compared", "disagreements", "decreases", "outliers"]
    assert (report["compared"], len(report["disagreements"]), len(report["decreases"])) == (
        22049,
        143,
        8,
    )
    vehicles = next(d for d in report["disagreements"] if d["date"] == "2024-09-24")
    assert vehicles == {
        "date": "2024-09-24",
        "category": "vehicles",
        "values": {"gs-minfin": 15175, "gs-petroivaniuk": 25175},
        "resolved": 25175,
        "reason": "gs-petroivaniuk 25,175 fits between 25,102 on 2024-09-23 and 25,248 on "
        "2024-09-25; gs-minfin 15,175 does not (one digit differs)",
    }


def test_reconcile_for_people_summarises_then_lists(bundled_url: str) -> None:
    code, out, _ = run("reconcile", "--db", bundled_url)
    assert code == 0
    summary = " ".join(out.split())
    assert "Compared 22,049 values of UA_GENERAL_STAFF in 2 transcriptions" in summary
    assert "143 disagreements, 41 resolved, 102 unresolved; 8 decreases" in summary
    assert "(39 days)" in summary
    assert "the 25 strongest of" in summary


def test_reconcile_of_one_category(bundled_url: str) -> None:
    code, out, _ = run("reconcile", "--category", "tanks", "--json", "--db", bundled_url)
    assert code == 0
    report = json.loads(out)
    assert {d["category"] for d in report["disagreements"]} == {"tanks"}
    assert report["compared"] == 1626


# --- on both databases ------------------------------------------------------------------


def test_import_csv_command_reports_and_reimport_is_unchanged(ledger: Ledger) -> None:
    path = str(FIXTURES / "minfin.csv")
    code, out, err = run("import", "general-staff-csv", path, "--db", url_of(ledger))
    assert code == 0, err
    assert "129 records — 129 new, 0 revised, 0 unchanged" in " ".join(out.split())
    code, out, _ = run("import", "general-staff-csv", path, "--db", url_of(ledger), "--json")
    assert json.loads(out)["csv"]["status"] == "unchanged input"


def test_import_json_command_takes_all_three_files(ledger: Ledger) -> None:
    code, out, err = run(
        "import",
        "general-staff-json",
        str(FIXTURES / "equipment.json"),
        "--personnel",
        str(FIXTURES / "personnel.json"),
        "--corrections",
        str(FIXTURES / "corrections.json"),
        "--json",
        "--db",
        url_of(ledger),
    )
    assert code == 0, err
    stats = json.loads(out)
    assert {role: s["inserted"] for role, s in stats.items()} == {
        "equipment": 119,
        "personnel": 12,
        "corrections": 13,
    }


def test_a_bad_import_file_is_one_line_and_imports_nothing(ledger: Ledger, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_bytes((FIXTURES / "minfin.csv").read_bytes().replace(b",1511,", b",15l1,"))
    code, out, err = run("import", "general-staff-csv", str(bad), "--db", url_of(ledger))
    assert code == 2
    assert err.startswith(
        f"Error: {bad} line 11: column 'tanks': expected a whole number, got '15l1'"
    )
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in out + err
    with ledger.connect() as connection:
        assert (
            connection.execute(sa.select(sa.func.count()).select_from(observations)).scalar() == 0
        )


def test_lenient_import_reports_each_skipped_row(ledger: Ledger, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_bytes((FIXTURES / "minfin.csv").read_bytes().replace(b",1511,", b",15l1,"))
    code, out, err = run(
        "import", "general-staff-csv", str(bad), "--lenient", "--db", url_of(ledger)
    )
    assert code == 0
    assert "skipped" in err and "line 11" in err
    assert "116 records" in " ".join(out.split())


def test_missing_input_file_is_reported(ledger: Ledger) -> None:
    code, _, err = run("import", "general-staff-json", "/no/such/file.json", "--db", url_of(ledger))
    assert (code, err.strip()) == (3, "Error: no such file: /no/such/file.json")


def test_as_known_on_and_history_show_the_revisions(ledger: Ledger) -> None:
    original = (FIXTURES / "minfin.csv").read_bytes()
    revised = original.replace(b"2022-06-25,122,34700,1511,", b"2022-06-25,122,34700,1512,")
    with ledger.transaction() as connection:
        import_general_staff_csv(
            connection, "v1.csv", revised, recorded_at=dt.datetime(2026, 1, 5, 9, tzinfo=dt.UTC)
        )
    with ledger.transaction() as connection:
        import_general_staff_csv(
            connection, "v2.csv", original, recorded_at=dt.datetime(2026, 2, 5, 9, tzinfo=dt.UTC)
        )
    db = url_of(ledger)
    base = [
        "series",
        "tanks",
        "--source",
        "gs-minfin",
        "--from",
        "2022-06-25",
        "--to",
        "2022-06-25",
        "--json",
    ]
    _, then, _ = run(*base, "--as-known-on", "2026-01-31", "--db", db)
    _, now, _ = run(*base, "--db", db)
    code, _, err = run(*base, "--as-known-on", "2026-01-04", "--db", db)
    assert json.loads(then)[0]["value"] == 1512
    assert json.loads(now)[0]["value"] == 1511
    assert code == 3 and "as known on 2026-01-04" in err
    code, out, _ = run("history", "tanks", "--date", "2022-06-25", "--json", "--db", db)
    assert code == 0
    revisions = [(r["source"], r["revision"], r["value"], r["provenance"]) for r in json.loads(out)]
    assert revisions == [("gs-minfin", 1, 1512, "v1.csv"), ("gs-minfin", 2, 1511, "v2.csv")]
    code, out, _ = run("history", "tanks", "--date", "2022-06-25", "--db", db)
    assert code == 0 and "1,512" in out and "now" in out, out
