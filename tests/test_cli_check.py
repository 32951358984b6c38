"""``attrition check`` and ``attrition recheck`` through the CLI runner, on a small real ledger."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import sqlalchemy as sa
from pytest_httpserver import HTTPServer
from typer.testing import CliRunner

from attrition.cli import app
from attrition.ledger import Ledger, ObservationRecord, ensure_source, upsert_observations
from attrition.ledger.claims import read_claims
from attrition.ledger.schema import documents

# Our own test article: four General Staff figures of the 2022-06-25 report, one of
# them misquoted (the artillery figure cut short), and a rate nobody publishes.
ARTICLE = (
    "Russian losses mount, says Kyiv\n"
    "Ukraine's General Staff said on Saturday that Russia had lost 1,511 tanks, "
    "3,645 armoured vehicles and 75 artillery systems since the invasion began.\n"
    "A Ukrainian official said separately that his forces were losing about 100 soldiers a day.\n"
)
SERIES = {
    "tanks": [1_496, 1_507, 1_511, 1_532],
    "afv": [3_600, 3_637, 3_645, 3_659],
    "artillery": [755, 759, 764, 764],
}
FIRST_DAY = dt.date(2022, 6, 23)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def db(tmp_path: Path) -> str:
    """A ledger holding a few days of the General Staff's tally."""
    url = f"sqlite:///{tmp_path / 'ledger.db'}"
    ledger = Ledger.open(url)
    records = [
        ObservationRecord("RU", category, FIRST_DAY + dt.timedelta(days=i), value)
        for category, values in SERIES.items()
        for i, value in enumerate(values)
    ]
    with ledger.transaction() as connection:
        upsert_observations(connection, ensure_source(connection, "gs-petroivaniuk"), records)
    ledger.dispose()
    return url


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def stored(db: str) -> tuple[int, int]:
    """(documents, claims) in the ledger."""
    ledger = Ledger.open(db)
    with ledger.connect() as connection:
        count = connection.execute(sa.select(sa.func.count()).select_from(documents)).scalar_one()
        claims = read_claims(connection, retired=True)
    ledger.dispose()
    return int(count), len(claims)


def test_check_prints_each_figure_with_its_verdict(
    runner: CliRunner, db: str, article: Path
) -> None:
    result = runner.invoke(app, ["check", str(article), "--published", "2022-06-26", "--db", db])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Russian losses mount, says Kyiv (2022-06-26)" in out
    assert "4 figures: 2 match, 1 contradicts, 1 unverifiable" in out
    assert "contradicts" in out and "expected 764" in out
    assert "75 looks like 759 (2022-06-24) with its last digits cut off" in " ".join(out.split())
    assert "Stored as document 1." in out
    assert stored(db) == (1, 4)


def test_check_json_lists_the_schema_fields_and_the_verdict(
    runner: CliRunner, db: str, article: Path
) -> None:
    result = runner.invoke(
        app, ["check", str(article), "--published", "2022-06-26", "--db", db, "--json"]
    )
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    artillery = next(row for row in rows if row["category"] == "artillery")
    assert {
        key: artillery[key]
        for key in ("subject", "value", "qualifier", "basis", "claimant", "verdict", "expected")
    } == {
        "subject": "RU",
        "value": 75,
        "qualifier": "exact",
        "basis": "cumulative",
        "claimant": "UA_GENERAL_STAFF",
        "verdict": "contradicts",
        "expected": 764,
    }
    for key in ("category", "low", "high", "as_of", "matched_date", "explanation"):
        assert key in artillery
    tanks = next(row for row in rows if row["category"] == "tanks")
    assert (tanks["verdict"], tanks["matched_date"]) == ("match", "2022-06-25")


def test_check_claimreview_prints_json_ld(runner: CliRunner, db: str, article: Path) -> None:
    result = runner.invoke(
        app, ["check", str(article), "--published", "2022-06-26", "--db", db, "--claimreview"]
    )
    assert result.exit_code == 0, result.output
    reviews = json.loads(result.stdout)
    assert {review["@type"] for review in reviews} == {"ClaimReview"}
    assert all(review["author"]["name"] == "attrition (automated check)" for review in reviews)


def test_check_html_writes_a_self_contained_report(
    runner: CliRunner, db: str, article: Path, tmp_path: Path
) -> None:
    report = tmp_path / "report.html"
    result = runner.invoke(
        app, ["check", str(article), "--published", "2022-06-26", "--db", db, "--html", str(report)]
    )
    assert result.exit_code == 0, result.output
    page = report.read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>")
    assert '<mark class="v-contradicts"' in page


def test_check_reads_stdin_and_stores_nothing_with_no_store(runner: CliRunner, db: str) -> None:
    result = runner.invoke(
        app,
        ["check", "-", "--published", "2022-06-26", "--db", db, "--no-store", "--json"],
        input=ARTICLE,
    )
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)) == 4
    assert stored(db) == (0, 0)


def test_check_fetches_a_url_and_reads_its_main_text(
    runner: CliRunner, db: str, httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ATTRITION_ALLOW_HOSTS", "127.0.0.1")
    body = "".join(f"<p>{line}</p>" for line in ARTICLE.splitlines()[1:])
    html = (
        "<html><head><title>Russian losses mount</title></head><body>"
        "<nav>Home | World | Sport</nav>"
        f"<article><h1>Russian losses mount, says Kyiv</h1>{body}</article></body></html>"
    )
    httpserver.expect_request("/news/losses").respond_with_data(html, content_type="text/html")
    url = httpserver.url_for("/news/losses")
    result = runner.invoke(app, ["check", url, "--published", "2022-06-26", "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    verdicts = sorted(row["verdict"] for row in json.loads(result.stdout))
    assert verdicts == ["contradicts", "match", "match", "unverifiable"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the input is empty"),
        (b"   \n\t ", "the input is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "not text (binary data)"),
    ],
)
def test_bad_files_are_refused_with_a_message_and_nothing_stored(
    runner: CliRunner, db: str, tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "input.txt"
    path.write_bytes(content)
    result = runner.invoke(app, ["check", str(path), "--db", db])
    assert result.exit_code == 2, result.output
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert stored(db) == (0, 0)


def test_an_html_page_without_an_article_is_refused(
    runner: CliRunner, db: str, tmp_path: Path
) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><body><nav>Home</nav></body></html>", encoding="utf-8")
    result = runner.invoke(app, ["check", str(path), "--db", db])
    assert result.exit_code == 2, result.output
    assert "no main text" in result.stderr
    assert stored(db) == (0, 0)


def test_a_missing_file_is_named(runner: CliRunner, db: str, tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", str(tmp_path / "nope.txt"), "--db", db])
    assert result.exit_code == 2
    assert "nope.txt: no such file" in result.stderr


def test_a_refused_url_is_reported_and_nothing_stored(runner: CliRunner, db: str) -> None:
    result = runner.invoke(app, ["check", "http://127.0.0.1:9/article", "--db", db])
    assert result.exit_code == 4, result.output
    assert "refused" in result.stderr and "non-public address" in result.stderr
    assert stored(db) == (0, 0)


def test_an_unreachable_url_is_reported_and_nothing_stored(
    runner: CliRunner, db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ATTRITION_ALLOW_HOSTS", "127.0.0.1")
    result = runner.invoke(app, ["check", "http://127.0.0.1:9/article", "--db", db])
    assert result.exit_code == 4, result.output
    assert "cannot fetch" in result.stderr
    assert stored(db) == (0, 0)


def test_a_bad_published_date_is_refused(runner: CliRunner, db: str, article: Path) -> None:
    result = runner.invoke(app, ["check", str(article), "--published", "26/06/2022", "--db", db])
    assert result.exit_code == 2
    assert "--published '26/06/2022': expected a date as YYYY-MM-DD" in result.stderr


def test_an_empty_ledger_is_a_configuration_error(
    runner: CliRunner, article: Path, tmp_path: Path
) -> None:
    result = runner.invoke(app, ["check", str(article), "--db", f"sqlite:///{tmp_path / 'e.db'}"])
    assert result.exit_code == 5
    assert "attrition import --bundled" in result.stderr


def test_recheck_after_the_ledger_changed_updates_verdicts_and_keeps_history(
    runner: CliRunner, db: str, article: Path
) -> None:
    first = runner.invoke(app, ["check", str(article), "--published", "2022-06-26", "--db", db])
    assert first.exit_code == 0, first.output
    same = runner.invoke(app, ["recheck", "--db", db, "--json"])
    assert same.exit_code == 0, same.output
    assert (json.loads(same.stdout)["claims"], json.loads(same.stdout)["changed"]) == (4, 0)
    ledger = Ledger.open(db)
    with ledger.transaction() as connection:
        # The transcription is corrected: the 2022-06-25 report said 75 after all.
        upsert_observations(
            connection,
            ensure_source(connection, "gs-petroivaniuk"),
            [ObservationRecord("RU", "artillery", dt.date(2022, 6, 25), 75)],
        )
    ledger.dispose()
    changed = runner.invoke(app, ["recheck", "--db", db])
    assert changed.exit_code == 0, changed.output
    assert "1 verdicts changed, 3 unchanged" in changed.stdout
    ledger = Ledger.open(db)
    with ledger.connect() as connection:
        artillery = next(c for c in read_claims(connection, history=True) if c.value == 75)
    ledger.dispose()
    assert [v.verdict for v in artillery.history] == ["contradicts", "match"]
    assert [v.current for v in artillery.history] == [False, True]


def test_extract_resolve_dates_fills_the_report_day(
    runner: CliRunner, db: str, tmp_path: Path
) -> None:
    path = tmp_path / "undated.txt"
    path.write_text("Kyiv says Russia has lost 3,645 armoured vehicles and 1,511 tanks.\n", "utf-8")
    result = runner.invoke(app, ["extract", str(path), "--resolve-dates", "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    assert {(c["category"], c["as_of"]) for c in json.loads(result.stdout)} == {
        ("afv", "2022-06-25"),
        ("tanks", "2022-06-25"),
    }


def test_extract_resolve_dates_on_a_ledger_without_series_uses_the_bundled_snapshot(
    runner: CliRunner, tmp_path: Path
) -> None:
    path = tmp_path / "undated.txt"
    path.write_text("Kyiv says Russia has lost 3,645 armoured vehicles and 1,511 tanks.\n", "utf-8")
    empty = f"sqlite:///{tmp_path / 'new.db'}"
    result = runner.invoke(app, ["extract", str(path), "--resolve-dates", "--db", empty, "--json"])
    assert result.exit_code == 0, result.output
    assert {(c["category"], c["as_of"]) for c in json.loads(result.stdout)} == {
        ("afv", "2022-06-25"),
        ("tanks", "2022-06-25"),
    }
    assert "holds no General Staff series" in result.stderr
    assert "bundled snapshot" in result.stderr


@pytest.mark.parametrize(
    ("artillery", "expected"),
    [
        ("nearly 800", "2022-06-25"),  # no day equals it: a rounded figure of the same report
        ("755", None),  # it equals an older report's figure, not this one's
    ],
)
def test_extract_resolve_dates_dates_an_unmatched_figure_of_the_same_report(
    runner: CliRunner, db: str, tmp_path: Path, artillery: str, expected: str | None
) -> None:
    path = tmp_path / "rounded.txt"
    lost = f"3,645 armoured vehicles, 1,511 tanks and {artillery} artillery systems"
    text = f"Kyiv says Russia has lost {lost}.\n"
    path.write_text(text, "utf-8")
    result = runner.invoke(app, ["extract", str(path), "--resolve-dates", "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    days = {c["category"]: c["as_of"] for c in json.loads(result.stdout)}
    assert days == {"afv": "2022-06-25", "tanks": "2022-06-25", "artillery": expected}
