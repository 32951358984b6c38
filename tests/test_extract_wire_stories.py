"""Rules from wire stories and analysis pieces: datelines, paired totals, tolls, evidence counts."""

from __future__ import annotations

import pytest
from extract_fields import found

from attrition.extract import extract_claims
from attrition.extract.dates import read_wire_dateline
from attrition.extract.rules import load_lexicon

ENGLISH_DATES = load_lexicon("en").date_words


@pytest.mark.parametrize(
    ("opening", "body"),
    [
        ("LONDON, May 9, 2024 — ", "Britain said"),
        ("KYIV, Ukraine, May 9 (AP) -- ", "Britain said"),
        ("Odesa, 9 May 2024 – ", "Britain said"),
        ("MOSCOW, May 9. /TASS/. ", "Britain said"),
        ("BERLIN, May 9 (Reuters) - ", "Britain said"),
    ],
)
def test_a_wire_dateline_is_read_apart_from_the_story(opening: str, body: str) -> None:
    text = opening + body + " something."
    start, day = read_wire_dateline(text, 0, len(text), ENGLISH_DATES) or (None, None)
    assert start == len(opening)
    assert day is not None and (day.month, day.day) == (5, 9)


@pytest.mark.parametrize(
    "text",
    [
        "Moscow, meanwhile, said on May 9 - something else.",
        "The report, May 9 — a draft.",
        "London is far, May 9 — and so on.",
        "lowercase, May 9 — no.",
    ],
)
def test_a_sentence_that_only_resembles_a_dateline_keeps_its_words(text: str) -> None:
    assert read_wire_dateline(text, 0, len(text), ENGLISH_DATES) is None


def test_a_datelines_day_neither_makes_a_days_figure_nor_dates_a_think_tanks_total() -> None:
    text = "PARIS, March 3, 2025 — Russia has suffered about 880,000 casualties, a think tank said."
    claims = extract_claims(text)
    assert [(c.value, c.basis, c.as_of) for c in claims] == [(880000, "cumulative", None)]
    assert claims[0].start == text.index("about")


def test_a_datelines_year_dates_an_undated_article() -> None:
    text = (
        "KYIV, Oct. 2, 2024 (Reuters) - Russia lost 1,290 soldiers over the past day, "
        "Ukraine's General Staff said."
    )
    claim = extract_claims(text)[0]
    assert (claim.value, claim.basis, claim.as_of) == (1290, "daily", "2024-10-02")


def test_totals_after_a_list_pair_with_its_nouns_in_order() -> None:
    text = (
        "Kyiv said its troops destroyed 9 tanks, 17 armoured vehicles and 23 artillery "
        "systems on Monday, taking the totals to 7,410, 14,220 and 15,630."
    )
    assert found(text, "en", "category", "value") == [
        ("tanks", 9),
        ("afv", 17),
        ("artillery", 23),
        ("tanks", 7410),
        ("afv", 14220),
        ("artillery", 15630),
    ]


def test_respectively_pairs_only_the_bare_numbers_after_a_list() -> None:
    text = (
        "Ukraine's army destroyed 5 tanks and 8 artillery systems, bringing its "
        "counts to 6,001 and 9,002 respectively."
    )
    assert found(text, "en", "category", "value")[-2:] == [("tanks", 6001), ("artillery", 9002)]


@pytest.mark.parametrize(
    "text",
    [
        "Moscow credited the unit with killing or wounding up to 640 Ukrainian troops.",
        "The brigade said it was wounding or killing about 640 Russian soldiers a week.",
    ],
)
def test_killing_or_wounding_counts_casualties_not_the_wounded(text: str) -> None:
    assert found(text, "en", "category", "value") == [("personnel", 640)]


def test_a_total_said_to_approach_a_figure_is_under_it() -> None:
    text = "Russian losses approach 900,000, Ukraine's military said."
    assert found(text, "en", "value", "qualifier") == [(900000, "under")]


def test_people_killed_named_in_a_toll_are_the_ones_who_died() -> None:
    text = "Russia's defence minister put the number of Russian soldiers killed at 6,112."
    assert found(text, "en", "subject", "category", "basis", "claimant") == [
        ("RU", "killed", "cumulative", "RU_MOD")
    ]


def test_killed_after_both_sides_troops_takes_neither_side() -> None:
    text = "The number of Ukrainian and Russian troops killed is nearing 300,000, officials said."
    assert found(text, "en") == []


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Oryx lists 4,100 Russian tanks.", "tanks"),
        ("Oryx counts 212 self-propelled artillery pieces on the Russian side.", "artillery"),
    ],
)
def test_an_evidence_count_of_oryx_is_a_loss_count(text: str, category: str) -> None:
    assert found(text, "en", "category", "claimant")[0] == (category, "ORYX")


def test_a_delivery_is_no_loss_even_beside_oryx() -> None:
    assert found("Oryx notes that Ukraine received 31 Abrams tanks.", "en") == []


@pytest.mark.parametrize(
    "modifier", ["self-propelled", "long-range", "Western-made", "operational-tactical"]
)
def test_a_hyphenated_modifier_between_a_number_and_its_noun_is_skipped(modifier: str) -> None:
    text = f"Ukraine said Russia lost 44 {modifier} howitzers near the river."
    assert found(text, "en", "category", "value") == [("artillery", 44)]


def test_losses_on_an_average_day_are_a_rate_whatever_year_follows() -> None:
    text = "Russia loses between 900 and 1,100 soldiers on an average day in 2025, the study says."
    assert found(text, "en", "basis") == [("rate",)]


def test_an_elided_count_with_more_goes_on_the_previous_sentences_count() -> None:
    text = (
        "Moscow said its northern group killed or wounded up to 210 Ukrainian soldiers. "
        "The western group accounted for up to 390 more near Lyman."
    )
    assert found(text, "en", "subject", "category", "value") == [
        ("UA", "personnel", 210),
        ("UA", "personnel", 390),
    ]


def test_more_systems_asked_for_are_no_loss() -> None:
    text = (
        "Russia lost 1,100 troops in a day, Kyiv said. Zelensky asked for 12 more Patriot systems."
    )
    assert found(text, "en", "value") == [(1100,)]


@pytest.mark.parametrize("origin", ["Western-supplied", "US-provided", "German-made"])
def test_where_lost_equipment_came_from_is_no_delivery(origin: str) -> None:
    text = f"Ukraine has lost 14 {origin} tanks near Pokrovsk, Oryx says."
    assert found(text, "en", "subject", "category", "value") == [("UA", "tanks", 14)]


def test_a_delivery_verb_on_its_own_still_rules_a_figure_out() -> None:
    assert found("The allies supplied 14 tanks to Ukraine, Oryx says.", "en") == []


def test_a_dateline_may_name_two_places() -> None:
    text = "KYIV/MOSCOW, May 9 (Reuters) - Britain said something."
    assert (read_wire_dateline(text, 0, len(text), ENGLISH_DATES) or (0,))[0] == text.index("Brit")


def test_a_relative_clause_that_holds_the_link_gives_the_count_its_noun() -> None:
    text = (
        "Posts say Russia has lost a million soldiers killed. The figure comes from the "
        "General Staff, which on May 2 put Russia's personnel losses at 1,000,120."
    )
    assert found(text, "en", "category", "value")[-1] == ("personnel", 1000120)


def test_drones_shot_down_of_those_launched_the_sentence_before_are_the_launchers() -> None:
    text = (
        "Moscow said it downed 310 Ukrainian drones overnight.\n\n"
        "Kyiv's air force said Russia had launched 140 drones at Ukraine. "
        "It said 96 of the drones were shot down."
    )
    assert found(text, "en", "subject", "value") == [("UA", 310), ("RU", 96)]


def test_a_largest_total_mentioned_in_passing_pairs_nothing() -> None:
    text = (
        "Moscow said it downed 310 Ukrainian drones, 61 of them over Kursk, one of the "
        "largest totals it has given."
    )
    rules = [rule for (rule,) in found(text, "en", "rule_id")]
    assert len(rules) == 2
    assert not any(rule.endswith(":respectively") for rule in rules)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Our drones hit 820 Russian infantrymen in May, he said.", [("personnel", "period")]),
        ("His unit destroyed 12 tanks since the spring, he said.", [("tanks", "period")]),
    ],
)
def test_infantry_are_people_and_a_season_opens_a_window(text: str, expected: list) -> None:
    assert found(text, "en", "category", "basis") == expected


def test_parts_of_the_dead_named_after_of_those_are_dead_too() -> None:
    text = (
        "Mediazona said it had confirmed the deaths of 90,100 Russian soldiers. "
        "Of those identified, 15,200 were former prisoners recruited from penal colonies."
    )
    assert found(text, "en", "category", "value") == [("killed", 90100), ("killed", 15200)]


def test_a_part_opener_without_a_count_before_it_claims_nothing() -> None:
    assert found("Of those, 15,200 were former prisoners recruited from colonies.", "en") == []


def test_a_day_named_in_another_clause_does_not_date_the_figure() -> None:
    text = (
        "London put Russian casualties at about 700,000 at the end of March, while Ukraine's "
        "General Staff reported a total of 781,020 on Tuesday."
    )
    days = extract_claims(text, published="2025-05-06")
    assert [(c.value, c.as_of) for c in days][-1] == (781020, "2025-05-06")


def test_a_purchase_verb_after_since_is_a_time_not_a_purchase() -> None:
    text = "Russia has lost 412,300 men since Putin ordered his army across the border, Kyiv said."
    assert found(text, "en", "value") == [(412300,)]


def test_an_elided_count_after_a_new_subjects_loss_verb_is_that_sides() -> None:
    text = "Russia has lost at least 2,900 tanks, Oryx says, while Ukraine has lost about 870."
    assert found(text, "en", "subject", "category", "value", "qualifier") == [
        ("RU", "tanks", 2900, "over"),
        ("UA", "tanks", 870, "about"),
    ]


def test_what_brings_a_total_takes_the_speakers_window() -> None:
    text = (
        "Russia lost 1,210 soldiers over the past day, Ukraine's General Staff said.\n\n"
        "The General Staff added that its forces had destroyed nine tanks, bringing "
        "Russia's total tank losses to 7,905."
    )
    assert found(text, "en", "value", "basis") == [
        (1210, "daily"),
        (9, "daily"),
        (7905, "cumulative"),
    ]


def test_an_elided_count_after_an_average_is_an_average_too() -> None:
    text = (
        "Britain's Ministry of Defence said Russia's average daily casualties in April were "
        "1,180, up from 1,090 in March."
    )
    assert found(text, "en", "value", "basis") == [(1180, "rate"), (1090, "rate")]


def test_it_said_after_the_side_that_lost_is_the_ministry_that_spoke() -> None:
    text = (
        "Ukraine's army lost up to 1,250 troops over the past day, Russia's Defence Ministry "
        "said on Saturday.\n\nThe Ukrainian army lost up to 310 troops near Kupiansk, it said."
    )
    assert found(text, "en", "value", "claimant") == [(1250, "RU_MOD"), (310, "RU_MOD")]


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        (
            "By the count of Ukraine's general staff, 41,200 Russian troops were lost in May.",
            "UA_GENERAL_STAFF",
        ),
        ("America's intelligence agencies reckon that Russia has lost some 2,800 tanks.", "US_GOV"),
    ],
)
def test_a_count_by_its_author_and_a_reckoning_name_their_claimant(
    text: str, claimant: str
) -> None:
    assert found(text, "en", "claimant") == [(claimant,)]


def test_killed_or_seriously_wounded_every_day_is_a_rate_of_casualties() -> None:
    text = (
        "By our estimate, between 700 and 900 Russian soldiers are killed or seriously "
        "wounded every day."
    )
    assert found(text, "en", "category", "basis") == [("personnel", "rate")]
