"""Rules from factboxes, count updates, monthly comparisons and weekly summaries: estimated
ranges, rankings of the dead, categories counted together, origin adjectives, asides, parts
counted of a whole, figures compared with earlier ones, and relative clauses."""

from __future__ import annotations

import pytest
from extract_fields import found


@pytest.mark.parametrize("link", ["is between", "is likely to be between"])
def test_a_toll_said_to_be_between_two_figures_is_a_range(link: str) -> None:
    text = (
        "The monitors have named 61,200 Russian soldiers killed. They think the real death "
        f"toll {link} 98,000 and 131,000."
    )
    assert found(text, "en", "category", "value", "low", "high") == [
        ("killed", 61200, None, None),
        ("killed", None, 98000, 131000),
    ]


def test_a_figure_put_at_between_two_bounds_is_a_range() -> None:
    text = "Western officials put Ukraine's losses at between 52,000 and 64,000."
    assert found(text, "en", "subject", "low", "high") == [("UA", 52000, 64000)]


def test_categories_counted_together_do_not_make_a_total_of_both_sides() -> None:
    text = (
        "The General Staff, which counts killed and wounded together, puts Russia's personnel "
        "losses at about 612,300."
    )
    assert found(text, "en", "subject", "category", "value", "claimant") == [
        ("RU", "personnel", 612300, "UA_GENERAL_STAFF")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Russia's and Ukraine's losses together exceed 1.3 million.",
        "Russian and Ukrainian losses together exceed 1.3 million.",
    ],
)
def test_losses_of_both_sides_together_stay_out(text: str) -> None:
    assert found(text, "en") == []


@pytest.mark.parametrize(
    "text",
    [
        "Contract soldiers form the largest group of the Russian dead, with 31,400 deaths, "
        "followed by convicts, at 11,050, and mobilized men, at 9,870.",
        "Contract soldiers form the largest group of the Russian dead, with 31,400 deaths, "
        "followed by convicts with 11,050 and mobilized men with 9,870.",
    ],
)
def test_the_entries_of_a_ranking_of_the_dead_count_the_dead(text: str) -> None:
    assert found(text, "en", "subject", "category", "value") == [
        ("RU", "killed", 31400),
        ("RU", "killed", 11050),
        ("RU", "killed", 9870),
    ]


def test_a_ranking_does_not_turn_deliveries_into_losses() -> None:
    text = "Russia lost 410 tanks, followed by deliveries of new tanks at 120 a month."
    assert found(text, "en", "category", "value") == [("tanks", 410)]


@pytest.mark.parametrize("origin", ["U.S.-made", "US-made", "British-built"])
def test_a_country_that_made_the_weapons_is_not_the_speaker(origin: str) -> None:
    text = (
        "Russia's Defence Ministry said Ukraine had lost 2,310 troops. Its air defences shot "
        f"down five {origin} cruise missiles and 317 drones over the week, the statement added."
    )
    assert found(text, "en", "category", "value", "basis", "claimant")[1:] == [
        ("cruise_missiles", 5, "period", "RU_MOD"),
        ("uav", 317, "period", "RU_MOD"),
    ]


def test_a_day_named_in_an_aside_does_not_date_the_totals_that_follow() -> None:
    text = (
        "The General Staff says Russia has lost 743,120 troops since the invasion began, "
        "including 1,020 over the last 24 hours.\n\n"
        "The same update puts Russian equipment losses at 9,310 tanks and 18,990 artillery "
        "systems."
    )
    assert found(text, "en", "category", "value", "basis") == [
        ("personnel", 743120, "cumulative"),
        ("personnel", 1020, "daily"),
        ("tanks", 9310, "cumulative"),
        ("artillery", 18990, "cumulative"),
    ]


def test_a_subject_keeps_its_claim_across_a_relative_clause_without_commas() -> None:
    text = (
        "Britain believes Russia has suffered 402,000 casualties. Leaked Pentagon files that "
        "circulated online in May put Russian casualties at 260,000."
    )
    assert found(text, "en", "value", "claimant") == [(402000, "UK_MOD"), (260000, "US_GOV")]


def test_a_span_since_the_beginning_of_an_incursion_is_a_period() -> None:
    text = (
        "Ukraine has lost more than 51,000 servicemen and 290 tanks in the Belgorod region since "
        "the beginning of their incursion last spring, the Russian defence minister said."
    )
    assert found(text, "en", "category", "basis") == [
        ("personnel", "period"),
        ("tanks", "period"),
    ]


@pytest.mark.parametrize(
    ("comparison", "earlier"),
    [
        ("down from 38,610 the month before", 38610),
        ("up from 38,610", 38610),
        ("compared with 38,610 in March", 38610),
    ],
)
def test_a_figure_compared_with_an_earlier_one_counts_the_same_losses(
    comparison: str, earlier: int
) -> None:
    text = f"Kyiv recorded 40,230 Russian personnel losses in April, {comparison}."
    assert found(text, "en", "category", "value", "basis") == [
        ("personnel", 40230, "period"),
        ("personnel", earlier, "period"),
    ]


def test_equipment_named_before_losses_is_what_a_complement_counts() -> None:
    text = (
        "The General Staff said 61 Russian tanks were destroyed in April, while drone losses "
        "rose to 2,940 from 2,310."
    )
    assert found(text, "en", "category", "value") == [
        ("tanks", 61),
        ("uav", 2940),
        ("uav", 2310),
    ]


def test_a_figure_quoted_after_its_link_is_read() -> None:
    text = "Russia's Defence Ministry put Ukraine's losses at “nearly 900,000” this week."
    assert found(text, "en", "subject", "value", "qualifier", "claimant") == [
        ("UA", 900000, "under", "RU_MOD")
    ]


def test_a_part_counted_of_them_shares_the_span_of_its_whole() -> None:
    text = (
        "The General Staff said Russia had lost 1,230 troops over the previous day, 212 of "
        "them near Pokrovsk."
    )
    assert found(text, "en", "value", "basis") == [(1230, "daily"), (212, "daily")]


def test_a_span_after_a_part_counted_of_them_is_the_part_s() -> None:
    text = "Russia has lost 702,300 troops, 1,090 of them over the past day, Kyiv says."
    assert found(text, "en", "value", "basis") == [(702300, "cumulative"), (1090, "daily")]


def test_a_side_s_toll_is_whose_losses_not_who_speaks() -> None:
    text = (
        "American officials said Russian casualties were nearing 310,000. Ukraine's toll was "
        "put at 64,000 killed, according to the officials."
    )
    assert found(text, "en", "subject", "value", "claimant") == [
        ("RU", 310000, "US_GOV"),
        ("UA", 64000, "US_GOV"),
    ]
