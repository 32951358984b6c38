"""Rules from wire copy on air attacks and from equipment tallies: a part at a sentence's end,
a part opened by "among them", armour named as vehicles, and estimates that name an origin."""

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
