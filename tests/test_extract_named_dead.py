"""English rules from the own-en-16 round: parts of a count of the dead, the named dead an
outlet adds to its list, windows that open a report, and a few lexicon rows.

Every sentence here was written for these tests; each test pins one rule.
"""

from __future__ import annotations

from extract_fields import found


def test_a_part_named_after_among_the_dead_is_dead_too() -> None:
    text = (
        "The outlet has confirmed the deaths of 88,400 Russian soldiers. "
        "Among the confirmed dead, about 9,700 were volunteers who had signed contracts."
    )
    assert found(text, "en", "category", "value", "qualifier") == [
        ("killed", 88400, "exact"),
        ("killed", 9700, "about"),
    ]


def test_a_sentence_opening_with_a_bare_count_and_a_copula_names_a_part() -> None:
    text = (
        "The outlet has confirmed the deaths of 88,400 Russian soldiers. "
        "At least 3,900 were officers."
    )
    assert found(text, "en", "category", "value") == [("killed", 88400), ("killed", 3900)]


def test_a_copula_count_with_nothing_counted_before_it_claims_nothing() -> None:
    assert found("At least 3,900 were officers, the academy said.", "en") == []


def test_who_the_dead_were_is_no_call_up_even_before_the_count() -> None:
    text = (
        "The outlet has confirmed the deaths of 88,400 Russian soldiers. "
        "Mobilised men make up 10,250 of the deaths."
    )
    assert found(text, "en", "category", "value") == [("killed", 88400), ("killed", 10250)]


def test_names_added_to_a_list_of_the_dead_are_the_dead_of_its_window() -> None:
    text = (
        "Mediazona has confirmed the deaths of 88,400 Russian soldiers. "
        "Since its previous update, the outlet added 2,675 names to its list."
    )
    assert found(text, "en", "category", "value", "basis", "claimant") == [
        ("killed", 88400, "cumulative", "MEDIAZONA"),
        ("killed", 2675, "period", "MEDIAZONA"),
    ]


def test_people_above_the_windows_count_are_a_part_of_the_running_total() -> None:
    text = (
        "Mediazona has confirmed the deaths of 88,400 Russian soldiers. "
        "In the past week alone, it added 1,340 new names. "
        "Among the dead are 10,600 volunteers, 8,100 mobilised men and more than 2,900 officers."
    )
    assert found(text, "en", "value", "basis") == [
        (88400, "cumulative"),
        (1340, "period"),
        (10600, "cumulative"),
        (8100, "cumulative"),
        (2900, "cumulative"),
    ]


def test_a_listed_count_of_casualties_keeps_its_own_category() -> None:
    text = "Kyiv has lost between 50,000 and 80,000 killed and about 350,000 casualties in all."
    assert [c[1] for c in found(text, "en", "value", "category")] == ["killed", "personnel"]


def test_a_window_opened_before_the_report_verb_is_what_the_report_counts() -> None:
    text = "Over the week the Ukrainian military reported destroying 64 Russian tanks."
    assert found(text, "en", "value", "basis") == [(64, "period")]
    said = "Last week the Ukrainian military reported destroying 64 Russian tanks."
    assert found(said, "en", "value", "basis") == [(64, "cumulative")]


def test_drone_pilots_are_people_not_drones() -> None:
    text = "Russia has lost 42 drone pilots since January, the Ukrainian commander said."
    assert found(text, "en", "category", "value") == [("personnel", 42)]


def test_an_early_warning_plane_is_an_aircraft() -> None:
    text = "Ukraine's air force said it had shot down one A-50 early-warning plane."
    assert found(text, "en", "category", "value") == [("aircraft", 1)]


def test_captives_handed_over_in_a_swap_are_no_losses() -> None:
    text = "Each side lost nothing and the two armies were handing over 95 captives on Friday."
    assert found(text, "en") == []


def test_a_count_per_square_kilometre_is_a_ratio() -> None:
    text = "Russia suffered roughly 96 casualties per square kilometre it captured, the study says."
    assert found(text, "en") == []


def test_a_long_aside_with_its_own_relative_clause_still_names_the_speaker() -> None:
    text = (
        "Oryx, a Dutch open-source project that lists only losses documented with photographs "
        "or video, counts 3,540 Russian tanks destroyed."
    )
    assert found(text, "en", "value", "claimant") == [(3540, "ORYX")]


def test_a_co_subject_before_an_aside_keeps_the_first_speaker() -> None:
    text = (
        "Mediazona and the BBC Russian service, which read obituaries, court records and "
        "regional news, have identified 84,100 Russian soldiers killed."
    )
    assert found(text, "en", "value", "claimant") == [(84100, "MEDIAZONA")]


def test_a_bounded_part_after_including_does_not_make_the_whole_the_dead() -> None:
    text = (
        "The assessment put Russian losses at 150,000 to 170,000 troops, including up to "
        "35,000 killed in action."
    )
    assert found(text, "en", "category", "low", "value") == [
        ("personnel", 150000, None),
        ("killed", None, 35000),
    ]


def test_losses_after_a_count_of_the_dead_are_all_the_sides_losses() -> None:
    text = (
        "The document put Russian losses at 150,000 to 170,000 troops, including up to 35,000 "
        "killed, and Ukrainian losses at 95,000 to 110,000."
    )
    assert found(text, "en", "subject", "category", "low") == [
        ("RU", "personnel", 150000),
        ("RU", "killed", None),
        ("UA", "personnel", 95000),
    ]


def test_a_bound_after_a_bullet_keeps_the_line_in_its_list() -> None:
    text = (
        "Since the start of the incursion, the enemy has lost:\n"
        "- over 21,300 troops;\n"
        "- 160 tanks;\n"
        "- 88 infantry fighting vehicles.\n"
        "The ministry did not give its own losses."
    )
    assert found(text, "en", "category", "value", "qualifier") == [
        ("personnel", 21300, "over"),
        ("tanks", 160, "exact"),
        ("afv", 88, "exact"),
    ]


def test_recruitment_is_no_loss() -> None:
    text = "Despite these losses, Russia's recruitment of about 28,000 personnel a month goes on."
    assert found(text, "en") == []


def test_a_ukrainian_regional_governor_speaks_for_ukraine() -> None:
    text = "Air defences shot down 17 drones over the region overnight, governor Oleh Kiper said."
    assert found(text, "en", "value", "claimant") == [(17, "UA_GOV")]
