"""Interceptions: "shot down" in the simple past counts one attack, in the perfect a total."""

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


def test_a_stated_span_outweighs_the_tense_of_shot_down() -> None:
    text = "Since January the Air Force shot down 9,120 Russian drones, a spokesman said."
    (claim,) = extract_claims(text, published="2025-03-09")
    assert claim.basis == "period"
