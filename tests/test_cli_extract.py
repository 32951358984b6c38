"""``attrition extract``: files, HTML, stdin and the JSONL batch format score.py reads."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from attrition.cli import app

FIXTURES = Path(__file__).parent / "fixtures"
SEED = FIXTURES / "articles" / "express-2022-06-putins-losses-exposed.txt"
SENTENCE = (
    "Russia has lost 1,511 tanks since the start of the war, the General Staff said on Friday.\n"
)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_json_output_lists_every_claim_with_its_span(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_text(SENTENCE, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path), "--json", "--published", "2022-06-25"])
    assert result.exit_code == 0, result.output
    claims = json.loads(result.stdout)
    assert [
        (c["subject"], c["category"], c["value"], c["claimant"], c["as_of"]) for c in claims
    ] == [("RU", "tanks", 1511, "UA_GENERAL_STAFF", "2022-06-24")]
    assert SENTENCE[claims[0]["start"] : claims[0]["end"]] == "1,511 tanks"


def test_table_output_names_the_file_and_the_figures(runner: CliRunner) -> None:
    result = runner.invoke(app, ["extract", str(SEED)])
    assert result.exit_code == 0, result.output
    assert "11 claim(s)" in result.stdout
    assert "UA_GOV" in result.stdout and "3,645" in result.stdout


def test_stdin_is_read_with_a_dash(runner: CliRunner) -> None:
    result = runner.invoke(app, ["extract", "-", "--json"], input=SENTENCE)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)[0]["value"] == 1511


def test_html_page_is_reduced_to_its_main_text(runner: CliRunner, tmp_path: Path) -> None:
    body = "".join(
        f"<p>Filler paragraph number {i} about the weather and markets.</p>" for i in range(6)
    )
    page = (
        "<html><head><title>Russia has lost 1,511 tanks, Kyiv says</title></head><body>"
        "<nav>Home | World | 2,000 subscribers</nav><article><h1>Losses</h1>"
        f"<p>{SENTENCE}</p>{body}</article></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path), "--json"])
    assert result.exit_code == 0, result.output
    values = [c["value"] for c in json.loads(result.stdout)]
    assert values == [1511]


def test_jsonl_batch_writes_one_line_per_record_in_input_order(
    runner: CliRunner, tmp_path: Path
) -> None:
    path = tmp_path / "batch.jsonl"
    records = [
        {"id": "b", "text": SENTENCE, "published": "2022-06-25", "lang": "en"},
        {"id": "a", "text": "Nothing to see here, 2024 was a year."},
        {
            "id": "c",
            "text": "Ukraine has lost up to 650 soldiers in the past 24 hours, "
            "Russia's defence ministry said.",
        },
    ]
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", "--jsonl", str(path)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["id"] for line in lines] == ["b", "a", "c"]
    assert lines[1]["claims"] == []
    claim = lines[2]["claims"][0]
    assert (
        claim["subject"],
        claim["value"],
        claim["qualifier"],
        claim["basis"],
        claim["claimant"],
    ) == (
        "UA",
        650,
        "under",
        "daily",
        "RU_MOD",
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"id": "x", "text": "a"}\n{"id": "y", "text": ', "batch.jsonl:2: not JSON"),
        ('{"id": "x"}\n', 'batch.jsonl:1: field "text" is missing'),
        ('{"text": "a"}\n', 'batch.jsonl:1: field "id" is missing'),
        ('["x"]\n', "batch.jsonl:1: expected a JSON object"),
        ('{"id": "x", "text": 5}\n', 'batch.jsonl:1: field "text" must be a string'),
    ],
)
def test_bad_jsonl_lines_are_named_by_file_line_and_field(
    runner: CliRunner, tmp_path: Path, content: str, message: str
) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_text(content, encoding="utf-8")
    result = runner.invoke(app, ["extract", "--jsonl", str(path)])
    assert result.exit_code == 2, result.output
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert result.stdout == ""


def test_missing_file_is_a_one_line_error(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", str(tmp_path / "nope.txt")])
    assert result.exit_code == 2
    assert "no such file" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_bad_published_date_is_rejected(runner: CliRunner) -> None:
    result = runner.invoke(app, ["extract", str(SEED), "--published", "25/06/2022"])
    assert result.exit_code == 2
    assert "expected a date as YYYY-MM-DD" in result.stderr


def test_binary_junk_is_read_with_replacement_not_a_traceback(
    runner: CliRunner, tmp_path: Path
) -> None:
    path = tmp_path / "junk.txt"
    path.write_bytes(bytes(range(256)) * 20 + b"\xff\xfe 300 tanks destroyed")
    result = runner.invoke(app, ["extract", str(path), "--json"])
    assert result.exit_code == 0, result.output
    assert isinstance(json.loads(result.stdout), list)


def test_a_language_without_a_lexicon_is_read_as_english_with_one_note(
    runner: CliRunner, tmp_path: Path
) -> None:
    batch = tmp_path / "batch.jsonl"
    records = [{"id": str(k), "text": SENTENCE, "lang": "pl"} for k in range(3)]
    batch.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    result = runner.invoke(app, ["extract", "--jsonl", str(batch)])
    assert result.exit_code == 0, result.output
    assert [len(json.loads(line)["claims"]) for line in result.stdout.splitlines()] == [1, 1, 1]
    assert result.stderr.count("no lexicon for language 'pl'") == 1
    assert f"{batch}:1:" in result.stderr


def test_a_known_language_gets_no_note(runner: CliRunner) -> None:
    result = runner.invoke(app, ["extract", "-", "--lang", "de-AT", "--json"], input=SENTENCE)
    assert result.exit_code == 0, result.output
    assert "no lexicon" not in result.stderr
