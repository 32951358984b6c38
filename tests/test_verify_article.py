"""Acceptance on the real seed article, against the ledger built from the bundled snapshot."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from attrition.errors import InputError
from attrition.ledger import Ledger
from attrition.settings import DATA_DIR
from attrition.verify import Verdict, VerifyContext, check, context_for, evaluate_claims

ARTICLE = DATA_DIR / "articles" / "express-2022-06-putins-losses-exposed.txt"
PUBLISHED = dt.date(2022, 6, 26)
REPORT = dt.date(2022, 6, 25)
GS = "UA_GENERAL_STAFF"


@dataclass(frozen=True)
class Claim:
    subject: str
    category: str
    value: int | None
    low: int | None = None
    high: int | None = None
    qualifier: str = "exact"
    basis: str = "cumulative"
    claimant: str | None = GS
    as_of: dt.date | None = None


# The seed article's figures as labelled (tests/golden), without the labels' as_of for
# General Staff figures, which the engine must find itself.
GOLD = [
    Claim("RU", "personnel", 35_000),
    Claim("RU", "tanks", 1_500),
    Claim("RU", "aircraft", 217),
    Claim("RU", "afv", 3_645),
    Claim("RU", "artillery", 75),
    Claim("RU", "mlrs", 241),
    Claim("RU", "vehicles", 2_560),
    Claim("RU", "killed", 1_351, claimant="RU_MOD", as_of=dt.date(2022, 3, 25)),
    Claim("UA", "killed", 100, qualifier="under", basis="rate", claimant="UA_GOV"),
    Claim("UA", "wounded", 500, qualifier="about", basis="rate", claimant="UA_GOV"),
    Claim("UA", "killed", None, low=60, high=100, basis="rate", claimant="UA_GOV"),
]


@pytest.fixture(scope="session")
def bundled_ledger(bundled_series_file: Path) -> Iterator[Ledger]:
    """The bundled series, imported once per session (read only here)."""
    ledger = Ledger.open(f"sqlite:///{bundled_series_file}")
    yield ledger
    ledger.dispose()


@pytest.fixture(scope="session")
def context(bundled_ledger: Ledger) -> VerifyContext:
    return context_for(bundled_ledger)


def by_figure(verdicts: list[Verdict]) -> dict[tuple[str, int | None], Verdict]:
    return {(v.category, v.value if v.value is not None else v.low): v for v in verdicts}


def assert_acceptance(verdicts: dict[tuple[str, int | None], Verdict]) -> None:
    for key in [("afv", 3_645), ("mlrs", 241), ("vehicles", 2_560), ("aircraft", 217)]:
        verdict = verdicts[key]
        assert (verdict.verdict, verdict.matched_date) == ("match", REPORT), verdict.explanation
    for key in [("personnel", 35_000), ("tanks", 1_500)]:
        assert verdicts[key].verdict == "rounded", verdicts[key].explanation
    assert (verdicts[("personnel", 35_000)].expected, verdicts[("tanks", 1_500)].expected) == (
        34_700,
        1_511,
    )
    artillery = verdicts[("artillery", 75)]
    assert (artillery.verdict, artillery.expected, artillery.error_model) == (
        "contradicts",
        764,
        "truncated",
    )
    assert "(759 the day before)" in artillery.explanation
    assert "759 (2022-06-24) with its last digits cut off" in artillery.explanation


def test_seed_figures_get_the_accepted_verdicts(context: VerifyContext) -> None:
    verdicts = by_figure(evaluate_claims(GOLD, context, published=PUBLISHED))
    assert_acceptance(verdicts)
    toll = verdicts[("killed", 1_351)]
    assert toll.verdict == "unverifiable"
    assert "no series of Russia's Ministry of Defence" in toll.explanation
    # Context: what the General Staff claimed for the same day.
    assert "Ukraine's General Staff reported 16,100 Russian personnel on 2022-03-25" in (
        toll.explanation
    )
    for key in [("killed", 100), ("wounded", 500), ("killed", 60)]:
        verdict = verdicts[key]
        assert verdict.verdict == "unverifiable"
        assert "per-day rate" in verdict.explanation
        assert "no other figure for Ukrainian" in verdict.explanation


def test_seed_figures_resolve_to_the_2022_06_25_report_without_a_date(
    context: VerifyContext,
) -> None:
    verdicts = by_figure(evaluate_claims(GOLD, context, published=None))
    assert_acceptance(verdicts)
    assert verdicts[("afv", 3_645)].reference_date == REPORT


def test_every_verdict_carries_its_evidence(context: VerifyContext) -> None:
    verdicts = by_figure(evaluate_claims(GOLD, context, published=PUBLISHED))
    tanks = verdicts[("tanks", 1_500)]
    assert [(f.as_of, f.value) for f in tanks.held_against] == [
        (REPORT, 1_511),
        (PUBLISHED, 1_532),
        (dt.date(2022, 6, 27), 1_552),
    ]
    artillery = verdicts[("artillery", 75)]
    assert (dt.date(2022, 6, 24), 759) in [(f.as_of, f.value) for f in artillery.held_against]
    # Oryx's confirmed count beside the claim, on the report's day or the last change before.
    confirmed = tanks.evidence.confirmed
    assert confirmed is not None and tanks.evidence.confirmed_date is not None
    assert tanks.evidence.confirmed_date <= REPORT
    assert tanks.evidence.ratio == round(1_500 / confirmed, 3)


def test_checking_the_article_text_gives_the_accepted_verdicts(bundled_ledger: Ledger) -> None:
    text = ARTICLE.read_text(encoding="utf-8")
    verdicts = check(text, published=PUBLISHED, ledger=bundled_ledger)
    found = by_figure(verdicts)
    assert_acceptance(found)
    assert found[("killed", 1_351)].verdict == "unverifiable"
    for key in [("killed", 100), ("wounded", 500), ("killed", 60)]:
        assert found[key].verdict == "unverifiable", found[key].explanation
    for verdict in verdicts:
        assert verdict.quote and verdict.start is not None and verdict.end is not None
        span = text[verdict.start : verdict.end]
        assert span in verdict.quote
        assert f"{verdict.value or verdict.low:,}" in span


def test_checking_an_empty_text_is_refused(context: VerifyContext) -> None:
    with pytest.raises(InputError, match="empty"):
        check("  \n ", ledger=context)


def test_the_published_date_may_be_given_as_an_iso_string(context: VerifyContext) -> None:
    text = ARTICLE.read_text(encoding="utf-8")
    as_string = check(text, published=PUBLISHED.isoformat(), ledger=context)
    as_date = check(text, published=PUBLISHED, ledger=context)
    assert [(v.verdict, v.value) for v in as_string] == [(v.verdict, v.value) for v in as_date]


def test_a_published_date_that_is_not_a_date_is_refused(context: VerifyContext) -> None:
    with pytest.raises(InputError, match="'last Friday' is not a date"):
        check("Russia lost 1,500 tanks, Kyiv said.", published="last Friday", ledger=context)


@pytest.mark.parametrize("published", ["0001-01-01", dt.date(9999, 12, 31)])
def test_a_published_date_at_the_ends_of_the_calendar_is_refused(
    context: VerifyContext, published: str | dt.date
) -> None:
    with pytest.raises(InputError, match="out of range"):
        check("Russia lost 1,500 tanks, Kyiv said.", published=published, ledger=context)
