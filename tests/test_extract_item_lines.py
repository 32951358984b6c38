"""Item lines of a loss list whose figure is followed by a unit noun ("… (+1,300) persons")."""

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
