"""One small test per rule family, with sentences written for these tests.

Each test names the rule it pins; ``rule_id`` on every claim says which lexicon
row decided its category.
"""

from __future__ import annotations

import copy
import json
from importlib import resources
from typing import Any

import pytest

from attrition.errors import ConfigurationError
from attrition.extract import extract_claims
from attrition.extract.rules import compile_lexicon, load_lexicon
from attrition.taxonomy import CATEGORIES

EN = json.loads((resources.files("attrition.extract") / "lexicons" / "en.json").read_text("utf-8"))


def claims(text: str, published: str | None = "2024-05-15") -> list[dict[str, Any]]:
    return [c.to_dict() for c in extract_claims(text, published=published)]


def keys(text: str, *fields: str, published: str | None = "2024-05-15") -> list[tuple[Any, ...]]:
    fields = fields or ("subject", "category", "value")
    return [tuple(c[f] for f in fields) for c in claims(text, published)]


# -- the lexicon is data, validated when loaded ------------------------------------------


def test_every_canonical_category_has_words_in_the_english_lexicon() -> None:
    covered = {row["category"] for row in EN["categories"] if row.get("category")}
    assert set(CATEGORIES) <= covered


def test_rule_ids_are_unique_and_every_claim_names_a_known_rule() -> None:
    lexicon = load_lexicon("en")
    text = "Russia lost 12 tanks and 40 soldiers were killed, the General Staff said."
    for claim in claims(text):
        assert claim["rule_id"].split(":")[0] in lexicon.rule_ids | {
            "pred.mixed",
            "pred.lost_beside_casualty",
            "claimant.counts_deaths",
        }


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["categories"][0].update(colour="red"), "unknown key(s) ['colour']"),
        (lambda d: d["categories"][0].update(category="tankz"), "unknown category 'tankz'"),
        (lambda d: d["claimants"][0].update(claimant="NOBODY"), "unknown claimant 'NOBODY'"),
        (lambda d: d["qualifiers"][0].update(qualifier="maybe"), "qualifier must be one of"),
        (lambda d: d["sides"][1].update(id=d["sides"][0]["id"]), "duplicate id"),
        (lambda d: d.pop("grammar"), "missing section(s) ['grammar']"),
        (lambda d: d.update(extras=[]), "unknown section(s) ['extras']"),
        (lambda d: d["loss_cues"][0].update(terms="lost"), "terms must be a list"),
        (lambda d: d["grammar"].pop("auxiliaries"), "missing key(s) ['auxiliaries']"),
    ],
)
def test_a_bad_lexicon_row_is_rejected_with_its_place(change: Any, message: str) -> None:
    data = copy.deepcopy(EN)
    change(data)
    with pytest.raises(
        ConfigurationError,
        match=message.replace("(", r"\(")
        .replace(")", r"\)")
        .replace("[", r"\[")
        .replace("]", r"\]"),
    ):
        compile_lexicon(data, "test.json")


def test_an_unknown_language_falls_back_to_english() -> None:
    assert load_lexicon("xx") is load_lexicon("en")


# -- categories: the text's word decides --------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "category"),
    [
        ("12 main battle tanks", "tanks"),
        ("12 armoured personnel carriers", "afv"),
        ("12 infantry fighting vehicles", "afv"),
        ("12 APCs", "afv"),
        ("12 tanks and other armoured combat vehicles", "afv"),
        ("12 self-propelled howitzers", "artillery"),
        ("12 artillery systems", "artillery"),
        ("12 multiple rocket launchers", "mlrs"),
        ("12 MLRS", "mlrs"),
        ("12 SAM systems", "air_defense"),
        ("12 air defence systems", "air_defense"),
        ("12 fighter jets", "aircraft"),
        ("12 planes", "aircraft"),
        ("12 helicopters", "helicopters"),
        ("12 drones", "uav"),
        ("12 unmanned aerial vehicles", "uav"),
        ("12 cruise missiles", "cruise_missiles"),
        ("12 warships", "ships"),
        ("12 boats", "ships"),
        ("12 submarines", "submarines"),
        ("12 fuel tanks", "vehicles"),
        ("12 trucks", "vehicles"),
        ("12 units of special equipment", "special_equipment"),
        ("12 servicemen", "personnel"),
        ("12 soldiers", "personnel"),
    ],
)
def test_category_nouns(phrase: str, category: str) -> None:
    assert keys(f"Ukraine's General Staff said Russia had lost {phrase}.") == [("RU", category, 12)]


@pytest.mark.parametrize(
    ("sentence", "category"),
    [
        ("Moscow lost 300 soldiers killed in the assault, Kyiv said.", "killed"),
        ("Some 300 Russian soldiers were wounded in the assault, Kyiv said.", "wounded"),
        ("Some 300 Russian soldiers surrendered, Kyiv said.", "captured"),
        ("Some 300 Russian soldiers are missing, Kyiv said.", "missing"),
        ("Some 300 Russian soldiers were killed or wounded, Kyiv said.", "personnel"),
        ("Kyiv said it had killed 300 Russian soldiers.", "killed"),
        ("Kyiv put the number of dead Russian soldiers at 300.", "killed"),
        ("Kyiv said 300 Russian soldiers had been eliminated.", "personnel"),
        ("Kyiv counted 300 Russian casualties.", "personnel"),
    ],
)
def test_casualty_words_refine_people(sentence: str, category: str) -> None:
    assert keys(sentence) == [("RU", category, 300)]


def test_lost_beside_wounded_means_killed() -> None:
    text = "The army was losing 40 soldiers a day, while 90 more were wounded, the president said."
    assert keys(text, "category", "value", "basis") == [
        ("killed", 40, "rate"),
        ("wounded", 90, "rate"),
    ]


def test_a_tank_is_no_claim_but_one_tank_is() -> None:
    assert keys("Ukrainian troops destroyed a tank near Kupiansk, the army said.") == []
    assert keys("Ukrainian troops destroyed one tank near Kupiansk, the army said.") == [
        ("RU", "tanks", 1)
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Poland has registered 1,500,000 refugees from Ukraine since the war began.",
        "Germany will deliver 40 tanks to Ukraine by the end of the year.",
        "Ukraine received 120 armoured vehicles from its allies last month.",
        "Russia has mobilised 300,000 reservists since September.",
        "Russia amassed 150,000 troops on the border before the invasion.",
        "The war has cost Russia $200 billion and 18 percent of Ukraine is occupied.",
        "Air defences intercepted 12 ballistic missiles and 6 guided bombs overnight.",
        "The shelling killed 14 civilians and wounded 40 residents, officials said.",
        "The two sides exchanged the bodies of 500 soldiers on Friday.",
        "Casualties on both sides combined may reach 400,000, analysts say.",
        "Russia could lose another 100,000 soldiers by the end of the year, a think tank forecast.",
        "Moscow lost 14,000 units of equipment in the offensive, Kyiv said.",
        "Hundreds of Russian soldiers were killed in the assault, Kyiv said.",
        "The 155 mm shells travelled 30 km in four minutes.",
        "In 2023 the brigade was 3,000 strong.",
    ],
)
def test_non_claims_stay_out(sentence: str) -> None:
    assert claims(sentence) == []


def test_drones_and_cruise_missiles_shot_down_count() -> None:
    text = "Ukraine's air force said it shot down 30 drones and 9 cruise missiles overnight."
    assert keys(text, "subject", "category", "value", "claimant", "basis") == [
        ("RU", "uav", 30, "UA_GOV", "daily"),
        ("RU", "cruise_missiles", 9, "UA_GOV", "daily"),
    ]


# -- qualifiers ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "qualifier"),
    [
        ("more than", "over"),
        ("over", "over"),
        ("at least", "over"),
        ("no less than", "over"),
        ("about", "about"),
        ("around", "about"),
        ("roughly", "about"),
        ("some", "about"),
        ("up to", "under"),
        ("almost", "under"),
        ("nearly", "under"),
        ("fewer than", "under"),
        ("as many as", "under"),
    ],
)
def test_qualifier_words(words: str, qualifier: str) -> None:
    text = f"Kyiv said Russia had lost {words} 500 tanks since the invasion began."
    assert keys(text, "value", "qualifier") == [(500, qualifier)]


def test_an_approximation_before_a_list_covers_every_item() -> None:
    text = "Losses are approximately: 5,000 troops, 40 tanks and 12 helicopters, Kyiv said."
    assert [c["qualifier"] for c in claims(text)] == ["about", "about", "about"]


def test_a_bound_before_a_list_covers_only_its_own_item() -> None:
    text = "Kyiv said Russia had lost more than 5,000 troops, 40 tanks and 12 helicopters."
    assert [c["qualifier"] for c in claims(text)] == ["over", "exact", "exact"]


# -- subject side --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "side"),
    [
        ("Kyiv said the Kremlin's forces lost 70 tanks.", "RU"),
        ("Kyiv said Moscow's army lost 70 tanks.", "RU"),
        ("Kyiv said the occupiers lost 70 tanks.", "RU"),
        ("Russia's defence ministry said Kyiv lost 70 tanks.", "UA"),
        ("Russia's defence ministry said the enemy lost 70 tanks.", "UA"),
        ("Ukraine's General Staff said the enemy lost 70 tanks.", "RU"),
        ("Russia's defence ministry said Russian forces destroyed 70 tanks.", "UA"),
        ("Kyiv said 70 tanks had been destroyed by Ukrainian forces.", "RU"),
        ("Kyiv said it had lost 70 of its own tanks.", "UA"),
    ],
)
def test_subject_sides(sentence: str, side: str) -> None:
    assert keys(sentence, "subject") == [(side,)]


# -- claimants -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "claimant"),
    [
        ("According to the General Staff, Russia has lost 700 tanks.", "UA_GENERAL_STAFF"),
        ("Russia has lost 700 tanks, Ukraine's defence ministry said.", "UA_GENERAL_STAFF"),
        ("Kyiv says Russia has lost 700 tanks.", "UA_GENERAL_STAFF"),
        ("Kyiv says it has lost 700 tanks.", "UA_GOV"),
        ("President Zelensky said Russia had lost 700 tanks.", "UA_GOV"),
        ("Russia's defence ministry said Ukraine had lost 700 tanks.", "RU_MOD"),
        ("The Kremlin said Ukraine had lost 700 tanks.", "RU_GOV"),
        ("Moscow says Ukraine has lost 700 tanks.", "RU_GOV"),
        ("Oryx has documented 700 destroyed Russian tanks.", "ORYX"),
        ("Mediazona has confirmed the deaths of 700 Russian soldiers.", "MEDIAZONA"),
        ("British intelligence estimates Russia has lost 700 tanks.", "UK_MOD"),
        ("The Pentagon estimates Russia has lost 700 tanks.", "US_GOV"),
        ("NATO estimates Russia has lost 700 tanks.", "OTHER"),
        ("Anna Smith, a defence analyst, said Russia had lost 700 tanks.", "OTHER"),
        ("Russia has lost 700 tanks.", None),
    ],
)
def test_claimants(sentence: str, claimant: str | None) -> None:
    assert keys(sentence, "claimant") == [(claimant,)]


def test_an_attribution_covers_the_rest_of_its_paragraph() -> None:
    text = (
        "Russia lost 900 troops, Kyiv's General Staff said. "
        "It also lost 12 tanks and 30 artillery systems."
    )
    assert {c["claimant"] for c in claims(text)} == {"UA_GENERAL_STAFF"}


def test_a_headline_takes_the_claimant_the_body_gives() -> None:
    text = (
        "Russia loses 900 troops in a day\n"
        "Russia lost 900 troops in the past day, the General Staff said."
    )
    assert keys(text, "value", "claimant", "basis") == [(900, "UA_GENERAL_STAFF", "daily")]


def test_a_quotation_belongs_to_its_speaker() -> None:
    text = '"We destroyed 40 Russian tanks this week," the navy spokesman Dmytro Pletenchuk said.'
    assert keys(text, "subject", "value", "claimant", "basis") == [("RU", 40, "UA_GOV", "period")]


def test_he_said_refers_to_the_last_person_named() -> None:
    text = (
        "General Mark Milley spoke to reporters on Monday. "
        "He said Russia had lost 100,000 soldiers killed or wounded."
    )
    assert keys(text, "value", "claimant") == [(100000, "US_GOV")]


# -- basis -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "basis"),
    [
        ("Kyiv said Russia had lost 500 tanks since the start of the invasion.", "cumulative"),
        ("Kyiv said Russia had lost 500 tanks in total.", "cumulative"),
        ("Kyiv said Russia had lost 50 tanks in the past 24 hours.", "daily"),
        ("Kyiv said Russia had lost 50 tanks over the past day.", "daily"),
        ("Kyiv said Russia was losing 50 tanks a day.", "rate"),
        ("Kyiv said Russia lost 50 tanks in July.", "period"),
        ("Kyiv said Russia lost 50 tanks last week.", "period"),
        ("Kyiv said Russia lost 50 tanks since the beginning of the year.", "period"),
        ("Kyiv said Russia had lost 50 tanks.", "cumulative"),
    ],
)
def test_bases(sentence: str, basis: str) -> None:
    assert keys(sentence, "basis") == [(basis,)]


def test_a_bracketed_increment_is_a_daily_claim_beside_the_total() -> None:
    text = "Kyiv, May 15. Russian losses: tanks – 7,400 (+12), the General Staff reported."
    assert keys(text, "category", "value", "basis", "as_of") == [
        ("tanks", 7400, "cumulative", "2024-05-15"),
        ("tanks", 12, "daily", "2024-05-15"),
    ]


def test_respectively_pairs_figures_with_their_nouns_and_days() -> None:
    text = (
        "Moscow lost 1,100, 1,200 and 1,300 troops on Saturday, Sunday and Monday "
        "respectively, according to Ukraine's General Staff."
    )
    assert keys(text, "value", "basis", "as_of", published="2024-05-14") == [
        (1100, "daily", "2024-05-12"),
        (1200, "daily", "2024-05-13"),
        (1300, "daily", "2024-05-14"),
    ]


# -- repetition ----------------------------------------------------------------------------


def test_a_figure_repeated_in_headline_and_body_is_one_claim() -> None:
    text = "Russia has lost 5,000 tanks\nRussia has lost 5,000 tanks, Kyiv said on Monday."
    assert len(claims(text)) == 1


def test_breakdowns_are_separate_claims() -> None:
    text = (
        "Oryx says Russia has lost 3,000 tanks, of which 2,000 were destroyed, "
        "300 damaged and 700 captured."
    )
    assert keys(text, "category", "value") == [
        ("tanks", 3000),
        ("tanks", 2000),
        ("tanks", 300),
        ("tanks", 700),
    ]


# -- other languages: the same rules with their own lexicon rows ------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "it",
            "Secondo lo Stato Maggiore ucraino, la Russia ha perso 1.250 soldati e 14 carri armati "
            "nelle ultime 24 ore.",
            [
                ("RU", "personnel", 1250, "UA_GENERAL_STAFF", "daily"),
                ("RU", "tanks", 14, "UA_GENERAL_STAFF", "daily"),
            ],
        ),
        (
            "fr",
            "Selon l'état-major ukrainien, la Russie a perdu environ 3.000 chars "
            "depuis le début de la guerre.",
            [("RU", "tanks", 3000, "UA_GENERAL_STAFF", "cumulative")],
        ),
        (
            "es",
            "El ministerio de Defensa ruso informó que Ucrania ha perdido 400 soldados "
            "en las últimas 24 horas.",
            [("UA", "personnel", 400, "RU_MOD", "daily")],
        ),
        (
            "de",
            "Nach Angaben des ukrainischen Generalstabs hat Russland insgesamt "
            "8.000 Panzer verloren.",
            [("RU", "tanks", 8000, "UA_GENERAL_STAFF", "cumulative")],
        ),
        (
            "zh",
            "俄國防部指出，俄防空系統一天內擊落烏軍40架無人機。",
            [("UA", "uav", 40, "RU_MOD", "daily")],
        ),
        (
            "uk",
            "За даними Генштабу ЗСУ, з початку вторгнення Росія втратила 8 000 танків.",
            [("RU", "tanks", 8000, "UA_GENERAL_STAFF", "cumulative")],
        ),
        (
            "ru",
            "Минобороны России сообщило, что за сутки ВСУ потеряли 400 военнослужащих.",
            [("UA", "personnel", 400, "RU_MOD", "daily")],
        ),
    ],
)
def test_languages_are_lexicon_rows(lang: str, text: str, expected: list[tuple[Any, ...]]) -> None:
    got = [
        (c.subject, c.category, c.value, c.claimant, c.basis)
        for c in extract_claims(text, published="2024-05-15", lang=lang)
    ]
    assert got == expected


# -- rules added from whole articles (tests/golden/own-en-3.jsonl) -------------------------


def test_a_participle_of_a_casualty_verb_sets_the_category_of_the_people_it_governs() -> None:
    text = (
        "Moscow said its troops pushed back the attack, killing as many as 600 Ukrainian soldiers."
    )
    assert keys(text, "subject", "category", "value", "qualifier") == [
        ("UA", "killed", 600, "under")
    ]


def test_tank_models_count_as_tanks() -> None:
    text = (
        "Russia's defence ministry said it destroyed 12 Ukrainian tanks, including five Leopards."
    )
    assert keys(text) == [("UA", "tanks", 12), ("UA", "tanks", 5)]


def test_an_age_is_not_a_figure() -> None:
    text = "Mediazona has named 2,000 dead Russian soldiers; many of them were over the age of 50."
    assert [value for _, _, value in keys(text)] == [2000]


def test_the_invasion_month_with_its_year_opens_a_running_total_and_a_later_month_a_period() -> (
    None
):
    text = (
        "Ukraine says it has destroyed 2,100 Russian tanks since February 2022. "
        "Kyiv says Russia has lost 300 tanks since March 2024."
    )
    assert keys(text, "value", "basis") == [(2100, "cumulative"), (300, "period")]


def test_a_relative_clause_between_a_speaker_and_its_verb_is_skipped() -> None:
    text = (
        "The Oryx project, which lists only photographed losses, "
        "has recorded 410 lost Ukrainian tanks."
    )
    assert keys(text, "subject", "value", "claimant") == [("UA", 410, "ORYX")]


def test_a_report_word_after_a_possessive_is_an_adjective_not_a_speaker() -> None:
    text = "Ukraine's confirmed losses stand at 530 tanks, according to the Oryx blog."
    assert keys(text, "subject", "value", "claimant") == [("UA", 530, "ORYX")]


def test_an_open_source_count_in_a_headline_is_the_visually_confirmed_tally() -> None:
    text = "Russia has lost 4,000 tanks, open-source count shows\nThe invasion began in 2022."
    assert keys(text, "value", "claimant") == [(4000, "ORYX")]


def test_a_bare_number_with_a_place_after_another_figure_repeats_its_noun() -> None:
    text = (
        "The ministry said Ukraine lost up to 250 soldiers near Kupiansk over the past day, "
        "along with 180 in the south."
    )
    assert keys(text, "subject", "category", "value", "basis") == [
        ("UA", "personnel", 250, "daily"),
        ("UA", "personnel", 180, "daily"),
    ]


@pytest.mark.parametrize(
    "span", ["in the final days of the siege", "over the month", "in the closing weeks of 2023"]
)
def test_the_end_of_a_battle_and_the_month_are_periods(span: str) -> None:
    text = f"Kyiv said Russia had lost 700 soldiers {span}."
    assert keys(text, "value", "basis") == [(700, "period")]


def test_colloquial_words_for_soldiers_are_people() -> None:
    text = '"We lose 15 to 25 of our guys on bad days," the Ukrainian commander said.'
    assert keys(text, "category", "low", "high") == [("personnel", 15, 25)]


@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("Ukraine's military also reported 3,645 armoured vehicles and 90 jets destroyed.", "RU"),
        ("Russia's defence ministry said 40 drones were shot down overnight.", "UA"),
        ("Kyiv's General Staff says 12 tanks were destroyed near Bakhmut.", "RU"),
        ("Moscow admits 300 soldiers were killed when the cruiser sank.", "RU"),
    ],
)
def test_a_side_naming_the_speaker_of_an_unmarked_figure_is_not_the_loser(
    text: str, side: str
) -> None:
    assert {subject for subject, _, _ in keys(text)} == {side}


def test_a_leading_date_label_is_the_articles_day_not_a_statements() -> None:
    text = (
        " date 2023-04-02 On April 1, the Oryx blog said Russia had lost more than 2,000 tanks.\n"
        "Kyiv says Russia has lost 3,600 tanks."
    )
    assert keys(text, "value", "as_of", published=None) == [
        (2000, "2023-04-01"),
        (3600, "2023-04-02"),
    ]


def test_a_statement_dated_to_a_month_keeps_no_day_and_leaves_the_speakers_day_alone() -> None:
    text = (
        "President Zelensky said on Sunday that 20,000 Ukrainian soldiers had been killed.\n"
        "That is up from the 9,000 deaths Zelensky reported in March 2023, when fighting raged.\n"
        "Zelensky also said Russia had lost 300,000 troops."
    )
    assert keys(text, "value", "as_of", published="2024-02-26") == [
        (20000, "2024-02-25"),
        (9000, None),
        (300000, "2024-02-25"),
    ]


def test_figures_of_coordinated_loss_verbs_and_their_aside_share_a_trailing_span() -> None:
    text = (
        "Moscow said its forces repelled the attack, killing 900 Ukrainian troops and "
        "destroying 25 tanks, including six Abrams, over the past three days."
    )
    assert keys(text, "value", "basis") == [(900, "period"), (25, "period"), (6, "period")]


def test_a_part_named_without_an_aside_keeps_its_own_span() -> None:
    text = "Kyiv put Russian losses at 700,000 troops, including 1,250 over the past 24 hours."
    assert keys(text, "value", "basis") == [(700000, "cumulative"), (1250, "daily")]


def test_an_average_right_before_a_figure_is_a_rate_whatever_window_follows() -> None:
    text = "British intelligence said Russian losses rose from a daily average of 640 in May."
    assert keys(text, "value", "basis") == [(640, "rate")]


def test_months_of_fighting_for_a_place_are_a_period_and_months_of_war_the_whole_war() -> None:
    battle = "Kyiv said Russia lost 9,000 troops during three months of fighting for Vuhledar."
    war = "Kyiv said Russia lost 9,000 troops in three months of fighting."
    assert keys(battle, "value", "basis") == [(9000, "period")]
    assert keys(war, "value", "basis") == [(9000, "cumulative")]


def test_a_country_after_a_preposition_is_a_place_not_the_speaker_of_a_participle() -> None:
    text = "Deaths of 30,000 Russian soldiers in Ukraine confirmed, Mediazona says"
    assert keys(text, "value", "claimant") == [(30000, "MEDIAZONA")]


def test_the_two_outlets_refer_back_to_the_named_outlets() -> None:
    text = (
        "Mediazona and BBC Russian have named 60,000 dead Russian soldiers, "
        "the two outlets said on Thursday.\n"
        "They estimate the real number of dead at about 140,000."
    )
    assert keys(text, "value", "claimant", "as_of", published="2024-11-01") == [
        (60000, "MEDIAZONA", "2024-10-31"),
        (140000, "MEDIAZONA", "2024-10-31"),
    ]


@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("Die ukrainische Armee hat nach eigenen Angaben 35 Panzer zerstört.", "RU"),
        ("Die russische Armee habe 250 ukrainische Soldaten getötet, hieß es.", "UA"),
        ("Die russischen Truppen haben 90 Drohnen abgeschossen.", "UA"),
        ("Russland hat seit Kriegsbeginn 7.000 Panzer verloren.", "RU"),
    ],
)
def test_a_german_participle_after_its_object_decides_the_side(text: str, side: str) -> None:
    found = extract_claims(text, published="2024-05-15", lang="de")
    assert [c.subject for c in found] == [side]


def test_a_german_separable_report_verb_takes_its_postposed_speaker() -> None:
    text = "Russland hat 7.000 Panzer verloren, teilte der ukrainische Generalstab am Montag mit."
    found = extract_claims(text, published="2024-05-15", lang="de")
    assert [(c.claimant, c.as_of) for c in found] == [("UA_GENERAL_STAFF", "2024-05-13")]


def test_people_who_fled_are_not_losses() -> None:
    text = "Russia lost 20,000 troops, while 3 million Ukrainians have fled the country."
    assert [value for _, _, value in keys(text)] == [20000]


def test_dead_and_wounded_after_a_side_are_one_count_of_that_sides_personnel() -> None:
    text = "Britain put the number of Russian dead and wounded at 410,000."
    assert keys(text) == [("RU", "personnel", 410000)]


def test_fixed_wing_drones_are_drones() -> None:
    text = "Russia's defence ministry said it downed 120 Ukrainian fixed-wing drones this week."
    assert keys(text, "subject", "category", "value", "basis") == [("UA", "uav", 120, "period")]


def test_since_an_event_began_is_a_period_and_since_the_war_began_the_whole_war() -> None:
    event = (
        "Moscow said it had killed 400 Ukrainian soldiers since Ukraine's raid into "
        "the Bryansk region began on Monday."
    )
    war = (
        "Moscow said 5,000 of its soldiers had died since it launched what it calls its operation."
    )
    assert keys(event, "value", "basis", published="2024-08-08") == [(400, "period")]
    assert keys(war, "value", "basis") == [(5000, "cumulative")]


def test_a_complements_noun_phrase_carries_its_own_non_claim_cues() -> None:
    text = "The number of Russian and Ukrainian troops killed or wounded is approaching 600,000."
    assert keys(text) == []


def test_people_with_no_side_in_their_sentence_are_victims_not_a_sides_losses() -> None:
    text = (
        "Russia said it shot down 30 Ukrainian drones overnight.\n"
        "In Kharkiv, at least seven people were killed and 25 wounded, the governor said."
    )
    assert keys(text) == [("UA", "uav", 30)]


def test_people_a_side_has_lost_are_its_losses() -> None:
    assert keys("Mediazona said Russia has lost 60,000 people in the war.") == [
        ("RU", "killed", 60000)
    ]


def test_it_after_a_countrys_own_toll_refers_to_that_country() -> None:
    text = (
        "Kyiv said on Monday that Russia had lost 30,000 troops.\n"
        "Moscow last gave its own toll on March 2, when it said 498 Russian soldiers had died."
    )
    assert keys(text, "value", "claimant", published="2022-04-11") == [
        (30000, "UA_GENERAL_STAFF"),
        (498, "RU_MOD"),
    ]


def test_n_more_after_a_figure_repeats_its_noun() -> None:
    text = "Kyiv said its drones destroyed four Russian jets at the airfield and damaged five more."
    assert keys(text) == [("RU", "aircraft", 4), ("RU", "aircraft", 5)]


def test_fighting_vehicles_of_a_model_are_armoured_vehicles() -> None:
    text = "Oryx has confirmed the loss of 20 Ukrainian Bradley fighting vehicles."
    assert keys(text) == [("UA", "afv", 20)]


def test_a_breakdown_by_origin_repeats_the_noun_of_the_total() -> None:
    text = (
        "Mediazona has confirmed the deaths of 9,000 Russian soldiers, "
        "including 700 from Dagestan and 450 from Tuva."
    )
    assert keys(text) == [("RU", "killed", 9000), ("RU", "killed", 700), ("RU", "killed", 450)]


def test_the_wars_start_after_a_figure_beats_an_earlier_month_span() -> None:
    text = (
        "Britain said Russia had lost up to 40,000 soldiers over the month, "
        "and some 480,000 since February 2022."
    )
    assert keys(text, "value", "basis") == [(40000, "period"), (480000, "cumulative")]


def test_a_headline_figure_takes_the_bodys_day_with_the_bodys_speaker() -> None:
    text = (
        "Ukraine says it downed two Russian Su-25 jets\n"
        "Ukraine's air force shot down two Russian Su-25 attack aircraft on Friday, "
        "air force commander Mykola Oleshchuk said."
    )
    assert keys(text, "value", "claimant", "as_of", published="2023-12-23") == [
        (2, "UA_GOV", "2023-12-22")
    ]


def test_a_headlines_killed_yields_to_the_bodys_killed_and_wounded() -> None:
    text = (
        "Wagner chief claims 25,000 Ukrainian troops killed\n"
        "Prigozhin claimed that Ukraine had lost about 25,000 soldiers killed and wounded."
    )
    assert keys(text, "category", "value") == [("personnel", 25000)]


def test_a_headline_figure_takes_the_day_of_the_bodys_statement() -> None:
    text = (
        "Russia lost 900 troops near Vuhledar\n"
        "Russia lost 900 troops near Vuhledar last week, Ukraine's army spokesman said on Monday."
    )
    found = claims(text, published="2023-02-15")
    assert [(c["value"], c["as_of"]) for c in found] == [(900, "2023-02-13")]


def test_killed_wounded_and_missing_together_are_one_count_of_personnel() -> None:
    text = "The study puts Russia's killed, wounded and missing at about 910,000."
    (claim,) = extract_claims(text, published="2025-06-03")
    assert (claim.category, claim.value, claim.qualifier) == ("personnel", 910000, "about")


def test_a_ratio_written_with_digits_is_no_figure() -> None:
    text = (
        "The report puts Russian losses against Ukraine's at 2.5 to 1 overall, and of those "
        "killed at about 3 to 1."
    )
    assert extract_claims(text, published="2025-06-03") == []


def test_a_bare_count_lost_out_of_equipment_named_before_is_that_equipment() -> None:
    text = "Of the 45 Leopard tanks Germany sent to Ukraine, at least 17 have been lost, Oryx says."
    (claim,) = extract_claims(text, published="2024-10-10")
    assert (claim.value, claim.category, claim.qualifier) == (17, "tanks", "over")


def test_killed_or_wounded_after_equipment_still_counts_people() -> None:
    text = "Ukrainian forces destroyed 12 Russian tanks, and 40 were killed or wounded, Kyiv said."
    found = {c.value: c.category for c in extract_claims(text, published="2024-10-10")}
    assert found == {12: "tanks", 40: "personnel"}


@pytest.mark.parametrize(
    "part",
    [
        "1,400 of the dead were mobilised men",
        "more than 21,000 of the dead were volunteers who signed contracts",
    ],
)
def test_a_part_of_the_dead_described_by_its_recruitment_is_still_dead(part: str) -> None:
    text = f"Mediazona has confirmed the deaths of 95,000 Russian soldiers; {part}."
    found = [c.category for c in extract_claims(text, published="2025-02-21")]
    assert found == ["killed", "killed"]


def test_a_part_of_the_dead_handed_back_in_an_exchange_is_no_loss() -> None:
    text = "Mediazona has confirmed 95,000 Russian dead; 500 of the dead were returned in a swap."
    assert [c.value for c in extract_claims(text, published="2025-02-21")] == [95000]


def test_two_coordinated_modifiers_before_a_noun_are_both_skipped() -> None:
    text = "Russia has lost at least 1,150 self-propelled and towed artillery pieces, Oryx says."
    (claim,) = extract_claims(text, published="2025-02-20")
    assert (claim.category, claim.value, claim.claimant) == ("artillery", 1150, "ORYX")


def test_a_gloss_in_brackets_does_not_hide_the_noun_a_complement_reaches() -> None:
    text = (
        "The average daily Russian casualty rate (killed and wounded) in May was 1,262, "
        "Britain's Ministry of Defence said."
    )
    (claim,) = extract_claims(text, published="2024-06-02")
    assert (claim.subject, claim.category, claim.basis) == ("RU", "personnel", "rate")


def test_a_hyphenated_compound_before_a_noun_phrase_is_one_adjective() -> None:
    text = "Russia has lost at least 40 carrier-based combat aircraft, Oryx says."
    [claim] = extract_claims(text, published="2024-12-05")
    assert (claim.value, claim.category, claim.qualifier) == (40, "aircraft", "over")


def test_two_equal_figures_in_one_sentence_are_two_claims() -> None:
    text = "Oryx lists the Russian Be-12 patrol planes: 1 destroyed, 1 damaged."
    found = extract_claims(text, published="2024-12-05")
    assert [(c.value, c.category) for c in found] == [(1, "aircraft"), (1, "aircraft")]


def test_a_figure_repeated_in_another_sentence_is_still_one_claim() -> None:
    text = "Russia lost 1,210 soldiers in a day. Kyiv said Russia lost 1,210 soldiers in a day."
    assert len(extract_claims(text, published="2024-12-05")) == 1


def test_soldiers_officially_listed_as_missing_are_missing() -> None:
    text = "Some 48,000 Ukrainian soldiers are officially listed as missing, the ombudsman said."
    [claim] = extract_claims(text, published="2025-02-05")
    assert (claim.subject, claim.category, claim.value) == ("UA", "missing", 48000)
