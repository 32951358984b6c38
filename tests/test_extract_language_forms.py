"""Forms of the other languages' news: topic openers, Mexican thousands, report phrasing.

Every sentence here was written for these tests; each test pins one rule or one group of
lexicon rows.
"""

from __future__ import annotations

import pytest
from extract_fields import found

# -- a side named as the sentence's topic ------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "fr",
            "Côté ukrainien, le chef de l'État a admis que 52 000 soldats avaient été tués "
            "depuis le début de la guerre.",
        ),
        (
            "es",
            "En cuanto a Ucrania, el presidente reconoció que 52.000 soldados murieron desde "
            "el inicio de la invasión.",
        ),
        (
            "ru",
            "Что касается Украины, президент признал, что с начала войны погибли 52 тысячи "
            "военных.",
        ),
    ],
)
def test_a_side_opening_the_sentence_as_its_topic_owns_its_losses(lang: str, text: str) -> None:
    assert found(text, lang, "subject", "category", "value") == [("UA", "killed", 52000)]


def test_a_topic_side_yields_to_the_side_of_an_earlier_figure_in_the_list() -> None:
    text = (
        "Côté ukrainien, l'état-major a annoncé 980 soldats russes tués ainsi que 31 systèmes "
        "d'artillerie détruits."
    )
    assert found(text, "fr", "subject", "category", "value") == [
        ("RU", "killed", 980),
        ("RU", "artillery", 31),
    ]


def test_an_opener_without_a_comma_after_its_side_is_no_topic() -> None:
    text = "Quant à l'Ukraine elle affirme que l'armée russe a perdu 640 soldats en une journée."
    assert found(text, "fr", "subject", "value") == [("RU", 640)]


# -- numbers ----------------------------------------------------------------------------------


def test_a_bare_spanish_thousand_takes_the_hundreds_written_after_it() -> None:
    text = (
        "El Ministerio de Defensa ruso afirmó que las tropas ucranianas perdieron hasta mil 240 "
        "efectivos y mil 7 drones durante la semana."
    )
    assert found(text, "es", "value", "qualifier") == [(1240, "under"), (1007, "exact")]


# -- who speaks --------------------------------------------------------------------------------


def test_an_agency_named_inside_a_longer_according_to_phrase_is_the_speaker() -> None:
    text = (
        "Selon le ministère russe de la Défense, les forces ukrainiennes ont perdu 380 militaires "
        "dans la journée."
    )
    assert found(text, "fr", "subject", "value", "claimant") == [("UA", 380, "RU_MOD")]


@pytest.mark.parametrize(
    ("lang", "text", "claimant"),
    [
        (
            "uk",
            "Генштаб ЗСУ оновив дані: за добу ворог втратив 1 210 військових.",
            "UA_GENERAL_STAFF",
        ),
        (
            "ru",
            "Генштаб ВСУ утверждает, что за сутки российская армия потеряла 1 210 человек.",
            "UA_GENERAL_STAFF",
        ),
        ("zh", "乌军总司令瑟尔斯基表示，俄军上月损失41210人。", "UA_GOV"),
    ],
)
def test_more_report_verbs_and_names_credit_their_speaker(
    lang: str, text: str, claimant: str
) -> None:
    assert [claim[-1] for claim in found(text, lang)] == [claimant]


def test_ukrainian_approximate_losses_stated_as_a_list_lead_qualify_every_item() -> None:
    text = (
        "Загалом орієнтовні втрати противника становлять:\n"
        "особового складу – 987 650 осіб;\n"
        "танків – 10 880 од."
    )
    assert found(text, "uk", "category", "qualifier") == [
        ("personnel", "about"),
        ("tanks", "about"),
    ]


# -- what was lost, and what is no loss --------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "it",
            "Secondo Mosca, dall'inizio dell'operazione le forze di Kiev hanno perso 19.500 "
            "carri armati e altri veicoli corazzati.",
        ),
        ("zh", "俄国防部称，乌军累计损失19500辆坦克及其他装甲战斗车辆。"),
        (
            "es",
            "Según Moscú, desde el inicio de la operación Ucrania ha perdido 19.500 tanques y "
            "otros vehículos blindados.",
        ),
    ],
)
def test_tanks_and_other_armoured_vehicles_are_one_count_of_afv(lang: str, text: str) -> None:
    assert found(text, lang, "category", "value") == [("afv", 19500)]


def test_french_troop_transports_are_armoured_vehicles() -> None:
    text = "L'armée ukrainienne a perdu en une semaine 14 véhicules de transport de troupes."
    assert found(text, "fr", "category", "value") == [("afv", 14)]


def test_a_german_unit_noun_is_the_force_that_lost_the_figure() -> None:
    text = "Die ukrainischen Einheiten hätten dabei bis zu 310 Soldaten und drei Panzer verloren."
    assert found(text, "de", "subject", "category", "value") == [
        ("UA", "personnel", 310),
        ("UA", "tanks", 3),
    ]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("de", "Nach Angaben aus Kiew sind 95 ukrainische Kriegsgefangene freigekommen."),
        ("es", "Rusia y Ucrania intercambiaron el viernes 95 prisioneros de guerra."),
    ],
)
def test_freed_and_exchanged_prisoners_are_no_losses(lang: str, text: str) -> None:
    assert found(text, lang) == []


# -- windows ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "basis"),
    [
        (
            "it",
            "Lo Stato maggiore sostiene che a marzo la Russia abbia perso 39.100 soldati.",
            "period",
        ),
        ("de", "Die Armee habe in den vergangenen sieben Tagen 2.310 Soldaten verloren.", "period"),
        ("de", "Der Experte schätzt, dass Russland pro Woche 9.000 Mann verliert.", "rate"),
        ("es", "Desde el comienzo de la operación, Ucrania ha perdido 640 aviones.", "cumulative"),
        ("es", "Kiev calcula un promedio de 1.350 muertes diarias entre las tropas rusas.", "rate"),
        ("it", "Il totale delle perdite russe ha superato quota 790.000.", "cumulative"),
        (
            "fr",
            "L'état-major affirme que la Russie a perdu 1 180 soldats lors de la dernière journée.",
            "daily",
        ),
    ],
)
def test_more_windows_are_read_in_each_language(lang: str, text: str, basis: str) -> None:
    assert [claim[-2] for claim in found(text, lang)] == [basis]


# -- lists of the named dead ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "value"),
    [
        (
            "ru",
            "«Медиазона» установила имена 98 120 погибших военных. За две недели список "
            "пополнился на 1 940 имен.",
            1940,
        ),
        (
            "ru",
            "«Медиазона» установила имена 98 120 погибших военных. С прошлого подсчета список "
            "вырос на 1 940 человек.",
            1940,
        ),
        ("zh", "据Mediazona统计，98,120名俄军士兵阵亡。过去两周，名单又增加了1,940人。", 1940),
    ],
)
def test_a_list_of_the_named_dead_that_grows_counts_new_dead_over_a_window(
    lang: str, text: str, value: int
) -> None:
    claims = found(text, lang, "category", "value", "basis", "claimant")
    assert claims[-1] == ("killed", value, "period", "MEDIAZONA")


# -- speakers after their verb, and the day they spoke ---------------------------------------------


def test_a_postposed_french_agency_may_be_followed_by_where_it_said_it() -> None:
    text = (
        "« L'ennemi a perdu plus de 1 870 militaires », a affirmé le ministère russe de la "
        "Défense dans son bilan hebdomadaire."
    )
    assert found(text, "fr", "subject", "value", "claimant") == [("UA", 1870, "RU_MOD")]


def test_a_chinese_that_day_dates_the_statement_for_the_speakers_later_totals() -> None:
    text = (
        "俄罗斯国防部当天发布通报称，过去24小时内乌军损失超过1400名军人。\n"
        "俄国防部还称，俄军已累计摧毁乌军640架飞机。"
    )
    assert found(text, "zh", "value", "as_of", published="2024-10-03") == [
        (1400, "2024-10-03"),
        (640, "2024-10-03"),
    ]


def test_a_generic_moscow_read_as_the_ministry_keeps_the_ministrys_day() -> None:
    text = (
        "Il ministero della Difesa russo ha dichiarato oggi di aver abbattuto 36 droni.\n"
        "Dall'inizio dell'operazione, sempre secondo Mosca, le forze di Kiev avrebbero perso "
        "655 aerei."
    )
    assert found(text, "it", "value", "claimant", "as_of", published="2025-01-20")[-1] == (
        655,
        "RU_MOD",
        "2025-01-20",
    )


def test_the_whole_war_is_a_running_total_in_russian() -> None:
    text = "По данным Генштаба ВСУ, за время войны уничтожены 9 120 российских танков."
    assert found(text, "ru", "value", "basis") == [(9120, "cumulative")]


@pytest.mark.parametrize(
    ("lang", "text", "value"),
    [
        (
            "fr",
            "Selon Moscou, l'armée ukrainienne a perdu 9 400 hommes depuis le début de son "
            "incursion, le 6 août.",
            9400,
        ),
        (
            "ru",
            "По данным «Медиазоны», с прошлого подсчета, сделанного 30 мая, погибли 3 120 военных.",
            3120,
        ),
    ],
)
def test_a_date_in_apposition_to_a_span_start_opens_the_span_and_dates_no_figure(
    lang: str, text: str, value: int
) -> None:
    claims = found(text, lang, "value", "basis", "as_of", published="2024-09-20")
    assert claims == [(value, "period", None)]


def test_a_chinese_real_death_toll_is_a_running_total() -> None:
    text = "据Mediazona统计，实际死亡人数可能在15万至16万人之间。"
    assert found(text, "zh", "low", "high", "basis") == [(150000, 160000, "cumulative")]


# -- third pass: titles, destroyers, one night's interceptions ------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "it",
            "Secondo il comandante in capo delle forze armate ucraine, Oleksandr Syrskyi, le "
            "truppe russe hanno perso circa 7.000 uomini nel settore.",
        ),
        (
            "es",
            "Según el comandante en jefe del ejército ucraniano, Oleksandr Syrskyi, las tropas "
            "rusas perdieron unos 7.000 hombres en el sector.",
        ),
    ],
)
def test_a_named_person_in_apposition_to_a_title_after_according_to_is_the_speaker(
    lang: str, text: str
) -> None:
    assert found(text, lang, "subject", "value", "claimant") == [("RU", 7000, "UA_GOV")]


def test_a_speaker_claiming_the_destruction_of_equipment_names_the_other_sides_loss() -> None:
    text = "Kiev revendique la destruction de 36 chars et de 58 pièces d'artillerie."
    assert found(text, "fr", "subject", "category", "value") == [
        ("RU", "tanks", 36),
        ("RU", "artillery", 58),
    ]


def test_german_interceptions_are_one_nights_and_drones_that_missed_their_target_no_loss() -> None:
    text = (
        "In der Nacht hat Russland nach Angaben der Luftwaffe 70 Drohnen gestartet. 44 Drohnen "
        "seien abgeschossen worden, 26 weitere hätten ihr Ziel nicht erreicht."
    )
    assert found(text, "de", "value", "basis", "claimant") == [(44, "daily", "UA_GOV")]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("it", "La difesa aerea ucraina ha abbattuto 39 droni."),
        ("fr", "La défense antiaérienne ukrainienne a abattu 39 drones."),
        ("de", "Die ukrainische Flugabwehr hat 39 Drohnen abgeschossen."),
    ],
)
def test_a_perfect_telling_one_event_in_its_language_shoots_down_one_nights_drones(
    lang: str, text: str
) -> None:
    assert found(text, lang, "value", "basis") == [(39, "daily")]


def test_an_italian_spokesman_who_tells_a_paper_is_a_speaker() -> None:
    text = "Lo Stato maggiore ucraino racconta che la Russia ha perso 1.210 soldati in un giorno."
    assert found(text, "it", "value", "claimant") == [(1210, "UA_GENERAL_STAFF")]


# -- Chinese, blind round own-zh-6 ---------------------------------------------------------------


def test_a_chinese_list_lead_after_the_days_figure_keeps_its_speaker_over_the_items() -> None:
    text = (
        "乌克兰武装部队总参谋部3日公布的数据显示，过去24小时内俄军损失870人。"
        "自全面入侵以来，俄军累计损失如下：\n"
        "坦克：10950辆（+4）\n火炮系统：30120门（+35）\n"
        "俄罗斯国防部则称，乌军过去一天损失约1200人。"
    )
    assert found(text, "zh", "subject", "category", "value", "claimant") == [
        ("RU", "personnel", 870, "UA_GENERAL_STAFF"),
        ("RU", "tanks", 10950, "UA_GENERAL_STAFF"),
        ("RU", "tanks", 4, "UA_GENERAL_STAFF"),
        ("RU", "artillery", 30120, "UA_GENERAL_STAFF"),
        ("RU", "artillery", 35, "UA_GENERAL_STAFF"),
        ("UA", "personnel", 1200, "RU_MOD"),
    ]


def test_a_chinese_subject_before_a_long_span_still_owns_the_losses() -> None:
    text = (
        "泽连斯基表示，有超过4万名乌军士兵阵亡。\n"
        "据总参谋部公布的数据，俄军自全面入侵以来累计损失约98万人。"
    )
    assert found(text, "zh", "subject", "value") == [("UA", 40000), ("RU", 980000)]


def test_a_chinese_among_them_opens_the_parts_of_the_named_dead() -> None:
    text = (
        "Mediazona公布统计，已核实了9.5万名俄罗斯军人的死亡。"
        "其中，志愿参战者约有2.6万人，从监狱招募的囚犯超过1.6万人。"
    )
    assert found(text, "zh", "category", "value", "qualifier", "claimant") == [
        ("killed", 95000, "exact", "MEDIAZONA"),
        ("killed", 26000, "about", "MEDIAZONA"),
        ("killed", 16000, "over", "MEDIAZONA"),
    ]


def test_the_ukrainian_air_force_in_chinese_is_the_government() -> None:
    text = "烏克蘭空軍週二表示，夜間擊落了88架俄軍無人機。"
    assert found(text, "zh", "subject", "category", "value", "claimant") == [
        ("RU", "uav", 88, "UA_GOV")
    ]


# -- German, blind round own-de-6 ----------------------------------------------------------------


def test_a_german_participle_closing_its_frame_takes_the_subject_before_the_auxiliary() -> None:
    text = (
        "Der Generalstab meldete am Montag, Russland habe 870 Soldaten verloren. "
        "Das Portal Mediazona hat gemeinsam mit der BBC bis Ende April die Namen von "
        "98 410 gefallenen russischen Soldaten ermittelt."
    )
    assert found(text, "de", "value", "category", "claimant") == [
        (870, "personnel", "UA_GENERAL_STAFF"),
        (98410, "killed", "MEDIAZONA"),
    ]


def test_a_german_range_after_zwischen_counts_the_placeholder_noun_before_it() -> None:
    text = (
        "Mediazona zählt 98 410 Namen. Die tatsächliche Zahl der Toten dürfte laut den "
        "Autoren zwischen 180 000 und 230 000 liegen."
    )
    assert found(text, "de", "category", "low", "high", "claimant")[-1] == (
        "killed",
        180000,
        230000,
        "MEDIAZONA",
    )


def test_russians_after_a_german_casualty_noun_are_the_losing_side() -> None:
    text = "Kiew meldet 1.150 getötete und verwundete Russen an einem Tag"
    assert found(text, "de", "subject", "category", "value") == [("RU", "personnel", 1150)]


def test_german_drones_lost_to_jamming_and_a_dative_plural_of_the_wounded() -> None:
    text = (
        "Die Luftwaffe erklärte, sie habe 71 von 120 Drohnen abgeschossen; 44 weitere seien "
        "durch elektronische Störung vom Kurs abgekommen."
    )
    assert found(text, "de", "value") == [(71,)]
    text = "Selenskyj sprach von 43 000 getöteten Soldaten und rund 370 000 Verwundeten."
    assert found(text, "de", "category", "value", "qualifier") == [
        ("killed", 43000, "exact"),
        ("wounded", 370000, "about"),
    ]


# -- French, blind round own-fr-6 ----------------------------------------------------------------


def test_a_russian_group_of_forces_speaks_for_the_ministry() -> None:
    text = (
        "Le ministère russe de la Défense a publié samedi son bilan. Le groupe « Est » "
        "revendique jusqu'à 1 240 soldats ukrainiens tués ou blessés et 9 chars au cours de la "
        "semaine. La défense antiaérienne russe aurait abattu 4 missiles de croisière et 210 "
        "drones ukrainiens, a ajouté le ministère."
    )
    assert found(text, "fr", "subject", "category", "value", "claimant") == [
        ("UA", "personnel", 1240, "RU_MOD"),
        ("UA", "tanks", 9, "RU_MOD"),
        ("UA", "cruise_missiles", 4, "RU_MOD"),
        ("UA", "uav", 210, "RU_MOD"),
    ]


def test_put_out_of_action_in_a_french_headline_is_a_loss() -> None:
    text = "Moscou revendique plus de 9 000 soldats ukrainiens mis hors de combat en une semaine"
    assert found(text, "fr", "subject", "value", "qualifier", "basis") == [
        ("UA", 9000, "over", "period")
    ]


def test_drones_launched_are_no_loss_but_those_shot_down_are() -> None:
    text = (
        "La Russie a lancé dans la nuit 96 drones contre l'Ukraine, dont 61 ont été abattus, "
        "a indiqué l'armée de l'air ukrainienne."
    )
    assert found(text, "fr", "subject", "category", "value") == [("RU", "uav", 61)]


def test_french_imperfect_and_pluperfect_report_verbs_and_a_part_among_them() -> None:
    text = (
        "Mediazona a identifié 58 000 militaires russes morts. Parmi eux, près de 9 000 "
        "détenus. Le président Zelensky avait évoqué en février 31 000 soldats tués. Les "
        "services de renseignement américains évaluaient les pertes russes à 100 000 morts."
    )
    assert found(text, "fr", "value", "category", "claimant") == [
        (58000, "killed", "MEDIAZONA"),
        (9000, "killed", "MEDIAZONA"),
        (31000, "killed", "UA_GOV"),
        (100000, "killed", "US_GOV"),
    ]


# -- Italian and Spanish, blind round own-it-6 / own-es-6 ----------------------------------------


def test_an_italian_title_after_its_verb_names_the_commander_and_the_year_is_a_window() -> None:
    text = (
        "Nel corso del 2024 le forze russe avrebbero perso 410.000 soldati tra morti e feriti, "
        "ha affermato il comandante in capo delle forze armate ucraine, Oleksandr Syrskyi, "
        "nel suo bilancio."
    )
    assert found(text, "it", "value", "basis", "claimant") == [(410000, "period", "UA_GOV")]


def test_italian_reckonings_and_prisoners_coming_home() -> None:
    text = (
        "L'intelligence britannica calcola che nel mese di ottobre le forze di Mosca abbiano "
        "subito in media 1.400 perdite al giorno. Il Cremlino ha annunciato che 1.200 "
        "prigionieri di guerra sono tornati a casa."
    )
    assert found(text, "it", "value", "basis", "claimant") == [(1400, "rate", "UK_MOD")]


def test_spanish_roughly_in_the_past_tense_and_outlets_that_document_deaths() -> None:
    text = (
        "Según el Ministerio de Defensa británico, las bajas rusas en marzo rondaron las 35.000. "
        "El proyecto UALosses ha identificado a 68.000 soldados ucranianos fallecidos, y otros "
        "50.000 figuran como desaparecidos."
    )
    assert found(text, "es", "category", "value", "qualifier", "claimant") == [
        ("personnel", 35000, "about", "UK_MOD"),
        ("killed", 68000, "exact", "OTHER"),
        ("missing", 50000, "exact", "OTHER"),
    ]


def test_a_casualty_word_after_the_days_figure_leaves_the_losses_that_follow_as_personnel() -> None:
    text = (
        "Kiev: 1.480 soldati russi uccisi o feriti in un giorno\n"
        "Stato maggiore ucraino: da inizio guerra 790mila perdite russe"
    )
    assert found(text, "it", "category", "value") == [
        ("personnel", 1480),
        ("personnel", 790000),
    ]


def test_a_chinese_opener_among_the_identified_dead_opens_their_parts() -> None:
    text = (
        "Mediazona公布统计，已有9.5万名俄罗斯军人的死亡得到确认。"
        "在已确认身份的死者中，志愿参军者约有2.4万人，被动员者超过1.1万人。"
    )
    assert found(text, "zh", "category", "value", "qualifier") == [
        ("killed", 95000, "exact"),
        ("killed", 24000, "about"),
        ("killed", 11000, "over"),
    ]
