"""Item lines of loss lists, production that is no loss, and totals a day's figure brings up."""

from __future__ import annotations

import pytest

from attrition.extract import extract_claims

LEAD = "Combat losses of the enemy as of this morning were approximately:\n"


@pytest.mark.parametrize("unit", ["persons", "soldiers", "troops", ""])
def test_a_unit_noun_after_the_increment_keeps_the_item_and_its_increment(unit: str) -> None:
    text = LEAD + f"personnel ‒ about 412,305 (+970) {unit}\nhelicopters ‒ 327\n"
    found = {c.value: c for c in extract_claims(text, published="2024-03-01")}
    assert set(found) == {412305, 970, 327}
    assert (found[412305].category, found[412305].basis) == ("personnel", "cumulative")
    assert (found[970].category, found[970].basis) == ("personnel", "daily")
    assert found[412305].subject == found[970].subject == "RU"


def test_a_dashed_figure_with_no_label_word_before_it_is_no_item() -> None:
    text = LEAD + "tanks ‒ 7,021 (+5)\n– 40 (+2) persons\n"
    assert {c.value for c in extract_claims(text, published="2024-03-01")} == {7021, 5}


@pytest.mark.parametrize("verb", ["churning out", "turning out", "manufacturing"])
def test_weapons_being_produced_after_a_loss_count_are_no_losses(verb: str) -> None:
    text = (
        "Ukraine has lost 640 tanks by the same count.\n"
        f"Western partners have sent Ukraine roughly 700 tanks, while Russian plants are {verb} "
        "some 1,300 a year, analysts estimate."
    )
    assert [c.value for c in extract_claims(text)] == [640]


def test_a_total_brought_to_by_a_days_losses_is_not_that_days_basis() -> None:
    text = (
        "Over the past day, Ukrainian units killed 720 Russian soldiers, bringing the total "
        "to 231,700, the General Staff reported."
    )
    found = {c.value: c.basis for c in extract_claims(text, published="2023-07-10")}
    assert found == {720: "daily", 231700: "cumulative"}
