"""Dates in text, resolved against the article's day, and the days claims refer to."""

from __future__ import annotations

import datetime as dt

import pytest

from attrition.extract import extract_claims
from attrition.extract.dates import DateMention, add_months, find_dates
from attrition.extract.rules import load_lexicon
from attrition.extract.timing import war_age_reference
from attrition.extract.tokens import tokenize

LEX = load_lexicon("en")


def _dates(text: str) -> list[DateMention]:
    return find_dates(tokenize(text, flags=LEX.flags), LEX.date_words)


def _day(text: str, reference: str | None) -> dt.date | None:
    ref = dt.date.fromisoformat(reference) if reference else None
    return _dates(text)[0].resolve(ref)


@pytest.mark.parametrize(
    ("text", "reference", "expected"),
    [
        ("on March 25", "2022-06-24", "2022-03-25"),
        ("on 25 March", "2022-06-24", "2022-03-25"),
        ("on 25th of March", "2022-06-24", "2022-03-25"),
        ("March 25, 2023", None, "2023-03-25"),
        ("As of Sept. 4", "2022-09-04", "2022-09-04"),
        ("on Nov. 17", "2023-11-17", "2023-11-17"),
        ("from 24.02.2022", None, "2022-02-24"),
        ("to 25.06", "2022-06-25", "2022-06-25"),
        ("date 2022-06-25", None, "2022-06-25"),
        ("on December 30", "2023-01-05", "2022-12-30"),
        ("on Friday", "2022-06-25", "2022-06-24"),
        ("on Saturday", "2022-06-25", "2022-06-25"),
        ("yesterday", "2022-06-25", "2022-06-24"),
        ("today", "2022-06-25", "2022-06-25"),
    ],
)
def test_days_resolve_against_the_reference(
    text: str, reference: str | None, expected: str
) -> None:
    assert _day(text, reference) == dt.date.fromisoformat(expected)


def test_a_weekday_without_a_reference_stays_unknown() -> None:
    assert _day("on Friday", None) is None


def test_may_the_verb_is_not_may_the_month() -> None:
    assert _dates("Russia may have lost more") == []
    assert [d.kind for d in _dates("in May the losses rose")] == ["month"]
    assert [d.kind for d in _dates("May was the worst month")] == ["month"]


def test_a_month_alone_is_a_period_not_a_day() -> None:
    mention = _dates("in July 2024")[0]
    assert (mention.kind, mention.month, mention.year) == ("month", 7, 2024)
    assert mention.resolve(dt.date(2024, 8, 1)) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a conflict that has this week hit its four-month mark", "2022-06-24"),
        ("now six months into the war", "2022-08-24"),
        ("on day 100 of the invasion", "2022-06-03"),
    ],
)
def test_war_age_dates_a_text_without_a_publication_day(text: str, expected: str) -> None:
    assert war_age_reference(tokenize(text, flags=LEX.flags), LEX) == dt.date.fromisoformat(
        expected
    )


def test_add_months_clamps_to_the_month_end() -> None:
    assert add_months(dt.date(2022, 1, 31), 1) == dt.date(2022, 2, 28)


def _as_of(text: str, published: str | None = None) -> list[str | None]:
    return [c.as_of for c in extract_claims(text, published=published)]


def test_a_statement_day_dates_the_claims_of_its_speaker() -> None:
    text = "Russia's defence ministry said on Tuesday that Ukraine had lost 300 soldiers."
    assert _as_of(text, "2024-04-03") == ["2024-04-02"]


def test_a_fronted_day_before_the_speaker_dates_the_statement() -> None:
    text = "On Monday, Kyiv said Russian forces had lost 900 troops over the past day."
    assert _as_of(text, "2024-05-08") == ["2024-05-06"]


def test_the_general_staff_report_of_a_day_of_losses_is_dated_the_next_morning() -> None:
    text = (
        "According to the General Staff's latest update, on Friday, Russian losses "
        "included 120 tanks."
    )
    assert _as_of(text, "2024-03-09") == ["2024-03-09"]


def test_general_staff_figures_without_a_day_take_the_publication_day() -> None:
    text = "Russia has lost 7,000 tanks since the invasion began, Ukraine's General Staff said."
    assert _as_of(text, "2024-03-09") == ["2024-03-09"]


def test_other_claimants_get_no_day_the_text_does_not_give() -> None:
    text = "Russia has lost 7,000 tanks since the invasion began, the Pentagon estimated."
    assert _as_of(text, "2024-03-09") == [None]


def test_the_start_of_a_span_is_no_statement_day() -> None:
    text = "Since its update on May 2, Mediazona has added 900 names of Russian soldiers killed."
    assert _as_of(text, "2024-05-20") == [None]


@pytest.mark.parametrize("published", ["0001-01-01", "9999-12-31"])
def test_days_at_the_ends_of_the_calendar_do_not_overflow(published: str) -> None:
    text = "Kyiv said yesterday that Russia lost 300 soldiers and 200 tanks on Friday."
    assert [c.value for c in extract_claims(text, published=published)] == [300, 200]


ZH = load_lexicon("zh")


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2024年4月23日稱", "2024-04-23"), ("4月24日指出", "2024-04-24"), ("12月31日", "2023-12-31")],
)
def test_chinese_numeric_dates_are_days(text: str, expected: str) -> None:
    found = find_dates(tokenize(text, flags=ZH.flags), ZH.date_words)
    assert found[0].resolve(dt.date(2024, 4, 25)).isoformat() == expected


def test_a_chinese_statements_day_is_its_claims_day() -> None:
    text = "俄國防部4月24日指出，俄防空系統一天內擊落烏軍200架無人機。"
    found = extract_claims(text, published="2024-04-25", lang="zh")
    assert [(c.claimant, c.as_of) for c in found] == [("RU_MOD", "2024-04-24")]


def test_a_month_marker_without_a_day_marker_is_no_date() -> None:
    assert find_dates(tokenize("4月24架", flags=ZH.flags), ZH.date_words) == []


@pytest.mark.parametrize(
    "text",
    [
        "Poland's army said its air defences downed 12 drones overnight near the border.",
        "The navy said its sailors destroyed four Ukrainian sea drones in the past 24 hours.",
    ],
)
def test_a_days_figure_that_names_no_day_is_the_publication_day(text: str) -> None:
    (claim,) = extract_claims(text, published="2024-05-09")
    assert (claim.basis, claim.as_of) == ("daily", "2024-05-09"), claim


def test_a_days_figure_without_a_publication_day_keeps_no_day() -> None:
    (claim,) = extract_claims("The navy said its sailors downed 12 drones overnight.")
    assert (claim.basis, claim.as_of) == ("daily", None), claim


def test_a_running_total_takes_no_publication_day_from_another_speaker() -> None:
    (claim,) = extract_claims(
        "Oryx has documented 3,100 Russian tanks lost since the invasion.", published="2024-05-09"
    )
    assert (claim.basis, claim.as_of) == ("cumulative", None), claim


@pytest.mark.parametrize(
    ("text", "as_of"),
    [
        (
            "Researchers estimate 150,000 Russian soldiers had died by the end of 2024.",
            "2024-12-31",
        ),
        ("British intelligence put Russian casualties at 800,000 at the end of May.", "2025-05-31"),
        ("The outlets counted 60,000 Russian dead by the end of February 2024.", "2024-02-29"),
    ],
)
def test_a_count_that_stood_at_the_end_of_a_month_or_year_is_dated_its_last_day(
    text: str, as_of: str
) -> None:
    (claim,) = extract_claims(text, published="2025-06-10")
    assert (claim.as_of, claim.basis) == (as_of, "cumulative")


def test_a_report_made_at_the_end_of_a_month_dates_no_count() -> None:
    text = "One report at the end of March said up to 9,000 Russian soldiers had been killed."
    (claim,) = extract_claims(text, published="2025-06-10")
    assert claim.as_of is None


def test_drones_downed_by_the_end_of_a_year_are_a_running_total() -> None:
    text = "The General Staff counted 21,500 Russian drones downed by the end of 2024."
    (claim,) = extract_claims(text, published="2025-01-05")
    assert (claim.basis, claim.as_of) == ("cumulative", "2024-12-31")
