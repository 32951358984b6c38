"""Whose losses a possessive names ("of its soldiers"), and whose day a headline's speaker takes."""

from __future__ import annotations

from typing import Any

import pytest

from attrition.extract import extract_claims


def first(text: str, published: str = "2024-09-02") -> dict[str, Any]:
    return extract_claims(text, published=published)[0].to_dict()


@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("Kyiv says 21,000 of its soldiers killed", "UA"),
        ("Moscow admits 4,800 of its troops were killed in the offensive.", "RU"),
        ("Kyiv said Russia had lost 300 of its tanks near the river.", "RU"),
        ("Moscow said Ukraine had lost 300 of its tanks near the river.", "UA"),
        ("Zelensky said Putin had lost 9,000 of his soldiers in the assault.", "RU"),
    ],
)
def test_a_possessive_belongs_to_the_side_named_before_it(text: str, side: str) -> None:
    assert first(text)["subject"] == side


def test_a_side_adjective_of_another_noun_does_not_own_the_possessive() -> None:
    text = "Zelensky said that since the Russian invasion 21,000 of its soldiers had died."
    assert first(text)["subject"] == "UA"


def test_an_unnamed_owner_is_the_speaker_whose_side_is_known() -> None:
    text = "Ukraine's army chief Oleksandr Syrskyi said his brigades had lost 1,200 of their men."
    assert (first(text)["subject"], first(text)["claimant"]) == ("UA", "UA_GOV")


def test_a_side_word_inside_a_lexicon_noun_gives_its_side() -> None:
    text = "Prigozhin says 11,000 Wagner fighters died near the town"
    assert first(text)["subject"] == "RU"


def test_a_mercenary_chief_is_no_government_speaker() -> None:
    text = "Wagner chief Yevgeny Prigozhin said 11,000 of his fighters had died near the town."
    assert (first(text)["subject"], first(text)["claimant"]) == ("RU", "OTHER")


def test_a_headline_speaker_takes_the_day_the_body_says_he_spoke() -> None:
    text = (
        "Kyiv says up to 21,000 of its soldiers killed\n"
        "Between 18,000 and 21,000 Ukrainian soldiers have been killed since the invasion, "
        "presidential adviser Mykhailo Podolyak said on Friday.\n"
    )
    found = {c.value or c.low: c for c in extract_claims(text, published="2024-09-02")}
    assert (found[21000].claimant, found[21000].as_of) == ("UA_GOV", "2024-08-30")
    assert found[18000].as_of == "2024-08-30"


def test_a_sides_claims_quoted_by_the_other_side_are_that_sides() -> None:
    text = (
        "Ukraine's defence minister said on Monday that Russian claims of 300,000 to "
        "400,000 Ukrainian dead were invented."
    )
    claim = first(text)
    assert (claim["subject"], claim["low"], claim["claimant"]) == ("UA", 300000, "RU_GOV")


def test_moscows_claim_of_a_figure_is_moscows() -> None:
    claim = first("Zelensky dismissed Moscow's claim of 380,000 Ukrainian casualties.")
    assert (claim["subject"], claim["claimant"]) == ("UA", "RU_GOV")


def test_the_site_says_after_a_countrys_losses_is_the_site_not_the_country() -> None:
    text = (
        "Oryx has documented the losses with photographs. Russia has also lost 104 aircraft "
        "and 131 helicopters, the site's editors say."
    )
    assert {c.claimant for c in extract_claims(text, published="2024-02-24")} == {"ORYX"}


@pytest.mark.parametrize("verb", ["Among the dead are", "The dead include"])
def test_people_listed_after_a_count_of_the_dead_are_more_of_the_dead(verb: str) -> None:
    text = (
        f"{verb} 10,200 volunteers, 8,100 mobilized men and more than 2,700 officers, "
        "the outlets said."
    )
    found = {c.value: c for c in extract_claims(text, published="2025-03-03")}
    assert {v: c.category for v, c in found.items()} == {
        10200: "killed",
        8100: "killed",
        2700: "killed",
    }
    assert found[2700].qualifier == "over"


def test_men_mobilized_beside_a_count_of_the_dead_are_no_loss() -> None:
    text = "Russia mobilized 300,000 men, and 20,000 of them were killed, the outlet said."
    assert [c.value for c in extract_claims(text, published="2025-03-03")] == [20000]


def test_figures_after_a_colon_spell_out_the_losses_named_before_it() -> None:
    text = (
        "Russia has lost about 700,000 troops, the report says. Kyiv's losses are lower but "
        "grave: 45,000 to 70,000 killed and some 300,000 casualties in all."
    )
    sides = {(c.low or c.value): c.subject for c in extract_claims(text, published="2025-01-10")}
    assert sides == {700000: "RU", 45000: "UA", 300000: "UA"}


@pytest.mark.parametrize("unit", ["His own battalion", "Our brigade", "His regiment"])
def test_a_commanders_own_unit_is_the_speakers_side(unit: str) -> None:
    text = (
        "Andriy, 38, commands the drone battalion of a brigade near Orikhiv. "
        f"{unit} has lost 14 men killed since May, he said."
    )
    (claim,) = extract_claims(text, published="2025-03-12")
    assert (claim.subject, claim.category, claim.claimant) == ("UA", "killed", "UA_GOV")


@pytest.mark.parametrize("aside", [", which counts differently,", ", whose tally runs far higher,"])
def test_a_relative_aside_after_the_speaker_does_not_make_the_speaker_the_loser(
    aside: str,
) -> None:
    text = f"Ukraine's General Staff{aside} lists 26 warships destroyed since February 2022."
    [claim] = extract_claims(text, published="2024-03-26")
    assert (claim.subject, claim.category, claim.claimant) == ("RU", "ships", "UA_GENERAL_STAFF")


def test_a_window_named_in_an_aside_about_the_speaker_is_not_the_figures() -> None:
    text = (
        "The General Staff, which publishes a daily tally, says Russia has lost more than "
        "790,000 troops."
    )
    [claim] = extract_claims(text, published="2025-01-06")
    assert claim.basis == "cumulative"


def test_a_window_after_the_aside_still_counts() -> None:
    text = "The General Staff, which counts differently, says Russia lost 1,020 troops overnight."
    [claim] = extract_claims(text, published="2025-01-06")
    assert claim.basis == "daily"
