"""Rules from wire copy on air attacks, equipment tallies and long analyses: a part at a
sentence's end, a part opened by "among them", armour named as vehicles, estimates that name an
origin, missiles named by their designation, a month that dates an interview, and the speakers
of Ukraine's branches and groups of forces."""

from __future__ import annotations

import pytest

from attrition.extract import extract_claims


@pytest.mark.parametrize("opener", ["including", "among them"])
def test_a_part_closing_the_sentence_shares_its_wholes_night(opener: str) -> None:
    text = (
        "The air force said its crews shot down 212 drones and 45 missiles, "
        f"{opener} 31 Kh-101 cruise missiles."
    )
    found = {c.category: c for c in extract_claims(text, published="2025-10-06")}
    assert found["uav"].basis == "daily"
    assert (found["cruise_missiles"].value, found["cruise_missiles"].basis) == (31, "daily")
    assert found["cruise_missiles"].as_of == "2025-10-06"


def test_a_part_with_a_span_of_its_own_keeps_it() -> None:
    text = "Russia has lost 640,000 troops, including 1,150 over the past day, the staff said."
    found = {c.value: c.basis for c in extract_claims(text, published="2024-10-06")}
    assert found == {640000: "cumulative", 1150: "daily"}


@pytest.mark.parametrize(
    ("whole", "category"), [("tanks", "tanks"), ("armoured combat vehicles", "afv")]
)
def test_armour_named_as_vehicles_in_a_part_stays_armour(whole: str, category: str) -> None:
    text = f"The project lists 2,040 Ukrainian {whole} lost, including 95 US-made vehicles."
    found = [(c.value, c.category) for c in extract_claims(text)]
    assert found == [(2040, category), (95, category)]


def test_trucks_named_as_a_part_of_tanks_stay_trucks() -> None:
    text = "The project lists 2,040 Ukrainian tanks lost, including 95 trucks."
    assert [(c.value, c.category) for c in extract_claims(text)] == [
        (2040, "tanks"),
        (95, "vehicles"),
    ]


def test_western_estimates_speak_for_themselves_after_another_speaker() -> None:
    text = (
        "Kyiv officials say Russia has lost 870,000 soldiers, while Western estimates put "
        "Russian casualties at about 640,000."
    )
    found = {c.value: c.claimant for c in extract_claims(text, published="2025-02-01")}
    assert found[640000] == "OTHER"
    assert found[870000] != "OTHER"


@pytest.mark.parametrize(
    "named",
    ["nine Kh-101s", "nine Kalibrs", "nine Kh-101 and Kalibr cruise missiles"],
)
def test_cruise_missiles_named_by_their_designation_are_cruise_missiles(named: str) -> None:
    text = f"The air force said its crews shot down 140 drones and {named} overnight."
    found = {c.category: c.value for c in extract_claims(text, published="2025-10-06")}
    assert found == {"uav": 140, "cruise_missiles": 9}


def test_a_guided_missile_named_by_its_designation_is_no_claim() -> None:
    text = "The air force said it downed 70 drones and intercepted one Kh-59 guided missile."
    assert [c.category for c in extract_claims(text, published="2025-10-06")] == ["uav"]


def test_a_month_after_an_interview_dates_it_and_is_no_window() -> None:
    text = (
        "In an interview in March, President Volodymyr Zelensky said 31,000 Ukrainian soldiers had "
        "been killed in the war."
    )
    (claim,) = extract_claims(text, published="2024-06-01")
    assert (claim.category, claim.basis, claim.claimant) == ("killed", "cumulative", "UA_GOV")


@pytest.mark.parametrize(
    "speaker",
    [
        "a spokesman for the Joint Forces Task Force",
        "the Tavria group of forces",
        "the Unmanned Systems Forces",
        "Operational Command East",
    ],
)
def test_ukraine_s_branches_and_groups_of_forces_speak_for_the_government(speaker: str) -> None:
    text = f"Russia lost 640 soldiers and 12 tanks in the area, {speaker} said."
    assert {c.claimant for c in extract_claims(text, published="2025-10-06")} == {"UA_GOV"}


@pytest.mark.parametrize("span", ["over the day", "during the day"])
def test_a_report_over_the_day_counts_that_day(span: str) -> None:
    text = f"The enemy lost 310 soldiers {span}, the Khortytsia group of forces said."
    (claim,) = extract_claims(text, published="2025-10-06")
    assert (claim.basis, claim.as_of) == ("daily", "2025-10-06")


def test_a_toll_whose_part_is_children_counts_civilians() -> None:
    text = (
        "The ministry said Ukraine lost 800 soldiers and 14 howitzers. The death toll from the "
        "strike on a school in Sumy has risen to 19, including seven children, officials said."
    )
    assert [c.value for c in extract_claims(text)] == [800, 14]


def test_a_toll_whose_part_is_officers_is_still_read() -> None:
    text = "Russia lost 1,300 soldiers, including 40 officers, over the past day, Kyiv said."
    assert [c.value for c in extract_claims(text, published="2025-03-01")] == [1300, 40]


def test_a_total_of_vehicles_and_heavy_weapons_names_no_category() -> None:
    text = (
        "Oryx has confirmed 19,800 Russian vehicles and heavy weapons lost, among them 3,700 tanks."
    )
    assert [(c.value, c.category) for c in extract_claims(text)] == [(3700, "tanks")]


def test_tracked_carriers_named_by_model_are_armoured_vehicles() -> None:
    text = "Oryx counted 52 MT-LBs among the losses this month."
    assert {c.category for c in extract_claims(text)} == {"afv"}


def test_a_third_country_s_intelligence_chief_named_in_apposition_speaks_for_it() -> None:
    text = (
        "Latvia's military intelligence chief, Colonel Juris Ozols, said Russia was losing "
        "about 25,000 men a month."
    )
    (claim,) = extract_claims(text)
    assert (claim.subject, claim.value, claim.claimant) == ("RU", 25000, "OTHER")


def test_an_author_past_a_description_that_points_back_is_found() -> None:
    text = (
        "Russia lost 280 armoured vehicles in May, according to a tally by the analysts "
        "behind the Oryx blog."
    )
    (claim,) = extract_claims(text)
    assert claim.claimant == "ORYX"


def test_a_count_put_as_losses_beside_the_killed_stays_losses() -> None:
    text = (
        "The North group killed up to 300 soldiers, and the South group put Ukrainian losses "
        "at up to 210 servicemen, the ministry said."
    )
    found = {c.value: c.category for c in extract_claims(text, published="2025-03-01")}
    assert found == {300: "killed", 210: "personnel"}


def test_a_second_clause_with_its_own_subject_names_its_own_side() -> None:
    text = (
        "The think tank said Russia had suffered 700,000 casualties, and Ukraine had "
        "suffered about 350,000 casualties."
    )
    found = {c.value: c.subject for c in extract_claims(text)}
    assert found == {700000: "RU", 350000: "UA"}


def test_a_list_after_one_verb_keeps_its_side() -> None:
    text = "Ukraine said Russia had lost 900 soldiers, 12 tanks and another 300 troops."
    assert {c.subject for c in extract_claims(text)} == {"RU"}


def test_losses_in_that_year_count_that_year() -> None:
    text = (
        "In a statement last December, the ministry said Ukraine had lost 410,000 troops "
        "in that year."
    )
    (claim,) = extract_claims(text)
    assert (claim.subject, claim.basis) == ("UA", "period")


def test_losses_expected_to_reach_a_number_are_a_forecast() -> None:
    text = "Analysts said Russian casualties were expected to reach 1.2 million by next summer."
    assert extract_claims(text) == []


def test_a_project_that_compiled_a_list_speaks_for_its_figures() -> None:
    text = (
        "Mediazona has counted 120,000 Russian dead.\n\n"
        "The project UALosses has compiled a list of 70,000 Ukrainian soldiers killed."
    )
    found = {c.value: c.claimant for c in extract_claims(text)}
    assert found == {120000: "MEDIAZONA", 70000: "OTHER"}


@pytest.mark.parametrize("rank", ["colonels", "lieutenant colonels", "captains", "sergeants"])
def test_officers_counted_by_rank_are_people(rank: str) -> None:
    text = f"The strike killed at least nine officers, including three {rank}, the agency said."
    assert [(c.value, c.category) for c in extract_claims(text)] == [(9, "killed"), (3, "killed")]
