"""Rules from the own-en-20 blind set: increments in words, forecasts, ages, buildings."""

from __future__ import annotations

from attrition.extract import extract_claims


def test_an_increment_written_with_plus_after_an_item_is_the_days_figure() -> None:
    text = (
        "Russian combat losses, per the military's morning report:\n"
        "Artillery pieces — 18,440, plus 17\n"
        "Helicopters — 329\n"
        "Drones — 17,850, plus 65.\n"
    )
    found = {c.value: c for c in extract_claims(text, published="2024-09-03")}
    assert set(found) == {18440, 17, 329, 17850, 65}
    assert (found[17].category, found[17].basis) == ("artillery", "daily")
    assert (found[65].category, found[65].basis) == ("uav", "daily")
    assert (found[18440].basis, found[329].basis) == ("cumulative", "cumulative")


def test_plus_before_a_counted_noun_adds_a_count_and_is_no_increment() -> None:
    text = "Kyiv said Russia had lost 1,900 tanks, plus 40 armoured vehicles, in the offensive."
    found = {c.value: c.category for c in extract_claims(text, published="2024-09-03")}
    assert found == {1900: "tanks", 40: "afv"}


def test_a_total_that_could_pass_a_mark_is_a_forecast() -> None:
    text = "Western officials say Russian casualties could top 900,000 by the spring."
    assert extract_claims(text, published="2025-01-10") == []


def test_drones_that_vanished_from_radar_were_jammed_not_shot_down() -> None:
    text = (
        "Air defences destroyed 52 Russian drones overnight, the Air Force said; "
        "20 more vanished from radar."
    )
    assert [c.value for c in extract_claims(text, published="2025-01-10")] == [52]


def test_a_small_number_between_commas_after_a_name_is_an_age() -> None:
    text = (
        "Russia has lost 310,000 soldiers killed and wounded, the defence minister said. "
        "Rustem Umerov, 43, also asked allies for more shells."
    )
    assert [c.value for c in extract_claims(text, published="2025-01-10")] == [310000]


def test_damaged_buildings_are_no_military_losses() -> None:
    text = "Retreating Russian troops left 2,300 damaged houses and 14 wrecked schools in Izium."
    assert extract_claims(text, published="2025-01-10") == []


def test_a_relative_aside_does_not_push_the_losses_owner_out_of_reach_of_the_colon() -> None:
    text = (
        "Ukraine's casualties, which Russian bloggers routinely inflate, were lower, "
        "the report said: 18,000 killed."
    )
    assert [(c.subject, c.value) for c in extract_claims(text)] == [("UA", 18000)]


def test_an_average_after_a_toll_counts_people_not_the_list_item_before() -> None:
    text = (
        "Russian losses, Kyiv said: helicopters – 331. "
        "The toll was above last month's average of 1,380 per day."
    )
    found = {c.value: c for c in extract_claims(text, published="2025-01-10")}
    assert (found[1380].category, found[1380].basis) == ("personnel", "rate")


def test_one_of_the_highest_tolls_is_a_rank_not_a_count() -> None:
    text = "Russia lost 1,400 troops on Monday, one of the worst daily tolls, Kyiv said."
    assert [c.value for c in extract_claims(text, published="2025-01-10")] == [1400]


def test_the_same_period_takes_the_window_named_last_when_its_speaker_named_none() -> None:
    text = (
        "The president said 31,000 Ukrainian soldiers had been killed since February 2022. "
        "By Kyiv's count, Russia had lost 180,000 soldiers killed in the same period."
    )
    found = {c.value: c.basis for c in extract_claims(text, published="2024-02-26")}
    assert found == {31000: "cumulative", 180000: "cumulative"}


def test_a_spokesman_for_a_named_unit_of_the_army_speaks_for_the_government() -> None:
    text = (
        "Lt. Petro Savchuk, a spokesman for the army's Tavria group, said Russian forces "
        "had lost 640 troops near Vuhledar."
    )
    assert [c.claimant for c in extract_claims(text, published="2024-02-26")] == ["UA_GOV"]


def test_since_invading_is_the_whole_war() -> None:
    text = "Russia has lost some 600,000 men since invading its neighbour in 2022, analysts said."
    assert [c.basis for c in extract_claims(text, published="2024-08-01")] == ["cumulative"]


def test_a_group_that_accounted_for_troops_and_vehicles_inflicted_losses() -> None:
    text = (
        "Moscow said its southern group had killed up to 140 Ukrainian soldiers. "
        "Its central group accounted for 75 more servicemen and three pickup trucks."
    )
    found = {c.value: (c.subject, c.category) for c in extract_claims(text, published="2024-08-01")}
    assert found == {140: ("UA", "killed"), 75: ("UA", "personnel"), 3: ("UA", "vehicles")}


def test_a_bare_count_after_losing_goes_on_counting_the_people_said_before() -> None:
    text = (
        "The commander said Russian units were losing about 600 soldiers a day near Toretsk. "
        "Last month they lost more than 17,000, he added."
    )
    found = {c.value: c.category for c in extract_claims(text, published="2024-08-01")}
    assert found == {600: "personnel", 17000: "personnel"}


def test_people_killed_while_serving_in_a_sides_forces_are_that_sides_losses() -> None:
    text = (
        "Russian forces have lost 5,000 troops near the town, Kyiv says. "
        "A plaque by the church lists 23 local men who were killed while fighting for Ukraine."
    )
    found = {c.value: c.subject for c in extract_claims(text, published="2024-08-01")}
    assert found == {5000: "RU", 23: "UA"}


def test_a_generic_count_yields_to_the_person_who_states_it() -> None:
    text = (
        "By Ukraine's reckoning, Russia has lost 420,000 soldiers, "
        "President Volodymyr Zelensky said."
    )
    assert [c.claimant for c in extract_claims(text, published="2024-08-01")] == ["UA_GOV"]


def test_an_increment_in_words_may_stand_in_brackets_or_name_what_it_is_compared_with() -> None:
    text = (
        "Russian losses, per the General Staff:\n"
        "- warships: 28 (plus 1)\n"
        "- special equipment: 3,702, up 5 from the previous day\n"
    )
    found = {c.value: c for c in extract_claims(text, published="2025-01-10")}
    assert set(found) == {28, 1, 3702, 5}
    assert (found[1].category, found[1].basis) == ("ships", "daily")
    assert (found[3702].basis, found[5].basis) == ("cumulative", "daily")


def test_drones_a_side_launched_are_no_loss_until_shot_down() -> None:
    text = (
        "Of the 76 drones Russia launched overnight, 51 were downed, the Air Force said. "
        "Air defences shot down 12 drones launched from Crimea."
    )
    assert [c.value for c in extract_claims(text, published="2025-01-10")] == [51, 12]
