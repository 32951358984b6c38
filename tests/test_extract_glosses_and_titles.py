"""Rules from regional counts, intelligence updates and captivity stories: bracketed glosses
and short names, titles that name their source, authors past a description, captives,
denominators, and parts that name a category of their own."""

from __future__ import annotations

import pytest
from extract_fields import found


def test_people_from_a_named_place_who_were_killed_are_the_dead() -> None:
    text = "At least 940 men from Tuva have been killed since 2022, local reporters say."
    assert found(text, "en", "subject", "category", "value", "qualifier") == [
        ("RU", "killed", 940, "over")
    ]


def test_a_rate_s_denominator_is_no_count() -> None:
    text = "The region lost 31 soldiers per 10,000 men of working age, the study found."
    assert [c[1] for c in found(text, "en", "category", "value")] == [31]


@pytest.mark.parametrize(
    "predicate",
    ["are being held as prisoners of war", "are held captive", "remain in captivity"],
)
def test_soldiers_held_in_captivity_are_captured(predicate: str) -> None:
    text = f"More than 6,100 Ukrainian servicemen {predicate} in Russia, the ombudsman said."
    assert found(text, "en", "subject", "category", "value") == [("UA", "captured", 6100)]


def test_a_part_killed_does_not_make_its_whole_the_dead() -> None:
    text = "Syrskyi said Russia lost 41,500 soldiers in the operation, including 16,200 killed."
    assert found(text, "en", "category", "value") == [
        ("personnel", 41500),
        ("killed", 16200),
    ]


def test_an_author_named_past_a_description_is_the_claimant() -> None:
    text = (
        "At least 870 men have been killed, according to a tally by the independent outlet "
        "Sibir Realii."
    )
    assert found(text, "en", "value", "claimant") == [(870, "OTHER")]


def test_a_bracketed_short_name_belongs_to_the_name_before_it() -> None:
    text = (
        "The Ukrainian General Staff reported that Russia lost 1,240 troops over the past day. "
        "The Russian Ministry of Defense (MoD) claimed that Ukrainian forces lost up to 1,310 "
        "servicemen over the past day."
    )
    assert found(text, "en", "subject", "value", "claimant") == [
        ("RU", 1240, "UA_GENERAL_STAFF"),
        ("UA", 1310, "RU_MOD"),
    ]


def test_a_title_naming_its_source_speaks_for_the_figures_below_it() -> None:
    text = (
        "Latest Defence Intelligence update on the situation in Ukraine\n\n"
        "• Over the past week, Russian forces have likely suffered about 9,800 casualties.\n\n"
        "• Russia has also likely lost more than 3,300 main battle tanks."
    )
    assert found(text, "en", "category", "value", "claimant") == [
        ("personnel", 9800, "UK_MOD"),
        ("tanks", 3300, "UK_MOD"),
    ]


def test_a_title_without_a_source_leaves_the_figures_below_it_unclaimed() -> None:
    text = (
        "The week in numbers\n\n"
        "• Over the past week, Russian forces have likely suffered about 9,800 casualties."
    )
    assert found(text, "en", "value", "claimant") == [(9800, None)]


def test_a_bracketed_gloss_of_casualties_is_not_the_loss_verb() -> None:
    text = (
        "Russia's average daily casualties (killed and wounded) in May are likely to reach "
        "1,350, the highest so far."
    )
    assert found(text, "en", "subject", "value", "basis") == [("RU", 1350, "rate")]


def test_it_said_is_not_the_side_losses_were_inflicted_on() -> None:
    text = (
        "The Russian Defence Ministry reported that Ukraine lost 2,640 troops in a week. Units "
        "of Battlegroup Centre inflicted losses of up to 3,110 troops on Ukrainian forces, it "
        "said."
    )
    assert [c[-1] for c in found(text, "en", "value", "claimant")] == ["RU_MOD", "RU_MOD"]


def test_a_part_of_a_count_that_is_no_loss_is_no_loss() -> None:
    text = (
        "Zelensky said 41,000 Ukrainian soldiers had been killed. Of NATO's 32 members, "
        "which pledged 2% of GDP, 23 of them met the target this year."
    )
    assert found(text, "en", "value") == [(41000,)]


def test_a_part_of_a_loss_count_is_still_read() -> None:
    text = "Russia has lost 3,410 tanks; 2,290 of them were destroyed, Oryx says."
    assert found(text, "en", "category", "value") == [("tanks", 3410), ("tanks", 2290)]


@pytest.mark.parametrize("person", ["sailor", "pilot", "officer", "conscript"])
def test_one_person_of_a_named_rank_or_role_is_a_count(person: str) -> None:
    text = f"Russia's Black Sea Fleet said one {person} of its own had been killed in the strike."
    assert found(text, "en", "category", "value") == [("killed", 1)]


@pytest.mark.parametrize(
    "aside", ["with a population of 12 million", "which has a population of under one million"]
)
def test_a_population_is_no_loss(aside: str) -> None:
    text = f"Moscow, {aside}, has lost 640 men by the same count."
    assert found(text, "en", "value") == [(640,)]


@pytest.mark.parametrize(
    ("figure", "value"), [("1.3m", 1_300_000), ("30k", 30_000), ("2bn", 2_000_000_000)]
)
def test_a_scale_glued_to_its_digits_multiplies_them(figure: str, value: int) -> None:
    text = f"Russia has lost {figure} soldiers, the model suggests."
    assert [c[0] for c in found(text, "en", "value")] == [value]


def test_a_lower_bound_written_in_full_keeps_its_size() -> None:
    text = "The model puts Russian losses at between 850,000 and 1.2m soldiers killed or wounded."
    assert found(text, "en", "low", "high") == [(850000, 1200000)]


def test_people_named_as_a_part_of_the_dead_are_dead() -> None:
    text = "The BBC has confirmed the deaths of 3,900 Russian officers, including 540 colonels."
    assert found(text, "en", "category", "value") == [("killed", 3900), ("killed", 540)]


def test_rows_labelled_by_places_count_what_the_line_before_them_names() -> None:
    text = (
        "Mediazona, which counts the dead by name, said on Friday that it had updated its "
        "regional breakdown. The regions with the most confirmed deaths are:\n\n"
        "Bashkortostan: 4,110\nPerm region: 2,870\n"
    )
    assert found(text, "en", "category", "value", "claimant") == [
        ("killed", 4110, "MEDIAZONA"),
        ("killed", 2870, "MEDIAZONA"),
    ]


def test_a_headline_s_few_people_lost_are_the_body_s_dead() -> None:
    text = (
        "Russia has lost at least seven generals in Ukraine\n\n"
        "Russia has lost at least seven generals killed in action since 2022, a count shows."
    )
    assert found(text, "en", "category", "value") == [("killed", 7)]


@pytest.mark.parametrize("qualified", ["close to 1 million", "up to one million"])
def test_a_qualifier_ending_in_to_before_a_million_is_no_ratio(qualified: str) -> None:
    text = f"Ukraine has lost {qualified} troops, Russia's defence ministry claims."
    assert found(text, "en", "value", "qualifier") == [(1_000_000, "under")]


def test_a_ratio_of_one_stays_out() -> None:
    text = "Kyiv says Russia loses soldiers at a ratio of five to 1 against Ukraine."
    assert found(text, "en") == []


def test_a_source_after_a_hyphenated_modifier_names_its_author() -> None:
    text = (
        "Russia lost 3,120 tanks in 2024, according to a year-end tally by Ukraine's General Staff."
    )
    assert found(text, "en", "value", "claimant") == [(3120, "UA_GENERAL_STAFF")]


def test_a_year_after_a_possessive_is_no_count() -> None:
    text = "Analysts put Russia's 2024 tank losses at about 1,250."
    assert found(text, "en", "category", "value") == [("tanks", 1250)]


def test_drones_fired_on_average_are_launched_not_lost() -> None:
    text = "Russia fires an average of 140 Shahed-type drones at Ukraine every night."
    assert found(text, "en") == []
