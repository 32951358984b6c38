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


def test_item_lines_that_open_with_their_number_are_items_under_a_lead() -> None:
    text = "Total combat losses of the enemy as of 02.03.2024:\n~412305 (+970) personnel\n"
    text += "• 6,612 (+11) tanks\n"
    found = {c.value: c for c in extract_claims(text, published="2024-03-02")}
    assert set(found) == {412305, 970, 6612, 11}
    assert (found[412305].qualifier, found[412305].category) == ("about", "personnel")
    assert (found[6612].category, found[11].basis) == ("tanks", "daily")


def test_a_line_opening_with_a_number_needs_a_loss_word_when_no_lead_is_open() -> None:
    text = "Russia lost 300 tanks near the city, Kyiv said.\n40 Leopard tanks arrived by rail.\n"
    assert [c.value for c in extract_claims(text)] == [300]


def test_items_after_a_semicolon_continue_the_loss_list_with_their_own_basis() -> None:
    text = (
        "Russian losses, according to the General Staff: personnel: about 412,305 (+970); "
        "tanks: 6,612 (+11); artillery: 16,101 (+24)."
    )
    found = {c.value: c.basis for c in extract_claims(text, published="2024-03-02")}
    assert found == {
        412305: "cumulative",
        970: "daily",
        6612: "cumulative",
        11: "daily",
        16101: "cumulative",
        24: "daily",
    }


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


@pytest.mark.parametrize("sign", ["≈", "~"])
def test_an_approximation_sign_between_label_and_number_reads_as_the_items_dash(
    sign: str,
) -> None:
    text = LEAD + f"◾ personnel {sign} 412,305 (+970)\n◾ helicopters {sign} 327\n"
    found = {c.value: c for c in extract_claims(text, published="2024-03-01")}
    assert set(found) == {412305, 970, 327}
    assert (found[412305].qualifier, found[412305].basis) == ("about", "cumulative")
    assert (found[970].qualifier, found[970].basis) == ("exact", "daily")
    assert found[327].category == "helicopters"


def test_an_approximation_sign_in_a_sentence_is_not_a_list_label() -> None:
    text = "The tanks ≈ 40 years old were sent to the front, officials said."
    assert extract_claims(text) == []


def test_a_closing_line_that_only_names_the_general_staff_signs_the_list() -> None:
    text = LEAD + "tanks ≈ 6,612 (+11)\nartillery systems ≈ 10,020\nThe data are being updated.\n"
    text += "General Staff of the Armed Forces of Ukraine"
    found = extract_claims(text, published="2024-03-01")
    assert len(found) == 3
    assert {c.claimant for c in found} == {"UA_GENERAL_STAFF"}
    assert {c.as_of for c in found} == {"2024-03-01"}


def test_a_closing_line_with_more_than_a_name_signs_nothing() -> None:
    text = LEAD + "tanks ≈ 6,612 (+11)\nThe data are being updated.\n"
    text += "The General Staff of the Armed Forces of Ukraine will publish more tomorrow"
    assert {c.claimant for c in extract_claims(text, published="2024-03-01")} == {None}


def test_a_days_increment_after_the_noun_in_prose_is_that_categorys_daily_figure() -> None:
    text = (
        "Russia has also lost 9,870 tanks (+6), 20,410 armoured fighting vehicles (+14) and "
        "1,260 multiple rocket launchers, the General Staff said."
    )
    found = {(c.category, c.value): c.basis for c in extract_claims(text, published="2025-01-09")}
    assert found == {
        ("tanks", 9870): "cumulative",
        ("tanks", 6): "daily",
        ("afv", 20410): "cumulative",
        ("afv", 14): "daily",
        ("mlrs", 1260): "cumulative",
    }


@pytest.mark.parametrize("layout", ["lines", "one paragraph"])
def test_personnel_counted_in_people_after_the_label_are_the_enemys_soldiers(layout: str) -> None:
    items = ["personnel – about 873,400 (+1,090) people", "tanks – 10,180 (+4)"]
    joiner = "\n" if layout == "lines" else ", "
    text = LEAD + joiner.join(items) + "\n"
    found = {c.value: c for c in extract_claims(text, published="2025-02-24")}
    assert set(found) == {873400, 1090, 10180, 4}
    assert (found[873400].category, found[873400].subject) == ("personnel", "RU")
    assert found[1090].basis == "daily"


def test_people_killed_in_a_strike_stay_no_claim_beside_a_list() -> None:
    text = LEAD + "tanks – 10,180 (+4)\nA strike on Sumy killed five people, officials said.\n"
    assert [c.value for c in extract_claims(text, published="2025-02-24")] == [10180, 4]


def test_a_typed_double_hyphen_is_the_items_dash() -> None:
    text = (
        LEAD
        + "Personnel -- about 412,305 (+970) persons;\nTanks -- 6,612 (+11);\nAircraft -- 347.\n"
    )
    found = {c.value: c for c in extract_claims(text, published="2024-03-01")}
    assert set(found) == {412305, 970, 6612, 11, 347}
    assert (found[412305].category, found[412305].qualifier) == ("personnel", "about")
    assert (found[11].category, found[11].basis) == ("tanks", "daily")
    assert found[347].category == "aircraft"


def test_a_bracket_without_a_sign_after_an_items_total_is_its_daily_increment() -> None:
    text = (
        "The General Staff's figures for this morning (the past day's losses in brackets):\n"
        "Personnel: approx. 702,150 (1,340)\nTanks: 9,120 (7)\nHelicopters: 328\n"
    )
    found = {c.value: c for c in extract_claims(text, published="2024-11-20")}
    assert set(found) == {702150, 1340, 9120, 7, 328}
    assert (found[702150].qualifier, found[1340].qualifier) == ("about", "exact")
    assert (found[7].category, found[7].basis, found[9120].basis) == (
        "tanks",
        "daily",
        "cumulative",
    )


@pytest.mark.parametrize("bracket", ["(2023)", "(12,400)", "(4,300)"])
def test_a_bracket_holding_a_year_or_a_larger_number_is_no_increment(bracket: str) -> None:
    text = f"Russia has lost 4,300 {bracket} tanks, the General Staff said."
    assert [c.basis for c in extract_claims(text, published="2024-11-20")] == ["cumulative"]


def test_items_listed_after_a_bullets_first_figure_are_losses_past_an_item_without_one() -> None:
    text = (
        "Ukrainian losses by group of forces, according to the Russian Defence Ministry:\n"
        "• Battlegroup West: up to 240 troops, a tank, three pickup trucks and an howitzer;\n"
        "• Battlegroup East: more than 95 troops, two armoured vehicles and six motor vehicles.\n"
    )
    found = [(c.value, c.category, c.subject) for c in extract_claims(text, published="2025-01-16")]
    assert found == [
        (240, "personnel", "UA"),
        (3, "vehicles", "UA"),
        (95, "personnel", "UA"),
        (2, "afv", "UA"),
        (6, "vehicles", "UA"),
    ]


def test_a_labels_bracketed_gloss_before_the_colon_keeps_the_line_in_its_list() -> None:
    text = (
        "Ukraine's losses by battlegroup over the week were as follows, Russia's Defence "
        "Ministry said:\n"
        "\n"
        "Vostok (East): up to 1,310 servicemen, 4 tanks;\n"
        "Zapad (West): over 2,020 servicemen;\n"
    )
    found = extract_claims(text, published="2024-12-07")
    assert [(c.value, c.category) for c in found] == [
        (1310, "personnel"),
        (4, "tanks"),
        (2020, "personnel"),
    ]
    assert {c.subject for c in found} == {"UA"}
    assert {c.claimant for c in found} == {"RU_MOD"}
