"""Rules from daily tallies, equipment counts and think-tank pieces: a bulleted item whose number
is a word, a unit noun after a category, Western weapons as Ukraine's, a model number inside a
weapon's name, a record as a placeholder, a record before a launched count, the day an event
began, a postposed speaker after a copula, and a name's head noun before its aside."""

from __future__ import annotations

import pytest

from attrition.extract import extract_claims


def _found(text: str, **options: str) -> dict[tuple[str, int | None], object]:
    return {(c.category, c.value): c for c in extract_claims(text, **options)}


def test_a_bulleted_item_with_a_number_word_stays_in_the_list() -> None:
    text = (
        "The General Staff said the occupiers have lost:\n"
        "• 412 warplanes (+1)\n"
        "• two submarines\n"
        "• 44,310 vehicles and fuel tanks (+60)\n"
    )
    found = _found(text, published="2025-09-01")
    assert set(found) == {
        ("aircraft", 412),
        ("aircraft", 1),
        ("submarines", 2),
        ("vehicles", 44310),
        ("vehicles", 60),
    }
    assert {c.claimant for c in found.values()} == {"UA_GENERAL_STAFF"}


def test_a_number_word_line_without_a_bullet_ends_the_list() -> None:
    text = "Moscow lost, the General Staff said:\n• 412 warplanes\nTwo of its ships sank too.\n"
    assert ("submarines", 2) not in _found(text)


def test_an_increment_after_special_equipment_units_is_the_days() -> None:
    text = "Russia's losses include 4,120 special equipment units (+5), the General Staff said."
    found = _found(text, published="2025-05-02")
    assert found[("special_equipment", 5)].basis == "daily"
    assert found[("special_equipment", 4120)].basis == "cumulative"


@pytest.mark.parametrize("weapon", ["Abrams tanks", "Challenger tanks", "Leopards"])
def test_lost_western_weapons_are_ukraines(weapon: str) -> None:
    text = f"Open-source analysts have documented the loss of 14 {weapon} so far."
    (claim,) = extract_claims(text)
    assert (claim.subject, claim.category, claim.value) == ("UA", "tanks", 14)


def test_a_western_weapon_does_not_override_a_named_side() -> None:
    text = "Ukrainian crews in Leopards destroyed 9 Russian tanks, the brigade said."
    (claim,) = extract_claims(text)
    assert claim.subject == "RU"


def test_a_model_number_stays_inside_its_weapons_name() -> None:
    text = (
        "Analysts counted 8 Leopard 2 tanks and 30 Bradleys lost since the spring offensive began."
    )
    found = _found(text)
    assert found[("tanks", 8)].basis == "period"
    assert found[("afv", 30)].basis == "period"


@pytest.mark.parametrize("placeholder", ["The previous record", "The previous peak"])
def test_a_record_refers_to_the_count_before_it(placeholder: str) -> None:
    text = (
        "Russian troops suffered 41,200 casualties in December, Kyiv's General Staff reported. "
        f"{placeholder} was 32,500, the Royal United Services Institute said."
    )
    found = _found(text)
    assert found[("personnel", 32500)].subject == "RU"
    assert found[("personnel", 32500)].claimant == "OTHER"


@pytest.mark.parametrize("record", ["a record", "a new record"])
def test_a_record_launch_is_no_loss(record: str) -> None:
    text = (
        f"Moscow launched {record} 540 drones overnight, and air defences downed 477 of them, "
        "the Air Force said."
    )
    assert [c.value for c in extract_claims(text)] == [477]


def test_the_day_an_offensive_began_is_not_the_losses_day() -> None:
    text = "Analysts said Russia lost about 20 tanks a day during the push that started on March 3."
    (claim,) = extract_claims(text, published="2025-04-10")
    assert (claim.basis, claim.as_of) == ("rate", None)


def test_a_day_the_losses_fell_on_still_dates_them() -> None:
    text = "Russia lost 1,240 soldiers on March 3, the General Staff said."
    (claim,) = extract_claims(text, published="2025-04-10")
    assert claim.as_of == "2025-03-04"


def test_a_speaker_after_a_copula_of_another_clause_still_speaks() -> None:
    text = (
        "Russian troops suffered 33,000 casualties in July, Ukraine's General Staff said. The "
        "toll in June was 29,100, said the Royal United Services Institute."
    )
    assert _found(text)[("personnel", 29100)].claimant == "OTHER"


def test_a_passive_after_a_copula_is_no_speaker() -> None:
    text = "Russia is visually confirmed to have lost 3,900 tanks."
    (claim,) = extract_claims(text)
    assert claim.claimant is None


def test_a_names_head_noun_before_its_aside_keeps_the_name_the_speaker() -> None:
    text = (
        "Ukraine's General Staff reported its figures on Monday. The WarSpotting monitoring "
        "group, which logs only losses with photographs, has recorded 310 Russian tanks lost."
    )
    assert _found(text)[("tanks", 310)].claimant != "UA_GENERAL_STAFF"


def test_an_owner_before_an_aside_is_not_the_speaker() -> None:
    text = (
        "A count of Russia's funeral notices, compiled by Mediazona in May, put the number of "
        "soldiers killed at 51,000."
    )
    assert _found(text)[("killed", 51000)].claimant == "MEDIAZONA"


def test_the_air_defence_that_downed_them_is_not_what_was_downed() -> None:
    text = (
        "Russia sent 95 attack drones overnight. Air defence units shot down 61 of them, "
        "the Air Force said."
    )
    (claim,) = extract_claims(text)
    assert (claim.category, claim.value, claim.subject) == ("uav", 61, "RU")


def test_a_relative_pronoun_after_a_name_speaks_for_it() -> None:
    text = (
        "The estimate comes from Britain's Ministry of Defence, which on Friday put Russian "
        "casualties at 790,000."
    )
    (claim,) = extract_claims(text)
    assert claim.claimant == "UK_MOD"


def test_western_governments_are_an_outside_estimate() -> None:
    text = (
        "Mediazona has named 90,000 dead. Western governments put Russia's dead at about 150,000."
    )
    assert _found(text)[("killed", 150000)].claimant == "OTHER"


def test_weapons_supplied_by_someone_can_still_be_destroyed() -> None:
    text = "Russia said its forces destroyed 140 armoured vehicles supplied by NATO countries."
    (claim,) = extract_claims(text)
    assert (claim.subject, claim.category, claim.value) == ("UA", "afv", 140)


@pytest.mark.parametrize(
    "text",
    [
        "The brigade fields 30 Bradley fighting vehicles delivered by the United States.",
        "Kyiv has received 60 armoured vehicles supplied by NATO countries.",
    ],
)
def test_weapons_supplied_with_no_loss_verb_are_no_claim(text: str) -> None:
    assert extract_claims(text) == []


def test_unnamed_officials_before_their_verb_hide_a_name_further_back() -> None:
    text = (
        "Ukraine's army has not commented. Russia lost 48 tanks near the river it tried to "
        "cross, officials said."
    )
    (claim,) = extract_claims(text)
    assert claim.claimant is None


def test_a_named_speaker_before_the_verb_still_speaks() -> None:
    text = "Russia lost 48 tanks near the river it tried to cross, Ukraine's General Staff said."
    (claim,) = extract_claims(text)
    assert claim.claimant == "UA_GENERAL_STAFF"


def test_a_possessive_before_a_ministry_names_whose_ministry_speaks() -> None:
    text = (
        "Moscow gives its own tallies. Its defence ministry says Kyiv has lost 640 tanks "
        "in the region."
    )
    (claim,) = extract_claims(text)
    assert claim.claimant == "RU_MOD"


def test_an_average_over_a_window_named_before_the_figure_is_a_rate() -> None:
    text = "Russia's daily average in March was 1,205 casualties, the General Staff's data show."
    (claim,) = extract_claims(text)
    assert (claim.value, claim.basis) == (1205, "rate")


def test_a_window_alone_before_the_figure_is_its_period() -> None:
    text = "Russia's losses in March were 36,400 casualties, the General Staff's data show."
    (claim,) = extract_claims(text)
    assert claim.basis == "period"


@pytest.mark.parametrize(
    ("figure", "value"),
    [("3.5 lakh", 350000), ("2 lakh", 200000), ("12 lakhs", 1200000), ("1.1 crore", 11000000)],
)
def test_indian_english_scales_are_multipliers(figure: str, value: int) -> None:
    text = f"Kyiv says Russia has lost {figure} soldiers since the invasion began."
    (claim,) = extract_claims(text)
    assert claim.value == value


def test_ukraines_army_chief_speaks_for_the_government() -> None:
    text = "Russia lost 390,000 troops last year, Ukraine's army chief said."
    (claim,) = extract_claims(text)
    assert claim.claimant == "UA_GOV"


@pytest.mark.parametrize("troops", ["North Korean soldiers", "North Koreans"])
def test_north_korean_troops_count_on_russias_side(troops: str) -> None:
    text = f"Kyiv's intelligence said 120 {troops} were killed near Sudzha last week."
    (claim,) = extract_claims(text)
    assert (claim.subject, claim.category, claim.value) == ("RU", "killed", 120)
