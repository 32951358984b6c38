"""Extraction in the other languages (de, fr, it, es, zh): their lexicons and language hooks.

Every sentence here was written for these tests; each test pins one rule or one group of
lexicon rows with sentences shaped like the news of that language.
"""

from __future__ import annotations

import datetime as dt

import pytest
from extract_fields import FIELDS, found

from attrition.extract.dates import find_dates
from attrition.extract.rules import load_lexicon
from attrition.extract.segment import mark_paragraph, split_paragraphs, split_sentences
from attrition.extract.tokens import tokenize

# -- German -----------------------------------------------------------------------------------


def test_german_killed_or_wounded_is_one_count_of_personnel() -> None:
    text = (
        "Laut dem ukrainischen Generalstab sind seit Beginn des Angriffskriegs etwa 512.000 "
        "russische Soldaten getötet oder verwundet worden."
    )
    assert found(text, "de") == [
        ("RU", "personnel", 512000, "about", "cumulative", "UA_GENERAL_STAFF")
    ]


def test_german_past_day_and_rate_windows_are_read() -> None:
    text = (
        "Das russische Verteidigungsministerium teilte mit, in den vergangenen 24 Stunden "
        "seien 120 ukrainische Soldaten getötet worden."
    )
    assert found(text, "de", "subject", "category", "value", "basis", "claimant") == [
        ("UA", "killed", 120, "daily", "RU_MOD")
    ]
    rate = "Die russische Armee verliert nach britischen Angaben täglich fast 900 Soldaten."
    assert found(rate, "de", "value", "qualifier", "basis") == [(900, "under", "rate")]


def test_german_uk_intelligence_in_the_genitive_is_the_uk_ministry() -> None:
    text = (
        "Nach Einschätzung des britischen Verteidigungsministeriums hat Russland im Mai "
        "durchschnittlich 1.100 Soldaten pro Tag verloren."
    )
    assert found(text, "de", "value", "basis", "claimant") == [(1100, "rate", "UK_MOD")]


def test_german_counting_verbs_attribute_a_headline() -> None:
    text = "Mediazona zählt mehr als 60.000 getötete russische Soldaten"
    assert found(text, "de", "subject", "category", "value", "qualifier", "claimant") == [
        ("RU", "killed", 60000, "over", "MEDIAZONA")
    ]


def test_german_president_named_in_full_is_the_government() -> None:
    text = (
        "Russland habe bislang 350.000 Soldaten verloren, sagte Wolodymyr Selenskyj am "
        "Montag in Kiew."
    )
    assert found(text, "de", "subject", "value", "claimant", "as_of") == [
        ("RU", 350000, "UA_GOV", "2024-05-13")
    ]


# -- French -----------------------------------------------------------------------------------


def test_french_personnel_label_and_perfect_in_the_past() -> None:
    text = (
        "Selon le ministère russe de la Défense, l'armée ukrainienne avait perdu plus de "
        "2 100 militaires en une semaine."
    )
    assert found(text, "fr", "subject", "category", "value", "qualifier", "basis") == [
        ("UA", "personnel", 2100, "over", "period")
    ]


def test_french_killed_or_wounded_and_state_spokesmen() -> None:
    text = (
        "Les États-Unis estiment que la Russie a subi quelque 120 000 pertes, tués ou "
        "blessés, depuis le début de l'invasion."
    )
    assert found(text, "fr", "subject", "value", "qualifier", "claimant") == [
        ("RU", 120000, "about", "US_GOV")
    ]


# -- Italian ----------------------------------------------------------------------------------


def test_italian_incursion_is_a_period_and_uk_intelligence_is_elided() -> None:
    text = (
        "Secondo l'intelligence britannica, dall'inizio dell'incursione le forze ucraine "
        "hanno perso circa 2.500 militari."
    )
    assert found(text, "it", "subject", "value", "qualifier", "basis", "claimant") == [
        ("UA", 2500, "about", "period", "UK_MOD")
    ]


def test_italian_list_keeps_its_verbs_running_total_after_a_days_figure() -> None:
    text = (
        "Lo Stato maggiore ucraino riferisce che 700 militari russi sono stati uccisi "
        "nell'ultimo giorno. La Russia ha anche perso 8.100 carri armati, 15.300 veicoli "
        "corazzati, 17.000 sistemi di artiglieria e 360 aerei."
    )
    assert [c[1:] for c in found(text, "it", "value", "category", "basis")] == [
        ("killed", "daily"),
        ("tanks", "cumulative"),
        ("afv", "cumulative"),
        ("artillery", "cumulative"),
        ("aircraft", "cumulative"),
    ]


def test_italian_navy_is_the_government() -> None:
    text = "La Marina ucraina ha affermato che la Russia ha perso quattro navi da guerra."
    assert found(text, "it", "subject", "category", "value", "claimant") == [
        ("RU", "ships", 4, "UA_GOV")
    ]


# -- Spanish ----------------------------------------------------------------------------------


def test_spanish_simple_past_loss_verbs_and_a_month() -> None:
    text = (
        "Solo en marzo, las fuerzas rusas perdieron 24.000 militares y 310 tanques, según "
        "el Estado Mayor ucraniano."
    )
    assert found(text, "es", "subject", "category", "value", "basis", "claimant") == [
        ("RU", "personnel", 24000, "period", "UA_GENERAL_STAFF"),
        ("RU", "tanks", 310, "period", "UA_GENERAL_STAFF"),
    ]


def test_spanish_of_them_refers_back_to_the_figure_before() -> None:
    text = (
        "Según el Estado Mayor de las Fuerzas Armadas de Ucrania, Rusia ha perdido unos "
        "420.000 militares desde el inicio de la invasión, 1.050 de ellos en las últimas "
        "24 horas."
    )
    assert found(text, "es", "value", "qualifier", "basis") == [
        (420000, "about", "cumulative"),
        (1050, "exact", "daily"),
    ]


# -- Chinese ----------------------------------------------------------------------------------


def test_simplified_chinese_names_the_general_staff_and_its_tally() -> None:
    text = "乌克兰武装部队总参谋部3日发布消息称，俄军累计损失约42.5万名士兵和7000辆坦克。"
    assert found(text, "zh", *FIELDS, "as_of", published="2024-03-04") == [
        ("RU", "personnel", 425000, "about", "cumulative", "UA_GENERAL_STAFF", "2024-03-03"),
        ("RU", "tanks", 7000, "about", "cumulative", "UA_GENERAL_STAFF", "2024-03-03"),
    ]


def test_chinese_day_of_month_is_this_months_or_last_months() -> None:
    lex = load_lexicon("zh")
    [date] = find_dates(tokenize("俄国防部28日表示", flags=lex.flags), lex.date_words)
    assert date.resolve(dt.date(2024, 3, 2)) == dt.date(2024, 2, 28)
    assert date.resolve(dt.date(2024, 3, 29)) == dt.date(2024, 3, 28)


def test_chinese_sentences_end_at_a_full_stop_and_are_not_headlines() -> None:
    text = "俄军损失3000人。乌军击落20架无人机！"
    assert split_sentences(text, 0, len(text)) == [(0, 10), (10, len(text))]
    [paragraph] = split_paragraphs(text)
    mark_paragraph(text, paragraph, ())
    assert not paragraph.headline


def test_chinese_speaker_carries_to_the_next_sentence() -> None:
    text = "俄罗斯国防部称，俄军在过去24小时内击落了乌克兰的35架无人机。乌军还损失了4辆坦克。"
    assert found(text, "zh", "subject", "category", "value", "claimant") == [
        ("UA", "uav", 35, "RU_MOD"),
        ("UA", "tanks", 4, "RU_MOD"),
    ]


def test_chinese_comma_separates_a_days_window_from_the_total_before() -> None:
    text = "总参谋部称，俄军累计损失约50万名士兵，其中过去24小时损失1100人。"
    assert found(text, "zh", "value", "basis") == [(500000, "cumulative"), (1100, "daily")]


def test_a_sentence_may_open_with_an_accented_capital() -> None:
    text = "Kiev a perdu 40 chars. État-major: 300 drones abattus."
    assert split_sentences(text, 0, len(text)) == [(0, 22), (23, len(text))]


# -- word order and number formats ------------------------------------------------------------


def test_a_german_day_with_its_ordinal_stop_ends_no_sentence_and_opens_the_war() -> None:
    text = (
        "Seit dem 24. Februar 2022 hat Russland nach Angaben des ukrainischen Generalstabs "
        "rund 9.800 Panzer verloren."
    )
    assert split_sentences(text, 0, len(text)) == [(0, len(text))]
    assert found(text, "de", "value", "qualifier", "basis", "claimant", "as_of") == [
        (9800, "about", "cumulative", "UA_GENERAL_STAFF", "2024-05-15")
    ]


def test_spanish_days_and_years_joined_by_de_are_dates_not_figures() -> None:
    text = (
        "Según el blog Oryx, Rusia ha perdido al menos 3.100 tanques desde febrero de 2022 y "
        "40 tanques desde el 1 de mayo."
    )
    assert found(text, "es", "value", "basis") == [(3100, "cumulative"), (40, "period")]


@pytest.mark.parametrize(
    ("lang", "text", "subject"),
    [
        ("fr", "Kiev affirme que 12 000 soldats ukrainiens ont été tués à Bakhmout.", "UA"),
        ("it", "Mosca sostiene che 900 militari ucraini sono stati uccisi in una settimana.", "UA"),
        ("es", "Moscú asegura que 700 soldados ucranianos murieron en Járkov.", "UA"),
        ("it", "Secondo Zelensky, le perdite russe ammontano a 90.000 morti.", "RU"),
    ],
)
def test_a_side_adjective_after_its_noun_names_whose_losses(
    lang: str, text: str, subject: str
) -> None:
    assert [c[0] for c in found(text, lang, "subject")] == [subject]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "fr",
            "Selon l'état-major ukrainien, la Russie a perdu environ 301 000 soldats depuis le "
            "début de l'invasion, dont 720 au cours des dernières 24 heures.",
        ),
        (
            "it",
            "Secondo lo Stato maggiore ucraino, la Russia ha perso circa 301.000 militari "
            "dall'inizio dell'invasione, di cui 720 nelle ultime 24 ore.",
        ),
    ],
)
def test_a_part_after_of_which_takes_the_noun_before_and_its_own_day(lang: str, text: str) -> None:
    assert found(text, lang, "category", "value", "basis") == [
        ("personnel", 301000, "cumulative"),
        ("personnel", 720, "daily"),
    ]


def test_chinese_numerals_in_characters_are_figures() -> None:
    text = (
        "俄军还损失了二千四百零五辆坦克、三千八百多辆装甲车和一百二十架飞机，另有五百余名士兵阵亡。"
    )
    assert found(text, "zh", "category", "value", "qualifier") == [
        ("tanks", 2405, "exact"),
        ("afv", 3800, "over"),
        ("aircraft", 120, "exact"),
        ("killed", 500, "over"),
    ]
    assert found("乌军已损失超过十万名士兵。", "zh", "value", "qualifier") == [(100000, "over")]


def test_a_chinese_ordinal_is_no_figure() -> None:
    assert found("第一批坦克被摧毁。", "zh") == []


def test_a_lead_approximation_with_its_colon_covers_the_list() -> None:
    text = (
        "Las pérdidas del enemigo ascienden aproximadamente a: personal: 31.200 (+300); "
        "tanques: 1.400 (+12), informó el Estado Mayor."
    )
    assert found(text, "es", "value", "qualifier", "basis", "claimant") == [
        (31200, "about", "cumulative", "UA_GENERAL_STAFF"),
        (300, "exact", "daily", "UA_GENERAL_STAFF"),
        (1400, "about", "cumulative", "UA_GENERAL_STAFF"),
        (12, "exact", "daily", "UA_GENERAL_STAFF"),
    ]
    french = "Les pertes de l'ennemi sont d'environ : personnel – 9 100 (+250), chars – 260 (+4)."
    assert [c[:2] for c in found(french, "fr", "value", "qualifier")] == [
        (9100, "about"),
        (250, "exact"),
        (260, "about"),
        (4, "exact"),
    ]


def test_a_german_sentence_opening_with_an_article_names_no_person() -> None:
    text = (
        "Selenskyj sagte am Sonntag, 31.000 ukrainische Soldaten seien getötet worden. "
        "Die Zahl der Verwundeten nannte er nicht. Russland habe 180.000 Soldaten verloren."
    )
    assert found(text, "de", "subject", "value", "claimant") == [
        ("UA", 31000, "UA_GOV"),
        ("RU", 180000, "UA_GOV"),
    ]


def test_german_hearsay_soll_makes_its_subject_no_speaker_and_a_relative_clause_sides() -> None:
    text = (
        "Nach Angaben des ukrainischen Generalstabs wurden schwere Verluste verzeichnet. "
        "Genannt wird die Zahl von 310.000 Soldaten, die Russland bisher eingebüßt haben soll."
    )
    assert found(text, "de", "subject", "value", "claimant") == [("RU", 310000, "UA_GENERAL_STAFF")]


def test_a_since_word_inside_a_noun_or_after_a_count_opens_no_span() -> None:
    text = "Dall'inizio dell'anno la Russia ha perso cinque navi da guerra, secondo Kiev."
    assert found(text, "it", "category", "value", "basis") == [("ships", 5, "period")]


def test_where_a_weapon_was_made_is_no_supply() -> None:
    text = (
        "Das russische Verteidigungsministerium teilte mit, es seien sechs Panzer, darunter "
        "drei Leopard-Panzer aus deutscher Produktion, zerstört worden."
    )
    assert found(text, "de", "subject", "category", "value") == [
        ("UA", "tanks", 6),
        ("UA", "tanks", 3),
    ]


def test_an_elided_country_name_is_a_subject() -> None:
    text = "L'Ucraina, da parte sua, avrebbe perso 140 carri armati, secondo Oryx."
    assert found(text, "it", "subject", "value", "claimant") == [("UA", 140, "ORYX")]


@pytest.mark.parametrize(
    ("lang", "text", "subject"),
    [
        ("fr", "Selon Kiev, les forces russes ont perdu 420 chars en un mois.", "RU"),
        ("es", "Según Moscú, las fuerzas rusas derribaron 30 drones en la última jornada.", "UA"),
        ("it", "Secondo Kiev, i russi hanno perso 12 carri armati in una settimana.", "RU"),
        ("de", "Nach Angaben aus Kiew hat die russische Armee 60 Panzer verloren.", "RU"),
    ],
)
def test_a_side_word_after_a_force_noun_or_a_people_is_the_subject(
    lang: str, text: str, subject: str
) -> None:
    assert [c[0] for c in found(text, lang, "subject")] == [subject]


def test_a_total_raised_by_a_days_losses_is_the_running_total() -> None:
    text = (
        "Las tropas rusas han perdido 1.150 soldados en el último día, lo que eleva a 640.000 "
        "el número total de bajas rusas desde el inicio de la guerra."
    )
    assert found(text, "es", "value", "basis") == [(1150, "daily"), (640000, "cumulative")]


def test_commanders_named_alone_speak_for_the_government() -> None:
    text = (
        "Le général Syrsky a affirmé mardi que l'armée russe avait perdu 900 soldats en 24 "
        "heures près de Koupiansk."
    )
    assert found(text, "fr", "subject", "value", "basis", "claimant") == [
        ("RU", 900, "daily", "UA_GOV")
    ]


def test_a_destruction_noun_and_a_killing_verb_are_loss_words() -> None:
    assert found("Kiev revendique la destruction de 45 chars russes.", "fr", "category") == [
        ("tanks",)
    ]
    text = "L'esercito ucraino ha annunciato di aver ucciso più di 300 soldati russi."
    assert found(text, "it", "subject", "category", "value", "qualifier") == [
        ("RU", "killed", 300, "over")
    ]


def test_a_count_after_a_conditional_link_or_an_exceeding_verb_is_a_complement() -> None:
    text = "Secondo fonti occidentali, i mercenari caduti da agosto sarebbero almeno 3.000."
    assert found(text, "it", "category", "value", "qualifier", "basis") == [
        ("killed", 3000, "over", "period")
    ]
    text = "Il ministero russo ha affermato che le perdite ucraine superano i 2.000 militari."
    assert found(text, "it", "subject", "value", "qualifier") == [("UA", 2000, "over")]


def test_a_span_of_months_after_an_article_is_a_period() -> None:
    text = "L'esercito russo ha perso 30.000 uomini durante i tre mesi di offensiva, secondo Kiev."
    assert found(text, "it", "value", "basis") == [(30000, "period")]


def test_german_dative_days_span_and_sources_after_nach() -> None:
    text = (
        "Nach Recherchen von Mediazona hat die russische Armee binnen zehn Tagen mehr als "
        "2.000 Soldaten verloren."
    )
    assert found(text, "de", "subject", "value", "basis", "claimant") == [
        ("RU", 2000, "period", "MEDIAZONA")
    ]


def test_chinese_week_and_average_per_day() -> None:
    text = (
        "俄罗斯国防部称，过去一周乌军损失了约1800名军人。"
        "英国国防部称，俄军每天平均损失约900名士兵。"
    )
    assert found(text, "zh", "subject", "value", "basis", "claimant") == [
        ("UA", 1800, "period", "RU_MOD"),
        ("RU", 900, "rate", "UK_MOD"),
    ]


def test_a_sentence_pointing_back_names_the_speaker_and_day_of_the_figures_before() -> None:
    text = (
        "Die russische Armee hat nach Angaben aus Kiew binnen einer Woche 80 Panzer verloren. "
        "Das sagte ein Sprecher der ukrainischen Streitkräfte, Olexander Schtupun, am Montag."
    )
    assert found(text, "de", "subject", "value", "basis", "claimant", "as_of") == [
        ("RU", 80, "period", "UA_GOV", "2024-05-13")
    ]


def test_a_span_inside_what_was_said_is_the_figures_window() -> None:
    text = (
        "Il ministero della Difesa russo ha affermato che le perdite ucraine nell'ultima "
        "settimana superano i 1.200 militari."
    )
    assert found(text, "it", "value", "qualifier", "basis") == [(1200, "over", "period")]


def test_a_romance_range_may_put_articles_before_its_bounds() -> None:
    text = "Secondo Kiev, l'Ucraina perde tra i 60 e i 90 soldati al giorno."
    assert found(text, "it", "value", "low", "high", "basis") == [(None, 60, 90, "rate")]


def test_a_small_count_in_the_perfect_after_a_days_figure_is_that_days() -> None:
    text = (
        "L'esercito ucraino ha annunciato di aver ucciso 400 soldati russi nelle ultime 24 ore. "
        "Secondo l'esercito, i russi hanno perso anche 5 carri armati. La Russia ha perso "
        "finora 8.000 carri armati."
    )
    assert found(text, "it", "value", "basis") == [
        (400, "daily"),
        (5, "daily"),
        (8000, "cumulative"),
    ]


def test_a_scale_abbreviation_before_a_capitalised_noun_ends_no_sentence() -> None:
    text = "Russland hat nach Angaben aus Kiew rund 1,2 Mio. Soldaten verloren."
    assert found(text, "de", "value", "qualifier") == [(1200000, "about")]


def test_a_chinese_tally_may_put_its_noun_before_the_number_and_classifier() -> None:
    text = "总参谋部称，俄军累计损失坦克8100辆、火炮15200门和无人机12800架。"
    assert found(text, "zh", "category", "value") == [
        ("tanks", 8100),
        ("artillery", 15200),
        ("uav", 12800),
    ]


def test_a_chinese_casualty_count_without_a_noun_after_its_number() -> None:
    text = "据美国官员估计，俄军伤亡人数已超过9万。"
    assert found(text, "zh", "subject", "category", "value", "qualifier", "claimant") == [
        ("RU", "personnel", 90000, "over", "US_GOV")
    ]


def test_a_battle_for_a_place_and_a_day_on_a_front_are_windows() -> None:
    text = "Según Prigozhin, Wagner perdió unos 15.000 hombres en la batalla por Soledar."
    assert found(text, "es", "value", "basis") == [(15000, "period")]
    text = "Moscou affirme avoir éliminé 180 militaires ukrainiens dans la journée."
    assert found(text, "fr", "value", "basis") == [(180, "daily")]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "El ministerio ruso reconoció la muerte de 1.351 militares rusos."),
        ("fr", "Le ministère russe a reconnu la mort de 1 351 soldats russes."),
        ("it", "Il ministero russo ha ammesso la morte di 1.351 soldati russi."),
    ],
)
def test_the_death_of_a_number_of_soldiers_is_a_count_of_the_killed(lang: str, text: str) -> None:
    assert found(text, lang, "subject", "category", "value", "claimant") == [
        ("RU", "killed", 1351, "RU_MOD")
    ]
