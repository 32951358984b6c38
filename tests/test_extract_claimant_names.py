"""Claimants: initialisms written either way, and a source credited to its author."""

from __future__ import annotations

import pytest

from attrition.extract import extract_claims
from attrition.extract.rules import spell_initialisms


def test_a_plain_initialism_is_also_spelled_with_dots() -> None:
    assert spell_initialisms("UK Defence Intelligence") == (
        "UK Defence Intelligence",
        "U.K. Defence Intelligence",
    )


def test_a_dotted_initialism_is_also_spelled_plain() -> None:
    assert spell_initialisms("U.S. intelligence") == ("U.S. intelligence", "US intelligence")


def test_words_in_mixed_case_keep_their_one_spelling() -> None:
    assert spell_initialisms("Britain's MoD") == ("Britain's MoD",)


@pytest.mark.parametrize("name", ["UK Ministry of Defence", "U.K. Ministry of Defence"])
def test_the_british_ministry_is_found_however_its_initials_are_written(name: str) -> None:
    text = f"The {name} estimated that Russia loses an average of 980 troops a day."
    (claim,) = extract_claims(text)
    assert (claim.claimant, claim.subject, claim.value, claim.basis) == (
        "UK_MOD",
        "RU",
        980,
        "rate",
    )


@pytest.mark.parametrize(
    ("source", "claimant"),
    [
        ("an assessment released last week by the Royal United Services Institute", "OTHER"),
        ("figures compiled over several months by Oryx", "ORYX"),
    ],
)
def test_a_source_credited_to_its_author_named_after_by(source: str, claimant: str) -> None:
    text = f"Moscow has lost 1,240 tanks this year, according to {source}."
    (claim,) = extract_claims(text, published="2025-06-03")
    assert (claim.claimant, claim.value, claim.subject) == (claimant, 1240, "RU")


def test_a_day_between_the_source_and_its_author_dates_the_statement() -> None:
    text = (
        "Russia has lost 2,310 tanks, according to an assessment published on Monday "
        "by the Institute for the Study of War."
    )
    (claim,) = extract_claims(text, published="2025-06-04")
    assert (claim.claimant, claim.as_of) == ("OTHER", "2025-06-02")


@pytest.mark.parametrize("owner", ["Russian military", "Ukrainian army"])
def test_a_name_right_before_a_loss_noun_owns_the_losses_and_does_not_speak(owner: str) -> None:
    text = f"{owner} casualties neared 84,000, the newspaper reported."
    (claim,) = extract_claims(text, published="2024-02-01")
    assert (claim.value, claim.claimant) == (84000, None)


def test_a_loss_noun_before_a_source_noun_still_names_the_speaker() -> None:
    text = "According to General Staff casualty figures, Russia lost 910 soldiers on Monday."
    (claim,) = extract_claims(text, published="2024-02-01")
    assert claim.claimant == "UA_GENERAL_STAFF"


@pytest.mark.parametrize(
    "subject",
    [
        "Mediazona, which combs obituaries, social media and cemeteries, has",
        "Mediazona and the BBC's Russian service, which comb obituaries, social media and "
        "cemeteries, have",
    ],
)
def test_bodies_named_inside_a_speakers_aside_do_not_speak(subject: str) -> None:
    text = f"{subject} so far confirmed the names of 52,300 Russian soldiers killed in Ukraine."
    (claim,) = extract_claims(text, published="2024-04-01")
    assert claim.claimant == "MEDIAZONA", claim


@pytest.mark.parametrize(
    "speaker",
    ["Bryansk Governor Alexander Bogomaz", "Moscow Mayor Sergei Sobyanin", "Governor Gladkov"],
)
def test_a_russian_regional_governor_or_mayor_speaks_for_the_russian_government(
    speaker: str,
) -> None:
    text = f"{speaker} said 11 Ukrainian drones had been shot down overnight."
    (claim,) = extract_claims(text, published="2025-03-04")
    assert (claim.claimant, claim.subject, claim.category) == ("RU_GOV", "UA", "uav")


def test_an_initialism_written_in_small_letters_is_a_plain_word() -> None:
    text = (
        "Andriy, 38, commands the drone battalion of a brigade. He spoke to us on Tuesday.\n"
        '"Last month we destroyed 40 Russian tanks," he said.'
    )
    (claim,) = extract_claims(text, published="2025-03-12")
    assert (claim.claimant, claim.value) == ("UA_GOV", 40)


def test_an_initialism_in_capitals_still_names_its_claimant() -> None:
    (claim,) = extract_claims("The US said Russia had lost 1,500 tanks.", published="2025-03-12")
    assert claim.claimant == "US_GOV"


def test_a_list_of_sources_credits_each_line_to_the_source_before_its_colon() -> None:
    text = (
        "What each side says:\n"
        "- Ukraine's General Staff: about 702,000 Russian troops killed or wounded.\n"
        "- Volodymyr Zelensky: 43,000 Ukrainian soldiers killed.\n"
        "- Oryx: at least 3,400 Russian tanks lost.\n"
    )
    found = [(c.value, c.claimant) for c in extract_claims(text, published="2024-12-09")]
    assert found == [(702000, "UA_GENERAL_STAFF"), (43000, "UA_GOV"), (3400, "ORYX")]


def test_a_capitalised_label_the_lexicon_does_not_know_credits_nobody() -> None:
    text = (
        "Die Verluste des Feindes laut ukrainischem Generalstab:\n"
        "Gepanzerte Kampffahrzeuge: 18.804 (+17)\nArtilleriesysteme: 20.421 (+29)\n"
    )
    claims = extract_claims(text, published="2024-11-07", lang="de")
    assert {c.claimant for c in claims} == {"UA_GENERAL_STAFF"}


def test_a_person_who_spoke_for_an_organisation_is_the_person_a_later_title_means() -> None:
    text = (
        "Taras, 41, commands a drone unit of Ukraine's 47th Mechanized Brigade.\n"
        '"We hit 900 Russian infantrymen in May," he said.\n'
        "The figures are part of the General Staff's daily tally.\n"
        "The commander said his own unit had lost 6 pilots since March."
    )
    found = [(c.value, c.subject, c.claimant) for c in extract_claims(text, published="2024-06-04")]
    assert found == [(900, "RU", "UA_GOV"), (6, "UA", "UA_GOV")]


def test_the_commander_of_a_ukrainian_unit_speaks_for_ukraine() -> None:
    text = "The commander of a Ukrainian air assault battalion said his men had lost nine soldiers."
    [claim] = extract_claims(text, published="2024-09-10")
    assert (claim.subject, claim.claimant) == ("UA", "UA_GOV")


def test_the_ualosses_project_is_an_outside_count() -> None:
    text = (
        "Russia's defence ministry said Ukraine had lost 1,200 troops over the past day. "
        "A volunteer project, UALosses, has compiled the names of 61,000 Ukrainian soldiers killed."
    )
    found = {c.value: c for c in extract_claims(text, published="2025-02-05")}
    assert found[61000].claimant == "OTHER"
