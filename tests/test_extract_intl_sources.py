"""Seventh round of the other languages: whose a source is, list layouts, attacks overnight.

Every sentence here was written for these tests; each test pins one rule or one group of
lexicon rows.
"""

from __future__ import annotations

import pytest
from extract_fields import found

# -- the owner of a source named after it -------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("de", "Neue Zahlen des Generalstabs:\nSchützenpanzer: 21.730 (+6)\n"),
        ("it", "Ecco i numeri dello Stato maggiore:\nmezzi blindati: 21.730 (+6)\n"),
        ("it", "I numeri pubblicati oggi dallo Stato maggiore:\nmezzi blindati: 21.730 (+6)\n"),
        ("es", "Las cifras del Estado Mayor:\nvehículos blindados: 21.730 (+6)\n"),
    ],
)
def test_a_list_lead_naming_its_source_by_the_owner_after_it(lang: str, text: str) -> None:
    assert found(text, lang, "subject", "category", "value", "basis", "claimant") == [
        ("RU", "afv", 21730, "cumulative", "UA_GENERAL_STAFF"),
        ("RU", "afv", 6, "daily", "UA_GENERAL_STAFF"),
    ]


def test_a_source_noun_opening_a_german_sentence_is_no_persons_name() -> None:
    text = "Aktuelle Zahlen des Generalstabs:\nKampfpanzer: 9.930 (+11)\n"
    assert found(text, "de", "category", "value", "claimant") == [
        ("tanks", 9930, "UA_GENERAL_STAFF"),
        ("tanks", 11, "UA_GENERAL_STAFF"),
    ]


def test_an_item_after_a_bullet_dash_keeps_its_label_and_colon() -> None:
    text = "Nach Angaben des Generalstabs:\n– Artilleriesysteme: 29.410 (+40)\n"
    assert found(text, "de", "category", "value") == [("artillery", 29410), ("artillery", 40)]


# -- overnight attacks ------------------------------------------------------------------------


def test_a_french_attack_on_ukraine_in_a_headline_is_where_not_whose() -> None:
    text = "Frappes sur l'Ukraine : 64 drones abattus, selon l'armée de l'air"
    assert found(text, "fr", "subject", "category", "value") == [("RU", "uav", 64)]


def test_a_spanish_attack_with_drones_sends_them_and_shoots_down_the_attackers() -> None:
    text = (
        "Rusia atacó Járkov de madrugada con 71 drones, según la Fuerza Aérea de Ucrania, "
        "que afirmó haber derribado 58 de ellos."
    )
    assert found(text, "es", "subject", "category", "value", "claimant") == [
        ("RU", "uav", 58, "UA_GOV")
    ]


def test_spanish_dead_and_wounded_together_are_personnel() -> None:
    text = "Según Londres, Rusia acumula unos 900.000 muertos y heridos."
    assert found(text, "es", "category", "value", "qualifier") == [("personnel", 900000, "about")]


# -- Chinese ----------------------------------------------------------------------------------


def test_a_chinese_model_name_glued_to_its_noun_keeps_the_noun() -> None:
    text = "乌空军称，当晚击落了9枚Kh-59巡航导弹。"
    assert found(text, "zh", "subject", "category", "value") == [("RU", "cruise_missiles", 9)]


def test_an_approximation_between_a_chinese_number_and_its_classifier() -> None:
    text = "乌军总参谋部称，俄军累计损失火炮系统3.1万余门。"
    assert found(text, "zh", "category", "value", "qualifier") == [("artillery", 31000, "over")]


def test_a_chinese_count_placed_in_a_range_or_around_a_number() -> None:
    ranged = found("分析人士估计，俄军阵亡人数在16万至21万之间。", "zh", "category", "low", "high")
    assert ranged == [("killed", 160000, 210000)]
    around = found("分析人士估计，乌军受伤人数在30万左右。", "zh", "category", "value", "qualifier")
    assert around == [("wounded", 300000, "about")]


def test_chinese_casualties_after_a_count_of_the_dead_are_all_the_losses() -> None:
    text = "英方估计，俄军死亡人数约为15万。美方则认为，俄军伤亡人数超过70万。"
    assert found(text, "zh", "category", "value") == [("killed", 150000), ("personnel", 700000)]


# -- parts, windows and speakers --------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("it", "Secondo Kiev, la Russia ha perso 52.000 uomini, tra cui circa 9.000 uccisi."),
        ("fr", "Selon Kiev, la Russie a perdu 52 000 hommes, dont environ 9 000 tués."),
        ("es", "Según Kiev, Rusia ha perdido 52.000 hombres, entre ellos unos 9.000 muertos."),
    ],
)
def test_a_part_named_after_another_languages_including_leaves_the_whole_as_it_is(
    lang: str, text: str
) -> None:
    assert found(text, lang, "category", "value") == [("personnel", 52000), ("killed", 9000)]


def test_an_italian_count_in_the_perfect_goes_on_with_the_window_of_its_paragraph() -> None:
    text = (
        "Il generale ha detto che nel corso del 2025 sono stati distrutti 410 carri armati "
        "russi. Nella sola regione di Zaporizhzhia, ha aggiunto, la Russia ha perso 6.000 uomini."
    )
    assert found(text, "it", "category", "value", "basis") == [
        ("tanks", 410, "period"),
        ("personnel", 6000, "period"),
    ]


def test_italian_interceptions_and_a_battle_alone_as_a_window() -> None:
    text = "Mosca ha detto di aver intercettato 23 droni ucraini."
    assert found(text, "it", "subject", "category", "value") == [("UA", "uav", 23)]
    text = "Nella sola battaglia per Bakhmut, secondo Kiev, la Russia ha perso 20.000 uomini."
    assert found(text, "it", "value", "basis") == [(20000, "period")]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("de", "Das US-Institut CSIS kommt auf 70.000 getötete ukrainische Soldaten."),
        ("uk", "Аналітики CSIS називають 70 тис. загиблих українських військових."),
        ("zh", "美国战略与国际研究中心估计，乌军阵亡人数约为7万。"),
    ],
)
def test_a_think_tank_named_in_another_language_is_an_outside_estimate(
    lang: str, text: str
) -> None:
    assert found(text, lang, "subject", "category", "claimant") == [("UA", "killed", "OTHER")]


def test_a_german_casualty_word_before_a_side_and_its_soldiers_takes_their_side() -> None:
    text = "Die Forscher zählen 18.000 getötete russische und 9.000 gefallene ukrainische Soldaten."
    assert found(text, "de", "subject", "category", "value") == [
        ("RU", "killed", 18000),
        ("UA", "killed", 9000),
    ]


# -- interceptions ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "part"),
    [
        (
            "fr",
            "Moscou affirme avoir détruit 61 drones ukrainiens, dont 27 au-dessus de Briansk.",
            27,
        ),
        ("it", "Mosca afferma di aver abbattuto 61 droni ucraini, di cui 27 sopra Brjansk.", 27),
        ("ru", "Минобороны России сообщило, что сбиты 61 беспилотник ВСУ, 27 — над Брянском.", 27),
    ],
)
def test_a_part_of_the_nights_drones_over_a_place_takes_the_drones(
    lang: str, text: str, part: int
) -> None:
    assert found(text, lang, "subject", "category", "value") == [
        ("UA", "uav", 61),
        ("UA", "uav", part),
    ]


def test_an_interception_verb_after_the_next_item_of_a_german_list_governs_both() -> None:
    text = "Die Luftwaffe meldete, 77 Drohnen und drei Marschflugkörper seien abgeschossen worden."
    assert found(text, "de", "category", "value", "basis") == [
        ("uav", 77, "daily"),
        ("cruise_missiles", 3, "daily"),
    ]


def test_french_and_spanish_interceptions_tell_one_nights_attack() -> None:
    text = "Selon l'armée de l'air ukrainienne, 93 drones russes ont été abattus."
    assert found(text, "fr", "category", "value", "basis") == [("uav", 93, "daily")]
    text = "Moscú informó que sus tropas habían derribado 30 drones ucranianos."
    assert found(text, "es", "category", "value", "basis") == [("uav", 30, "daily")]
