"""`import oryx`, `import oryx-totals`, `evidence` and `compare` through the CLI runner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlalchemy as sa
from pytest_httpserver import HTTPServer
from typer.testing import CliRunner

from attrition.cli import app
from attrition.ledger import Ledger
from attrition.ledger.schema import evidence_items

FIXTURES = Path(__file__).parent / "fixtures"
ORYX = FIXTURES / "oryx"
runner = CliRunner()


def run(ledger: Ledger, *args: str) -> tuple[int, str, str]:
    db = ledger.engine.url.render_as_string(hide_password=False)
    result = runner.invoke(app, [*args, "--db", db])
    return result.exit_code, result.stdout, result.stderr


def items_in(ledger: Ledger) -> int:
    with ledger.connect() as connection:
        query = sa.select(sa.func.count()).select_from(evidence_items)
        return int(connection.execute(query).scalar_one())


def test_import_oryx_json_has_items_categories_and_mismatches(ledger: Ledger) -> None:
    code, out, err = run(ledger, "import", "oryx", str(ORYX / "excerpt-2022-06-27.html"), "--json")
    assert code == 0, err
    report = json.loads(out)
    assert report["items"] == 128 == items_in(ledger)
    assert report["categories"] == {
        "Tanks": {"stated": 37, "parsed": 37},
        "Towed Artillery": {"stated": 28, "parsed": 28},
        "Surface-To-Air Missile Systems": {"stated": 4, "parsed": 4},
        "Helicopters": {"stated": 48, "parsed": 48},
        "Naval Ships": {"stated": 10, "parsed": 10},
        "Trucks, Vehicles and Jeeps": {"stated": 1, "parsed": 1},
    }
    assert report["mismatches"] == [
        {
            "scope": "status",
            "oryx_category": "Helicopters",
            "model": None,
            "status": "abandoned",
            "stated": 1,
            "parsed": 0,
            "difference": -1,
        },
        {
            "scope": "model",
            "oryx_category": "Trucks, Vehicles and Jeeps",
            "model": "KrAZ-255B",
            "status": None,
            "stated": 3,
            "parsed": 1,
            "difference": -2,
        },
    ]
    assert (report["snapshot_date"], report["ledger"]["new"]) == ("2022-06-27", 128)


def test_import_oryx_for_people_names_every_mismatch(ledger: Ledger) -> None:
    code, out, err = run(ledger, "import", "oryx", str(ORYX / "excerpt-2022-06-27.html"))
    assert code == 0, err
    assert "128 items (RU, snapshot 2022-06-27) — 128 new" in out, out
    assert "2 place(s) where the page's own totals disagree" in out, out
    assert "model    Trucks, Vehicles and Jeeps / KrAZ-255B: states 3, lists 1" in out, out
    code, again, err = run(ledger, "import", "oryx", str(ORYX / "excerpt-2022-06-27.html"))
    assert code == 0 and "unchanged input" in again, again + err


def test_a_refused_page_is_one_line_on_stderr_and_imports_nothing(ledger: Ledger) -> None:
    code, out, err = run(ledger, "import", "oryx", str(ORYX / "changed-layout.html"))
    assert code == 2
    assert err.startswith("Error: changed-layout.html: no category headings with stated totals")
    assert "Traceback" not in err + out
    assert items_in(ledger) == 0


def test_import_oryx_needs_a_page_or_a_url(ledger: Ledger) -> None:
    code, _out, err = run(ledger, "import", "oryx")
    assert code == 2 and "give either a saved PAGE or --url" in err


def test_import_oryx_downloads_the_page_from_a_url(
    ledger: Ledger, httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ATTRITION_ALLOW_HOSTS", "127.0.0.1")
    body = (ORYX / "excerpt-2023-06-24.html").read_bytes()
    httpserver.expect_request("/oryx.html").respond_with_data(body, content_type="text/html")
    code, out, err = run(
        ledger, "import", "oryx", "--url", httpserver.url_for("/oryx.html"), "--json"
    )
    assert code == 0, err
    report = json.loads(out)
    assert (report["input"], report["items"]) == (httpserver.url_for("/oryx.html"), 74)


def test_snapshot_date_option_overrides_the_page_date(ledger: Ledger) -> None:
    page = str(ORYX / "excerpt-2023-06-24.html")
    code, out, err = run(ledger, "import", "oryx", page, "--snapshot-date", "2023-06-26", "--json")
    assert code == 0, err
    assert json.loads(out)["snapshot_date"] == "2023-06-26"


def test_evidence_lists_items_with_their_proof_links(ledger: Ledger) -> None:
    run(ledger, "import", "oryx", str(ORYX / "excerpt-2025-04-15.html"))
    code, out, err = run(ledger, "evidence", "tanks", "--model", "T-54", "--json")
    assert code == 0, err
    assert json.loads(out) == [
        {
            "source": "oryx",
            "item_key": "RU|tanks|t-54-3m|destroyed|1",
            "side": "RU",
            "category": "tanks",
            "source_category": "Tanks",
            "model": "T-54-3M",
            "status": "destroyed",
            "counted_as": "destroyed",
            "detail": None,
            "item_number": 1,
            "proof_url": "https://i.postimg.cc/zBC4NPVv/1032-unkn-t55-destr-18-02-24.jpg",
            "date_hint": "2024-02-18",
            "first_seen": "2025-04-15",
            "last_seen": "2025-04-15",
            "disappeared_on": None,
        },
        {
            "source": "oryx",
            "item_key": "RU|tanks|t-54-3m|abandoned|1",
            "side": "RU",
            "category": "tanks",
            "source_category": "Tanks",
            "model": "T-54-3M",
            "status": "damaged and abandoned",
            "counted_as": "abandoned",
            "detail": None,
            "item_number": 1,
            "proof_url": "https://i.postimg.cc/s29RHpfN/1036-T-54-3-M-dam-aband-21-02-24.jpg",
            "date_hint": "2024-02-21",
            "first_seen": "2025-04-15",
            "last_seen": "2025-04-15",
            "disappeared_on": None,
        },
    ]


def test_evidence_for_people_counts_by_status_and_shows_details(ledger: Ledger) -> None:
    run(ledger, "import", "oryx", str(ORYX / "excerpt-2025-04-15.html"))
    code, out, err = run(ledger, "evidence", "ships", "--status", "destroyed")
    assert code == 0, err
    assert out.startswith("20 items: 20 destroyed"), out  # 21 minus the submarine
    assert "sunk (Moskva)" in out, out
    code, out, _ = run(ledger, "evidence", "submarines", "--csv")
    header, row = out.strip().splitlines()
    assert header.startswith("source,side,category,source_category,model,item_number,status")
    assert "Project 636.3 Improved Kilo-class submarine" in row


def test_evidence_refuses_an_unknown_side(ledger: Ledger) -> None:
    code, _out, err = run(ledger, "evidence", "tanks", "--side", "RUS")
    assert code == 2 and "--side 'RUS': expected one of RU, UA" in err


def test_evidence_leaves_out_gone_items_unless_asked(ledger: Ledger) -> None:
    run(ledger, "import", "oryx", str(ORYX / "excerpt-2022-06-27.html"))
    run(ledger, "import", "oryx", str(ORYX / "excerpt-2023-06-24.html"))
    _code, current, _ = run(ledger, "evidence", "helicopters")
    _code, everything, _ = run(ledger, "evidence", "helicopters", "--all", "--json")
    assert "No evidence items for 'helicopters'" in current
    assert {item["disappeared_on"] for item in json.loads(everything)} == {"2023-06-24"}


def _fill(ledger: Ledger) -> None:
    for args in (
        ("import", "general-staff-csv", str(FIXTURES / "official" / "minfin.csv")),
        ("import", "oryx-totals", str(ORYX / "daily-totals-excerpt.csv")),
    ):
        code, out, err = run(ledger, *args)
        assert code == 0, out + err


def test_compare_tanks_on_2022_06_25_shows_1511_claimed_against_789_confirmed(
    ledger: Ledger,
) -> None:
    _fill(ledger)
    code, out, err = run(ledger, "compare", "tanks", "--from", "2022-06-25", "--to", "2022-06-26")
    assert code == 0, err
    rows = [line.split("│")[1:6] for line in out.splitlines() if "2022-06-2" in line]
    assert [[cell.strip() for cell in row] for row in rows] == [
        ["2022-06-25", "1,511", "789", "1.92", "2022-06-21"],
        ["2022-06-26", "1,532", "789", "1.94", ""],
    ], out
    assert "Confirmed = Tanks" in out


def test_compare_json_csv_and_png(ledger: Ledger, tmp_path: Path) -> None:
    _fill(ledger)
    args = ("compare", "tanks", "--from", "2022-06-25", "--to", "2022-06-25")
    code, out, err = run(ledger, *args, "--json")
    assert code == 0, err
    assert json.loads(out)["points"] == [
        {
            "date": "2022-06-25",
            "claimed": 1511,
            "confirmed": 789,
            "confirmed_date": "2022-06-21",
            "carried_forward": True,
            "ratio": 1.915,
        }
    ]
    code, out, _ = run(ledger, *args, "--csv")
    assert out.splitlines() == [
        "date,claimed,confirmed,confirmed_date,carried_forward,ratio",
        "2022-06-25,1511,789,2022-06-21,True,1.915",
    ]
    chart = tmp_path / "tanks.png"
    code, out, err = run(ledger, "compare", "tanks", "--png", str(chart))
    assert code == 0, err
    assert chart.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert f"Chart written to {chart}" in out.replace("\n", "")


def test_compare_refuses_a_category_oryx_does_not_count(ledger: Ledger) -> None:
    code, _out, err = run(ledger, "compare", "special_equipment")
    assert code == 2
    assert "Oryx has no counterpart for 'special_equipment'" in err
