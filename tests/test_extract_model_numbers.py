"""Model numbers written apart from a weapon's name ("Leopard 2", "Shahed 136") count nothing."""

from __future__ import annotations

import pytest

from attrition.extract import extract_claims


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Oryx counts 14 Leopard 2 tanks and three Challenger 2 tanks lost by Ukraine.", [14, 3]),
        ("Air defences downed 41 of 48 Shahed 136 drones overnight, the Air Force said.", [41]),
        (
            "The army shot down 17 Geran 2 drones and 3 Lancet 3 drones, the Air Force said.",
            [17, 3],
        ),
    ],
)
def test_a_model_number_is_neither_a_figure_nor_a_break_in_the_noun_phrase(
    sentence: str, expected: list[int]
) -> None:
    assert [c.value for c in extract_claims(sentence)] == expected


def test_a_count_of_two_leopard_tanks_still_counts() -> None:
    claims = extract_claims("Russia lost 40 T-90 tanks and 2 Leopard tanks it had captured.")
    assert [(c.value, c.category) for c in claims] == [(40, "tanks"), (2, "tanks")]
