"""Rules the third blind round in the other languages (own-{de,fr,it,es,zh}-3) asked for.

Every sentence here was written for these tests, in fresh words and figures; each test pins
one rule or one group of lexicon rows (tests/test_extract_languages.py holds the earlier ones).
"""

from __future__ import annotations

from extract_fields import found

from attrition.extract.segment import split_sentences
from attrition.extract.tokens import tokenize

# -- shared hooks -----------------------------------------------------------------------------


def test_a_word_ending_in_an_accented_letter_and_a_stop_ends_its_sentence() -> None:
    text = "Il a perdu 15 blindés dans la même journée. Le ministère russe assure le contraire."
    assert len(split_sentences(text, 0, len(text))) == 2
    german = "Russland nannte keinen Grund dafür. Die Angaben sind nicht überprüfbar."
    assert len(split_sentences(german, 0, len(german))) == 2
    initial = "Der Analyst J. Smith zählt 300 Panzer."
    assert len(split_sentences(initial, 0, len(initial))) == 1


def test_a_part_of_a_whole_is_read_in_every_language() -> None:
    cases = {
        "de": "Die ukrainische Luftwaffe hat nachts 45 von 60 russischen Drohnen abgeschossen.",
        "it": "L'aeronautica ucraina ha detto di aver abbattuto 23 dei 30 droni russi.",
        "fr": "L'armée de l'air ukrainienne affirme avoir abattu 18 sur 25 drones russes.",
        "es": "La Fuerza Aérea ucraniana informó de que derribó 40 de los 52 drones rusos.",
    }
    parts = {"de": 45, "it": 23, "fr": 18, "es": 40}
    for lang, text in cases.items():
        assert found(text, lang, "subject", "category", "value") == [("RU", "uav", parts[lang])], (
            lang
        )


def test_a_negated_report_verb_names_no_speaker() -> None:
    text = (
        "Der ukrainische Generalstab meldete am Montag 1.150 getötete oder verwundete russische "
        "Soldaten. Moskau nennt keine eigenen Zahlen.\n"
        "Die Verluste im Überblick:\n"
        "Panzer: 9.100 (+4)\n"
        "Drohnen: 18.000 (+40)"
    )
    claimants = {c[0] for c in found(text, "de", "claimant")}
    assert claimants == {"UA_GENERAL_STAFF"}


def test_a_source_anaphor_published_by_a_named_body_is_that_body() -> None:
    text = (
        "Selon le bilan publié jeudi par l'état-major ukrainien, quelque 650 000 soldats russes "
        "ont été tués ou blessés."
    )
    assert found(text, "fr", "claimant", "value") == [("UA_GENERAL_STAFF", 650000)]


def test_an_elided_second_count_shares_the_approximation() -> None:
    text = (
        "Selon une étude publiée en mars, environ 60 000 soldats russes auraient été tués et "
        "250 000 blessés."
    )
    assert found(text, "fr", "category", "value", "qualifier", "basis") == [
        ("killed", 60000, "about", "cumulative"),
        ("wounded", 250000, "about", "cumulative"),
    ]


# -- German -----------------------------------------------------------------------------------


def test_german_gut_is_over_and_tsd_is_a_thousand() -> None:
    text = (
        "Russland hat nach Angaben Kiews binnen 24 Stunden gut 1500 Soldaten verloren. "
        "Seit Anfang Jänner hat Russland demnach mehr als 30 Tsd. Soldaten verloren."
    )
    assert found(text, "de", "value", "qualifier", "basis", "claimant") == [
        (1500, "over", "daily", "UA_GENERAL_STAFF"),
        (30000, "over", "period", "UA_GENERAL_STAFF"),
    ]


def test_swiss_gemaess_attributes_a_figure() -> None:
    text = "Gemäss dem britischen Geheimdienst verliert Russland täglich rund 1100 Soldaten."
    assert found(text, "de") == [("RU", "personnel", 1100, "about", "rate", "UK_MOD")]


def test_nach_eigenen_angaben_credits_the_subject() -> None:
    text = "Die ukrainische Marine hat nach eigenen Angaben zwei russische Kriegsschiffe zerstört."
    assert found(text, "de", "subject", "category", "value", "claimant") == [
        ("RU", "ships", 2, "UA_GOV")
    ]


def test_german_dead_and_injured_together_are_personnel() -> None:
    text = (
        "Ein Bericht der amerikanischen Geheimdienste beziffert die russischen Verluste auf "
        "200.000 Tote und Verletzte."
    )
    assert found(text, "de") == [("RU", "personnel", 200000, "exact", "cumulative", "US_GOV")]


def test_a_weekday_after_seit_kriegsbeginn_opens_no_span() -> None:
    text = (
        "Der Generalstab in Kiew bezifferte die russischen Verluste seit Kriegsbeginn am Freitag "
        "auf rund 700.000 Soldaten."
    )
    assert found(text, "de", "value", "basis", "as_of", published="2024-05-10") == [
        (700000, "cumulative", "2024-05-10")
    ]
    since = "Seit Freitag hat Russland nach Angaben Kiews 3.100 Soldaten verloren."
    assert found(since, "de", "value", "basis") == [(3100, "period")]


def test_german_drones_lost_to_jamming_and_exchanged_prisoners_are_no_losses() -> None:
    text = (
        "Die Luftwaffe hat 30 russische Drohnen abgeschossen. Weitere 14 Drohnen seien durch "
        "elektronische Abwehr verloren gegangen. Nach einem Gefangenenaustausch kamen 95 "
        "Soldaten frei."
    )
    assert found(text, "de", "value") == [(30,)]


def test_german_participles_before_the_noun_leave_its_side_to_it() -> None:
    text = (
        "Das Portal Oryx zählt bisher 640 zerstörte, beschädigte oder erbeutete ukrainische "
        "Kampfpanzer."
    )
    assert found(text, "de", "subject", "category", "value", "claimant") == [
        ("UA", "tanks", 640, "ORYX")
    ]


# -- French -----------------------------------------------------------------------------------


def test_french_collective_numbers_are_approximate_figures() -> None:
    text = (
        "Selon Kyiv, l'armée russe a perdu une dizaine de chars et plus d'un millier d'hommes "
        "en une journée."
    )
    assert found(text, "fr", "category", "value", "qualifier", "basis") == [
        ("tanks", 10, "about", "daily"),
        ("personnel", 1000, "over", "daily"),
    ]
    assert found("La perte d'un char a été confirmée.", "fr") == []


def test_french_air_defence_and_dead_or_missing_are_read() -> None:
    air = "Selon l'état-major ukrainien, la Russie a perdu 640 systèmes de défense antiaérienne."
    assert found(air, "fr", "category", "value") == [("air_defense", 640)]
    missing = (
        "Le site indépendant compte quelque 50 000 militaires ukrainiens morts ou disparus, "
        "selon des analystes."
    )
    assert found(missing, "fr", "subject", "category", "value") == [("UA", "personnel", 50000)]


def test_french_fait_etat_de_is_a_report_verb() -> None:
    text = (
        "L'état-major ukrainien a fait état mardi de 980 soldats russes tués ou blessés en une "
        "journée."
    )
    assert found(text, "fr", "value", "claimant", "as_of") == [
        (980, "UA_GENERAL_STAFF", "2024-05-14")
    ]


def test_french_freed_prisoners_are_no_losses() -> None:
    text = (
        "Plus de 2 000 militaires ukrainiens ont été libérés lors d'échanges depuis le début de "
        "la guerre, selon Kyiv."
    )
    assert found(text, "fr") == []


def test_french_and_spanish_outlets_named_with_their_description_are_claimants() -> None:
    fr = (
        "D'après une enquête du média indépendant Mediazona, au moins 80 000 soldats russes "
        "ont été tués."
    )
    es = "Según un cálculo del medio ruso Mediazona, unos 70.000 militares rusos han muerto."
    assert found(fr, "fr", "value", "claimant") == [(80000, "MEDIAZONA")]
    assert found(es, "es", "value", "claimant") == [(70000, "MEDIAZONA")]


# -- Italian ----------------------------------------------------------------------------------


def test_italian_mille_and_fuori_combattimento() -> None:
    text = (
        "Kiev, oltre mille soldati russi fuori combattimento nelle ultime 24 ore secondo lo "
        "Stato maggiore."
    )
    assert found(text, "it") == [("RU", "personnel", 1000, "over", "daily", "UA_GENERAL_STAFF")]


def test_italian_stando_alle_stime_di_attributes() -> None:
    text = "Stando alle stime di Washington, la Russia avrebbe perso circa 250.000 uomini."
    assert found(text, "it", "value", "claimant") == [(250000, "US_GOV")]


def test_losses_named_with_their_side_after_them_set_the_topic() -> None:
    text = (
        "Ucraina, le perdite russe secondo lo Stato maggiore\n"
        "Lo Stato maggiore di Kiev ha aggiornato il bilancio delle perdite subite dalla Russia. "
        "Questi i dati:\n"
        "- carri armati: 4.100 (+7)\n"
        "- navi: 20"
    )
    assert found(text, "it", "subject", "category", "value") == [
        ("RU", "tanks", 4100),
        ("RU", "tanks", 7),
        ("RU", "ships", 20),
    ]


def test_italian_recruits_and_both_sides_together_are_no_claims() -> None:
    recruits = "Secondo l'intelligence ucraina, la Russia recluta circa 25.000 uomini al mese."
    both = (
        "Il numero complessivo dei soldati russi e ucraini uccisi o feriti supera ormai i "
        "400.000, secondo analisti."
    )
    assert found(recruits, "it") == []
    assert found(both, "it") == []


# -- Spanish ----------------------------------------------------------------------------------


def test_spanish_en_la_jornada_is_a_day() -> None:
    text = (
        "El Ministerio de Defensa ruso afirmó que el enemigo perdió en la jornada más de 600 "
        "militares."
    )
    assert found(text, "es") == [("UA", "personnel", 600, "over", "daily", "RU_MOD")]


def test_spanish_plural_report_verbs_attribute() -> None:
    text = (
        "Las Fuerzas Armadas de Ucrania han informado de que Rusia ha perdido 1.020 soldados en "
        "la última jornada."
    )
    assert found(text, "es", "value", "claimant") == [(1020, "UA_GENERAL_STAFF")]


def test_spanish_personal_a_after_a_capture_verb() -> None:
    text = (
        "El comandante ucraniano afirmó que sus tropas han capturado a 310 soldados rusos desde "
        "el comienzo de la operación."
    )
    assert found(text, "es", "subject", "category", "value") == [("RU", "captured", 310)]


def test_spanish_air_defence_special_equipment_and_pluperfect_deaths() -> None:
    text = (
        "Según el Estado Mayor ucraniano, Rusia ha perdido 700 sistemas de defensa antiaérea y "
        "2.100 unidades de equipamiento especial."
    )
    assert found(text, "es", "category", "value") == [
        ("air_defense", 700),
        ("special_equipment", 2100),
    ]
    dead = "El presidente afirmó que 25.000 soldados ucranianos habían muerto."
    assert found(dead, "es", "subject", "category", "value") == [("UA", "killed", 25000)]


# -- Chinese ----------------------------------------------------------------------------------


def test_full_width_marks_read_as_their_ascii_forms() -> None:
    marks = [t for t in tokenize("人员：约52万人（+1200）") if t.kind == "punct"]
    assert [t.norm for t in marks] == [":", "(", "+", ")"]
    assert [t.text for t in marks] == ["：", "（", "+", "）"]


def test_a_chinese_tally_with_full_width_colons_and_increments() -> None:
    text = (
        "乌军总参谋部周一公布的数据显示，截至当天，俄军累计损失如下：\n"
        "人员：约52万人（+1200）\n"
        "坦克：8100辆（+5）\n"
        "火炮：15020门"
    )
    assert found(text, "zh", "category", "value", "qualifier", "basis", "claimant") == [
        ("personnel", 520000, "about", "cumulative", "UA_GENERAL_STAFF"),
        ("personnel", 1200, "exact", "daily", "UA_GENERAL_STAFF"),
        ("tanks", 8100, "exact", "cumulative", "UA_GENERAL_STAFF"),
        ("tanks", 5, "exact", "daily", "UA_GENERAL_STAFF"),
        ("artillery", 15020, "exact", "cumulative", "UA_GENERAL_STAFF"),
    ]


def test_a_chinese_week_is_a_span_and_a_single_day_a_day() -> None:
    week = "俄国防部称，乌军一周内在库皮扬斯克方向损失约1800人。"
    day = "乌克兰军方称，俄军单日伤亡约1500人。"
    assert found(week, "zh", "value", "basis") == [(1800, "period")]
    assert found(day, "zh", "value", "basis") == [(1500, "daily")]


def test_a_chinese_count_of_the_dead_or_the_wounded_names_its_category() -> None:
    text = "据估计，俄军死亡人数约为12万人，受伤人数约30万。"
    assert found(text, "zh", "category", "value", "qualifier") == [
        ("killed", 120000, "about"),
        ("wounded", 300000, "about"),
    ]


def test_chinese_jin_is_nearly_and_the_russian_side_is_a_generic_russia() -> None:
    text = "俄方称，乌军在该方向已损失近3000人。"
    assert found(text, "zh", "subject", "value", "qualifier", "claimant") == [
        ("UA", 3000, "under", "RU_GOV")
    ]


def test_chinese_tanks_may_be_written_as_combat_vehicles() -> None:
    text = "美國國防部官員估計，俄軍在攻勢中已損失逾百輛戰車。"
    assert found(text, "zh") == [("RU", "tanks", 100, "over", "period", "US_GOV")]


# -- second landing ---------------------------------------------------------------------------


def test_a_number_before_its_placeholder_counts_the_noun_after_it() -> None:
    es = "El ministerio ruso cifró en 2.940 el número de heridos en sus filas."
    fr = "Kyiv chiffre à 2 300 le nombre de soldats russes tués en mai."
    it = "Kiev quantifica in 2.300 il numero dei soldati russi uccisi a maggio."
    assert found(es, "es", "category", "value") == [("wounded", 2940)]
    assert found(fr, "fr", "category", "value") == [("killed", 2300)]
    assert found(it, "it", "category", "value") == [("killed", 2300)]


def test_a_reported_perfect_with_its_own_day_is_that_days_loss() -> None:
    cases = {
        "fr": "Selon Kiev, 340 militaires russes ont été tués mardi dans la région de Donetsk.",
        "it": "Secondo Kiev, 340 soldati russi sono stati uccisi martedì nella zona di Donetsk.",
        "de": "Nach Angaben Kiews sind am Dienstag 340 russische Soldaten getötet worden.",
    }
    for lang, text in cases.items():
        assert found(text, lang, "value", "basis") == [(340, "daily")], lang


def test_a_country_after_a_preposition_and_a_conjunction_is_no_speaker() -> None:
    text = (
        "El Ministerio de Defensa ruso reconoció la muerte de 1.100 militares en Ucrania y cifró "
        "en 2.900 el número de heridos."
    )
    assert found(text, "es", "category", "value", "claimant") == [
        ("killed", 1100, "RU_MOD"),
        ("wounded", 2900, "RU_MOD"),
    ]


def test_french_and_spanish_past_weeks_are_periods() -> None:
    fr = "Selon Moscou, l'armée ukrainienne a perdu 2 100 soldats au cours de la semaine écoulée."
    es = "Según Moscú, las tropas ucranianas sufrieron más de 2.000 bajas en la última semana."
    assert found(fr, "fr", "value", "basis") == [(2100, "period")]
    assert found(es, "es", "value", "basis") == [(2000, "period")]


def test_totals_passing_a_mark_are_read_in_every_language() -> None:
    cases = {
        "it": ("Le perdite russe hanno superato quota 640mila, secondo Kiev.", 640000),
        "es": ("Las bajas rusas superan ya las 640.000, según Kiev.", 640000),
        "zh": ("乌军称，俄军伤亡人数已突破64万。", 640000),
    }
    for lang, (text, value) in cases.items():
        assert found(text, lang, "subject", "category", "value", "qualifier") == [
            ("RU", "personnel", value, "over")
        ], lang


def test_dead_and_wounded_together_are_personnel_in_italian_and_chinese() -> None:
    it = (
        "Secondo l'intelligence britannica, le perdite russe sono circa 470.000 tra morti e feriti."
    )
    zh = "英国国防部估计，俄军死伤人数约为47万。"
    assert found(it, "it", "category", "value", "claimant") == [("personnel", 470000, "UK_MOD")]
    assert found(zh, "zh", "category", "value", "claimant") == [("personnel", 470000, "UK_MOD")]


def test_a_days_part_of_a_total_named_after_darunter_or_the_last_day() -> None:
    de = (
        "Seit Beginn des Krieges hat Russland nach ukrainischen Angaben 530.000 Soldaten "
        "verloren – darunter 1.100 allein am Vortag."
    )
    it = "L'esercito russo ha perso 1.340 soldati nell'ultima giornata, secondo Kiev."
    assert found(de, "de", "value", "basis") == [(530000, "cumulative"), (1100, "daily")]
    assert found(it, "it", "value", "basis") == [(1340, "daily")]
    downed = "Mosca rivendica l'abbattimento di 25 droni ucraini."
    assert found(downed, "it", "subject", "category", "value") == [("UA", "uav", 25)]


def test_a_side_named_on_the_figures_source_is_that_sides_claim() -> None:
    text = (
        "Die ukrainische Armee hat nach russischen Angaben in der Region Kursk bislang mehr als "
        "6.600 Soldaten und 74 Panzer verloren."
    )
    assert found(text, "de", "subject", "category", "value", "claimant") == [
        ("UA", "personnel", 6600, "RU_GOV"),
        ("UA", "tanks", 74, "RU_GOV"),
    ]


def test_western_intelligence_and_sources_are_other_claimants() -> None:
    de = "Nach Schätzungen westlicher Geheimdienste sind rund 120.000 russische Soldaten gefallen."
    it = "Secondo fonti occidentali, la Russia ha perso 300.000 uomini."
    assert found(de, "de", "value", "claimant") == [(120000, "OTHER")]
    assert found(it, "it", "value", "claimant") == [(300000, "OTHER")]


def test_spanish_the_last_days_casualties_are_a_day() -> None:
    text = "El Estado Mayor ucraniano cifró en 1.550 las bajas rusas de la última jornada."
    assert found(text, "es", "value", "basis") == [(1550, "daily")]
