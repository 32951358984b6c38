"""Verdicts and error models on small series written for each case."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from attrition.verify import VerifyContext, evaluate_claims
from attrition.verify.errors_models import (
    is_added_digit,
    is_changed_digit,
    is_dropped_digit,
    is_swapped_digits,
    is_truncation,
)
from attrition.verify.rounding import describe_rounding, rounding_unit

GS = "UA_GENERAL_STAFF"
D = dt.date(2022, 6, 25)


@dataclass(frozen=True)
class Claim:
    """The claim fields the engine reads (the extractor's Claim carries the same)."""

    subject: str
    category: str
    value: int | None
    low: int | None = None
    high: int | None = None
    qualifier: str = "exact"
    basis: str = "cumulative"
    claimant: str | None = GS
    as_of: dt.date | None = None


def day(offset: int) -> dt.date:
    return D + dt.timedelta(days=offset)


def run(values: list[int], end: dt.date = D) -> dict[dt.date, int]:
    """A daily series ending on ``end`` with ``values`` oldest first."""
    start = end - dt.timedelta(days=len(values) - 1)
    return {start + dt.timedelta(days=i): v for i, v in enumerate(values)}


@pytest.fixture
def context() -> VerifyContext:
    return VerifyContext.from_tables(
        {
            (GS, "RU", "artillery"): run([740, 750, 759, 764, 764], end=day(1)),
            (GS, "RU", "personnel"): run([34_300, 34_530, 34_700, 34_850], end=day(1)),
            (GS, "RU", "tanks"): run([1_496, 1_507, 1_511, 1_532], end=day(1)),
            (GS, "RU", "mlrs"): run([239, 241, 241, 243], end=day(1)),
            (GS, "RU", "aircraft"): run([216, 216, 217, 217], end=day(1)),
            ("ORYX", "RU", "tanks"): {day(-40): 700, day(-3): 800, day(5): 900},
        }
    )


def check_one(context: VerifyContext, claim: Claim, published: dt.date | None = day(1)):
    return evaluate_claims([claim], context, published=published)[0]


# --- match ---------------------------------------------------------------------------------


def test_figure_equal_to_the_report_is_a_match_naming_the_day(context: VerifyContext) -> None:
    verdict = check_one(context, Claim("RU", "tanks", 1_511))
    assert (verdict.verdict, verdict.matched_date, verdict.expected) == ("match", D, 1_511)
    assert "2022-06-25, the day before the article's date" in verdict.explanation


def test_article_figures_are_read_against_the_one_report_most_of_them_match(
    context: VerifyContext,
) -> None:
    # 241 MLRS is in both the 06-24 and 06-25 reports, 217 planes in 06-25 and 06-26:
    # the tanks figure fixes the article's report to 06-25, so all three match it.
    claims = [Claim("RU", "mlrs", 241), Claim("RU", "aircraft", 217), Claim("RU", "tanks", 1_511)]
    verdicts = evaluate_claims(claims, context, published=day(1))
    assert [v.matched_date for v in verdicts] == [D, D, D]


def test_a_figure_the_other_transcription_gives_is_a_match() -> None:
    context = VerifyContext.from_tables(
        {(GS, "RU", "tanks"): run([100, 110])}, alternates={(GS, "RU", "tanks"): {D: [111]}}
    )
    verdict = check_one(context, Claim("RU", "tanks", 111), published=D)
    assert verdict.verdict == "match"
    assert "one transcription; the other has 110" in verdict.explanation


def test_daily_figure_is_held_against_the_reported_increment(context: VerifyContext) -> None:
    verdict = check_one(context, Claim("RU", "tanks", 4, basis="daily"), published=D)
    assert (verdict.verdict, verdict.matched_date) == ("match", D)
    assert "+4" in verdict.explanation


def test_general_staff_killed_is_held_against_its_personnel_series(context: VerifyContext) -> None:
    verdict = check_one(context, Claim("RU", "killed", 34_700))
    assert verdict.verdict == "match"
    assert verdict.held_against[0].category == "personnel"


# --- rounded -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "qualifier", "actual", "expected"),
    [
        (35_000, "exact", 34_700, "rounded to the nearest 1,000"),
        (1_500, "exact", 1_511, "rounded to the nearest 100"),
        (35_000, "about", 35_499, "rounded to the nearest 1,000"),
        (35_000, "about", 35_501, None),
        (34_000, "over", 34_700, "rounded down to the 1,000, as 'more than' says"),
        (30_000, "over", 34_700, "rounded down to the 10,000, as 'more than' says"),
        (35_000, "over", 34_700, None),
        (35_000, "under", 34_700, "rounded up to the 1,000, as 'almost' or 'up to' says"),
        (34_000, "under", 34_700, None),
        (217, "about", 218, None),  # a figure with no trailing zero is no rounding
        (1_000, "exact", 1_511, None),
        (1_200_000, "exact", 1_180_450, "rounded to the nearest 100,000"),
    ],
)
def test_rounding_rules_follow_the_qualifier(
    value: int, qualifier: str, actual: int, expected: str | None
) -> None:
    assert describe_rounding(value, None, None, qualifier, actual) == expected


def test_rounding_unit_is_the_power_of_ten_of_the_trailing_zeros() -> None:
    assert [rounding_unit(n) for n in (35_000, 1_500, 217, 0, 100)] == [1_000, 100, 1, 1, 100]


def test_round_figure_of_the_report_is_rounded(context: VerifyContext) -> None:
    verdict = check_one(context, Claim("RU", "personnel", 35_000), published=D)
    assert (verdict.verdict, verdict.expected, verdict.matched_date) == ("rounded", 34_700, D)
    assert verdict.explanation.startswith("35,000 is 34,700 rounded to the nearest 1,000")


def test_range_that_holds_the_figure_is_rounded(context: VerifyContext) -> None:
    verdict = check_one(context, Claim("RU", "tanks", None, low=1_500, high=1_520))
    assert verdict.verdict == "rounded"
    assert "within the stated range 1,500–1,520" in verdict.explanation


# --- stale ---------------------------------------------------------------------------------


def test_figure_of_an_earlier_day_is_stale_with_its_age() -> None:
    context = VerifyContext.from_tables({(GS, "RU", "personnel"): run(list(range(100, 120)))})
    verdict = check_one(context, Claim("RU", "personnel", 105), published=D)
    assert (verdict.verdict, verdict.days_old, verdict.expected) == ("stale", 14, 119)
    assert verdict.matched_date == day(-14)
    assert "14 days before 2022-06-25, the article's date, when the figure was 119" in (
        verdict.explanation
    )


def test_equal_figure_older_than_the_stale_limit_is_not_stale() -> None:
    context = VerifyContext.from_tables({(GS, "RU", "tanks"): run(list(range(1_000, 1_100)))})
    verdict = check_one(context, Claim("RU", "tanks", 1_010), published=D)
    assert verdict.verdict == "contradicts"


def test_figure_the_text_dates_itself_is_stale_at_any_age() -> None:
    context = VerifyContext.from_tables({(GS, "RU", "tanks"): run(list(range(1_000, 1_100)))})
    claim = Claim("RU", "tanks", 1_010, as_of=day(-89))
    verdict = check_one(context, claim, published=D)
    assert (verdict.verdict, verdict.days_old) == ("stale", 89)


def test_rounding_of_an_earlier_day_is_stale() -> None:
    context = VerifyContext.from_tables(
        {(GS, "RU", "personnel"): run(list(range(29_100, 39_100, 500)))}
    )
    verdict = check_one(context, Claim("RU", "personnel", 30_000, qualifier="about"), published=D)
    assert verdict.verdict == "stale"
    assert "rounded to the nearest 10,000" in verdict.explanation


# --- contradicts and error models ----------------------------------------------------------


@pytest.mark.parametrize(
    ("test", "stated", "actual", "holds"),
    [
        (is_truncation, 75, 759, True),
        (is_truncation, 7, 759, False),
        (is_truncation, 76, 759, False),
        (is_dropped_digit, 365, 3_645, True),
        (is_dropped_digit, 75, 759, True),
        (is_added_digit, 2_411, 241, True),
        (is_swapped_digits, 746, 764, True),
        (is_swapped_digits, 674, 764, True),
        (is_swapped_digits, 647, 764, False),
        (is_changed_digit, 145, 148, True),
        (is_changed_digit, 45, 48, False),
    ],
)
def test_digit_error_models(test, stated: int, actual: int, holds: bool) -> None:  # type: ignore[no-untyped-def]
    assert test(stated, actual) is holds


def test_truncated_figure_contradicts_with_the_report_and_the_day_before(
    context: VerifyContext,
) -> None:
    claims = [Claim("RU", "tanks", 1_511), Claim("RU", "artillery", 75)]
    verdict = evaluate_claims(claims, context, published=day(1))[1]
    assert (verdict.verdict, verdict.expected, verdict.error_model) == (
        "contradicts",
        764,
        "truncated",
    )
    assert "reported 764 Russian artillery systems on 2022-06-25" in verdict.explanation
    assert "(759 the day before)" in verdict.explanation
    assert "75 looks like 759 (2022-06-24) with its last digits cut off" in verdict.explanation
    assert verdict.matched_date is None


@pytest.mark.parametrize(
    ("stated", "model"),
    [
        (15_121, "added_digit"),
        (111, "dropped_digit"),
        (1_151, "swapped_digits"),
        (1_811, "changed_digit"),
    ],
)
def test_digit_slips_of_the_report_are_named(
    context: VerifyContext, stated: int, model: str
) -> None:
    verdict = check_one(context, Claim("RU", "tanks", stated), published=D)
    assert (verdict.verdict, verdict.error_model) == ("contradicts", model)


def test_daily_increment_quoted_as_a_total_is_named(context: VerifyContext) -> None:
    verdict = check_one(context, Claim("RU", "tanks", 21), published=day(1))
    assert verdict.error_model == "daily_as_total"
    assert "is the daily increment of 2022-06-26 (+21) quoted as a total" in verdict.explanation


def test_total_quoted_as_a_daily_figure_is_named(context: VerifyContext) -> None:
    verdict = check_one(context, Claim("RU", "tanks", 1_511, basis="daily"), published=D)
    assert verdict.error_model == "total_as_daily"


def test_another_categorys_figure_is_named(context: VerifyContext) -> None:
    verdict = check_one(context, Claim("RU", "tanks", 241), published=D)
    assert verdict.error_model == "other_category"
    assert "is the figure for mlrs on" in verdict.explanation


def test_the_other_sides_figure_is_named() -> None:
    context = VerifyContext.from_tables(
        {(GS, "RU", "tanks"): run([900, 910]), ("RU_MOD", "UA", "tanks"): run([611, 612])}
    )
    verdict = check_one(context, Claim("RU", "tanks", 612), published=D)
    assert verdict.error_model == "other_side"


def test_oryx_count_quoted_as_the_general_staffs_is_named(context: VerifyContext) -> None:
    verdict = check_one(context, Claim("RU", "tanks", 800), published=D)
    assert verdict.error_model == "other_claimant"
    assert "is ORYX's figure" in verdict.explanation


def test_contradiction_without_a_model_says_no_explanation_found(context: VerifyContext) -> None:
    verdict = check_one(context, Claim("RU", "tanks", 9_999), published=D)
    assert (verdict.verdict, verdict.error_model, verdict.expected) == ("contradicts", None, 1_511)
    assert "no explanation found for 9,999" in verdict.explanation


# --- unverifiable --------------------------------------------------------------------------


def test_claimant_without_a_series_is_unverifiable_with_other_figures_beside(
    context: VerifyContext,
) -> None:
    verdict = check_one(context, Claim("RU", "tanks", 1_400, claimant="UK_MOD"), published=D)
    assert verdict.verdict == "unverifiable"
    assert "no series of the UK Ministry of Defence" in verdict.explanation
    assert (
        "Ukraine's General Staff reported 1,511 Russian tanks on 2022-06-25" in verdict.explanation
    )
    assert "Oryx had visually confirmed 800 Russian tanks by 2022-06-22" in verdict.explanation
    assert verdict.evidence.confirmed == 800
    assert verdict.evidence.ratio == 1.75


def test_the_other_sides_tally_given_as_a_claimants_own_contradicts(
    context: VerifyContext,
) -> None:
    verdict = check_one(context, Claim("RU", "tanks", 1_511, claimant="RU_MOD"), published=D)
    assert (verdict.verdict, verdict.error_model) == ("contradicts", "other_claimant")
    assert "the attribution looks wrong" in verdict.explanation


def test_a_per_day_rate_is_unverifiable_beside_the_series_pace(context: VerifyContext) -> None:
    claim = Claim("RU", "personnel", 150, basis="rate", claimant="UA_GOV")
    verdict = check_one(context, claim, published=day(1))
    assert verdict.verdict == "unverifiable"
    assert "per-day rate" in verdict.explanation


def test_a_claim_about_a_side_nobody_counts_says_so(context: VerifyContext) -> None:
    claim = Claim("UA", "killed", None, low=60, high=100, basis="rate", claimant="UA_GOV")
    verdict = check_one(context, claim)
    assert verdict.verdict == "unverifiable"
    assert "the ledger holds no other figure for Ukrainian killed" in verdict.explanation


def test_a_calendar_month_total_matches_the_reports_difference() -> None:
    series = run([i * i for i in range(400)], end=dt.date(2024, 10, 7))
    context = VerifyContext.from_tables({(GS, "RU", "tanks"): series})
    july = series[dt.date(2024, 8, 1)] - series[dt.date(2024, 7, 1)]
    verdict = check_one(
        context, Claim("RU", "tanks", july, basis="period"), published=dt.date(2024, 10, 7)
    )
    assert (verdict.verdict, verdict.matched_date) == ("match", dt.date(2024, 8, 1))
    assert "for July 2024" in verdict.explanation


def test_a_day_outside_the_series_is_unverifiable(context: VerifyContext) -> None:
    verdict = check_one(context, Claim("RU", "tanks", 10), published=dt.date(2030, 1, 1))
    assert verdict.verdict == "unverifiable"
    assert "with no figure within a day of 2030-01-01" in verdict.explanation


# --- dates and attribution -----------------------------------------------------------------


def test_undated_article_is_read_against_the_report_its_figures_match(
    context: VerifyContext,
) -> None:
    claims = [Claim("RU", "tanks", 1_511), Claim("RU", "mlrs", 241), Claim("RU", "artillery", 75)]
    verdicts = evaluate_claims(claims, context, published=None)
    assert [v.verdict for v in verdicts] == ["match", "match", "contradicts"]
    assert verdicts[2].reference_date == D
    assert "the report the article's figures match" in verdicts[0].explanation


def test_undated_lone_figure_without_a_date_is_unverifiable(context: VerifyContext) -> None:
    verdict = check_one(context, Claim("RU", "tanks", 1_600), published=None)
    assert verdict.verdict == "unverifiable"
    assert "no date" in verdict.explanation


def test_unattributed_figure_is_held_against_whoever_counts_it(context: VerifyContext) -> None:
    verdict = check_one(context, Claim("RU", "tanks", 1_511, claimant=None))
    assert (verdict.verdict, verdict.series_claimant) == ("match", GS)
    assert verdict.explanation.startswith("The text names no source")


def test_step_series_holds_its_last_figure_between_changes(context: VerifyContext) -> None:
    verdict = check_one(context, Claim("RU", "tanks", 800, claimant="ORYX"), published=D)
    assert (verdict.verdict, verdict.matched_date) == ("match", D)


# --- the quality rule, for any series ------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(
    steps=st.lists(st.integers(min_value=0, max_value=500), min_size=5, max_size=40),
    pick=st.integers(min_value=0, max_value=1_000),
    shift=st.integers(min_value=-1, max_value=1),
    published_offset=st.one_of(st.none(), st.integers(min_value=-3, max_value=120)),
)
def test_a_figure_equal_to_the_series_within_a_day_of_its_date_never_contradicts(
    steps: list[int], pick: int, shift: int, published_offset: int | None
) -> None:
    values = [sum(steps[: i + 1]) for i in range(len(steps))]
    series = run(values)
    context = VerifyContext.from_tables({(GS, "RU", "tanks"): series})
    days = sorted(series)
    as_of = days[pick % len(days)]
    figure_day = as_of + dt.timedelta(days=shift)
    if figure_day not in series:
        return
    claim = Claim("RU", "tanks", series[figure_day], as_of=as_of)
    published = None if published_offset is None else as_of + dt.timedelta(days=published_offset)
    verdict = evaluate_claims([claim], context, published=published)[0]
    assert verdict.verdict != "contradicts", verdict.explanation


def test_a_part_of_a_summed_figure_is_unverifiable_not_contradicted() -> None:
    context = VerifyContext.from_tables(
        {(GS, "RU", "vehicles"): run([1_530, 1_547])},
        summed={(GS, "RU", "vehicles"): {D: "military auto + fuel tank"}},
    )
    verdict = check_one(context, Claim("RU", "vehicles", 1_471), published=D)
    assert verdict.verdict == "unverifiable"
    assert "gave military auto + fuel tank separately" in verdict.explanation
    assert check_one(context, Claim("RU", "vehicles", 1_600), published=D).verdict == "contradicts"


def test_an_undated_precise_figure_of_the_other_sides_tally_is_a_misattribution() -> None:
    context = VerifyContext.from_tables({(GS, "RU", "personnel"): run([1_073_000, 1_073_530])})
    claim = Claim("RU", "personnel", 1_073_530, qualifier="over", claimant="RU_MOD")
    verdict = check_one(context, claim, published=None)
    assert (verdict.verdict, verdict.matched_date) == ("contradicts", D)
    round_claim = Claim("RU", "personnel", 1_073_000, claimant="RU_MOD")
    assert check_one(context, round_claim, published=None).verdict == "unverifiable"


def test_a_figure_below_oryxs_total_may_be_a_status_and_is_unverifiable() -> None:
    context = VerifyContext.from_tables({("ORYX", "RU", "tanks"): run([1_000, 1_008])})
    below = check_one(context, Claim("RU", "tanks", 624, claimant="ORYX"), published=D)
    assert below.verdict == "unverifiable"
    assert "breakdown by status" in below.explanation and below.expected == 1_008
    above = check_one(context, Claim("RU", "tanks", 1_200, claimant="ORYX"), published=D)
    assert above.verdict == "contradicts"


def test_an_undated_articles_misattributed_tally_dates_its_other_figures() -> None:
    context = VerifyContext.from_tables({(GS, "RU", "personnel"): run([1_072_700, 1_073_530])})
    claims = [
        Claim("RU", "personnel", 1_073_530, claimant="RU_MOD"),
        Claim("RU", "personnel", 830, basis="daily", claimant="RU_MOD"),
    ]
    verdicts = evaluate_claims(claims, context, published=None)
    assert [(v.verdict, v.matched_date) for v in verdicts] == [
        ("contradicts", D),
        ("contradicts", D),
    ]
