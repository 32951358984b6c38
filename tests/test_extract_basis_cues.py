"""Bases read from the verb and the report: interceptions, and a report's span stated first."""

from __future__ import annotations

import pytest

from attrition.extract import extract_claims


@pytest.mark.parametrize("verb", ["shot down", "downed"])
def test_drones_shot_down_in_the_simple_past_are_one_attacks_losses(verb: str) -> None:
    text = f"Ukraine's Air Force said its crews {verb} 143 Shahed drones and four cruise missiles."
    found = {c.category: c for c in extract_claims(text, published="2025-03-09")}
    assert found["uav"].value == 143 and found["uav"].basis == "daily"
    assert found["cruise_missiles"].basis == "daily"


def test_drones_shot_down_in_the_perfect_are_a_running_total() -> None:
    text = "Ukraine's air defences have shot down 38,400 Russian drones, the Air Force said."
    (claim,) = extract_claims(text, published="2025-03-09")
    assert (claim.category, claim.basis) == ("uav", "cumulative")


@pytest.mark.parametrize(
    "sentence",
    [
        "Belarus's army said its air defences destroyed 27 drones near the border.",
        "Belarus's army said its air defences had destroyed 27 drones near the border.",
    ],
)
def test_drones_destroyed_in_the_simple_past_or_told_back_are_one_attacks(sentence: str) -> None:
    (claim,) = extract_claims(sentence, published="2025-03-09")
    assert (claim.category, claim.basis, claim.as_of) == ("uav", "daily", "2025-03-09"), claim


def test_drones_an_army_had_destroyed_by_a_day_are_a_running_total() -> None:
    text = "By the end of the winter, Belarus's air defences had destroyed 2,700 drones."
    (claim,) = extract_claims(text, published="2025-03-09")
    assert (claim.category, claim.basis) == ("uav", "cumulative"), claim


def test_a_told_back_loss_with_a_day_of_its_own_is_that_days() -> None:
    text = "The brigade said it had destroyed 14 Russian tanks near Siversk on Saturday."
    (claim,) = extract_claims(text, published="2025-03-10")
    assert (claim.basis, claim.as_of) == ("daily", "2025-03-08"), claim


def test_a_stated_span_outweighs_the_tense_of_shot_down() -> None:
    text = "Since January the Air Force shot down 9,120 Russian drones, a spokesman said."
    (claim,) = extract_claims(text, published="2025-03-09")
    assert claim.basis == "period"


def test_a_report_span_stated_before_any_figure_is_the_basis_of_its_figures() -> None:
    text = (
        "Russian units took the village of Stepove over the past 24 hours, the Russian "
        "Defence Ministry said on Friday.\n"
        '"The enemy lost up to 135 troops and three pickup trucks," the ministry said.'
    )
    found = {c.value: c for c in extract_claims(text, published="2025-04-11")}
    assert set(found) == {135, 3}
    assert {c.basis for c in found.values()} == {"daily"}
    assert {c.claimant for c in found.values()} == {"RU_MOD"}


def test_a_report_span_does_not_reach_another_speakers_figures() -> None:
    text = (
        "Russian units took the village of Stepove over the past 24 hours, the Russian "
        "Defence Ministry said on Friday.\n"
        "Russia has lost 10,430 tanks, according to Ukraine's General Staff."
    )
    (claim,) = extract_claims(text, published="2025-04-11")
    assert (claim.claimant, claim.basis) == ("UA_GENERAL_STAFF", "cumulative")


def test_a_month_opening_a_sentence_dates_the_report_that_follows_it() -> None:
    text = (
        "In March, the British Defence Ministry, citing its own assessment, said Russia had "
        "lost 2,950 tanks."
    )
    (claim,) = extract_claims(text, published="2025-06-01")
    assert (claim.claimant, claim.basis) == ("UK_MOD", "cumulative")


def test_a_month_opening_a_sentence_before_its_figure_is_the_figures_span() -> None:
    text = "In March, Russia lost 26,400 troops, Ukraine's General Staff said."
    (claim,) = extract_claims(text, published="2025-06-01")
    assert claim.basis == "period"


@pytest.mark.parametrize(
    "fate",
    [
        'were "lost in location"',
        "were jammed",
        "were lost to jamming",
        "were lost to electronic jamming",
    ],
)
def test_drones_jammed_rather_than_shot_down_are_no_losses(fate: str) -> None:
    text = f"Crews shot down 212 drones overnight, while another 164 {fate}, the Air Force said."
    assert [c.value for c in extract_claims(text, published="2025-07-09")] == [212]


def test_a_weekly_summary_window_goes_on_to_the_same_sides_figures_of_the_speaker() -> None:
    text = (
        "Ukraine lost more than 8,100 troops over the past week, Russia's Defence Ministry "
        "said on Saturday.\n"
        "According to the ministry, Battlegroup West inflicted losses of up to 1,420 troops "
        "and 11 tanks on Ukrainian units.\n"
        "Moscow last gave its own toll in September 2022, when it said 5,937 soldiers had died."
    )
    found = {c.value: c for c in extract_claims(text, published="2025-05-10")}
    assert [found[v].basis for v in (8100, 1420, 11)] == ["period"] * 3
    assert {found[v].claimant for v in (8100, 1420, 11)} == {"RU_MOD"}
    assert (found[5937].subject, found[5937].basis) == ("RU", "cumulative")


def test_losses_in_a_battle_are_that_battles() -> None:
    text = "Analysts estimated that Russia lost around 140 tanks in the battle, ISW said."
    (claim,) = extract_claims(text, published="2024-03-12")
    assert claim.basis == "period"


@pytest.mark.parametrize(
    ("sentence", "basis"),
    [
        ("Ukraine lost 7,900 troops in all areas of the front over the past week.", "period"),
        ("In all, Ukraine has lost 7,900 tanks and armoured vehicles.", "cumulative"),
        ("Ukraine has lost 7,900 tanks in all.", "cumulative"),
    ],
)
def test_in_all_is_a_total_only_on_its_own(sentence: str, basis: str) -> None:
    text = sentence[:-1] + ", Russia's Defence Ministry said."
    (claim,) = extract_claims(text, published="2025-05-10")
    assert claim.basis == basis


def test_casualties_that_averaged_a_figure_a_day_are_a_rate() -> None:
    text = "Britain's Defence Intelligence said Russian casualties averaged 1,340 a day in October."
    (claim,) = extract_claims(text, published="2024-11-02")
    assert (claim.subject, claim.category, claim.value, claim.basis, claim.claimant) == (
        "RU",
        "personnel",
        1340,
        "rate",
        "UK_MOD",
    )


@pytest.mark.parametrize("window", ["during the same month", "in the same week"])
def test_the_same_month_or_week_is_a_window(window: str) -> None:
    text = f"Russia's defence ministry claimed Ukraine lost more than 9,600 soldiers {window}."
    (claim,) = extract_claims(text, published="2025-05-30")
    assert claim.basis == "period"


@pytest.mark.parametrize(
    "sentence",
    [
        "An estimate reported by the Financial Times in March 2024 put Ukraine's dead at 60,000.",
        "US officials quoted by the Washington Post last spring put Ukraine's dead at 60,000.",
    ],
)
def test_a_month_after_a_report_and_the_name_of_its_reporter_dates_the_report(
    sentence: str,
) -> None:
    (claim,) = extract_claims(sentence, published="2024-10-01")
    assert (claim.value, claim.basis) == (60000, "cumulative"), claim


def test_a_year_after_words_that_are_no_name_is_still_the_figures_window() -> None:
    text = "Experts say the rate of losses fell: in 2024, Oryx recorded 1,150 Russian tanks lost."
    (claim,) = extract_claims(text, published="2025-03-01")
    assert (claim.value, claim.basis) == (1150, "period"), claim


def test_a_count_reached_by_the_end_of_a_year_is_no_window() -> None:
    text = "Mediazona estimated that 70,000 Russian soldiers had died by the end of 2023."
    (claim,) = extract_claims(text, published="2024-03-01")
    assert (claim.value, claim.basis) == (70000, "cumulative"), claim


@pytest.mark.parametrize("window", ["during the year", "over the year"])
def test_the_year_of_a_yearly_summary_is_a_window(window: str) -> None:
    text = f"The commander said his troops destroyed 2,900 Russian tanks {window}."
    (claim,) = extract_claims(text, published="2025-01-04")
    assert claim.basis == "period", claim


@pytest.mark.parametrize("verb", ["destroyed", "had destroyed"])
def test_a_russian_mod_engagement_in_the_simple_past_is_that_days(verb: str) -> None:
    text = (
        f"Russia's defence ministry said on Monday its troops {verb} nine Ukrainian tanks and "
        "killed up to 140 soldiers while repelling an assault near Toretsk."
    )
    found = {c.value: c for c in extract_claims(text, published="2025-02-10")}
    assert {v: (c.basis, c.as_of) for v, c in found.items()} == {
        9: ("daily", "2025-02-10"),
        140: ("daily", "2025-02-10"),
    }


@pytest.mark.parametrize(
    "sentence",
    [
        "Russia's defence ministry said its troops have destroyed 17,400 Ukrainian tanks.",
        "Russia's defence ministry said 6,100 Ukrainian soldiers had been killed.",
        "Russia's defence ministry said Ukraine had lost 8,200 soldiers killed and 9,900 wounded.",
    ],
)
def test_a_russian_mod_perfect_or_passive_or_participle_stays_a_running_total(
    sentence: str,
) -> None:
    found = extract_claims(sentence, published="2025-02-10")
    assert found and {c.basis for c in found} == {"cumulative"}, found


@pytest.mark.parametrize(
    ("before", "expected"),
    [
        ("Oryx has counted 2,410 Russian tanks lost since February 24, 2022.", "cumulative"),
        ("Kyiv said Russia lost 1,310 soldiers in the last 24 hours.", "daily"),
        (
            "Kyiv said Russia lost 1,310 soldiers in the last 24 hours, bringing its losses "
            "since February 24, 2022 to 604,500.",
            "daily",
        ),
        ("", "daily"),
    ],
)
def test_the_same_period_names_the_window_the_speaker_named_before(
    before: str, expected: str
) -> None:
    speaker = "Oryx" if "Oryx" in before else "Kyiv"
    text = f"{before}\n{speaker} also lists 640 armoured vehicles lost over the same period.\n"
    found = {c.value: c for c in extract_claims(text, published="2024-05-02")}
    assert found[640].basis == expected


def test_drones_shot_down_in_the_passive_and_their_elided_counts_are_one_attacks() -> None:
    text = (
        "The ministry said 140 drones were shot down over the Kursk region, 41 over Bryansk "
        "and 22 over Belgorod."
    )
    found = {c.value: c for c in extract_claims(text, published="2025-03-11")}
    assert {v: c.basis for v, c in found.items()} == {140: "daily", 41: "daily", 22: "daily"}
    assert {c.as_of for c in found.values()} == {"2025-03-11"}


def test_drones_shot_down_in_the_perfect_passive_are_a_running_total() -> None:
    text = "The ministry said 12,600 drones have been shot down since the invasion."
    (claim,) = extract_claims(text, published="2025-03-11")
    assert claim.basis == "cumulative", claim


def test_drones_locally_lost_are_no_losses() -> None:
    text = "The air force said 40 drones were shot down and 16 decoy drones were locally lost."
    assert [c.value for c in extract_claims(text, published="2025-03-11")] == [40]


def test_losses_since_hostilities_began_there_are_a_window() -> None:
    text = (
        "Russia's defence ministry said Ukraine had lost 450 tanks in the Kursk area since the "
        "start of hostilities there in August."
    )
    (claim,) = extract_claims(text, published="2025-03-15")
    assert claim.basis == "period", claim


@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("Ukraine's air force said Russia launched 150 drones overnight; 88 were shot down.", "RU"),
        ("Ukraine launched 60 drones at Russia overnight; 41 were shot down, Moscow said.", "UA"),
    ],
)
def test_an_elided_count_shot_down_belongs_to_the_side_that_launched_them(
    text: str, side: str
) -> None:
    after_another_side = "- Belarus said it downed 3 Russian drones near the border.\n- " + text
    found = extract_claims(after_another_side, published="2025-03-03")
    assert (found[-1].subject, found[-1].category, found[-1].basis) == (side, "uav", "daily")


@pytest.mark.parametrize(
    "text",
    [
        "Russia fired 140 drones at Ukraine overnight, of which 97 drones were shot down.",
        "Moscow attacked Ukraine overnight with 140 drones; 97 of them were shot down.",
        "Russia has launched more than 1,400 drones since Monday, and 97 were shot down today.",
    ],
)
def test_a_count_launched_at_the_other_side_is_no_loss_beside_what_was_shot_down(
    text: str,
) -> None:
    found = extract_claims(text, published="2025-03-03")
    assert [(c.value, c.subject, c.category) for c in found] == [(97, "RU", "uav")]


def test_a_part_named_in_an_aside_is_counted_over_its_wholes_span() -> None:
    text = (
        "The ministry said air defences had shot down 88 drones over the same night, including "
        "14 over the Bryansk region, and 410 over the past week."
    )
    found = {c.value: c.basis for c in extract_claims(text, published="2025-05-25")}
    assert found == {88: "daily", 14: "daily", 410: "period"}


def test_a_part_of_an_engagements_count_is_that_days_too() -> None:
    text = (
        "Russia's forces destroyed 12 Ukrainian tanks, including four Leopard tanks, and killed "
        "up to 300 soldiers as they repelled an attack, the ministry said on Friday."
    )
    found = {c.value: c.basis for c in extract_claims(text, published="2025-05-25")}
    assert found == {12: "daily", 4: "daily", 300: "daily"}


def test_a_span_after_the_aside_is_shared_by_the_whole_and_its_part() -> None:
    text = "Russia has suffered 90,000 casualties, including 18,000 killed, since December."
    found = {c.value: c.basis for c in extract_claims(text, published="2023-05-01")}
    assert found == {90000: "period", 18000: "period"}


NIGHT_REPORT = (
    "Overnight the enemy struck at Ukraine with 64 air attack weapons, the Air Force of the "
    "Armed Forces of Ukraine reported.\n"
    "\n"
    "Launched:\n"
    "– 58 Geran-type strike drones, from Kursk and Oryol;\n"
    "– 6 Kalibr cruise missiles, from the Black Sea.\n"
    "\n"
    "As of 08:30, air defence had destroyed 41 drones and 5 cruise missiles.\n"
)


def test_a_running_totals_as_of_before_a_time_of_day_is_one_nights_report() -> None:
    found = {c.value: c for c in extract_claims(NIGHT_REPORT, published="2025-03-02")}
    assert (found[41].basis, found[5].basis) == ("daily", "daily")
    assert found[41].as_of == "2025-03-02"


def test_as_of_a_date_still_states_a_running_total() -> None:
    text = "As of March 1, air defence had destroyed 13,400 drones, the Air Force said."
    [claim] = extract_claims(text, published="2025-03-02")
    assert claim.basis == "cumulative"


def test_the_first_speaker_to_count_what_was_no_loss_speaks_for_the_report_below() -> None:
    found = extract_claims(NIGHT_REPORT, published="2025-03-02")
    assert {c.claimant for c in found} == {"UA_GOV"}


def test_a_loss_word_that_names_a_kind_of_drone_makes_no_launch_a_loss() -> None:
    found = extract_claims(NIGHT_REPORT, published="2025-03-02")
    assert sorted(c.value for c in found) == [5, 41]


def test_a_year_after_a_supply_verb_is_when_they_came_not_a_window() -> None:
    text = "Oryx counts 9 of the 14 Challenger tanks Britain delivered in 2023 as lost."
    [claim] = extract_claims(text, published="2024-10-02")
    assert (claim.value, claim.basis) == (9, "cumulative")


def test_a_year_after_the_loss_verb_is_still_a_window() -> None:
    text = "Ukraine lost 9 Challenger tanks in 2023, according to Oryx."
    [claim] = extract_claims(text, published="2024-10-02")
    assert claim.basis == "period"
