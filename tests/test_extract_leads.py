"""A lead line and the `label – value` item lines printed under it (attrition.extract.leads)."""

from __future__ import annotations

from typing import Any

import pytest

from attrition.extract import extract_claims
from attrition.extract.leads import is_list_line

LEAD = (
    "Enemy losses in the war so far\n"
    "The overall combat losses of the enemy between 24.02.2022 and 03.07.2023 were "
    "approximately as follows, the General Staff of the Armed Forces of Ukraine said.\n"
)
ITEMS = (
    "soldiers – about 229,170 (+540);\ntanks – 4,020 (+3);\n"
    "field kitchens – 97;\nhelicopters – 310;\n"
)


def claims(text: str, published: str | None = "2023-07-03") -> list[dict[str, Any]]:
    return [c.to_dict() for c in extract_claims(text, published=published)]


def by_value(text: str, published: str | None = "2023-07-03") -> dict[int, dict[str, Any]]:
    return {c["value"]: c for c in claims(text, published)}


def test_item_lines_take_the_speaker_of_the_lead_line() -> None:
    found = by_value(LEAD + ITEMS + "The figures are being checked.")
    assert {found[v]["claimant"] for v in (229170, 540, 4020, 3)} == {"UA_GENERAL_STAFF"}
    assert found[4020]["subject"] == "RU"


def test_an_approximation_closing_the_lead_covers_every_item_but_the_increments() -> None:
    found = by_value(LEAD + ITEMS)
    assert found[4020]["qualifier"] == "about"
    assert found[310]["qualifier"] == "about"
    assert found[3]["qualifier"] == "exact"
    assert found[3]["basis"] == "daily"


def test_item_lines_take_the_report_day_named_in_the_lead() -> None:
    found = by_value(LEAD + ITEMS, published="2023-07-05")
    assert found[4020]["as_of"] == "2023-07-03"
    assert found[540]["as_of"] == "2023-07-03"


def test_an_item_the_lexicon_cannot_read_does_not_end_the_list() -> None:
    found = by_value(LEAD + ITEMS)
    assert 97 not in found  # "field kitchens" is no category
    assert found[310]["category"] == "helicopters"


def test_a_closing_line_credits_the_items_nobody_claimed() -> None:
    text = (
        "Total combat losses of the enemy as of 5 March:\n"
        "tanks – 6,700 (+12)\n"
        "artillery systems – 10,280 (+20)\n"
        "The data are being updated, the General Staff reported."
    )
    found = by_value(text, published="2024-03-05")
    assert found[6700]["claimant"] == "UA_GENERAL_STAFF"
    assert found[20]["claimant"] == "UA_GENERAL_STAFF"
    assert found[6700]["as_of"] == "2024-03-05"


def test_a_line_without_figures_ends_the_lead() -> None:
    text = (
        LEAD
        + "tanks – 4,020 (+3);\n"
        + "Meanwhile, shelling continued overnight.\n"
        + "Kyiv residents reported 12 drones – all of them Russian – lost over the city."
    )
    found = by_value(text)
    assert found[4020]["qualifier"] == "about"
    assert 12 not in found or found[12]["qualifier"] == "exact"


def test_list_lines_are_short_labelled_numbers() -> None:
    assert is_list_line("vehicles and fuel tanks – 5,664 (+13);")
    assert is_list_line("MLRS: 535")
    assert is_list_line("UAV operational-tactical level - 2,309 (+11)")
    assert not is_list_line(
        "On Tuesday – a day after the strike – 14 tanks were lost near the town."
    )
    assert not is_list_line("tanks 4,020 were destroyed near the town")
    assert is_list_line("Tanks 4,020 +12")  # a table's line: the number closes it


def test_an_approximation_before_a_one_line_list_covers_its_items() -> None:
    text = (
        "The enemy's combat losses from 24.02.2022 to 01.12.2023 are approximately: "
        "personnel – about 330,000 (+1,000), tanks – 5,500 (+10), MLRS – 900."
    )
    found = by_value(text, published="2023-12-01")
    assert [found[v]["qualifier"] for v in (330000, 1000, 5500, 10, 900)] == [
        "about",
        "exact",
        "about",
        "exact",
        "about",
    ]


def test_an_attribution_on_the_line_after_a_paragraph_of_figures_credits_them() -> None:
    text = (
        "Enemy losses: personnel – 330,000 (+1,000), tanks – 5,500 (+10), "
        "artillery systems – 7,000 (+25).\n"
        "The data are being updated, the General Staff reports on Facebook."
    )
    found = by_value(text, published="2023-12-01")
    assert {found[v]["claimant"] for v in (330000, 1000, 5500, 25)} == {"UA_GENERAL_STAFF"}


def test_a_lead_announcing_figures_with_a_colon_opens_a_bulleted_list() -> None:
    text = (
        "The General Staff released the updated data on Monday morning:\n"
        "• Personnel: about 600,000 (+1,200)\n"
        "• Tanks: 8,800 (+7)\n"
    )
    found = by_value(text, published="2024-09-30")
    assert [(v, found[v]["claimant"], found[v]["as_of"]) for v in (600000, 8800, 7)] == [
        (600000, "UA_GENERAL_STAFF", "2024-09-30"),
        (8800, "UA_GENERAL_STAFF", "2024-09-30"),
        (7, "UA_GENERAL_STAFF", "2024-09-30"),
    ]


def test_a_days_figure_in_prose_and_the_same_increment_in_the_tally_are_one_claim() -> None:
    text = (
        "Ukrainian forces destroyed 9 Russian tanks over the past day, the General Staff said.\n"
        "The General Staff released the updated data:\n"
        "• Tanks: 8,800 (+9)\n"
    )
    values = [c["value"] for c in claims(text, published="2024-09-30")]
    assert values.count(9) == 1


def test_an_approximation_before_a_prose_list_covers_the_totals_past_their_increments() -> None:
    text = (
        "According to the General Staff, Russia has lost approximately 702,350 personnel, "
        "9,410 tanks (+6), 19,020 armoured combat vehicles (+12) and 20,300 artillery "
        "systems (+25)."
    )
    found = {c.value: c for c in extract_claims(text, published="2024-11-20")}
    assert {v for v, c in found.items() if c.qualifier == "about"} == {
        702350,
        9410,
        19020,
        20300,
    }
    assert found[12].qualifier == "exact" and found[12].basis == "daily"


@pytest.mark.parametrize("joiner", ["", " as well as"])
def test_a_days_part_in_an_aside_keeps_its_day_and_leaves_the_list_whole(joiner: str) -> None:
    text = (
        "The enemy's total combat losses from February 24, 2022 to November 20, 2024 are "
        f"approximately 702,350 people, including 1,530 over the past day,{joiner} 9,410 "
        "tanks, 19,020 armoured combat vehicles and 20,300 artillery systems, the General "
        "Staff said."
    )
    found = {c.value: c for c in extract_claims(text, published="2024-11-20")}
    assert set(found) == {702350, 1530, 9410, 19020, 20300}, found
    assert (found[1530].basis, found[1530].qualifier) == ("daily", "exact")
    for total in (702350, 9410, 19020, 20300):
        assert (found[total].basis, found[total].qualifier) == ("cumulative", "about"), total
    assert {c.subject for c in found.values()} == {"RU"}


def test_people_counted_as_the_losses_of_the_enemy_are_soldiers_however_far_the_noun() -> None:
    text = (
        "The total combat losses of the enemy from February 24, 2022 to November 20, 2024 "
        "are approximately 702,350 people.\nThis was reported by the General Staff."
    )
    (claim,) = extract_claims(text, published="2024-11-20")
    assert (claim.subject, claim.category, claim.value) == ("RU", "personnel", 702350)
