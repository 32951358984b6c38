"""Exports stream observations or the reconciled series to CSV, JSON and Parquet."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from attrition.cli import app
from attrition.errors import InputError
from attrition.export import OBSERVATION_COLUMNS, format_for, write_export
from attrition.ledger import Ledger
from attrition.sources.general_staff import import_general_staff_csv, import_general_staff_json

FIXTURES = Path(__file__).parent / "fixtures" / "official"
runner = CliRunner()
JAN = dt.datetime(2026, 1, 5, 9, tzinfo=dt.UTC)
FEB = dt.datetime(2026, 2, 5, 9, tzinfo=dt.UTC)


@pytest.fixture
def filled(ledger: Ledger) -> Ledger:
    """Both transcriptions of the fixture days, and one revised CSV figure."""
    original = (FIXTURES / "minfin.csv").read_bytes()
    with ledger.transaction() as connection:
        import_general_staff_csv(
            connection, "v1.csv", original.replace(b",1511,", b",1512,"), recorded_at=JAN
        )
        import_general_staff_json(
            connection,
            {"equipment": ("equipment.json", (FIXTURES / "equipment.json").read_bytes())},
            recorded_at=JAN,
        )
    with ledger.transaction() as connection:
        import_general_staff_csv(connection, "v2.csv", original, recorded_at=FEB)
    return ledger


def export(ledger: Ledger, *args: str) -> tuple[int, str, str]:
    db = ledger.engine.url.render_as_string(hide_password=False)
    result = runner.invoke(app, ["export", *args, "--db", db])
    return result.exit_code, result.stdout, result.stderr


def test_csv_export_of_one_category_has_a_header_and_every_current_row(filled: Ledger) -> None:
    code, out, err = export(filled, "--category", "tanks", "--source", "gs-minfin")
    assert code == 0, err
    rows = list(csv.DictReader(out.splitlines()))
    assert list(rows[0]) == [c.name for c in OBSERVATION_COLUMNS]
    assert len(rows) == 11
    june25 = next(r for r in rows if r["as_of"] == "2022-06-25")
    assert (
        june25["value"],
        june25["revision"],
        june25["provenance"],
        june25["provenance_row"],
    ) == (
        "1511",
        "2",
        "v2.csv",
        "line 11",
    )
    assert june25["recorded_at"] == "2026-02-05T09:00:00+00:00" and june25["superseded_at"] == ""


def test_json_export_with_every_revision_and_as_known_on(filled: Ledger, tmp_path: Path) -> None:
    every = tmp_path / "every.json"
    code, _, err = export(
        filled, "--category", "tanks", "--source", "gs-minfin", "--all-revisions", "-o", str(every)
    )
    assert code == 0 and "Wrote 12 rows" in err
    rows = json.loads(every.read_text())
    assert [(r["value"], r["revision"]) for r in rows if r["as_of"] == "2022-06-25"] == [
        (1512, 1),
        (1511, 2),
    ]
    code, out, _ = export(
        filled,
        "--category",
        "tanks",
        "--source",
        "gs-minfin",
        "--format",
        "json",
        "--as-known-on",
        "2026-01-20",
    )
    assert [r["value"] for r in json.loads(out) if r["as_of"] == "2022-06-25"] == [1512]


def test_parquet_export_keeps_types_and_reads_back(filled: Ledger, tmp_path: Path) -> None:
    target = tmp_path / "ledger.parquet"
    code, _, err = export(filled, "-o", str(target))
    assert code == 0, err
    table = pq.read_table(target)
    assert table.num_rows == 129 + 119
    assert str(table.schema.field("as_of").type) == "date32[day]"
    assert str(table.schema.field("recorded_at").type) == "timestamp[us, tz=UTC]"
    first = table.slice(0, 1).to_pylist()[0]
    assert (first["source"], first["subject"], first["basis"]) == ("gs-minfin", "RU", "cumulative")
    assert not list(tmp_path.glob(".*.partial"))


def test_reconciled_export_names_the_supporting_transcriptions(filled: Ledger) -> None:
    code, out, err = export(filled, "--reconciled", "--category", "tanks", "--format", "csv")
    assert code == 0, err
    rows = {r["date"]: r for r in csv.DictReader(out.splitlines())}
    assert (
        rows["2022-06-26"]["value"],
        rows["2022-06-26"]["change"],
        rows["2022-06-26"]["sources"],
        rows["2022-06-26"]["status"],
    ) == (
        "1532",
        "21",
        "gs-minfin+gs-petroivaniuk",
        "agreed",
    )
    assert rows["2022-02-24"]["status"] == "single"


def test_parquet_needs_an_output_file_and_unknown_formats_are_refused() -> None:
    with pytest.raises(InputError, match="Parquet is binary"):
        format_for(None, "parquet")
    with pytest.raises(InputError, match="unknown export format 'xlsx'"):
        format_for(Path("out.xlsx"), None)
    assert format_for(Path("out.JSON"), None) == "json"
    assert format_for(None, None) == "csv"


def test_a_failed_export_leaves_no_file_behind(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"

    def rows():
        yield {c.name: None for c in OBSERVATION_COLUMNS}
        raise RuntimeError("database went away")

    with pytest.raises(RuntimeError):
        write_export(rows(), OBSERVATION_COLUMNS, fmt="csv", path=target)
    assert list(tmp_path.iterdir()) == []


def test_parquet_is_written_in_batches(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("attrition.export.PARQUET_BATCH_ROWS", 3)
    rows = [{c.name: None for c in OBSERVATION_COLUMNS} | {"value": i} for i in range(10)]
    target = tmp_path / "x.parquet"
    assert write_export(iter(rows), OBSERVATION_COLUMNS, fmt="parquet", path=target) == 10
    assert pq.read_table(target).column("value").to_pylist() == list(range(10))
    assert pq.ParquetFile(target).metadata.num_row_groups == 4
