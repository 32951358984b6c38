"""Extraction in the other languages: layouts and phrasings the fourth blind round met.

Every sentence here was written for these tests (own-de-4 … own-ru-3 taught the rules, not
the words); each test pins one rule or one group of lexicon rows.
"""

from __future__ import annotations

from extract_fields import found

# -- numbers and dates -------------------------------------------------------------------------


def test_chinese_groups_take_the_digits_glued_after_them() -> None:
    assert found("乌军已有超过3万2000名军人阵亡。", "zh", "value") == [(32000,)]
    assert found("俄军累计人员损失已达约51萬8千人。", "zh", "value") == [(518000,)]
    assert found("已确认7万4500多名俄军阵亡者的身份。", "zh", "value", "qualifier") == [
        (74500, "over")
    ]


def test_a_decimal_with_its_unit_glued_on_is_no_day_first_date() -> None:
    text = "俄国防部：乌军一周内损失约1.25万人"
    assert found(text, "zh", "value", "as_of") == [(12500, None)]


def test_a_chinese_day_before_the_speaker_dates_the_statement() -> None:
    text = "当地时间3月8日，俄罗斯国防部发布战报称，过去一周乌军损失约9800人。"
    assert found(text, "zh", "value", "claimant", "as_of") == [(9800, "RU_MOD", "2024-03-08")]
    plain = "3月8日，俄罗斯国防部称，过去一周乌军损失约9800人。"
    assert found(plain, "zh", "as_of") == [("2024-03-08",)]


# -- speakers -----------------------------------------------------------------------------------


def test_prose_after_a_line_that_publishes_loss_data_takes_its_speaker() -> None:
    text = (
        "Генштаб ЗСУ оприлюднив дані про втрати російських військ на ранок 15 травня.\n"
        "За минулу добу захисники ліквідували 1 210 окупантів і знищили 9 танків."
    )
    assert found(text, "uk", "value", "claimant") == [
        (1210, "UA_GENERAL_STAFF"),
        (9, "UA_GENERAL_STAFF"),
    ]


def test_a_line_that_only_mentions_a_speaker_hands_nothing_to_the_prose_after_it() -> None:
    text = (
        "За даними розвідки, у бою загинули кілька російських морпіхів.\n"
        "Загалом Україна знищила 24 російські кораблі."
    )
    assert found(text, "uk", "value", "claimant") == [(24, None)]


def test_foreign_officials_and_intelligence_in_the_plural_are_their_governments() -> None:
    de = "Britische Militärgeheimdienste schätzen die russischen Verluste auf etwa 600.000 Mann."
    assert found(de, "de", "claimant") == [("UK_MOD",)]
    it = "Secondo funzionari americani, la Russia ha subito fino a 90.000 morti."
    assert found(it, "it", "claimant") == [("US_GOV",)]
    ru = "Американские чиновники оценивали потери Украины в 70 тысяч убитых."
    assert found(ru, "ru", "claimant") == [("US_GOV",)]


def test_a_chinese_think_tank_is_no_government_and_believing_is_reporting() -> None:
    text = (
        "美国智库战争研究所估计，俄军平均每天伤亡约1300人。英国国防部则认为，俄军去年伤亡超过40万。"
    )
    assert found(text, "zh", "value", "claimant") == [(1300, "OTHER"), (400000, "UK_MOD")]


# -- nouns and qualifiers -----------------------------------------------------------------------


def test_russian_mod_running_totals_name_armour_with_tanks_and_rocket_launchers() -> None:
    text = (
        "Всего с начала специальной военной операции уничтожены 21 400 танков и других боевых "
        "бронированных машин, 1 480 боевых машин реактивных систем залпового огня."
    )
    assert found(text, "ru", "category", "value") == [("afv", 21400), ("mlrs", 1480)]
    one = "Всего уничтожены 22 017 танк и другие боевые бронированные машины."
    assert found(one, "ru", "category") == [("afv",)]


def test_chinese_at_most_is_a_bound_and_fixed_wing_drones_are_drones() -> None:
    text = "俄罗斯国防部称，俄军歼灭乌军最多1800人，并击落312架固定翼无人机。"
    assert found(text, "zh", "category", "value", "qualifier") == [
        ("personnel", 1800, "under"),
        ("uav", 312, "exact"),
    ]


def test_italian_combat_vehicles_are_armour() -> None:
    text = "Secondo Oryx, l'Ucraina ha perso almeno 30 veicoli da combattimento Marder."
    assert found(text, "it", "category", "value") == [("afv", 30)]


def test_a_chinese_day_after_an_outlets_prefix_still_dates_the_statement() -> None:
    text = "（央视新闻）当地时间3月8日，俄罗斯国防部发布战报称，过去一周乌军损失约9800人。"
    assert found(text, "zh", "as_of") == [("2024-03-08",)]


def test_a_window_before_a_chinese_report_verb_is_when_it_was_said() -> None:
    text = "泽连斯基上月接受采访时说，乌军已有超过3万名军人阵亡。"
    assert found(text, "zh", "basis", "claimant") == [("cumulative", "UA_GOV")]
    said = "英國國防部上週在簡報中指出，俄軍每天的平均傷亡人數約為1100人。"
    assert found(said, "zh", "basis", "claimant") == [("rate", "UK_MOD")]


def test_an_outlet_that_hears_a_statement_is_not_its_speaker() -> None:
    text = "泽连斯基接受美国媒体采访时说，乌军已有超过3万名军人阵亡。"
    assert found(text, "zh", "claimant") == [("UA_GOV",)]


def test_bbc_russian_named_in_chinese_counts_with_mediazona() -> None:
    text = "英国广播公司（BBC）俄语部逐一核实，已确认6万8000多名俄军阵亡者的身份。"
    assert found(text, "zh", "value", "claimant") == [(68000, "MEDIAZONA")]


def test_a_wire_datelines_day_dates_the_statements_of_its_lead() -> None:
    text = (
        "ВСУ за неделю потеряли 9 тыс. военнослужащих\n"
        "МОСКВА, 12 апреля. /ТАСС/. Вооруженные силы Украины за неделю потеряли более 9 030 "
        "военнослужащих. Об этом сообщили в Министерстве обороны РФ.\n"
        "По данным ведомства, всего с начала спецоперации уничтожены 640 самолетов."
    )
    days = found(text, "ru", "value", "as_of", published="2024-04-12")
    assert days == [(9000, "2024-04-12"), (9030, "2024-04-12"), (640, "2024-04-12")]
    think_tank = (
        "МОСКВА, 12 апреля. /ТАСС/. Потери ВСУ превысили 500 тысяч человек, считают аналитики."
    )
    assert found(think_tank, "ru", "as_of", published="2024-04-12") == [(None,)]


def test_a_dateline_without_a_day_dates_nothing() -> None:
    text = "Moscú (EFE).- El Ministerio de Defensa ruso afirmó que Ucrania perdió 1.200 soldados."
    assert found(text, "es", "value", "as_of", published="2024-06-04") == [(1200, None)]


def test_moscow_right_after_the_ministrys_bulletin_is_still_the_ministry() -> None:
    text = (
        "Das russische Verteidigungsministerium hat seine Wochenbilanz veröffentlicht. "
        "Die ukrainische Armee habe bis zu 2.100 Soldaten verloren, hieß es in Moskau."
    )
    assert found(text, "de", "claimant") == [("RU_MOD",)]
    alone = "Die ukrainische Armee habe bis zu 2.100 Soldaten verloren, hieß es in Moskau."
    assert found(alone, "de", "claimant") == [("RU_GOV",)]


# -- increments and ranges ----------------------------------------------------------------------


def test_an_increment_may_name_its_window_inside_the_bracket() -> None:
    text = (
        "Lo Stato maggiore ucraino stima in 716.000 i militari russi persi, di cui 1.250 "
        "nell'ultima giornata. Tra i mezzi "
        "distrutti figurano 8.950 carri armati (+14 nelle ultime 24 ore) e 19.800 sistemi di "
        "artiglieria (+37)."
    )
    rows = found(text, "it", "category", "value", "basis")
    assert ("tanks", 8950, "cumulative") in rows
    assert ("tanks", 14, "daily") in rows
    assert ("artillery", 19800, "cumulative") in rows


def test_a_dashed_range_shares_its_upper_bounds_thousands() -> None:
    text = "Secondo fonti americane, la Russia ha subito 100-120.000 feriti e 60-100 morti ieri."
    assert found(text, "it", "low", "high") == [(100000, 120000), (60, 100)]


def test_a_romance_or_german_article_is_no_count_of_one() -> None:
    text = "Le perdite ucraine ammonterebbero a 480 uomini, un carro armato e quattro blindati."
    assert [v for (v,) in found(text, "it", "value")] == [480, 4]
    assert found("Die Armee verlor einen Panzer und ein Dutzend Soldaten.", "de", "value") == [
        (12,)
    ]


def test_mexican_thousands_write_the_hundreds_after_the_word() -> None:
    text = "La Defensa rusa afirmó que Ucrania ha perdido hasta 3 mil 45 soldados."
    assert found(text, "es", "value", "qualifier") == [(3045, "under")]
    assert found("Ucrania perdió 12 mil soldados y 30 tanques.", "es", "value") == [
        (12000,),
        (30,),
    ]


def test_spanish_hovering_around_a_number_is_an_approximation() -> None:
    text = "La inteligencia británica calcula que las bajas rusas rondan las 410.000."
    assert found(text, "es", "value", "qualifier", "claimant") == [(410000, "about", "UK_MOD")]


# -- the dead, named and estimated ----------------------------------------------------------------


def test_a_slavic_participle_after_a_comma_names_the_dead() -> None:
    ru = "Известны имена 98 400 российских военных, погибших в Украине."
    assert found(ru, "ru", "category", "value") == [("killed", 98400)]
    uk = "Встановлено імена 61 200 російських військових, загиблих в Україні."
    assert found(uk, "uk", "category", "value") == [("killed", 61200)]


def test_a_russian_estimate_of_who_may_have_died_is_a_count_but_a_forecast_is_not() -> None:
    may_have = "По оценке, в Украине могли погибнуть от 140 до 170 тысяч российских военных."
    assert found(may_have, "ru", "category", "low", "high") == [("killed", 140000, 170000)]
    forecast = "Эксперты считают, что в 2026 году могут погибнуть 90 тысяч российских военных."
    assert found(forecast, "ru") == []


def test_a_month_before_the_report_verb_is_when_it_was_said() -> None:
    text = "Американские чиновники в сентябре оценивали потери Украины в 70 тысяч убитых."
    assert found(text, "ru", "basis", "claimant") == [("cumulative", "US_GOV")]


def test_a_headline_naming_an_outlets_summary_credits_the_prose_after_it() -> None:
    text = (
        "Потери России в войне. Сводка «Медиазоны»\n"
        "Нам известны имена 98 400 российских военных, погибших в ходе вторжения."
    )
    assert found(text, "ru", "value", "claimant") == [(98400, "MEDIAZONA")]


def test_a_headlines_generic_russia_is_the_ministry_its_body_quotes() -> None:
    text = (
        "Rusia afirma que Ucrania ha perdido más de 1.000 soldados en Kursk\n"
        "El Ministerio de Defensa de Rusia afirmó este miércoles que las fuerzas ucranianas "
        "han perdido hasta 1.040 soldados desde el inicio de la incursión."
    )
    assert found(text, "es", "value", "claimant") == [(1000, "RU_MOD"), (1040, "RU_MOD")]
    alone = "Rusia afirma que Ucrania ha perdido más de 1.000 soldados en Kursk"
    assert found(alone, "es", "claimant") == [("RU_GOV",)]


def test_spanish_production_is_no_loss() -> None:
    text = "La producción de tanques en Rusia, que según expertos ronda los 1.500 al año, crece."
    assert found(text, "es") == []


def test_by_the_end_of_a_year_in_russian_dates_the_count_and_opens_no_window() -> None:
    text = (
        "По оценке «Медиазоны», к концу 2024 года в Украине могли погибнуть 150 тысяч "
        "российских военных."
    )
    assert found(text, "ru", "basis", "as_of") == [("cumulative", "2024-12-31")]


def test_spanish_last_year_is_a_window() -> None:
    text = (
        "Según Kiev, el Ejército ruso habría perdido durante el año pasado 3.100 carros de combate."
    )
    assert found(text, "es", "basis") == [("period",)]


def test_people_of_no_side_are_a_strikes_victims_in_every_language() -> None:
    assert found("In der Region Sumy wurden zwei Menschen verletzt.", "de") == []
    assert found("À Kharkiv, 12 personnes ont été blessées.", "fr") == []
    assert found("Russland hat 40.000 Menschen in der Ukraine verloren.", "de", "value") == [
        (40000,)
    ]


def test_german_projectiles_are_no_losses_and_a_subjunctive_loses() -> None:
    text = (
        "Die Luftabwehr habe 310 Drohnen sowie 24 Geschosse der Mehrfachraketenwerfer abgeschossen."
    )
    assert found(text, "de", "category", "value") == [("uav", 310)]
    rate = "Täglich verliere Russland im Schnitt rund 1.300 Mann, hieß es aus London."
    assert found(rate, "de", "value", "basis", "claimant") == [(1300, "rate", "UK_MOD")]
