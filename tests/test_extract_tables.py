"""Loss tables without dashes, leads that only announce a list, and who a table belongs to."""

from __future__ import annotations

import pytest

from attrition.extract import extract_claims

TABLE = (
    "The invaders have lost 402,110 soldiers since the war began, the General Staff said.\n"
    "Their losses in weapons and equipment (total, change since yesterday):\n"
    "Tanks 6,612 +11\n"
    "Armoured combat vehicles 12,480 +9\n"
    "Aircraft 347\n"
    "Automotive equipment and fuel tanks 13,050 +31\n"
    "The count is being updated.\n"
)


def test_a_table_line_pairs_its_label_with_the_total_and_the_bare_increment() -> None:
    found = {c.value: c for c in extract_claims(TABLE, published="2024-02-20")}
    assert set(found) == {402110, 6612, 11, 12480, 9, 347, 13050, 31}
    assert (found[6612].category, found[6612].basis) == ("tanks", "cumulative")
    assert (found[11].category, found[11].basis) == ("tanks", "daily")
    assert (found[12480].category, found[31].category) == ("afv", "vehicles")


def test_a_table_lead_with_only_a_colon_hands_its_items_the_speaker_before_it() -> None:
    found = extract_claims(TABLE, published="2024-02-20")
    assert {c.claimant for c in found} == {"UA_GENERAL_STAFF"}
    assert {c.subject for c in found} == {"RU"}


def test_a_bare_plus_after_a_total_is_its_increment_not_a_more_than_qualifier() -> None:
    found = {c.value: c for c in extract_claims(TABLE, published="2024-02-20")}
    assert found[6612].qualifier == found[11].qualifier == "exact"


def test_label_lines_without_a_lead_are_not_a_table() -> None:
    text = "The farm fair opened on Sunday.\nTractors 120\nTanks 4\nVisitors came from afar.\n"
    assert extract_claims(text) == []


def test_reported_by_in_the_next_sentence_credits_the_figures_before_it() -> None:
    text = (
        "Russian combat losses have reached about 388,400 personnel.\n"
        "This was reported by the General Staff of Ukraine's Armed Forces on Telegram.\n"
    )
    [claim] = extract_claims(text, published="2024-01-30")
    assert (claim.value, claim.claimant) == (388400, "UA_GENERAL_STAFF")


def test_drones_lost_to_jamming_are_not_shot_down() -> None:
    text = (
        "Air defence shot down 31 of the drones, the air force said. Another nine were "
        "lost to electronic warfare, and four were locationally lost."
    )
    assert [c.value for c in extract_claims(text, published="2024-11-02")] == [31]


@pytest.mark.parametrize("verb", ["soared past", "topped", "passed"])
def test_a_total_that_soars_past_a_figure_is_more_than_it(verb: str) -> None:
    text = f"Russia's losses {verb} 610,000, Ukraine's General Staff said."
    [claim] = extract_claims(text, published="2024-06-03")
    assert (claim.subject, claim.value, claim.qualifier) == ("RU", 610000, "over")


def test_a_total_reached_on_a_day_is_that_days_report_not_the_next() -> None:
    text = "Russian personnel losses reached 512,000 on Saturday, the General Staff said."
    [claim] = extract_claims(text, published="2024-06-04")
    assert (claim.basis, claim.as_of) == ("cumulative", "2024-06-01")
    lost = "Russia lost 1,210 troops on Saturday, the General Staff said."
    assert extract_claims(lost, published="2024-06-04")[0].as_of == "2024-06-02"


def test_a_span_after_an_earlier_figure_is_not_a_later_totals() -> None:
    text = "Russia lost 1,300 soldiers over the past day as its losses climbed to 640,000."
    found = {c.value: c.basis for c in extract_claims(text, published="2024-06-04")}
    assert found == {1300: "daily", 640000: "cumulative"}
    listed = "Russia lost 11 tanks over the past day, along with 40 drones, Kyiv said."
    assert {c.basis for c in extract_claims(listed, published="2024-06-04")} == {"daily"}


def test_a_rate_after_the_casualty_verb_and_the_elliptical_next_figure_share_it() -> None:
    text = "Zelensky said 70 to 90 Ukrainian soldiers are killed a day and up to 400 are wounded."
    found = {(c.category, c.basis) for c in extract_claims(text, published="2024-06-04")}
    assert found == {("killed", "rate"), ("wounded", "rate")}


def test_a_leads_window_between_two_days_makes_its_items_a_period() -> None:
    text = (
        "The Russian defence ministry said on Saturday that between May 4 and May 10 its "
        "forces destroyed:\n1. 1,940 Ukrainian servicemen;\n2. 31 tanks;\n"
        "Kyiv did not comment.\n"
    )
    found = {c.value: c for c in extract_claims(text, published="2024-05-11")}
    assert set(found) == {1940, 31}
    assert {c.basis for c in found.values()} == {"period"}
    assert {c.subject for c in found.values()} == {"UA"}


def test_prisoners_swapped_in_return_for_others_are_no_losses() -> None:
    text = "A swap on Friday brought home 75 Russian soldiers in return for 75 Ukrainian captives."
    assert extract_claims(text, published="2024-06-04") == []


def test_troops_in_and_around_a_country_are_a_deployment() -> None:
    text = (
        "Russia lost 1,100 soldiers over the past day, the General Staff said. "
        "Budanov said Russia had 600,000 troops in and around Ukraine and would raise the "
        "number to 700,000."
    )
    assert [c.value for c in extract_claims(text, published="2024-06-04")] == [1100]


def test_a_daily_average_that_rose_above_a_figure_is_a_rate() -> None:
    text = "The UK said the daily average of Russian casualties rose above 1,350 in October."
    [claim] = extract_claims(text, published="2024-11-04")
    assert (claim.value, claim.qualifier, claim.basis) == (1350, "over", "rate")
    text = "The UK said average daily Russian casualties rose to 1,180 in September."
    assert extract_claims(text, published="2024-11-04")[0].basis == "rate"


def test_a_part_of_a_casualty_count_takes_its_own_verb() -> None:
    text = "Zelensky said 40 to 80 soldiers are killed and wounded a day, and up to 15 of them are"
    text += " killed."
    found = {(c.value or c.low): c for c in extract_claims(text, published="2024-06-04")}
    assert (found[40].category, found[40].basis) == ("personnel", "rate")
    assert found[15].category == "killed"


def test_a_day_after_a_loss_verb_is_the_losses_and_bringing_hands_on_the_rest() -> None:
    text = (
        "Ukraine's military said Russia lost 1,270 troops on Sunday, bringing its total losses "
        "since the start of the invasion to about 601,000."
    )
    found = {c.value: c for c in extract_claims(text, published="2024-08-19")}
    assert (found[1270].basis, found[1270].as_of) == ("daily", "2024-08-19")
    assert (found[601000].basis, found[601000].as_of) == ("cumulative", "2024-08-19")
    said = "The General Staff reported 1,940 Russian casualties on August 17."
    assert extract_claims(said, published="2024-08-19")[0].as_of == "2024-08-17"


def test_a_smaller_count_the_same_speaker_also_gave_continues_the_day() -> None:
    text = (
        "Ukraine's General Staff said on Friday that Russia had lost 610 troops over the past "
        "day, bringing the total to 221,000. It also said 14 Russian tanks had been destroyed."
    )
    found = {c.value: c.basis for c in extract_claims(text, published="2023-06-16")}
    assert found == {610: "daily", 221000: "cumulative", 14: "daily"}


PIPE_TABLE = (
    "Each week we add up the General Staff's daily reports on Russia's losses.\n"
    "Our figures are the General Staff's totals as of Monday morning.\n"
    "{header}\n"
    "{border}Personnel{cell}612,400{cell}+9,870{border}\n"
    "{border}Tanks{cell}8,102{cell}+61{border}\n"
    "{border}Drones (operational-tactical){cell}17,930{cell}+415{border}\n"
    "{border}Aircraft{cell}368{cell}–{border}\n"
    "Tank losses have slowed since the summer.\n"
)
LAYOUTS = {
    "pipes": ("Category | Total | Change", "", " | "),
    "markdown": ("| Category | Total | Change |\n|---|---|---|", "| ", " | "),
    "tabs": ("Category\tTotal\tChange", "", "\t"),
}


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_a_table_with_a_header_row_reads_each_rows_label_total_and_change(layout: str) -> None:
    header, border, cell = LAYOUTS[layout]
    text = PIPE_TABLE.format(header=header, border=border, cell=cell)
    found = {(c.category, c.value): c for c in extract_claims(text, published="2024-09-30")}
    assert set(found) == {
        ("personnel", 612400),
        ("personnel", 9870),
        ("tanks", 8102),
        ("tanks", 61),
        ("uav", 17930),
        ("uav", 415),
        ("aircraft", 368),
    }, found
    assert found[("tanks", 61)].basis == "daily"
    assert found[("tanks", 8102)].basis == "cumulative"


def test_a_header_row_hands_its_rows_the_speaker_of_the_paragraph_before_it() -> None:
    text = PIPE_TABLE.format(header="Category | Total | Change", border="", cell=" | ")
    found = extract_claims(text, published="2024-09-30")
    assert {c.claimant for c in found} == {"UA_GENERAL_STAFF"}
    assert {c.as_of for c in found} == {"2024-09-30"}


def test_a_bare_increment_may_have_thousands_separators() -> None:
    text = "Russia's losses, according to the General Staff:\nPersonnel 612,400 +1,090\n"
    found = {c.value: c for c in extract_claims(text, published="2024-09-30")}
    assert set(found) == {612400, 1090}
    assert found[1090].basis == "daily"


def test_a_header_row_without_rows_under_it_reads_nothing() -> None:
    text = "Team | Played | Points\nKyiv won the match on Sunday.\n"
    assert extract_claims(text) == []


NUMBERS_BOX = (
    "Two years of war in figures\n"
    "By the numbers\n"
    "• 2,100: Russian tanks destroyed, damaged or captured, as documented by Oryx\n"
    "• 61,400: Russian soldiers killed whose names were confirmed by Mediazona\n"
    "• 730: days since the invasion began\n"
    "• 6.3 million: refugees recorded across Europe\n"
)


def test_a_line_opening_with_its_number_reads_the_label_after_the_colon() -> None:
    found = {c.value: c for c in extract_claims(NUMBERS_BOX, published="2024-02-24")}
    assert {v: (c.category, c.qualifier) for v, c in found.items()} == {
        2100: ("tanks", "exact"),
        61400: ("killed", "exact"),
    }


def test_as_documented_by_credits_the_figure_to_the_counter() -> None:
    found = {c.value: c.claimant for c in extract_claims(NUMBERS_BOX, published="2024-02-24")}
    assert found == {2100: "ORYX", 61400: "MEDIAZONA"}


def test_a_clock_time_is_no_figure_on_either_side_of_its_colon() -> None:
    text = "At 04:05, 12 drones were shot down over the region, the air force said."
    assert [c.value for c in extract_claims(text, published="2024-02-24")] == [12]


MONTH_TABLE = (
    "Russian losses month by month, according to Ukraine's General Staff:\n"
    "{header}\n"
    "{border}July{cell}34,210{cell}151{border}\n"
    "{border}August{cell}36,890{cell}188{border}\n"
    "Losses rose again in the autumn.\n"
)


@pytest.mark.parametrize(
    ("header", "border", "cell"),
    [
        ("Month | Personnel | Tanks", "", " | "),
        ("| Month | Personnel | Tanks |\n|---|---|---|", "| ", " | "),
    ],
)
def test_rows_labelled_by_a_month_take_the_headers_noun_for_each_cell(
    header: str, border: str, cell: str
) -> None:
    text = MONTH_TABLE.format(header=header, border=border, cell=cell)
    found = {(c.category, c.value): c for c in extract_claims(text, published="2024-09-05")}
    assert set(found) == {
        ("personnel", 34210),
        ("tanks", 151),
        ("personnel", 36890),
        ("tanks", 188),
    }
    assert {c.basis for c in found.values()} == {"period"}
    assert {c.claimant for c in found.values()} == {"UA_GENERAL_STAFF"}


def test_a_header_column_of_deliveries_claims_nothing() -> None:
    text = (
        "Weapons sent to Ukraine by month, the ministry said:\n"
        "Month | Tanks delivered\n"
        "July | 31\n"
        "August | 14\n"
    )
    assert extract_claims(text, published="2024-09-05") == []


def test_rows_labelled_by_a_day_under_a_lead_naming_the_count_are_that_days_figures() -> None:
    text = (
        "Daily personnel losses of the enemy, as reported by the General Staff:\n"
        "Sep 2 | 1,210\n"
        "Sep 3 | 1,090\n"
        "The figures cannot be verified.\n"
    )
    found = [
        (c.category, c.value, c.basis, c.as_of)
        for c in extract_claims(text, published="2024-09-05")
    ]
    assert found == [
        ("personnel", 1210, "daily", "2024-09-02"),
        ("personnel", 1090, "daily", "2024-09-03"),
    ]


BRACKETED_TOTALS = (
    "Ukraine's General Staff gave the enemy's losses over the past day, totals in brackets:\n"
    "\n"
    "6 tanks (total: 8,120)\n"
    "27 artillery systems (17,344)\n"
    "\n"
    "The totals for helicopters (328) and warships (28) stayed the same.\n"
)


def test_a_bracketed_total_after_an_items_noun_makes_the_item_the_days_change() -> None:
    found = {c.value: c for c in extract_claims(BRACKETED_TOTALS, published="2024-09-03")}
    assert (found[6].category, found[6].basis) == ("tanks", "daily")
    assert (found[8120].category, found[8120].basis) == ("tanks", "cumulative")
    assert (found[27].basis, found[17344].category) == ("daily", "artillery")
    assert found[17344].basis == "cumulative"


def test_a_count_in_brackets_right_after_its_noun_is_that_nouns_figure() -> None:
    found = {c.value: c for c in extract_claims(BRACKETED_TOTALS, published="2024-09-03")}
    assert (found[328].category, found[28].category) == ("helicopters", "ships")
    assert found[328].subject == found[28].subject == "RU"


def test_a_smaller_bracketed_count_after_a_noun_leaves_the_figure_before_a_total() -> None:
    text = "Russia has lost 9,300 tanks (6), the General Staff said on Monday."
    found = {c.value: c for c in extract_claims(text, published="2024-09-03")}
    assert found[9300].basis == "cumulative"


def test_a_bracketed_number_after_a_noun_needs_a_loss_or_a_tally_word() -> None:
    text = "The plant built helicopters (40) and trucks (1,200) last year."
    assert extract_claims(text, published="2024-09-03") == []


DAYS_AFTER_COLONS = (
    "Russia lost 4,420 soldiers in Ukraine over three days, Ukraine's General Staff said.\n"
    "\n"
    "The daily figures reported by the General Staff were:\n"
    "\n"
    "Friday, March 7: 1,510\n"
    "Saturday, March 8: 1,440\n"
    "Sunday, March 9: 1,470\n"
)


def test_day_rows_after_colons_count_what_the_text_was_counting() -> None:
    found = {c.value: c for c in extract_claims(DAYS_AFTER_COLONS, published="2025-03-10")}
    assert {1510, 1440, 1470} <= set(found)
    assert (found[1510].category, found[1510].basis) == ("personnel", "daily")
    assert (found[1440].as_of, found[1470].claimant) == ("2025-03-08", "UA_GENERAL_STAFF")


def test_a_time_of_day_after_a_colon_is_no_row() -> None:
    text = "Russia lost 1,510 soldiers, the General Staff said at 08:00.\nUpdated: 09:30\n"
    assert [c.value for c in extract_claims(text, published="2025-03-10")] == [1510]


def test_month_rows_under_a_lead_naming_an_average_are_rates() -> None:
    text = (
        "Russia's casualties rose again in the autumn, Defence Intelligence said.\n"
        "Average daily Russian casualties by month, per Defence Intelligence:\n"
        "August 2024: 1,187\n"
        "September 2024: 1,271\n"
    )
    found = {c.value: c for c in extract_claims(text, published="2024-12-03")}
    assert (found[1187].basis, found[1271].basis) == ("rate", "rate")
    assert found[1271].claimant == "UK_MOD"
